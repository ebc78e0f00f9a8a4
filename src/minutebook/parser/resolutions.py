"""Resolutions: the decisions recorded under a minute item.

Markers: "RESOLVED:", "RESOLVED that ...", "Resolved –", "UNANIMOUSLY RESOLVED",
"The Committee resolved:-", "AGREED", "It was AGREED", a "Decision:" block.
The marker and the numbering ("1.", "(1)", "a)", "(i)") are removed; one
resolution per decision; bullets under a decision stay with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.lines import Line, join_wrapped, span_of
from minutebook.parser.models import Resolution
from minutebook.parser.patterns import rx
from minutebook.parser.report_text import BULLET_GLYPHS, lines_matching

# Marker at the start of a line, optionally after a subject ("The Committee",
# "Cabinet") and "UNANIMOUSLY"; "It was AGREED" may sit inside a sentence.
MARKER: Final = re.compile(
    r"^(?:(?:\d{1,3}[.)]|\(\w{1,4}\)|[a-z][.)])\s+)?"
    r"(?P<subject>(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}\s+(?=(?:unanimously\s+)?(?:resolved|RESOLVED|AGREED)\b))?"
    r"(?:(?:unanimously|UNANIMOUSLY|further|FURTHER)\s+)?"
    r"(?:[A-Z][\w'’\-]*\s*/\s*)?"  # the other language of a bilingual marker
    r"(?P<marker>RESOLVED|Resolved|resolved|AGREED|Agreed(?=\s*[:\-–—])|DECIDED|Decision|DECISION|"
    # "Outcome: The Committee agreed ...": the outcome of an item, set as a marker.
    r"(?:Outcome|OUTCOME)(?=\s*[:\-–—])|"
    # "NOTED: the update ...", "Noted – that ...": noting is the decision, when set as a marker.
    r"(?:NOTED|Noted)(?=\s*(?::-?|[\-–—])\s*\S))\b"
    r"(?P<post>.*)$"
)
IT_WAS_AGREED: Final = re.compile(
    r"(?:^|(?<=[.:;]\s)|\s)[Ii]t\s+was\s+(?:unanimously\s+|UNANIMOUSLY\s+)?(?:AGREED|RESOLVED)\b(?P<post>.*)$"
    # "It was resolved that ..." opening a line (parish and town councils).
    r"|^It\s+was\s+(?:unanimously\s+)?resolved\b(?P<post2>.*)$"
)
# "a) 25/00123/FUL 12 High Street - rear extension. RESOLVED: No objection."
INLINE_MARKER: Final = re.compile(
    r"(?<=[.;]\s)(?:RESOLVED|AGREED|DECIDED)\s*(?::-?|[-–—])\s*(?P<post>\S.*)$"
)
ENUMERATOR: Final = re.compile(
    r"^(?:(?P<a>\d{1,3})\.(?!\d)|\((?P<b>\d{1,3})\)|(?P<c>\d{1,3})\)|\((?P<d>[a-zA-Z]|[ivx]{1,5})\)|(?P<e>[a-z]|[ivx]{1,5})[.)]|(?P<f>[A-Z])\))\s+"
)
PAGE_NUMBER: Final = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", re.IGNORECASE)
BULLET: Final = re.compile(rf"^\s*(?:[-–*o{BULLET_GLYPHS}]\s+)")
INLINE_ENUM: Final = re.compile(r"(?:^|(?<=[\s;:]))\((?:[ivx]{1,5}|\d{1,3}|[a-z])\)\s+")
STOP: Final = re.compile(
    r"^(?:reasons?\s+for\s+(?:the\s+)?decisions?|other\s+options|alternative\s+options|minutes\s*:|"
    r"supporting\s+documents|additional\s+documents|the\s+meeting\s+(?:ended|closed)|"
    # The vote and follow-up printed after a decision are not part of it.
    r"(?:proposed|moved)\s+by\b|seconded\s+by\b|(?:motion\s+)?(?:carried|lost|defeated)\b|"
    r"actions?\s*(?:[:\-–]|by\b)|vot(?:es?|ing)\s*:|for\s*:\s*\d|"
    # A recorded vote: "For (4): Councillors A and B", "Against – None", "Abstentions: 1".
    r"(?:votes?\s+)?(?:for|against|abstain(?:ed|ing)?|abstentions?)\s*(?:\(\d{1,3}\))?\s*"
    r"[:\-–—]\s*(?:\d|councill?ors?\b|cllrs?\b|none\b|nil\b|nobody\b)|"
    # A rule across the page closes the minutes (the signature or a footer follows).
    r"[_=*]{5,}\s*$)",
    re.IGNORECASE,
)


_TAG: Final = re.compile(r"</?[a-zA-Z][^>]*>")
# A word alone joining two parts of one decision: "And;", "and", "Further:".
CONNECTOR: Final = re.compile(r"(?i)(?:and|further(?:more)?|also)\s*[;:,]?")


def _plain(text: str) -> str:
    if "<" in text:
        text = _TAG.sub("", text)
    if "*" in text or "\\" in text:
        text = text.replace("**", "").replace("\\", "")
    return " ".join(text.split()).lstrip("> ").strip()


def _clean_post(post: str) -> str:
    post = post.strip()
    post = rx(r"^(?:[:;,]|[-–—]+|:-)+\s*").sub("", post)
    return _VOTE.sub("", post).strip()


# "RESOLVED (unanimously) that ...", "RESOLVED (by 6 votes to 2) that ...", and unbracketed
# "RESOLVED UNANIMOUSLY: That ...", "RESOLVED nem. con. that ...": the vote.
_VOTE: Final = re.compile(
    r"^(?:\((?:unanimously|nem\.?\s*con\.?|by\s+\d+\s+votes?[^()]*)\)\s*[:\-–—]?"
    r"|(?:unanimously|nem\.?\s*con\.?)(?=[\s:\-–—])\s*(?::-?|[\-–—])?)\s*",
    re.I,
)


_AFTER_NOTE: Final = re.compile(r"(?<=\.)\s+\([^()]{3,200}\)\.?$")


_RECOMMENDS: Final = re.compile(r"(?i)\brecommend(?:ed|s)?\s+to\b")


def _finish(text: str) -> str:
    # (Each substitution only where the text can hold a match: a decision can be a long
    # paragraph, and the patterns anchored at its end are tried at every character.)
    if "\t" in text or "  " in text:
        text = rx(r"[ \t]+").sub(" ", text)
    text = text.strip()
    text = rx(r"^(?:[:;,]|[-–—]+|:-)+\s*").sub("", text).strip()
    if text.endswith(("and", "or")):
        text = rx(r"[;,]\s+(?:and|or)$").sub("", text).strip()  # "... be noted; and"
    if text.endswith(";"):
        text = text[:-1].rstrip()  # the separator of a list of decisions
    text = text.rstrip(" |")  # the cell border of a table flattened to text
    # "... be awarded. (Cllr Kaur did not vote.)": a note after the decision is not part of it.
    if ")" in text[-3:]:
        text = _AFTER_NOTE.sub("", text)
    if rx(r"that\b").match(text):
        text = "T" + text[1:]
    return text


def _enumerator(text: str) -> tuple[str | None, str]:
    m = ENUMERATOR.match(text)
    if not m:
        return None, text
    number = next(g for g in m.groups() if g is not None)
    return number, text[m.end() :]


def _split_inline(text: str) -> list[tuple[str | None, str]]:
    """ "(i) to note X; (ii) to agree Y" -> two resolutions."""
    marks = list(INLINE_ENUM.finditer(text))
    if len(marks) < 2:
        number, body = _enumerator(text)
        return [(number, body)]
    out: list[tuple[str | None, str]] = []
    lead = text[: marks[0].start()].strip()
    if lead and not lead.endswith(":"):
        out.append((None, lead))
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        number = m.group(0).strip().strip("()")
        body = rx(r"\s+and$").sub("", text[m.end() : end].strip())
        body = body.rstrip(";").strip()
        out.append((number, body))
    return out


# Every marker contains one of these words (the cheap first test of a line).
_MARKER_WORDS: Final = ("resolv", "agreed", "decision", "decided", "noted", "outcome")
_MARKER_WORD: Final = re.compile("(?i)" + "|".join(_MARKER_WORDS))


def find_marker(text: str) -> tuple[int, str] | None:
    """(position after the marker, text after it) when `text` carries a resolution marker."""
    low = text.lower()
    if (
        "resolv" not in low
        and "agreed" not in low
        and "decision" not in low
        and "decided" not in low
        and "noted" not in low
    ):
        return None
    m = MARKER.match(text)
    if m:
        if m["marker"] in ("Decision", "DECISION") and not rx(
            r"\s*(?::-?\s*\S.*|:-?)?\s*"
        ).fullmatch(m["post"]):
            return None
        if m["marker"] == "resolved" and not m.group(0)[: m.start("marker")].strip():
            return None
        if m["marker"] == "AGREED" and m["subject"] and _AGREED_TO_DO.match(m["post"]):
            # "THE COMMITTEE AGREED TO RAISE NO OBJECTION.": the sentence is the decision,
            # as "The Committee agreed to note the report." is (below).
            return m.start("subject"), text[m.start("subject") :]
        return m.start("post"), m["post"]
    # The searches below scan the whole line (long in prose) for want of a literal to skip
    # to; a match of each holds one of the words tested first.
    upper_marker = "AGREED" in text or "RESOLVED" in text
    m2 = IT_WAS_AGREED.search(text) if upper_marker or "resolved" in text else None
    if m2:
        group = "post" if m2["post"] is not None else "post2"
        return m2.start(group), m2[group]
    m3 = INLINE_MARKER.search(text) if upper_marker or "DECIDED" in text else None
    if m3:
        return m3.start("post"), m3["post"]
    m4 = SECONDED_AND_RESOLVED.search(text)
    if m4:
        return m4.start("post"), m4["post"]
    if "agreed" in text:
        m5 = BODY_AGREED_LIST.match(text) or BODY_AGREED_LIST_AFTER.search(text)
        if m5:
            return m5.start("post"), m5["post"]
        if BODY_AGREED_TO.match(text):
            return 0, text
    return None


# "The Panel agreed:" / "The Committee agreed:-" over the list of its decisions (a colon
# ends the line; "Members agreed that the service had improved" is the discussion).
BODY_AGREED_LIST: Final = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’\-]*\s+){1,3}(?:unanimously\s+)?agreed(?P<post>\s*:-?\s*)$"
)


# "Following consideration, the Committee agreed:-", "The motion was accordingly carried
# and the Committee agreed:-": the same, after the words that lead to it (the body named).
BODY_AGREED_LIST_AFTER: Final = re.compile(
    r"(?:,|\band)\s+the\s+(?:[\w'’\-]+\s+){0,2}"
    r"(?i:committee|sub-committee|panel|board|cabinet|council|executive|forum|authority|"
    r"commission|partnership)\s+(?:unanimously\s+)?agreed(?P<post>\s*:-?\s*)$"
)


# "The Committee agreed to note the report." opening a line is a decision, the whole
# sentence, as it is after "Decision:" and as "THE COMMITTEE AGREED TO NOTE THE REPORT."
# is. The subject must name the body (not "Members agreed to ...", which may be the
# members' own undertaking), and what was agreed is to do something.
BODY_AGREED_TO: Final = re.compile(
    r"^(?:[Tt]he\s+)?(?:[\w'’\-]+\s+){0,2}"
    r"(?i:committee|sub-committee|panel|board|cabinet|council|executive|forum|authority|"
    r"commission|partnership)\s+(?:unanimously\s+)?agreed\s+to\s+[a-z]"
)
_AGREED_TO_DO: Final = re.compile(r"^\s+(?i:to)\s+\w")


# "Proposed Cllr A, seconded Cllr B, and resolved to increase rents by 3%."
SECONDED_AND_RESOLVED: Final = re.compile(
    r"(?i:seconded)\b[^.;]{0,80}?\band\s+(?:(?i:unanimously)\s+)?(?:resolved|RESOLVED|AGREED)\b"
    r"(?P<post>\s*(?:that\b|to\b|:).*)$"
)


def _intro(paragraphs: Sequence[str]) -> bool:
    """One line that introduces a list of decisions ("The Committee agreed:-")."""
    return len(paragraphs) == 1 and bool(rx(r":-?\s*$|\bas\s+follows\W*$").search(paragraphs[0]))


def _subject(text: str) -> str:
    """The opening words of a decision: one word, two after an article ("The Council")."""
    words = text.split()[:2]
    if words and words[0].lower() in ("the", "a", "an"):
        return " ".join(words).lower()
    return words[0].lower() if words else ""


def _parallel(found: Sequence[Resolution], current: Sequence[str], text: str) -> bool:
    """A paragraph after a blank line that opens like the decision before it."""
    first = current[0] if current else (found[-1].text if found else "")
    return text[:1].isupper() and bool(_subject(first)) and _subject(first) == _subject(text)


# "As a community council we should support this petition. This was AGREED.":
# the decision is the sentence before.
THIS_WAS_AGREED: Final = re.compile(
    r"(?:^|(?<=[.;]\s))This\s+was\s+(?:unanimously\s+|UNANIMOUSLY\s+)?(?:AGREED|agreed)\b\.?\s*$"
)
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _agreed_back(lines: Sequence[Line], i: int) -> Resolution | None:
    """The sentence before "This was AGREED." on line i, from its paragraph."""
    start = i
    while start > 0 and i - start < 6 and not lines[start - 1].is_blank:
        if not _plain(lines[start - 1].text):
            break
        start -= 1
    paragraph = " ".join(_plain(ln.text) for ln in lines[start : i + 1])
    m = THIS_WAS_AGREED.search(paragraph)
    if m is None:
        return None
    sentences = _SENTENCE_END.split(paragraph[: m.start()].strip())
    decision = sentences[-1].strip() if sentences else ""
    if len(decision.split()) < 3:
        return None
    # The lines the sentence runs over: from the line holding its first words.
    first = i
    head = decision[:25]
    for k in range(i, start - 1, -1):
        if head[:12] in _plain(lines[k].text):
            first = k
            break
    return Resolution(text=_finish(decision), number=None, span=span_of(lines[first : i + 1]))


def extract_resolutions(lines: Sequence[Line]) -> tuple[list[Resolution], set[int]]:
    """Resolutions in the lines of one item, and the line numbers they used."""
    found: list[Resolution] = []
    used: set[int] = set()
    i = 0
    n = len(lines)
    marked = lines_matching(lines, _MARKER_WORD, _MARKER_WORDS)
    while i < n:
        line = lines[i]
        if i not in marked:
            i += 1  # most lines carry no marker: skip them before any other work
            continue
        text = _plain(line.text)
        hit = find_marker(text) if text else None
        if hit is None:
            back = _agreed_back(lines, i) if THIS_WAS_AGREED.search(text) else None
            if back is not None:
                # Its lines hold the discussion too: they stay in the discussion.
                found.append(back)
            i += 1
            continue
        _, post = hit
        post = _clean_post(post)
        used.add(line.number)
        # "RESOLVED – (i) That ..." with "(ii) That ..." on the next lines: the marker line
        # holds the first entry of a list.
        opens_list = ENUMERATOR.match(post) is not None
        list_mode = (
            not post
            or post.endswith(":")
            or rx(r"(?i)(?:to|as\s+follows|that)\s*:?-?").fullmatch(post) is not None
            or (
                opens_list and i + 1 < n and ENUMERATOR.match(_plain(lines[i + 1].text)) is not None
            )
        )
        if not list_mode:
            # The decision is this paragraph: the marker line and its wrapped lines.
            parts = [post]
            span_lines = [line]
            j = i + 1
            while j < n and not lines[j].is_blank:
                nxt = _plain(lines[j].text)
                if ENUMERATOR.match(nxt) or find_marker(nxt) or STOP.match(nxt):
                    break
                parts.append(nxt)
                span_lines.append(lines[j])
                used.add(lines[j].number)
                j += 1
            for number, body in _split_inline(join_wrapped(parts)):
                if body.strip():
                    found.append(
                        Resolution(text=_finish(body), number=number, span=span_of(span_lines))
                    )
            i = j
            continue
        # List mode: enumerated decisions, or unnumbered "That ..." paragraphs.
        current: list[str] = []
        current_lines: list[Line] = []
        current_number: str | None = None
        produced = 0
        # "This Council believes that:" over a lettered list. On the marker's own line, a
        # lead-in that recommends the decisions to another body ("That it be recommended to
        # Council that:") says what they are, and reads with each; one that only names the
        # deciding body ("that Cabinet agree to:") repeats the marker.
        lead: str | None = (
            post if not opens_list and post.endswith(":") and _RECOMMENDS.search(post) else None
        )
        connector = False  # "And;" between two lists of one decision
        bulleted = False  # the decisions are the bullets of a list

        def flush(lead: str | None) -> None:
            nonlocal current, current_lines, current_number, produced
            if current and "".join(current).strip():
                body = "\n".join(current)
                if lead and current_number is not None:
                    # "... to Council that:" + "capital support be offered": one sentence.
                    head = lead.rstrip(":- ") if body[:1].islower() else lead
                    body = f"{head} {body}"
                found.append(
                    Resolution(
                        text=_finish(body), number=current_number, span=span_of(current_lines)
                    )
                )
                produced += 1
            current, current_lines, current_number = [], [], None

        if opens_list:
            *before, (current_number, first_body) = _split_inline(post)
            for number, body in before:
                found.append(Resolution(text=_finish(body), number=number, span=span_of([line])))
                produced += 1
            current, current_lines = [first_body], [line]
        j = i + 1
        after_blank = False
        while j < n:
            raw = lines[j]
            if raw.is_blank:
                after_blank = True
                j += 1
                continue
            nxt = _plain(raw.text)
            if PAGE_NUMBER.match(nxt):
                j += 1  # a page number between the parts of a list
                continue
            if STOP.match(nxt) or (find_marker(nxt) and not ENUMERATOR.match(nxt)):
                break
            number, body = _enumerator(nxt)
            if number is not None:
                if (produced == 0 or connector) and current_number is None and _intro(current):
                    # A lead-in before the list ("This Council believes that:") reads with
                    # each entry; "The Committee agreed:-" only repeats the marker.
                    lead = None if _MARKER_WORD.search(current[0]) else current[0]
                    current, current_lines = [], []
                    connector = False
                flush(lead)
                current, current_lines, current_number = [body], [raw], number
            elif BULLET.match(raw.text) or BULLET.match(nxt):
                if not current and produced == 0 and len(post) > 6 and post.endswith(":"):
                    # "RESOLVED that Council:" then bullets: one decision, the list it opens.
                    current, current_lines = [post], [line]
                elif bulleted or (not current and produced == 0):
                    # "Resolved:" then bullets: each bullet is a decision, as numbers are.
                    flush(lead)
                    current, current_lines = [BULLET.sub("", nxt)], [raw]
                    bulleted = True
                    used.add(raw.number)
                    after_blank = False
                    j += 1
                    continue
                if not current:
                    break
                current.append(nxt)
                current_lines.append(raw)
            elif nxt[:1].islower() and current:
                current[-1] = join_wrapped((current[-1], nxt))
                current_lines.append(raw)
            elif not current and produced == 0:
                current, current_lines = [nxt], [raw]
            elif not after_blank and current:
                current[-1] = join_wrapped((current[-1], nxt))
                current_lines.append(raw)
            elif current and current[-1].rstrip().endswith(":"):
                current.append(nxt)  # the list the decision introduced ("as follows:")
                current_lines.append(raw)
            elif rx(r"(?i)that\b|to\s+[a-z]").match(nxt):
                flush(lead)
                current, current_lines = [nxt], [raw]
            elif current and CONNECTOR.fullmatch(nxt):
                # "And;" then a second lead-in and list: the same decision goes on.
                flush(lead)
                lead, connector = None, True
            elif connector and not current:
                current, current_lines = [nxt], [raw]
            elif current and current_number is None and _parallel(found, current, nxt):
                # "RESOLVED that:" then paragraphs with one subject ("Members note ...",
                # "Members continue ..."): each paragraph is a decision.
                flush(lead)
                current, current_lines = [nxt], [raw]
            else:
                break
            used.add(raw.number)
            after_blank = False
            j += 1
        flush(lead)
        i = j
    return found, used
