"""`minutebook parse | health | golden`: output, documented exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from minutebook.parser import cli, pipeline, reading
from minutebook.parser.cli import main

SEED = "000_7766e353e14d0d52.txt"
PROSE = b"Recipes for summer: tomatoes, basil, olive oil and salt. Serve chilled with bread.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str) -> None:
    assert err.count("\n") == 1, err
    assert "Traceback" not in err


def test_parse_json_one_file(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, out, err = run(capsys, "parse", str(seeds_dir / SEED), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["source"]["path"].endswith(SEED)
    assert data["source"]["format"] == "text"
    assert data["documents"]
    assert "text" not in data


def test_parse_json_several_files_is_an_array(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, councils_dir: Path
) -> None:
    pdf = councils_dir / "03_kent-cabinet-agenda-frontsheet-2025-01-30.pdf"
    code, out, _ = run(capsys, "parse", "--json", "--text", str(seeds_dir / SEED), str(pdf))
    assert code == 0
    data = json.loads(out)
    assert [d["source"]["format"] for d in data] == ["text", "pdf"]
    assert data[1]["text"].startswith("AGENDA")


def test_parse_summary_without_json(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    code, out, _ = run(capsys, "parse", str(seeds_dir / SEED))
    assert code == 0
    assert out.startswith(str(seeds_dir / SEED) + ": text, ")
    assert "document(s)" in out


def test_missing_file_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "parse", "--json", str(tmp_path / "nope.txt"))
    assert code == 2 and out == ""
    assert_one_line_error(err)
    assert "no such file" in err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary" * 100, "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG"),
    ],
)
def test_unparsable_files_exit_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "paper.pdf"
    path.write_bytes(content)
    code, out, err = run(capsys, "parse", "--json", str(path))
    assert code == 3 and out == ""
    assert_one_line_error(err)
    assert words in err


def test_pdf_without_text_layer_exit_3(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    code, _, err = run(capsys, "parse", str(path))
    assert code == 3
    assert_one_line_error(err)
    assert "no text layer" in err


def test_too_large_input_exit_3(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(reading, "MAX_INPUT_BYTES", 1024 * 1024)
    path = tmp_path / "big.txt"
    path.write_bytes(b"Minutes of the Cabinet.\n" * 60_000)
    code, _, err = run(capsys, "parse", str(path))
    assert code == 3
    assert "limit" in err


def test_not_committee_papers_exit_4_and_still_prints(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "recipe.txt"
    path.write_bytes(PROSE)
    code, out, err = run(capsys, "parse", "--json", str(path))
    assert code == 4
    assert_one_line_error(err)
    assert "does not look like committee papers" in err
    assert json.loads(out)["documents"], "nothing is lost: the output is still printed"


def test_several_files_with_one_failure(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "parse", "--json", str(seeds_dir / SEED), str(tmp_path / "gone.txt")
    )
    assert code == 2
    data = json.loads(out)
    assert "documents" in data[0]
    assert data[1] == {
        "source": {"path": str(tmp_path / "gone.txt")},
        "error": {"code": 2, "message": f"{tmp_path / 'gone.txt'}: no such file"},
    }
    assert_one_line_error(err)


def test_internal_errors_are_one_line_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seeds_dir: Path
) -> None:
    def broken(path: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline, "parse_file", broken)
    code, out, err = run(capsys, "parse", str(seeds_dir / SEED))
    assert code == 1 and out == ""
    assert_one_line_error(err)
    assert "internal error (RuntimeError: a bug)" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "parse")
    assert code == 2 and "required" in err
    code, _, err = run(capsys, "parse", "--no-such-option", "x")
    assert code == 2 and "unrecognized" in err
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and "unknown parser command" in err


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", "--help")
    assert code == 0
    for text in ("Exit codes", "without a text layer", "committee papers"):
        assert text in out


def test_explain_lists_documents_and_lines(
    capsys: pytest.CaptureFixture[str], councils_dir: Path
) -> None:
    path = councils_dir / "08_gloucester-cabinet-moderngov-meeting-xml-2025-11-21.xml"
    code, out, _ = run(capsys, "parse", "--explain", str(path))
    assert code == 0
    assert "adapter: moderngov-xml" in out
    assert "document 1: agenda/order_of_business" in out
    assert "document 2: minutes/minutes" in out
    # the attendee line says what it became
    line = next(x for x in out.splitlines() if "Jon McGinty" in x and "attendance[" in x)
    assert "Jon McGinty (Managing Director, present, officer)" in line


def test_health_lists_papers_and_unreadable_ones(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_bytes((seeds_dir / SEED).read_bytes())
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.7 broken")
    (tmp_path / "README.md").write_text("not a paper")
    code, out, _ = run(capsys, "health", str(tmp_path))
    assert code == 3
    assert "a.txt" in out and "b.pdf" in out and "README" not in out
    assert "UNREADABLE" in out
    assert "TOTAL (2 papers, 1 unreadable)" in out
    assert "documents: front_sheet" in out


def test_real_command_has_no_traceback(tmp_path: Path) -> None:
    """Through the installed entry point, as a user runs it."""
    path = tmp_path / "junk.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from minutebook.cli import main; sys.exit(main())",
            "parse",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_exit_code_constants_match_the_docstring() -> None:
    doc = cli.__doc__ or ""
    for code in (
        cli.EXIT_OK,
        cli.EXIT_INTERNAL,
        cli.EXIT_UNREADABLE,
        cli.EXIT_UNPARSABLE,
        cli.EXIT_NOT_PAPERS,
    ):
        assert f"    {code}  " in doc


def test_parse_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seeds_dir: Path
) -> None:
    data = (seeds_dir / SEED).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "parse", "--json", "-")
    assert code == 0
    parsed = json.loads(out)
    assert parsed["source"]["path"] == "<stdin>"
    assert parsed["source"]["size"] == len(data)
