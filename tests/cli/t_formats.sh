#!/bin/bash
# The output formats agree with each other and with the input, to the byte:
# the diff applies with patch -p0 and gives the text output; every jsonl
# finding's byte range holds its text; annotate marks wrap the same spans.
. "$(dirname "$0")/lib.sh"
D="$SRC/fixtures/test.dict"
cp "$SRC/fixtures/basic.in" "$TMP/doc.txt"
cd "$TMP"
run() { "$UNSPIN" --no-mapping --dict="$D" "$@"; }
run doc.txt > text.out
run -f diff doc.txt > doc.diff
cp doc.txt orig.txt
check "diff applies with patch -p0" patch -s -p0 < doc.diff
check "patched file equals text output" cmp -s doc.txt text.out
cp orig.txt doc.txt
run -f jsonl doc.txt > doc.jsonl
check "jsonl byte ranges hold their text" python3 - doc.txt doc.jsonl <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
n = 0
for line in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(line)
    if r["type"] != "finding":
        assert r["type"] == "document" and "verdict" in r, r
        continue
    assert data[r["start"]:r["end"]].decode() == r["text"], r
    assert r["replacement"] == r["candidates"][0]["text"]
    n += 1
assert n > 5, n
PY
check "annotate without its marks is the input" python3 - doc.txt <<PY
import re, subprocess, sys
out = subprocess.run(["$UNSPIN", "--no-mapping", "--dict=$D", "-f", "annotate", "doc.txt"],
                     capture_output=True).stdout.decode()
plain = re.sub(r"\[([-~])(.*?)\1\]\{([+~])(.*?)\3\}", lambda m: m.group(2), out, flags=re.S)
assert plain == open("doc.txt").read()
PY
check "level safe applies no likely entry" sh -c "'$UNSPIN' --no-mapping --dict='$D' --level=safe doc.txt | grep -q 'terrorist teams'"
check "level normal applies likely entries in a spun document" sh -c "'$UNSPIN' --no-mapping --dict='$D' doc.txt | grep -q 'terrorist groups'"
printf 'Small terrorist teams met.\n' > one.txt
check "level normal leaves likely entries alone in a document not judged spun" sh -c "'$UNSPIN' --no-mapping --dict='$D' one.txt | grep -q 'terrorist teams'"
check "level aggressive applies likely entries anywhere" sh -c "'$UNSPIN' --no-mapping --dict='$D' --level=aggressive one.txt | grep -q 'terrorist groups'"
printf 'had been\twere\tlikely\tgate=spun\npink military\tred army\tsure\n' > gate.dict
printf 'They had been there before.\n' > clean.txt
printf 'The Pink Military and the Pink Military had been there.\n' > spun.txt
check "--check does not report a gate=spun phrase in a document not judged spun" \
    sh -c "'$UNSPIN' --no-mapping --no-spell --dict=gate.dict --check clean.txt | grep -q '^clean.txt: clean' &&
           ! '$UNSPIN' --no-mapping --no-spell --dict=gate.dict --check clean.txt | grep -q 'had been'"
check "--check reports it in a document judged spun" \
    sh -c "'$UNSPIN' --no-mapping --no-spell --dict=gate.dict --check spun.txt | grep -q \"'had been' -> 'were'\""
check "flag entries are never applied" sh -c "'$UNSPIN' --no-mapping --dict='$D' --level=aggressive doc.txt | grep -q nonetheless"
finish
