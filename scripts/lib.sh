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

# mage drives the SDK's build package (build.BuildAll and friends).
mage_cmd() {
  (cd "$REPO_ROOT" && go run "github.com/magefile/mage@$MAGE_VERSION" "$@")
}
