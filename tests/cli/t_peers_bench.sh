#!/bin/bash
# The peers' benchmarks (tools/peers_bench.py, issue 10) over ../shared/external: real
# OCR of 19th-century books (ICDAR 2017) and SpinBot-spun Wikipedia paragraphs. Floors
# sit at the figures reached (README, Figures; the 4 ICDAR passages made worse are
# ones whose ground truth keeps the scan's own errors, "livesby", "brother,committed",
# or a line-end hyphen, "misre-presented"); skipped when the sets are absent.
. "$(dirname "$0")/lib.sh"
if [ ! -d "${SHARED:-}/external/ocr-icdar2017-eng" ] || [ ! -d "$SHARED/external/spinbot-mpc-wikipedia" ]; then
    echo "SKIP: $SHARED/external missing"; exit 77
fi
python3 "$SRC/tools/peers_bench.py" --bin "$UNSPIN" --shared "$SHARED" --level normal aggressive --json \
    > "$TMP/a.json" || { echo "FAIL: peers_bench.py did not run"; exit 1; }
# get SET LEVEL FIELD: a figure of a.json
get() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
print([r for r in d[sys.argv[2]] if r["level"] == sys.argv[3]][0][sys.argv[4]])' "$TMP/a.json" "$@"; }
atleast() { python3 -c 'import sys; sys.exit(not float(sys.argv[1]) >= float(sys.argv[2]))' "$(get "$1" "$2" "$3")" "$4" || { echo "  $* : got $(get "$1" "$2" "$3")"; return 1; }; }
atmost() { python3 -c 'import sys; sys.exit(not float(sys.argv[1]) <= float(sys.argv[2]))' "$(get "$1" "$2" "$3")" "$4" || { echo "  $* : got $(get "$1" "$2" "$3")"; return 1; }; }

check "icdar normal: WER" atmost icdar normal wer_after 0.0395
check "icdar normal: CER" atmost icdar normal cer_after 0.0087
check "icdar normal: passages worse" atmost icdar normal worse 4
check "icdar normal: passages better" atleast icdar normal better 60
check "icdar aggressive: WER no worse than 4.8%" atmost icdar aggressive wer_after 0.048
check "spinbot normal: precision" atleast spinbot normal precision 0.95
check "spinbot normal: changes per 1,000 words of the originals" atmost spinbot normal orig_changes_per_1000 1.0
finish
