#!/usr/bin/env bash
# Deliberate breaks of the bundle, each applied to a temporary copy of dist/ (or a
# temporary rebuild from a copy of the sources), each of which the host check must
# catch. Reports every break as caught or NOT CAUGHT; exits non-zero if any is not.
# Needs a built dist/ (npm run test:host builds one). Slow: not part of npm test.
#   BREAKS_ONLY=<regex>          run only the breaks whose name matches
#   BREAKS_SKIP_BASELINE=1       skip checking that the unbroken bundle passes first
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
export PATH="$repo/.cache/node-22.23.3/node_modules/.bin:$PATH"
exe=dist/datasource/gpx_appmon_endpoints_linux_amd64
[[ -f dist/module.js && -x "$exe" ]] || { echo "build the bundle first: npm run test:host" >&2; exit 2; }
bash tests/host/install-minimum.sh
work="$(mktemp -d "${TMPDIR:-/tmp}/appmon-breaks.XXXXXX")"
trap 'rm -rf "$work"' EXIT
caught=() missed=()

# host <variants> <case regex>: the host check on the broken copy; true when it passes.
host() {
  HOST_DIST="$work/dist" HOST_VARIANTS="$1" HOST_CASES="$2" \
    node --test --test-reporter=spec tests/host/host.test.mjs >"$work/host.log" 2>&1
}

copy_dist() {
  rm -rf "$work/dist"
  cp -r dist "$work/dist"
}

# rebuild <edit command…>: the sources copied to $work/tree, edited, built by the
# project's own webpack config into $work/dist, with the backend executable added.
rebuild() {
  rm -rf "$work/tree" "$work/dist"
  mkdir -p "$work/tree"
  cp -r src .config webpack.config.ts package.json tsconfig.json dashboards README.md CHANGELOG.md LICENSE .cprc.json "$work/tree/"
  ln -s "$repo/node_modules" "$work/tree/node_modules"
  (cd "$work/tree" && "$@") || return 1
  (cd "$work/tree" && "$repo/node_modules/.bin/webpack" --disable-interpret -c ./webpack.config.ts --env production --cache-cache-directory "$work/webpack-cache" >"$work/build.log" 2>&1) || {
    tail -20 "$work/build.log"
    return 1
  }
  mv "$work/tree/dist" "$work/dist"
  cp "$exe" "$work/dist/datasource/"
}

# expect <name> <variants> <case regex>: the break is caught when the host check fails.
expect() {
  if host "$2" "$3"; then
    missed+=("$1")
    printf '  %-34s NOT CAUGHT\n' "$1"
  else
    caught+=("$1")
    local why
    why="$(grep -m1 -o 'FAIL .*' "$work/host.log" | cut -c6-)"
    [[ -n "$why" ]] || why="$(grep -m1 -A1 'AssertionError' "$work/host.log" | tail -1 | sed 's/^ *//')"
    printf '  %-34s caught: %s\n' "$1" "${why:0:150}"
  fi
}

selected() { [[ -z "${BREAKS_ONLY:-}" || "$1" =~ $BREAKS_ONLY ]]; }

# Each break: name, how to apply it, and the host cases that load what it breaks.
run_break() {
  local name="$1"
  selected "$name" || return 0
  case "$name" in
    react-bundled)
      # React, react-dom and the JSX runtime bundled into the plugin instead of shared.
      rebuild sed -i -E "/^  'react(\/jsx-runtime|\/jsx-dev-runtime|-dom)?',$/d" .config/bundler/externals.ts &&
        expect "$name" current 'panel-defaults-appmon-slacompliance|app-config' ;;
    grafana-data-bundled)
      rebuild sed -i "/^  \/\^@grafana\\\\\/data\/i,$/d" .config/bundler/externals.ts &&
        expect "$name" current 'panel-defaults-appmon-slacompliance' ;;
    unshared-dependency)
      # A wrong external: react-use left to the host, which does not share it.
      rebuild sed -i "s#^  'lodash',#  'lodash',\n  'react-use',#" .config/bundler/externals.ts &&
        expect "$name" current 'app-page-overview' ;;
    commonjs-output)
      rebuild sed -i "s/type: 'amd',/type: 'commonjs',/" .config/webpack/webpack.config.ts &&
        expect "$name" current 'panel-defaults-appmon-oncallstatus' ;;
    deleted-chunk)
      copy_dist && rm "$(grep -l 'Enable AppMon' "$work"/dist/*.js)" &&
        expect "$name" current 'app-config' ;;
    edited-chunk)
      # Same size, one byte different: only the integrity hash can tell.
      copy_dist && sed -i 's/Enable AppMon/Enable AppMoN/' "$(grep -l 'Enable AppMon' "$work"/dist/*.js)" &&
        expect "$name" current 'app-config' ;;
    no-plugin-export)
      copy_dist && sed -i 's/{plugin:()=>/{plugin_:()=>/' "$work/dist/panels/slacompliance/module.js" &&
        expect "$name" current 'panel-defaults-appmon-slacompliance' ;;
    throws-on-empty-data)
      rebuild sed -i 's/^export function OnCallStatusPanel({ data, options, width, height, timeZone }: Props) {$/&\n  if (data.series.length === 0) {\n    throw new Error("no data");\n  }/' src/panels/oncallstatus/OnCallStatusPanel.tsx &&
        expect "$name" current 'panel-defaults-appmon-oncallstatus' ;;
    option-the-panel-lacks)
      # The executive dashboard sets layout; the panel no longer has that option.
      copy_dist && sed -i 's/path:"layout"/path:"arrangement"/' "$work/dist/panels/slacompliance/module.js" &&
        expect "$name" current 'dashboard-executive-2' ;;
    api-newer-than-12.3)
      # getPanelDataSummary is exported by @grafana/data 12.4, not by 12.3.0.
      rebuild sed -i -e "s/^import { DEFAULT_BUDGET_THRESHOLDS/import { getPanelDataSummary } from '@grafana\/data';\n&/" \
        -e 's/^export const plugin = new PanelPlugin<SlaComplianceOptions>(SlaCompliancePanel)$/export const plugin = new PanelPlugin<SlaComplianceOptions>((props) => (getPanelDataSummary(props.data.series), SlaCompliancePanel(props)))/' \
        src/panels/slacompliance/module.ts &&
        # The same bundle must pass with the current packages, or the 12.3 failure proves nothing.
        host current 'panel-defaults-appmon-slacompliance' &&
        expect "$name" 12.3 'panel-defaults-appmon-slacompliance' ;;
    misspelt-query-key)
      copy_dist && sed -i '0,/"queryType": "slo"/s//"queryTyp": "slo"/' "$work/dist/dashboards/executive.json" &&
        expect "$name" current 'dashboard-executive-2' ;;
    misspelt-option-key)
      copy_dist && sed -i '0,/"layout": "full"/s//"layuot": "full"/' "$work/dist/dashboards/executive.json" &&
        expect "$name" current 'dashboard-executive-2' ;;
    misspelt-panel-type)
      copy_dist && sed -i '0,/"type": "appmon-slacompliance-panel"/s//"type": "appmon-slacomplaince-panel"/' "$work/dist/dashboards/executive.json" &&
        expect "$name" current 'dashboard-executive-2' ;;
  esac || {
    missed+=("$name")
    printf '  %-34s NOT CAUGHT (could not apply the break)\n' "$name"
  }
}

if [[ "${BREAKS_SKIP_BASELINE:-}" != 1 ]]; then
  echo "baseline: the unbroken bundle must pass"
  copy_dist
  host current,12.3 '.' || { tail -40 "$work/host.log"; echo "the unbroken bundle fails the host check" >&2; exit 2; }
fi
echo "breaks:"
for b in react-bundled grafana-data-bundled unshared-dependency commonjs-output deleted-chunk edited-chunk \
  no-plugin-export throws-on-empty-data option-the-panel-lacks api-newer-than-12.3 misspelt-query-key \
  misspelt-option-key misspelt-panel-type; do
  run_break "$b"
done
echo "${#caught[@]} caught, ${#missed[@]} not caught${missed:+: ${missed[*]}}"
[[ ${#missed[@]} -eq 0 ]]
