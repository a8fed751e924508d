#!/usr/bin/env bash
# Builds the portable clauselint (every dependency but glibc linked
# statically; docs/install.md) and its Debian package:
#   build-portable/clauselint                 runs on any x86-64 Linux with glibc >= 2.36
#   build-portable/clauselint_VERSION_amd64.deb
# Debian 12 ships no static libmd4c.a, so md4c is compiled from Debian's own
# source package, fetched once with `apt-get source` through a temporary apt
# configuration (the machine's apt sources are not changed).
#
#   BUILD_DIR   build folder (default: build-portable)
#   CMAKE_ARGS  extra CMake arguments
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build-portable}
mkdir -p "$build_dir"
build_dir=$(cd "$build_dir" && pwd)

# Packages: the build's, plus dpkg-dev and file for cpack's dpkg-shlibdeps.
EXTRA_PACKAGES="dpkg-dev file ${EXTRA_PACKAGES:-}" scripts/setup.sh --packages-only

md4c_src="$build_dir/md4c-source"
if [ ! -f "$md4c_src/src/md4c.c" ]; then
  version=$(dpkg-query -W -f='${Version}' libmd4c-dev)
  apt_dir="$build_dir/apt-source"
  rm -rf "$apt_dir" && mkdir -p "$apt_dir/lists/partial" "$apt_dir/parts" "$apt_dir/download"
  # The machine's Debian sources, as deb-src entries, in a private apt configuration.
  : >"$apt_dir/sources.list"
  if [ -f /etc/apt/sources.list ]; then
    sed -n 's/^deb \(.*\)$/deb-src \1/p' /etc/apt/sources.list >>"$apt_dir/sources.list"
  fi
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && sed 's/^Types: .*/Types: deb-src/' "$f" >"$apt_dir/parts/$(basename "$f")"
  done
  for f in /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] && sed -n 's/^deb \(.*\)$/deb-src \1/p' "$f" >>"$apt_dir/sources.list"
  done
  apt_opts=(-q -o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/parts"
            -o "Dir::State::Lists=$apt_dir/lists" -o APT::Sandbox::User=root)
  echo "build-portable: fetching md4c $version's source with apt-get source"
  apt-get "${apt_opts[@]}" update >"$apt_dir/update.log" 2>&1 ||
    { cat "$apt_dir/update.log" >&2; echo "build-portable: error: apt-get update of the deb-src lists failed" >&2; exit 1; }
  # Only the upstream tarball is needed (apt checks its hash against the signed
  # Sources index); a missing Debian patch tarball is not fatal.
  (cd "$apt_dir/download" && apt-get "${apt_opts[@]}" source --download-only "md4c=$version" >../source.log 2>&1) || true
  orig=$(ls "$apt_dir"/download/md4c_*.orig.tar.* 2>/dev/null | head -n 1)
  if [ -z "$orig" ]; then
    cat "$apt_dir/source.log" >&2
    echo "build-portable: error: could not fetch md4c's source package (apt-get source md4c=$version)" >&2
    exit 1
  fi
  rm -rf "$md4c_src.tmp" && mkdir -p "$md4c_src.tmp"
  tar -xf "$orig" -C "$md4c_src.tmp" --strip-components=1
  rm -rf "$md4c_src" && mv "$md4c_src.tmp" "$md4c_src"
fi

# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLAUSELINT_PORTABLE=ON -DCLAUSELINT_TESTS=OFF \
  -DCLAUSELINT_WERROR=ON -DCLAUSELINT_MD4C_SOURCE="$md4c_src" ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir"
(cd "$build_dir" && cpack -G DEB >/dev/null)
echo "build-portable: $build_dir/clauselint and $(ls "$build_dir"/clauselint_*.deb)"
