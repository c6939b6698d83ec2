#!/usr/bin/env bash
# Writes Grafana's provisioning folder for AppMon to DEST: a copy of provisioning/ with
# the alert thresholds filled in. Each ${APPMON_...} in alerting/*.yaml.tmpl takes the
# value of that environment variable, or its default from alerting/thresholds.env.
#
#   scripts/render-provisioning.sh DEST      e.g. /etc/grafana/provisioning
#
# Why a render step: Grafana does not expand environment variables inside alert rule
# queries and expressions, so thresholds must be numbers in the file Grafana reads.
set -euo pipefail

die() { printf 'error: %s\n' "$*" >&2; exit 1; }

src="$(cd "$(dirname "${BASH_SOURCE[0]}")/../provisioning" && pwd)"
dest="${1:-}"
[[ -n "$dest" ]] || die "usage: $0 DEST (the provisioning folder Grafana reads)"
defaults="$src/alerting/thresholds.env"

# The value of a threshold: the environment first, then thresholds.env.
threshold() {
  local name="$1" value
  if [[ -n "${!name:-}" ]]; then
    value="${!name}"
  else
    value="$(sed -n "s/^$name=//p" "$defaults")"
    [[ -n "$value" ]] || die "$name has no value: set it in the environment or in $defaults"
  fi
  [[ "$value" =~ ^-?[0-9]+([.][0-9]+)?$ ]] || die "$name must be a number, got '$value'"
  printf '%s' "$value"
}

render() {
  local line name
  while IFS= read -r line || [[ -n "$line" ]]; do
    while [[ "$line" =~ \$\{(APPMON_[A-Z0-9_]+)\} ]]; do
      name="${BASH_REMATCH[1]}"
      line="${line//\$\{$name\}/$(threshold "$name")}"
    done
    printf '%s\n' "$line"
  done
}

mkdir -p "$dest"
cp -R "$src/." "$dest/"
for template in "$dest"/alerting/*.tmpl; do
  [[ -e "$template" ]] || continue
  render <"$template" >"${template%.tmpl}"
  rm "$template"
done
rm -f "$dest/alerting/thresholds.env"
