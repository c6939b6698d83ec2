#!/usr/bin/env bash
# Runs an installed Grafana server on 127.0.0.1 with the AppMon bundle, with its
# data, logs, plugins and provisioning in a fresh temporary folder.
#
#   scripts/grafana-run.sh [--plugin-dist DIR] [--provisioning-dir DIR]
#
#   --plugin-dist DIR       the bundle's built dist/, linked into the plugins
#                           folder as appmon-monitoring-app
#   --provisioning-dir DIR  Grafana provisioning folder (datasources/, plugins/,
#                           dashboards/, alerting/); default: an empty one
#
# Environment:
#   GRAFANA_ADMIN_PASSWORD  admin password; without it a random one is written
#                           to the file named by GRAFANA_ADMIN_PASSWORD_FILE
#   GRAFANA_START_TIMEOUT   seconds to wait for /api/health (default 180)
#   GRAFANA_KEEP_TMP=1      keep the temporary folder after stopping
#   GRAFANA_PORT            port to listen on (default: a free one)
#   GRAFANA_BIN             the Grafana binary to run (default: `grafana` on PATH);
#                           GRAFANA_HOME: its home folder, default BIN/../
#   Everything else in the environment reaches Grafana, so provisioning files
#   can read variables with $__env{NAME}, as they do for users.
#
# Once /api/health answers it prints, one per line on stdout:
#   GRAFANA_URL=http://127.0.0.1:<port>
#   GRAFANA_ADMIN_USER=admin
#   GRAFANA_ADMIN_PASSWORD_FILE=<file> (only when the password was generated)
#   GRAFANA_LOG_FILE=<Grafana's log file>
#   GRAFANA_CONSOLE_LOG=<Grafana's stdout and stderr>
#   GRAFANA_TMP_DIR=<the temporary folder>
#   GRAFANA_READY
# and keeps Grafana running until it gets SIGTERM (or Ctrl-C in a terminal; a
# job that a script starts in the background ignores SIGINT), then stops it and
# removes the temporary folder. It exits non-zero if Grafana stops by itself.
set -euo pipefail

readonly appmon_plugin_ids="appmon-monitoring-app,appmon-endpoints-datasource,appmon-slacompliance-panel,appmon-alerttimeline-panel,appmon-oncallstatus-panel"

fail() {
  printf 'grafana run: %s\n' "$1" >&2
  shift
  local hint
  for hint in "$@"; do printf '  - %s\n' "$hint" >&2; done
  exit 1
}

log() { printf 'grafana run: %s\n' "$*" >&2; }

plugin_dist=""
provisioning_dir=""
while (($# > 0)); do
  case "$1" in
    --plugin-dist) plugin_dist="${2:?--plugin-dist needs a folder}"; shift 2 ;;
    --provisioning-dir) provisioning_dir="${2:?--provisioning-dir needs a folder}"; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown argument '$1'" "see: $0 --help" ;;
  esac
done

# An installed Grafana, e.g. the standalone Linux tarball: bin/grafana and
# conf/defaults.ini under one folder (a package install keeps its home in
# /usr/share/grafana: set GRAFANA_HOME).
grafana_binary="${GRAFANA_BIN:-$(command -v grafana || true)}"
[[ -n "$grafana_binary" ]] ||
  fail "no Grafana to run" \
    "install Grafana 12.3 or newer and set GRAFANA_BIN to its bin/grafana (the standalone Linux tarball works)"
grafana_home="${GRAFANA_HOME:-$(cd "$(dirname "$grafana_binary")/.." && pwd)}"
[[ -x "$grafana_binary" && -f "$grafana_home/conf/defaults.ini" ]] ||
  fail "no Grafana binary at $grafana_binary (with conf/defaults.ini under $grafana_home)" \
    "point GRAFANA_BIN at an installed Grafana's bin/grafana (GRAFANA_HOME at its home folder if it is elsewhere)"
GRAFANA_VERSION="$("$grafana_binary" --version 2>/dev/null | head -n 1 || echo unknown)"
if [[ -n "$plugin_dist" ]]; then
  [[ -f "$plugin_dist/plugin.json" ]] ||
    fail "$plugin_dist has no plugin.json" "build the bundle first (npm run build) and pass its dist/ folder"
  plugin_dist="$(cd "$plugin_dist" && pwd)"
fi
if [[ -n "$provisioning_dir" ]]; then
  [[ -d "$provisioning_dir" ]] || fail "provisioning folder $provisioning_dir does not exist"
  provisioning_dir="$(cd "$provisioning_dir" && pwd)"
fi
start_timeout="${GRAFANA_START_TIMEOUT:-180}"
[[ "$start_timeout" =~ ^[0-9]+$ ]] || fail "GRAFANA_START_TIMEOUT must be whole seconds, not '$start_timeout'"

tmp_dir="$(mktemp -d "${TMPDIR:-/tmp}/appmon-grafana.XXXXXX")"
grafana_pid=""

# shellcheck disable=SC2317 # reached through the EXIT trap
stop_grafana() {
  if [[ -n "$grafana_pid" ]] && kill -0 "$grafana_pid" 2>/dev/null; then
    kill -TERM "$grafana_pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$grafana_pid" 2>/dev/null && ((waited < 150)); do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$grafana_pid" 2>/dev/null; then
      log "Grafana did not stop within 15 s; killing it"
      kill -KILL "$grafana_pid" 2>/dev/null || true
    fi
    wait "$grafana_pid" 2>/dev/null || true
  fi
  grafana_pid=""
}

# shellcheck disable=SC2317 # reached through the EXIT trap
cleanup() {
  stop_grafana
  if [[ "${GRAFANA_KEEP_TMP:-}" == 1 ]]; then
    log "kept $tmp_dir"
  else
    rm -rf "$tmp_dir"
  fi
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

mkdir -p "$tmp_dir/data" "$tmp_dir/logs" "$tmp_dir/plugins"
if [[ -n "$plugin_dist" ]]; then
  ln -s "$plugin_dist" "$tmp_dir/plugins/appmon-monitoring-app"
fi
if [[ -z "$provisioning_dir" ]]; then
  provisioning_dir="$tmp_dir/provisioning"
  mkdir -p "$provisioning_dir"/{datasources,plugins,dashboards,alerting}
fi

admin_password="${GRAFANA_ADMIN_PASSWORD:-}"
password_file=""
if [[ -z "$admin_password" ]]; then
  password_file="$tmp_dir/admin-password"
  admin_password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
  (umask 077 && printf '%s' "$admin_password" >"$password_file")
fi

# A free port from the kernel; Grafana binds it a moment later. If another
# process takes it first, Grafana exits and the error below says so.
port="${GRAFANA_PORT:-}"
[[ -n "$port" ]] || port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});')" ||
  fail "could not pick a free port (node is needed for that)"
url="http://127.0.0.1:$port"

console_log="$tmp_dir/logs/console.log"
(
  export GF_PATHS_DATA="$tmp_dir/data"
  export GF_PATHS_LOGS="$tmp_dir/logs"
  export GF_PATHS_PLUGINS="$tmp_dir/plugins"
  export GF_PATHS_PROVISIONING="$provisioning_dir"
  export GF_SERVER_HTTP_ADDR=127.0.0.1
  export GF_SERVER_HTTP_PORT="$port"
  export GF_SERVER_ROOT_URL="$url/"
  export GF_SECURITY_ADMIN_USER=admin
  export GF_SECURITY_ADMIN_PASSWORD="$admin_password"
  export GF_USERS_ALLOW_SIGN_UP=false
  export GF_AUTH_ANONYMOUS_ENABLED=false
  export GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS="$appmon_plugin_ids"
  # Nothing may reach out of this machine: no plugin installs, update checks,
  # usage reports, news feed or signing-key downloads.
  export GF_PLUGINS_PREINSTALL_DISABLED=true
  export GF_PLUGINS_PUBLIC_KEY_RETRIEVAL_DISABLED=true
  export GF_ANALYTICS_REPORTING_ENABLED=false
  export GF_ANALYTICS_CHECK_FOR_UPDATES=false
  export GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES=false
  export GF_NEWS_NEWS_FEED_ENABLED=false
  export GF_LOG_MODE="console file"
  export GF_LOG_LEVEL="${GF_LOG_LEVEL:-info}"
  exec "$grafana_binary" server --homepath "$grafana_home"
) >"$console_log" 2>&1 &
grafana_pid=$!

health_ok() { curl -fsS --max-time 2 "$url/api/health" 2>/dev/null | grep -q '"database": *"ok"'; }

deadline=$((SECONDS + start_timeout))
until health_ok; do
  if ! kill -0 "$grafana_pid" 2>/dev/null; then
    tail -n 30 "$console_log" >&2
    fail "Grafana exited before it answered /api/health (its last output is above; full: $console_log)" \
      "'address already in use': another process took port $port; run again" \
      "set GRAFANA_KEEP_TMP=1 to keep $tmp_dir for a look"
  fi
  if ((SECONDS >= deadline)); then
    tail -n 30 "$console_log" >&2
    fail "Grafana did not answer $url/api/health within $start_timeout s" \
      "raise GRAFANA_START_TIMEOUT on a slow machine; the output above says where it stopped"
  fi
  sleep 0.5
done

printf 'GRAFANA_URL=%s\n' "$url"
printf 'GRAFANA_ADMIN_USER=admin\n'
if [[ -n "$password_file" ]]; then printf 'GRAFANA_ADMIN_PASSWORD_FILE=%s\n' "$password_file"; fi
printf 'GRAFANA_LOG_FILE=%s\n' "$tmp_dir/logs/grafana.log"
printf 'GRAFANA_CONSOLE_LOG=%s\n' "$console_log"
printf 'GRAFANA_TMP_DIR=%s\n' "$tmp_dir"
printf 'GRAFANA_READY\n'
log "Grafana $GRAFANA_VERSION is up at $url (pid $grafana_pid); stop it with SIGTERM or Ctrl-C"

# `wait` returns early when a trapped signal arrives, so the traps run at once.
status=0
wait "$grafana_pid" || status=$?
grafana_pid=""
tail -n 30 "$console_log" >&2
fail "Grafana stopped by itself (exit status $status; full output: $console_log)"
