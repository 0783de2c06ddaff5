#!/bin/bash
# Memory stays bounded however large the input: 64 MB of text, with spun
# phrases throughout, through the default pipeline. Peak RSS may exceed that
# of a one-paragraph input by at most 16 MB (segment, look-ahead window,
# caches), and stays within 64 MB plus the language model's own size.
. "$(dirname "$0")/lib.sh"
python3 - "$TMP/big" "$TMP/small" <<'PY'
import sys
para = ("The Pink Military marched on. Nationwide safety matters to everyone here, "
        "and the committee met again in the morning to discuss the budget.\n\n")
with open(sys.argv[1], "w") as f:
    f.write(para * (64 * 1024 * 1024 // len(para)))
with open(sys.argv[2], "w") as f:
    f.write(para)
PY
peak() {   # peak RSS in MB of the binary on file $1
    python3 - "$UNSPIN" "$1" <<'PY'
import resource, subprocess, sys
with open(sys.argv[2], "rb") as fin:
    subprocess.run([sys.argv[1]], stdin=fin, stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
}
small=$(peak "$TMP/small")
big=$(peak "$TMP/big")
lm=/usr/share/pocketsphinx/model/en-us/en-us.lm.bin
lm_mb=0
[ -f "$lm" ] && lm_mb=$(( $(stat -c %s "$lm") / 1048576 + 1 ))
echo "peak RSS: $small MB on one paragraph, $big MB on 64 MB (language model file: $lm_mb MB)"
check "memory grows by at most 16 MB from 1 paragraph to 64 MB" test $((big - small)) -le 16
check "peak memory <= 64 MB + the language model" test "$big" -le $((64 + lm_mb))
check "output has every repair" test "$("$UNSPIN" < "$TMP/big" | grep -c 'Red Army')" -eq "$(grep -c 'Pink Military' "$TMP/big")"
finish
