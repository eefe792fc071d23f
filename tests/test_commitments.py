"""Contacts and promises (SPEC §8): validation with paths, commitments as deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from plancli.commitments import (
    COMMITMENT_RULE_ID,
    answer_to,
    commitment_deadlines,
    commitment_system,
    open_promises,
)
from plancli.contacts import CHANNELS, CONTACT_FIELDS, contact_problems
from plancli.deadlines import Status
from plancli.model import Child, Event, Plan
from plancli.rules import Kind, System

CHILD = Child("Maya Lopez", date(2019, 5, 14))


def kim_promise(event_id: str = "e2", day: str = "2026-09-10", by: str = "2026-09-17") -> Event:
    fields: dict[str, str | date] = {
        "with": "Principal Kim",
        "role": "principal",
        "channel": "phone",
        "direction": "received",
        "summary": "Called about the assessment plan.",
        "promised": "send the assessment plan",
        "promised_by": date.fromisoformat(by),
    }
    return Event(event_id, "contact", date.fromisoformat(day), fields=fields)


def answer(event_id: str, day: str, answers: str, event_type: str = "note") -> Event:
    return Event(event_id, event_type, date.fromisoformat(day), fields={"answers": answers})


def plan(*events: Event) -> Plan:
    return Plan(child=CHILD, events=events)


REQUESTED = Event("e1", "assessment-requested", date(2026, 9, 3))


# --- commitments ------------------------------------------------------------------------------


def test_a_promise_is_a_commitment_owed_by_the_person_named() -> None:
    (found,) = commitment_deadlines(plan(REQUESTED, kim_promise()), date(2026, 9, 12))
    assert found.rule.id == COMMITMENT_RULE_ID
    assert found.rule.kind is Kind.COMMITMENT
    assert found.rule.owed_by == "Principal Kim"
    assert found.rule.citation == ""
    assert found.rule.title == "send the assessment plan"
    assert found.id == "commitment:e2"
    assert found.due == date(2026, 9, 17)
    # 2026-09-12 → 2026-09-17 is 5 days: due-soon (1..7).
    assert (found.status, found.days_left) == (Status.DUE_SOON, 5)
    assert found.rule.system is System.IEP  # the earlier assessment-requested


@pytest.mark.parametrize(
    ("today", "answered_on", "status", "days_left"),
    [
        ("2026-09-09", None, Status.UPCOMING, 8),  # before the contact's own week: 8 days
        ("2026-09-17", None, Status.DUE_TODAY, 0),
        ("2026-09-18", None, Status.OVERDUE, -1),
        ("2026-09-30", "2026-09-15", Status.MET, -13),
        ("2026-09-30", "2026-09-17", Status.MET, -13),  # on the day: met
        ("2026-09-30", "2026-09-18", Status.MET_LATE, -13),
        ("2026-09-16", "2026-09-18", Status.DUE_SOON, 1),  # an answer after today is not yet
    ],
)
def test_commitment_status(
    today: str, answered_on: str | None, status: Status, days_left: int
) -> None:
    events: list[Event] = [REQUESTED, kim_promise()]
    if answered_on is not None:
        events.append(answer("e3", answered_on, "e2", "assessment-plan-received"))
    (found,) = commitment_deadlines(plan(*events), date.fromisoformat(today))
    assert (found.status, found.days_left) == (status, days_left)


def test_only_an_event_that_answers_this_contact_meets_it() -> None:
    events = (
        REQUESTED,
        kim_promise("e2"),
        kim_promise("e3", "2026-09-11", "2026-09-20"),
        answer("e4", "2026-09-12", "e3"),
        Event("e5", "assessment-plan-received", date(2026, 9, 13)),  # answers nothing
    )
    found = {d.trigger.event_id: d for d in commitment_deadlines(plan(*events), date(2026, 9, 30))}
    assert found["e2"].status is Status.OVERDUE
    assert found["e2"].met_by is None
    assert found["e3"].status is Status.MET
    assert found["e3"].met_by is not None
    assert found["e3"].met_by.id == "e4"
    assert [d.trigger.event_id for d in open_promises(list(found.values()))] == ["e2"]


def test_answer_before_the_contact_does_not_meet_it() -> None:
    events = (kim_promise("e2", "2026-09-10"), answer("e3", "2026-09-09", "e2"))
    assert answer_to(plan(*events), events[0], date(2026, 9, 30)) is None


def test_contacts_without_a_promise_start_nothing() -> None:
    quiet = Event("e2", "contact", date(2026, 9, 10), fields={"with": "Ms. Ortega"})
    assert commitment_deadlines(plan(REQUESTED, quiet), date(2026, 9, 12)) == []


def test_commitment_system() -> None:
    rc = Event("e1", "rc-intake-requested", date(2026, 9, 1))
    promised = kim_promise("e2")
    assert commitment_system(plan(rc, promised), promised) is System.RC
    own = Event("e3", "contact", date(2026, 9, 10), fields={"system": "early-start"})
    assert commitment_system(plan(rc, own), own) is System.EARLY_START
    later_only = kim_promise("e2", "2026-08-01")
    assert commitment_system(plan(rc, later_only), later_only) is System.RC
    assert commitment_system(plan(promised), promised) is System.IEP


# --- contact validation -----------------------------------------------------------------------


def test_a_full_contact_has_no_problems() -> None:
    event = kim_promise()
    assert contact_problems("events[3]", event.date, event.fields) == []
    assert {"with", "channel", "direction", "promised", "promised_by"} <= CONTACT_FIELDS
    assert CHANNELS == ("phone", "email", "letter", "meeting", "in-person", "portal", "text")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"channel": "fax"}, "events[3].channel: 'fax' is not one of phone, email"),
        ({"direction": "both"}, "events[3].direction: 'both' is not one of sent, received"),
        ({"with": "  "}, "events[3].with: write some text"),
        ({"promised": "call back", "with": "Kim"}, "events[3].promised_by: a promise needs"),
        ({"promised_by": "soon", "with": "Kim"}, "events[3].promised_by: 'soon' is not a date"),
        (
            {"promised_by": date(2026, 9, 1), "with": "Kim"},
            "events[3].promised_by: 2026-09-01 is before the contact itself (2026-09-10)",
        ),
        ({"promised_by": date(2026, 9, 12)}, "events[3].with: say who made the promise"),
        ({"system": "school"}, "events[3].system: 'school' is not one of iep, 504, rc"),
    ],
)
def test_contact_problems(fields: dict[str, object], expected: str) -> None:
    problems = contact_problems("events[3]", date(2026, 9, 10), fields)
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected)
