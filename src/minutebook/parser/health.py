"""`minutebook health [PATH...]`: what the parser finds in each paper of a corpus.

One line per paper (documents by kind, items, attendees, resolutions, and
more), then its warnings; a total at the end. Directories are walked for
files of the formats the parser reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from minutebook.parser.models import ParseError, ParseResult

SUPPORTED_SUFFIXES = frozenset(
    {".txt", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm", ".xml"}
)
# Corpus folders carry their own documentation next to the papers.
_NOT_PAPERS = ("readme", "sources", "license", "licence", "changelog")


def corpus_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The papers under `paths`, in sorted order; files named directly are always included."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if (
                    found.is_file()
                    and found.suffix.lower() in SUPPORTED_SUFFIXES
                    and not found.name.lower().startswith(_NOT_PAPERS)
                    and not any(part.startswith(".") for part in found.relative_to(path).parts)
                ):
                    yield found
        else:
            yield path


@dataclass
class PaperHealth:
    path: str
    error: str | None = None
    counts: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)


def measure(result: ParseResult) -> PaperHealth:
    health = PaperHealth(path=result.source.path)
    health.warnings.extend(result.warnings)
    for document in result.documents:
        health.kinds[document.subkind if document.subkind != document.kind else document.kind] += 1
        health.counts["documents"] += 1
        health.warnings.extend(
            f"document {document.kind} lines {document.span.first_line}-{document.span.last_line}: {w}"
            for w in document.warnings
        )
        if document.agenda:
            health.counts["items"] += len(document.agenda.items)
            health.counts["members"] += len(document.agenda.membership)
        if document.minutes:
            minutes = document.minutes
            health.counts["items"] += len(minutes.items)
            health.counts["attendees"] += len(minutes.attendance)
            health.counts["apologies"] += sum(a.status == "apologies" for a in minutes.attendance)
            health.counts["declarations"] += len(minutes.declarations)
            health.counts["resolutions"] += sum(len(i.resolutions) for i in minutes.items)
        if document.report:
            report = document.report
            health.counts["recommendations"] += len(report.recommendations)
            health.counts["tables"] += len(report.tables)
        health.counts["tables"] += len(document.tables)
        health.counts["work_plan"] += len(document.work_plan)
    return health


COLUMNS = (
    "documents",
    "items",
    "members",
    "attendees",
    "apologies",
    "resolutions",
    "declarations",
    "recommendations",
    "tables",
    "work_plan",
)
_SHORT = {
    "documents": "docs",
    "members": "memb",
    "attendees": "att",
    "apologies": "apol",
    "resolutions": "res",
    "declarations": "decl",
    "recommendations": "recs",
    "tables": "tabs",
    "work_plan": "wplan",
}


def report(paths: Iterable[str | Path]) -> tuple[str, int]:
    """The health listing and the number of papers that could not be read."""
    from minutebook.parser.pipeline import parse_file

    rows: list[PaperHealth] = []
    for path in corpus_files(paths):
        try:
            rows.append(measure(parse_file(path)))
        except ParseError as exc:
            rows.append(PaperHealth(path=str(path), error=exc.message))
        except Exception as exc:  # a parser bug on one paper must not hide the others
            rows.append(
                PaperHealth(path=str(path), error=f"internal error ({type(exc).__name__}: {exc})")
            )
    header = " ".join(f"{_SHORT.get(c, c):>5}" for c in COLUMNS)
    out = [f"{header}  paper"]
    totals: Counter[str] = Counter()
    failures = 0
    for row in rows:
        if row.error:
            failures += 1
            out.append(f"{'UNREADABLE':>{len(header)}}  {row.path}")
            out.append(f"      ! {row.error}")
            continue
        totals.update(row.counts)
        out.append(" ".join(f"{row.counts[c]:>5}" for c in COLUMNS) + f"  {row.path}")
        kinds = ", ".join(f"{k} x{n}" if n > 1 else k for k, n in row.kinds.items())
        out.append(f"      documents: {kinds or 'none'}")
        out.extend(f"      ! {w}" for w in row.warnings)
    out.append(
        " ".join(f"{totals[c]:>5}" for c in COLUMNS)
        + f"  TOTAL ({len(rows)} papers, {failures} unreadable)"
    )
    return "\n".join(out), failures
