#!/usr/bin/env python3
"""Scores a generated batch's repaired text against the minutes it was
generated from: token by token, and the party letters after members' names.

    cargo run --release --example make_corpus -- /tmp/corpus 3000
    referat ingest /tmp/corpus --out /tmp/out --text --quiet
    python3 scripts/score_batch.py /tmp/corpus /tmp/out 3000

or, for a batch made with `make_corpus DIR FILES SOURCES CLEAN_EVERY`:

    python3 scripts/score_batch.py DIR OUT FILES SOURCES CLEAN_EVERY

File i of the batch is source i % N of the clean minutes
(corrections/training/*.txt, then seeds 003 and 004: sorted by path, as
make_corpus takes them); every fifth file was left clean and is not scored.

Tokens are split at whitespace. A broken token is one the damage changed;
it is restored when the repaired token equals the source's; a correct token
is damaged when the repair changed it. A party letter is one to three
characters in brackets after a lower-case letter and a space (`Lindholt
(Ø)`), scored where the source has one or two capitals there. A file whose
damaged text, repaired text and source do not hold as many tokens (or
letters) is skipped for that score.

The batch holds clean copies of every source, which teach the repair their
words and members: the figures are the best case of an archive whose
meetings repeat each other.
"""
import collections
import glob
import os
import re
import sys

LETTER = re.compile(r'(?<=[a-zæøå] )\([^()\s]{1,3}\)')
PARTY = re.compile(r'\([A-ZÆØÅ]{1,2}\)')


class Score:
    def __init__(self):
        self.broken = self.restored = self.correct = self.damaged = self.skipped = 0
        self.harm = collections.Counter()
        self.missed = collections.Counter()

    def add(self, want, seen, got):
        if not len(want) == len(seen) == len(got):
            self.skipped += 1
            return
        for w, s, g in zip(want, seen, got):
            if w == s:
                self.correct += 1
                if g != w:
                    self.damaged += 1
                    self.harm[(s, g)] += 1
            else:
                self.broken += 1
                self.restored += g == w
                if g != w:
                    self.missed[(s, g, w)] += 1

    def show(self, what):
        print(f'{what}: broken {self.broken}, restored {self.restored} '
              f'({self.restored / max(self.broken, 1):.2%}); correct {self.correct}, '
              f'damaged {self.damaged}; files skipped {self.skipped}')
        for (s, g), n in self.harm.most_common(5):
            print(f'  damaged {n} times: {s} -> {g}')
        for (s, g, w), n in self.missed.most_common(5):
            print(f'  missed {n} times: {s} left as {g}, want {w}')


def main():
    corpus, out, files = sys.argv[1], sys.argv[2], int(sys.argv[3])
    root = os.path.join(os.path.dirname(__file__), '..')
    if len(sys.argv) > 4:
        sources = sorted(glob.glob(os.path.join(sys.argv[4], '*.txt')))
        clean_every = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    else:
        sources = sorted(
            glob.glob(os.path.join(root, 'corrections/training/*.txt'))
            + [os.path.join(root, 'fixtures/seeds/003_f122f3bfac8cb1ef.txt'),
               os.path.join(root, 'fixtures/seeds/004_8d2d2b7021df1346.txt')])
        clean_every = 5
    clean = [open(p, encoding='utf-8').read() for p in sources]
    tokens, letters = Score(), Score()
    for i in range(files):
        if clean_every and i % clean_every == clean_every - 1:
            continue
        name = f'{i // 100:03d}/{i:05d}.txt'
        want = clean[i % len(clean)]
        seen = open(os.path.join(corpus, name), encoding='utf-8').read()
        got = open(os.path.join(out, name), encoding='utf-8').read()
        tokens.add(want.split(), seen.split(), got.split())
        triples = [LETTER.findall(t) for t in (want, seen, got)]
        if len({len(t) for t in triples}) == 1:
            kept = [k for k, w in enumerate(triples[0]) if PARTY.fullmatch(w)]
            triples = [[t[k] for k in kept] for t in triples]
        letters.add(*triples)
    tokens.show('tokens')
    letters.show('party letters')


if __name__ == '__main__':
    main()
