"""Robustness: mutated corpus papers never crash the parser and always give schema-valid output.

Hypothesis drops, duplicates and shuffles lines, injects garbage, truncates
and re-encodes real papers. The parser may refuse input only with a
`ParseError` (unreadable input); anything else it must parse, with every span
inside the text and no internal-error warning (the pipeline turns a crashing
extractor into such a warning, so checking for it keeps this test honest).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.parser.golden import golden_sources
from minutebook.parser.models import ParseError
from minutebook.parser.pipeline import INTERNAL_ERROR, parse_bytes
from tests.parser.test_schema import schema_errors


@cache
def text_sources() -> list[tuple[str, str]]:
    return [
        (p.name, p.read_bytes().decode("utf-8"))
        for p in golden_sources()
        if p.suffix in {".txt", ".md"}
    ]


@cache
def binary_sources() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in golden_sources() if p.suffix in {".pdf", ".xml"}]


def all_spans(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            for key, value in current.items():
                if key == "span" and isinstance(value, dict):
                    found.append(value)
                else:
                    stack.append(value)
        elif isinstance(current, list):
            stack.extend(current)
    return found


def check(data: bytes, name: str) -> None:
    try:
        result = parse_bytes(data, name)
    except ParseError as exc:
        assert exc.code in {2, 3}, exc.message
        assert exc.message.strip() and "\n" not in exc.message
        return
    output = result.to_json()
    assert schema_errors(output) == []
    line_count = len(result.lines())
    assert len(result.line_pages) == line_count
    for span in all_spans(output):
        assert 1 <= span["first_line"] <= span["last_line"] <= line_count, span
    internal = [w for w in result.warnings if w.startswith(INTERNAL_ERROR)]
    internal += [w for d in result.documents for w in d.warnings if w.startswith(INTERNAL_ERROR)]
    assert internal == [], internal


GARBAGE = st.one_of(
    st.text(min_size=1, max_size=80),
    st.sampled_from(
        [
            "\x00\x01\x02",
            "\ufffd\ufffd",
            "<p><b>unclosed",
            "RESOLVED:",
            "Item No.\tTitle\tPage No.",
            "\t\t\t",
            "\f",
            "PART B - CLOSED BUSINESS",
            "Councillor (Chair)",
            "1.",
            "29 February 2023 at 25.61 pm",
            "| | | |",
            "## **",
            "MINUTES of the meeting held on",
        ]
    ),
)


@st.composite
def mutated_text(draw: st.DrawFn) -> tuple[str, bytes]:
    name, text = draw(st.sampled_from(text_sources()))
    lines = text.split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        op = draw(st.sampled_from(["drop", "duplicate", "shuffle", "inject", "truncate", "blank"]))
        if not lines:
            lines = [""]
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        j = draw(st.integers(min_value=i, max_value=min(len(lines), i + 40)))
        if op == "drop":
            del lines[i:j]
        elif op == "duplicate":
            lines[i:i] = lines[i:j]
        elif op == "shuffle":
            chunk = lines[i:j]
            lines[i:j] = draw(st.permutations(chunk)) if chunk else chunk
        elif op == "inject":
            lines.insert(i, draw(GARBAGE))
        elif op == "truncate":
            lines = lines[: max(i, 1)]
            lines[-1] = lines[-1][: draw(st.integers(min_value=0, max_value=len(lines[-1])))]
        else:
            lines[i:j] = [""] * (j - i)
    mutated = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]))
    data = mutated.encode(encoding, errors="replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(min_value=0, max_value=len(data)))]
    return name, data


@settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(mutated_text())
def test_mutated_text_papers_parse_or_fail_cleanly(case: tuple[str, bytes]) -> None:
    name, data = case
    check(data, name)


@st.composite
def damaged_binary(draw: st.DrawFn) -> tuple[str, bytes]:
    name, data = draw(st.sampled_from(binary_sources()))
    op = draw(st.sampled_from(["truncate", "flip", "splice"]))
    if op == "truncate":
        data = data[: draw(st.integers(min_value=0, max_value=len(data)))]
    elif op == "flip":
        buffer = bytearray(data)
        for _ in range(draw(st.integers(min_value=1, max_value=20))):
            k = draw(st.integers(min_value=0, max_value=len(buffer) - 1))
            buffer[k] = draw(st.integers(min_value=0, max_value=255))
        data = bytes(buffer)
    else:
        k = draw(st.integers(min_value=0, max_value=len(data)))
        data = data[:k] + draw(st.binary(min_size=1, max_size=200)) + data[k:]
    return name, data


@settings(
    max_examples=20, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(damaged_binary())
def test_damaged_pdf_and_xml_parse_or_fail_cleanly(case: tuple[str, bytes]) -> None:
    name, data = case
    check(data, name)


@settings(max_examples=40, deadline=None, database=None)
@given(
    st.binary(max_size=2000),
    st.sampled_from(["x.txt", "x.pdf", "x.md", "x.html", "x.xml", "x.docx", "x"]),
)
def test_arbitrary_bytes_parse_or_fail_cleanly(data: bytes, name: str) -> None:
    check(data, name)


@pytest.mark.parametrize(
    "data",
    [
        b"\n\n\n",
        b"\xff\xfe",  # a UTF-16 BOM and nothing else
        b"%PDF-1.7\n%%EOF",
        b"<html></html>",
        b'<?xml version="1.0"?><meeting><meetingid>1</meetingid></meeting>',
        "Councillor Ali (Chair)\n".encode("utf-32"),
        b"RESOLVED:\n" * 5000,
        b"\t" * 10000,
        ("a" * 200_000).encode(),  # one huge line
    ],
)
def test_edge_inputs(data: bytes) -> None:
    check(data, "edge.txt")
