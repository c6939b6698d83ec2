#!/usr/bin/env bash
# Builds the Grafana server binary that the end-to-end tests run, from Go
# modules only (no Docker, no GitHub), and prints the binary's path.
#
#   tests/grafana-server/build.sh            build, or reuse the cached binary
#   tests/grafana-server/build.sh --force    rebuild even if a binary is cached
#
# Which Grafana and where it is cached: pins.sh. The cache ($GRAFANA_CACHE_DIR,
# default <repo>/.grafana-cache, git-ignored) holds Grafana's source (also the
# server's homepath), the build folder and its log, and the binary.
#
# Why the root source comes as a zip: the proxy serves this version's .info and
# .zip but refuses its .mod, so `go mod download` cannot fetch it. source.sh
# fetches the zip and checks it against a pinned SHA-256; it is used here
# through a directory replace.
# Some modules are missing from the checksum database reached through the proxy
# (modules_missing_from_sumdb below).
set -euo pipefail

# shellcheck source=pins.sh
source "$(dirname "${BASH_SOURCE[0]}")/pins.sh"
# shellcheck source=source.sh
source "$(dirname "${BASH_SOURCE[0]}")/source.sh"

# Modules the checksum database reached through the proxy does not know (404
# on lookup, seen 2026-11-22). go verifies these on first use only; the build
# folder's go.sum pins them after that. explain_failure names any new ones.
readonly modules_missing_from_sumdb="github.com/grafana,github.com/open-feature,github.com/thomaspoignant,github.com/1NCE-GmbH/grpc-go-pool,github.com/aws/aws-sdk-go-v2/service/oam,buf.build/gen/go/parca-dev/parca,github.com/dolthub/vitess"
readonly build_dir="$grafana_cache_dir/build/$grafana_build_key"
readonly build_log="$grafana_cache_dir/logs/build-$grafana_build_key.log"

fail() {
  printf 'grafana build: %s\n' "$1" >&2
  shift
  local hint
  for hint in "$@"; do printf '  - %s\n' "$hint" >&2; done
  exit 1
}

log() { printf 'grafana build: %s\n' "$*" >&2; }

force=false
case "${1:-}" in
  "") ;;
  --force) force=true ;;
  -h | --help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) fail "unknown argument '$1'" "usage: $0 [--force]" ;;
esac

command -v go >/dev/null || fail "go is not on PATH" "install Go 1.25.6 or newer"

pinned_in_wrapper="$(awk -v m="$GRAFANA_MODULE" '$1 == "require" && $2 == m { print $3 }' "$grafana_wrapper_dir/go.mod")"
[[ "$pinned_in_wrapper" == "$GRAFANA_PSEUDO_VERSION" ]] ||
  fail "wrapper/go.mod requires $GRAFANA_MODULE ${pinned_in_wrapper:-(nothing)} but pins.sh pins $GRAFANA_PSEUDO_VERSION" \
    "move both pins (and every nested-module replace in wrapper/go.mod) to the same commit"

mkdir -p "$grafana_cache_dir"
# The cache never belongs in git, wherever it is.
[[ -f "$grafana_cache_dir/.gitignore" ]] || printf '*\n' >"$grafana_cache_dir/.gitignore"

if ! $force && [[ -x "$grafana_binary" && -f "$grafana_source_dir/conf/defaults.ini" ]]; then
  log "cached: Grafana $GRAFANA_VERSION ($GRAFANA_PSEUDO_VERSION)"
  printf '%s\n' "$grafana_binary"
  exit 0
fi

prepare_build_dir() {
  mkdir -p "$build_dir"
  cp "$grafana_wrapper_dir/go.mod" "$build_dir/go.mod"
  if [[ -f "$grafana_wrapper_dir/go.sum" ]]; then cp "$grafana_wrapper_dir/go.sum" "$build_dir/go.sum"; fi
  (cd "$build_dir" && go mod edit -replace "$GRAFANA_MODULE=$grafana_source_dir")
}

# Every nested Grafana module that wrapper/go.mod pins, as MODULE@VERSION.
pinned_nested_modules() {
  awk '$2 == "=>" && $1 ~ /^github\.com\/grafana\/grafana\// { print $3 "@" $4 }' "$grafana_wrapper_dir/go.mod"
}

# go build stops at the first refusals; ask for every pinned module so the
# report is complete.
refused_nested_modules() {
  local module_at_version error
  while read -r module_at_version; do
    error="$(GONOSUMDB="$modules_missing_from_sumdb" GOFLAGS=-mod=mod go mod download -json "$module_at_version" 2>/dev/null |
      sed -n 's/.*"Error": "[^"]*reading [^ ]*\.\(info\|mod\|zip\): \(40[34]\).*/\1: \2/p')"
    [[ -n "$error" ]] && printf '%s (%s)\n' "$module_at_version" "$error"
  done < <(pinned_nested_modules)
  return 0
}

explain_failure() {
  local refused lines
  if grep -qE 'reading [^ ]+/@v/[^ ]+: 40[34] ' "$build_log"; then
    log "the module proxy refused some modules; checking every pinned nested module"
    refused="$(refused_nested_modules)"
    [[ -n "$refused" ]] || refused="$(grep -oE 'reading [^ ]+/@v/[^ ]+: 40[34]' "$build_log" | sort -u)"
    mapfile -t lines <<<"$refused"
    printf 'grafana build: the Go module proxy refused these module versions:\n' >&2
    printf '    %s\n' "${lines[@]}" >&2
    fail "Grafana $GRAFANA_VERSION cannot be built from this proxy (full log: $build_log)" \
      "pin a Grafana commit whose nested modules the proxy serves: each needs .info, .mod and .zip (check with: go mod download -json MODULE@VERSION)" \
      "or build with a GOPROXY that serves every $GRAFANA_MODULE/... module at $GRAFANA_PSEUDO_VERSION"
  fi
  local unchecked
  unchecked="$(grep -oE 'sumdb/[^ ]+/lookup/[^ @]+@[^ :]+: 404' "$build_log" |
    sed -E 's#.*/lookup/([^@]+)@([^:]+): 404#\1@\2#; s/!([a-z])/\U\1/g' | sort -u || true)"
  if [[ -n "$unchecked" ]]; then
    mapfile -t lines <<<"$unchecked"
    printf 'grafana build: the checksum database (through the module proxy) does not know:\n' >&2
    printf '    %s\n' "${lines[@]}" >&2
    fail "go refused to use modules it cannot verify (full log: $build_log)" \
      "to trust them on first use, run again with GONOSUMDB=$(sed -E 's/@.*//' <<<"$unchecked" | paste -sd, -); the build folder's go.sum then pins their hashes"
  fi
  if grep -q 'checksum mismatch\|SECURITY ERROR' "$build_log"; then
    fail "a module's checksum does not match go.sum (full log: $build_log)" \
      "do not override this; find out which module changed (see the log) before rebuilding"
  fi
  tail -n 20 "$build_log" >&2
  fail "go build failed (full log: $build_log; its last lines are above)" \
    "a compile error inside Grafana usually means a nested module came from another commit: compare wrapper/go.mod with Grafana's go.mod at the pinned commit" \
    "'no space left' or 'signal: killed': free disk (about 6 GB for modules and build cache) or memory and run again"
}

fetch_grafana_source
prepare_build_dir
mkdir -p "$(dirname "$grafana_binary")" "$(dirname "$build_log")"

log "building Grafana $GRAFANA_VERSION ($GRAFANA_PSEUDO_VERSION); the first build takes long, log: $build_log"
started=$SECONDS
ldflags="-s -w -X main.version=$GRAFANA_VERSION -X main.commit=${GRAFANA_COMMIT:0:10} -X main.buildBranch=HEAD -X main.buildstamp=$GRAFANA_COMMIT_UNIX_TIME"
if ! (
  cd "$build_dir" &&
    CGO_ENABLED=0 \
      GONOSUMDB="$modules_missing_from_sumdb${GONOSUMDB:+,$GONOSUMDB}" \
      GOFLAGS="-mod=mod ${GOFLAGS:-}" \
      go build -p 2 -trimpath -ldflags "$ldflags" -o "$grafana_binary.part" "$GRAFANA_MODULE/pkg/cmd/grafana"
) >"$build_log" 2>&1; then
  rm -f "$grafana_binary.part"
  explain_failure
fi
mv "$grafana_binary.part" "$grafana_binary"
log "built in $((SECONDS - started)) s: $grafana_binary ($(du -h "$grafana_binary" | cut -f1))"
"$grafana_binary" --version >&2 || fail "the built binary does not run: $grafana_binary" "see $build_log"
printf '%s\n' "$grafana_binary"
