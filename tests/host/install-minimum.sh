#!/usr/bin/env bash
# Installs Grafana 12.3.0's frontend packages (the minimum plugin.json declares) into
# tests/host/work/grafana-12.3/, for the host's second run. Ignored by git; rerun to refresh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$here/work/grafana-12.3"
version=12.3.0
mkdir -p "$dir"
if [[ -f "$dir/node_modules/@grafana/ui/package.json" ]] &&
  grep -q "\"version\": \"$version\"" "$dir/node_modules/@grafana/ui/package.json"; then
  exit 0
fi
# @grafana/ui asks for Grafana's fork of react-data-grid by git URL, which is not on the
# registry: the repository's override (the upstream release) applies here too.
cat >"$dir/package.json" <<JSON
{
  "name": "appmon-host-grafana-minimum",
  "private": true,
  "dependencies": {
    "@grafana/data": "$version",
    "@grafana/i18n": "$version",
    "@grafana/runtime": "$version",
    "@grafana/schema": "$version",
    "@grafana/ui": "$version"
  },
  "overrides": { "react-data-grid": "7.0.0-beta.46" }
}
JSON
cd "$dir"
npm install --legacy-peer-deps --ignore-scripts --no-audit --no-fund --no-package-lock >/dev/null
