#!/usr/bin/env python3
"""Regenerate fixtures/encodings/ and tests/data/bad/ from seed 004.

Real OCR output arrives in many encodings and with typographic debris. Each
fixture here is seed 004 (fixtures/seeds/004_8d2d2b7021df1346.txt) written one
messy way; after decoding and normalisation every one of them must read as
the seed itself (tests/cli.rs checks that with `referat fix`). The bad inputs
are files a batch must report and step over.

The outputs are committed; run this again only when the seed changes:

    python3 scripts/make_encoding_fixtures.py

Provenance and licence are those of the seed (see README.md).
"""

from pathlib import Path
import re

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seeds" / "004_8d2d2b7021df1346.txt"
ENCODINGS = ROOT / "fixtures" / "encodings"
BAD = ROOT / "tests" / "data" / "bad"


def as_windows_1252(data: bytes) -> str:
    """Bytes read as Windows-1252 the way browsers and encoding_rs do: the five
    undefined bytes become the C1 controls of the same value."""
    return "".join(
        bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
        for b in data
    )


def typographic(text: str) -> str:
    """Seed text with what PDF-to-text tools leave behind, all of which
    normalisation removes again: ligatures, soft hyphens inside long words,
    no-break spaces, zero-width spaces and a stray byte-order mark."""
    text = text.replace("ff", "\ufb00")
    text = re.sub(r"\b(\w{6})(\w{6,})", "\\1\u00ad\\2", text)
    text = re.sub(r"(\d) (\w)", "\\1\u00a0\\2", text)
    text = re.sub(r"(\w) (\d)", "\\1\u202f\\2", text)
    text = text.replace(", ", ",\u200b ")
    return text.replace("Sagsgang", "Sags\ufeffgang", 1)


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    ENCODINGS.mkdir(parents=True, exist_ok=True)
    outputs = {
        "004_windows-1252.txt": text.encode("cp1252"),
        "004_utf-16le-bom.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "004_utf-16be-bom.txt": b"\xfe\xff" + text.encode("utf-16-be"),
        "004_utf-8-bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "004_mojibake.txt": as_windows_1252(text.encode("utf-8")).encode("utf-8"),
        "004_crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "004_typographic.txt": typographic(text).encode("utf-8"),
    }
    for name, data in outputs.items():
        (ENCODINGS / name).write_bytes(data)

    BAD.mkdir(parents=True, exist_ok=True)
    png_header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02"
    (BAD / "scan.txt").write_bytes(png_header + b"\x00" * 64)
    (BAD / "empty.txt").write_bytes(b"")


if __name__ == "__main__":
    main()
