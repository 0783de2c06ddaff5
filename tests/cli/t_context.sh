#!/bin/bash
# The context model from the command line: thesaurus and entity restoration
# only where a document is judged spun (or --assume-spun), --no-thesaurus turns
# them off, the verdict's family-agnostic figures in jsonl, and a damaged
# thesaurus table is a data error (exit 3).
. "$(dirname "$0")/lib.sh"
in="A report by Amnesty Worldwide said so on Monday."
out=$(echo "$in" | "$UNSPIN" --no-mapping --assume-spun)
if [ "$out" = "$in" ]; then
    echo "SKIP: no language model or thesaurus in this build"; exit 77
fi
check "assume-spun restores a spun name" test "$out" = "A report by Amnesty International said so on Monday."
check "not judged spun: left alone" test "$(echo "$in" | "$UNSPIN" --no-mapping)" = "$in"
check "--no-thesaurus: left alone" \
    test "$(echo "$in" | "$UNSPIN" --no-mapping --assume-spun --no-thesaurus)" = "$in"
doc=$("$UNSPIN" --format=jsonl --level=aggressive "$SRC/fixtures/seed000.in" | tail -1)
check "jsonl verdict has the agnostic figures (aggressive, a document with sure hits)" python3 -c '
import json, sys
v = json.loads(sys.argv[1])["verdict"]
sys.exit(not (v["probed"] > 0 and "agnostic" in v and v["spun"] is True and v["sure_spun"] is True))' "$doc"
doc=$("$UNSPIN" --format=jsonl --level=aggressive "$SRC/fixtures/clean001.txt" | tail -1)
check "no sure hit: the agnostic score is not computed" python3 -c '
import json, sys
v = json.loads(sys.argv[1])["verdict"]
sys.exit(not (v["probed"] == 0 and v["agnostic"] == 0 and v["spun"] is False))' "$doc"
check "--check reports the agnostic score" \
    sh -c "'$UNSPIN' --check '$SRC/fixtures/clean001.txt' | tail -1 | grep -q 'agnostic score'"
mkdir "$TMP/data"
for f in "$SRC"/dict/*; do [ -f "$f" ] && ln -s "$f" "$TMP/data/"; done
rm "$TMP/data/thesaurus.bin"
head -c 1000 "$SRC/dict/thesaurus.bin" > "$TMP/data/thesaurus.bin"
check "damaged thesaurus: exit 3" expect_status 3 sh -c "echo x | '$UNSPIN' --data-dir='$TMP/data'"
check "damaged thesaurus: message names the file" grep -q "thesaurus.bin" "$TMP/stderr"
finish
