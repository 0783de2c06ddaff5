#!/bin/sh
# Installs the Debian packages unspin needs to build and test, when missing.
# Run as root (or with sudo available). Idempotent: installs nothing when all are present.
set -eu
pkgs="cmake make gcc pkg-config python3 patch mandoc libpcre2-dev libutf8proc-dev libcmocka-dev libsphinxbase-dev pocketsphinx-en-us libhunspell-dev hunspell-en-us npm"
missing=""
for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
