"""Validate OParl objects against the OParl 1.1 JSON schemas in corpus/oparl-schema.

The schemas name embedded objects with a non-standard `"schema": "File.json"`
hint that jsonschema ignores, so `validate_oparl` follows those hints itself:
an embedded Location, File, AgendaItem, Membership... is validated against its
own schema too. Formats `url`, `date` and `date-time` are checked as the spec
(chapter 2.4) defines them.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from jsonschema import Draft7Validator, FormatChecker

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "corpus" / "oparl-schema"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")

checker = FormatChecker()


@checker.checks("url")
def _is_url(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parsed = urlparse(value)
    return parsed.scheme in {"http", "https"} and bool(parsed.netloc)


@checker.checks("date")
def _is_date(value: object) -> bool:
    return not isinstance(value, str) or bool(DATE.match(value))


@checker.checks("date-time")
def _is_date_time(value: object) -> bool:
    return not isinstance(value, str) or bool(DATE_TIME.match(value))


@cache
def schema(kind: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{kind}.json").read_text())


@cache
def validator(kind: str) -> Draft7Validator:
    return Draft7Validator(schema(kind), format_checker=checker)


def kind_of(obj: dict[str, Any]) -> str:
    return str(obj["type"]).rsplit("/", 1)[-1]


def validate_oparl(obj: dict[str, Any], where: str = "") -> list[str]:
    """Every schema error of `obj` and of the objects embedded in it ([] when valid)."""
    kind = kind_of(obj)
    definition = schema(kind)
    errors = [
        f"{where or obj.get('id')}: {kind}.{'.'.join(map(str, e.path))}: {e.message}"
        for e in validator(kind).iter_errors(obj)
    ]
    for name, prop in definition["properties"].items():
        value = obj.get(name)
        hint = prop.get("schema") or prop.get("items", {}).get("schema")
        if not hint or not str(hint).endswith(".json"):
            continue
        embedded = value if isinstance(value, list) else [value]
        for item in embedded:
            if isinstance(item, dict):
                errors += validate_oparl(item, f"{obj.get('id')} -> {name}")
    return errors
