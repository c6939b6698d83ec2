# Sourced by build.sh and run.sh: which Grafana the end-to-end tests run, and
# where its cached source and binary live. Not executable on its own.
#
# Pinned Grafana: commit 60cb766a97d6a441b02233c9ebe52e5711ee3751 on main,
# 2026-01-18, package.json version "12.4.0-pre" (the 12.4 development line).
# The v12.4.2 tag's commit could not be pinned: the module proxy refuses
# version queries (tags, branches, hashes) for github.com/grafana/grafana, and
# a pseudo-version needs the commit's exact hash and time. To move the pin,
# change these values and every version in wrapper/go.mod together.
# shellcheck shell=bash disable=SC2034 # the sourcing scripts use these

readonly GRAFANA_MODULE="github.com/grafana/grafana"
readonly GRAFANA_PSEUDO_VERSION="v0.0.0-20260118065639-60cb766a97d6"
readonly GRAFANA_COMMIT="60cb766a97d6a441b02233c9ebe52e5711ee3751"
GRAFANA_VERSION="12.4.0-pre"
readonly GRAFANA_COMMIT_UNIX_TIME="1768719399" # 2026-01-18T06:56:39Z
# SHA-256 of the module zip the proxy serves for GRAFANA_PSEUDO_VERSION.
readonly GRAFANA_ZIP_SHA256="f24a7d54c9b38c52bd2c70ff0c1e90cefb3cb2d2004442252d367be02d68a19a"

grafana_server_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly grafana_server_dir
readonly grafana_wrapper_dir="$grafana_server_dir/wrapper"
grafana_cache_dir="${GRAFANA_CACHE_DIR:-$(cd "$grafana_server_dir/../.." && pwd)/.grafana-cache}"
readonly grafana_cache_dir

# The cache key covers everything that changes the binary: the module graph
# (wrapper/go.mod) and the version stamped into it.
grafana_build_key="$GRAFANA_PSEUDO_VERSION-$( (cat "$grafana_wrapper_dir/go.mod"; echo "$GRAFANA_VERSION $GRAFANA_COMMIT") | sha256sum | cut -c1-12)"
readonly grafana_build_key

# Grafana's module source doubles as the server's homepath: conf/defaults.ini,
# public/emails and the core plugins' plugin.json files are all in it.
grafana_source_dir="$grafana_cache_dir/src/grafana@$GRAFANA_PSEUDO_VERSION"
grafana_binary="$grafana_cache_dir/bin/grafana-$grafana_build_key"
