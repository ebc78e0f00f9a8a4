"""`minutebook parse | health | golden` (no database). Stub until the parser-input work lands."""

from __future__ import annotations

import json
import sys


def main(argv: list[str]) -> int:
    from minutebook.parser.models import ParseError
    from minutebook.parser.pipeline import parse_file

    command, paths = argv[0], [a for a in argv[1:] if not a.startswith("--")]
    if command != "parse":
        print(f"minutebook {command}: not implemented yet", file=sys.stderr)
        return 2
    out = []
    for path in paths:
        try:
            out.append(parse_file(path).to_json())
        except ParseError as exc:
            print(f"minutebook parse: {exc.message}", file=sys.stderr)
            return exc.code
    print(json.dumps(out[0] if len(out) == 1 else out, indent=2))
    return 0
