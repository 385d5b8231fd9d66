#!/bin/sh
# Regenerates corrections/lexicon/{da.fst,da.trie,rep.tsv,manifest.tsv} from the installed
# hunspell-da and wordfreq (see corrections/lexicon/README.md).
#   apt-get install hunspell-da && pip install wordfreq   # once
#   scripts/derive-lexicon.sh
set -eu
cd "$(dirname "$0")/.."
out=corrections/lexicon
tsv=$(mktemp "${TMPDIR:-/tmp}/lexicon.XXXXXX.tsv")
trap 'rm -f "$tsv"' EXIT

python3 scripts/derive_lexicon.py --rep "$out/rep.tsv" "$tsv"
entries=$(cargo run --quiet --example build_lexicon -- "$tsv" "$out/da.fst")
# The fst laid out as the trie the repair walks (checked in; a test fails
# when it is stale). Built after the fst, which it embeds.
cargo run --quiet --release --example derive_trie

hunspell_da=$(dpkg-query -W -f '${Version}' hunspell-da)
stavekontrolden=$(sed -n 's/^#Stavekontrolden version //p' /usr/share/hunspell/da_DK.aff | head -n 1)
wordfreq=$(python3 -c 'import importlib.metadata as m; print(m.version("wordfreq"))')
sha=$(sha256sum "$out/da.fst" | cut -d ' ' -f 1)
bytes=$(wc -c < "$out/da.fst")

printf '%s\t%s\n' \
    entries "$entries" \
    fst_bytes "$bytes" \
    fst_sha256 "$sha" \
    hunspell_da "$hunspell_da" \
    stavekontrolden "$stavekontrolden" \
    wordfreq "$wordfreq" \
    rep_pairs "$(wc -l < "$out/rep.tsv")" \
    > "$out/manifest.tsv"
cat "$out/manifest.tsv"
