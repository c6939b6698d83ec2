#!/usr/bin/env bash
# Starts the whole product locally: builds the bundle, runs the reference monitoring API
# and a Grafana server with the bundle and this repo's provisioning on http://127.0.0.1:3000.
#
# Grafana comes from, in order: GRAFANA_BIN (an installed Grafana's bin/grafana), a
# `grafana` on PATH, or `docker compose up --build` when a Docker engine runs (it builds
# everything in images instead).
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

API_PORT="${APPMON_API_PORT:-4000}"
export GRAFANA_PORT="${GRAFANA_PORT:-3000}"
export GRAFANA_ADMIN_PASSWORD="${GRAFANA_ADMIN_PASSWORD:-admin}"

find_local_grafana() {
  if [[ -n "${GRAFANA_BIN:-}" ]]; then return 0; fi
  if command -v grafana >/dev/null; then
    GRAFANA_BIN="$(command -v grafana)"
    export GRAFANA_BIN
    return 0
  fi
  return 1
}

if ! find_local_grafana; then
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    log "No local Grafana server; starting the Docker Compose stack instead"
    exec docker compose up --build
  fi
  die "no Grafana server to run. Install Grafana 12.3 or newer and set GRAFANA_BIN to its
  bin/grafana (the standalone Linux tarball works), put grafana on PATH, or start a Docker
  engine so that 'docker compose up --build' can run everything in images."
fi

ensure_node
ensure_npm_deps "$REPO_ROOT"
ensure_npm_deps "$REPO_ROOT/monitoring-api"
ensure_go

log "Building the bundle"
npm run --silent build:frontend
case "$(uname -m)" in
  aarch64 | arm64) mage_cmd build:linuxARM64 ;;
  *) mage_cmd build:linux ;;
esac

# Local defaults for everything the provisioning files read from the environment.
# The alert contact points point at nothing reachable until you set real ones.
export APPMON_API_URL="${APPMON_API_URL:-http://127.0.0.1:$API_PORT}"
export APPMON_METRICS_API_KEY="${APPMON_METRICS_API_KEY:-dev-metrics-key}"
export APPMON_ADMIN_API_KEY="${APPMON_ADMIN_API_KEY:-dev-admin-key}"
export APPMON_DASHBOARDS_PATH="$REPO_ROOT/dashboards"
export APPMON_ALERT_WEBHOOK_URL="${APPMON_ALERT_WEBHOOK_URL:-http://127.0.0.1:9/appmon-webhook-not-configured}"
export APPMON_SLACK_WEBHOOK_URL="${APPMON_SLACK_WEBHOOK_URL:-http://127.0.0.1:9/appmon-slack-not-configured}"
export APPMON_PAGERDUTY_INTEGRATION_KEY="${APPMON_PAGERDUTY_INTEGRATION_KEY:-not-configured}"
export APPMON_PAGERDUTY_EVENTS_URL="${APPMON_PAGERDUTY_EVENTS_URL:-http://127.0.0.1:9/appmon-pagerduty-not-configured}"
export APPMON_ALERT_EMAILS="${APPMON_ALERT_EMAILS:-oncall@example.com}"

pids=()
stop_all() { for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "Starting the reference monitoring API on 127.0.0.1:$API_PORT"
PORT="$API_PORT" METRICS_API_KEY="$APPMON_METRICS_API_KEY" ADMIN_API_KEY="$APPMON_ADMIN_API_KEY" \
  npm --prefix monitoring-api run --silent start &
pids+=($!)

log "Starting Grafana on http://127.0.0.1:$GRAFANA_PORT (admin / $GRAFANA_ADMIN_PASSWORD)"
scripts/render-provisioning.sh "$REPO_ROOT/.cache/provisioning"
scripts/grafana-run.sh --plugin-dist dist --provisioning-dir "$REPO_ROOT/.cache/provisioning" &
pids+=($!)
wait -n "${pids[@]}"
