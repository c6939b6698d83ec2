#!/usr/bin/env bash
# npm run test:host: builds the bundle (frontend, linux/amd64 backend), installs Grafana
# 12.3.0's packages for the minimum-version run, and runs the host check in Chromium.
# HOST_SKIP_BUILD=1 reuses an existing dist/.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
export PATH="$repo/.cache/node-22.23.3/node_modules/.bin:$PATH"
started=$SECONDS
if [[ "${HOST_SKIP_BUILD:-}" != 1 ]]; then
  npm run --silent build:frontend >/dev/null
  CGO_ENABLED=0 go build -o dist/datasource/gpx_appmon_endpoints_linux_amd64 ./pkg
fi
bash tests/host/install-minimum.sh
node --test --test-reporter=spec tests/host/host.test.mjs
echo "host check passed in $((SECONDS - started)) s; screenshots in tests/host/artifacts/"
