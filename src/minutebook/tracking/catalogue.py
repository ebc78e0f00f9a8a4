"""The catalogue of standard children-in-care measures that extracted figures are mapped to.

Each measure has a key, a label, the units its figures come in, and patterns
that recognise it in a sentence or a table heading. The patterns describe how
English local authorities and the DfE (SSDA903 / CLA statistics) name these
measures in general; a figure that matches none is kept as "unmapped".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    units: tuple[str, ...]  # "count", "percent", "rate_per_10000", "days", "weeks", "pounds"
    patterns: tuple[re.Pattern[str], ...]
    group: str = "children in care"


def _p(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


_CLA = r"(?:looked[\s-]after\s+child(?:ren)?|children\s+(?:looked\s+after|in\s+(?:our\s+)?care)|child(?:ren)?\s+in\s+care|\bCLA\b|\bLAC\b)"

# Order matters: the first measure whose pattern matches wins, so specific before general.
CATALOGUE: tuple[Measure, ...] = (
    Measure(
        "placement_stability_short_term",
        "Short-term placement stability (3+ placement moves in the year)",
        ("percent",),
        _p(
            r"short[\s-]term\s+(?:placement\s+)?stability",
            r"3\s+or\s+more\s+placement",
            r"three\s+or\s+more\s+placement",
        ),
        "placements",
    ),
    Measure(
        "placement_stability_long_term",
        "Long-term placement stability (same placement for 2+ years)",
        ("percent",),
        _p(
            r"long[\s-]term\s+(?:placement\s+)?stability",
            r"same\s+placement\s+for\s+(?:at\s+least\s+)?(?:two|2)\s+years",
        ),
        "placements",
    ),
    Measure(
        "placements_20_miles",
        "Placed more than 20 miles from home",
        ("percent", "count"),
        _p(r"20\+?\s*miles", r"twenty\s+miles"),
        "placements",
    ),
    Measure(
        "residential_placements",
        "Children placed in residential care / children's homes",
        ("count", "percent"),
        _p(r"residential\s+(?:care|placements?)", r"children'?s\s+homes"),
        "placements",
    ),
    Measure(
        "staying_put",
        "Care leavers staying put with former foster carers",
        ("count", "percent"),
        _p(
            r"staying\s+put",
            r"(?:living|liv(?:e|es)|remain(?:s|ing)?|stay(?:s|ing)?)\s+with\s+(?:their\s+)?former\s+foster\s+carers",
        ),
        "care leavers",
    ),
    Measure(
        "care_leavers_eet",
        "Care leavers in education, employment or training",
        ("percent", "count"),
        _p(
            r"care\s+leavers?.{0,60}\b(?:in\s+)?education,?\s+employment\s+(?:or|and)\s+training",
            r"\bEET\b",
            r"\bNEET\b",
        ),
        "care leavers",
    ),
    Measure(
        "care_leavers_suitable_accommodation",
        "Care leavers in suitable accommodation",
        ("percent", "count"),
        _p(r"suitable\s+accommodation"),
        "care leavers",
    ),
    Measure(
        "care_leavers_in_touch",
        "Care leavers in touch with the service",
        ("percent", "count"),
        _p(
            r"care\s+leavers?.{0,60}\bin\s+touch",
            r"in\s+touch\s+with\s+(?:the\s+)?(?:service|local\s+authority)",
        ),
        "care leavers",
    ),
    Measure(
        "reviews_in_timescale",
        "Looked-after reviews held in timescale",
        ("percent",),
        _p(
            r"reviews?\s+(?:were\s+)?held\s+(?:with)?in\s+timescales?",
            r"reviews?.{0,40}\btimel(?:y|iness)",
            r"timeliness\s+of\s+(?:looked\s+after\s+|LAC\s+|CLA\s+)?reviews",
        ),
        "practice",
    ),
    Measure(
        "visits_in_timescale",
        "Statutory visits in timescale",
        ("percent",),
        _p(r"visited\s+within", r"visits?.{0,40}\b(?:with)?in\s+timescales?"),
        "practice",
    ),
    Measure(
        "health_assessments",
        "Health assessments in timescale",
        ("percent", "count"),
        _p(r"health\s+assessments?"),
        "health",
    ),
    Measure(
        "dental_checks",
        "Dental checks up to date",
        ("percent",),
        _p(r"dental\s+checks?"),
        "health",
    ),
    Measure(
        "iro_escalations",
        "IRO escalations",
        ("count", "percent"),
        _p(
            r"\bIRO\s+escalations?",
            r"escalations?\s+(?:by|from)\s+(?:the\s+)?IROs?",
            r"reason\s+for\s+IRO",
        ),
        "practice",
    ),
    Measure(
        "adopter_approvals",
        "Adoptive households approved",
        ("count",),
        _p(
            r"adoptive\s+(?:households|families|parents|carers)\s+(?:were\s+)?approved",
            r"adopters?\s+approved",
            r"approved\s+(?:as\s+)?adopters",
        ),
        "fostering and adoption",
    ),
    Measure(
        "adoptions",
        "Children adopted",
        ("count", "percent"),
        _p(r"children\s+(?:were\s+)?adopted", r"adoption\s+orders?"),
        "fostering and adoption",
    ),
    Measure(
        "foster_carer_approvals",
        "Fostering households approved or recruited",
        ("count",),
        _p(
            r"(?:new\s+)?foster(?:ing)?\s+(?:households|carers|families)\s+(?:were\s+)?(?:approved|recruited)",
            r"recruited\s+\d+\s+new\s+foster",
            r"(?:friends\s+and\s+family|family\s+and\s+friends)\s+households\s+(?:were\s+|have\s+been\s+)?approved",
        ),
        "fostering and adoption",
    ),
    Measure(
        "early_permanence",
        "Early permanence placements",
        ("count", "percent"),
        _p(r"early\s+permanence"),
        "fostering and adoption",
    ),
    Measure(
        "long_term_fostering_matches",
        "Long-term fostering matches",
        ("count",),
        _p(
            r"long[\s-]term\s+fostering\s+match",
            r"achieving\s+a\s+match",
            r"children\s+have\s+been\s+matched",
        ),
        "fostering and adoption",
    ),
    Measure(
        "care_proceedings_duration",
        "Average length of care proceedings",
        ("weeks", "days"),
        _p(r"length\s+of\s+care\s+proceedings", r"care\s+proceedings.{0,40}\b(?:weeks|days)\b"),
        "practice",
    ),
    Measure(
        "sgo_exits",
        "Children leaving care through a special guardianship order",
        ("percent", "count"),
        _p(r"leaving\s+care\s+subject\s+to\s+an?\s+SGO", r"special\s+guardianship"),
        "permanence",
    ),
    Measure(
        "family_and_friends_placements",
        "Children placed with family and friends",
        ("percent", "count"),
        _p(r"(?:placed\s+with\s+)?(?:family\s+and\s+friends|friends\s+and\s+family)"),
        "placements",
    ),
    Measure(
        "foster_placements",
        "Children in care placed in foster care",
        ("percent",),
        _p(r"\bin\s+foster(?:ing)?\s+(?:care|placements?|families)"),
        "placements",
    ),
    Measure(
        "school_exclusions",
        "School exclusions and suspensions of children in care",
        ("percent", "count"),
        _p(
            r"(?:fixed[\s-]term|permanent)\s+exclusions?",
            r"\bexclu(?:sions?|ded)\b",
            r"\bsuspensions?\b",
        ),
        "education",
    ),
    Measure(
        "persistent_absence",
        "Children in care persistently absent from school (under 90% attendance)",
        ("percent", "count"),
        _p(
            r"persistent(?:ly)?\s+absen(?:ce|t|teeism)",
            r"less\s+than\s+90\s?%\s+(?:school\s+)?attendance",
        ),
        "education",
    ),
    Measure(
        "school_attendance",
        "School attendance of children in care",
        ("percent",),
        _p(r"\battendance\b"),
        "education",
    ),
    Measure(
        "cla_rate",
        "Children looked after, rate per 10,000 children",
        ("rate_per_10000",),
        _p(rf"{_CLA}", r"rate\s+of\s+children\s+in\s+care"),
    ),
    Measure(
        "cla_count",
        "Children looked after (number)",
        ("count",),
        _p(
            rf"\d+\s+{_CLA}",
            rf"(?:number|numbers)\s+of\s+{_CLA}",
            r"\d+\s+(?:children|young\s+people)\s+in\s+(?:our\s+)?care\b",
        ),
    ),
    Measure(
        "care_entrants",
        "Children entering care",
        ("count", "rate_per_10000"),
        _p(r"(?:children\s+)?entering\s+care", r"care\s+entrants"),
    ),
)

BY_KEY = {m.key: m for m in CATALOGUE}


# One search per measure (any of its patterns), and one per unit over every measure that comes
# in it: most sentences name no measure at all, and that takes a single search to tell.
_ANY_OF_MEASURE = {
    m.key: re.compile("|".join(f"(?:{p.pattern})" for p in m.patterns), re.IGNORECASE)
    for m in CATALOGUE
}
_ANY_IN_UNIT = {
    unit: re.compile(
        "|".join(f"(?:{_ANY_OF_MEASURE[m.key].pattern})" for m in CATALOGUE if unit in m.units),
        re.IGNORECASE,
    )
    for unit in {u for m in CATALOGUE for u in m.units}
}


@functools.lru_cache(maxsize=4096)
def measure_for(text: str, unit: str) -> Measure | None:
    """The first catalogue measure recognised in `text` that comes in `unit`."""
    anything = _ANY_IN_UNIT.get(unit)
    if anything is None or not anything.search(text):
        return None
    for measure in CATALOGUE:
        if unit in measure.units and _ANY_OF_MEASURE[measure.key].search(text):
            return measure
    return None
