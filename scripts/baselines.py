#!/usr/bin/env python3
"""Score classic spell checkers on OCR-damaged Danish, the way referat's harness does.

The repair issue claims that off-the-shelf spelling correction does badly on Danish OCR
that lost its æ, ø and å. This script makes that claim checkable. It reads two parallel
files, DAMAGED and CLEAN, with the same number of lines and the same number of
whitespace-separated tokens on each line (fixtures/seeds/002_... against
tests/data/seed002.corrected.txt, or DIR/damaged.txt and DIR/clean.txt from
`referat eval --dump DIR`), runs each baseline over the damaged tokens and scores the
result against the clean ones.

Baselines
  A  hunspell with hunspell-da (`hunspell -d da_DK -a`): a word it rejects is replaced
     by its first suggestion; a word without suggestions is left alone.
  B  SymSpell (symspellpy) over wordfreq's Danish word list (up to 100,000 words,
     ranked by frequency), max edit distance 2, Verbosity.TOP: a word in the list is
     kept, any other word is replaced by the top suggestion, if there is one.

Tokens and scoring
  * A token is compared as a *word*: punctuation that the damaged and the clean token
    share at either end is stripped ("Socialomradet." -> "Socialomradet"); punctuation
    they do not share is part of the word ("P&" against "På").
  * Inside a word, the tools see the runs of letters and digits (plus & and @, which
    OCR uses for å and æ) between other punctuation: "Socialomradet.pdf" is
    "Socialomradet" + "." + "pdf", "MED-systemet" is "MED" + "-" + "systemet". Runs
    without letters (numbers) and all-caps runs (abbreviations such as OMU, KL, H) are
    never changed, nor are URLs and e-mail addresses.
  * A token is *broken* when damaged != clean; every broken token counts.
    A token is *correct* when damaged == clean and it is a word: unchanged numbers,
    dates, URLs, e-mail addresses, all-caps abbreviations and bare punctuation are
    left out of the scores, since no tool is allowed to touch them.
  * A tool's suggestion that is all lowercase is re-cased to the damaged word's
    pattern (Aben -> åben -> Åben, ABEN -> ÅBEN); any other suggestion is taken as is.
  * recall                = broken tokens restored exactly / broken tokens
    false-correction rate = correct tokens changed / correct tokens
    WER before / after    = tokens that differ from the clean text / scored tokens
                            (scored tokens = broken + correct).

Usage
  scripts/baselines.py DAMAGED CLEAN [--list] [--json]
    --list  print every token a baseline touched or failed to restore
    --json  print the figures as JSON instead of a table
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Callable
import unicodedata

TOKEN = re.compile(r"\S+")
# Runs a tool sees inside a word: letters, digits, and the OCR stand-ins & and @.
PART = re.compile(r"[\w&@]+")
URL = re.compile(r"^(https?://|www\.)|^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)


def is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def shared_trim(a: str, b: str) -> tuple[str, str, str, str]:
    """Split off the punctuation both tokens share at either end.

    Returns (prefix, word_a, word_b, suffix)."""
    lead = 0
    while lead < min(len(a), len(b)) and a[lead] == b[lead] and is_punct(a[lead]):
        lead += 1
    pre = a[:lead]
    a, b = a[lead:], b[lead:]
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail] and is_punct(a[-1 - tail]):
        tail += 1
    suf = a[len(a) - tail:] if tail else ""
    if tail:
        a, b = a[:-tail], b[:-tail]
    return pre, a, b, suf


def has_letter(s: str) -> bool:
    return any(ch.isalpha() for ch in s)


def protected_part(part: str) -> bool:
    """A run no tool may change: a number or an all-caps abbreviation.

    A single capital letter counts as an abbreviation only on its own ("H"), not
    with OCR debris beside it ("P&" is a damaged "På")."""
    letters = [ch for ch in part if ch.isalpha()]
    if not letters:
        return True
    if not all(ch.isupper() for ch in letters):
        return False
    return len(letters) > 1 or part.isalpha()


def is_word(token: str) -> bool:
    """Does an unchanged token take part in the false-correction count?"""
    if URL.search(token):
        return False
    return any(has_letter(p) and not protected_part(p) for p in PART.findall(token))


def recase(suggestion: str, original: str) -> str:
    """Give an all-lowercase suggestion the damaged word's casing pattern."""
    if suggestion != suggestion.lower():
        return suggestion
    letters = [ch for ch in original if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def apply_to_word(token: str, fix_part: Callable[[str, str], str]) -> str:
    """Run a part-level corrector over every correctable run inside a token.

    The corrector also gets the character after the run, so that hunspell can see
    "mio." and "Børne-" as the text writes them."""
    if URL.search(token):
        return token
    out, last = [], 0
    for m in PART.finditer(token):
        part = m.group()
        out.append(token[last:m.start()])
        following = token[m.end():m.end() + 1]
        out.append(part if protected_part(part) else fix_part(part, following))
        last = m.end()
    out.append(token[last:])
    return "".join(out)


# --------------------------------------------------------------------------- hunspell


class Hunspell:
    """hunspell in ispell pipe mode; first suggestion for every rejected sub-word."""

    def __init__(self, dictionary: str = "da_DK"):
        self.dictionary = dictionary
        self.cache: dict[str, str] = {}

    def version(self) -> str:
        out = subprocess.run(["hunspell", "-v"], capture_output=True, text=True).stdout
        m = re.search(r"Hunspell ([\d.]+)", out)
        version = m.group(1) if m else out.strip()
        try:  # the dictionary's package version, where dpkg knows it
            da = subprocess.run(
                ["dpkg-query", "-W", "-f", "${Version}", "hunspell-da"],
                capture_output=True, text=True,
            ).stdout.strip()
        except OSError:
            da = ""
        return f"{version}, hunspell-da {da}" if da else version

    def prepare(self, parts: set[str]) -> None:
        # hunspell-da's WORDCHARS include "." and "-": abbreviations are listed with
        # their period (mio., kl.) and compound heads with their hyphen (Børne-).
        parts = parts | {p + "." for p in parts} | {p + "-" for p in parts}
        todo = sorted(p for p in parts if p not in self.cache)
        if not todo:
            return
        env = dict(os.environ, LC_ALL="C.UTF-8")
        inp = "".join("^" + p + "\n" for p in todo)
        out = subprocess.run(
            ["hunspell", "-d", self.dictionary, "-a", "-i", "utf-8"],
            input=inp, capture_output=True, text=True, env=env, check=True,
        ).stdout
        lines = out.split("\n")[1:]  # drop the version banner
        blocks: list[list[str]] = [[]]
        for line in lines:
            if line == "":
                blocks.append([])
            else:
                blocks[-1].append(line)
        # One block (possibly empty) per input line, in order.
        blocks = blocks[: len(todo)]
        if len(blocks) != len(todo):
            raise RuntimeError("hunspell output out of step with input")
        for part, block in zip(todo, blocks):
            self.cache[part] = self._correct(part, block)

    @staticmethod
    def _correct(part: str, block: list[str]) -> str:
        """Replace each sub-word hunspell rejected by its first suggestion."""
        out, cursor = [], 0
        for line in block:
            if line[:1] not in "&#":
                continue  # *, + and - mean accepted
            head, _, sugs = line.partition(": ")
            orig = head.split(" ")[1]
            at = part.find(orig, cursor)
            if at < 0:
                continue
            out.append(part[cursor:at])
            first = sugs.split(", ")[0] if line[0] == "&" and sugs else orig
            out.append(recase(first, orig))
            cursor = at + len(orig)
        out.append(part[cursor:])
        return "".join(out)

    def fix_part(self, part: str, following: str = "") -> str:
        if following in (".", "-") and self.cache.get(part + following) == part + following:
            return part  # accepted together with its period or hyphen
        return self.cache.get(part, part)


# ---------------------------------------------------------------------------- SymSpell


class SymSpellBaseline:
    """SymSpell over wordfreq's Danish list: keep listed words, else top suggestion."""

    def __init__(self, n_words: int = 100_000, max_distance: int = 2):
        from symspellpy import SymSpell, Verbosity
        from wordfreq import top_n_list, word_frequency

        self.Verbosity = Verbosity
        self.max_distance = max_distance
        self.sym = SymSpell(max_dictionary_edit_distance=max_distance, prefix_length=7)
        self.words = top_n_list("da", n_words)
        for w in self.words:
            count = max(1, int(word_frequency(w, "da") * 1e9))
            self.sym.create_dictionary_entry(w, count)
        self.known = set(self.words)
        self.cache: dict[str, str] = {}

    @staticmethod
    def version() -> str:
        from importlib.metadata import version

        return f"symspellpy {version('symspellpy')}, wordfreq {version('wordfreq')}"

    def fix_part(self, part: str, following: str = "") -> str:
        if part in self.cache:
            return self.cache[part]
        low = part.lower()
        result = part
        if low not in self.known:
            hits = self.sym.lookup(low, self.Verbosity.TOP, max_edit_distance=self.max_distance)
            if hits:
                result = recase(hits[0].term, part)
        self.cache[part] = result
        return result


# ----------------------------------------------------------------------------- scoring


@dataclass
class Pair:
    line: int
    damaged: str  # the word as the tools see it
    clean: str
    prefix: str
    suffix: str

    @property
    def broken(self) -> bool:
        return self.damaged != self.clean


@dataclass
class Score:
    name: str
    broken: int = 0
    restored: int = 0
    correct: int = 0
    damaged: int = 0
    examples: list[tuple[int, str, str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.restored / self.broken if self.broken else float("nan")

    @property
    def false_rate(self) -> float:
        return self.damaged / self.correct if self.correct else 0.0

    @property
    def wer_before(self) -> float:
        n = self.broken + self.correct
        return self.broken / n if n else 0.0

    @property
    def wer_after(self) -> float:
        n = self.broken + self.correct
        return ((self.broken - self.restored) + self.damaged) / n if n else 0.0


def read_pairs(damaged_path: str, clean_path: str) -> list[Pair]:
    with open(damaged_path, encoding="utf-8") as f:
        dl = f.read().split("\n")
    with open(clean_path, encoding="utf-8") as f:
        cl = f.read().split("\n")
    if len(dl) != len(cl):
        sys.exit(f"line count differs: {len(dl)} vs {len(cl)}")
    pairs = []
    for n, (d, c) in enumerate(zip(dl, cl), 1):
        dt, ct = TOKEN.findall(d), TOKEN.findall(c)
        if len(dt) != len(ct):
            sys.exit(f"line {n}: {len(dt)} tokens vs {len(ct)}")
        for a, b in zip(dt, ct):
            pre, wa, wb, suf = shared_trim(a, b)
            if wa == wb and not is_word(wa):
                continue  # number, URL, abbreviation or punctuation: not scored
            pairs.append(Pair(n, wa, wb, pre, suf))
    return pairs


def score(name: str, pairs: list[Pair], fix_part: Callable[[str, str], str]) -> Score:
    s = Score(name)
    for p in pairs:
        full = p.prefix + p.damaged + p.suffix
        out = apply_to_word(full, fix_part)
        out = out[len(p.prefix):len(out) - len(p.suffix)]
        if p.broken:
            s.broken += 1
            if out == p.clean:
                s.restored += 1
            else:
                s.examples.append((p.line, p.damaged, out, p.clean))
        else:
            s.correct += 1
            if out != p.clean:
                s.damaged += 1
                s.examples.append((p.line, p.damaged, out, p.clean))
    return s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("damaged")
    ap.add_argument("clean")
    ap.add_argument("--list", action="store_true", help="print every miss and every damage")
    ap.add_argument("--json", action="store_true", help="print figures as JSON")
    ap.add_argument("--dictionary", default="da_DK", help="hunspell dictionary (-d)")
    args = ap.parse_args()

    pairs = read_pairs(args.damaged, args.clean)
    parts = {
        m.group()
        for p in pairs
        if not URL.search(p.damaged)
        for m in PART.finditer(p.damaged)
        if not protected_part(m.group())
    }

    hun = Hunspell(args.dictionary)
    hun.prepare(parts)
    sym = SymSpellBaseline()
    tools = [
        ("A hunspell-da (first suggestion)", hun.fix_part),
        ("B SymSpell + wordfreq da", sym.fix_part),
    ]
    scores = [score(name, pairs, fix) for name, fix in tools]
    versions = {
        "hunspell": hun.version(),
        "symspell": sym.version(),
        "wordfreq_da_words": len(sym.words),
    }

    if args.json:
        print(json.dumps({
            "damaged": args.damaged, "clean": args.clean, "versions": versions,
            "results": [{
                "baseline": s.name, "broken": s.broken, "restored": s.restored,
                "recall": round(s.recall, 4) if s.broken else None, "correct": s.correct,
                "damaged": s.damaged, "false_correction_rate": round(s.false_rate, 4),
                "wer_before": round(s.wer_before, 4), "wer_after": round(s.wer_after, 4),
            } for s in scores],
        }, ensure_ascii=False, indent=2))
        return 0

    print(f"{args.damaged} vs {args.clean}")
    print(f"hunspell {versions['hunspell']}; {versions['symspell']} "
          f"({versions['wordfreq_da_words']} Danish words)")
    head = f"{'baseline':36} {'restored':>12} {'recall':>7} {'damaged':>10} {'false':>6} {'WER before':>10} {'WER after':>9}"
    print(head)
    print("-" * len(head))
    for s in scores:
        recall = f"{s.recall:>7.1%}" if s.broken else f"{'-':>7}"
        print(f"{s.name:36} {s.restored:>5}/{s.broken:<6} {recall} "
              f"{s.damaged:>4}/{s.correct:<5} {s.false_rate:>6.1%} "
              f"{s.wer_before:>10.1%} {s.wer_after:>9.1%}")
    if args.list:
        for s in scores:
            print(f"\n{s.name}: line, damaged -> output (truth)")
            for line, d, o, c in s.examples:
                kind = "MISS " if d != c else "DAMAGE"
                print(f"  {kind} {line:>4} {d} -> {o} ({c})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
