"""An agenda's lead officer column reaches the record and the meeting page."""

from __future__ import annotations

import pytest
from django.test import Client

from minutebook.record import models as m
from minutebook.record.ingest import finish_batch, ingest_bytes
from minutebook.web.links import meeting_url

AGENDA = b"""HOLLINFIELD COUNTY COUNCIL

CORPORATE PARENTING PANEL

Agenda for the meeting to be held on Wednesday, 8 July 2026 at 10.00 am in the Council Chamber.

AGENDA

Item No.\tSubject\tPage No.\tReport of
1.\tApologies for absence\t\t
2.\tMinutes of the meeting held on 4 June 2026\t3 - 8\tHead of Democratic Services
3.\tFostering Service Annual Report\t9 - 30\tDirector of Children's Services
4.\tWork Programme\t31 - 34
"""


@pytest.mark.db_both
def test_lead_officer_of_an_agenda_item_is_kept_and_shown(db: None) -> None:
    finish_batch(ingest_bytes(AGENDA, "panel-agenda.txt"))
    items = {i.number: i for i in m.AgendaItem.objects.all()}
    assert (items["3"].pages, items["3"].lead_officer) == (
        "9-30",
        "Director of Children's Services",
    )
    assert items["4"].lead_officer == ""
    client = Client()
    url = meeting_url(m.Meeting.objects.get())
    assert "Lead officer: Director of Children&#x27;s Services" in client.get(url).content.decode()
    twin = client.get(url.rstrip("/") + ".json").json()
    assert [i["lead_officer"] for i in twin["agenda"]] == [
        "",
        "Head of Democratic Services",
        "Director of Children's Services",
        "",
    ]
