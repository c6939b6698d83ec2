#!/usr/bin/env bash
# Starts the reference monitoring API on http://127.0.0.1:4000 (APPMON_API_PORT to change;
# INSTANCES=N serves N instances on that port and the next ones), installing its
# dependencies only when they are missing or older than its lock file.
source "$(dirname "$0")/lib.sh"
ensure_node
ensure_npm_deps "$REPO_ROOT/monitoring-api"
export PORT="${APPMON_API_PORT:-${PORT:-4000}}"
export METRICS_API_KEY="${METRICS_API_KEY:-dev-metrics-key}"
export ADMIN_API_KEY="${ADMIN_API_KEY:-dev-admin-key}"
export INSTANCES="${INSTANCES:-1}"
if [ "$INSTANCES" = 1 ]; then
  log "Reference monitoring API on http://127.0.0.1:$PORT"
else
  log "Reference monitoring API: $INSTANCES instances from http://127.0.0.1:$PORT (the log lists every URL)"
fi
log "  metrics key (X-API-Key or Authorization: Bearer): $METRICS_API_KEY   admin key (X-Admin-Key): $ADMIN_API_KEY"
cd "$REPO_ROOT/monitoring-api"
npm run --silent build
exec node dist/main.js "$@"
