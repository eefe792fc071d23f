"""Loading a plan: read the file, migrate an older layout, validate (SPEC §2, §7)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from plancli.daycount import SchoolCalendar
from plancli.errors import NewerPlanError, PlanFileError
from plancli.model import PLAN_VERSION, Event, Plan
from plancli.store.migrate import migrate
from plancli.store.read import parse_yaml, read_text
from plancli.store.validate import _Checker


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    plan: Plan
    warnings: tuple[str, ...]


def load_plan(path: Path) -> Plan:
    return read_plan(path).plan


def read_plan(path: Path) -> LoadedPlan:
    text = read_text(path)
    return plan_from_text(text, str(path))


def plan_from_text(text: str, path: str) -> LoadedPlan:
    return _plan_from_data(parse_yaml(text, path), path)


def _plan_from_data(data: Any, path: str) -> LoadedPlan:
    notes = migrate(data)
    checker = _Checker(path)
    plan = checker.plan(data)
    _refuse_newer(checker, path)
    if checker.problems or plan is None:
        raise PlanFileError(path, checker.problems or ["the file is empty"])
    return LoadedPlan(plan, (*notes, *checker.warnings))


@dataclass(frozen=True, slots=True)
class Inspection:
    """What `plancli check` needs: every problem, and what could be read despite them."""

    plan: Plan | None  # None when the file has problems
    events: tuple[Event, ...]  # every event that is well formed, even when others are not
    event_index: Mapping[str, int]  # event id → its position in the file's `events` list
    birth_date: date | None
    calendar: SchoolCalendar | None
    problems: tuple[str, ...]
    warnings: tuple[str, ...]


def inspect_plan(path: Path) -> Inspection:
    """Read a plan for `plancli check`, keeping what is readable when parts are not.

    Raises PlancliError only when there is nothing to inspect: no file, not UTF-8 text, not
    YAML.
    """
    text = read_text(path)
    data = parse_yaml(text, str(path))
    notes = migrate(data)
    checker = _Checker(str(path))
    plan = checker.plan(data)
    _refuse_newer(checker, str(path))
    if plan is None and not checker.problems:
        checker.problem("(file)", "the file is empty; run `plancli init` to create a plan")
    return Inspection(
        plan=plan if not checker.problems else None,
        events=checker.events_read,
        event_index=MappingProxyType(dict(checker.event_index)),
        birth_date=checker.birth_date,
        calendar=checker.calendar_read,
        problems=tuple(checker.problems),
        warnings=(*notes, *checker.warnings),
    )


def _refuse_newer(checker: _Checker, path: str) -> None:
    """A plan from a newer plancli is not read at all: its keys may mean what this one
    cannot know, so there is no line to fix, only plancli to update."""
    if checker.newer_version is not None:
        raise NewerPlanError(path, checker.newer_version, PLAN_VERSION)
