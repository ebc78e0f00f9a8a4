"""Decoding bytes of a text file: encoding detection and refusal of binary data."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Final

from minutebook.parser.models import ParseError

# Encodings a UK council text file is plausibly in when it is not UTF-8.
# charset-normalizer guesses outside this set (e.g. Cyrillic code pages for a
# short Windows-1252 file with a few "£" signs) are not trusted.
# Latin-1 and ASCII guesses become Windows-1252, their printable superset
# (Latin-1 would turn curly quotes and dashes into control characters).
_OTHER_WESTERN: Final = frozenset({"iso8859-15", "cp850", "mac-roman"})
_SAMPLE: Final = 1 << 20  # bytes examined for detection; enough and keeps 50 MB inputs fast
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text (C0 controls other than tab, LF, FF, CR, ESC).
_BINARY_BYTES: Final = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control bytes near the start."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return controls > max(4, len(sample) // 100)


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _utf8_with_damage(data: bytes, name: str) -> Decoded | None:
    """UTF-8 with a few bad bytes (a truncated last character, a stray byte): keep it as UTF-8."""
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:
            text = data.decode("utf-8", errors="replace")
            return Decoded(
                text, "utf-8", (f"{name}: the file ends in the middle of a character (truncated?)",)
            )
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        multibyte = sum(1 for b in data[:_SAMPLE] if b >= 0xC2 and b <= 0xF4)
        if bad and multibyte >= 4 * bad:
            return Decoded(
                text,
                "utf-8",
                (
                    f"{name}: {bad} byte sequence(s) are not valid UTF-8 and were replaced by \ufffd",
                ),
            )
        return None
    return Decoded(decoded, "utf-8")


def _canonical(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE]).best()
    return None if best is None else str(best.encoding)


def decode_text(data: bytes, name: str) -> Decoded:
    """Decode a text file: BOM, then UTF-8, then a detected Western encoding (Windows-1252 by default).

    Raises ParseError (code 3) for binary data.
    """
    bom = _bom_encoding(data)
    if bom:
        text = data.decode(bom, errors="replace")
        damaged = "\ufffd" in text
        return Decoded(
            text,
            bom.replace("-sig", ""),
            (f"{name}: some bytes are not valid {bom}",) if damaged else (),
        )
    if looks_binary(data):
        raise ParseError(f"{name}: this is a binary file, not text, PDF, Word or HTML", code=3)
    utf8 = _utf8_with_damage(data, name)
    if utf8 is not None:
        return utf8
    guess = _detect(data)
    encoding = "cp1252"
    if guess and _canonical(guess) in _OTHER_WESTERN:
        encoding = _canonical(guess)
    text = data.decode(encoding, errors="replace")
    warnings: tuple[str, ...] = ()
    if "\ufffd" in text:
        warnings = (f"{name}: some bytes could not be decoded as {encoding} and were replaced",)
    label = "windows-1252" if encoding in {"cp1252", "windows-1252"} else encoding
    return Decoded(text, label, warnings)
