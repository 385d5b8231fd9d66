#!/usr/bin/env python3
"""Derive referat's Danish lexicon from hunspell-da and wordfreq.

Expands every stem of the hunspell dictionary (Stavekontrolden, Debian package
hunspell-da) through its affix file, records for each produced word form what
hunspell would let it do (stand alone, begin / sit in the middle of / end a
compound, proper noun), merges case variants under a lowercase NFC key, adds
the Danish wordfreq Zipf frequency, and writes a sorted TSV:

    key <TAB> flags <TAB> zipf*100

`flags` is a string of letters: s standalone, b compound begin, m compound
middle, e compound end, p proper noun (some variant is capitalised in the
dictionary), u all-caps variant (abbreviation such as MED), f forbidden, l
lower-case variant (a common word; "Lane" has none, so the repair never turns a
lower-case word into it).

Three more letters give a form's verb class, read from the affix file's
morphology (`+NUTID`, `+PERF_PART`, `+DATID`, `+PASSIV`) and from the `al:` and
`st:` fields of irregular verbs: v infinitive (a verb stem, or its passive in
-s: "behandle", "behandles"), t past participle ("ført", "blevet"), d past
tense ("kørte"), and n for any other reading (a noun, an adjective, a present
tense: "arbejdet" is a participle and a noun, so t and n). The context model
counts which class follows which word, so "bør" before any infinitive, or any
participle after "har", is evidence even for a pair it has never seen; a form
with two readings ("vi", "hele", "arbejdet") is no evidence either way.

The letter j marks a joint form ("kommunalbestyrelses", "barne") whose
frequency wordfreq does not give: it takes its stem's, which is right for the
form as a compound part, but not as a word on its own (see main()).

The affix file is expanded here rather than with `unmunch`, which leaves the
continuation flags of two-level suffixes unexpanded and knows nothing of the
compound flags. The semantics follow hunspell's (affixmgr.cxx):

* FLAG num: flags are comma-separated numbers.
* an affix's continuation class may name further suffixes (two-level
  suffixes, e.g. SFX 3 doubles a final consonant and hands over to 11 and 4),
  and may carry the compound flags, NEEDAFFIX and ONLYINCOMPOUND;
* a prefix combines with a suffix only if both are cross-product (Y);
* compound flags count if the stem or an applied affix carries them; a suffix
  inside a compound (on a begin or middle part) or a prefix on a middle or end
  part needs COMPOUNDPERMITFLAG;
* NEEDAFFIX on the stem: the bare stem is not a word; on an affix: the form
  needs a further affix. ONLYINCOMPOUND on stem or affix: only in compounds.
  FORBIDDENWORD marks forms that must not be accepted at all.

With --rep FILE it also writes the affix file's REP table (`from <TAB> to`,
single-word replacements only) for CHECKCOMPOUNDREP: hunspell-da rejects a
compound when one of these replacements turns it into a dictionary word
("tandlege" -> "tandlæge").

Usage: derive_lexicon.py [--aff da_DK.aff] [--dic da_DK.dic] [--rep REP.tsv] OUT.tsv
"""

import argparse
import re
import sys
import unicodedata
from collections import defaultdict

FORBIDDEN, NEEDAFFIX = 6, 8
BEGIN, MIDDLE, END, PERMIT, ONLYIN = 32, 33, 34, 35, 36
HEADER_FLAGS = {
    "FORBIDDENWORD": FORBIDDEN,
    "NEEDAFFIX": NEEDAFFIX,
    "COMPOUNDBEGIN": BEGIN,
    "COMPOUNDMIDDLE": MIDDLE,
    "COMPOUNDEND": END,
    "COMPOUNDPERMITFLAG": PERMIT,
    "ONLYINCOMPOUND": ONLYIN,
}

# Bits of a produced form, merged per key with OR.
S, B, M, E, P, U, F, L = 1, 2, 4, 8, 16, 32, 64, 128
V, T, D, N = 256, 512, 1024, 2048
J = 4096
LETTERS = [(S, "s"), (B, "b"), (M, "m"), (E, "e"), (P, "p"), (U, "u"), (F, "f"), (L, "l"),
           (V, "v"), (T, "t"), (D, "d"), (N, "n"), (J, "j")]
# The verb class a suffix's morphology tag gives the form it makes.
TAG_CLASS = {"+PERF_PART": T, "+DATID": D, "+PASSIV": V}


def parse_flags(text):
    return frozenset(int(f) for f in text.split(",") if f)


class Affix:
    __slots__ = ("kind", "flag", "cross", "strip", "add", "cont", "cond", "tag")

    def __init__(self, kind, flag, cross, strip, add, cont, cond, tag=""):
        self.kind, self.flag, self.cross = kind, flag, cross
        self.tag = tag
        self.strip = "" if strip == "0" else strip
        self.add = "" if add == "0" else add
        self.cont = cont
        anchored = ("^" + cond) if kind == "PFX" else (cond + "$")
        self.cond = None if cond == "." else re.compile(anchored)

    def apply(self, word):
        """The word with this affix, or None if its condition does not hold."""
        if self.kind == "SFX":
            if self.strip and not word.endswith(self.strip):
                return None
            if self.cond and not self.cond.search(word):
                return None
            if len(word) <= len(self.strip):
                return None
            return word[: len(word) - len(self.strip)] + self.add
        if self.strip and not word.startswith(self.strip):
            return None
        if self.cond and not self.cond.search(word):
            return None
        if len(word) <= len(self.strip):
            return None
        return self.add + word[len(self.strip) :]


def read_aff(path):
    sfx, pfx = defaultdict(list), defaultdict(list)
    cross = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split("#", 1)[0].split()
            if not parts:
                continue
            if parts[0] in HEADER_FLAGS:
                assert int(parts[1]) == HEADER_FLAGS[parts[0]], line
            elif parts[0] == "FLAG":
                assert parts[1] == "num", line
            elif parts[0] in ("SFX", "PFX"):
                flag = int(parts[1])
                if len(parts) == 4 and parts[2] in "YN" and (parts[0], flag) not in cross:
                    cross[(parts[0], flag)] = parts[2] == "Y"
                    continue
                add, _, cont = parts[3].partition("/")
                cond = parts[4] if len(parts) > 4 else "."
                tag = parts[5] if len(parts) > 5 and parts[5].startswith("+") else ""
                table = sfx if parts[0] == "SFX" else pfx
                table[flag].append(
                    Affix(parts[0], flag, cross[(parts[0], flag)], parts[2], add,
                          parse_flags(cont), cond, tag)
                )
    return sfx, pfx


def read_rep(path):
    """REP pairs that replace within one word (no anchors, no spaces)."""
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split("#", 1)[0].split()
            if len(parts) == 3 and parts[0] == "REP":
                if not any(c in parts[1] + parts[2] for c in "^$_"):
                    pairs.append((parts[1], parts[2]))
    return pairs


def read_dic(path):
    morph = re.compile(r"^[a-z][a-z]:")
    with open(path, encoding="utf-8") as f:
        next(f)  # the count line
        for line in f:
            tokens = line.split()
            if not tokens or tokens[0].startswith('"'):
                continue  # quoted entries ("A/S") are not words a token can be
            # Fields after the first are morphology ("al:", "ph:"); anything
            # else makes a multi-word entry ("a cappella"), never one token.
            if not all(morph.match(t) for t in tokens[1:]):
                continue
            word, _, flags = tokens[0].partition("/")
            yield word, parse_flags(flags), tokens[1:]


def form_bits(root, prefix, suffixes):
    """What a form made of `root` with `prefix` and `suffixes` may do."""
    affixes = ([prefix] if prefix else []) + suffixes
    conts = [a.cont for a in affixes]
    last = suffixes[-1].cont if suffixes else (prefix.cont if prefix else root)
    every = root.union(*conts) if conts else root
    if FORBIDDEN in root:
        return F
    if NEEDAFFIX in last or (NEEDAFFIX in root and not affixes):
        return 0
    bits = 0
    only_in_compound = ONLYIN in root or any(ONLYIN in c for c in conts)
    if not only_in_compound:
        bits |= S
    # A suffix inside a compound needs the permit flag; so does a prefix that
    # is not at the compound's beginning.
    sfx_inside_ok = not suffixes or PERMIT in suffixes[-1].cont
    pfx_inside_ok = not prefix or PERMIT in prefix.cont
    if BEGIN in every and sfx_inside_ok:
        bits |= B
    if MIDDLE in every and sfx_inside_ok and pfx_inside_ok:
        bits |= M
    if END in every and pfx_inside_ok:
        bits |= E
    return bits


def suffix_forms(word, flags, sfx, chain, depth):
    """(form, suffix chain) for every suffix (and two-level suffix) of word."""
    if depth == 2:
        return
    for flag in flags:
        for affix in sfx.get(flag, ()):
            new = affix.apply(word)
            if new is None:
                continue
            path = chain + [affix]
            yield new, path
            yield from suffix_forms(new, affix.cont, sfx, path, depth + 1)


def verb_class(root, chain, verb_flags, verb_line):
    """The class of a form: its last suffix's tag, v for a bare verb stem, n
    for anything else (a bare stem is no other reading when its line is an
    irregular verb's or one of its forms)."""
    if chain:
        last = chain[-1]
        if not last.strip and not last.add:
            # A zero suffix (compound permissions, +ORD_SIDST) changes the
            # form's rights, not what it is.
            return verb_class(root, chain[:-1], verb_flags, verb_line)
        return TAG_CLASS.get(last.tag, N)
    if root & verb_flags:
        return V
    return 0 if verb_line else N


def expand(word, root, sfx, pfx, verb_flags, verb_line=False):
    """Every form of one dictionary stem with its bits."""

    def bits(prefix, chain):
        found = form_bits(root, prefix, chain)
        # A class is what a form does on its own in a sentence.
        return found | verb_class(root, chain, verb_flags, verb_line) if found & S else found

    yield word, bits(None, [])
    suffixed = list(suffix_forms(word, root, sfx, [], 0))
    for form, chain in suffixed:
        yield form, bits(None, chain)
    for flag in root:
        for prefix in pfx.get(flag, ()):
            new = prefix.apply(word)
            if new is None:
                continue
            yield new, bits(prefix, [])
            # Suffixes named by the prefix's continuation class apply to it.
            for form, chain in suffix_forms(new, prefix.cont, sfx, [], 0):
                yield form, bits(prefix, chain)
            if not prefix.cross:
                continue
            for form, chain in suffixed:
                if not chain[0].cross:
                    continue
                pform = prefix.apply(form)
                if pform is not None:
                    yield pform, bits(prefix, chain)


def irregular_verb_classes(entries):
    """Classes of the forms that the `al:` fields list for verbs whose forms
    the affix rules do not make ("være": "været", "væres"), and the indexes
    of the dictionary lines that are such a verb or one of its forms (their
    bare stems are no other reading).

    A line is such a verb when its `al:` forms hold a present participle
    (`værende`), or a present in -r and a passive in -s (`får`, `fås`):
    "lille" (`lilles`, `mindst`), "længe" and the noun "site" (`sites`,
    `sitet`) are not. Of its forms, the passive is an infinitive; a form in
    -t whose genitive in -s is listed too is a participle (`været`, `fundet`,
    `sagt`); a form with a passive in -es that is not the imperative is a
    past tense (`fandt`, `fandtes`; `blev`, `bleves`). Other forms (`er`,
    `var`, `gik`, `haft`) get no class: the lists do not say what they are."""
    verbs = {}
    for index, (word, _, morph) in enumerate(entries):
        forms = {m[3:] for m in morph if m.startswith("al:")}
        participle = {word + "nde", word + "ende"} & forms
        present_passive = {word + "r", word + "s"} <= forms
        if participle or present_passive:
            verbs[index] = (word, forms)
    classes = defaultdict(int)
    lines = set(verbs)
    for word, forms in verbs.values():
        classes[word] |= V
        for form in forms:
            if form in (word + "s", word + "es"):
                classes[form] |= V
            elif form.endswith("t") and form + "s" in forms:
                classes[form] |= T
            elif form + "es" in forms and form != word[:-1] and not form.endswith("e"):
                classes[form] |= D
    verb_words = {word for word, _ in verbs.values()}
    for index, (word, _, morph) in enumerate(entries):
        if any(m.startswith("st:") and m[3:] in verb_words for m in morph):
            lines.add(index)
    classes = {unicodedata.normalize("NFC", k.lower()): v for k, v in classes.items()}
    return classes, lines


def case_bits(form):
    if form[:1].isupper():
        if len(form) > 1 and form.isupper():
            return P | U
        return P
    return L


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--aff", default="/usr/share/hunspell/da_DK.aff")
    ap.add_argument("--dic", default="/usr/share/hunspell/da_DK.dic")
    ap.add_argument("--rep", help="also write the REP table here")
    ap.add_argument("out")
    args = ap.parse_args()

    sfx, pfx = read_aff(args.aff)
    if args.rep:
        with open(args.rep, "w", encoding="utf-8") as out:
            for source, target in read_rep(args.aff):
                out.write(f"{source}\t{target}\n")
    lexicon = defaultdict(int)
    # Joint forms ("kommunalbestyrelses") are rare in running text, so
    # wordfreq often does not list them; unlisted ones take the frequency of
    # the stem they come from.
    joint_stems = defaultdict(set)
    verb_flags = {flag for flag, rules in sfx.items() if any(a.tag == "+NUTID" for a in rules)}
    entries = list(read_dic(args.dic))
    irregular, verb_lines = irregular_verb_classes(entries)
    stems = produced = 0
    for index, (word, root, _) in enumerate(entries):
        stems += 1
        # Only the line that is the verb's: "te/10,39,31" is the noun.
        verb_line = index in verb_lines
        for form, bits in expand(word, root, sfx, pfx, verb_flags, verb_line):
            produced += 1
            key = unicodedata.normalize("NFC", form.lower())
            lexicon[key] |= bits | (case_bits(form) if bits else 0)
            if bits & (B | M):
                joint_stems[key].add(unicodedata.normalize("NFC", word.lower()))

    # Irregular forms are in the lexicon as stems of their own; they only
    # gain their class here.
    for key, cls in irregular.items():
        if lexicon.get(key, 0) & S:
            lexicon[key] |= cls

    # A forbidden form is not a word whatever else produced it.
    for key, bits in lexicon.items():
        if bits & F:
            lexicon[key] = F
    lexicon = {k: v for k, v in lexicon.items() if v}

    from wordfreq import zipf_frequency  # imported late: slow to load

    with open(args.out, "w", encoding="utf-8") as out:
        for key in sorted(lexicon, key=lambda k: k.encode("utf-8")):
            bits = lexicon[key]
            zipf = 0.0
            if not bits & F:
                zipf = zipf_frequency(key, "da")
                if zipf == 0.0 and key in joint_stems:
                    zipf = max(zipf_frequency(w, "da") for w in joint_stems[key])
                    # The stem's frequency fits the form inside compounds;
                    # as a word of its own ("Barne- og ...") it is rarer
                    # than any form wordfreq ranks. The repair reads j so.
                    if zipf > 0.0:
                        bits |= J
            letters = "".join(c for bit, c in LETTERS if bits & bit)
            zipf = round(zipf * 100)
            out.write(f"{key}\t{letters}\t{zipf}\n")
    print(f"stems {stems}, forms produced {produced}, keys {len(lexicon)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
