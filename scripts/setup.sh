#!/usr/bin/env bash
# Installs what asynctidy needs on Debian 12, through apt, for the LLVM
# versions given (default: 19 22 14 15 16). Skips apt when everything is there.
set -euo pipefail

versions=("${@:-19 22 14 15 16}")
read -r -a versions <<<"${versions[*]}"

packages=(cmake ninja-build python3 python3-yaml libasio-dev libboost-dev libabsl-dev
          libgrpc++-dev libprotobuf-dev dpkg-dev gnuplot-nox
          libgtest-dev catch2 doctest-dev bazel-bootstrap lintian neovim
          valgrind)
for v in "${versions[@]}"; do
  packages+=("clang-$v" "clang-tidy-$v" "clang-tools-$v" "libclang-$v-dev"
             "llvm-$v-dev" "llvm-$v-tools")
  # The sanitizer runtime, for the sanitizer test run (LLVM 19).
  [ "$v" != 19 ] || packages+=("libclang-rt-$v-dev")
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed"
else
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
  echo "setup: done"
fi

# Microsoft's SARIF Multitool (npm) validates the SARIF that asynctidy-sarif
# writes; without npm or the registry, that one test is skipped.
npm_dir="$(dirname "$0")/../build/npm"
if command -v npm >/dev/null && [ ! -x "$npm_dir/node_modules/.bin/sarif-multitool" ]; then
  mkdir -p "$npm_dir"
  if npm install --silent --prefix "$npm_dir" @microsoft/sarif-multitool >/dev/null 2>&1; then
    echo "setup: installed the SARIF Multitool in build/npm"
  else
    echo "setup: could not install the SARIF Multitool from npm; its test is skipped"
  fi
fi
