"""Self-evaluation action plans: one commitment per action, and no report of work done.

The sentences are those of corpus/seeds/004 (Southwark's self-evaluation), where the
"What are we going to do" cells mix actions with accounts of what was done.
"""

from __future__ import annotations

from minutebook.tracking.commitments_extract import (
    FoundCommitment,
    finest_actions,
    is_report_of_work_done,
)


def _row(text: str, reference: str = "") -> FoundCommitment:
    return FoundCommitment("self_evaluation", text, "", "", reference, -1)


def test_reports_of_work_done_are_not_commitments() -> None:
    for done in (
        "Two Social Workers in the 0-15 Service have completed a training programme in "
        "therapeutic life story work.",
        "This was put on hold due to restrictions during the pandemic.",
        "A number of meetings and trial lessons took place along with the development of "
        "some resources.",
        "The 16+ Service worked to develop a partnership with the Head of the History Department.",
    ):
        assert is_report_of_work_done(done), done
    for action in (
        "Continue to embed and track use of permanence planning workflow.",
        "Developing a cohort of specialist carers with access to 24/7 clinical support.",
        "This work was significantly impacted by the pandemic but will be resumed in Autumn 2021.",
        "Ensure that children who were placed out of borough keep their school place.",
        "Workshops on strengthening reunification to be held (Summer 2021).",
    ):
        assert not is_report_of_work_done(action), action


def test_a_cell_read_whole_and_as_sentences_gives_each_action_once() -> None:
    whole = _row(
        "Continue work and investment to ensure only children who need to be in care enter "
        "care. Undertake in depth analysis of reducing levels of entry to care.",
        "10.1",
    )
    first = _row(
        "Continue work and investment to ensure only children who need to be in care enter care."
    )
    second = _row("Undertake in depth analysis of reducing levels of entry to care.", "10.1")
    again = _row(second.text)
    done = _row("This was put on hold due to restrictions during the pandemic.")
    kept = finest_actions([whole, first, second, again, done])
    assert kept == [first, second]
    other = FoundCommitment("we_will", "We will keep this.", "", "", "", 0)
    assert finest_actions([other]) == [other]
