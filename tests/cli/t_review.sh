#!/bin/bash
# unspin review: the review file, its round trip through sed and apply (seed 000
# at every proposal that a level applies gives exactly --level=aggressive), the
# subcommand's usage errors, ignore lists and learned decisions.
. "$(dirname "$0")/lib.sh"
export XDG_CONFIG_HOME="$TMP/config"
D=(--no-mapping --dict="$SRC/fixtures/test.dict" --no-spell --no-lm)
differ() { ! cmp -s "$1" "$2"; }
lacks() { ! grep -q -- "$1" "$2"; }

# --- the file -------------------------------------------------------------
printf 'The Pink Military fought in opposition to the Area Marshal.\nNonetheless the Pink Military won.\n' > "$TMP/a.txt"
"$UNSPIN" review "${D[@]}" --level=safe "$TMP/a.txt" > "$TMP/a.review"; st=$?
check "review exits 0" test $st = 0
check "header names the format" grep -qx 'unspin-review 1' "$TMP/a.review"
check "file and its SHA-256" grep -qx "sha256 $(sha256sum < "$TMP/a.txt" | cut -c1-64)" "$TMP/a.review"
check "sure finding pre-accepted at safe" grep -qx 'accept 1 spun sure test.dict:3' "$TMP/a.review"
check "likely finding pending at safe" grep -qx 'pending 2 spun likely test.dict:7' "$TMP/a.review"
check "flag finding pending" grep -qx 'pending 4 spun flag test.dict:9' "$TMP/a.review"
check "line, column and byte range" grep -qx '  at 1:26 bytes 25-41' "$TMP/a.review"
check "context with the span marked" grep -qxF '  context "The Pink Military fought " ["in opposition to"] " the Area Marshal.\nNonetheless the Pink "' "$TMP/a.review"
check "replacement" grep -qx '  replace "against"' "$TMP/a.review"
"$UNSPIN" review "${D[@]}" --level=aggressive "$TMP/a.txt" > "$TMP/agg.review"
check "--level=aggressive pre-accepts likely findings" grep -qx 'accept 2 spun likely test.dict:7' "$TMP/agg.review"
"$UNSPIN" review "${D[@]}" --level=safe -o "$TMP/o.review" "$TMP/a.txt"
check "-o writes the same file" cmp -s "$TMP/a.review" "$TMP/o.review"

# --- round trip: sed edits the decisions, apply carries them out ----------
cp "$TMP/a.txt" "$TMP/a.orig"
sed -E -e 's/^pending (2 .*)/accept \1/' -e 's/^accept (3 .*)/reject \1/' \
    -e '/^accept 1 /,/replace/s/^  replace .*/  replace "Crimson Guard"/' "$TMP/a.review" > "$TMP/edited.review"
check "apply exits 0" expect_status 0 "$UNSPIN" apply "$TMP/edited.review"
check "exactly the accepted decisions, edited replacement included" \
    test "$(cat "$TMP/a.txt")" = "$(printf 'The Crimson Guard fought against the Area Marshal.\nNonetheless the Red Army won.')"

# Seed 000: flag proposals are never applied at any level, so "every proposal
# accepted" means every sure and likely one. From a review at
# --level=aggressive (the level also sets how widely the thesaurus is
# searched), sed accepts each pending sure or likely finding; the result must
# be exactly the output of --level=aggressive.
if [ -r "$SRC/fixtures/seed000.in" ]; then
    "$UNSPIN" --level=aggressive "$SRC/fixtures/seed000.in" > "$TMP/seed.want"
    cp "$SRC/fixtures/seed000.in" "$TMP/seed.txt"
    "$UNSPIN" review --level=aggressive "$TMP/seed.txt" > "$TMP/seed.review"
    sed -E -i 's/^pending ([0-9]+ [a-z]+ (sure|likely) )/accept \1/' "$TMP/seed.review"
    check "seed 000: review has findings" test "$(grep -c '^accept' "$TMP/seed.review")" -gt 200
    check "seed 000: apply exits 0" expect_status 0 "$UNSPIN" apply "$TMP/seed.review"
    check "seed 000: every sure and likely proposal accepted = --level=aggressive" cmp "$TMP/seed.want" "$TMP/seed.txt"
    cp "$SRC/fixtures/seed000.in" "$TMP/seed2.txt"
    "$UNSPIN" review --level=aggressive -o "$TMP/seed2.review" "$TMP/seed2.txt"
    "$UNSPIN" apply -q "$TMP/seed2.review"
    check "seed 000: review at aggressive applied as pre-filled = --level=aggressive" cmp "$TMP/seed.want" "$TMP/seed2.txt"
    # Accepting the flag proposals as well changes only their spans.
    cp "$SRC/fixtures/seed000.in" "$TMP/seed3.txt"
    "$UNSPIN" review --level=aggressive -o "$TMP/seed3.review" "$TMP/seed3.txt"
    sed -i 's/^pending /accept /' "$TMP/seed3.review"
    "$UNSPIN" apply -q "$TMP/seed3.review"
    check "seed 000: accepting flag proposals too changes the text further" differ "$TMP/seed.want" "$TMP/seed3.txt"
fi

# --- usage and errors -----------------------------------------------------
check "review without PATH: usage error" expect_status 2 "$UNSPIN" review "${D[@]}"
check "review of standard input: usage error" expect_status 2 "$UNSPIN" review "${D[@]}" -
check "filter option with review: usage error" expect_status 2 "$UNSPIN" review --check "$TMP/a.txt"
check "apply option with review: usage error" expect_status 2 "$UNSPIN" review --relocate "$TMP/a.txt"
check "review option with the filter: usage error" expect_status 2 "$UNSPIN" -o x "$TMP/a.txt"
check "review -i without -o: usage error" expect_status 2 "$UNSPIN" review -i "$TMP/a.txt"
"$UNSPIN" review -i -o "$TMP/i.review" "${D[@]}" "$TMP/a.txt" < /dev/null > "$TMP/out" 2> "$TMP/err"; st=$?
check "review -i off a terminal: exit 2" test $st = 2
check "review -i off a terminal: says why" grep -q 'review -i needs a terminal' "$TMP/err"
"$UNSPIN" review "${D[@]}" "$TMP/missing.txt" "$TMP/a.txt" > "$TMP/m.review" 2> "$TMP/err"; st=$?
check "missing file: exit 3, the others still reviewed" test $st = 3 -a "$(grep -c '^file ' "$TMP/m.review")" = 1
"$UNSPIN" review --help > "$TMP/help"
check "review --help shows its usage and options" grep -q 'Usage: unspin review' "$TMP/help"
check "review --help lists -o and -i" grep -q -- '--interactive' "$TMP/help"
check "review --help leaves out filter options" lacks '-c, --check' "$TMP/help"
"$UNSPIN" apply --help > "$TMP/help"
check "apply --help lists its options" grep -q -- '--relocate' "$TMP/help"

# A broken review file: reported with its line, nothing applied, exit 3.
printf 'The Pink Military won.\n' > "$TMP/b.txt"
"$UNSPIN" review "${D[@]}" "$TMP/b.txt" | sed 's/^accept 1 /acept 1 /' > "$TMP/bad.review"
"$UNSPIN" apply "$TMP/bad.review" 2> "$TMP/err"; st=$?
check "bad review file: exit 3" test $st = 3
check "bad review file: FILE:LINE: error:" grep -q "^unspin: $TMP/bad.review:[0-9]*: error: unknown line 'acept'" "$TMP/err"
check "bad review file: nothing applied" test "$(cat "$TMP/b.txt")" = "The Pink Military won."
check "apply of a missing review: exit 3" expect_status 3 "$UNSPIN" apply "$TMP/none.review"
check "apply without a review: exit 2" expect_status 2 "$UNSPIN" apply

# --- ignore lists and learned decisions -----------------------------------
printf 'The Pink Military fought in opposition to the Area Marshal.\n' > "$TMP/c.txt"
printf '# project list\nArea Marshal\tField Marshal\n' > "$TMP/project.ignore"
check "--ignore: the pair is not applied" \
    test "$("$UNSPIN" "${D[@]}" --level=safe --ignore="$TMP/project.ignore" "$TMP/c.txt")" = "The Red Army fought in opposition to the Area Marshal."
check "--ignore: nor reviewed" \
    test "$("$UNSPIN" review "${D[@]}" --ignore="$TMP/project.ignore" "$TMP/c.txt" | grep -c '"Area Marshal"')" = 0
check "--ignore: missing list is an error (3)" expect_status 3 "$UNSPIN" "${D[@]}" --ignore="$TMP/none" "$TMP/c.txt"

cp "$TMP/c.txt" "$TMP/c.orig"
"$UNSPIN" review "${D[@]}" --level=safe "$TMP/c.txt" |
    sed -E -e '/^accept 1 /,/replace/s/^  replace .*/  replace "Crimson Guard"/' \
        -e 's/^accept (3 .*)/reject \1/' > "$TMP/c.review"
"$UNSPIN" apply --learn "$TMP/c.review" 2> "$TMP/err"; st=$?
check "apply --learn exits 0" test $st = 0
check "--learn: accepted pair in the learned mapping" grep -qxP 'Pink Military\tCrimson Guard\tsure' "$XDG_CONFIG_HOME/unspin/learned.dict"
check "--learn: rejected pair in the learned ignore list" grep -qxP 'Area Marshal\tField Marshal' "$XDG_CONFIG_HOME/unspin/ignore"
check "--learn: says what it learned" grep -q 'learned 1 accepted pair ' "$TMP/err"
check "later runs honour both" \
    test "$("$UNSPIN" "${D[@]}" --level=safe "$TMP/c.orig")" = "The Crimson Guard fought in opposition to the Area Marshal."
"$UNSPIN" apply --learn "$TMP/c.review" 2>/dev/null
check "--learn twice records nothing twice" test "$(grep -c Crimson "$XDG_CONFIG_HOME/unspin/learned.dict")" = 1
check "--learn --dry-run records nothing" expect_status 0 "$UNSPIN" apply --learn --dry-run "$TMP/c.review"
check "the learned mapping passes --lint-dict" expect_status 0 "$UNSPIN" --lint-dict "$XDG_CONFIG_HOME/unspin/learned.dict"
finish
