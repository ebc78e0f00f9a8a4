"""People resolution: the hard cases."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.record import models as m
from minutebook.record.people import PeopleResolver, municipal_year_label, split_name

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]

NOV_2020 = dt.date(2020, 11, 4)


@pytest.mark.parametrize(
    ("written", "honorific", "name", "given", "family", "role"),
    [
        ("Councillor Jasmine Ali (Chair)", "Councillor", "Jasmine Ali", "Jasmine", "Ali", "Chair"),
        ("Cllr. Ali", "Cllr", "Ali", "", "Ali", ""),
        ("Councillor Mrs Barnard", "Councillor Mrs", "Barnard", "", "Barnard", ""),
        ("Councillor M E Thacker MBE JP", "Councillor", "M E Thacker", "M E", "Thacker", ""),
        (
            "the Very Reverend Dr Mark Beach (Healthwatch nominee)",
            "the Very Reverend Dr",
            "Mark Beach",
            "Mark",
            "Beach",
            "Healthwatch nominee",
        ),
        ("Mrs. M.R. Wilkinson", "Mrs", "M.R. Wilkinson", "M.R.", "Wilkinson", ""),
        ("  Florence   Emakpose ,", "", "Florence Emakpose", "Florence", "Emakpose", ""),
    ],
)
def test_split_name_keeps_honorific_and_role_apart(
    written: str, honorific: str, name: str, given: str, family: str, role: str
) -> None:
    w = split_name(written)
    assert (w.honorific, w.name, w.given, w.family, w.role) == (
        honorific,
        name,
        given,
        family,
        role,
    )


def test_role_only_names() -> None:
    assert split_name("the Chair").chair_role == "chair"
    assert split_name("The Chairman").chair_role == "chair"
    assert split_name("Vice-Chair").chair_role == "vice-chair"
    assert split_name("the Convener").chair_role == "chair"


def test_municipal_year_runs_may_to_may() -> None:
    assert municipal_year_label(dt.date(2020, 11, 4)) == "2020-21"
    assert municipal_year_label(dt.date(2021, 4, 30)) == "2020-21"
    assert municipal_year_label(dt.date(2021, 5, 1)) == "2021-22"
    assert municipal_year_label(dt.date(1999, 6, 1)) == "1999-00"


@pytest.fixture
def committee_2020() -> tuple[PeopleResolver, m.Committee]:
    council = m.Council.objects.create(name="Southwark", slug="southwark")
    committee = m.Committee.objects.create(council=council, name="CPC", slug="cpc")
    other = m.Committee.objects.create(council=council, name="Planning", slug="planning")
    year = m.MunicipalYear.objects.create(
        council=council, label="2020-21", start=dt.date(2020, 5, 1), end=dt.date(2021, 4, 30)
    )
    people = PeopleResolver(council)
    for name, role, com in [
        ("Councillor Jasmine Ali", "chair", committee),
        ("Councillor Evelyn Akoto", "vice-chair", committee),
        ("Councillor Nick Johnson", "member", committee),
        ("Councillor Anood Al-Samerai", "member", other),
        ("Councillor Nick Dolezal", "member", other),
        ("Councillor Tom Johnson", "member", other),
    ]:
        person = people.resolve(name, committee=com, on=NOV_2020, kind="councillor")
        assert person is not None
        m.Membership.objects.create(person=person, committee=com, role=role, municipal_year=year)
        people.note_membership(person, com, "2020-21", role)
    return people, committee


def test_variants_resolve_to_one_person(committee_2020) -> None:
    people, cpc = committee_2020
    ali = m.Person.objects.get(name="Jasmine Ali")
    assert ali.honorific == "Councillor" and ali.kind == "councillor"
    for written in [
        "Councillor Jasmine Ali (Chair)",
        "Cllr Ali",
        "Councillor J. Ali",
        "Jasmine  Ali",
        "Cllr Jasmin Ali",  # spelling variant
        "the Chair",
    ]:
        assert people.resolve(written, committee=cpc, on=NOV_2020) == ali, written
    assert m.Person.objects.filter(family_name="Ali").count() == 1
    assert {"Cllr Ali", "the Chair", "Jasmin Ali"} <= set(
        ali.aliases.values_list("text", flat=True)
    )


def test_surname_shared_across_committees_uses_membership(committee_2020) -> None:
    people, cpc = committee_2020
    # Two Johnsons on the council; only Nick sits on this committee this year.
    nick = m.Person.objects.get(name="Nick Johnson")
    assert people.resolve("Cllr Johnson", committee=cpc, on=NOV_2020) == nick
    # Without a committee the bare surname is ambiguous: kept as written, nobody invented.
    before = m.Person.objects.count()
    assert people.resolve("Cllr Johnson", committee=None, on=None) is None
    assert m.Person.objects.count() == before


def test_initials_must_fit(committee_2020) -> None:
    people, cpc = committee_2020
    assert people.resolve("Councillor N. Dolezal", committee=cpc, on=NOV_2020).name == (
        "Nick Dolezal"
    )
    # A different first initial is a different person: a new Person, not a wrong match.
    other = people.resolve("Councillor P. Dolezal", committee=cpc, on=NOV_2020)
    assert other is not None and other.name == "P. Dolezal"


def test_the_chair_is_only_resolved_when_unambiguous(committee_2020) -> None:
    people, cpc = committee_2020
    assert people.resolve("the Chair", committee=cpc, on=dt.date(2019, 1, 1)) is None
    assert people.resolve("the Vice-Chair", committee=cpc, on=NOV_2020).name == "Evelyn Akoto"


def test_unknown_full_name_is_created_and_close_names_are_not_merged(committee_2020) -> None:
    people, cpc = committee_2020
    new = people.resolve("Alasdair Smith", committee=cpc, on=NOV_2020, kind="officer")
    assert new is not None and new.kind == "officer" and new.honorific == ""
    # A misspelt full name joins the closest person when nobody else is as close...
    assert people.resolve("Nick Johnsen", committee=cpc, on=NOV_2020).name == "Nick Johnson"
    # ...but a different surname initial is never merged, however close the rest is.
    assert people.resolve("Nick Bohnson", committee=cpc, on=NOV_2020).name == "Nick Bohnson"


def test_slug_collisions_get_a_suffix(committee_2020) -> None:
    people, cpc = committee_2020
    a = people.resolve("Sam Lee", committee=cpc, on=NOV_2020, kind="officer")
    b = people._create(split_name("Sam Lee"), "officer")
    assert a is not None and (a.slug, b.slug) == ("sam-lee", "sam-lee-2")


def test_resolver_state_survives_a_new_instance(committee_2020) -> None:
    people, cpc = committee_2020
    people.resolve("Cllr Jasmin Ali", committee=cpc, on=NOV_2020)
    fresh = PeopleResolver(cpc.council)
    assert fresh.resolve("Jasmin Ali", committee=cpc, on=NOV_2020).name == "Jasmine Ali"
    assert fresh.resolve("the Chair", committee=cpc, on=NOV_2020).name == "Jasmine Ali"


def test_a_full_name_spells_out_a_person_known_by_initials(committee_2020) -> None:
    """Regression: "K Leonard" seen first, then "Kayleigh Leonard", made two people; the other
    order made one. The full name now spells out the person known by initials."""
    people, cpc = committee_2020
    first = people.resolve("Councillor P. Okafor", committee=cpc, on=NOV_2020, kind="councillor")
    assert first is not None and first.name == "P. Okafor"
    spelt = people.resolve("Councillor Priya Okafor", committee=cpc, on=NOV_2020)
    assert spelt is not None and spelt.pk == first.pk
    first.refresh_from_db()
    assert (first.name, first.given_name, first.slug) == ("Priya Okafor", "Priya", "p-okafor")
    assert people.resolve("Cllr P Okafor", committee=cpc, on=NOV_2020) == first
    assert m.Person.objects.filter(family_name="Okafor").count() == 1
    # Initials that do not fit, or a person of the other sex, are someone else.
    people.resolve("Mr R. Grant", committee=cpc, on=NOV_2020)
    assert people.resolve("Mrs Ruth Grant", committee=cpc, on=NOV_2020).name == "Ruth Grant"
    assert m.Person.objects.filter(family_name="Grant").count() == 2
    people.resolve("Councillor S. Hale", committee=cpc, on=NOV_2020)
    assert people.resolve("Councillor Tom Hale", committee=cpc, on=NOV_2020).name == "Tom Hale"


def test_namesakes_of_either_sex_resolve_apart(committee_2020) -> None:
    people, cpc = committee_2020
    ms = people.resolve("J Meade", honorific="Ms", committee=cpc, on=NOV_2020)
    mr = people.resolve("J Meade", honorific="Mr", committee=cpc, on=NOV_2020)
    assert ms is not None and mr is not None and ms.pk != mr.pk
    assert people.resolve("J Meade", honorific="Mrs", committee=cpc, on=NOV_2020) == ms
    assert people.resolve("Meade", honorific="Mr", committee=cpc, on=NOV_2020) == mr
