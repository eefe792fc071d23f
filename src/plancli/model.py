"""The plan file as data (SPEC §2): frozen dataclasses, no I/O.

``store`` builds these from YAML after validating every key; the deadline engine and the
letters read them. Optional sections are ``None`` when the plan leaves them out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from plancli.daycount import SchoolCalendar

PLAN_VERSION = 1

FieldValue = str | bool | int | date

# `family.relationship` and `family.parent_role` (SPEC §6.1).
RELATIONSHIPS = (
    "parent",
    "guardian",
    "foster-parent",
    "educational-rights-holder",
    "conservator",
    "student",
    "other",
)
PARENT_ROLES = ("mother", "father")


@dataclass(frozen=True, slots=True)
class Child:
    name: str
    birth_date: date
    concerns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Family:
    parent_name: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    language: str | None = None  # "en" or "es": the default language of letters
    # Who writes the letters (SPEC §6.1): one of RELATIONSHIPS, and for a parent or foster
    # parent one of PARENT_ROLES; they choose the words ("I am Maya's mother"). `init` asks.
    relationship: str | None = None
    parent_role: str | None = None


@dataclass(frozen=True, slots=True)
class School:
    name: str | None = None
    district: str | None = None
    contact: str | None = None
    address: str | None = None
    special_education_director: str | None = None  # a name, for district letters' copy line


@dataclass(frozen=True, slots=True)
class RegionalCenter:
    name: str | None = None
    service_coordinator: str | None = None
    uci: str | None = None
    address: str | None = None
    # Medi-Cal HCBS waiver participants get an IPP review every year (WIC 4646.5(b)).
    hcbs_waiver: bool = False
    # Days the regional center is closed: they stop its working-day counts (SPEC §3.3).
    closures: frozenset[date] = frozenset()


def _frozen_fields() -> Mapping[str, FieldValue]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened on a date; `fields` holds event-specific keys (SPEC §2)."""

    id: str
    type: str
    date: date
    note: str | None = None
    fields: Mapping[str, FieldValue] = field(default_factory=_frozen_fields)

    def flag(self, name: str) -> bool:
        return self.fields.get(name) is True

    # `dt.date`: inside this class `date` names the field, not the type.
    def date_field(self, name: str) -> dt.date | None:
        value = self.fields.get(name)
        return value if isinstance(value, dt.date) else None

    def text_field(self, name: str) -> str | None:
        value = self.fields.get(name)
        return None if value is None or isinstance(value, bool) else str(value)

    @property
    def answers(self) -> str | None:
        """The id of the trigger event this event responds to (SPEC §4), if it says."""
        return self.text_field("answers")


@dataclass(frozen=True, slots=True)
class Plan:
    child: Child
    events: tuple[Event, ...] = ()
    family: Family = field(default_factory=Family)
    school: School | None = None
    calendar: SchoolCalendar | None = None
    regional_center: RegionalCenter | None = None
    version: int = PLAN_VERSION

    @property
    def hcbs_waiver(self) -> bool:
        return self.regional_center is not None and self.regional_center.hcbs_waiver

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def events_by_date(self) -> tuple[Event, ...]:
        """Events in date order; ties keep the file's order (stable sort)."""
        return tuple(sorted(self.events, key=lambda e: e.date))


def next_event_id(events: tuple[Event, ...]) -> str:
    """The next free id of the form e<N> (ids are short, stable and unique)."""
    used = {e.id for e in events}
    numbers = [int(e.id[1:]) for e in events if e.id[:1] == "e" and e.id[1:].isdigit()]
    n = max(numbers, default=0) + 1
    while f"e{n}" in used:
        n += 1
    return f"e{n}"
