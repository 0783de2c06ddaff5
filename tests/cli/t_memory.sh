#!/bin/bash
# Memory stays bounded however large the input: 64 MB of text, with spun
# phrases throughout, through the default pipeline in at most 64 MB of RSS.
. "$(dirname "$0")/lib.sh"
python3 - "$TMP/big" <<'PY'
import sys
para = ("The Pink Military marched on. Nationwide safety matters to everyone here, "
        "and the committee met again in the morning to discuss the budget.\n\n")
with open(sys.argv[1], "w") as f:
    f.write(para * (64 * 1024 * 1024 // len(para)))
PY
rss=$(python3 - "$UNSPIN" "$TMP/big" <<'PY'
import resource, subprocess, sys
with open(sys.argv[2], "rb") as fin:
    subprocess.run([sys.argv[1]], stdin=fin, stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
)
echo "peak RSS on 64 MB: $rss MB"
check "peak memory <= 64 MB" test "$rss" -le 64
check "output has every repair" test "$("$UNSPIN" < "$TMP/big" | grep -c 'Red Army')" -eq "$(grep -c 'Pink Military' "$TMP/big")"
finish
