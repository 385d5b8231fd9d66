#!/usr/bin/env python3
"""Foreign and Danish names on pages that lost their diacritics: every name
is correct as written, so every change the repair makes to one is a false
correction. The test sets' names are Danish and mostly in the lexicon, so
they cannot show this; a review at stop 16 found it this way.

    pip install faker
    python3 scripts/foreign_names.py make /tmp/fk
    referat ingest /tmp/fk/pages --jsonl /tmp/fk/out.jsonl --quiet
    python3 scripts/foreign_names.py score /tmp/fk [N]

`make` writes 405 pages of 12 names each (Faker 40, twelve locales, 400
first and last names each, seeded), the names between paragraphs of seed
002 with their æ, ø and å left out so the page counts as damaged; `score`
counts the corrections whose `from` is one of the names, by rule, and
prints the N commonest.
"""
import collections
import json
import os
import random
import sys

LOCALES = ['de_DE', 'en_GB', 'tr_TR', 'nl_NL', 'pl_PL', 'fr_FR', 'fi_FI',
           'sv_SE', 'no_NO', 'it_IT', 'es_ES', 'da_DK']
SEED002 = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'seeds',
                       '002_bcc31beeb5db5745.txt')


def make(out):
    from faker import Faker
    random.seed(7)
    names = set()
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(1)
        for _ in range(400):
            names.add(fake.last_name())
            names.add(fake.first_name())
    names = sorted(n for n in names if n.isalpha() and not any(c in n for c in 'æøåÆØÅ'))
    words = open(SEED002, encoding='utf-8').read().split()
    filler = [w for w in words if not any(c in w for c in 'æøåÆØÅ')][:150]
    os.makedirs(os.path.join(out, 'pages'), exist_ok=True)
    random.shuffle(names)
    for i in range(0, len(names), 12):
        chunk = names[i:i + 12]
        people = ', '.join(f'{a} {b}' for a, b in zip(chunk[::2], chunk[1::2]))
        page = [' '.join(filler[:75]), f'Deltagere: {people}.', ' '.join(filler[75:])]
        with open(os.path.join(out, 'pages', f'{i // 12:04d}.txt'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(page) + '\n')
    with open(os.path.join(out, 'names.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(names))
    print(len(names), 'names')


def score(out, show):
    names = set(open(os.path.join(out, 'names.txt'), encoding='utf-8').read().split())
    changed = collections.Counter()
    for line in open(os.path.join(out, 'out.jsonl'), encoding='utf-8'):
        for c in json.loads(line)['corrections']:
            if c['from'].strip('.,') in names:
                changed[(c['from'], c['to'], c['rule'])] += 1
    by_rule = collections.Counter()
    for (_, _, rule), n in changed.items():
        by_rule[rule] += n
    print('names changed:', sum(changed.values()), dict(sorted(by_rule.items())))
    for (src, dst, rule), n in changed.most_common(show):
        print(f'  {src} -> {dst} ({rule})')


if __name__ == '__main__':
    if sys.argv[1] == 'make':
        make(sys.argv[2])
    else:
        score(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
