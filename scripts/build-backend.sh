#!/usr/bin/env bash
# Builds the data source's Go backend with the SDK's mage targets. The SDK finds the
# nested data source's plugin.json (src/datasource) and writes the executables to
# dist/datasource/gpx_appmon_endpoints_<os>_<arch>, where Grafana looks for them.
# Usage: scripts/build-backend.sh [all|linux|linux-amd64]
#   all          every platform Grafana runs on (default; what `npm run build` ships)
#   linux        linux/amd64 and linux/arm64
#   linux-amd64  only the executable the tests run (what `npm test` builds)
source "$(dirname "$0")/lib.sh"
ensure_go
case "${1:-all}" in
  all) mage_cmd -v build:linux build:linuxARM64 build:darwin build:darwinARM64 build:windows ;;
  linux) mage_cmd -v build:linux build:linuxARM64 ;;
  linux-amd64) mage_cmd -v build:linux ;;
  *) die "unknown target '$1': use all, linux or linux-amd64" ;;
esac
ls -1 "$REPO_ROOT"/dist/datasource/gpx_* >&2
