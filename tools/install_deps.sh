#!/bin/sh
# Installs the Debian packages unspin needs to build and test, when missing.
# Run as root (or with sudo available). Idempotent: installs nothing when all are present.
#   tools/install_deps.sh           build and test (GNU parallel for the parallel test)
#   tools/install_deps.sh --bench   also the peers bench/bench.sh compares with
#                                   (codespell, hunspell, aspell) and clang for fuzzing
set -eu
pkgs="cmake make gcc pkg-config patch mandoc libpcre2-dev libutf8proc-dev libcmocka-dev
      libsphinxbase-dev pocketsphinx-en-us libhunspell-dev hunspell-en-us parallel"
if [ "${1:-}" = --bench ]; then
    pkgs="$pkgs codespell hunspell aspell aspell-en clang"
fi
missing=""
for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
# Tools that may come from elsewhere than Debian (pyenv, a Node.js install): only
# their commands matter, and Debian's packages would conflict with such installs.
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
