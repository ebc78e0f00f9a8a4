"""The JSON Schema of `minutebook parse --json` output, built in Python.

`python -m minutebook.parser.schema_gen` rewrites `schema/parse-output.schema.json`;
a test checks that the checked-in file equals `build_schema()`, so the two
cannot drift. When `models.py` gains a field, add it here and regenerate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "parse-output.schema.json"
_DEFS = "#/$defs/"
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_TIME = r"^([01]\d|2[0-3]):[0-5]\d$"


def ref(name: str) -> dict[str, Any]:
    return {"$ref": _DEFS + name}


def nstr() -> dict[str, Any]:
    return {"type": ["string", "null"]}


def obj(props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    """A closed object: unknown fields are errors, so renamed fields are caught."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(props) if required is None else required,
        "properties": props,
    }


def build_schema() -> dict[str, Any]:
    date = {"type": "string", "pattern": _DATE}
    ndate = {"type": ["string", "null"], "pattern": _DATE}
    ntime = {"type": ["string", "null"], "pattern": _TIME}
    line = {"type": "integer", "minimum": 1}
    npage = {"type": ["integer", "null"], "minimum": 1}
    defs = {
        "span": obj(
            {"first_line": line, "last_line": line, "first_page": npage, "last_page": npage}
        ),
        "meeting": obj(
            {"date": ndate, "time": ntime, "venue": nstr(), "online": {"type": ["boolean", "null"]}}
        ),
        "member": obj(
            {
                "name": {"type": "string"},
                "honorific": nstr(),
                "role": {"enum": ["chair", "vice-chair", "member", "reserve", "co-opted"]},
                "voting": {"type": "boolean"},
                "span": ref("span"),
            }
        ),
        "contact": obj({"name": nstr(), "email": nstr(), "phone": nstr(), "span": ref("span")}),
        "agenda_item": obj(
            {
                "number": nstr(),
                "title": {"type": "string"},
                "pages": {"type": ["string", "null"], "pattern": r"^\S+(-\S+)?$"},
                "time": ntime,
                "part": ref("part"),
                "description": nstr(),
                "lead_officer": nstr(),
                "span": ref("span"),
            }
        ),
        "attendee": obj(
            {
                "name": {"type": "string"},
                "honorific": nstr(),
                "status": {"enum": ["present", "apologies", "absent"]},
                "capacity": {"enum": ["member", "substitute", "co-opted", "officer", "other"]},
                "role": nstr(),
                "replaces": nstr(),
                "post_nominals": nstr(),
                "span": ref("span"),
            }
        ),
        "declaration": obj(
            {
                "name": nstr(),
                "item": nstr(),
                "text": {"type": "string"},
                "kind": nstr(),
                "span": ref("span"),
            }
        ),
        "numbered_text": obj({"number": nstr(), "text": {"type": "string"}, "span": ref("span")}),
        "minute_item": obj(
            {
                "number": nstr(),
                "title": {"type": "string"},
                "resolutions": {"type": "array", "items": {"type": "string"}},
                "resolution_details": {"type": "array", "items": ref("numbered_text")},
                "discussion": {"type": "string"},
                "reasons": {"type": "string"},
                "part": ref("part"),
                "span": ref("span"),
            }
        ),
        "section": obj(
            {
                "heading": {"type": "string"},
                "text": {"type": "string"},
                "span": ref("span"),
                "level": {"type": ["integer", "null"], "minimum": 1},
            },
            required=["heading", "text", "span"],
        ),
        "table": obj(
            {
                "caption": nstr(),
                "header": {"type": "array", "items": {"type": "string"}},
                "rows": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
                "span": ref("span"),
            }
        ),
        "audit_trail": obj(
            {
                "lead_officer": nstr(),
                "report_author": nstr(),
                "version": nstr(),
                "dated": ndate,
                "key_decision": {"type": ["boolean", "null"]},
                "consultation": {"type": "array", "items": ref("consultation_row")},
                "final_report_sent": ndate,
                "span": {"oneOf": [ref("span"), {"type": "null"}]},
            }
        ),
        "consultation_row": obj(
            {
                "officer": {"type": "string"},
                "comments_sought": {"type": ["boolean", "null"]},
                "comments_included": {"type": ["boolean", "null"]},
                "span": ref("span"),
            }
        ),
        "work_plan_entry": obj(
            {
                "meeting_date": date,
                "items": {"type": "array", "items": {"type": "string"}},
                "span": ref("span"),
            }
        ),
        "part": {"enum": ["open", "closed"]},
    }
    base: dict[str, Any] = {
        "kind": {
            "enum": [
                "agenda",
                "minutes",
                "report",
                "letter",
                "decision",
                "distribution_list",
                "other",
            ]
        },
        "subkind": {
            "enum": [
                "front_sheet",
                "order_of_business",
                "supplemental_agenda",
                "minutes",
                "report",
                "appendix",
                "work_plan",
                "letter",
                "decision_notice",
                "distribution_list",
                "other",
            ]
        },
        "title": nstr(),
        "committee": nstr(),
        "council": nstr(),
        "meeting": ref("meeting"),
        "span": ref("span"),
        "part": ref("part"),
        "warnings": {"type": "array", "items": {"type": "string"}},
        "work_plan": {"type": "array", "items": ref("work_plan_entry")},
    }
    agenda: dict[str, Any] = {
        "supplement": {"type": ["integer", "null"], "minimum": 1},
        "published": ndate,
        "membership": {"type": "array", "items": ref("member")},
        "contacts": {"type": "array", "items": ref("contact")},
    }
    minutes: dict[str, Any] = {
        "attendance": {"type": "array", "items": ref("attendee")},
        "declarations": {"type": "array", "items": ref("declaration")},
        "end_time": ntime,
        "signed_by_chair": nstr(),
        "signed_date": ndate,
        "signature_span": {"oneOf": [ref("span"), {"type": "null"}]},
        "preamble": {"type": "string"},
        "preamble_span": {"oneOf": [ref("span"), {"type": "null"}]},
    }
    report: dict[str, Any] = {
        "item_number": nstr(),
        "classification": nstr(),
        "exempt_paragraph": nstr(),
        "date": ndate,
        "meeting_name": nstr(),
        "wards": nstr(),
        "from": nstr(),
        "recommendations": {"type": "array", "items": {"type": "string"}},
        "recommendation_details": {"type": "array", "items": ref("numbered_text")},
        "sections": {"type": "array", "items": ref("section")},
        "audit_trail": {"oneOf": [ref("audit_trail"), {"type": "null"}]},
        "appendices": {"type": "array", "items": {"type": "string"}},
        "summary": nstr(),
        "addressee": nstr(),
    }
    props: dict[str, Any] = dict(base)
    props.update(agenda)
    props.update(minutes)
    props.update(report)
    props["items"] = {"type": "array"}
    props["tables"] = {"type": "array", "items": ref("table")}
    defs["document"] = {
        "type": "object",
        "additionalProperties": False,
        "required": list(base),
        "properties": props,
        "dependentRequired": {
            "membership": ["supplement", "published", "contacts", "items"],
            "attendance": ["declarations", "items", "end_time"],
            "item_number": [
                "classification",
                "exempt_paragraph",
                "date",
                "meeting_name",
                "wards",
                "from",
                "recommendations",
                "recommendation_details",
                "sections",
                "tables",
                "audit_trail",
                "appendices",
                "summary",
                "addressee",
            ],
        },
        "allOf": [
            {
                "if": {"required": ["attendance"]},
                "then": {"properties": {"items": {"items": ref("minute_item")}}},
                "else": {"properties": {"items": {"items": ref("agenda_item")}}},
            },
            {
                "if": {
                    "not": {"anyOf": [{"required": ["membership"]}, {"required": ["attendance"]}]}
                },
                "then": {"not": {"required": ["items"]}},
            },
        ],
    }
    defs["source"] = obj(
        {
            "path": {"type": "string"},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "format": {"enum": ["text", "markdown", "html", "pdf", "docx", "xml"]},
            "size": {"type": "integer", "minimum": 1},
            "pages": npage,
            "encoding": nstr(),
        }
    )
    defs["result"] = obj(
        {
            "source": ref("source"),
            "parser_version": {"type": "string"},
            "adapter": nstr(),
            "warnings": {"type": "array", "items": {"type": "string"}},
            "documents": {"type": "array", "items": ref("document")},
            "text": {"type": "string"},
        },
        required=["source", "parser_version", "adapter", "warnings", "documents"],
    )
    defs["error"] = obj(
        {
            "source": obj({"path": {"type": "string"}}),
            "error": obj(
                {"code": {"type": "integer", "minimum": 1}, "message": {"type": "string"}}
            ),
        }
    )
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://minutebook.example/schema/parse-output.schema.json",
        "title": "minutebook parse output",
        "description": "Output of `minutebook parse PATH... --json`: one result object for one file; for several files an array holding a result, or an error object for a file that could not be read, per file in order. Lines and pages are 1-based; every span points into the normalised text of the source (included as `text` with --text). Dates are YYYY-MM-DD, times 24-hour HH:MM. Agenda documents carry supplement/published/membership/contacts/items (agenda items); minutes carry attendance/declarations/items (minute items)/end_time/signed_by_chair/signed_date/signature_span/preamble/preamble_span; reports carry item_number ... audit_trail; `tables` appears on reports and on other documents that have tables.",
        "oneOf": [
            ref("result"),
            {"type": "array", "items": {"oneOf": [ref("result"), ref("error")]}},
        ],
        "$defs": defs,
    }
    return schema


def main() -> None:
    SCHEMA_PATH.write_text(json.dumps(build_schema(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")


if __name__ == "__main__":
    main()
