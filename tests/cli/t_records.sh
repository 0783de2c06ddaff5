#!/bin/bash
# Record mode (--jsonl-field): the field is repaired, findings and verdict are
# added as "unspin", every other byte of a record is unchanged, malformed
# records are reported with their line and passed through (or dropped with
# --drop-bad), and -j N gives the same bytes as -j 1.
. "$(dirname "$0")/lib.sh"
D="$SRC/fixtures/test.dict"
run() { "$UNSPIN" --no-mapping --dict="$D" "$@"; }
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }

cat > "$TMP/r.jsonl" <<'J'
{"id":1,"text":"The Pink Military fought the Area Marshal.","meta":{"a":[1,2.5e3,{"b":null}]}}
{ "id" : 2 , "text" : "A clean line.\nWith \u00e9, \"quotes\" and a \/ slash." , "x":true }
{"id":3,"text":"It\u2019s the Pink Military\u2019s turn.","unspin":{"old":1},"z":-1.5}

{"id":4,"title":"no text field"}
{"id":5,"text":"broken
[1,2]
{"id":7,"text":"The Pink Military"}
J
run --jsonl-field=text "$TMP/r.jsonl" > "$TMP/out" 2> "$TMP/err"; st=$?
check "malformed records give exit status 3" test $st = 3
check "every line comes out" test "$(wc -l < "$TMP/out")" = 8
check "malformed record reported with line and column" grep -q "^unspin: $TMP/r.jsonl:6:16: error: unterminated string; record passed through unchanged" "$TMP/err"
check "a non-object is reported" grep -q "^unspin: $TMP/r.jsonl:7:1: error: " "$TMP/err"
check "malformed records pass through unchanged" test "$(sed -n 6,7p "$TMP/out")" = "$(sed -n 6,7p "$TMP/r.jsonl")"
check "a record without the field passes through" test "$(sed -n 5p "$TMP/out")" = '{"id":4,"title":"no text field"}'
check "a blank line passes through" test -z "$(sed -n 4p "$TMP/out")"
check "the field is repaired, other members byte-identical" test "$(sed -n 1p "$TMP/out" | cut -c1-99)" = '{"id":1,"text":"The Red Army fought the Field Marshal.","meta":{"a":[1,2.5e3,{"b":null}]},"unspin":'
check "a clean field keeps its bytes, escapes and spacing" test "$(sed -n 2p "$TMP/out" | sed 's/,"unspin":.*/}/')" = "$(sed -n 2p "$TMP/r.jsonl")"
check "\\u escapes keep their style when the field changes" grep -q '"text":"It\\u2019s the Red Army\\u2019s turn."' "$TMP/out"
check "an existing \"unspin\" member is replaced in place" grep -q '"unspin":{"words":5,.*},"z":-1.5}$' "$TMP/out"
# Every output line that was a good record is valid JSON with the documented keys.
python3 - "$TMP/out" > "$TMP/py" <<'PY'
import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if i in (4, 5, 6, 7):
        continue
    r = json.loads(line)
    u = r["unspin"]
    assert set(u) == {"words", "applied", "verdict", "findings"}, u
    assert set(u["verdict"]) == {"spun", "score", "sure", "likely", "flag"}
    for f in u["findings"]:
        assert set(f) == {"start", "end", "text", "replacement", "kind", "rule", "class", "applied"}
print("ok")
PY
check "records are valid JSON with the documented keys" grep -q '^ok$' "$TMP/py"
python3 - "$TMP/r.jsonl" "$TMP/out" > "$TMP/py2" <<'PY'
import json, sys
src = open(sys.argv[1], encoding="utf-8").read().split("\n")
out = open(sys.argv[2], encoding="utf-8").read().split("\n")
for i in (0, 1, 2, 7):
    a, b = json.loads(src[i]), json.loads(out[i])
    u = b.pop("unspin"); a.pop("unspin", None)
    # Findings point at the original field by UTF-8 byte offsets.
    t = a["text"].encode()
    for f in u["findings"]:
        assert t[f["start"]:f["end"]].decode() == f["text"], f
    a.pop("text"); b.pop("text")
    assert a == b, (a, b)
print("ok")
PY
check "findings point into the original field; other members equal" grep -q '^ok$' "$TMP/py2"

run --jsonl-field=text --drop-bad "$TMP/r.jsonl" > "$TMP/out2" 2> "$TMP/err2"; st=$?
check "--drop-bad: exit 0" test $st = 0
check "--drop-bad drops the malformed records" test "$(wc -l < "$TMP/out2")" = 6
check "--drop-bad still reports them" grep -q "$TMP/r.jsonl:6:16: warning: .*dropped" "$TMP/err2"
check "--drop-bad without record mode is a usage error" expect_status 2 run --drop-bad "$TMP/r.jsonl"
check "--jsonl-field with --check is a usage error" expect_status 2 run --jsonl-field=text --check "$TMP/r.jsonl"

# No final newline: none added. CRLF kept.
printf '{"text":"Pink Military"}\r\n{"text":"Area Marshal"}' > "$TMP/crlf.jsonl"
run --jsonl-field=text "$TMP/crlf.jsonl" > "$TMP/crlf.out"
check "CRLF kept, no newline added at the end" test "$(od -c "$TMP/crlf.out" | grep -c '\\r  \\n')" = 1 -a "$(tail -c 1 "$TMP/crlf.out")" = "}"

# -j 4 gives the same bytes as -j 1, on records from the Brown corpus.
if [ -r "${NPM:-}/brown.txt" ]; then
    python3 - "$NPM/brown.txt" "$TMP/big.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
paras = [p for p in text.split("\n\n") if p.strip()][:20000]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i, p in enumerate(paras):
        if i % 50 == 7:
            p += " The Pink Military."
        f.write(json.dumps({"id": i, "text": p, "n": [i, {"k": "v"}]}, ensure_ascii=(i % 2 == 0)) + "\n")
PY
    run --jsonl-field=text -j 1 "$TMP/big.jsonl" > "$TMP/b1"
    run --jsonl-field=text -j 4 "$TMP/big.jsonl" > "$TMP/b4"
    check "records: -j 4 gives the same bytes as -j 1" cmp "$TMP/b1" "$TMP/b4"
    check "records: one out per record" test "$(wc -l < "$TMP/b1")" = "$(wc -l < "$TMP/big.jsonl")"
    run --jsonl-field=text -j 2 < "$TMP/big.jsonl" > "$TMP/b2"
    check "records: -j 2 on standard input gives the same bytes" cmp "$TMP/b1" "$TMP/b2"
fi
finish
