"""The pipeline: stages assembled, warnings collected, partly understood input kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from minutebook.parser import pipeline
from minutebook.parser.lines import Block, make_lines
from minutebook.parser.models import Document, ParseError, ParseResult
from minutebook.parser.pipeline import (
    INTERNAL_ERROR,
    NOT_COMMITTEE_PAPERS,
    extract,
    fuller_council_names,
    looks_like_committee_papers,
    parse_bytes,
    parse_file,
)
from minutebook.parser.tables import find_tables
from minutebook.parser.workplan import extract_work_plan

PROSE = (
    "The quick brown fox jumps over the lazy dog. Recipes for a summer salad: tomatoes, basil,\n"
    "olive oil and salt. Serve chilled with fresh bread and a glass of lemonade in the garden.\n"
)


def assert_spans_inside(result: ParseResult) -> None:
    count = len(result.lines())
    previous_last = 0
    for document in result.documents:
        span = document.span
        assert 1 <= span.first_line <= span.last_line <= count
        assert span.first_line > previous_last, "documents overlap or are out of order"
        previous_last = span.last_line


def test_parse_file_of_a_seed_pack(seeds_dir: Path) -> None:
    result = parse_file(seeds_dir / "000_7766e353e14d0d52.txt")
    assert result.source.format == "text"
    assert result.source.encoding == "utf-8"
    assert len(result.source.sha256) == 64
    assert result.documents, "a pack yields documents"
    assert NOT_COMMITTEE_PAPERS not in result.warnings
    assert_spans_inside(result)
    assert len(result.line_pages) == len(result.lines())


def test_pdf_documents_carry_pages(councils_dir: Path) -> None:
    result = parse_file(councils_dir / "02_kent-corporate-parenting-panel-minutes-2024-12-10.pdf")
    assert result.source.pages == 6
    assert_spans_inside(result)
    assert result.documents[0].span.first_page == 1
    assert result.documents[-1].span.last_page == 6


def test_missing_and_directory_paths(tmp_path: Path) -> None:
    with pytest.raises(ParseError) as err:
        parse_file(tmp_path / "absent.txt")
    assert err.value.code == 2
    with pytest.raises(ParseError) as err:
        parse_file(tmp_path)
    assert err.value.code == 2


def test_prose_is_flagged_as_not_committee_papers() -> None:
    result = parse_bytes(PROSE.encode(), "fox.txt")
    assert NOT_COMMITTEE_PAPERS in result.warnings
    assert not looks_like_committee_papers(result)


def test_a_failing_extractor_keeps_the_document_and_warns(
    monkeypatch: pytest.MonkeyPatch, seeds_dir: Path
) -> None:
    def broken(block: Block) -> Document:
        raise ValueError("boom")

    monkeypatch.setitem(pipeline.EXTRACTORS, "minutes", broken)
    result = parse_file(seeds_dir / "000_7766e353e14d0d52.txt")
    minutes = [d for d in result.documents if d.subkind == "minutes"]
    assert minutes, "the pack still has its minutes document"
    assert minutes[0].warnings and minutes[0].warnings[0].startswith(f"{INTERNAL_ERROR} in broken")
    assert "ValueError: boom" in minutes[0].warnings[0]
    assert len(result.documents) > 1, "other documents are kept"


def test_a_failing_segmenter_gives_one_document_and_a_warning() -> None:
    # The segmenter is passed in, not patched: the compiled parser binds its calls early.
    def broken(lines: object) -> list[Block]:
        raise RuntimeError("segmenter bug")

    lines = make_lines("Minutes of the Cabinet\n\nRESOLVED: That the report be noted.\n")
    blocks, warnings = pipeline.split_documents(lines, broken)
    assert [b.kind for b in blocks] == ["other"] and blocks[0].lines == tuple(lines)
    assert [pipeline.extract(b).kind for b in blocks] == ["other"]
    assert len(warnings) == 1 and warnings[0].startswith(f"{INTERNAL_ERROR} in segment")


def test_other_documents_get_tables_and_work_plan() -> None:
    text = (
        "Reason for escalation\tNumber\n"
        "Care planning\t12\n"
        "Placement stability\t7\n"
        "Total\t19\n"
        "\n"
        "Work plan\n"
        "16 April 2024\n"
        "- Fostering annual report\n"
        "- Adoption annual report\n"
    )
    lines = tuple(make_lines(text))
    block = Block(kind="other", subkind="other", lines=lines)
    document = extract(block)
    assert document.tables == find_tables(lines)
    assert document.work_plan == extract_work_plan(lines)
    assert document.tables, "a tab-separated table with a header is found"
    assert document.to_json()["tables"][0]["rows"][-1] == ["Total", "19"]


def test_a_pack_gives_one_council_its_fuller_printed_name() -> None:
    def document(council: str | None) -> Document:
        block = Block(kind="other", subkind="other", lines=tuple(make_lines("Item")))
        return dataclasses.replace(extract(block), council=council)

    docs = (
        document("Oakhampton Borough Council"),
        document("Oakhampton Council"),
        document(None),
        document("Westmere County Council"),
    )
    assert [d.council for d in fuller_council_names(docs)] == [
        "Oakhampton Borough Council",
        "Oakhampton Borough Council",
        None,
        "Westmere County Council",
    ]
    # Two fuller names extend the short one: which is meant is unknown, so it stays.
    both = (*docs, document("Oakhampton Town Council"))
    assert fuller_council_names(both)[1].council == "Oakhampton Council"


def test_a_parse_result_survives_pickling_as_ingest_workers_send_it() -> None:
    import pickle

    seed = sorted(Path(__file__).parents[2].joinpath("corpus", "seeds").glob("*.txt"))[0]
    result = parse_bytes(seed.read_bytes(), seed.name)
    again = pickle.loads(pickle.dumps(result))
    assert again == result and again.to_json() == result.to_json()
    assert again.documents and type(again.documents[0]) is type(result.documents[0])


def test_every_parser_model_pickles_through_its_constructor() -> None:
    # A model missing from models.py's copyreg list would fail only in the compiled build,
    # and only where ingest workers send it back.
    import copyreg

    from minutebook.parser import models

    classes = [
        v for v in vars(models).values() if isinstance(v, type) and dataclasses.is_dataclass(v)
    ]
    assert len(classes) >= 20
    assert [c.__name__ for c in classes if c not in copyreg.dispatch_table] == []
