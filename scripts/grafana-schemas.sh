#!/usr/bin/env bash
# Copies Grafana's own schemas for plugin.json and for alerting provisioning
# files, taken from the pinned Grafana's source (tests/grafana-server/pins.sh),
# into .cache/grafana-schemas/<pseudo-version>/ and prints that folder.
# tests/provisioning/grafanaSchemas.test.ts validates our files against them.
#
#   scripts/grafana-schemas.sh    no-op when the folder is complete
#
# Only the two schema files are kept in .cache/; the source zip (about 50 MB,
# fetched through the Go module proxy on first use) stays in Grafana's cache
# ($GRAFANA_CACHE_DIR, default .grafana-cache/), where the server build reuses it.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../tests/grafana-server/source.sh
source "$repo_root/tests/grafana-server/source.sh"

# Paths inside Grafana's source tree of the schemas the test needs.
readonly schema_files=(
  docs/sources/developers/plugins/plugin.schema.json
  public/openapi3.json
)
readonly schemas_dir="$repo_root/.cache/grafana-schemas/$GRAFANA_PSEUDO_VERSION"

schemas_present() {
  local file
  for file in "${schema_files[@]}"; do
    [[ -s "$schemas_dir/$(basename "$file")" ]] || return 1
  done
}

if ! schemas_present; then
  fetch_grafana_source
  staging="$schemas_dir.staging-$$"
  trap 'rm -rf "$staging"' EXIT
  mkdir -p "$staging"
  for file in "${schema_files[@]}"; do
    [[ -f "$grafana_source_dir/$file" ]] ||
      grafana_source_fail "Grafana $GRAFANA_PSEUDO_VERSION has no $file" \
        "Grafana moved its schema: update schema_files in $0 and the paths in tests/provisioning/grafanaSchemas.test.ts"
    cp "$grafana_source_dir/$file" "$staging/"
  done
  # Replace the folder in one step so a half-copied folder never looks complete.
  rm -rf "$schemas_dir"
  mv "$staging" "$schemas_dir"
  printf 'grafana schemas: copied %s from Grafana %s\n' "${schema_files[*]}" "$GRAFANA_PSEUDO_VERSION" >&2
fi
printf '%s\n' "$schemas_dir"
