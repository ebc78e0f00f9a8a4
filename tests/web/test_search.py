"""Search: ranked, highlighted, filtered, phrase-aware, and safe with any input (both databases)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from minutebook.record import models as m
from minutebook.web.models import SearchEntry
from minutebook.web.search import highlight, reindex, search
from minutebook.web.search.query import MAX_TERMS, parse_query
from tests.sample_record import build_sample_record

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]

HOSTILE = [
    '"',
    '""',
    '"unclosed phrase',
    "foster AND OR NOT NEAR",
    "foster*",
    "(foster OR carer",
    ")))(((",
    "title:foster",
    "-foster +carer ^",
    "'; DROP TABLE web_searchentry; --",
    "\\ / | & ! : < > { } [ ]",
    "<script>alert(1)</script>",
    "🙂 fostering 🧒🏽",
    "🙂🙂🙂",
    "\x00\x02\x03 foster",
    "ĉarer Ångström naïve",
    "x" * 10_240,
    ("foster " * 2000),
    '"' + "a " * 5000 + '"',
]


def test_query_parsing_keeps_words_and_phrases_only() -> None:
    q = parse_query('foster "Placement   Stability" (OR) title:x -y')
    assert q.words == ("foster", "or", "title", "x", "y")
    assert q.phrases == (("placement", "stability"),)
    assert q.fts5() == '"foster" "or" "title" "x" "y" "placement stability"'
    assert len(parse_query("word " * 10_000).words) <= MAX_TERMS
    assert parse_query("🙂 ()").empty


def test_finds_documents_items_minutes_and_resolutions(record: dict[str, Any]) -> None:
    reindex()
    kinds = {r["kind"] for r in search("further progress report").results}
    assert "resolution" in kinds
    assert "minutes" in {r["kind"] for r in search("sufficiency").results}
    assert "agenda_item" in {r["kind"] for r in search("feedback inspections").results}
    assert "minute" in {r["kind"] for r in search("discussed sufficiency").results}


def test_results_are_ranked_title_matches_first(record: dict[str, Any]) -> None:
    reindex()
    results = search("inspections").results
    assert len(results) >= 2
    assert "inspection" in results[0]["title"].lower()


def test_phrase_query_is_exact(record: dict[str, Any]) -> None:
    reindex()
    assert search('"further progress report"').total >= 1
    assert search('"report progress further"').total == 0
    assert search("report progress further").total >= 1


def test_snippets_are_escaped_then_highlighted(record: dict[str, Any]) -> None:
    reindex()
    minute = record["minute"]
    minute.discussion = "Members said <b>fostering</b> <script>alert(1)</script> works well."
    minute.save()
    reindex()
    results = search("fostering", kinds=["minute"]).results
    assert results, "the minute should be found"
    snippet = str(results[0]["snippet_html"])
    assert '<mark class="mb-hit">' in snippet
    assert "<script>" not in snippet and "<b>" not in snippet
    if connection.vendor == "sqlite":  # PostgreSQL's headline drops markup tags altogether
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippet


def test_highlight_escapes_markup_and_closes_marks() -> None:
    assert (
        str(highlight("<b>x</b> \x02hit")) == '&lt;b&gt;x&lt;/b&gt; <mark class="mb-hit">hit</mark>'
    )


def test_filters_committee_date_and_kind(record: dict[str, Any]) -> None:
    reindex()
    committee = record["committee"]
    other_council = m.Council.objects.create(name="Elsewhere", slug="elsewhere")
    other = m.Committee.objects.create(council=other_council, name="Planning", slug="planning")
    assert search("sufficiency", committee_ids=[committee.pk]).total >= 1
    assert search("sufficiency", committee_ids=[other.pk]).total == 0
    assert search("sufficiency", committee_ids=[]).total == 0
    july = dt.date(2020, 7, 8)
    assert search("sufficiency", date_from=july, date_to=july).total >= 1
    assert search("sufficiency", date_from=dt.date(2021, 1, 1)).total == 0
    only = search("sufficiency", kinds=["resolution"]).results
    assert only == [] or {r["kind"] for r in only} == {"resolution"}
    assert {r["kind"] for r in search("progress", kinds=["resolution"]).results} == {"resolution"}


def test_search_page_filters_and_pages(record: dict[str, Any], visitor: Client) -> None:
    reindex()
    url = "/search.json?q=progress&committee=corporate-parenting-committee&from=2020-07-01&to=2020-07-31&kind=resolution"
    data = json.loads(visitor.get(url).content)
    assert data["total"] == 1
    assert data["filters"] == {
        "committee": "corporate-parenting-committee",
        "kind": "resolution",
        "from": "2020-07-01",
        "to": "2020-07-31",
    }
    bad = json.loads(visitor.get("/search.json?q=progress&from=last+tuesday&page=abc").content)
    assert bad["errors"] == [
        {"field": "from", "message": "Enter a date as YYYY-MM-DD, for example 2020-11-04"}
    ]
    assert bad["page"] == 1


def test_any_input_is_safe(record: dict[str, Any], visitor: Client) -> None:
    for text in HOSTILE:
        _check_hostile(visitor, text)
    # Search itself (not only the page) accepts them all.
    for text in HOSTILE:
        search(text)


def _check_hostile(visitor: Client, text: str) -> None:
    for url in ("/search/", "/search.json"):
        response = visitor.get(
            url,
            {
                "q": text,
                "committee": text[:300],
                "kind": text[:50],
                "from": text[:50],
                "page": text[:50],
            },
        )
        assert response.status_code == 200, (url, text[:40])
    html = visitor.get("/search/", {"q": text}).content.decode()
    assert "<script>alert(1)</script>" not in html


@pytest.mark.django_db(transaction=True)
def test_index_follows_the_record() -> None:
    """Signals note changes at commit; the next search applies them (no manual reindex)."""
    record = build_sample_record()
    search("anything")
    assert search("xylophone").total == 0
    minute = record["minute"]
    minute.discussion = "Members heard a xylophone recital."
    minute.save()
    assert search("xylophone").total == 1
    minute.delete()
    assert search("xylophone").total == 0


def test_reindex_is_idempotent(record: dict[str, Any]) -> None:
    first = reindex()
    assert first == SearchEntry.objects.count() > 0
    assert reindex() == first
    assert search("sufficiency").backend == (
        "postgresql-fts" if connection.vendor == "postgresql" else "sqlite-fts5"
    )


def test_common_words_are_counted_to_a_cap_and_ranked_in_a_window(
    record: dict[str, Any], monkeypatch: Any
) -> None:
    from minutebook.web.search import backends

    meeting = record["held"]
    minute = record["minute"]
    for order in range(10, 22):
        m.Resolution.objects.create(minute=minute, order=order, text=f"Sufficiency update {order}")
    reindex()
    exact = search("sufficiency")
    assert not exact.capped
    monkeypatch.setattr(backends, "COUNT_CAP", 5)
    monkeypatch.setattr(backends, "RANK_WINDOW", 4)
    capped = search("sufficiency")
    assert capped.capped and capped.total == 5
    assert 1 <= len(capped.results) <= 4
    # The window holds the newest matching passages: the last resolutions written.
    assert all(r["model"] == "resolution" for r in capped.results)
    assert search("sufficiency", date_to=meeting.date - dt.timedelta(days=1)).total == 0


def _paper(seed: int, marker: str) -> bytes:
    import random

    from minutebook.bench.archive import make_paper

    paper = make_paper(random.Random(seed), "Northbridge", "Cabinet", dt.date(2021, 3, 3), 12)
    text = paper.text.replace(
        "RECOMMENDATIONS\n", f"RECOMMENDATIONS\n\nMembers praised the {marker} pilot.\n\n", 1
    )
    return text.encode("utf-8")


@pytest.mark.django_db(transaction=True)
def test_an_ingest_batch_indexes_only_what_it_touched() -> None:
    """The end of a batch re-writes the touched sources' meetings, leaves every other row
    alone, and leaves the index fresh (the next search rebuilds nothing)."""
    from minutebook.record.ingest import IngestSummary, finish_batch, ingest_bytes
    from minutebook.web.models import SearchIndexState, SearchPending

    build_sample_record()
    reindex()
    before = set(SearchEntry.objects.values_list("id", flat=True))
    summary = IngestSummary()
    ingest_bytes(_paper(1, "zanzibarian"), "cabinet-2021-03-03.txt", summary)
    finish_batch(summary)
    assert not SearchIndexState.objects.get(pk=1).dirty
    assert not SearchPending.objects.exists()
    assert before <= set(SearchEntry.objects.values_list("id", flat=True))
    source = m.SourceFile.objects.get(original_name="cabinet-2021-03-03.txt")
    new_rows = SearchEntry.objects.exclude(id__in=before)
    assert new_rows.filter(source_id=source.pk).exists()
    assert search("zanzibarian").total >= 1
    # A newer version of the paper takes over the meeting: its rows are re-written.
    summary = IngestSummary()
    ingest_bytes(_paper(1, "quetzalcoatlian"), "cabinet-2021-03-03.txt", summary)
    finish_batch(summary)
    assert summary.touched_sources and source.pk in summary.touched_sources
    assert search("quetzalcoatlian").total >= 1
    assert before <= set(SearchEntry.objects.values_list("id", flat=True))
    assert not SearchIndexState.objects.get(pk=1).dirty
    # The incremental index holds exactly what a full rebuild holds.
    incremental = _index_contents()
    reindex()
    assert incremental == _index_contents()


def _index_contents() -> list[tuple[Any, ...]]:
    fields = ("model", "object_id", "line", "kind", "title", "body", "url", "closed", "meeting_id")
    return sorted(SearchEntry.objects.values_list(*fields))


@pytest.mark.django_db(transaction=True)
def test_moving_a_paper_re_indexes_both_meetings() -> None:
    record = build_sample_record()
    reindex()
    doc = record["report_doc"]
    old = doc.meeting_id
    new = record["upcoming"] if record["held"].pk == old else record["held"]
    doc.meeting = new
    doc.save()
    search("anything")  # applies the pending change
    rows = SearchEntry.objects.filter(model="document", object_id=doc.pk)
    assert rows.exists() and set(rows.values_list("meeting_id", flat=True)) == {new.pk}
    assert search("contents", date_from=new.date, date_to=new.date).total >= 1


def test_a_match_deep_in_a_long_passage_is_highlighted_in_its_snippet(
    record: dict[str, Any],
) -> None:
    """PostgreSQL cuts a long passage to a window around the query's first lexeme before
    ts_headline parses it (backends.HEADLINE_TEXT); the match must still be in the window."""
    from minutebook.web.search.backends import HEADLINE_TEXT

    minute = record["minute"]
    filler = "Members discussed the annual budget and the timetable for the review. " * 40
    minute.discussion = f"{filler}The panel praised the quarrying apprenticeships. {filler}"
    assert minute.discussion.index("quarrying") > 2 * HEADLINE_TEXT
    minute.save()
    reindex()
    for query in ("quarrying", "quarry apprenticeships", '"quarrying apprenticeships"'):
        found = [r for r in search(query).results if r["model"] == "minute"]
        assert found, query
        snippet = str(found[0]["snippet_html"])
        assert ">quarrying" in snippet and "</mark>" in snippet, (query, snippet)
        assert len(snippet) < 1000
