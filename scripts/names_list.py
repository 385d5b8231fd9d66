#!/usr/bin/env python3
"""Make a `--names` list of a folder of clean minutes.

    python3 scripts/names_list.py DIR OUT

Writes to OUT, one a line, the members the minutes name with a party letter
(`Lærke Dyrløv (Ø)`) and every capitalised word with æ, ø or å in them
(places, streets, schools; a sentence's first word too, as a list made in
haste would hold). Prints only how many of each, so that it can be run over
text that must not be read (tests/data/unseen), to measure what such a list
would add:

    python3 scripts/names_list.py tests/data/unseen /tmp/unseen.names
    referat eval --heldout tests/data/unseen --names /tmp/unseen.names

An archivist's list is better made from the council's own records (its
members and their parties, the municipality's place and street names);
tests/eval.rs makes the same list as this script in Rust.
"""
import glob
import re
import sys

# A name may wrap at a line's end (`Jonas\nKjær Lærke (Ø)`).
MEMBER = re.compile(r"(?:[A-ZÆØÅ][\w-]+[ \n]){1,3}\([A-ZÆØÅ]{1,2}\)")
WORD = re.compile(r"\b[A-ZÆØÅ][a-zæøåé-]+\b")


def main():
    folder, out = sys.argv[1], sys.argv[2]
    paths = sorted(glob.glob(folder + "/*.txt"))
    text = "\n".join(open(p, encoding="utf-8").read() for p in paths)
    members = sorted(set(" ".join(m.group(0).split()) for m in MEMBER.finditer(text)))
    words = sorted(set(w for w in WORD.findall(text) if re.search("[æøåÆØÅ]", w)))
    with open(out, "w", encoding="utf-8") as f:
        f.write("# members\n" + "\n".join(members) + "\n# places and other names\n")
        f.write("\n".join(words) + "\n")
    print(len(members), "members,", len(words), "capitalised words with æ, ø or å")


if __name__ == "__main__":
    main()
