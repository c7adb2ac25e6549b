#!/usr/bin/env bash
# Install what rubric needs on Debian (only what is missing), then configure
# and build it into build/. Safe to run again: it does nothing it need not.
#
#   scripts/setup.sh [BUILD_DIR [CMAKE_OPTION...]]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:-build}
shift || true

packages=(
  build-essential cmake pkg-config
  liblua5.4-dev libcjson-dev libpcre2-dev nettle-dev libstemmer-dev libedit-dev
)
# More for some jobs (the tests add their tools), as a space-separated list.
read -r -a extra <<<"${RUBRIC_EXTRA_PACKAGES:-}"
packages+=("${extra[@]}")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "setup: error: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$build_dir"
log=$build_dir/setup.log
if ! { cmake -S . -B "$build_dir" "$@" && cmake --build "$build_dir" -j "$(nproc)"; } >"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "setup: error: the build failed; the full log is $log" >&2
  exit 1
fi
