#!/usr/bin/env bash
# Runs every test of the repository: typecheck, lint, jest, go vet, go test,
# the reference monitoring API's tests against its real server process, and the panel
# gallery in Debian's Chromium, then builds the bundle and checks dist/.
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
ensure_node
ensure_npm_deps "$REPO_ROOT"
ensure_npm_deps "$REPO_ROOT/monitoring-api"
ensure_go

log "typecheck"; npm run --silent typecheck
log "lint"; npm run --silent lint
log "jest"; npm run --silent test:jest
# ./pkg/... rather than ./...: node_modules holds a stray Go package (flatted).
log "gofmt"; unformatted="$(gofmt -l pkg)"; [[ -z "$unformatted" ]] || die "gofmt would change: $unformatted"
log "go vet"; go vet ./pkg/...
log "go test (unit, and integration against the real monitoring-api process)"
APPMON_INTEGRATION=1 go test -count=1 ./pkg/...
log "monitoring-api tests"; npm --prefix monitoring-api run --silent test
[[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || die "the panel gallery test needs Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)"
log "panel gallery (Chromium)"; npm run --silent test:gallery
log "build the bundle (frontend, backend for every platform)"; npm run --silent build >/dev/null
log "check dist/"; node --test tests/bundle/dist.test.mjs
log "all tests passed"
