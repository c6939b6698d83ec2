# Sourced by build.sh and scripts/grafana-schemas.sh: fetches the pinned
# Grafana's module source zip through the Go module proxy, checks it against
# the SHA-256 in pins.sh and unpacks it into $grafana_source_dir. Not
# executable on its own.
#
# Why a zip from the proxy: the proxy serves this version's .info and .zip but
# refuses its .mod, so `go mod download` cannot fetch it, and GitHub is not
# reachable from every machine that runs the tests.
# shellcheck shell=bash

if [[ -z "${GRAFANA_PSEUDO_VERSION:-}" ]]; then
  # shellcheck source=pins.sh
  source "$(dirname "${BASH_SOURCE[0]}")/pins.sh"
fi

grafana_source_fail() {
  printf 'grafana source: %s\n' "$1" >&2
  shift
  local hint
  for hint in "$@"; do printf '  - %s\n' "$hint" >&2; done
  exit 1
}

# First HTTP(S) entry of the go command's own GOPROXY setting.
module_proxy_url() {
  local entry entries
  IFS=',|' read -r -a entries <<<"$(go env GOPROXY)"
  for entry in "${entries[@]}"; do
    if [[ "$entry" == http://* || "$entry" == https://* ]]; then
      printf '%s\n' "${entry%/}"
      return 0
    fi
  done
  return 1
}

zip_is_pinned() { echo "$GRAFANA_ZIP_SHA256  $1" | sha256sum -c --status 2>/dev/null; }

# No-op when the source is already unpacked; exits with hints on any failure.
fetch_grafana_source() {
  [[ -f "$grafana_source_dir/conf/defaults.ini" ]] && return 0
  local tool
  for tool in go curl unzip sha256sum; do
    command -v "$tool" >/dev/null || grafana_source_fail "$tool is not on PATH (needed to fetch Grafana's source)" \
      "install it (go: Go 1.25.6 or newer; the others: apt-get install -y curl unzip coreutils)"
  done
  local proxy zip staging
  proxy="$(module_proxy_url)" || grafana_source_fail "GOPROXY ($(go env GOPROXY)) names no HTTP proxy" \
    "use the default GOPROXY, which serves Grafana's source zip"
  mkdir -p "$grafana_cache_dir/dl" "$grafana_cache_dir/src"
  # The cache never belongs in git, wherever it is.
  [[ -f "$grafana_cache_dir/.gitignore" ]] || printf '*\n' >"$grafana_cache_dir/.gitignore"
  zip="$grafana_cache_dir/dl/grafana@$GRAFANA_PSEUDO_VERSION.zip"
  if ! zip_is_pinned "$zip"; then
    printf 'grafana source: downloading %s@%s (about 50 MB)\n' "$GRAFANA_MODULE" "$GRAFANA_PSEUDO_VERSION" >&2
    curl -fsS --retry 3 --max-time 600 -o "$zip.part" \
      "$proxy/$GRAFANA_MODULE/@v/$GRAFANA_PSEUDO_VERSION.zip" || {
      rm -f "$zip.part"
      grafana_source_fail "the module proxy did not serve $GRAFANA_MODULE@$GRAFANA_PSEUDO_VERSION.zip (see curl's message above)" \
        "check the network and that the proxy answers: go list -m -json $GRAFANA_MODULE@$GRAFANA_PSEUDO_VERSION" \
        "if this version is gone, pin another Grafana commit in tests/grafana-server/pins.sh and wrapper/go.mod"
    }
    mv "$zip.part" "$zip"
    zip_is_pinned "$zip" ||
      grafana_source_fail "$zip does not match the SHA-256 pinned in pins.sh" \
        "the proxy serves other content for this version than when it was pinned: do not use it; find out why first"
  fi
  staging="$grafana_cache_dir/src/.staging-$$"
  rm -rf "$staging"
  unzip -q "$zip" -d "$staging" || grafana_source_fail "could not unpack $zip" \
    "free some disk (the unpacked source takes about 200 MB) and run again"
  mv "$staging/$GRAFANA_MODULE@$GRAFANA_PSEUDO_VERSION" "$grafana_source_dir"
  rm -rf "$staging"
}
