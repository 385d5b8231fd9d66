#!/usr/bin/env python3
"""Scores the party letters of a generated batch against the minutes it was
generated from.

    cargo run --release --example make_corpus -- /tmp/corpus 3000
    referat ingest /tmp/corpus --out /tmp/out --text --quiet
    python3 scripts/batch_party_letters.py /tmp/corpus /tmp/out 3000

File i of the batch is source i % N of the clean minutes
(corrections/training/*.txt, then seeds 003 and 004: sorted by path, as
make_corpus takes them); every fifth file was left clean and is not scored. A party letter is
one to three characters in brackets after a lower-case letter and a space
(`Lindholt (Ø)`); a file whose damaged text, repaired text and source do
not hold as many is skipped (OCR damage can make or break brackets).
Prints how many letters were right in the damaged input and after repair,
and every letter right in the input that the repair made wrong.
"""
import glob
import os
import re
import sys

LETTER = re.compile(r'(?<=[a-zæøå] )\([^()\s]{1,3}\)')
PARTY = re.compile(r'\([A-ZÆØÅ]{1,2}\)')


def main():
    corpus, out, files = sys.argv[1], sys.argv[2], int(sys.argv[3])
    root = os.path.join(os.path.dirname(__file__), '..')
    sources = sorted(
        glob.glob(os.path.join(root, 'corrections/training/*.txt'))
        + [os.path.join(root, 'fixtures/seeds/003_f122f3bfac8cb1ef.txt'),
           os.path.join(root, 'fixtures/seeds/004_8d2d2b7021df1346.txt')])
    clean = [open(p, encoding='utf-8').read() for p in sources]
    total = right_before = right_after = skipped = 0
    damaged = []
    wrong = {}
    for i in range(files):
        if i % 5 == 4:
            continue
        name = f'{i // 100:03d}/{i:05d}.txt'
        want = LETTER.findall(clean[i % len(clean)])
        seen = LETTER.findall(open(os.path.join(corpus, name), encoding='utf-8').read())
        got = LETTER.findall(open(os.path.join(out, name), encoding='utf-8').read())
        if not len(want) == len(seen) == len(got):
            skipped += 1
            continue
        for w, s, g in zip(want, seen, got):
            if not PARTY.fullmatch(w):
                continue
            total += 1
            right_before += w == s
            right_after += w == g
            if w == s and g != w:
                damaged.append((name, s, g))
            if g != w:
                wrong[(s, g, w)] = wrong.get((s, g, w), 0) + 1
    print(f'party letters {total}, right in the damaged input {right_before} '
          f'({right_before / total:.1%}), after repair {right_after} ({right_after / total:.1%}); '
          f'damaged by the repair {len(damaged)}; files skipped {skipped}')
    for (s, g, w), n in sorted(wrong.items(), key=lambda kv: -kv[1])[:10]:
        print(f'  {n} times {s} left as {g}, want {w}')
    for name, s, g in damaged:
        print(f'  damaged: {name} {s} -> {g}')


if __name__ == '__main__':
    main()
