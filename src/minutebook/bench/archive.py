"""A synthetic archive of committee papers for benchmarks.

Papers are built from the structures of real UK agenda packs (front sheet,
order of business, minutes of the last meeting with attendance and numbered
resolutions, officers' reports with a header table, recommendations and
numbered paragraphs carrying figures), with varied councils, committees,
names, topics and figures. Deterministic for a given seed.

The archive has the shape of a real one: each committee meets every six weeks,
so a large archive spans many years; each council has a stable pool of
councillors and officers, and each committee a membership per municipal year
(May to May) drawn from that pool, so the same people recur across papers as
they do in a real council; each pack carries the minutes of the committee's
previous meeting.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Iterator
from dataclasses import dataclass

GIVEN = [
    "Jasmine",
    "Evelyn",
    "Maggie",
    "Sunny",
    "Stephanie",
    "Eliza",
    "Charlie",
    "Peter",
    "Sunil",
    "Nick",
    "Victoria",
    "Florence",
    "Mark",
    "Rosamond",
    "Tracey",
    "Nicky",
    "Alasdair",
    "David",
    "Helen",
    "Andrew",
    "Kelly",
    "Michele",
    "Khalida",
    "Angela",
    "Bill",
    "Catherine",
    "Jon",
    "Paula",
    "Beverley",
    "Eleanor",
    "Amira",
    "Tomasz",
    "Priya",
    "Oluwaseun",
    "Siobhan",
    "Gareth",
    "Morag",
    "Dafydd",
    "Rhiannon",
    "Ciaran",
    "Aoife",
    "Hamish",
    "Fiona",
    "Imran",
    "Zainab",
    "Grace",
    "Leon",
    "Marcus",
    "Hannah",
    "Ruth",
]
FAMILY = [
    "Ali",
    "Akoto",
    "Browning",
    "Lambe",
    "Cryan",
    "Mann",
    "Smith",
    "Babudu",
    "Chopra",
    "Dolezal",
    "Johnson",
    "Olisa",
    "Emakpose",
    "Turkson",
    "Kerr",
    "Marshall",
    "Harrison",
    "Stoupe",
    "Quirke",
    "Woolgar",
    "Henry",
    "Sault",
    "Khan",
    "Brown",
    "Williams",
    "Rose",
    "Hartley",
    "Thornton",
    "Olamijulo",
    "Kelly",
    "Nowak",
    "Patel",
    "Adeyemi",
    "Byrne",
    "Jones",
    "Macleod",
    "Evans",
    "Price",
    "O'Neill",
    "Murphy",
    "Campbell",
    "Stewart",
    "Hussain",
    "Begum",
    "Taylor",
    "Walker",
    "Wright",
    "Robinson",
    "Clarke",
    "Hughes",
]
PLACES = [
    "Northbridge",
    "Eastmoor",
    "Westhaven",
    "Southvale",
    "Kingsford",
    "Riverton",
    "Ashcombe",
    "Fairleigh",
    "Highfield",
    "Longmere",
    "Oakham",
    "Redcliffe",
    "Stonebury",
    "Thornbury",
    "Whitmore",
    "Yarrow",
]
COMMITTEES = (
    "Corporate Parenting Committee",
    "Cabinet",
    "Health and Wellbeing Board",
    "Overview and Scrutiny Committee",
    "Planning Committee",
    "Licensing Sub-Committee",
    "Audit and Governance Committee",
    "Children and Young People Scrutiny Panel",
)
TOPICS = (
    "Fostering Service Annual Report",
    "Adoption Service Annual Report",
    "Independent Reviewing Officer Annual Report",
    "Virtual School Annual Report",
    "Health of Looked After Children",
    "Sufficiency Strategy",
    "Care Leavers Local Offer",
    "Placement Stability Report",
    "Youth Justice Plan",
    "Housing Pathway for Care Leavers",
    "Children in Care Council Update",
    "Ofsted Focused Visit Feedback",
    "Budget Monitoring Report",
    "Local Plan Consultation",
    "Air Quality Action Plan",
    "Homelessness Strategy",
    "Libraries Review",
    "Waste and Recycling Contract",
    "Social Value Framework",
    "Mental Health Support for Young People",
)
MEASURES = (
    ("looked after children", "count"),
    ("children looked after per 10,000", "rate"),
    ("children with three or more placements", "%"),
    ("care leavers in education, employment or training", "%"),
    ("care leavers in suitable accommodation", "%"),
    ("reviews held within timescale", "%"),
    ("initial health assessments completed on time", "%"),
    ("children placed more than 20 miles away", "%"),
    ("approved fostering households", "count"),
    ("average days from entering care to adoption", "days"),
)
VERBS = (
    "Members discussed",
    "Officers explained",
    "The committee noted",
    "Members asked about",
    "The chair welcomed",
    "Young people described",
    "The director outlined",
)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class SyntheticPaper:
    name: str
    text: str
    paragraphs: int


def _date(d: dt.date) -> str:
    return f"{d:%A} {d.day} {MONTHS[d.month - 1]} {d.year}"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _figure_sentence(rng: random.Random, when: dt.date) -> str:
    measure, unit = rng.choice(MEASURES)
    value = {
        "count": rng.randint(50, 900),
        "rate": rng.randint(30, 120),
        "days": rng.randint(200, 700),
    }.get(unit, rng.randint(40, 99))
    suffix = "%" if unit == "%" else ""
    national = rng.randint(40, 99)
    return (
        f"In {MONTHS[when.month - 1]} {when.year} the number of {measure} was {value}{suffix}, "
        f"compared with a national average of {national}{suffix} and {rng.randint(40, 99)}{suffix} "
        f"among statistical neighbours."
    )


def _paragraph(rng: random.Random, topic: str, when: dt.date) -> str:
    if rng.random() < 0.3:
        return _figure_sentence(rng, when)
    place = rng.choice(PLACES)
    return (
        f"{rng.choice(VERBS)} the {topic.lower()} in {place}, including the work of "
        f"{_person(rng)} and partners on {rng.choice(TOPICS).lower()}; "
        f"progress since {MONTHS[rng.randrange(12)]} was reviewed against the plan."
    )


CYCLE_DAYS = 42  # committees meet every six weeks
COUNCILLORS_PER_COUNCIL = 60
OFFICERS_PER_COUNCIL = 16


@functools.lru_cache(maxsize=64)
def council_people(council: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A council's councillors and officers: the same people recur across its papers."""
    rng = random.Random(f"people-{council}")
    names: set[str] = set()
    while len(names) < COUNCILLORS_PER_COUNCIL + OFFICERS_PER_COUNCIL:
        names.add(_person(rng))
    ordered = sorted(names)
    rng.shuffle(ordered)
    return tuple(ordered[:COUNCILLORS_PER_COUNCIL]), tuple(ordered[COUNCILLORS_PER_COUNCIL:])


@functools.lru_cache(maxsize=1024)
def membership(council: str, committee: str, on: dt.date) -> tuple[str, ...]:
    """Eight councillors (chair, vice-chair, five members, a reserve) for the municipal year
    (May to May) holding `on`."""
    year = on.year if on.month >= 5 else on.year - 1
    councillors, _ = council_people(council)
    return tuple(random.Random(f"membership-{council}-{committee}-{year}").sample(councillors, 8))


def make_paper(
    rng: random.Random, council: str, committee: str, when: dt.date, paras: int
) -> SyntheticPaper:
    members = list(membership(council, committee, when))
    officers = council_people(council)[1]
    topics = rng.sample(TOPICS, 4)
    previous = when - dt.timedelta(days=CYCLE_DAYS)
    present = membership(council, committee, previous)
    lines: list[str] = [
        committee,
        "",
        _date(when),
        f"{rng.choice((2, 6, 7, 10))}.00 pm",
        "",
        f"Council Chamber, {rng.choice(PLACES)} Town Hall",
        "",
        "Membership",
        "",
        f"Councillor {members[0]} (Chair)",
        f"Councillor {members[1]} (Vice-chair)",
        *(f"Councillor {m}" for m in members[2:7]),
        "",
        "Reserves",
        "",
        f"Councillor {members[7]}",
        "",
        "Contact",
        "",
        f"{officers[0]} on 020 7000 {rng.randint(1000, 9999)} or email: democracy@{council.lower()}.gov.uk",
        "",
        "Members of the committee are summoned to attend this meeting",
        "",
        "Order of Business",
        "",
        "Item No.\tTitle\tPage No.",
        "\tPART A - OPEN BUSINESS\t",
        "1.\tAPOLOGIES\t",
        "2.\tDISCLOSURE OF INTERESTS AND DISPENSATIONS\t",
        "3.\tMINUTES\t1 - 6",
    ]
    page = 7
    for n, topic in enumerate(topics, start=4):
        lines.append(f"{n}.\t{topic.upper()}\t{page} - {page + 9}")
        page += 10
    lines += [
        "",
        f"MINUTES of the OPEN section of the {committee} held on {_date(previous)} at 2.00 pm at the Town Hall",
        "",
        "PRESENT:\t" + " ".join(f"Councillor {m}" for m in present[:6]),
        "",
        "OFFICER SUPPORT:\t"
        + " ".join(f"{name}, Head of Service," for name in rng.sample(officers[1:], 3)),
        "",
        "1. APOLOGIES",
        "",
        f"Apologies for absence were received from Councillor {present[6]}.",
        "",
    ]
    budget = paras
    for n, topic in enumerate(topics[:2], start=2):
        lines += [f"{n}. {topic.upper()}", ""]
        for _ in range(max(1, budget // 8)):
            lines += [_paragraph(rng, topic, previous), ""]
        lines += [
            "RESOLVED:",
            "",
            f"1. That a further report on the {topic.lower()} be provided at the next meeting.",
            "",
            "2. That officers provide the necessary statistics to members.",
            "",
        ]
    lines += ["The meeting ended at 5.10 pm.", "", "CHAIR:", "", "DATED:", ""]
    for n, topic in enumerate(topics, start=4):
        lines += [
            f"Item No. {n}.\tClassification: Open\tDate: {when.day} {MONTHS[when.month - 1]} {when.year}\t"
            f"Meeting Name: {committee}",
            f"Report title:\t{topic}",
            "Ward(s) or groups affected:\tAll",
            f"From:\tDirector of {rng.choice(('Children and Families', 'Resources', 'Place'))}",
            "",
            "RECOMMENDATIONS",
            "",
            "1. That the committee note the contents of this report.",
            "",
            "KEY ISSUES FOR CONSIDERATION",
            "",
        ]
        for k in range(max(1, budget // 5)):
            lines += [f"{k + 2}. {_paragraph(rng, topic, when)}", ""]
    text = "\n".join(lines) + "\n"
    count = sum(1 for ln in lines if len(ln) > 40)
    name = f"{council.lower()}-{committee.lower().replace(' ', '-')}-{when.isoformat()}.txt"
    return SyntheticPaper(name=name, text=text, paragraphs=count)


def generate(
    target_paragraphs: int, *, seed: int = 20261122, paras_per_paper: int = 200
) -> Iterator[SyntheticPaper]:
    """Yield papers until at least `target_paragraphs` paragraphs have been produced."""
    rng = random.Random(seed)
    councils = [f"{p}" for p in PLACES[:10]]
    total = 0
    start = dt.date(2010, 1, 6)
    i = 0
    while total < target_paragraphs:
        council = councils[i % len(councils)]
        committee = COMMITTEES[(i // len(councils)) % len(COMMITTEES)]
        cycle, slot = divmod(i, len(councils) * len(COMMITTEES))
        # Each committee of a council meets on its own day of the six-week cycle.
        day = CYCLE_DAYS * cycle + 3 * (slot // len(councils)) + slot % 5
        when = start + dt.timedelta(days=day)
        paper = make_paper(rng, council, committee, when, paras_per_paper)
        total += paper.paragraphs
        i += 1
        yield paper
