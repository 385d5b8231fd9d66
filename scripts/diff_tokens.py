#!/usr/bin/env python3
"""Compare a damaged text with its hand-corrected copy, token by token.

Both files must have the same layout: the same number of lines and the same number of
whitespace-separated tokens on each line (the corrected copy only changes words, never
the line breaks). The script checks that, then prints every changed token as TSV:

    line <TAB> column <TAB> from <TAB> to

line and column are 1-based; column counts Unicode characters in the *damaged* line,
which is where a repair's audit trail points. Punctuation that both versions share at
the start or end of a token ("Socialomradet." -> "Socialområdet.") is left out of
from/to and of the column, so the rows name the word itself; punctuation that differs
("P&" -> "På") stays in.

Usage: scripts/diff_tokens.py DAMAGED CORRECTED [> changes.tsv]
Exit status 1 if the layouts differ.
"""
import re
import sys
import unicodedata

TOKEN = re.compile(r"\S+")


def is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def trim_shared_punct(a: str, b: str) -> tuple[int, str, str]:
    """Drop punctuation both tokens share at either end; return (offset, a, b)."""
    lead = 0
    while lead < min(len(a), len(b)) and a[lead] == b[lead] and is_punct(a[lead]):
        lead += 1
    a, b = a[lead:], b[lead:]
    while a and b and a[-1] == b[-1] and is_punct(a[-1]):
        a, b = a[:-1], b[:-1]
    return lead, a, b


def read_lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    damaged, corrected = read_lines(sys.argv[1]), read_lines(sys.argv[2])
    if len(damaged) != len(corrected):
        print(f"line count differs: {len(damaged)} vs {len(corrected)}", file=sys.stderr)
        return 1
    problems = 0
    rows = []
    for n, (d, c) in enumerate(zip(damaged, corrected), 1):
        dt, ct = list(TOKEN.finditer(d)), list(TOKEN.finditer(c))
        if len(dt) != len(ct):
            print(f"line {n}: {len(dt)} tokens vs {len(ct)}", file=sys.stderr)
            problems += 1
            continue
        if TOKEN.split(d) != TOKEN.split(c):
            print(f"line {n}: whitespace between tokens differs", file=sys.stderr)
            problems += 1
        for dm, cm in zip(dt, ct):
            if dm.group() == cm.group():
                continue
            off, a, b = trim_shared_punct(dm.group(), cm.group())
            rows.append((n, dm.start() + off + 1, a, b))
    if problems:
        return 1
    print("line\tcolumn\tfrom\tto")
    for row in rows:
        print("\t".join(map(str, row)))
    print(
        f"{len(damaged)} lines, {sum(len(TOKEN.findall(x)) for x in damaged)} tokens, "
        f"{len(rows)} changed",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
