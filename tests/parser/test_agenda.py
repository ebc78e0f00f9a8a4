"""Order of business: item rows as PDF and Word text extraction gives them."""

from __future__ import annotations

from minutebook.parser.agenda import order_of_business
from minutebook.parser.lines import make_lines


def rows(source: str) -> list[tuple[str | None, str, str | None, str]]:
    return [(i.number, i.title, i.pages, i.part) for i in order_of_business(make_lines(source))]


def test_title_wrapped_in_its_table_cell_keeps_its_rest_and_pages() -> None:
    source = (
        "5.\tMINUTES\t1 - 4\n"
        "6.\tFEEDBACK FROM INSPECTIONS OF CHILDREN'S SOCIAL CARE AND YOUTH\n"
        "\n"
        "OFFENDING SERVICES ANNUAL REPORT\t5 - 9\n"
        "\n"
        "7.\tSUFFICIENCY STRATEGY\t10 - 12\n"
    )
    assert rows(source) == [
        ("5", "MINUTES", "1-4", "open"),
        (
            "6",
            "FEEDBACK FROM INSPECTIONS OF CHILDREN'S SOCIAL CARE AND YOUTH OFFENDING SERVICES "
            "ANNUAL REPORT",
            "5-9",
            "open",
        ),
        ("7", "SUFFICIENCY STRATEGY", "10-12", "open"),
    ]


def test_part_ii_exempt_heading_closes_the_items_after_it() -> None:
    source = (
        "AGENDA\n\nPART I\n\n1.\tApologies for Absence\n\n"
        "2.\tBudget Monitoring (Pages 5 - 20)\n\nPART II (exempt)\n\n3.\tContract Award (Pages 21 - 30)\n"
    )
    assert rows(source) == [
        ("1", "Apologies for Absence", None, "open"),
        ("2", "Budget Monitoring", "5-20", "open"),
        ("3", "Contract Award", "21-30", "closed"),
    ]


def test_an_exclusion_for_the_following_items_closes_them() -> None:
    source = (
        "6.\tWork Programme\t9 - 12\n"
        "7.\tExclusion of the Press and Public\n"
        "To resolve that the press and public be excluded for the following item, which "
        "involves exempt information as defined in Schedule 12A.\n"
        "8.\tResidential Placement Contract\t13 - 20\n"
    )
    assert [(n, p) for n, _, _, p in rows(source)] == [
        ("6", "open"),
        ("7", "open"),
        ("8", "closed"),
    ]


def test_the_standing_item_asking_whether_to_exclude_the_public_closes_nothing() -> None:
    source = (
        "3.\tExclusion of the Press and Public\n"
        "To consider whether the press and public should be excluded from the meeting during "
        "consideration of any part of the agenda.\n"
        "4.\tLooked After Children Update\t5 - 12\n"
    )
    assert [(n, p) for n, _, _, p in rows(source)] == [("3", "open"), ("4", "open")]


def test_rows_laid_out_with_spaces_split_at_the_gaps() -> None:
    source = (
        "3.     Minutes of the previous meeting                3 - 10\n"
        "4.     Children in Care Council - Presentation        Verbal\n"
        "5.     Annual Report 2024/25   of the Service        11 - 36\n"
    )
    assert rows(source) == [
        ("3", "Minutes of the previous meeting", "3-10", "open"),
        ("4", "Children in Care Council - Presentation", None, "open"),
        # A gap inside the title: the cells between the number and the pages are the title.
        ("5", "Annual Report 2024/25 of the Service", "11-36", "open"),
    ]


def test_an_order_of_business_of_bullets_gives_unnumbered_items() -> None:
    source = (
        "Membership\n- Councillor A Smith (Chair)\n- Councillor B Jones\n\n"
        "Agenda\n\n- Apologies for absence\n- Minutes of the meeting held on 11 June 2026\n"
        "- Children in Care Annual Report\n"
    )
    assert rows(source) == [
        (None, "Apologies for absence", None, "open"),
        (None, "Minutes of the meeting held on 11 June 2026", None, "open"),
        (None, "Children in Care Annual Report", None, "open"),
    ]
    # One bullet alone is no order of business.
    assert rows("Agenda\n\n- Apologies for absence\n") == []


def _presented(source: str) -> list[tuple[str | None, str, str | None, str | None]]:
    return [
        (i.number, i.title, i.pages, i.lead_officer) for i in order_of_business(make_lines(source))
    ]


def test_a_table_with_a_lead_officer_column_keeps_pages_and_presenter() -> None:
    # Plain text with tabs: the header names the columns, the page range is not last, a
    # row wraps its title and its officer onto a second line, a description stands alone.
    source = (
        "Item No.\tSubject\tPage No.\tReport of\n"
        "1.\tApologies for absence\t\t\n"
        "2.\tMinutes of the meeting held on 4 June\t3 - 8\tHead of Democratic\n"
        "\t2025\t\tServices\n"
        "3.\tFostering Service Annual Report\t9 - 30\tDirector of Children's Services\n"
        "\tTo note the performance of the fostering service in 2024/25.\n"
        "4.\tWork Programme\t31 - 34\n"
    )
    assert _presented(source) == [
        ("1", "Apologies for absence", None, None),
        ("2", "Minutes of the meeting held on 4 June 2025", "3-8", "Head of Democratic Services"),
        ("3", "Fostering Service Annual Report", "9-30", "Director of Children's Services"),
        ("4", "Work Programme", "31-34", None),
    ]
    assert order_of_business(make_lines(source))[2].description == (
        "To note the performance of the fostering service in 2024/25."
    )


def test_without_a_header_the_page_cell_is_found_before_a_trailing_cell() -> None:
    source = "5.\tAdoption Annual Report\t11 - 20\tAssistant Director\n6.\tAny other business\n"
    assert _presented(source) == [
        ("5", "Adoption Annual Report", "11-20", None),
        ("6", "Any other business", None, None),
    ]


def test_rows_laid_out_with_spaces_under_a_header_read_the_presenter() -> None:
    source = (
        "Item    Title                                  Pages      Lead officer\n"
        "7.      Virtual School Head's Report           35 - 52    Virtual School Head\n"
    )
    assert _presented(source) == [
        ("7", "Virtual School Head's Report", "35-52", "Virtual School Head"),
    ]


def test_agenda_for_the_meeting_to_be_held_on_a_date_gives_the_meeting() -> None:
    """Regression: a front sheet line starting "Agenda for the meeting to be held on ..." was
    taken for the start of the order of business, so the agenda had no date (and its items
    reached no meeting in the record)."""
    from minutebook.parser.pipeline import parse_bytes

    source = (
        "HOLLINFIELD COUNTY COUNCIL\n\nCORPORATE PARENTING PANEL\n\n"
        "Agenda for the meeting to be held on Wednesday, 8 July 2026 at 10.00 am in the "
        "Council Chamber.\n\nAGENDA\n\n1.\tApologies for absence\n2.\tWork Programme\t31 - 34\n"
    )
    (doc,) = parse_bytes(source.encode(), "agenda.txt").documents
    assert (doc.committee, doc.meeting.date, doc.meeting.time, doc.meeting.venue) == (
        "Corporate Parenting Panel",
        "2026-07-08",
        "10:00",
        "the Council Chamber",
    )
    assert doc.agenda is not None and [i.title for i in doc.agenda.items] == [
        "Apologies for absence",
        "Work Programme",
    ]
