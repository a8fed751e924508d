#!/usr/bin/env bash
# Installs the Debian 12 packages clauselint needs (as root, or through sudo),
# then configures and builds it. Safe to run again: it installs only what is
# missing and rebuilds only what changed.
#
#   BUILD_DIR   build folder (default: build)
#   BUILD_TYPE  CMake build type (default: Release)
#   CMAKE_ARGS  extra CMake arguments, e.g. "-DCLAUSELINT_SANITIZE=ON"
#   EXTRA_PACKAGES  more Debian packages to install (test tools)
#
#   scripts/setup.sh --packages-only   installs the packages, builds nothing
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build pkgconf
          libyaml-cpp-dev libpcre2-dev libcli11-dev libfmt-dev catch2
          nlohmann-json3-dev libmd4c-dev libgumbo-dev libicu-dev ${EXTRA_PACKAGES:-})
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  echo "setup: installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "${1:-}" = --packages-only ] && exit 0

build_dir=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir"
