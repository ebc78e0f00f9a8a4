"""`minutebook parse | health | golden`: the parser's commands (no database).

    minutebook parse PATH... [--json] [--text]   parse papers; JSON object per file (array for several);
                                                  PATH - reads standard input; --text adds the normalised text
    minutebook parse --explain FILE               which lines became which document and element
    minutebook health [PATH...]                   per paper: documents, items, attendees, resolutions, warnings
    minutebook golden [--write]                   check (or rewrite) tests/golden/*.json

Exit codes:
    0  success
    1  internal error (a bug: please report it), or `golden` found mismatches
    2  usage error, or a file is missing or cannot be read
    3  the file cannot be parsed: empty, binary, unsupported format, damaged,
       too large, or a PDF without a text layer
    4  the file was read but does not look like committee papers (the JSON is
       still printed, with a warning)
With several files, every file is attempted and the exit code is the highest one met.
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_GOLDEN_MISMATCH = 1
EXIT_UNREADABLE = 2
EXIT_UNPARSABLE = 3
EXIT_NOT_PAPERS = 4


class _ArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage errors through the same one-line path as everything else."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_UNREADABLE)


def _parser(command: str) -> argparse.ArgumentParser:
    p = _ArgumentParser(
        prog=f"minutebook {command}",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        epilog=__doc__[__doc__.index("Exit codes") :] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if command == "parse":
        p.add_argument(
            "paths", nargs="+", metavar="PATH", help="files to parse (- reads standard input)"
        )
        p.add_argument(
            "--json", action="store_true", help="print the full JSON output (default: a summary)"
        )
        p.add_argument(
            "--text", action="store_true", help="with --json, include the normalised text"
        )
        p.add_argument("--explain", action="store_true", help="show which lines became what")
    elif command == "health":
        p.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            default=["corpus"],
            help="files or folders (default: corpus)",
        )
    elif command == "golden":
        p.add_argument(
            "--write", action="store_true", help="rewrite the golden files instead of checking them"
        )
    return p


def _summary_line(result: Any) -> str:
    kinds = ", ".join(d.subkind for d in result.documents) or "no documents"
    return f"{result.source.path}: {result.source.format}, {len(result.documents)} document(s): {kinds}"


def _cmd_parse(args: argparse.Namespace) -> int:
    from minutebook.parser.explain import explain
    from minutebook.parser.models import ParseError
    from minutebook.parser.pipeline import NOT_COMMITTEE_PAPERS, parse_bytes, parse_file

    outputs: list[dict[str, Any]] = []
    code = EXIT_OK
    for path in args.paths:
        try:
            result = (
                parse_bytes(sys.stdin.buffer.read(), "<stdin>") if path == "-" else parse_file(path)
            )
        except ParseError as exc:
            print(f"minutebook parse: {exc.message}", file=sys.stderr)
            code = max(code, exc.code)
            outputs.append(
                {"source": {"path": path}, "error": {"code": exc.code, "message": exc.message}}
            )
            continue
        if NOT_COMMITTEE_PAPERS in result.warnings:
            print(f"minutebook parse: {path}: {NOT_COMMITTEE_PAPERS}", file=sys.stderr)
            code = max(code, EXIT_NOT_PAPERS)
        if args.explain:
            print(explain(result))
        elif args.json:
            outputs.append(result.to_json(include_text=args.text))
        else:
            print(_summary_line(result))
            for warning in result.warnings:
                print(f"  warning: {warning}")
    if args.json and not args.explain:
        if len(args.paths) == 1:
            if outputs and "error" not in outputs[0]:
                print(json.dumps(outputs[0], indent=2, ensure_ascii=False))
        else:
            print(json.dumps(outputs, indent=2, ensure_ascii=False))
    return code


def _cmd_health(args: argparse.Namespace) -> int:
    from minutebook.parser.health import report

    listing, failures = report(args.paths)
    print(listing)
    return EXIT_UNPARSABLE if failures else EXIT_OK


def _cmd_golden(args: argparse.Namespace) -> int:
    from minutebook.parser.golden import REPO_ROOT, check, golden_sources, write_all

    if args.write:
        changed = write_all()
        for path in changed:
            print(f"wrote {path.relative_to(REPO_ROOT)}")
        print(f"{len(changed)} golden file(s) changed")
        return EXIT_OK
    mismatches = 0
    sources = golden_sources()
    for source in sources:
        result = check(source)
        if result.diff:
            mismatches += 1
            print(result.diff)
    print(
        f"{len(sources) - mismatches} of {len(sources)} golden files match"
        + ("; run `make golden` and review the diff" if mismatches else "")
    )
    return EXIT_GOLDEN_MISMATCH if mismatches else EXIT_OK


COMMANDS = {"parse": _cmd_parse, "health": _cmd_health, "golden": _cmd_golden}


def main(argv: Sequence[str]) -> int:
    """Run one parser command; `argv[0]` is the command name. Returns the exit code."""
    command = argv[0] if argv else ""
    if command not in COMMANDS:
        print(
            f"minutebook: unknown parser command {command!r} (parse, health, golden)",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    try:
        args = _parser(command).parse_args(list(argv[1:]))
        return COMMANDS[command](args)
    except SystemExit as exc:  # argparse --help and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_UNREADABLE
    except KeyboardInterrupt:
        print(f"minutebook {command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except MemoryError:
        print(f"minutebook {command}: out of memory", file=sys.stderr)
        return EXIT_UNPARSABLE
    except Exception as exc:
        # The boundary: a bug must not show a traceback to a user; a one-line report instead.
        print(
            f"minutebook {command}: internal error ({type(exc).__name__}: {exc}); please report it",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
