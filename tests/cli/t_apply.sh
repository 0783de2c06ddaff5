#!/bin/bash
# unspin apply: only accepted findings, stale files refused and the others
# applied, relocation by context, permissions, symlinks, CRLF and invalid
# UTF-8, backups, --dry-run, a second apply that changes nothing, and an
# interrupted apply that leaves every file either old or new.
. "$(dirname "$0")/lib.sh"
export XDG_CONFIG_HOME="$TMP/config"
D=(--no-mapping --dict="$SRC/fixtures/test.dict" --no-spell --no-lm)
same() { cmp -s "$1" "$2"; }
differ() { ! cmp -s "$1" "$2"; }
lacks() { ! grep -q -- "$1" "$2"; }
# new NAME TEXT: a file and its expected repaired form (the filter's output).
new() { printf "$2" > "$TMP/$1"; "$UNSPIN" "${D[@]}" --level=safe "$TMP/$1" > "$TMP/$1.want"; cp "$TMP/$1" "$TMP/$1.old"; }

# --- stale files are refused, the others applied ---------------------------
new a.txt 'The Pink Military met the Area Marshal.\n'
new b.txt 'Over there, the Pink Military waited.\n'
new c.txt 'The Area Marshal left.\n'
"$UNSPIN" review "${D[@]}" --level=safe "$TMP/a.txt" "$TMP/b.txt" "$TMP/c.txt" > "$TMP/r.review"
printf 'Edited: the Pink Military waited.\n' > "$TMP/b.txt"; cp "$TMP/b.txt" "$TMP/b.edited"
"$UNSPIN" apply "$TMP/r.review" > "$TMP/out" 2> "$TMP/err"; st=$?
check "stale file: exit 1" test $st = 1
check "stale file: clear message" grep -q "^unspin: $TMP/b.txt: error: changed since the review" "$TMP/err"
check "stale file: untouched" same "$TMP/b.txt" "$TMP/b.edited"
check "other files applied" same "$TMP/a.txt" "$TMP/a.txt.want"
check "other files applied (2)" same "$TMP/c.txt" "$TMP/c.txt.want"
check "summary counts" grep -q 'note: 3 files: 3 fixes applied in 2 files.*1 changed since the review' "$TMP/err"

# --- a second apply changes nothing ---------------------------------------
ino=$(stat -c %i "$TMP/a.txt")
"$UNSPIN" apply "$TMP/r.review" 2> "$TMP/err"; st=$?
check "second apply: the applied files are recognised" grep -q '2 already applied' "$TMP/err"
check "second apply: not rewritten" test "$(stat -c %i "$TMP/a.txt")" = "$ino"
check "second apply: same content" same "$TMP/a.txt" "$TMP/a.txt.want"
check "second apply: still refuses the stale one (exit 1)" test $st = 1

# --- relocation -----------------------------------------------------------
new d.txt 'The Pink Military met the Area Marshal.\n\nLater the Area Marshal spoke.\n'
"$UNSPIN" review "${D[@]}" --level=safe "$TMP/d.txt" > "$TMP/d.review"
printf 'A new first line.\nThe Pink Military met the Area Marshal.\n\nLater the Area Marshal spoke.\n' > "$TMP/d.txt"
check "changed file without --relocate: refused (exit 1)" expect_status 1 "$UNSPIN" apply "$TMP/d.review"
check "--relocate: exit 0" expect_status 0 "$UNSPIN" apply --relocate "$TMP/d.review"
check "--relocate: every finding re-anchored" \
    test "$(cat "$TMP/d.txt")" = "$(printf 'A new first line.\nThe Red Army met the Field Marshal.\n\nLater the Field Marshal spoke.')"
# A context that now occurs twice is ambiguous: refused, the rest applied.
new e.txt 'The Pink Military met the Area Marshal.\n'
"$UNSPIN" review "${D[@]}" --level=safe "$TMP/e.txt" > "$TMP/e.review"
printf 'The Pink Military met the Area Marshal.\nThe Pink Military met the Area Marshal.\nAlso the Area Marshal.\n' > "$TMP/e.txt"
"$UNSPIN" apply --relocate "$TMP/e.review" 2> "$TMP/err"; st=$?
check "ambiguous context: exit 1" test $st = 1
check "ambiguous context: says so" grep -q 'ambiguous' "$TMP/err"
check "ambiguous context: file untouched" \
    test "$(cat "$TMP/e.txt")" = "$(printf 'The Pink Military met the Area Marshal.\nThe Pink Military met the Area Marshal.\nAlso the Area Marshal.')"
# A context that is gone is refused too.
new f.txt 'The Pink Military met the Area Marshal.\n'
"$UNSPIN" review "${D[@]}" --level=safe "$TMP/f.txt" > "$TMP/f.review"
printf 'Rewritten entirely.\n' > "$TMP/f.txt"
check "vanished context: refused (exit 1)" expect_status 1 "$UNSPIN" apply --relocate "$TMP/f.review"

# --- permissions, symlinks, backups ---------------------------------------
new p.txt 'The Pink Military.\n'
chmod 640 "$TMP/p.txt"
mkdir "$TMP/real"; new real/s.txt 'The Area Marshal.\n'; ln -s real/s.txt "$TMP/link.txt"
"$UNSPIN" review "${D[@]}" "$TMP/p.txt" "$TMP/link.txt" > "$TMP/p.review"
check "apply with --backup: exit 0" expect_status 0 "$UNSPIN" apply --backup "$TMP/p.review"
check "permissions kept" test "$(stat -c %a "$TMP/p.txt")" = 640
check "applied" same "$TMP/p.txt" "$TMP/p.txt.want"
check "symlink is still a symlink" test -L "$TMP/link.txt"
check "its target is replaced" same "$TMP/real/s.txt" "$TMP/real/s.txt.want"
check "--backup keeps FILE.orig" same "$TMP/p.txt.orig" "$TMP/p.txt.old"
check "--backup beside the symlink's target" same "$TMP/real/s.txt.orig" "$TMP/real/s.txt.old"
new q.txt 'The Pink Military.\n'
"$UNSPIN" review "${D[@]}" "$TMP/q.txt" > "$TMP/q.review"
"$UNSPIN" apply -q --backup=.bak "$TMP/q.review"
check "--backup=SUFFIX" same "$TMP/q.txt.bak" "$TMP/q.txt.old"
check "bad suffix: usage error" expect_status 2 "$UNSPIN" apply --backup=a/b "$TMP/q.review"
check "no temporary file left behind" test -z "$(find "$TMP" -name '.*.unspin-*')"

# --- CRLF, invalid UTF-8, no final newline ---------------------------------
new crlf.txt 'The Pink Military\xff\xfe met\r\nthe Area\x80 Marshal. And the Area Marshal\r\n\r\nThe Pink Military'
"$UNSPIN" review "${D[@]}" "$TMP/crlf.txt" > "$TMP/crlf.review"
check "CRLF/invalid UTF-8: review escapes the bytes" grep -qF '\xFF\xFE met\r\n' "$TMP/crlf.review"
check "CRLF/invalid UTF-8: apply exits 0" expect_status 0 "$UNSPIN" apply "$TMP/crlf.review"
check "CRLF/invalid UTF-8: the filter's output exactly" same "$TMP/crlf.txt" "$TMP/crlf.txt.want"

# --- --dry-run ------------------------------------------------------------
new g.txt 'Line one.\nThe Pink Military met\nthe Area Marshal.\nLast line.\n'
"$UNSPIN" review "${D[@]}" "$TMP/g.txt" > "$TMP/g.review"
"$UNSPIN" apply --dry-run "$TMP/g.review" > "$TMP/g.diff" 2> "$TMP/err"; st=$?
check "--dry-run: exit 0" test $st = 0
check "--dry-run: file untouched" same "$TMP/g.txt" "$TMP/g.txt.old"
check "--dry-run: prints a unified diff" grep -qx -- '-The Pink Military met' "$TMP/g.diff"
check "--dry-run: summary says would" grep -q 'would be applied' "$TMP/err"
cp "$TMP/g.txt" "$TMP/g.patched"
check "--dry-run: the diff applies with patch(1)" sh -c "patch -s '$TMP/g.patched' < '$TMP/g.diff'"
check "--dry-run: patched = applied" same "$TMP/g.patched" "$TMP/g.txt.want"

# --- interrupted apply: every file old or new, never partial -----------------
mkdir "$TMP/many"
for i in $(seq 1 40); do
    printf 'File %d. The Pink Military met the Area Marshal.\n%0500d\nThe Pink Military.\n' $i 0 > "$TMP/many/$i.txt"
done
cp -r "$TMP/many" "$TMP/many.old"
"$UNSPIN" review "${D[@]}" "$TMP"/many/*.txt > "$TMP/many.review"
UNSPIN_FAULT=commit-after-15 "$UNSPIN" apply "$TMP/many.review" 2>/dev/null; st=$?
check "fault injection: the process died mid-apply" test $st = 99
whole() {
    local bad=0 new=0 old=0
    for i in $(seq 1 40); do
        f="$TMP/many/$i.txt"
        if cmp -s "$f" "$TMP/many.old/$i.txt"; then old=$((old + 1))
        elif [ "$("$UNSPIN" "${D[@]}" "$TMP/many.old/$i.txt" | cmp - "$f" >/dev/null 2>&1; echo $?)" = 0 ]; then new=$((new + 1))
        else bad=$((bad + 1)); echo "  partial: $f"; fi
    done
    echo "$old old, $new new" > "$TMP/whole"
    [ $bad = 0 ]
}
check "fault injection: every file whole" whole
check "fault injection: 15 new, 25 old" grep -qx '25 old, 15 new' "$TMP/whole"
check "a new apply finishes the job" expect_status 0 "$UNSPIN" apply "$TMP/many.review"
check "then every file is new" whole
check "... all 40" grep -qx '0 old, 40 new' "$TMP/whole"
# kill -9 at a random moment of a real apply.
rm -rf "$TMP/many"; cp -r "$TMP/many.old" "$TMP/many"
"$UNSPIN" apply "$TMP/many.review" 2>/dev/null & pid=$!
sleep 0.0$((RANDOM % 9 + 1)); kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
check "kill -9 during apply: every file whole" whole
finish
