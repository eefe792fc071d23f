"""Everything `plancli check` reports about a plan, at once, each with what to do.

`store` finds what is malformed (unknown event types, impossible dates, events before the
birth date, wrong types); this module adds what is inconsistent even when every key is well
formed (met-by events dated before their trigger, an extension for a rule with no trigger,
events in the future, overlapping school breaks), and runs on every event that could be read
even when others could not, so one run shows every problem.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plancli import store
from plancli.daycount import SchoolCalendar
from plancli.errors import PlancliError
from plancli.i18n import _
from plancli.model import Event, Plan
from plancli.rules import EXTENSION_EVENT, RULES_BY_ID


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One plan file's check: `error` when nothing could be checked, else every problem."""

    path: Path
    error: str | None
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    events: int = 0


def check_plan_file(path: Path, today: date) -> CheckResult:
    """Every problem of one plan file, malformed and inconsistent alike, in file order."""
    try:
        found = store.inspect_plan(path)
    except PlancliError as error:  # missing, unreadable, not YAML: nothing more to check
        return CheckResult(path, str(error))
    problems = [
        *found.problems,
        *event_problems(found.events, found.event_index, today),
        *_birth_problems(found.birth_date, today),
        *calendar_problems(found.calendar),
    ]
    return CheckResult(
        path,
        None,
        problems=tuple(sorted(problems, key=_file_order)),
        warnings=found.warnings,
        events=len(found.events),
    )


def plan_problems(plan: Plan, today: date) -> list[str]:
    """Every inconsistency of a valid plan, each as `events[i]...: message` with what to do."""
    index = {e.id: i for i, e in enumerate(plan.events)}
    problems = [
        *event_problems(plan.events, index, today),
        *_birth_problems(plan.child.birth_date, today),
        *calendar_problems(plan.calendar),
    ]
    return sorted(problems, key=_file_order)


def event_problems(events: Sequence[Event], index: Mapping[str, int], today: date) -> list[str]:
    """Events in the future, extensions without a trigger or ending before it, and responses
    dated before the trigger their `answers` names. `index` maps an event id to its position in
    the file."""
    problems: list[str] = []
    for event in events:
        where = f"events[{index.get(event.id, '?')}]"
        late = store.event_after_today(event.date, today)
        if late is not None:
            problems.append(f"{where}.date: {late}")
        if event.type == EXTENSION_EVENT:
            problems += _extension_problems(events, where, event)
        elif event.answers is not None:
            problems += _answers_before_trigger(events, where, event)
    return problems


def _birth_problems(birth: date | None, today: date) -> list[str]:
    late = store.birth_date_after_today(birth, today) if birth is not None else None
    return [] if late is None else [f"child.birth_date: {late}"]


def calendar_problems(calendar: SchoolCalendar | None) -> list[str]:
    """Breaks of one school year that overlap (a date would be listed twice)."""
    if calendar is None:
        return []
    problems = []
    for year in calendar.years:
        for before, after in zip(year.breaks, year.breaks[1:], strict=False):
            if after.first <= before.last:
                problems.append(
                    "calendar "
                    + _(
                        "({year} school year): the breaks {first} ({first_from} to {first_to}) "
                        "and {second} ({second_from} to {second_to}) overlap; merge them into "
                        "one break or correct the dates"
                    ).format(
                        year=year.label,
                        first=_name(before.name),
                        first_from=before.first.isoformat(),
                        first_to=before.last.isoformat(),
                        second=_name(after.name),
                        second_from=after.first.isoformat(),
                        second_to=after.last.isoformat(),
                    )
                )
    return problems


def _name(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _extension_problems(events: Sequence[Event], where: str, extension: Event) -> list[str]:
    rule = RULES_BY_ID.get(str(extension.fields.get("rule")))
    if rule is None or rule.age is not None:
        return []
    triggers = [e for e in events if e.type in rule.triggers and e.date <= extension.date]
    if not triggers:
        return [
            f"{where}.rule: "
            + _(
                "the extension is for {rule}, but no {events} event comes on or before it; add "
                "that event or correct the rule"
            ).format(rule=rule.id, events=_(" or ").join(rule.triggers))
        ]
    latest = max(triggers, key=lambda e: e.date)
    until = extension.date_field("until")
    if until is not None and until < latest.date:
        return [
            f"{where}.until: "
            + _(
                "{until} is before the {type} of {date} (event {id}) whose deadline it extends; "
                "check the date"
            ).format(
                until=until.isoformat(),
                type=latest.type,
                date=latest.date.isoformat(),
                id=latest.id,
            )
        ]
    return []


def _answers_before_trigger(events: Sequence[Event], where: str, event: Event) -> list[str]:
    """A response dated before the trigger its `answers` names: one of the dates is wrong.

    Without `answers`, a response dated before a trigger is the ordinary history of a family
    (last year's iep-meeting, this year's iep-meeting-requested): it answered something
    earlier, or the plan starts in the middle of the story (SPEC §4), so it is no problem.
    """
    answered = next((e for e in events if e.id == event.answers), None)
    if answered is None or answered.date <= event.date:
        return []
    return [
        f"{where}.date: "
        + _(
            "this {type} ({date}) comes before the {other} of {other_date} (event {id}) it "
            "answers; check both dates, or the `answers` id"
        ).format(
            type=event.type,
            date=event.date.isoformat(),
            other=answered.type,
            other_date=answered.date.isoformat(),
            id=answered.id,
        )
    ]


_SECTIONS = store.TOP_KEYS  # the order of SPEC §2
_EVENT_PATH = re.compile(r"events\[(\d+)\]")


def _file_order(problem: str) -> tuple[int, int]:
    """Sections in the order of SPEC §2, events by their position in the file."""
    found = _EVENT_PATH.match(problem)
    if found:
        return len(_SECTIONS), int(found.group(1))
    head = re.split(r"[.\[: ]", problem, maxsplit=1)[0]
    return (_SECTIONS.index(head) if head in _SECTIONS else 0), 0
