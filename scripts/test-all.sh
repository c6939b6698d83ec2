#!/usr/bin/env bash
# Runs every test of the repository: typecheck, lint, jest, gofmt, go vet, go test (with the
# provisioning files decoded strictly by Grafana's types, and the integration tests against
# the reference monitoring API's real server process), the monitoring API's own tests, the
# panel gallery in Debian's Chromium, then builds the bundle with the one backend the tests
# run (linux/amd64) and checks dist/. `npm run build` builds the backend for every platform.
#
# Each step is quiet when it passes (one line); a failing step shows its output.
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
check_test_prerequisites
ensure_node
ensure_npm_deps "$REPO_ROOT"
ensure_npm_deps "$REPO_ROOT/monitoring-api"
ensure_go

check_gofmt() {
  local unformatted
  unformatted="$(gofmt -l pkg)"
  [[ -z "$unformatted" ]] || { printf 'gofmt would change:\n%s\n' "$unformatted"; return 1; }
}

build_for_tests() {
  npm run --silent build:frontend && bash scripts/build-backend.sh linux-amd64
}

run_step "typecheck" npm run --silent typecheck
run_step "lint" npm run --silent lint
run_step "jest" npm run --silent test:jest
run_step "gofmt" check_gofmt
run_step "go vet" go vet ./...
run_step "go test (unit, provisioning files, integration against monitoring-api)" \
  env APPMON_INTEGRATION=1 go test -count=1 ./...
run_step "monitoring-api tests" npm --prefix monitoring-api run --silent test
run_step "panel gallery (Chromium)" env CHROMIUM_PATH="$(chromium_path)" npm run --silent test:gallery
run_step "build the bundle (frontend, linux/amd64 backend)" build_for_tests
run_step "check dist/" env APPMON_DIST_PLATFORMS=linux_amd64 node --test tests/bundle/dist.test.mjs
run_step "host check: dist/ loaded as Grafana loads it (Chromium, 12.4 and 12.3)" env HOST_SKIP_BUILD=1 npm run --silent test:host
run_step "npm start without Grafana: the preview (Chromium)" node --test tests/start/start.test.mjs
log "all tests passed in $((SECONDS / 60)) min $((SECONDS % 60)) s"
echo "$STEPS_PASSED passed, 0 failed"
