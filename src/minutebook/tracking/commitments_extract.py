"""Find commitments in papers: "We will ..." statements, self-evaluation action rows, and
inspection findings of what needs to improve. Pure, no database.

Each commitment keeps its evidence (the text that supports or prompted it),
its timescale if one is written, and the offset of its text in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.tracking.text import _MONTH_RE, sentences

KINDS = ("we_will", "self_evaluation", "inspection")


@dataclass(frozen=True)
class FoundCommitment:
    kind: str
    text: str
    evidence: str
    timescale: str
    reference: str  # row or paragraph label ("7.1"), if any
    offset: int  # character offset in the document text


_TIMESCALE = re.compile(
    rf"\b(?:by|before|from|until|during|in|within|over)\s+(?:the\s+)?(?:end\s+of\s+)?"
    rf"(?:(?:\d{{1,2}}\s+)?(?:{_MONTH_RE})\.?\s+\d{{4}}|\d{{4}}(?:\s*[-–/]\s*\d{{2,4}})?|(?:the\s+)?next\s+\w+\s+(?:months?|years?|weeks?)|"
    rf"\w+\s+(?:months?|years?))\b"
    rf"|\((?:{_MONTH_RE})\.?\s+\d{{4}}\)",
    re.IGNORECASE,
)
_WE_WILL = re.compile(r"^[\W\d.]*\**\s*(we\s+will\b.+)", re.IGNORECASE)
_CELL_SPLIT = re.compile(r"</p>\s*<p>|\n", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]{1,40}>")
SE_HEADER = re.compile(r"how\s+do\s+we\s+know", re.IGNORECASE)
_HORIZON = re.compile(r"next\s+(?P<n>\d+|twelve)\s+(?:months|mths)", re.IGNORECASE)
_IMPROVE_HEADING = re.compile(
    r"^\W*(?:what\s+needs\s+to\s+improve|areas?\s+for\s+(?:further\s+)?(?:development|improvement|consideration\s+and\s+improvement)|"
    r"recommendations\s+for\s+improvement|priority\s+actions?)\b",
    re.IGNORECASE,
)
# Whole-text forms of the two line patterns, without their anchors: if these find nothing,
# no line can match.
_WE_WILL_ANYWHERE = re.compile(r"we\s+will\b", re.IGNORECASE)
_IMPROVE_ANYWHERE = re.compile(
    r"what\s+needs\s+to\s+improve|areas?\s+for\s+(?:further\s+)?(?:development|improvement|"
    r"consideration\s+and\s+improvement)|recommendations\s+for\s+improvement|priority\s+actions?",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d{1,3}[.)])\s+(?P<text>\S.+)$")
# Non-ASCII letters that IGNORECASE matches with ASCII ones (where `str.lower` would not tell).
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def _may_name_improvement(text: str) -> bool:
    """Every `_IMPROVE_HEADING` phrase holds "improve", "development" or "priorit": a cheap
    test before the (slow, many-branched) pattern."""
    if any(c in text for c in _FOLDS_TO_ASCII):
        return True
    low = text.lower()
    return "improve" in low or "development" in low or "priorit" in low


def timescale_of(text: str) -> str:
    match = _TIMESCALE.search(text)
    return match.group(0).strip("() ") if match else ""


def _clean(cell: str) -> str:
    return re.sub(r"\s+", " ", _TAGS.sub(" ", cell)).strip()


def find_we_will(text: str) -> list[FoundCommitment]:
    """Strategy statements "We will ...", with the paragraph after each as its evidence."""
    out: list[FoundCommitment] = []
    if not _WE_WILL_ANYWHERE.search(text.replace("**", "")):
        return out  # one search of the whole text instead of one per line
    lines = text.split("\n")
    offset = 0
    offsets = []
    for line in lines:
        offsets.append(offset)
        offset += len(line) + 1
    for i, line in enumerate(lines):
        match = _WE_WILL.match(line.replace("**", ""))
        if not match:
            continue
        statement = match.group(1).strip().rstrip("*").strip()
        first_sentence = sentences(statement)[0][1] if sentences(statement) else statement
        evidence = ""
        for following in lines[i + 1 : i + 6]:
            if following.strip():
                if _WE_WILL.match(following.replace("**", "")):
                    break
                evidence = _clean(following)
                break
        out.append(
            FoundCommitment(
                kind="we_will",
                text=first_sentence,
                evidence=evidence[:1000],
                timescale=timescale_of(first_sentence),
                reference="",
                offset=offsets[i],
            )
        )
    return out


def find_self_evaluation(text: str) -> list[FoundCommitment]:
    """Rows of a self-evaluation table: what we know | how we know | what we are going to do.

    Each action in the third column is a commitment; the second column is its evidence.
    """
    out: list[FoundCommitment] = []
    if not SE_HEADER.search(text):
        return out  # rows count only after the table's header line
    default_timescale = ""
    in_table = False
    offset = 0
    for line in text.split("\n"):
        line_offset = offset
        offset += len(line) + 1
        cells = line.split("\t")
        if SE_HEADER.search(line):
            in_table = True
            horizon = _HORIZON.search(line)
            default_timescale = f"next {horizon.group('n')} months" if horizon else ""
            continue
        if not in_table or len([c for c in cells if c.strip()]) < 3:
            continue
        label = cells[0].strip()
        evidence = _clean(cells[-2])
        for action in _CELL_SPLIT.split(cells[-1]):
            action_text = _clean(action)
            if len(action_text) < 15:
                continue
            out.append(
                FoundCommitment(
                    kind="self_evaluation",
                    text=action_text,
                    evidence=evidence[:1000],
                    timescale=timescale_of(action_text) or default_timescale,
                    reference=label if re.fullmatch(r"[\d.]+", label) else "",
                    offset=line_offset,
                )
            )
    return out


def find_inspection_findings(text: str) -> list[FoundCommitment]:
    """Bullets under an inspection heading such as "What needs to improve ..."."""
    out: list[FoundCommitment] = []
    if not _may_name_improvement(text) or not _IMPROVE_ANYWHERE.search(text):
        return out  # no heading anywhere: one search instead of one per line
    lines = text.split("\n")
    offsets = []
    offset = 0
    for line in lines:
        offsets.append(offset)
        offset += len(line) + 1
    i = 0
    while i < len(lines):
        heading = lines[i].strip().strip("#* ")
        if _IMPROVE_HEADING.match(heading) and len(heading) < 120:
            j = i + 1
            seen_bullet = False
            while j < len(lines):
                stripped = lines[j].strip()
                bullet = _BULLET.match(stripped)
                if bullet:
                    seen_bullet = True
                    item = bullet.group("text").strip()
                    out.append(
                        FoundCommitment(
                            kind="inspection",
                            text=item,
                            evidence=heading,
                            timescale=timescale_of(item),
                            reference="",
                            offset=offsets[j],
                        )
                    )
                elif (stripped and seen_bullet) or (stripped and not seen_bullet and j - i > 3):
                    break
                j += 1
            i = j
            continue
        i += 1
    return out


# An action plan's rows start with what will be done: an imperative or a gerund ("Continue
# to embed ...", "Developing a cohort ..."). A row may also report what was done, which is
# evidence, not a commitment ("Two social workers have completed ...", "This was put on hold").
_ACTION_VERBS = frozenset(
    [
        "address",
        "agree",
        "align",
        "analyse",
        "build",
        "carry",
        "commission",
        "complete",
        "consider",
        "consolidate",
        "consult",
        "continue",
        "create",
        "deliver",
        "design",
        "develop",
        "embed",
        "enable",
        "encourage",
        "engage",
        "ensure",
        "establish",
        "evaluate",
        "expand",
        "explore",
        "extend",
        "focus",
        "further",
        "identify",
        "implement",
        "improve",
        "increase",
        "introduce",
        "launch",
        "maintain",
        "monitor",
        "progress",
        "promote",
        "provide",
        "publish",
        "recruit",
        "reduce",
        "refresh",
        "restart",
        "review",
        "roll",
        "share",
        "strengthen",
        "support",
        "sustain",
        "track",
        "train",
        "undertake",
        "update",
        "use",
        "work",
    ]
)
_DONE = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+|already\s+|recently\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|un|lt)\b"
    r"|\b(?:was|were|took\s+place|undertook|worked\s+to)\b",
    re.IGNORECASE,
)
_AHEAD = re.compile(
    r"\b(?:will|shall|should|must|needs?\s+to|to\s+be\s+\w+|plans?\s+to|aims?\s+to|"
    r"intends?\s+to)\b",
    re.IGNORECASE,
)


def is_report_of_work_done(action: str) -> bool:
    """True for a row sentence that says what was done, not what will be: it does not start
    with an action verb, says "has been ... / was / took place", and promises nothing."""
    first = action.split(maxsplit=1)[0].strip(",.;:").casefold() if action.split() else ""
    if first in _ACTION_VERBS or first.endswith("ing"):
        return False
    return _DONE.search(action) is not None and _AHEAD.search(action) is None


def finest_actions(found: list[FoundCommitment]) -> list[FoundCommitment]:
    """One commitment per action: where the same row was read twice, as a whole cell ("A. B")
    and as its sentences ("A.", "B."), the whole cell goes when its sentences cover it; and
    rows that report work done are dropped."""
    rows = [c for c in found if c.kind == "self_evaluation"]
    flat = {id(c): " ".join(c.text.split()) for c in rows}
    # The same action read twice (from the text and from a parsed table): the one that knows
    # its row's number is kept.
    first: dict[str, FoundCommitment] = {}
    for c in sorted(rows, key=lambda c: not c.reference):
        first.setdefault(flat[id(c)], c)
    keep: list[FoundCommitment] = []
    for c in found:
        if c.kind != "self_evaluation":
            keep.append(c)
            continue
        text = flat[id(c)]
        if first[text] is not c or is_report_of_work_done(text):
            continue
        parts = {flat[id(o)] for o in rows if o is not c and flat[id(o)] != text}
        covered = sum(len(p) for p in parts if len(p) >= 15 and p in text)
        if covered >= 0.8 * len(text):
            continue
        keep.append(c)
    return keep


def find_commitments(text: str) -> list[FoundCommitment]:
    return find_we_will(text) + find_self_evaluation(text) + find_inspection_findings(text)


def find_self_evaluation_table(header: list[str], rows: list[list[str]]) -> list[FoundCommitment]:
    """The same rows from a parsed table (header: ... | how do we know | what we will do).

    Cell paragraphs may have been joined by the reader, so the action cell is
    split into sentences, each one commitment.
    """
    joined = "\t".join(header)
    if not SE_HEADER.search(joined) or len(header) < 3:
        return []
    horizon = _HORIZON.search(joined)
    default_timescale = f"next {horizon.group('n')} months" if horizon else ""
    out: list[FoundCommitment] = []
    for row in rows:
        if len(row) < 3:
            continue
        label = row[0].strip()
        evidence = _clean(row[-2])
        for _, action in sentences(_clean(row[-1])):
            if len(action) < 15:
                continue
            out.append(
                FoundCommitment(
                    kind="self_evaluation",
                    text=action,
                    evidence=evidence[:1000],
                    timescale=timescale_of(action) or default_timescale,
                    reference=label if re.fullmatch(r"[\d.]+", label) else "",
                    offset=-1,
                )
            )
    return out
