#!/usr/bin/env python3
"""Scores a generated batch's repaired text token by token against the
minutes it was generated from.

    cargo run --release --example make_corpus -- /tmp/corpus 3000
    referat ingest /tmp/corpus --out /tmp/out --text --quiet
    python3 scripts/batch_tokens.py /tmp/corpus /tmp/out 3000

File i of the batch is source i % N of the clean minutes
(corrections/training/*.txt, then seeds 003 and 004: sorted by path, as
make_corpus takes them); every fifth file was left clean and is not scored.
Tokens are split at whitespace; a file whose damaged text, repaired text and
source do not split into as many is skipped. A broken token is one the
damage changed; it is restored when the repaired token equals the source's.
A correct token is damaged when the repair changed it. The batch holds
clean copies of every source, which teach the repair their words, so the
figure is the best case of a batch whose meetings repeat each other.
"""
import collections
import glob
import os
import sys


def main():
    corpus, out, files = sys.argv[1], sys.argv[2], int(sys.argv[3])
    root = os.path.join(os.path.dirname(__file__), '..')
    sources = sorted(
        glob.glob(os.path.join(root, 'corrections/training/*.txt'))
        + [os.path.join(root, 'fixtures/seeds/003_f122f3bfac8cb1ef.txt'),
           os.path.join(root, 'fixtures/seeds/004_8d2d2b7021df1346.txt')])
    clean = [open(p, encoding='utf-8').read() for p in sources]
    broken = restored = correct = damaged = skipped = 0
    harm = collections.Counter()
    for i in range(files):
        if i % 5 == 4:
            continue
        name = f'{i // 100:03d}/{i:05d}.txt'
        want = clean[i % len(clean)].split()
        seen = open(os.path.join(corpus, name), encoding='utf-8').read().split()
        got = open(os.path.join(out, name), encoding='utf-8').read().split()
        if not len(want) == len(seen) == len(got):
            skipped += 1
            continue
        for w, s, g in zip(want, seen, got):
            if w == s:
                correct += 1
                if g != w:
                    damaged += 1
                    harm[(s, g)] += 1
            else:
                broken += 1
                restored += g == w
    print(f'broken {broken}, restored {restored} ({restored / broken:.2%}); '
          f'correct {correct}, damaged {damaged}; files skipped {skipped}')
    for (s, g), n in harm.most_common(10):
        print(f'  {n} times {s} -> {g}')


if __name__ == '__main__':
    main()
