"""Precision and recall of request detection and of report-back matching on a labelled set.

A labelled case (`tests/tracking/labelled/*.json`) is one resolution (or a
minuted discussion) with the requests a reader finds in it, and the later
agenda items that could answer them, each request labelled with the item
that really delivered it (or null). Candidate texts can be cut from a file
of the corpus by start and end markers, so real cases quote the real papers.

Detection: a predicted request is right when an expected one of the same kind
is unpaired. Delivery (draft agendas excepted: the work plan comparison
covers them): a true positive is a predicted delivery by the labelled item; a
delivery by any other item is a false positive; a labelled delivery not found
is a false negative.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from minutebook.tracking.matching import Candidate, best_match
from minutebook.tracking.requests_detect import detect_requests

DEFAULT_LABELLED_DIR = Path.cwd() / "tests" / "tracking" / "labelled"


def _candidate_text(spec: dict[str, Any], root: Path) -> str:
    if "text" in spec:
        return str(spec["text"])
    source = spec.get("text_from")
    if not source:
        return ""
    path = root / source["file"]
    text = path.read_text(encoding="utf-8")
    start = text.index(source["start"])
    end = text.index(source["end"], start + 1) if source.get("end") else len(text)
    return text[start:end]


def _ratio(tp: int, other: int) -> float:
    return tp / (tp + other) if tp + other else 1.0


def evaluate_case(case: dict[str, Any], root: Path) -> dict[str, Any]:
    made_on = dt.date.fromisoformat(case["meeting_date"])
    predicted = detect_requests(case["text"], made_on, minuted=case.get("minuted", False))
    candidates = [
        Candidate(
            key=str(c["key"]),
            meeting_date=dt.date.fromisoformat(c["meeting_date"]),
            title=c["title"],
            text=_candidate_text(c, root),
        )
        for c in case.get("candidates", [])
    ]
    committee = case.get("committee", "")
    counts = {"det_tp": 0, "det_fp": 0, "det_fn": 0, "del_tp": 0, "del_fp": 0, "del_fn": 0}
    errors: list[str] = []
    unused = list(range(len(predicted)))
    for expected in case["expected"]:
        pair = next((i for i in unused if predicted[i].kind == expected["kind"]), None)
        wanted = expected.get("delivered_by")
        if pair is None:
            counts["det_fn"] += 1
            errors.append(f"{case['name']}: missed {expected['kind']} request")
            if wanted and expected["kind"] != "draft_agenda":
                counts["del_fn"] += 1
            continue
        unused.remove(pair)
        counts["det_tp"] += 1
        if expected["kind"] == "draft_agenda":
            continue
        match = best_match(predicted[pair].topic, made_on, candidates, committee)
        got = match.candidate.key if match else None
        if got is not None and got == wanted:
            counts["del_tp"] += 1
        else:
            if got is not None:
                counts["del_fp"] += 1
                errors.append(f"{case['name']}: wrongly delivered by {got} (expected {wanted})")
            if wanted:
                counts["del_fn"] += 1
                if got is None:
                    errors.append(f"{case['name']}: delivery by {wanted} not found")
    for i in unused:
        counts["det_fp"] += 1
        errors.append(
            f"{case['name']}: spurious {predicted[i].kind} request: {predicted[i].sentence[:80]}"
        )
        if predicted[i].kind != "draft_agenda" and best_match(
            predicted[i].topic, made_on, candidates, committee
        ):
            counts["del_fp"] += 1
    return {"counts": counts, "errors": errors}


def evaluate_dir(folder: Path, root: Path | None = None) -> dict[str, Any]:
    """Evaluate every `*.json` case in `folder`; corpus paths are relative to `root` (the repo)."""
    root = root or folder.resolve().parents[2]
    totals = {"det_tp": 0, "det_fp": 0, "det_fn": 0, "del_tp": 0, "del_fp": 0, "del_fn": 0}
    errors: list[str] = []
    files = sorted(folder.glob("*.json"))
    cases = 0
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data if isinstance(data, list) else [data]:
            cases += 1
            result = evaluate_case(case, root)
            for k, v in result["counts"].items():
                totals[k] += v
            errors += result["errors"]
    return {
        "cases": cases,
        "detection": {
            "tp": totals["det_tp"],
            "fp": totals["det_fp"],
            "fn": totals["det_fn"],
            "precision": _ratio(totals["det_tp"], totals["det_fp"]),
            "recall": _ratio(totals["det_tp"], totals["det_fn"]),
        },
        "delivery": {
            "tp": totals["del_tp"],
            "fp": totals["del_fp"],
            "fn": totals["del_fn"],
            "precision": _ratio(totals["del_tp"], totals["del_fp"]),
            "recall": _ratio(totals["del_tp"], totals["del_fn"]),
        },
        "errors": errors,
    }


def evaluate_figures_dir(folder: Path, root: Path | None = None) -> dict[str, Any]:
    """Figures read from a labelled span of a paper against the hand-labelled list.

    A figure is right when measure, value, unit and comparator all agree; its
    period is then checked separately (where the label gives one).
    """
    from minutebook.tracking.figures_extract import extract_from_text

    root = root or folder.resolve().parents[2]
    tp = fp = fn = period_ok = period_checked = 0
    errors: list[str] = []
    for path in sorted(folder.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        text = (root / case["file"]).read_text(encoding="utf-8")
        start = text.index(case["start"])
        end = text.index(case["end"], start)
        got = [
            (f.measure, f.value, f.unit, f.comparator, f.period.label if f.period else None)
            for f in extract_from_text(text[start:end])
        ]
        expected = [tuple(e) for e in case["expected"]]
        unused = list(range(len(got)))
        for measure, value, unit, comparator, period in expected:
            i = next(
                (i for i in unused if got[i][:4] == (measure, float(value), unit, comparator)),
                None,
            )
            if i is None:
                fn += 1
                errors.append(f"{path.name}: missed {measure} {value} {unit} {comparator}")
                continue
            unused.remove(i)
            tp += 1
            if period is not None:
                period_checked += 1
                if got[i][4] == period:
                    period_ok += 1
                else:
                    errors.append(
                        f"{path.name}: {measure} {value}: period {got[i][4]} (expected {period})"
                    )
        for i in unused:
            fp += 1
            errors.append(f"{path.name}: unexpected {got[i]}")
    return {
        "figures": {
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": _ratio(tp, fp),
            "recall": _ratio(tp, fn),
            "period_accuracy": period_ok / period_checked if period_checked else 1.0,
        },
        "errors": errors,
    }
