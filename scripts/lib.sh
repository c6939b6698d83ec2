#!/usr/bin/env bash
# Shared setup for the repo's scripts: a Node >= 22 toolchain and installed dependencies.
# Everything downloaded lands in ignored folders of the repo (.cache/, node_modules/).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_FALLBACK_VERSION="22.23.3"
MAGE_VERSION="v1.17.2"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# The create-plugin toolchain loads TypeScript configs natively, which needs Node 22+.
# When the machine's Node is older, fetch Node 22 from the npm registry's node-linux-* package.
ensure_node() {
  command -v node >/dev/null || die "Node.js is not installed: install Node 22 or newer."
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if (( major >= 22 )); then
    return
  fi
  local prefix="$REPO_ROOT/.cache/node-$NODE_FALLBACK_VERSION"
  local platform
  platform="node-$(uname -s | tr 'A-Z' 'a-z')-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
  if [[ ! -x "$prefix/node_modules/.bin/node" ]]; then
    log "Node $major is too old for the build; installing $platform@$NODE_FALLBACK_VERSION into .cache/"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "$platform@$NODE_FALLBACK_VERSION" >&2 \
      || die "could not install $platform@$NODE_FALLBACK_VERSION; install Node 22 or newer yourself."
  fi
  export PATH="$prefix/node_modules/.bin:$PATH"
}

# Installs npm dependencies when node_modules is missing or older than the lock file.
ensure_npm_deps() {
  local dir="$1"
  if [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    log "Installing npm dependencies in ${dir#"$REPO_ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_go() {
  command -v go >/dev/null || die "Go is not installed: install the Go version named in go.mod."
  (cd "$REPO_ROOT" && go mod download)
}

# Chromium for the panel gallery's browser tests (Debian's package; Playwright never downloads one).
chromium_path() { printf '%s\n' "${CHROMIUM_PATH:-/usr/bin/chromium}"; }

# Checks every tool the tests need before anything slow runs, and names each missing one
# with how to get it, all at once.
check_test_prerequisites() {
  local missing=()
  command -v node >/dev/null && command -v npm >/dev/null ||
    missing+=("Node.js and npm: install Node 22 (an older Node 20 works too: Node 22 is then fetched into .cache/)")
  command -v go >/dev/null ||
    missing+=("Go: install the Go version named in go.mod ($(sed -n 's/^go //p' "$REPO_ROOT/go.mod"))")
  [[ -x "$(chromium_path)" ]] ||
    missing+=("Chromium at $(chromium_path), for the panel gallery: apt-get install -y chromium (or set CHROMIUM_PATH)")
  command -v prometheus >/dev/null && command -v promtool >/dev/null ||
    missing+=("Prometheus and promtool, for the Prometheus rules and dashboards: apt-get install -y prometheus")
  if ((${#missing[@]} > 0)); then
    printf '\033[31merror:\033[0m the tests need:\n' >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 1
  fi
}

# Runs one step of a script quietly: its output goes to a log under .cache/logs/, and only a
# failure shows it (its last lines, and where the whole log is).
run_step() {
  local name="$1"
  shift
  local log_dir="$REPO_ROOT/.cache/logs"
  mkdir -p "$log_dir"
  local log_file
  log_file="$log_dir/$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '-' | tr -s '-' | sed 's/^-//; s/-$//').log"
  local started=$SECONDS
  if "$@" >"$log_file" 2>&1; then
    STEPS_PASSED=$((${STEPS_PASSED:-0} + 1))
    printf '\033[1m==>\033[0m %-58s ok %4ds\n' "$name" "$((SECONDS - started))" >&2
  else
    local status=$?
    echo "${STEPS_PASSED:-0} passed, 1 failed"
    tail -n 120 "$log_file" >&2
    die "$name failed (exit $status); the last lines are above, the whole output is in ${log_file#"$REPO_ROOT"/}"
  fi
}

# mage drives the SDK's build package (build.BuildAll and friends).
mage_cmd() {
  (cd "$REPO_ROOT" && go run "github.com/magefile/mage@$MAGE_VERSION" "$@")
}
