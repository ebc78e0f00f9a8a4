"""Names: honorifics, roles, lists of people."""

from __future__ import annotations

import pytest

from minutebook.parser.name_lists import split_name_list, split_name_title_run
from minutebook.parser.names import (
    PersonName,
    member_role,
    smart_title,
    split_honorific,
    split_person,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Councillor Jasmine Ali (Chair)", PersonName("Jasmine Ali", "Councillor", "Chair")),
        ("Cllr. Jane Doe", PersonName("Jane Doe", "Cllr", None)),
        ("County Councillor A Smith", PersonName("A Smith", "County Councillor", None)),
        ("Councillor Dr Jane Smith", PersonName("Jane Smith", "Councillor Dr", None)),
        (
            "Alasdair Smith, Director of Children and Families",
            PersonName("Alasdair Smith", None, "Director of Children and Families"),
        ),
        ("Mr R C Love, OBE", PersonName("R C Love", "Mr", None, "OBE")),
        (
            "N Smith - substitute for B Cabbell Manners",
            PersonName("N Smith", None, "substitute for B Cabbell Manners"),
        ),
        (
            "Florence Emakpose (Co-opted Member, non-voting)",
            PersonName("Florence Emakpose", None, "Co-opted Member, non-voting"),
        ),
    ],
)
def test_split_person(text: str, expected: PersonName) -> None:
    assert split_person(text) == expected


def test_split_honorific_needs_a_name_after_it() -> None:
    assert split_honorific("Councillor") == (None, "Councillor")
    assert split_honorific("Dr Stacy John-Legere") == ("Dr", "Stacy John-Legere")


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Chair", "chair"),
        ("Chairman", "chair"),
        ("Vice-chair", "vice-chair"),
        ("Vice Chairman", "vice-chair"),
        ("Co-opted", "co-opted"),
        ("Reserve", "reserve"),
        (None, "member"),
        ("Labour", "member"),
    ],
)
def test_member_role(role: str | None, expected: str) -> None:
    assert member_role(role) == expected


def names(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.honorific, p.role) for p in split_name_list(text)]


def test_list_with_commas_and_and() -> None:
    assert names("Councillors K. Hatton, J.W. Thomas and Mrs. M.R. Wilkinson.") == [
        ("K. Hatton", "Councillor", None),
        ("J.W. Thomas", "Councillor", None),
        ("M.R. Wilkinson", "Councillor Mrs", None),
    ]


def test_list_run_together_after_honorifics() -> None:
    assert names(
        "Councillor Jasmine Ali (Chair) Councillor Bill Williams (Vice-chair) Councillor Evelyn Akoto"
    ) == [
        ("Jasmine Ali", "Councillor", "Chair"),
        ("Bill Williams", "Councillor", "Vice-chair"),
        ("Evelyn Akoto", "Councillor", None),
    ]


def test_list_without_separators_is_paired() -> None:
    assert names("Francis Turkson Mark Kerr Tracey Harrison") == [
        ("Francis Turkson", None, None),
        ("Mark Kerr", None, None),
        ("Tracey Harrison", None, None),
    ]


def test_list_post_nominals_and_brackets() -> None:
    assert names(
        "Mr B J Sweetland (Chairman), Sir Paul Carter, CBE, Mr R C Love, OBE and Ms L Wright"
    ) == [
        ("B J Sweetland", "Mr", "Chairman"),
        ("Paul Carter", "Sir", None),
        ("R C Love", "Mr", None),
        ("L Wright", "Ms", None),
    ]
    # The honours are kept apart from the name, as printed.
    assert [p.post_nominals for p in split_name_list("Sir Paul Carter, CBE, Mr R C Love, OBE")] == [
        "CBE",
        "OBE",
    ]


def test_none_is_nobody() -> None:
    assert split_name_list("None") == []
    assert split_name_list("") == []


def test_name_title_run() -> None:
    run = (
        "Alasdair Smith, Director of Children and Families Tom Stevenson, Assistant Director, "
        "Quality and Performance Dr Stacy John-Legere, Designated Dr for Looked After Children "
        "Paula Thornton, Beverley Olamijulo and Poonam Patel, Constitutional Team"
    )
    assert [(p.name, p.honorific, p.role) for p in split_name_title_run(run)] == [
        ("Alasdair Smith", None, "Director of Children and Families"),
        ("Tom Stevenson", None, "Assistant Director, Quality and Performance"),
        ("Stacy John-Legere", "Dr", "Designated Dr for Looked After Children"),
        ("Paula Thornton", None, "Constitutional Team"),
        ("Beverley Olamijulo", None, "Constitutional Team"),
        ("Poonam Patel", None, "Constitutional Team"),
    ]


def test_smart_title() -> None:
    assert smart_title("CORPORATE PARENTING PANEL") == "Corporate Parenting Panel"
    assert smart_title("LICENSING SUB-COMMITTEE") == "Licensing Sub-Committee"
    assert smart_title("Health and Wellbeing Board") == "Health and Wellbeing Board"


def test_name_title_run_three_word_first_name_and_role_only_person() -> None:
    run = "Mary Jane Smith, Director of Finance Ann Lee, Head of Legal; the Virtual School Head"
    assert [(p.name, p.role) for p in split_name_title_run(run)] == [
        ("Mary Jane Smith", "Director of Finance"),
        ("Ann Lee", "Head of Legal"),
        ("Virtual School Head", "Virtual School Head"),
    ]
    # Mid-run, a third capitalised word is the end of the title before the name.
    assert [
        (p.name, p.role)
        for p in split_name_title_run("Director of Children and Families Alasdair Smith, Head")
    ] == [("Alasdair Smith", "Head")]


def test_plural_honorific_after_semicolon_and_welsh_honorifics() -> None:
    people = split_name_list(
        "Councillor J Fairbairn (Chairman); Councillors P Adeyemi, R Cole and T Vaughan"
    )
    assert [(p.name, p.honorific, p.role) for p in people] == [
        ("J Fairbairn", "Councillor", "Chairman"),
        ("P Adeyemi", "Councillor", None),
        ("R Cole", "Councillor", None),
        ("T Vaughan", "Councillor", None),
    ]
    (person,) = split_name_list("Cynghorydd / Councillor Rhian Evans (Cadeirydd / Chair)")
    assert (person.name, person.honorific, person.role) == (
        "Rhian Evans",
        "Councillor",
        "Cadeirydd / Chair",
    )
    assert [p.honorific for p in split_name_list("Cynghorwyr Sian Morgan, Huw Parry")] == [
        "Cynghorydd",
        "Cynghorydd",
    ]


@pytest.mark.parametrize("bullet", ["- ", "• ", "* ", "– "])
def test_a_list_bullet_is_not_part_of_the_name(bullet: str) -> None:
    assert split_person(f"{bullet}Councillor Anna Bell (Chair)") == PersonName(
        name="Anna Bell", honorific="Councillor", role="Chair"
    )


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Councillor Amy Bright (Chair) (Lab)", "Chair"),
        ("Councillor Ben Cole (Con)", None),
        ("Cllr Cat Dale (Lib Dem)", None),
        (
            "Councillor Fay Gold (Labour and Co-operative) (Cabinet Member for Children)",
            "Cabinet Member for Children",
        ),
        # Not a councillor: "(Independent)" may be the seat ("Independent Person").
        ("Mr Ian Jay (Independent)", "Independent"),
    ],
)
def test_a_councillors_party_is_not_a_role(text: str, role: str | None) -> None:
    assert split_person(text).role == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Mayor (Councillor Ann Lee)", PersonName("Ann Lee", "Councillor", "Mayor")),
        ("Deputy Mayor (Cllr B Ray)", PersonName("B Ray", "Cllr", "Deputy Mayor")),
        ("Councillor de la Mare", PersonName("de la Mare", "Councillor", None)),
        ("Rev Canon P Hill", PersonName("P Hill", "Rev Canon", None)),
    ],
)
def test_office_holders_particles_and_clergy(text: str, expected: PersonName) -> None:
    assert split_person(text) == expected


def test_a_name_in_brackets_stays_with_the_person_before_it() -> None:
    from minutebook.parser.name_lists import split_name_list

    people = split_name_list("Councillor Turner (for Councillor Underwood), Councillor Lee")
    assert [(p.name, p.honorific, p.role) for p in people] == [
        ("Turner", "Councillor", "for Councillor Underwood"),
        ("Lee", "Councillor", None),
    ]


def test_roles_in_brackets_before_a_dash_keep_the_printed_order() -> None:

    person = split_person("Councillor Jane Smith (Chair) – Ashby District Council")
    assert (person.name, person.role) == ("Jane Smith", "Chair; Ashby District Council")
    # A bracket after the dash belongs to the role there.
    later = split_person("Mr J Bloggs - Team Leader (Major Developments)")
    assert (later.name, later.role) == ("J Bloggs", "Team Leader (Major Developments)")
