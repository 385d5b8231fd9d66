#!/usr/bin/env python3
"""Derive the repair stage's context model from clean Danish text.

Reads corrections/training/*.txt and the clean seed fixtures 003 and 004 (never
tests/data/heldout/, which is kept apart for measuring, and never seed 002, which
is measured against its hand-corrected copy), and writes corrections/context.tsv:

    count <TAB> word            a unigram
    count <TAB> word <TAB> next a bigram of two words with only spaces or line
                                breaks between them
    count <TAB> word <TAB> * <TAB> after
                                a skip pair: `after` two words on, the three
                                words joined as a bigram's are
    count <TAB> before <TAB> word <TAB> after
                                a frame: a word of four letters or fewer
                                between the words right before and after it
                                (`<,> før de`), the three joined as a skip
                                pair's are; only frames seen twice or more,
                                and none after a full stop (the repair never
                                asks a sentence's first word's frame)

Words are lower-cased; every number is written `<n>`, every comma `<,>` (a
comma says much about the word after it: `, før de flytter`) and every full stop
`<.>` (a word that ends a sentence: `året før.`). A pair is counted only when
nothing but whitespace separates the two tokens, which is the same adjacency the
repair stage uses (src/repair/context.rs). Rows are sorted, so the file diffs well.

    python3 scripts/derive_context.py
"""
import collections
import glob
import re
import sys
import unicodedata

SOURCES = sorted(glob.glob("corrections/training/*.txt")) + sorted(
    glob.glob("fixtures/seeds/003_*.txt") + glob.glob("fixtures/seeds/004_*.txt")
)
# A run of letters, a run of digits (with inner . , / - :), or one other character.
# Letters nearly as Rust's regex reads `[^\W\d_]` (tests/repair_data.rs checks
# the counts with it): Python's \w also takes the numbers that are no decimal
# digits (Unicode category No: superscripts, fractions, circled digits;
# `m²`), which Rust's does not. (Rust's also takes combining marks, which
# Python's does not; the training minutes are NFC and have none.)
NOT_LETTERS = "".join(
    re.escape(chr(c)) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "No"
)
# The longest word counted in a frame, and how often a frame must be seen
# to count (src/repair/context.rs, FRAME_CENTRE_CHARS and MIN_FRAME_COUNT).
FRAME_CENTRE_CHARS = 4
MIN_FRAME_COUNT = 2
TOKEN = re.compile(r"[^\W\d_" + NOT_LETTERS + r"]+|\d+(?:[.,/:-]\d+)*|\S|\s+")


def tokens(text):
    """Yield (kind, value) with kind in word/num/punct/space."""
    for m in TOKEN.finditer(text):
        t = m.group()
        if t.isspace():
            yield "space", t
        elif t[0].isdigit():
            yield "num", "<n>"
        elif t[0].isalpha():
            yield "word", t.lower()
        elif t == ",":
            yield "word", "<,>"
        elif t == ".":
            yield "word", "<.>"
        else:
            yield "punct", t


def main():
    uni = collections.Counter()
    bi = collections.Counter()
    skip = collections.Counter()
    frame = collections.Counter()
    for path in SOURCES:
        text = open(path, encoding="utf-8").read()
        prev = None
        prev2 = None
        gap_ok = True
        blank = False
        for kind, value in tokens(text):
            if kind == "space":
                if value.count("\n") >= 2:
                    blank = True
                continue
            if kind == "punct":
                prev = prev2 = None
                continue
            uni[value] += 1
            if prev is not None and not blank:
                bi[(prev, value)] += 1
                if prev2 is not None:
                    skip[(prev2, value)] += 1
                    if prev.isalpha() and len(prev) <= FRAME_CENTRE_CHARS and prev2 != "<.>":
                        frame[(prev2, prev, value)] += 1
                prev2 = prev
            else:
                prev2 = None
            prev = value
            blank = False
    with open("corrections/context.tsv", "w", encoding="utf-8") as out:
        for w, n in sorted(uni.items()):
            out.write(f"{n}\t{w}\n")
        for (a, b), n in sorted(bi.items()):
            out.write(f"{n}\t{a}\t{b}\n")
        for (a, b), n in sorted(skip.items()):
            out.write(f"{n}\t{a}\t*\t{b}\n")
        for (a, w, b), n in sorted(frame.items()):
            if n >= MIN_FRAME_COUNT:
                out.write(f"{n}\t{a}\t{w}\t{b}\n")


if __name__ == "__main__":
    main()
