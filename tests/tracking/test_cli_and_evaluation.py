"""`minutebook track ...` and the labelled set's precision and recall."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from minutebook.tracking.evaluation import evaluate_dir

LABELLED = Path(__file__).parent / "labelled"


def test_labelled_set_precision_and_recall():
    result = evaluate_dir(LABELLED)
    assert result["cases"] >= 19
    # A wrong "delivered" hides a failure: delivery precision must be perfect on the set.
    assert result["delivery"]["fp"] == 0
    assert result["delivery"]["recall"] >= 0.8
    assert result["detection"]["precision"] >= 0.95
    assert result["detection"]["recall"] >= 0.9


def test_labelled_figures_precision_and_recall():
    from minutebook.tracking.evaluation import evaluate_figures_dir

    result = evaluate_figures_dir(Path(__file__).parent / "labelled_figures")["figures"]
    assert result["tp"] >= 49
    assert result["precision"] >= 0.9
    assert result["recall"] >= 0.9
    assert result["period_accuracy"] >= 0.9


def _run(*args: str) -> str:
    out = StringIO()
    call_command("track", *args, stdout=out)
    return out.getvalue()


def test_track_evaluate_command():
    out = _run("evaluate", str(LABELLED))
    assert "delivery: precision" in out and "labelled cases:" in out
    assert "figures: precision" in out


@pytest.mark.django_db
@pytest.mark.db_both
def test_track_commands_json(seeds):
    requests = json.loads(_run("requests", "--json"))
    delivered = next(r for r in requests if r["status"] == "delivered" and r["kind"] == "report")
    assert delivered["made_at"] == {"meeting_date": "2018-11-05", "item_number": "7"}
    assert delivered["due"]["kind"] == "next_meeting"
    assert delivered["delivered_by"]["meeting_date"] == "2019-02-26"
    assert delivered["delivered_by"]["item_number"] == "7"
    assert "ESCALATIONS" in delivered["delivered_by"]["title"]
    assert delivered["text"].startswith("That a further progress report")
    plan = json.loads(_run("workplan", "--json", "--committee", "corporate-parenting-committee"))
    row = next(r for r in plan if r["title"] == "Ofsted progress report")
    assert (row["planned_at"], row["planned_for"], row["status"]) == (
        "2018-11-05",
        "2019-02-26",
        "delivered",
    )
    assert row["item"]["number"] == "6"
    figures = json.loads(_run("figures", "--json"))
    assert any(f["measure"] == "cla_rate" and f["value"] == 68 for f in figures)
    commitments = json.loads(_run("commitments", "--json"))
    assert any(c["kind"] == "inspection" for c in commitments)
    assert "requests" in _run("requests")


@pytest.mark.django_db
def test_track_unknown_committee_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no committee"):
        _run("requests", "--committee", "nope")
