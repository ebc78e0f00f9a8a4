"""The published JSON Schema matches the output: every corpus paper validates, and it catches drift."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from minutebook.parser.golden import expected_json, golden_sources

SCHEMA_PATH = (
    Path(__file__).resolve().parents[2] / "src/minutebook/parser/schema/parse-output.schema.json"
)


@cache
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_errors(data: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(data)
    ]


@cache
def corpus_outputs() -> dict[str, dict[str, Any]]:
    # The same (cached) parses the golden test compares, so the corpus is parsed once per run.
    return {p.name: expected_json(p) for p in golden_sources()}


def test_the_corpus_is_all_there() -> None:
    names = set(corpus_outputs())
    assert len(names) >= 40
    assert {n.rsplit(".", 1)[1] for n in names} == {"txt", "md", "pdf", "xml"}


@pytest.mark.parametrize("name", sorted(p.name for p in golden_sources()))
def test_every_corpus_output_validates(name: str) -> None:
    assert schema_errors(corpus_outputs()[name]) == []


def test_the_issue_field_names_are_required_by_the_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    document = schema["$defs"]["document"]
    for field in ("kind", "title", "committee", "council", "meeting", "span", "work_plan"):
        assert field in document["required"]
    for field in (
        "supplement",
        "membership",
        "contacts",
        "items",
        "attendance",
        "declarations",
        "end_time",
    ):
        assert field in document["properties"]
    for field in (
        "item_number",
        "classification",
        "date",
        "meeting_name",
        "wards",
        "from",
        "recommendations",
        "sections",
        "tables",
        "audit_trail",
    ):
        assert field in document["properties"]
    assert set(schema["$defs"]["source"]["required"]) >= {"path", "sha256", "format"}


def _first_with(key: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A copy of the first corpus output with a document carrying `key`, and that document."""
    for output in corpus_outputs().values():
        for index, document in enumerate(output["documents"]):
            if key in document:
                copied = copy.deepcopy(output)
                return copied, copied["documents"][index]
    raise AssertionError(f"no document with {key!r} in the corpus")


@pytest.mark.parametrize(
    ("key", "mutate"),
    [
        ("committee", lambda d: d.pop("committee")),
        ("kind", lambda d: d.__setitem__("kind", "agendas")),
        ("meeting", lambda d: d["meeting"].__setitem__("date", "4 November 2020")),
        ("meeting", lambda d: d["meeting"].__setitem__("time", "2.00 pm")),
        ("span", lambda d: d["span"].__setitem__("first_line", 0)),
        ("span", lambda d: d.__setitem__("renamed_field", 1)),
        ("membership", lambda d: d.pop("contacts")),
        ("membership", lambda d: d.__setitem__("membership", [{"name": "X", "role": "boss"}])),
        ("attendance", lambda d: d.pop("end_time")),
        ("attendance", lambda d: d.__setitem__("attendance", [{"name": "X", "status": "here"}])),
        ("item_number", lambda d: d.pop("audit_trail")),
        (
            "work_plan",
            lambda d: d.__setitem__("work_plan", [{"meeting_date": "soon", "items": []}]),
        ),
    ],
)
def test_the_schema_rejects_drift(key: str, mutate: Any) -> None:
    output, document = _first_with(key)
    assert schema_errors(output) == []
    mutate(document)
    assert schema_errors(output), "the schema must reject this change"


def test_error_objects_of_a_multi_file_run_validate() -> None:
    good = next(iter(corpus_outputs().values()))
    bad = {"source": {"path": "x.bin"}, "error": {"code": 3, "message": "x.bin: binary"}}
    assert schema_errors([good, bad]) == []
    assert schema_errors(bad), "an error object alone is not a single-file result"


def test_the_checked_in_schema_is_the_generated_one() -> None:
    from minutebook.parser.schema_gen import build_schema

    stored = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert stored == build_schema(), (
        "run `python -m minutebook.parser.schema_gen` after changing schema_gen.py"
    )
