#!/bin/bash
# Beyond one machine: unspin is a stateless filter over records, so GNU
# parallel --pipe (the README's recipe, here on one host) gives the same bytes
# as one process. Skipped when parallel is not installed.
. "$(dirname "$0")/lib.sh"
command -v parallel >/dev/null || { echo "GNU parallel missing (tools/install_deps.sh)"; exit 77; }
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }
D="$SRC/fixtures/test.dict"
src=${NPM:-}/brown.txt
[ -r "$src" ] || src="$SRC/fixtures/seed000.in"
python3 - "$src" "$TMP/in.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
paras = [p for p in text.split("\n\n") if p.strip()][:6000]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i, p in enumerate(paras):
        if i % 40 == 3:
            p += " The Pink Military met the Area Marshal."
        f.write(json.dumps({"id": i, "text": p}) + "\n")
    f.write('{"id": "bad", "text": "unterminated\n')
PY
"$UNSPIN" --no-mapping --dict="$D" --jsonl-field=text "$TMP/in.jsonl" > "$TMP/one" 2>/dev/null
parallel --will-cite --pipe -k --block 200k \
    "$UNSPIN" --no-mapping --dict="$D" --jsonl-field=text < "$TMP/in.jsonl" > "$TMP/par" 2>/dev/null
check "parallel --pipe -k over record mode equals one process" cmp "$TMP/one" "$TMP/par"
check "the input was split into several blocks" test "$(wc -c < "$TMP/in.jsonl")" -gt 400000
check "repairs were made" grep -q '"The Red Army met\|The Red Army met the Field Marshal' "$TMP/one"
finish
