"""Promises as deadlines (SPEC §8): a contact with `promised_by` owes what was promised.

A commitment is not law: rule id `commitment`, kind `commitment`, owed by the person named in
`with`, no citation. It is met by the first event after the contact, up to today, whose
`answers` names the contact; its status is computed as for any deadline. The deadline
engine adds these with one call: `found += commitment_deadlines(plan, today)`.
"""

from __future__ import annotations

from datetime import date

from plancli.contacts import CONTACT_EVENT
from plancli.daycount import Count, Counting
from plancli.deadlines import Computation, Deadline, Step, StepKind, Trigger, status_of
from plancli.model import Event, Plan
from plancli.rules import EVENT_SYSTEMS, Kind, Period, Rule, System

COMMITMENT_RULE_ID = "commitment"
UNNAMED = "the person contacted"  # owed_by when `with` is missing (check reports it)


def commitment_deadlines(plan: Plan, today: date) -> list[Deadline]:
    """One deadline per contact event that records a promise, met ones included."""
    found = []
    for event in plan.events_by_date():
        promised_by = event.date_field("promised_by")
        if event.type == CONTACT_EVENT and promised_by is not None:
            found.append(_commitment(plan, event, promised_by, today))
    return found


def commitment_system(plan: Plan, contact: Event) -> System:
    """Which system a promise belongs to, for lanes and `--system`.

    The contact's own `system` field first; else the system of the event it `answers`; else
    that of the latest earlier event of a known system; else the plan's first such event's;
    else special education (a plan with only contacts in it is, in practice, about school).
    """
    own = contact.text_field("system")
    if own in {s.value for s in System}:
        return System(own)
    answered = plan.event(contact.text_field("answers") or "")
    if answered is not None and answered.type in EVENT_SYSTEMS:
        return EVENT_SYSTEMS[answered.type]
    known = [e for e in plan.events_by_date() if e.type in EVENT_SYSTEMS]
    earlier = [e for e in known if e.date <= contact.date]
    chosen = earlier[-1] if earlier else (known[0] if known else None)
    return EVENT_SYSTEMS[chosen.type] if chosen is not None else System.IEP


def promise_rule(plan: Plan, contact: Event, promised_by: date) -> Rule:
    """The commitment as a Rule, so every output shows it like any deadline."""
    who = contact.text_field("with") or UNNAMED
    what = contact.text_field("promised") or "what was promised"
    return Rule(
        id=COMMITMENT_RULE_ID,
        title=what,
        system=commitment_system(plan, contact),
        kind=Kind.COMMITMENT,
        triggers=(CONTACT_EVENT,),
        period=Period((promised_by - contact.date).days, Counting.CALENDAR),
        owed_by=who,
        met_by=(),
        citation="",
        sources=(),
        summary=f"{who} promised on {contact.date.isoformat()}: {what}.",
    )


def _commitment(plan: Plan, contact: Event, promised_by: date, today: date) -> Deadline:
    rule = promise_rule(plan, contact, promised_by)
    met_by = answer_to(plan, contact, today)
    steps = (
        Step(
            StepKind.PROMISED,
            day=contact.date,
            event=contact,
            name=rule.owed_by,
            other_day=promised_by,
        ),
    )
    return Deadline(
        rule=rule,
        trigger=Trigger(contact, contact.type, contact.date),
        computed=Computation(promised_by, rule.period, Count(promised_by), steps),
        due=promised_by,
        status=status_of(promised_by, met_by, today),
        days_left=(promised_by - today).days,
        met_by=met_by,
        extension=None,
        notes=(),
    )


def answer_to(plan: Plan, contact: Event, today: date) -> Event | None:
    """The first event on or after the contact, up to today, whose `answers` names it."""
    for event in plan.events_by_date():
        if (
            event is not contact
            and event.text_field("answers") == contact.id
            and contact.date <= event.date <= today
        ):
            return event
    return None


def open_promises(deadlines: list[Deadline]) -> list[Deadline]:
    """The commitments still open (for `summary` and the digest)."""
    return [d for d in deadlines if d.rule.kind is Kind.COMMITMENT and d.is_open]
