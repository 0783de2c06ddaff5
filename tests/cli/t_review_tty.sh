#!/bin/bash
# unspin review -i: an interactive session driven by keystrokes in a
# pseudo-terminal (tty_drive.py): accept, reject, edit, an alternative,
# reject/accept a whole rule, undo, skip, help, save and quit, then resume
# from the saved file, and apply the result.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "python3 not found"; exit 77; }
export XDG_CONFIG_HOME="$TMP/config"
printf 'teams\tgroups|squads\tlikely\n' > "$TMP/alt.dict"
D=(--no-mapping --dict="$TMP/alt.dict" --dict="$SRC/fixtures/test.dict" --no-spell --no-lm --level=safe)
drive() { python3 "$SRC/tests/cli/tty_drive.py" "$@"; }
decision() { grep -E "^[a-z]+ $1 " "$TMP/r.review" | cut -d' ' -f1; }
replacement() { sed -n "/^[a-z]* $1 /,/replace/s/^  replace //p" "$TMP/r.review"; }

printf 'The Pink Military fought in opposition to the Area Marshal.\nNonetheless the teams won.\nIn opposition to them, nonetheless, the teams lost.\n' > "$TMP/t.txt"
# Pending findings: 2 "in opposition to", 4 "Nonetheless", 5 "teams",
# 6 "In opposition to", 7 "nonetheless", 8 "teams".
# Keys: r (reject 2), ? x (help and back), u (undo: 2 pending again),
# e ^U "opposed to" Enter (edit 2), s (skip 4), 1 (5 takes "squads"),
# R (reject 6 and later ones of its rule: none), q (save and quit at 7).
drive 'r?xue\x15opposed to\rs1Rq' "$TMP/s1" "$UNSPIN" review -i "${D[@]}" -o "$TMP/r.review" "$TMP/t.txt"; st=$?
check "session 1 exits 0" test $st = 0
check "the span is highlighted" grep -q $'\e\\[1;7min opposition to\e\\[0m' "$TMP/s1"
check "help was shown" grep -q 'undo the last decision' "$TMP/s1"
check "edit: accepted with the new text" test "$(decision 2)/$(replacement 2)" = 'accept/"opposed to"'
check "skip: left pending" test "$(decision 4)" = pending
check "alternative 1 taken" test "$(decision 5)/$(replacement 5)" = 'accept/"squads"'
check "R: rejected" test "$(decision 6)" = reject
check "not reached: pending" test "$(decision 7)/$(decision 8)" = pending/pending
check "sure findings keep their pre-filled accept" test "$(decision 1)/$(decision 3)" = accept/accept
check "where to resume is saved" grep -qx 'resume 7' "$TMP/r.review"

# Resume (no PATH): 7, 8, then the skipped 4. A accepts 7 and 4 (same rule),
# a accepts 8; every finding visited, the end screen offers undo: u takes back
# the accept of 8, r rejects it instead, q saves and quits.
drive 'Aaurq' "$TMP/s2" "$UNSPIN" review -i -o "$TMP/r.review"; st=$?
check "session 2 exits 0" test $st = 0
check "resumed at finding 7" grep -q 'finding 1 of 3 (id 7)' "$TMP/s2"
check "A: the rule's later finding accepted too" test "$(decision 7)/$(decision 4)" = accept/accept
check "the end screen" grep -q 'every finding visited: 6 accept, 2 reject, 0 pending' "$TMP/s2"
check "undo on the end screen, then reject" test "$(decision 8)" = reject
check "the end is reported" grep -q 'note: every finding visited' "$TMP/s2"
! grep -q '^resume' "$TMP/r.review"; check "no resume point once done" test $? = 0
check "apply exits 0" expect_status 0 "$UNSPIN" apply "$TMP/r.review"
check "the file holds exactly the decisions" test "$(cat "$TMP/t.txt")" = \
    "$(printf 'The Red Army fought opposed to the Field Marshal.\nHowever the squads won.\nIn opposition to them, however, the teams lost.')"

# Ctrl-C saves what was decided.
printf 'The Pink Military and the Area Marshal. Nonetheless the teams won.\n' > "$TMP/u.txt"
drive 'a\x03' "$TMP/s3" "$UNSPIN" review -i "${D[@]}" -o "$TMP/u.review" "$TMP/u.txt"
check "Ctrl-C: the decision made is saved" grep -q '^accept 3 spun flag' "$TMP/u.review"
check "Ctrl-C: and where to resume" grep -qx 'resume 4' "$TMP/u.review"

# A hang-up (ssh dropped) saves too.
printf 'The Pink Military and the Area Marshal. Nonetheless the teams won.\n' > "$TMP/h.txt"
DRIVE_HANGUP=1 drive 'r' "$TMP/s4" "$UNSPIN" review -i "${D[@]}" -o "$TMP/h.review" "$TMP/h.txt"
check "hang-up: the decision made is saved" grep -q '^reject 3 spun flag' "$TMP/h.review"
check "hang-up: and where to resume" grep -qx 'resume 4' "$TMP/h.review"
finish
