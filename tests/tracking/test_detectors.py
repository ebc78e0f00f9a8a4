"""The pure detectors: requests, figures, commitments, matching, the work plan comparison, charts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutebook.tracking.charts import Point, line_chart
from minutebook.tracking.commitments_extract import (
    find_inspection_findings,
    find_self_evaluation,
    find_we_will,
)
from minutebook.tracking.figures_extract import (
    extract_from_table,
    extract_from_text,
    find_periods,
    tables_in_text,
)
from minutebook.tracking.matching import Candidate, best_match
from minutebook.tracking.requests_detect import detect_requests, draft_agenda_items
from minutebook.tracking.workplan_compare import PlanEntry, compare_plan

NOV = dt.date(2018, 11, 5)


@pytest.mark.parametrize(
    ("text", "kind", "due_kind", "due_date"),
    [
        (
            "That a further progress report be provided at the next meeting on X systems.",
            "report",
            "next_meeting",
            None,
        ),
        (
            "That officers provide the necessary statistics to the committee on CAMHS.",
            "information",
            "unspecified",
            None,
        ),
        (
            "That a representative from the youth council be invited to attend the next meeting.",
            "invitation",
            "next_meeting",
            None,
        ),
        (
            "That a workshop on housing be arranged by the end of January.",
            "workshop",
            "date",
            dt.date(2019, 1, 31),
        ),
        (
            "Resolved – that a report on school transport be brought to the meeting on 12 March 2019.",
            "report",
            "meeting",
            dt.date(2019, 3, 12),
        ),
        (
            "AGREED: that officers report back within six months.",
            "report",
            "date",
            dt.date(2019, 5, 5),
        ),
        (
            "That the draft agenda for 26 February 2019 be agreed as follows:",
            "draft_agenda",
            "meeting",
            dt.date(2019, 2, 26),
        ),
    ],
)
def test_request_shapes(text, kind, due_kind, due_date):
    [found] = detect_requests(text, NOV)
    assert (found.kind, found.due_kind, found.due_date) == (kind, due_kind, due_date)
    assert found.sentence


@pytest.mark.parametrize(
    "text",
    [
        "That the contents of the report be noted.",
        "That it be noted that a workshop will take place towards the end of August.",
        "That the minutes of the meeting held on 4 July 2018 be approved as a correct record.",
        "That the committee notes the report provided by officers.",
        "That the recommendations be agreed.",
    ],
)
def test_not_requests(text):
    assert detect_requests(text, NOV) == []


def test_minuted_request_needs_someone_to_ask():
    assert (
        detect_requests("The dashboard shows statistics provided by officers.", NOV, minuted=True)
        == []
    )
    [found] = detect_requests(
        "Members requested that further data on exclusions be provided.", NOV, minuted=True
    )
    assert found.kind == "information"


def test_actor_and_topic():
    [found] = detect_requests(
        "That the Director of Children's Services provide a report on foster carer recruitment at the next meeting.",
        NOV,
    )
    assert found.actor == "the Director of Children's Services"
    assert found.topic == "foster carer recruitment"


def test_draft_agenda_items_with_a_date_line():
    due_kind, due, titles = draft_agenda_items(
        "The draft agenda for the next meeting be noted as follows:\n\n26 February\n\n- A\n- B report.\n3. That x.",
        NOV,
    )
    assert (due_kind, due, titles) == ("meeting", dt.date(2019, 2, 26), ["A", "B report"])


def test_back_reference_beats_titles_and_needs_the_right_date():
    text = "2. At its meeting on 5 November 2018 members requested a report on missing children and return interviews."
    c = [
        Candidate("a", dt.date(2019, 2, 1), "Missing Children Return Interviews Policy"),
        Candidate("b", dt.date(2019, 2, 1), "Annual Report", text),
    ]
    match = best_match("missing children and return interviews", NOV, c)
    assert match is not None and (match.candidate.key, match.evidence) == ("b", "back_reference")
    wrong_date = [
        Candidate(
            "b", dt.date(2019, 2, 1), "Annual Report", text.replace("5 November", "6 December")
        )
    ]
    assert best_match("missing children and return interviews", NOV, wrong_date) is None


def test_title_match_needs_two_distinctive_words_and_a_later_meeting():
    later = [Candidate("x", dt.date(2019, 2, 1), "Health and Wellbeing Board Update")]
    assert best_match("the health of looked after children", NOV, later) is None
    earlier = [Candidate("y", dt.date(2018, 10, 1), "Short Breaks Review Outcomes")]
    assert best_match("the outcomes of the short breaks review", NOV, earlier) is None
    later = [Candidate("z", dt.date(2019, 2, 1), "Short Breaks Review Outcomes")]
    assert best_match("the outcomes of the short breaks review", NOV, later).candidate.key == "z"


def test_compare_plan_statuses():
    d1, d2, d3 = dt.date(2020, 1, 1), dt.date(2020, 3, 1), dt.date(2020, 6, 1)
    entries = [
        PlanEntry("1", d1, d2, "Fostering Annual Report"),
        PlanEntry("2", d1, d2, "Adoption Annual Report"),
        PlanEntry("3", d1, d2, "Sufficiency strategy"),
        PlanEntry("4", d1, d3, "Virtual School report"),
    ]
    agendas = {
        d2: [
            Candidate("i1", d2, "APOLOGIES"),
            Candidate("i2", d2, "FOSTERING SERVICE ANNUAL REPORT"),
            Candidate("i3", d2, "Youth Justice Plan"),
        ],
        dt.date(2020, 4, 1): [
            Candidate("i4", dt.date(2020, 4, 1), "Adoption Service Annual Report")
        ],
    }
    out = {(o.entry.title if o.entry else o.item.title): o for o in compare_plan(entries, agendas)}
    assert out["Fostering Annual Report"].status == "delivered"
    assert out["Adoption Annual Report"].status == "slipped"
    assert out["Adoption Annual Report"].slipped_to == dt.date(2020, 4, 1)
    assert out["Sufficiency strategy"].status == "dropped"
    assert out["Virtual School report"].status == "pending"
    assert out["Youth Justice Plan"].status == "unplanned"
    assert "APOLOGIES" not in out


def test_figures_prose_periods_comparators_and_units():
    figs = extract_from_text(
        "In April 2018 we had 492 looked after children this reduced and in November 2018 was 474 "
        "children and in December 2018 the dashboard shows this was 472 children.\n\n"
        "71% of 19-21 year old care leavers are in EET compared to 55% nationally (20/21).\n\n"
        "Rate of children in care is now at 68 per 10,000.\n\n"
        "The average length of care proceedings for 2020/21 was 40 weeks.\n\n"
        "The service spent £1.2m on agency placements in 2019/20."
    )
    got = [
        (f.measure, f.value, f.unit, f.period.label if f.period else None, f.comparator)
        for f in figs
    ]
    assert got == [
        ("cla_count", 492, "count", "April 2018", ""),
        ("cla_count", 474, "count", "November 2018", ""),
        ("cla_count", 472, "count", "December 2018", ""),
        ("care_leavers_eet", 71, "percent", "2020/21", ""),
        ("care_leavers_eet", 55, "percent", "2020/21", "national_average"),
        ("cla_rate", 68, "rate_per_10000", None, ""),
        ("care_proceedings_duration", 40, "weeks", "2020/21", ""),
        (None, 1_200_000, "pounds", "2019/20", ""),
    ]


def test_definitions_and_years_are_not_figures():
    figs = extract_from_text(
        "The percentage of children with 3 or more placement moves in 2019 aged 16 or over."
    )
    assert figs == []


def test_periods():
    labels = [
        p.label
        for _, p in find_periods("Apr to Nov 2018, 2019/20, 20/21, 2017-18, March 2021, in 2019")
    ]
    assert labels == ["Apr to Nov 2018", "2019/20", "2020/21", "2017/18", "March 2021", "2019"]


def test_table_figures_by_reason():
    text = "Reason for IRO Escalations Apr to Nov 2018:\tCount of\nCare plans\t38\nEducation\t8\nGrand Total\t46\n"
    [(header, rows, caption, _offset)] = tables_in_text(text)
    figs = extract_from_table(header, rows, caption)
    assert [(f.measure, f.breakdown, f.value) for f in figs] == [
        ("iro_escalations", "Care plans", 38),
        ("iro_escalations", "Education", 8),
        ("iro_escalations", "", 46),
    ]
    assert {f.period.label for f in figs} == {"Apr to Nov 2018"}
    assert extract_from_table(["Name", "Role"], [["A", "Chair"], ["B", "Member"]]) == []


def test_commitments():
    [we] = find_we_will(
        "5. **We will reduce the need for children to come into care by March 2022.**\n\nNumbers fell."
    )
    assert (we.text, we.timescale, we.evidence) == (
        "We will reduce the need for children to come into care by March 2022.",
        "by March 2022",
        "Numbers fell.",
    )
    se = find_self_evaluation(
        "\tWhat do we know?\tHow do we know?\tWhat are we going to do over the next 12 months?\n"
        "7.1\t<p>We know.</p>\t<p>Audits show it.</p>\t<p>Deliver training to all teams (July 2021).</p> <p>Review the panel process quarterly.</p>\n"
    )
    assert [(c.reference, c.timescale, c.evidence) for c in se] == [
        ("7.1", "July 2021", "Audits show it."),
        ("7.1", "next 12 months", "Audits show it."),
    ]
    findings = find_inspection_findings(
        "What needs to improve in this area of social work practice\n\n- The quality of plans.\n- Recording.\n\nFindings\n"
    )
    assert [f.text for f in findings] == ["The quality of plans.", "Recording."]


def test_chart_escapes_text_and_links_points():
    svg = line_chart(
        "c1",
        "<script>x</script>",
        "%",
        [
            Point(dt.date(2020, 1, 31), 10, "January 2020", "", "/sources/1/#L2"),
            Point(dt.date(2020, 3, 31), 12, "<b>March</b>", "national_average", None),
        ],
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'href="/sources/1/#L2"' in svg
    assert "<b>" not in svg


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_detectors_never_fail_on_any_text(text):
    base = "That a report on £12.5m and 40% of 12 children be provided by 3 March 2021.\n"
    for sample in (text, base + text, text + "\n\t7.1\t<p>x</p>\t<p>How do we know?</p>"):
        detect_requests(sample, NOV)
        detect_requests(sample, None, minuted=True)
        draft_agenda_items(sample, NOV)
        extract_from_text(sample)
        find_periods(sample)
        find_we_will(sample)
        find_self_evaluation(sample)
        find_inspection_findings(sample)
        for header, rows, caption, _ in tables_in_text(sample):
            extract_from_table(header, rows, caption)
