"""Vendor adapters: Modern.gov GetMeeting XML and Modern.gov HTML pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.parser.adapters import moderngov_html
from minutebook.parser.adapters.moderngov_xml import adapt_moderngov_meeting, is_moderngov_meeting
from minutebook.parser.models import ParseError, ParseResult
from minutebook.parser.pipeline import parse_bytes

XML_NAME = "08_gloucester-cabinet-moderngov-meeting-xml-2025-11-21.xml"


@pytest.fixture(scope="module")
def gloucester(councils_dir: Path) -> ParseResult:
    path = councils_dir / XML_NAME
    return parse_bytes(path.read_bytes(), path.name)


def test_xml_is_recognised_and_adapted(gloucester: ParseResult) -> None:
    assert gloucester.source.format == "xml"
    assert gloucester.adapter == "moderngov-xml"
    assert [d.kind for d in gloucester.documents] == ["agenda", "minutes"]
    for document in gloucester.documents:
        assert document.committee == "Cabinet"
        assert document.meeting.date == "2025-11-21"
        assert document.meeting.time == "12:30"
        assert (
            document.meeting.venue == "Civic Suite, North Warehouse, The Docks, Gloucester, GL1 2EP"
        )


def test_xml_agenda_items_and_membership(gloucester: ParseResult) -> None:
    agenda = gloucester.documents[0].agenda
    assert agenda is not None
    titles = [(i.number, i.title) for i in agenda.items]
    assert titles[0] == ("2", "Declarations of Interest")
    # Titles arrive double-escaped ("Members&amp;#39;"): read as an apostrophe.
    assert ("5", "Leader and Cabinet Members' Question Time (15 minutes)") in titles
    assert all(i.part == "open" for i in agenda.items)
    roles = {m.name: m.role for m in agenda.membership}
    assert roles["Jeremy Hilton"] == "chair"
    assert roles["Declan Wilson"] == "vice-chair"
    assert roles["Caroline Courtney"] == "member"
    assert len(agenda.membership) == 7  # officers are not members
    assert all(m.honorific == "Councillor" for m in agenda.membership)


def test_xml_minutes_attendance_resolutions_and_end(gloucester: ParseResult) -> None:
    minutes = gloucester.documents[1].minutes
    assert minutes is not None
    assert minutes.end_time == "17:05"
    by_name = {a.name: a for a in minutes.attendance}
    assert by_name["Jeremy Hilton"].status == "present"
    assert by_name["Jeremy Hilton"].capacity == "member"
    assert by_name["Jeremy Hilton"].role == "Chair"
    assert by_name["Jon McGinty"].capacity == "officer"
    assert by_name["Jon McGinty"].role == "Managing Director"
    assert by_name["Jon McGinty"].honorific is None
    last = minutes.items[-1]
    assert last.number == "55"
    # Trailing ";" or "." is the general resolution rules' business, not the adapter's.
    assert [r.text.rstrip(";.") for r in last.resolutions] == [
        "to submit to Government the Greater Gloucester/Gloucestershire proposal for Local Government "
        "Reorganisation in Gloucestershire, as per the advisory vote by Council",
        "to delegate to the Managing Director, in consultation with the Leader, the authority to make any "
        "necessary non-material amendments to the Final Proposal, to draft a covering letter, and submit "
        "the Final Proposal to the Secretary of State for Housing, Communities and Local Government",
    ]
    assert [r.number for r in last.resolutions] == ["1", "2"]
    assert minutes.items[0].resolutions == ()
    assert "no declarations of interest" in minutes.items[0].discussion
    # "There were no declarations of interest." is recorded as such, under its item.
    assert [(d.item, d.kind) for d in minutes.declarations] == [("51", "none")]


def test_xml_spans_point_at_the_rendered_text(gloucester: ParseResult) -> None:
    lines = gloucester.lines()
    minutes = gloucester.documents[1].minutes
    assert minutes is not None
    for attendee in minutes.attendance:
        assert attendee.name in lines[attendee.span.first_line - 1]
    for item in minutes.items:
        assert item.title in lines[item.span.first_line - 1]
        for resolution in item.resolutions:
            assert resolution.text in gloucester.span_text(resolution.span)
    agenda = gloucester.documents[0].agenda
    assert agenda is not None
    for agenda_item in agenda.items:
        assert agenda_item.title in lines[agenda_item.span.first_line - 1]
    assert "&lt;" not in gloucester.text and "<p" not in gloucester.text


def test_restricted_items_keep_only_their_title() -> None:
    xml = b"""<?xml version="1.0" encoding="utf-8"?>
<meeting><meetingid>1</meetingid><meetingdate>01/02/2024</meetingdate><meetingtime>10.00 am</meetingtime>
<meetinglocation>Town Hall</meetinglocation>
<agendaitems>
<agendaitem><agendaitemtitle>Open item</agendaitemtitle><agendaitemnumber>1</agendaitemnumber>
<agendatext>&lt;p&gt;Public text&lt;/p&gt;</agendatext><isrestricted>False</isrestricted>
<minutesitemnumber>1</minutesitemnumber><minutesnonemptyhtmlbody>&lt;p&gt;RESOLVED: That the report be noted.&lt;/p&gt;</minutesnonemptyhtmlbody></agendaitem>
<agendaitem><agendaitemtitle>Property disposal</agendaitemtitle><agendaitemnumber>2</agendaitemnumber>
<agendatext>&lt;p&gt;SECRET PRICE 1,000,000&lt;/p&gt;</agendatext><isrestricted>True</isrestricted>
<minutesitemnumber>2</minutesitemnumber><minutesnonemptyhtmlbody>&lt;p&gt;SECRET minutes&lt;/p&gt;</minutesnonemptyhtmlbody>
<decisionnonemptyhtmlbody>&lt;p&gt;RESOLVED: SECRET decision&lt;/p&gt;</decisionnonemptyhtmlbody></agendaitem>
</agendaitems><attendees/></meeting>"""
    assert is_moderngov_meeting(xml)
    adapted = adapt_moderngov_meeting(xml, "m.xml")
    assert "SECRET" not in adapted.text
    agenda = adapted.documents[0].agenda
    assert agenda is not None
    assert [(i.title, i.part) for i in agenda.items] == [
        ("Open item", "open"),
        ("Property disposal", "closed"),
    ]
    minutes = adapted.documents[1].minutes
    assert minutes is not None
    assert [i.title for i in minutes.items] == ["Open item"]
    assert [r.text for r in minutes.items[0].resolutions] == ["That the report be noted."]


def test_broken_xml_is_a_parse_error(councils_dir: Path) -> None:
    data = (councils_dir / XML_NAME).read_bytes()
    with pytest.raises(ParseError) as err:
        parse_bytes(data[: len(data) // 2], "cut.xml")
    assert err.value.code == 3
    assert "not well-formed" in err.value.message


def test_xml_with_a_nul_byte_is_a_one_line_parse_error() -> None:
    # lxml's message for a NUL byte inside a tag has a line break in it.
    xml = b'<?xml version="1.0"?>\n<meeting>\n<me\x00etingid>1</meetingid></meeting>'
    with pytest.raises(ParseError) as err:
        adapt_moderngov_meeting(xml, "nul.xml")
    assert err.value.code == 3
    assert "not well-formed" in err.value.message
    assert "\n" not in err.value.message


def test_xml_entities_are_not_expanded() -> None:
    xml = b"""<?xml version="1.0"?>
<!DOCTYPE meeting [<!ENTITY boom "BOOMBOOMBOOM">]>
<meeting><meetingid>1</meetingid><meetingdate>01/02/2024</meetingdate><agendaitems>
<agendaitem><agendaitemtitle>Item &boom;</agendaitemtitle><agendaitemnumber>1</agendaitemnumber></agendaitem>
</agendaitems></meeting>"""
    adapted = adapt_moderngov_meeting(xml, "e.xml")
    assert "BOOM" not in adapted.text


# -- Modern.gov HTML --------------------------------------------------------------------------

MODERNGOV_PAGE = b"""<!DOCTYPE html><html><head><title>Agenda for Corporate Parenting Panel on Tuesday, 3rd November, 2020</title></head>
<body><nav>Home | Councillors | Meetings</nav><div id="header">Site header text</div>
<div id="modgov"><div class="mgBreadCrumb">Home &gt; Meetings</div>
<h2>Agenda and minutes</h2><p>Venue: Town Hall, Moorgate Street. View directions</p>
<table><tr><td>1.</td><td><p>Minutes of the previous meeting held on 1 September 2020.
<a href="mgConvert2PDF.aspx?ID=1"><img alt="pdf icon" src="x.gif"> PDF 71 KB</a></p>
<p>RESOLVED: That the minutes be approved.</p></td></tr></table></div>
<div id="footer">Footer text</div></body></html>"""


def test_moderngov_page_keeps_content_and_drops_debris() -> None:
    result = parse_bytes(MODERNGOV_PAGE, "page.html")
    assert result.adapter == "moderngov-html"
    lines = result.lines()
    assert lines[0] == "Agenda for Corporate Parenting Panel on Tuesday, 3rd November, 2020"
    assert "Venue: Town Hall, Moorgate Street." in lines
    # The item is a layout row: number before its first paragraph, then each paragraph.
    first = lines.index("1.\tMinutes of the previous meeting held on 1 September 2020.")
    assert next(x for x in lines[first + 1 :] if x) == "RESOLVED: That the minutes be approved."
    for chrome in (
        "Site header text",
        "Footer text",
        "Home > Meetings",
        "PDF 71 KB",
        "Councillors",
    ):
        assert chrome not in result.text


def test_moderngov_debris_cleaner() -> None:
    assert (
        moderngov_html.clean_line("LAC October Update pdf icon PDF 230 KB") == "LAC October Update"
    )
    assert moderngov_html.clean_line("Minutes PDF 1.2 MB") == "Minutes"
    assert (
        moderngov_html.clean_line("A budget of 230 KB of storage")
        == "A budget of 230 KB of storage"
    )


def test_other_html_pages_do_not_use_the_adapter() -> None:
    result = parse_bytes(b"<html><body><p>Minutes of the Cabinet</p></body></html>", "p.html")
    assert result.adapter is None
    assert result.text == "Minutes of the Cabinet"


MODERNGOV_ITEMS = b"""<html><head><title>Agenda for Cabinet on Monday, 4th March, 2013</title></head><body>
<div id="modgov"><div class="mgContent"><h2 class="mgSubTitleTxt">Agenda and minutes</h2>
<table class="mgItemTable"><tr><th>No.</th><th>Item</th></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">161.</p></td>
<td><p class="mgAiTitleTxt">Minutes of the last meeting <a href="mgConvert2PDF.aspx?ID=9">PDF 94 KB</a></p>
<div class="mgWordPara"><p>To approve the minutes.</p></div>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>RESOLVED &ndash; That the minutes be approved.</p></div></td></tr>
</table></div></div></body></html>"""


def test_moderngov_item_rows_keep_their_paragraphs() -> None:
    lines = [x for x in parse_bytes(MODERNGOV_ITEMS, "items.html").lines() if x]
    assert lines == [
        "Agenda for Cabinet on Monday, 4th March, 2013",
        "Agenda and minutes",
        "No.\tItem",
        "161.\tMinutes of the last meeting",
        "To approve the minutes.",
        "Minutes:",
        "RESOLVED – That the minutes be approved.",
    ]
