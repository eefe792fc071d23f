"""Problems a plan can have even when every key is well formed (`plancli check`)."""

from __future__ import annotations

from datetime import date

from plancli.model import Plan
from plancli.rules import ALL_RULES, BIRTH_DATE, EXTENSION_EVENT, RULES_BY_ID


def plan_problems(plan: Plan, today: date) -> list[str]:
    """Every inconsistency between events, each as `events[i]...: message` with what to do."""
    problems: list[str] = []
    index = {e.id: i for i, e in enumerate(plan.events)}
    for event in plan.events:
        where = f"events[{index[event.id]}]"
        if event.date > today:
            problems.append(
                f"{where}.date: {event.date.isoformat()} is after today "
                f"({today.isoformat()}); record events once they have happened"
            )
        if event.type == EXTENSION_EVENT:
            problems += _extension_problems(plan, where, event.fields.get("rule"), event.date)
        else:
            problems += _met_before_trigger(plan, where, event.type, event.date)
    return problems


def _extension_problems(plan: Plan, where: str, rule_id: object, on: date) -> list[str]:
    rule = RULES_BY_ID.get(str(rule_id))
    if rule is None or rule.age is not None:
        return []
    if not any(e.type in rule.triggers and e.date <= on for e in plan.events):
        return [
            f"{where}.rule: the extension is for {rule.id}, but no "
            f"{' or '.join(rule.triggers)} event comes on or before it; add that event "
            "or correct the rule"
        ]
    return []


def _met_before_trigger(plan: Plan, where: str, event_type: str, on: date) -> list[str]:
    """A 'met by' event dated before every trigger it could answer, though one comes later.

    No trigger at all is fine (a history recorded from the middle); a trigger only *after*
    the event usually means a mistyped date.
    """
    meets = [
        r
        for r in ALL_RULES
        if event_type in r.met_by and BIRTH_DATE not in r.triggers and event_type not in r.triggers
    ]
    triggers = [e for r in meets for e in plan.events if e.type in r.triggers]
    if not triggers or any(e.date <= on for e in triggers):
        return []
    starts = sorted({e.type for e in triggers})
    return [
        f"{where}.date: this {event_type} comes before the {' or '.join(starts)} event "
        "it answers; check both dates"
    ]
