"""Run-together text: papers whose line breaks were lost, put back on lines.

Document-hosting mirrors and some text exports print a whole paper as one line
with every line end glued shut: "Monday 4 March 2013PRESENTCouncillor Nicholas
Botterill, Leader (+ Regeneration)Councillor Greg Smith, ...161. MINUTES OF ...".
The parser reads papers line by line, so such a paper yields nothing. The glue
leaves marks that ordinary prose does not have: a lower-case word running into
a capitalised one ("FulhamCabinet"), a year into a word in capitals
("2013RESOLVED"), a full stop into the next sentence ("noted.The"), a closing
bracket into a name ("IT)Councillor"). `reflow` breaks a line at those marks,
and only on a line that is long and has many of them, so that a long paragraph
of normal text (markdown, HTML) keeps its line whatever brand name it holds.

`strip_markup_debris` removes inline formatting tags left as text ("<strong>")
and their truncated remains ("ong>ofong>" for "<strong>of</strong>"), which the
same mirrors leave behind.

Both are pure functions of the text; spans downstream point into their output,
which is the text the website shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class ReflowSettings:
    # A line shorter than this is never reflowed: extracted PDF lines are far shorter.
    min_line_chars: int = 300
    # Distinct glue marks needed on a line before it is taken as run together, in all and
    # per 1,000 characters. Prose gives a few ("PowerPoint", "report.pdf.The"): at most 4
    # (10 per 1,000) in the paragraphs of the corpus, against 13 or more (13 per 1,000)
    # on the run-together lines of mirrored papers.
    min_marks: int = 8
    min_marks_per_1000: float = 5.0
    # Debris fragments ("ong>") needed in a text before any is removed.
    min_debris: int = 2

    def __post_init__(self) -> None:
        if self.min_line_chars < 80:
            raise ValueError("min_line_chars must be at least 80")
        if self.min_marks < 1 or self.min_marks_per_1000 <= 0:
            raise ValueError("min_marks and min_marks_per_1000 must be positive")
        if self.min_debris < 1:
            raise ValueError("min_debris must be at least 1")


SETTINGS: Final = ReflowSettings()

# Inline formatting tags, which carry no text of their own.
_INLINE_TAGS: Final = ("strong", "span", "font", "em", "b", "i", "u", "sup", "sub")
_TAG: Final = re.compile(
    r"</?(?:" + "|".join(_INLINE_TAGS) + r")(?:\s[^<>]{0,200})?/?>",
    re.IGNORECASE,
)
# What is left of a tag whose "<str" or "</str" was cut away: a tail of a tag name
# (three letters at least, so that it cannot be a word's ending) and ">".
_TAILS: Final = sorted(
    {t[i:] for t in _INLINE_TAGS if len(t) >= 4 for i in range(1, len(t) - 2)},
    key=len,
    reverse=True,
)
_TAG_TAIL: Final = re.compile(r"(?:" + "|".join(_TAILS) + r")>")

# Where a lost line end left two pieces of text glued together.
_GLUE: Final = re.compile(
    # Every mark is followed by one of these: checking it first rejects most places at once.
    r"(?=[A-Z0-9(_])(?:"
    r"(?<=[a-z][a-z][a-z])(?=[A-Z][a-z])"  # "FulhamCabinet", "O'BoyleDirector"
    r"|(?<=[A-Z][A-Z][A-Z])(?=[A-Z][a-z][a-z])"  # "FOR ABSENCEThere were"
    r"|(?<=\bNo)(?=[A-Z][a-z])|(?<=\bYes)(?=[A-Z][a-z])"  # a form's answer: "NoWill this"
    r"|(?<=[a-z][.:;?!])(?=[A-Z(])"  # "noted.The", "Member:Cabinet"
    r"|(?<=[0-9][0-9][0-9][0-9][.?!])(?=[A-Z][a-z])"  # "31 March 2012.Coventry's"
    r"|(?<=[a-z][.:;][\"'’”])(?=[A-Z])"  # a quotation closed at a line end
    r"|(?<=[A-Za-z0-9]\))(?=[A-Z][a-z])"  # "(+ Regeneration)Councillor"
    r"|(?<=[0-9])(?=[A-Z][A-Z][A-Z])"  # "2013PRESENT", "2013RESOLVED:"
    r"|(?<=[0-9][0-9])(?=[A-Z][a-z][a-z])"  # "16th October 2012Name of ..."
    r"|(?<=[a-z.:)])(?=[0-9]{1,3}\.\s?[A-Z][A-Z])"  # "noted.162. APOLOGIES"
    r"|(?<=[a-z][.:])(?=[0-9]{1,2}\.\s?[A-Z][a-z])"  # "Report title:1.Context"
    r"|(?<=[a-z][.:;])(?=[0-9]{1,2}(?:\.[0-9]{1,2})+\s)"  # "accepted.2.2 That the"
    r"|(?<=[a-z])(?=[0-9]{1,2}(?:st|nd|rd|th)\s[A-Z][a-z])"  # "Report16th October"
    r"|(?<=[A-Za-z.:])(?=_{5,})|(?<=_{5})(?=[A-Z])"  # a rule glued to text
    r")"
)
# Labels printed in capitals on a line of their own in minutes, glued to the capital
# that starts the next line ("PRESENTCouncillor"): the glue above cannot see it.
_LABEL_GLUE: Final = re.compile(
    r"(?<![A-Z])(PRESENT|ALSO PRESENT|IN ATTENDANCE|APOLOGIES|RESOLVED:?|AGREED:?)(?=[A-Z][a-z])"
)


def strip_markup_debris(text: str, settings: ReflowSettings = SETTINGS) -> str:
    """Remove inline tags printed as text and the cut-off remains of such tags."""
    if "<" in text:
        text = _TAG.sub("", text)
    if ">" in text and len(_TAG_TAIL.findall(text)) >= settings.min_debris:
        text = _TAG_TAIL.sub("", text)
    return text


def glue_marks(line: str) -> int:
    """How many distinct places in the line look like a lost line end (a brand name
    repeated in a paragraph counts once)."""
    places = {line[max(m.start() - 4, 0) : m.start() + 4] for m in _GLUE.finditer(line)}
    places.update(m[0] for m in _LABEL_GLUE.finditer(line))
    return len(places)


# Each character to its class, for a quick count of the pairs that glue leaves:
# lower-upper ("aA"), stop-upper (".A"), digit-upper ("0A"), capitals-word ("AAa").
_CLASS = bytes.maketrans(
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:;?!)\"'",
    b"a" * 26 + b"A" * 26 + b"0" * 10 + b"." * 8,
)
_CLASS = bytes(c if c in b"aA0." else ord(" ") for c in _CLASS)
_PAIRS: Final = (b"aA", b".A", b"0A", b"AAa")


def _quick_marks(line: str) -> int:
    """At least as many as the line's glue marks, counted at C speed: the full pattern is
    slow on long lines, and almost every long line is ordinary prose."""
    classes = line.encode("ascii", "replace").translate(_CLASS)
    return sum(classes.count(pair) for pair in _PAIRS)


def is_run_together(line: str, settings: ReflowSettings = SETTINGS) -> bool:
    if len(line) < settings.min_line_chars:
        return False
    quick = _quick_marks(line)
    if quick < settings.min_marks or quick * 1000 / len(line) < settings.min_marks_per_1000:
        return False
    marks = glue_marks(line)
    return marks >= settings.min_marks and marks * 1000 / len(line) >= (settings.min_marks_per_1000)


def break_line(line: str) -> list[str]:
    """Split a run-together line at its glue marks."""
    line = _LABEL_GLUE.sub(lambda m: m[1] + "\n", line)
    parts = _GLUE.split(line)
    return [p.strip(" ") for piece in parts for p in piece.split("\n") if p.strip(" ")]


def reflow(text: str, settings: ReflowSettings = SETTINGS) -> str:
    """Put the lines of run-together text back; any other line is kept as it is."""
    found = [
        (start, end)
        for start, end in _long_lines(text, settings.min_line_chars)
        if is_run_together(text[start:end], settings)
    ]
    if not found:
        return text  # the usual case: the text is returned as it came
    out: list[str] = []
    last = 0
    for start, end in found:
        out.append(text[last:start])
        out.append("\n".join(break_line(text[start:end])))
        last = end
    out.append(text[last:])
    return "".join(out)


def _long_lines(text: str, shortest: int) -> list[tuple[int, int]]:
    """(start, end) of the lines of `text` of `shortest` characters or more.

    A jump from line end to line end (str.find runs at C speed): a regular expression
    for a long line tries its line-start test at every character of the text.
    """
    found: list[tuple[int, int]] = []
    start = 0
    size = len(text)
    while start <= size:
        end = text.find("\n", start)
        if end == -1:
            end = size
        if end - start >= shortest:
            found.append((start, end))
        start = end + 1
    return found
