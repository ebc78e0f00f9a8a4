"""Detect what a committee asked for, from the text of a resolution or a minuted request.

Pure functions, no database. A *request* is something someone must bring back
or do for the committee: a further report, statistics or information, an
invitation, a workshop, or a draft agenda for a named meeting. Noting,
agreeing or approving something is not a request. The rules are patterns of
UK committee minutes in general ("That a further report be provided at the
next meeting", "That officers provide the necessary statistics ...",
"Request for a pre-meeting to be set up ..."), never one council's phrasing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from minutebook.tracking.text import _MONTH_RE, MONTHS, find_dates, sentences

KINDS = ("report", "information", "invitation", "workshop", "draft_agenda")
DUE_KINDS = ("next_meeting", "meeting", "date", "unspecified")


@dataclass(frozen=True)
class DetectedRequest:
    kind: str  # one of KINDS
    topic: str
    actor: str  # who must act, as written ("officers", "the director of ..."), or ""
    due_kind: str  # one of DUE_KINDS
    due_date: dt.date | None  # for "meeting" and "date"
    sentence: str  # the source sentence, as written
    offset: int  # character offset of the sentence in the text it came from


# Verbs of bringing something back to the committee (passive or active).
_DELIVER_VERB = (
    r"(?:be\s+)?(?:provided|brought|submitted|presented|circulated|made\s+available|"
    r"reported|shared|sent|produced|prepared|given|tabled|considered)"
    r"|\b(?:provide|bring|submit|present|circulate|report(?:ing)?\s+back|come\s+back|bought\s+back|return|requests?|"
    r"share|send|produce|prepare|give)\b"
)
_REPORT_NOUN = (
    r"\b(?:report|update|progress\s+report|report(?:ing)?[\s-]back|review|presentation|paper)s?\b"
)
_INFO_NOUN = r"\b(?:information|statistics|data|figures|breakdown|briefing|details|analysis|numbers|number\s+of)\b"
_WORKSHOP_NOUN = r"\b(?:workshop|seminar|pre-meeting|away\s?day|site\s+visit|session)s?\b"
_HAPPEN_VERB = (
    r"\b(?:take\s+place|be\s+(?:held|arranged|organised|organized|set\s+up|convened|scheduled)"
    r"|to\s+be\s+set\s+up|arrange|organise|organize|hold|set\s+up|convene)\b"
)
_INVITE = r"\b(?:be\s+invited|invite|invitation|to\s+attend)\b"
_DRAFT_AGENDA = r"\bdraft\s+agenda\b"
_DECISION_PREFIX = re.compile(
    r"^\W*(?:resolved|agreed|decision|decided|recommended)\s*(?:that\b)?\s*[:–—-]?\s*",
    re.IGNORECASE,
)
_REQUEST_LEAD = re.compile(
    r"^(?:that\b|request(?:ed)?\b|(?:the\s+)?committee\s+(?:requested|asked)|members\s+(?:requested|asked))",
    re.IGNORECASE,
)
# In a discussion, the committee (or its members, chair, a councillor) must be the one asking:
# "young people had asked for ..." reports someone else's wish, not a request to officers.
_MINUTED_REQUEST = re.compile(
    # "Members asked about / whether ...": a question put at the meeting, not a request.
    r"(?:\b(?:committee|members?|panel|board|commission|chair(?:man)?|councillors?|it\s+was)\s+"
    r"(?:also\s+)?(?:requested|asked(?!\s+(?:about|whether|if|what|how|why|when|which|who)\b)"
    r"(?:\s+for|\s+that)?|sought)\b|^request\s+for\b)",
    re.IGNORECASE,
)
# A sentence starting "Request for" matches `_MINUTED_REQUEST`: somewhere in the text.
_REQUEST_FOR = re.compile(r"request\s+for\b", re.IGNORECASE)
# "... be considered and brought back to a future meeting": a report-back inside a longer decision.
_BROUGHT_BACK = re.compile(
    r"\b(?:be|being|would\s+be|to\s+be)\s+(?:\w+\s+and\s+)?(?:brought|bought|reported|come)\s+back\b",
    re.IGNORECASE,
)
# Noting or welcoming something is not asking for it.
_NOTING = re.compile(
    r"^(?:that\s+)?(?:it\s+be\s+noted|noted\s+that|approval\s+be\s+given\b|(?:the\s+)?(?:committee|panel|board|sub-committee|members?)\s+"
    r"(?:notes?|noted|welcomes?|welcomed|thanks?|thanked|agrees?|agreed|approves?|approved|endorses?|endorsed)\b)",
    re.IGNORECASE,
)
_ASKS = re.compile(r"\b(?:request|requests|requested|asks?|asked|invite[sd]?)\b", re.IGNORECASE)

_NEXT_MEETING = re.compile(
    r"\b(?:at|to|for|by|before|attend|in\s+time\s+for)\s+(?:the|its)\s+next\s+(?:meeting|committee)\b",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(
    rf"\b(?:by|in|before|during|early|late|mid|end\s+of|the\s+end\s+of)\s+(?:the\s+end\s+of\s+)?"
    rf"(?P<month>{_MONTH_RE})\b(?:\s+(?P<year>\d{{4}}))?",
    re.IGNORECASE,
)
# "to the June meeting", "at the March 2026 meeting of the Panel".
_MONTH_MEETING = re.compile(
    rf"\b(?:to|at|for|in|before)\s+the\s+(?P<month>{_MONTH_RE})(?:\s+(?P<year>\d{{4}}))?\s+"
    rf"(?:meeting|committee|panel|board|session)\b",
    re.IGNORECASE,
)
_WITHIN = re.compile(
    r"\b(?:within|in)\s+(?P<n>\d+|one|two|three|four|five|six|nine|twelve)\s+(?P<unit>months?|weeks?)(?:'|’)?(?:\s+time)?\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "nine": 9,
    "twelve": 12,
}
_ACTOR = re.compile(
    r"^that\s+(?P<actor>officers|the\s+(?:[\w'’&-]+\s+){0,6}?(?:director|manager|head\s+of\s+[\w ]+?|head(?:teacher)?|officer|"
    r"cabinet\s+member|chair|lead\s+member|team|service)s?)\s+(?:be\s+asked\s+to\s+|should\s+|to\s+|will\s+)?"
    r"(?:provide|bring|submit|present|circulate|report|invite|arrange|organise|write|share|send|produce|prepare|give|come)",
    re.IGNORECASE,
)
_BY_ACTOR = re.compile(
    r"\bby\s+(?P<actor>officers|the\s+(?:[\w'’&-]+\s+){0,5}?(?:director|manager|officer|team|service|cabinet\s+member))\b",
    re.IGNORECASE,
)
_TOPIC = re.compile(
    r"\b(?:on|about|regarding|relating\s+to|in\s+respect\s+of|concerning|into|outlining|setting\s+out|"
    r"with\s+regard\s+to|in\s+relation\s+to)\s+(?P<topic>.+)",
    re.IGNORECASE,
)
_TOPIC_END = re.compile(
    r"\s+(?:be\s+(?:provided|brought|submitted|presented|circulated|made|reported|shared|sent|given)\b"
    r"|to\s+(?:see|ensure|establish|check|understand|show)\b|at\s+(?:the|its)\s+next\b"
    r"|to\s+the\s+(?:next|committee)\b|,\s*which\b|for\s+the\s+(?:committee|meeting)\s+(?:of|on)\b"
    r"|to\s+(?:all\s+)?(?:the\s+)?(?:members|councillors)\b"
    rf"|(?:to|at)\s+the\s+(?:{_MONTH_RE})(?:\s+\d{{4}})?\s+(?:meeting|committee|panel|board)\b"
    rf"|(?:at|by|before|for)\s+(?:the\s+)?(?:meeting\s+(?:on|of)\s+)?\d{{1,2}}\s+(?:{_MONTH_RE}))",
    re.IGNORECASE,
)


# "as set out in the report", "in the attached report": the paper before the committee, not
# one asked for.
_REPORT_REFERENCE = re.compile(
    r"\b(?:as\s+)?(?:(?:set\s+out|detailed|outlined|described|contained|shown|referred\s+to)\s+)?"
    r"in\s+the\s+(?:[\w-]+\s+){0,3}?report\b",
    re.IGNORECASE,
)


def _kind(sentence: str, minuted: bool = False) -> str | None:
    s = _REPORT_REFERENCE.sub(" ", sentence)
    if re.search(_DRAFT_AGENDA, s, re.IGNORECASE) and re.search(
        r"\b(?:agreed|noted|approved|be\s+as\s+follows)\b", s, re.IGNORECASE
    ):
        return "draft_agenda"
    if re.search(_INVITE, s, re.IGNORECASE) and not re.search(
        r"\binvited\s+(?:to\s+)?(?:comment|note|consider)", s, re.IGNORECASE
    ):
        return "invitation"
    if re.search(_WORKSHOP_NOUN, s, re.IGNORECASE) and re.search(_HAPPEN_VERB, s, re.IGNORECASE):
        return "workshop"
    deliver = re.search(_DELIVER_VERB, s, re.IGNORECASE)
    if re.search(_INFO_NOUN, s, re.IGNORECASE) and deliver:
        return "information"
    if re.search(_REPORT_NOUN, s, re.IGNORECASE) and deliver:
        return "report"
    # "... would be considered and brought back to a future meeting": what comes back to the
    # committee comes as a report, named or not.
    if _BROUGHT_BACK.search(s):
        return "report"
    # A minuted "requested that ..." already says someone asked: the noun is enough.
    if minuted and re.search(_INFO_NOUN, s, re.IGNORECASE):
        return "information"
    if minuted and re.search(_REPORT_NOUN, s, re.IGNORECASE):
        return "report"
    return None


def _due(sentence: str, meeting_date: dt.date | None) -> tuple[str, dt.date | None]:
    if _NEXT_MEETING.search(sentence):
        return "next_meeting", None
    dates = find_dates(sentence, after=meeting_date)
    future = [d for _, d in dates if meeting_date is None or d > meeting_date]
    if future:
        is_meeting = re.search(r"\b(?:meeting|committee)\b", sentence, re.IGNORECASE)
        return ("meeting" if is_meeting else "date"), future[0]
    month = _MONTH_ONLY.search(sentence) or _MONTH_MEETING.search(sentence)
    if month and meeting_date is not None:
        m = MONTHS[month.group("month").lower()]
        year = int(month.group("year")) if month.group("year") else meeting_date.year
        if not month.group("year") and m < meeting_date.month:
            year += 1
        last = calendar.monthrange(year, m)[1]
        return "date", dt.date(year, m, last)
    within = _WITHIN.search(sentence)
    if within and meeting_date is not None:
        raw = within.group("n").lower()
        n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        if within.group("unit").lower().startswith("week"):
            return "date", meeting_date + dt.timedelta(weeks=n)
        month_index = meeting_date.month - 1 + n
        year, month0 = divmod(month_index, 12)
        y, mo = meeting_date.year + year, month0 + 1
        return "date", dt.date(y, mo, min(meeting_date.day, calendar.monthrange(y, mo)[1]))
    return "unspecified", None


def _actor(sentence: str) -> str:
    match = _ACTOR.search(sentence) or _BY_ACTOR.search(sentence)
    return re.sub(r"\s+", " ", match.group("actor")).strip() if match else ""


def _topic(sentence: str, kind: str) -> str:
    back = _BROUGHT_BACK.search(sentence)
    if back and kind == "report" and not _REQUEST_LEAD.search(sentence):
        head = sentence[: back.start()]
        that = list(re.finditer(r"\bthat\s+", head, re.IGNORECASE))
        return (head[that[-1].end() :] if that else head).strip(" .;:,-")
    body = re.sub(r"^(?:that|request(?:ed)?\s+for)\s+", "", sentence.strip(), flags=re.IGNORECASE)
    actor = _ACTOR.search(sentence)
    if actor:  # "That the Virtual School Head circulate the data": the data is the topic
        body = sentence[actor.end() :].strip()
    if kind in {"report", "information"}:
        noun = re.search(_INFO_NOUN if kind == "information" else _REPORT_NOUN, body, re.IGNORECASE)
        rest = body[noun.end() :] if noun else body
        # "statistics to the committee on X": skip the addressee.
        rest = re.sub(r"^\s+to\s+the\s+committee\b", "", rest, flags=re.IGNORECASE)
        topic = _TOPIC.search(rest)
        if topic:
            body = topic.group("topic")
    if kind == "invitation":
        invited = re.search(r"\s+(?:be\s+invited|to\s+be\s+invited|to\s+attend)\b", body, re.I)
        if invited:
            return body[: invited.start()].strip(" .;:,-")
    if kind == "draft_agenda":
        return "draft agenda"
    end = _TOPIC_END.search(body)
    if end and end.start() > 3:
        body = body[: end.start()]
    return body.strip(" .;:,-")


# "That the annual report be noted and that the Head circulate the data by ward": two
# decisions in one sentence, each read on its own (the first asks for nothing).
_AND_THAT = re.compile(r"[;,]?\s+and\s+(?=that\s)", re.IGNORECASE)


def _clauses(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for offset, sentence in sentences(text):
        parts = _AND_THAT.split(sentence) if " and that " in sentence.lower() else [sentence]
        out += [(offset, part[:1].upper() + part[1:]) for part in parts if part.strip()]
    return out


def detect_requests(
    text: str, meeting_date: dt.date | None, *, minuted: bool = False
) -> list[DetectedRequest]:
    """The requests in a resolution (or, with `minuted=True`, a minuted discussion).

    In a resolution every sentence is a decision, so a sentence only needs a
    request shape. In a discussion a sentence must also say that someone
    asked ("requested that", "asked for", "Request for ...").
    """
    found: list[DetectedRequest] = []
    if minuted and not (_MINUTED_REQUEST.search(text) or _REQUEST_FOR.search(text)):
        # No sentence can say that someone asked: a long discussion costs one search.
        return found
    for offset, raw in _clauses(text):
        sentence = _DECISION_PREFIX.sub("", raw, count=1) if not minuted else raw
        if sentence != raw and not re.match(r"^that\b", sentence, re.IGNORECASE):
            sentence = "That " + sentence
        # "That the committee notes ..." records a view; unless it also asks for something.
        if _NOTING.search(sentence) and not _ASKS.search(sentence):
            continue
        if minuted:
            if not _MINUTED_REQUEST.search(sentence):
                continue
        elif not (
            _REQUEST_LEAD.search(sentence)
            or re.match(r"^the\s+draft\s+agenda", sentence, re.I)
            or _BROUGHT_BACK.search(sentence)
        ):
            continue
        kind = _kind(sentence, minuted)
        if kind is None:
            continue
        due_kind, due_date = _due(sentence, meeting_date)
        if kind == "draft_agenda":
            if due_kind == "unspecified":
                continue
            if due_kind == "date":
                due_kind = "meeting"
        found.append(
            DetectedRequest(
                kind=kind,
                topic=_topic(sentence, kind),
                actor=_actor(sentence),
                due_kind=due_kind,
                due_date=due_date,
                sentence=sentence,
                offset=offset,
            )
        )
    return found


_BULLET = re.compile(r"^\s*(?:[-•*–]|\(?[a-z0-9]{1,2}[.)])\s+(?P<title>.+)$")


def draft_agenda_items(
    text: str, meeting_date: dt.date | None
) -> tuple[str, dt.date | None, list[str]]:
    """From a resolution agreeing a draft agenda: (due kind, date if written, item titles).

    Items are the bulleted lines after the sentence that names the draft
    agenda; a line holding only a date ("26 February") names the meeting.
    """
    lines = text.split("\n")
    start = next(
        (i for i, line in enumerate(lines) if re.search(_DRAFT_AGENDA, line, re.IGNORECASE)), None
    )
    if start is None:
        return "unspecified", None, []
    due_kind, due_date = _due(lines[start], meeting_date)
    titles: list[str] = []
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if not stripped:
            continue
        bullet = _BULLET.match(stripped)
        if bullet and re.match(r"that\b", bullet.group("title"), re.IGNORECASE):
            break  # the next numbered decision, not an agenda item
        if bullet:
            titles.append(bullet.group("title").strip().rstrip(".;"))
            continue
        dates = find_dates(stripped, after=meeting_date)
        if dates and len(stripped) < 40 and not titles:
            due_kind, due_date = "meeting", dates[0][1]
            continue
        break  # the list has ended: the next numbered decision or prose
    return due_kind, due_date, titles
