"""Extract performance figures from report prose and tables. Pure, no database.

A figure is a value with a unit (count, percent, rate per 10,000, days,
weeks, pounds), a period (a month, a financial year such as 2020/21, a
calendar year, a range "Apr to Nov 2018"), maybe a comparator (national
average, statistical neighbours, target) and the sentence it came from.
Sentences name the measure once and then give several values ("In April 2018
we had 492 looked after children ... in November 2018 was 474 children and in
December 2018 ... 472 children" is three figures of one measure), so each
value takes the period written closest before it, and a sentence that names
no measure inherits the measure of the sentence before it in the same
paragraph.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from minutebook.tracking.catalogue import Measure, measure_for
from minutebook.tracking.text import _MONTH_RE, MONTHS, sentences

UNITS = ("count", "percent", "rate_per_10000", "days", "weeks", "pounds")
COMPARATORS = (
    "national_average",
    "statistical_neighbours",
    "regional_average",
    "target",
    "other_authorities",
)


@dataclass(frozen=True)
class Period:
    label: str
    kind: str  # "month" | "financial_year" | "year" | "range" | "quarter"
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Figure:
    measure: str | None  # catalogue key, or None when it maps to nothing
    label: str  # what the figure counts, as written around it
    value: float
    unit: str
    period: Period | None
    comparator: str  # "" for the authority's own figure
    breakdown: str  # a table row label ("Education"), "" for a total or prose figure
    sentence: str
    offset: int  # character offset of the sentence in the extracted text


_NUM = r"(?P<{name}>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
_POPULATION = (
    r"(?:new\s+|more\s+|fewer\s+|additional\s+)?(?:looked[\s-]after\s+children|children(?:\s+and\s+young\s+people)?|"
    r"young\s+people|care\s+leavers|care[\s-]experienced\s+(?:young\s+people|adults|people)|(?:adoptive\s+|fostering\s+|foster\s+|friends\s+and\s+family\s+|family\s+and\s+friends\s+)?households|"
    r"(?:foster\s+)?carers|(?:special\s+)?guardians|escalations|placements|referrals|families|adopters|matches|pupils|UASC)"
)
_VALUE = re.compile(
    rf"(?P<pound>£\s?){_NUM.format(name='v1')}(?:\s?(?P<mult>k|m|million|bn|billion)\b)?"
    rf"|{_NUM.format(name='v2')}\s?(?P<unit>%|per\s?cent\b|per\s+10,?000\b|weeks\b|days\b)"
    # "467 (end of Quarter 4 2019/20) children in our care": a bracketed aside may come between.
    rf"|{_NUM.format(name='v3')}\s+(?:\([^()]{{1,40}}\)\s+)?(?P<noun>{_POPULATION})\b",
    re.IGNORECASE,
)
# Numbers that define a measure rather than measure it ("3 or more moves", "aged 16", "18 - 21 year olds").
_NOT_A_VALUE_AFTER = re.compile(
    r"^\s*(?:or\s+more|\+|plus|years?\s+old|year\s+olds|-?\s*week(?:ly)?|–|-\s*\d)", re.IGNORECASE
)
_NOT_A_VALUE_BEFORE = re.compile(
    r"(?:aged|age|ages|over|under|between|of\s+the|stage|paragraph|item|appendix|within|up\s+to|less\s+than|more\s+than|fewer\s+than|below|above)\s*$",
    re.IGNORECASE,
)
_COMPARATOR = (
    (
        "national_average",
        re.compile(r"national(?:ly)?\s+(?:average|figure|rate)|england\s+average|nationally", re.I),
    ),
    (
        "statistical_neighbours",
        re.compile(r"statistical\s+neighbou?rs?|statutory\s+neighbou?rs?", re.I),
    ),
    ("regional_average", re.compile(r"(?:london|regional)\s+average", re.I)),
    ("target", re.compile(r"\btarget\b", re.I)),
    ("other_authorities", re.compile(r"other\s+local\s+authorities|comparator\s+averages?", re.I)),
)

# A value inside a promise ("We will work with 50 children") is an aim, not a result.
_COMMITMENT = re.compile(
    r"^[\W\d]*(?:we\s+will|we\s+aim|our\s+(?:aim|target|ambition))\b|\baim\s+(?:is|would\s+be)\b",
    re.I,
)
_CHANGE_AFTER = re.compile(
    r"\s*(?:point\s+)?(?:increase|decrease|rise|reduction|drop|fall|improvement|growth|uplift|"
    r"change)\b",
    re.I,
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:(?:increased?|rose|risen|fell|fallen|decreased?|reduced|dropped|grew|grown|improved|"
    r"went\s+up|went\s+down|up|down)\s+by|(?:an?\s+)?(?:increase|rise|reduction|decrease|drop|"
    r"fall|improvement)\s+of)\s*$",
    re.I,
)
_OWN_PERIOD_GAP = re.compile(r"^\s*(?:\(|in|for|during|\(in)?\s*$", re.I)
_WEAK_PERIOD_GAP = re.compile(r"^\s*(?:at|as\s+at|by|of)\s*$", re.I)
_PARAGRAPH_GAP = re.compile(r"\n\s*\n")
_NUMBERED = re.compile(r"^\s*\d+\.\s")
# The last word of every `_NOT_A_VALUE_BEFORE` alternative, and the non-ASCII letters that
# IGNORECASE matches with ASCII ones (where `str.lower` would not tell).
_LAST_WORDS = (
    "aged", "age", "ages", "over", "under", "between", "the", "stage", "paragraph", "item",
    "appendix", "within", "to", "than", "below", "above",
)  # fmt: skip
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_LONG_SPACE = re.compile(r"\s{16}")
_DIGIT = re.compile(r"\d")
_ASIDE = re.compile(r"\s*\([^()]{1,40}\)")
_OWN_SUBJECT = re.compile(r"\d\s?(?:%|per\s?cent)\s+of\s+\w", re.I)
_AGES_BEFORE = re.compile(r"\b(?:aged?|ages)\s+$", re.IGNORECASE)
_MONTH_YEAR = re.compile(
    rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<year>(?:19|20)\d{{2}})\b", re.IGNORECASE
)
_RANGE = re.compile(
    rf"\b(?P<m1>{_MONTH_RE})\.?\s+(?:to|-|–)\s+(?P<m2>{_MONTH_RE})\.?\s+(?P<year>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
_YEARISH = re.compile(r"(?:19|20)\d{2}")
_FIN_YEARISH = re.compile(r"\d\s?[/-]\s?\d")
_FIN_YEAR = re.compile(r"\b(?P<y1>(?:19|20)?\d{2})\s?[/-]\s?(?P<y2>(?:19|20)?\d{2})\b")
_YEAR = re.compile(
    r"\b(?:in|during|for|of|since|by)\s+(?P<year>(?:19|20)\d{2})\b(?![/-]\d)", re.IGNORECASE
)
_QUARTER = re.compile(
    r"\b(?:Q(?P<q>[1-4])|quarter\s+(?P<qn>[1-4]|one|two|three|four))\b", re.IGNORECASE
)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _full_year(text: str, base: int | None = None) -> int:
    y = int(text)
    if y < 100:
        return 2000 + y
    return y


def find_periods(text: str) -> list[tuple[int, Period]]:
    """Period mentions with their offsets, most specific first where they overlap."""
    found: list[tuple[int, int, Period]] = []
    # Every period but a financial year holds a four-digit year: without one, skip their
    # (costly, month-name) patterns; a financial year needs digits around a slash or dash.
    has_year = _YEARISH.search(text) is not None
    if not has_year and not _FIN_YEARISH.search(text):
        return []
    for m in _RANGE.finditer(text) if has_year else ():
        year = int(m.group("year"))
        m1, m2 = MONTHS[m.group("m1").lower()], MONTHS[m.group("m2").lower()]
        start_year = year - 1 if m1 > m2 else year
        found.append(
            (
                m.start(),
                m.end(),
                Period(m.group(0), "range", dt.date(start_year, m1, 1), _month_end(year, m2)),
            )
        )
    for m in _MONTH_YEAR.finditer(text) if has_year else ():
        month, year = MONTHS[m.group("month").lower()], int(m.group("year"))
        found.append(
            (
                m.start(),
                m.end(),
                Period(m.group(0), "month", dt.date(year, month, 1), _month_end(year, month)),
            )
        )
    for m in _FIN_YEAR.finditer(text):
        if _AGES_BEFORE.search(text, 0, m.start()):  # "young people aged 17-18"
            continue
        y1 = _full_year(m.group("y1"))
        y2 = _full_year(m.group("y2"))
        if y2 == y1 + 1 and 1990 <= y1 <= 2100:
            label = f"{y1}/{str(y2)[2:]}"
            found.append(
                (
                    m.start(),
                    m.end(),
                    Period(label, "financial_year", dt.date(y1, 4, 1), dt.date(y2, 3, 31)),
                )
            )
    for m in _YEAR.finditer(text) if has_year else ():
        year = int(m.group("year"))
        found.append(
            (
                m.start("year"),
                m.end(),
                Period(str(year), "year", dt.date(year, 1, 1), dt.date(year, 12, 31)),
            )
        )
    # Keep the first, widest mention where spans overlap (a range beats the month inside it).
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, Period]] = []
    last_end = -1
    for start, end, period in found:
        if start < last_end:
            continue
        out.append((start, period))
        last_end = end
    return out


def _unit(match: re.Match[str]) -> str:
    if match.group("pound"):
        return "pounds"
    unit = (match.group("unit") or "").lower().replace(" ", "")
    if unit in {"%", "percent"}:
        return "percent"
    if unit.startswith("per10"):
        return "rate_per_10000"
    if unit in {"weeks", "days"}:
        return unit
    return "count"


def _value(match: re.Match[str]) -> float:
    raw = match.group("v1") or match.group("v2") or match.group("v3")
    value = float(raw.replace(",", ""))
    mult = (match.group("mult") or "").lower()
    if mult == "k":
        value *= 1_000
    elif mult in {"m", "million"}:
        value *= 1_000_000
    elif mult in {"bn", "billion"}:
        value *= 1_000_000_000
    return value


def _measure_of(sentence: str, match: re.Match[str], unit: str) -> Measure | None:
    """The measure of one value. A counted noun ("175 care leavers") speaks for itself first;
    the rest of the sentence decides only for counts of children or for non-count units."""
    noun = match.group("noun")
    if noun:
        local = sentence[max(0, match.start() - 40) : match.end() + 100]
        found = measure_for(local, unit) or measure_for(_ASIDE.sub("", local), unit)
        # A count of a population of its own (care leavers, carers, adopters) is not the
        # sentence's measure of children: "... 467 children in our care and 175 care leavers".
        own_population = re.search(r"leavers|experienced|carers|adopters", noun, re.I)
        if found is not None or own_population:
            return found
    return measure_for(sentence, unit) or measure_for(_bare(sentence), unit)


@functools.lru_cache(maxsize=1024)
def _bare(sentence: str) -> str:
    """The sentence without short bracketed asides."""
    return _ASIDE.sub("", sentence)


def _comparator(sentence: str, start: int) -> str:
    after = sentence[start : start + 60]
    # "... and 72% nationally": a comparator written right after the value is its own, whatever
    # the clause before it names ("compared to 70% for statistical neighbours and 72% ...").
    if re.search(r"^\S+\s+(?:nationally|in\s+england)\b", after, re.I):
        return "national_average"
    window = sentence[max(0, start - 60) : start]
    # Only the clause the value sits in: a comparator named before a comma or "and" belongs to an earlier value.
    clause = re.split(r"[;,]|\bwhereas\b|\bcompared\b", window)[-1]
    for key, pattern in _COMPARATOR:
        if pattern.search(clause):
            return key
    if re.search(r"^\S+\s+(?:nationally|national\s+average)", after, re.I):
        return "national_average"
    if re.search(
        r"^\S+\s+(?:for|across|among|of)\s+(?:our\s+|the\s+)?statistical\s+neighbou?rs?\b",
        after,
        re.I,
    ):
        return "statistical_neighbours"
    if re.search(
        r"^\S+\s+(?:\(|is\s+|was\s+)?(?:the\s+)?(?:national\s+average|target)\b", after, re.I
    ):
        return "national_average" if "national" in after.lower() else "target"
    return ""


def _label(sentence: str, match: re.Match[str]) -> str:
    if match.group("noun"):
        tail = sentence[match.start("noun") :]
        return " ".join(tail.split()[:6]).strip(" .,;")
    head = sentence[max(0, match.start() - 80) : match.start()]
    return " ".join(head.split()[-8:]).strip(" .,;")


def _strip_markup(text: str) -> str:
    # A closing paragraph or cell tag ends a paragraph, so no measure leaks across it.
    text = re.sub(r"</(?:p|td|th|li|div)>", "\n\n", text, flags=re.IGNORECASE)
    return re.sub(r"<[^>]{1,40}>", "\n", text)


def extract_from_text(text: str) -> list[Figure]:
    """Figures in prose. Values without a measure are kept only if their unit says they are data."""
    figures: list[Figure] = []
    previous: Measure | None = None
    # A sentence without values whose measure a later sentence may inherit: looked up only
    # if one does (most sentences hold no value, and finding a measure is the costly part).
    pending: list[str] = []
    previous_end = -2
    clean = _strip_markup(text)
    for offset, sentence in sentences(clean):
        # A blank line (or a new paragraph) ends the measure a sentence can inherit.
        gap = clean[previous_end:offset] if previous_end >= 0 else "\n\n"
        if _PARAGRAPH_GAP.search(gap) or _NUMBERED.match(sentence):
            previous, pending = None, []
        previous_end = offset + len(sentence)
        if not _DIGIT.search(sentence):  # no value (every value has a digit) and no own subject
            pending.append(sentence)
            continue
        # A sentence with a subject of its own ("96% of young people ...") does not inherit.
        if _OWN_SUBJECT.search(sentence):
            previous, pending = None, []
        periods: list[tuple[int, Period]] | None = None
        sentence_figures: list[Figure] = []
        named: Measure | None = None
        for match in _VALUE.finditer(sentence):
            before = sentence[: match.start()]
            after = sentence[match.end() :]
            if _defines_measure(before) or _NOT_A_VALUE_AFTER.match(after):
                continue
            unit = _unit(match)
            value = _value(match)
            if unit == "count" and 1900 <= value <= 2100 and "," not in match.group(0):
                continue
            # "6.1 Children Looked After Scorecard": a paragraph number; people come whole.
            if match.group("noun") and "." in match.group("v3"):
                continue
            # "a 10% increase", "increased by 17%": a change, kept, but never the level of a
            # measure (a chart of staying put would show 10% among the 70s).
            change = unit == "percent" and bool(
                _CHANGE_AFTER.match(after) or _CHANGE_BEFORE.search(before)
            )
            measure = None if change else _measure_of(sentence, match, unit)
            if measure is None and pending and not change:
                previous = _settle(previous, pending)
                pending = []
            if measure is None and previous is not None and unit in previous.units and not change:
                measure = previous
            if measure is not None:
                named = measure
            if periods is None:
                periods = find_periods(sentence)
            preceding = [p for start, p in periods if start < match.start()]
            following = [(start, p) for start, p in periods if start > match.end()]
            # "from 25% in April 2018": a period written straight after the value is its own.
            inside = [p for start, p in periods if match.start() < start < match.end()]
            gap = sentence[match.end() : following[0][0]] if following else ""
            # "from 25% in April 2018": a period written straight after the value is its own;
            # a weaker "as at December" only when no period was written before the value.
            period: Period | None
            if inside:  # "467 (end of Quarter 4 2019/20) children"
                period = inside[0]
            elif following and (
                _OWN_PERIOD_GAP.match(gap) or (not preceding and _WEAK_PERIOD_GAP.match(gap))
            ):
                period = following[0][1]
            elif preceding:
                period = preceding[-1]
            else:
                period = following[0][1] if following else None
            comparator = _comparator(sentence, match.start())
            if not comparator and _COMMITMENT.search(sentence):
                comparator = "target"
            sentence_figures.append(
                Figure(
                    measure=measure.key if measure else None,
                    label=measure.label if measure else _label(sentence, match),
                    value=value,
                    unit=unit,
                    period=period,
                    comparator=comparator,
                    breakdown="",
                    sentence=sentence,
                    offset=offset,
                )
            )
        # A comparator ("the national average is 10%") is for the period the sentence is about.
        own = [f for f in sentence_figures if not f.comparator and f.period]
        for i, fig in enumerate(sentence_figures):
            if fig.comparator and fig.period is None and own:
                sentence_figures[i] = replace(fig, period=own[0].period)
        figures.extend(sentence_figures)
        if named is not None:
            previous, pending = named, []
        else:
            pending.append(sentence)
    return _date_comparators(figures)


def _defines_measure(before: str) -> bool:
    """`_NOT_A_VALUE_BEFORE.search(before)`, cheaply: the text must end (before spaces) in the
    last word of one of its phrases, and then only its last 64 characters are searched, unless
    a long run of spaces there could stretch a match beyond them (the pattern is a short
    phrase, spaces and the end of the text, with no anchor at its start)."""
    end = before.rstrip()[-12:]
    if not any(c in end for c in _FOLDS_TO_ASCII) and not end.lower().endswith(_LAST_WORDS):
        return False  # the pattern's last word is not there (no other ending can match)
    if len(before) > 64:
        tail = before[-64:]
        if not _LONG_SPACE.search(tail):
            return _NOT_A_VALUE_BEFORE.search(tail) is not None
    return _NOT_A_VALUE_BEFORE.search(before) is not None


def _settle(previous: Measure | None, pending: list[str]) -> Measure | None:
    """The measure a sentence inherits after sentences that named none with a value: the last
    of them naming one (in either unit), else the measure before them."""
    for sentence in reversed(pending):
        found = measure_for(sentence, "percent") or measure_for(sentence, "count")
        if found:
            return found
    return previous


def _date_comparators(figures: list[Figure]) -> list[Figure]:
    """A comparator written with no period ("the national average is 10%") goes with the next own figure."""
    out = list(figures)
    for i, fig in enumerate(out):
        if fig.comparator and fig.period is None and fig.measure:
            for later in out[i + 1 : i + 6]:
                if later.measure == fig.measure and not later.comparator and later.period:
                    out[i] = replace(fig, period=later.period)
                    break
    return out


def extract_from_table(
    header: list[str], rows: list[list[str]], caption: str = "", context: str = ""
) -> list[Figure]:
    """Figures in a two-column "label | number" table whose heading names a measure or a period.

    Every row becomes a figure broken down by its label; a "Total" row is the
    total. Tables of any other shape are left alone rather than guessed at.
    """
    heading = " ".join([caption, *header]).strip()
    numeric_rows = [
        r
        for r in rows
        if len(r) >= 2 and re.fullmatch(r"\s*\d[\d,]*(?:\.\d+)?\s*%?\s*", r[-1] or "")
    ]
    if len(numeric_rows) < 2 or len(numeric_rows) < len(rows) * 0.6:
        return []
    unit = "percent" if all("%" in r[-1] for r in numeric_rows) else "count"
    measure = measure_for(heading, unit) or measure_for(context, unit)
    periods = find_periods(heading) or find_periods(context)
    period = periods[0][1] if periods else None
    figures = []
    for row in numeric_rows:
        label = row[0].strip()
        total = bool(re.fullmatch(r"(?:grand\s+)?total", label, re.IGNORECASE))
        figures.append(
            Figure(
                measure=measure.key if measure else None,
                label=measure.label if measure else (heading or label),
                value=float(row[-1].replace(",", "").replace("%", "").strip()),
                unit=unit,
                period=period,
                comparator="",
                breakdown="" if total else label,
                sentence=f"{heading}: {label} {row[-1].strip()}".strip(": "),
                offset=0,
            )
        )
    return figures


def tables_in_text(text: str) -> list[tuple[list[str], list[list[str]], str, int]]:
    """Tab-separated tables in extracted text: (header, rows, caption, offset) for each block
    of three or more consecutive lines holding tabs. Empty cells are dropped."""
    out: list[tuple[list[str], list[list[str]], str, int]] = []
    if "\t" not in text:
        return out  # every table line holds a tab
    block: list[tuple[int, list[str]]] = []
    offset = 0

    def flush() -> None:
        if len(block) >= 3:
            header = block[0][1]
            out.append((header, [cells for _, cells in block[1:]], "", block[0][0]))
        block.clear()

    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if "\t" in line and len(cells) >= 2:
            block.append((offset, cells))
        else:
            flush()
        offset += len(line) + 1
    flush()
    return out
