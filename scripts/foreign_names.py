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

    python3 scripts/foreign_names.py sentences /tmp/fs
    for t in surname afbud subject street; do
        referat ingest /tmp/fs/$t --jsonl /tmp/fs/$t.jsonl --quiet; done
    python3 scripts/foreign_names.py score-sentences /tmp/fs

`sentences` puts each name in a sentence of its own, in four places a
review at stop 21 tried (a surname after a first name, `Afbud fra X og
formanden.`, a sentence's subject, and a Danish street name from Faker's
da_DK after `Beboerne pa`), 40 sentences to a page after a paragraph of
seed 002 without its æ, ø and å; `score-sentences` counts the names
changed in each place.
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


def plain(name):
    """A name of letters only, none of them æ, ø or å."""
    return name.isalpha() and not any(c in name for c in 'æøåÆØÅ')


def seed002_without_diacritics(n):
    """Seed 002's first `n` words that hold no æ, ø or å: a page's text
    that lost them."""
    words = open(SEED002, encoding='utf-8').read().split()
    return [w for w in words if not any(c in w for c in 'æøåÆØÅ')][:n]


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
    names = sorted(n for n in names if plain(n))
    filler = seed002_without_diacritics(150)
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


PLACES = {
    'surname': 'Borgmester Peter {} deltog ikke i modet.',
    'afbud': 'Afbud fra {} og formanden.',
    'subject': '{} har sendt et brev til udvalget.',
    'street': 'Beboerne pa {} har skrevet til udvalget.',
}


def sentences(out):
    from faker import Faker
    surnames, streets = set(), set()
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(2)
        surnames.update(n for n in (fake.last_name() for _ in range(1500)) if plain(n))
    fake = Faker('da_DK')
    fake.seed_instance(2)
    for _ in range(20000):
        street = fake.street_name()
        if plain(street):
            streets.add(street)
    filler = ' '.join(seed002_without_diacritics(75))
    for place, template in PLACES.items():
        names = sorted(streets if place == 'street' else surnames)
        folder = os.path.join(out, place)
        os.makedirs(folder, exist_ok=True)
        for i in range(0, len(names), 40):
            lines = [filler] + [template.format(n) for n in names[i:i + 40]]
            with open(os.path.join(folder, f'{i // 40:04d}.txt'), 'w', encoding='utf-8') as f:
                f.write('\n'.join(lines) + '\n')
        with open(os.path.join(out, f'{place}.names'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(names))
        print(place, len(names), 'names')


def score_sentences(out):
    for place in PLACES:
        names = set(open(os.path.join(out, f'{place}.names'), encoding='utf-8').read().split('\n'))
        changed = 0
        for line in open(os.path.join(out, f'{place}.jsonl'), encoding='utf-8'):
            changed += sum(c['from'].strip('.,') in names for c in json.loads(line)['corrections'])
        print(f'{place}: {changed} of {len(names)} names changed')


if __name__ == '__main__':
    if sys.argv[1] == 'make':
        make(sys.argv[2])
    elif sys.argv[1] == 'sentences':
        sentences(sys.argv[2])
    elif sys.argv[1] == 'score-sentences':
        score_sentences(sys.argv[2])
    else:
        score(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
