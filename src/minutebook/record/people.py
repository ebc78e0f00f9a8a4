"""People resolved across papers.

Papers write the same person many ways: "Councillor Jasmine Ali (Chair)",
"Cllr Ali", "Councillor J. Ali", "Jasmine  Ali", "the Chair". `split_name`
keeps the honorific, the name and the printed role apart; `PeopleResolver`
maps a written name to one Person of the council using, in order:

1. "the chair" / "the vice-chair" (also Chairman, Chairperson, Convener):
   the committee's only chair (vice-chair) in the municipal year of the date;
2. an alias seen before, or the exact full name;
3. a surname alone or initials plus surname: the only person who fits,
   preferring members of the committee in that municipal year;
4. a spelling variant (rapidfuzz ratio >= 90 on the full name, with a clear
   lead over the runner-up, and the same surname initial).

Each way a name was written is recorded as a PersonAlias. A name that cannot
be matched is never dropped: a full name creates a new Person; a bare
surname or role that fits nobody (or several people) resolves to None and
the caller keeps `name_as_written`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from django.db.models.signals import post_save
from django.utils.text import slugify
from rapidfuzz import fuzz, process

from minutebook.record import models as m
from minutebook.record.mapping import UNKNOWN_COUNCIL
from minutebook.record.upsert import HistoryBuffer

HONORIFICS = (
    "councillors",
    "councillor",
    "cllrs",
    "cllr",
    "county councillor",
    "alderman",
    "mayor",
    "deputy mayor",
    "the very reverend",
    "the reverend",
    "very reverend",
    "reverend",
    "revd",
    "rev",
    "father",
    "professor",
    "prof",
    "doctor",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "baroness",
    "baron",
    "mrs",
    "mr",
    "ms",
    "miss",
    "mx",
)
# Post-nominal letters printed after a name ("M E Thacker MBE JP").
POST_NOMINALS = {"mbe", "obe", "cbe", "jp", "dl", "mp", "qc", "kc", "frs", "phd", "ma", "bsc"}
CHAIR_WORDS = {
    "chair": "chair",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "convener": "chair",
    "convenor": "chair",
    "vice-chair": "vice-chair",
    "vice chair": "vice-chair",
    "vice-chairman": "vice-chair",
    "vice chairman": "vice-chair",
    "vice-chairperson": "vice-chair",
    "vice-convener": "vice-chair",
    "vice convener": "vice-chair",
}
_HONORIFIC_RE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(h) for h in HONORIFICS) + r")\.?\s+)+", re.IGNORECASE
)
_TRAILING_ROLE_RE = re.compile(r"\s*[(\[]([^)\]]*)[)\]]\s*$")
_SPACES = re.compile(r"\s+")
FUZZY_THRESHOLD = 90.0


@dataclass(frozen=True)
class WrittenName:
    honorific: str  # as printed, e.g. "Councillor Mrs"
    name: str  # without honorific, role or post-nominals, e.g. "Jasmine Ali"
    given: str
    family: str
    role: str  # printed role in brackets, e.g. "Chair"
    chair_role: str  # "chair" / "vice-chair" when the name is only a role ("the Chair")


_SEX_OF_TITLE = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "baroness": "f",
}


def honorific_sex(honorific: str) -> str:
    """ "m" or "f" when a title in the honorific says ("Councillor Mrs" -> "f"), else ""."""
    found = {_SEX_OF_TITLE.get(w.strip(".").casefold(), "") for w in honorific.split()} - {""}
    return next(iter(found)) if len(found) == 1 else ""


def _tidy(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip(" ,;:.-–\t")


def split_name(written: str, honorific: str | None = None) -> WrittenName:
    """Split "Councillor Jasmine Ali (Chair)" into honorific, name parts and printed role."""
    text = _tidy(written)
    role = ""
    while True:
        match = _TRAILING_ROLE_RE.search(text)
        if not match:
            break
        role = role or _tidy(match.group(1))
        text = text[: match.start()].strip()
    bare = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).strip().casefold()
    if bare in CHAIR_WORDS:
        return WrittenName("", "", "", "", role, CHAIR_WORDS[bare])
    found = _HONORIFIC_RE.match(text)
    printed = _tidy(found.group(0)) if found else ""
    if found:
        text = text[found.end() :]
    honor = _tidy(honorific or "") or printed
    if honorific and printed and printed.casefold() != honorific.casefold():
        honor = f"{honorific} {printed}"
    words = [w for w in _tidy(text).split(" ") if w]
    while len(words) > 1 and words[-1].strip(".,").casefold() in POST_NOMINALS:
        words.pop()
    name = " ".join(words)
    family = words[-1] if words else ""
    given = " ".join(words[:-1])
    return WrittenName(honor, name, given, family, role, "")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", re.sub(r"[^\w\s'-]", " ", text.casefold())).strip()


def _initials(given: str) -> str:
    """Initials of the given names: "J.W." -> "jw", "Jasmine Anne" -> "ja", "R-M." -> "rm"."""
    parts = [p for p in re.split(r"[\s.\-]+", given) if p]
    return "".join(p[0].casefold() for p in parts)


def _is_initials(given: str) -> bool:
    parts = [p for p in re.split(r"[\s.\-]+", given) if p]
    return bool(parts) and all(len(p) == 1 for p in parts)


def municipal_year_bounds(on: dt.date) -> tuple[int, dt.date, dt.date]:
    """The municipal year (May to May) holding a date: (first calendar year, start, end)."""
    first = on.year if on.month >= 5 else on.year - 1
    return first, dt.date(first, 5, 1), dt.date(first + 1, 4, 30)


def municipal_year_label(on: dt.date) -> str:
    first, _, _ = municipal_year_bounds(on)
    return f"{first}-{(first + 1) % 100:02d}"


class PeopleResolver:
    """Resolves written names to the people of one council (in memory, one query per table)."""

    def __init__(
        self,
        council: m.Council,
        history: HistoryBuffer | None = None,
        *,
        defer_aliases: bool = False,
    ) -> None:
        self.council = council
        self.history = history
        # Deferred (the loader): aliases wait for flush(), one query per load.
        self.defer_aliases = defer_aliases
        self.people: dict[int, m.Person] = {}
        self.normalised_names: dict[int, str] = {}
        self.by_name: dict[str, set[int]] = defaultdict(set)
        self.by_family: dict[str, set[int]] = defaultdict(set)
        self.aliases: dict[str, set[int]] = defaultdict(set)
        self.alias_rows: set[tuple[int, str]] = set()
        self.slugs: set[str] = set()
        # (committee id, municipal-year label) -> {person id: roles}
        self.members: dict[tuple[int, str], dict[int, set[str]]] = defaultdict(dict)
        self.n_created = 0
        self.n_aliases = 0
        self.pending_aliases: list[m.PersonAlias] = []  # written by flush(), in one query
        for person in m.Person.objects.filter(council=council):
            self._index(person)
        for alias in m.PersonAlias.objects.filter(person__council=council):
            # A bare surname alias ("Ali") would capture the next Ali: surnames go by membership.
            if " " in _norm(alias.text):
                self.aliases[_norm(alias.text)].add(alias.person_id)
            self.alias_rows.add((alias.person_id, alias.text))
        for ms in m.Membership.objects.filter(person__council=council).select_related(
            "municipal_year"
        ):
            label = ms.municipal_year.label if ms.municipal_year else ""
            self.members[(ms.committee_id, label)].setdefault(ms.person_id, set()).add(ms.role)

    def _index(self, person: m.Person) -> None:
        self.people[person.pk] = person
        self.normalised_names[person.pk] = _norm(person.name)
        self.by_name[_norm(person.name)].add(person.pk)
        self.by_family[_norm(person.family_name or person.name.split(" ")[-1])].add(person.pk)
        self.slugs.add(person.slug)

    def note_membership(
        self, person: m.Person, committee: m.Committee, year: str, role: str
    ) -> None:
        self.members[(committee.pk, year)].setdefault(person.pk, set()).add(role)

    def _committee_people(
        self, committee: m.Committee | None, on: dt.date | None
    ) -> dict[int, set[str]]:
        if committee is None:
            return {}
        if on is not None:
            return self.members.get((committee.pk, municipal_year_label(on)), {})
        merged: dict[int, set[str]] = {}
        for (cid, _), people in self.members.items():
            if cid == committee.pk:
                for pid, roles in people.items():
                    merged.setdefault(pid, set()).update(roles)
        return merged

    def _pick(
        self,
        candidates: set[int],
        committee_people: dict[int, set[str]],
        written: WrittenName | None = None,
    ) -> int | None:
        if written is not None and len(candidates) > 0:
            sex = honorific_sex(written.honorific)
            if sex:  # "Mr J Meade" is not the "Ms J Meade" who sits beside him
                candidates = {
                    pid
                    for pid in candidates
                    if honorific_sex(self.people[pid].honorific) in ("", sex)
                }
        if len(candidates) == 1:
            return next(iter(candidates))
        on_committee = candidates & committee_people.keys()
        if len(on_committee) == 1:
            return next(iter(on_committee))
        return None

    def match(
        self,
        written: WrittenName,
        *,
        committee: m.Committee | None = None,
        on: dt.date | None = None,
    ) -> m.Person | None:
        """The one known person this written name denotes, or None."""
        cp = self._committee_people(committee, on)
        if written.chair_role:
            holders = {pid for pid, roles in cp.items() if written.chair_role in roles}
            return self.people[next(iter(holders))] if len(holders) == 1 else None
        if not written.name:
            return None
        key = _norm(written.name)
        for index in (self.aliases, self.by_name):
            pid = self._pick(index.get(key, set()), cp, written)
            if pid is not None:
                return self.people[pid]
        same_family = self.by_family.get(_norm(written.family), set())
        if not written.given:
            pid = self._pick(same_family, cp, written)
            return self.people[pid] if pid is not None else None
        if _is_initials(written.given):
            initials = _initials(written.given)
            fits = {
                pid
                for pid in same_family
                if _initials(self.people[pid].given_name).startswith(initials)
            }
            pid = self._pick(fits, cp, written)
            return self.people[pid] if pid is not None else None
        return self._fuzzy(written)

    def _fuzzy(self, written: WrittenName) -> m.Person | None:
        choices = self.normalised_names
        if not choices:
            return None
        found = process.extract(_norm(written.name), choices, scorer=fuzz.ratio, limit=2)
        if not found or found[0][1] < FUZZY_THRESHOLD:
            return None
        if len(found) > 1 and found[1][1] >= found[0][1] - 3:
            return None
        person = self.people[found[0][2]]
        if _norm(person.family_name)[:1] != _norm(written.family)[:1]:
            return None
        sex = honorific_sex(written.honorific)
        if sex and honorific_sex(person.honorific) not in ("", sex):
            return None
        return person

    def resolve(
        self,
        written_text: str,
        *,
        honorific: str | None = None,
        committee: m.Committee | None = None,
        on: dt.date | None = None,
        kind: str = "other",
        create: bool = True,
    ) -> m.Person | None:
        """Match a written name, else create a Person for a full name; record the alias."""
        written = split_name(written_text, honorific)
        person = self.match(written, committee=committee, on=on)
        if (
            person is None
            and written.given
            and not _is_initials(written.given)
            and self.council.name != UNKNOWN_COUNCIL  # papers of many councils: no guessing
        ):
            person = self._spell_out(written, kind, self._committee_people(committee, on))
        if person is None and create and written.name and (written.given or kind != "other"):
            person = self._create(written, kind)
        if person is not None:
            self._alias(person, written_text, written)
            if person.kind == "other" and kind != "other":
                person.kind = kind
                if self.history is not None:
                    self.history.save(person, update_fields=["kind"])
                else:
                    person.save(update_fields=["kind"])
        return person

    def _spell_out(
        self, written: WrittenName, kind: str, committee_people: dict[int, set[str]]
    ) -> m.Person | None:
        """The one person known only by initials ("K Leonard") whom a full name ("Kayleigh
        Leonard") spells out: that person, now under the full name (the slug, and so the
        page's address, stays). Papers then give one person whatever order they arrive in."""
        full = _initials(written.given)

        def spelt_out(person: m.Person) -> bool:
            return (
                _is_initials(person.given_name)
                and full.startswith(_initials(person.given_name))
                and (person.kind == kind or "other" in (kind, person.kind))
            )

        fits = {
            pid
            for pid in self.by_family.get(_norm(written.family), set())
            if spelt_out(self.people[pid])
        }
        pid = self._pick(fits, committee_people, written)
        if pid is None:
            return None
        person = self.people[pid]
        person.given_name, person.name = written.given[:120], written.name[:250]
        fields = ["given_name", "name"]
        if written.honorific and not person.honorific:
            person.honorific = written.honorific[:60]
            fields.append("honorific")
        if self.history is not None:
            self.history.save(person, update_fields=fields)
        else:
            person.save(update_fields=fields)
        self._index(person)
        return person

    def _create(self, written: WrittenName, kind: str) -> m.Person:
        base = slugify(written.name)[:190] or "person"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        if kind == "other" and "councillor" in written.honorific.casefold():
            kind = "councillor"
        person = m.Person(
            council=self.council,
            slug=slug,
            honorific=written.honorific[:60],
            given_name=written.given[:120],
            family_name=written.family[:120],
            name=written.name[:250],
            kind=kind,
        )
        if self.history is not None:
            self.history.save_new(person)
        else:
            person.save()
        self._index(person)
        self.n_created += 1
        return person

    def _alias(self, person: m.Person, written_text: str, written: WrittenName) -> None:
        for text in {_tidy(written_text)[:250], written.name[:250]}:
            if not text or (person.pk, text) in self.alias_rows:
                continue
            self.alias_rows.add((person.pk, text))
            if " " in _norm(text):
                self.aliases[_norm(text)].add(person.pk)
            self.pending_aliases.append(m.PersonAlias(person=person, text=text))
            self.n_aliases += 1
        if not self.defer_aliases:
            self.flush()

    def flush(self) -> None:
        """Write the aliases noted since the last flush (the loader calls this once per load)."""
        if not self.pending_aliases:
            return
        m.PersonAlias.objects.bulk_create(self.pending_aliases)
        post_save.send(
            sender=m.PersonAlias,
            instance=self.pending_aliases[0],
            created=True,
            update_fields=None,
            raw=False,
            using=m.PersonAlias.objects.db,
        )
        self.pending_aliases = []
