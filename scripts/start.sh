#!/usr/bin/env bash
# npm start: builds the bundle and runs AppMon with the reference monitoring API, in the
# first of these it finds:
#   1. an installed Grafana (GRAFANA_BIN, or `grafana` on PATH), on http://127.0.0.1:3000;
#   2. a Docker engine: `docker compose up --build` (Grafana 12.4 with dist/ mounted);
#   3. neither: the AppMon preview (the built plugins loaded as Grafana loads them, with live
#      data through the real backend) on http://127.0.0.1:3000, and how to get Grafana.
# Ctrl-C stops everything it started.
#
#   APPMON_API_PORT (4000), GRAFANA_PORT / APPMON_PREVIEW_PORT (3000)
#   APPMON_SKIP_BUILD=1    reuse an existing dist/ (the frontend and this platform's backend)
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

API_PORT="${APPMON_API_PORT:-4000}"
export GRAFANA_PORT="${GRAFANA_PORT:-3000}"
export GRAFANA_ADMIN_PASSWORD="${GRAFANA_ADMIN_PASSWORD:-admin}"

# Prerequisites first, within seconds.
command -v node >/dev/null || die "Node.js is missing: install Node 22 (nodejs.org, or your distribution's package)."
command -v go >/dev/null || die "Go is missing: install Go $(sed -n 's/^go //p' go.mod) (go.dev/dl) to build the data source's backend."

mode=preview
if [[ -n "${GRAFANA_BIN:-}" ]] || command -v grafana >/dev/null; then
  mode=grafana
  export GRAFANA_BIN="${GRAFANA_BIN:-$(command -v grafana)}"
elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  mode=docker
fi
log "Starting AppMon: $(case "$mode" in grafana) echo "with Grafana ($GRAFANA_BIN)" ;; docker) echo "with Docker Compose" ;; *) echo "preview (no Grafana or Docker engine found)" ;; esac)"

ensure_node
ensure_npm_deps "$REPO_ROOT"
ensure_npm_deps "$REPO_ROOT/monitoring-api"
ensure_go

backend_target() {
  case "$(uname -m)" in
    aarch64 | arm64) echo linux-arm64 ;;
    *) echo linux-amd64 ;;
  esac
}
if [[ "${APPMON_SKIP_BUILD:-}" != 1 ]]; then
  log "Building the bundle"
  npm run --silent build:frontend >/dev/null
  case "$mode" in
    preview) CGO_ENABLED=0 go build -o "dist/datasource/gpx_appmon_endpoints_$(go env GOOS)_$(go env GOARCH)" ./pkg ;;
    *) bash scripts/build-backend.sh "$(backend_target)" >/dev/null ;;
  esac
fi

# Local defaults for everything the provisioning files read from the environment.
# The alert contact points point at nothing reachable until you set real ones.
export APPMON_API_URL="${APPMON_API_URL:-http://127.0.0.1:$API_PORT}"
export APPMON_PROMETHEUS_URL="${APPMON_PROMETHEUS_URL:-http://127.0.0.1:9090}"
export APPMON_METRICS_API_KEY="${APPMON_METRICS_API_KEY:-dev-metrics-key}"
export APPMON_ADMIN_API_KEY="${APPMON_ADMIN_API_KEY:-dev-admin-key}"
export APPMON_DASHBOARDS_PATH="$REPO_ROOT/dashboards"
export APPMON_ALERT_WEBHOOK_URL="${APPMON_ALERT_WEBHOOK_URL:-http://127.0.0.1:9/appmon-webhook-not-configured}"
export APPMON_SLACK_WEBHOOK_URL="${APPMON_SLACK_WEBHOOK_URL:-http://127.0.0.1:9/appmon-slack-not-configured}"
export APPMON_PAGERDUTY_INTEGRATION_KEY="${APPMON_PAGERDUTY_INTEGRATION_KEY:-not-configured}"
export APPMON_PAGERDUTY_EVENTS_URL="${APPMON_PAGERDUTY_EVENTS_URL:-http://127.0.0.1:9/appmon-pagerduty-not-configured}"
export APPMON_ALERT_EMAILS="${APPMON_ALERT_EMAILS:-oncall@example.com}"

scripts/render-provisioning.sh "$REPO_ROOT/.cache/provisioning"

if [[ "$mode" == docker ]]; then
  exec docker compose up --build
fi

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PORT="$API_PORT" METRICS_API_KEY="$APPMON_METRICS_API_KEY" ADMIN_API_KEY="$APPMON_ADMIN_API_KEY" \
  bash scripts/api.sh &
pids+=($!)

if [[ "$mode" == grafana ]]; then
  log "Starting Grafana on http://127.0.0.1:$GRAFANA_PORT (admin / $GRAFANA_ADMIN_PASSWORD)"
  scripts/grafana-run.sh --plugin-dist dist --provisioning-dir "$REPO_ROOT/.cache/provisioning" &
  pids+=($!)
else
  node scripts/preview.mjs --port "${APPMON_PREVIEW_PORT:-3000}" --api-url "$APPMON_API_URL" &
  pids+=($!)
fi
wait -n "${pids[@]}"
