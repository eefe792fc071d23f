"""Validation: plain data → a Plan, collecting every problem with its key path.

`_Checker` has one method per section of the plan (SPEC §2); a new key is checked in its
section's method. The typing of a value (a date, a flag, a number, an event field) lives here
once: the CLI types `--field`, `--birth-date` and `DATE` with the same functions, so a value
the command line accepts is one the plan file accepts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from plancli.contacts import contact_problems
from plancli.daycount import Break, SchoolCalendar, SchoolYear
from plancli.errors import suggestion
from plancli.hints import EARLIEST as EARLIEST  # re-exported: the dates a plan may hold
from plancli.hints import LATEST as LATEST
from plancli.hints import date_problem, event_type_problem
from plancli.hints import show as _show
from plancli.i18n import _
from plancli.model import (
    PARENT_ROLES,
    PLAN_VERSION,
    RELATIONSHIPS,
    Child,
    Event,
    Family,
    FieldValue,
    Plan,
    RegionalCenter,
    School,
)
from plancli.rules import CONTACT_EVENT, EVENT_TYPES, EXTENSION_EVENT, RULES_BY_ID
from plancli.store.migrate import plan_version
from plancli.vocab import LANGUAGES, yes_no

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_EVENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")

TOP_KEYS = ("version", "child", "family", "school", "calendar", "regional_center", "events")
EVENT_KEYS = ("id", "type", "date", "note")


class ValueProblem(ValueError):
    """Why a value cannot be read, worded without its key path (the caller knows where)."""


def read_date(value: Any, *, plausible: bool = True) -> date:
    """A YYYY-MM-DD date as the plan file reads one, or ValueProblem saying why not.

    With `plausible`, also a date from 1900 to 2199: a year typed wrong, not a real date.
    """
    problem = date_problem(value)
    if problem is not None and (plausible or not _real_iso_date(value)):
        raise ValueProblem(problem)
    return date.fromisoformat(str(value).strip())


def _real_iso_date(value: Any) -> bool:
    """A YYYY-MM-DD text naming a real day (outside 1900-2199 it may still be refused)."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        return False
    try:
        date.fromisoformat(value.strip())
    except ValueError:
        return False
    return True


# and every key ending in `_date`; `promised_by`: the day a promise on a contact is due (§8)
DATE_FIELDS = ("effective_date", "until", "promised_by")
FLAG_FIELDS = ("urgent",)


def read_field(key: str, value: Any) -> FieldValue | None:
    """An event-specific field as the plan file reads `key: value`, or ValueProblem.

    A date (a date key, or text that looks like one), true/false (a flag key, or the words
    true and false), a whole number, or text; None when empty. `plancli add --field` types
    its values with this too, so the command line and the file never disagree.
    """
    if isinstance(value, dict | list):
        raise ValueProblem(_("expected a single value, not a list or section"))
    if value is None or value == "":
        return None
    text = str(value).strip()
    if key in DATE_FIELDS or key.endswith("_date") or _ISO_DATE.fullmatch(text):
        return read_date(text)
    if key in FLAG_FIELDS or text.lower() in ("true", "false"):
        answer = yes_no(text)
        if answer is None:
            raise ValueProblem(_("expected true or false, got {value}").format(value=_show(value)))
        return answer
    if text.isascii() and text.isdigit() and len(text) < 10 and not text.startswith("0"):
        return int(text)
    return text


def birth_date_after_today(birth: date, today: date) -> str | None:
    """A birth date after today is a year typed wrong: the problem, without its key path."""
    if birth <= today:
        return None
    return _("{date} is after today ({today}); check the year").format(
        date=birth.isoformat(), today=today.isoformat()
    )


def event_after_today(day: date, today: date) -> str | None:
    """plancli records what has happened: an event after today is a mistake (a meeting that
    is only scheduled has met no deadline yet). The problem, without its key path."""
    if day <= today:
        return None
    return _("{date} is after today ({today}); record events once they have happened").format(
        date=day.isoformat(), today=today.isoformat()
    )


def calendar_section(data: Mapping[str, Any]) -> tuple[SchoolCalendar | None, list[str]]:
    """A `calendar` section on its own, read as the plan file reads it, and its problems.

    `plancli calendar ...` edits use it, so a command and `plancli check` refuse the same things.
    """
    checker = _Checker("calendar")
    calendar = checker.calendar(dict(data))
    return calendar, checker.problems


class _Checker:
    """Walks the parsed YAML into a Plan, collecting every problem as `path: message`.

    One method per section of the plan, named as its key (`child`, `family`, `school`,
    `calendar`, `regional_center`, `events`, and `event` for one event); each lists the keys
    it knows, so a new key is added to one tuple and read in one method. Scalars are read by
    `text`, `date_key`, `flag` and `field_value`, which record the problem and return None.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[str] = []
        self.warnings: list[str] = []
        # What `plancli check` reads even when the plan as a whole has problems:
        self.events_read: tuple[Event, ...] = ()
        self.event_index: dict[str, int] = {}
        self.birth_date: date | None = None
        self.calendar_read: SchoolCalendar | None = None
        # The plan's version when a newer plancli wrote it (shown as the file has it).
        self.newer_version: str | None = None

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    # -- scalars ------------------------------------------------------------------------

    def text(
        self, data: Mapping[str, Any], key: str, where: str, *, required: bool = False
    ) -> str | None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(f"{where}{key}", _("missing; add it"))
            return None
        if not isinstance(value, str):
            self.problem(
                f"{where}{key}", _("expected text, got {value}").format(value=_show(value))
            )
            return None
        return value

    def date_value(self, value: Any, where: str) -> date | None:
        try:
            return read_date(value)
        except ValueProblem as problem:
            self.problem(where, str(problem))
            return None

    def date_key(
        self, data: Mapping[str, Any], key: str, where: str, *, required: bool = True
    ) -> date | None:
        if data.get(key) in (None, ""):
            if required:
                self.problem(f"{where}{key}", _("missing; add a date as YYYY-MM-DD"))
            return None
        return self.date_value(data[key], f"{where}{key}")

    def flag(self, data: Mapping[str, Any], key: str, where: str) -> bool:
        value = data.get(key)
        if value is None or value == "":
            return False
        answer = yes_no(value) if isinstance(value, str) else None
        if answer is not None:
            return answer
        self.problem(
            f"{where}{key}", _("expected true or false, got {value}").format(value=_show(value))
        )
        return False

    def mapping(self, data: Any, where: str, *, required: bool = False) -> dict[str, Any] | None:
        if data is None or data == "":
            if required:
                self.problem(where, _("missing; add this section"))
            return None
        if not isinstance(data, dict):
            self.problem(
                where,
                _("expected a section of `key: value` lines, got {value}").format(
                    value=_show(data)
                ),
            )
            return None
        return data

    def unknown_keys(self, data: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in data:
            if key not in known:
                self.warnings.append(
                    f"{where}{key}: " + _("unknown key, ignored.") + suggestion(str(key), known)
                )

    # -- sections -----------------------------------------------------------------------

    def plan(self, data: Any) -> Plan | None:
        if data is None or data == "":
            self.problem("(file)", _("the file is empty; run `plancli init` to create a plan"))
            return None
        if not isinstance(data, dict):
            self.problem("(file)", _("expected `key: value` sections (version, child, events)"))
            return None
        if not self.version(data):
            return None  # a newer plancli's plan: its other keys may mean what we cannot know
        self.unknown_keys(data, TOP_KEYS, "")
        child = self.child(self.mapping(data.get("child"), "child", required=True))
        family = self.family(self.mapping(data.get("family"), "family"))
        school = self.school(self.mapping(data.get("school"), "school"))
        calendar = self.calendar(self.mapping(data.get("calendar"), "calendar"))
        center = self.regional_center(self.mapping(data.get("regional_center"), "regional_center"))
        events = self.events(data.get("events"), self.birth_date)
        if child is None:
            return None
        return Plan(
            child=child,
            events=events,
            family=family,
            school=school,
            calendar=calendar,
            regional_center=center,
        )

    def version(self, data: Mapping[str, Any]) -> bool:
        """Older versions were migrated before this runs (`migrate`); newer ones are refused.

        False when the rest of the plan should not be read (a newer plancli wrote it)."""
        number = plan_version(data)
        if number is None:
            self.problem(
                "version",
                _("expected a whole number, got {value}").format(value=_show(data.get("version"))),
            )
        elif number > PLAN_VERSION:
            # Not a line to fix: the loader refuses the whole file (NewerPlanError).
            self.newer_version = str(number) if number < 10**9 else _show(data.get("version"))
            return False
        elif number < PLAN_VERSION:  # only when a migration is missing: never in a release
            self.problem(
                "version",
                _("no migration from version {number}; upgrade plancli").format(number=number),
            )
        return True

    def child(self, data: dict[str, Any] | None) -> Child | None:
        if data is None:
            return None
        self.unknown_keys(data, ("name", "birth_date", "concerns"), "child.")
        name = self.text(data, "name", "child.", required=True)
        birth = self.date_key(data, "birth_date", "child.")
        self.birth_date = birth
        concerns = self.text_list(data.get("concerns"), "child.concerns")
        if name is None or birth is None:
            return None
        return Child(name=name, birth_date=birth, concerns=concerns)

    def text_list(self, value: Any, where: str) -> tuple[str, ...]:
        if value is None or value == "":
            return ()
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(";") if part.strip())
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        self.problem(where, _("expected a list of short texts, e.g. [reading, speech]"))
        return ()

    def family(self, data: dict[str, Any] | None) -> Family:
        if data is None:
            return Family()
        keys = ("parent_name", "address", "phone", "email", "language")
        chosen = {"relationship": RELATIONSHIPS, "parent_role": PARENT_ROLES}
        self.unknown_keys(data, (*keys, *chosen), "family.")
        values = {key: self.text(data, key, "family.") for key in (*keys, *chosen)}
        language = values["language"]
        if language is not None and language not in LANGUAGES:
            self.problem(
                "family.language", _("expected en or es, got {value}").format(value=_show(language))
            )
            values["language"] = None
        for key, allowed in chosen.items():  # words of the letters: one of a fixed list
            value = values[key]
            if value is not None and value not in allowed:
                self.problem(
                    f"family.{key}",
                    _("expected one of {choices}, got {value}").format(
                        choices=", ".join(allowed), value=_show(value)
                    )
                    + suggestion(value, allowed),
                )
                values[key] = None
        return Family(**values)

    def school(self, data: dict[str, Any] | None) -> School | None:
        if data is None:
            return None
        keys = ("name", "district", "contact", "address", "special_education_director")
        self.unknown_keys(data, keys, "school.")
        return School(**{key: self.text(data, key, "school.") for key in keys})

    def regional_center(self, data: dict[str, Any] | None) -> RegionalCenter | None:
        if data is None:
            return None
        keys = ("name", "service_coordinator", "uci", "address")
        self.unknown_keys(data, (*keys, "hcbs_waiver", "closures"), "regional_center.")
        texts = {key: self.text(data, key, "regional_center.") for key in keys}
        return RegionalCenter(
            **texts,
            hcbs_waiver=self.flag(data, "hcbs_waiver", "regional_center."),
            closures=self.date_list(data, "closures", "regional_center."),
        )

    def calendar(self, data: dict[str, Any] | None) -> SchoolCalendar | None:
        if data is None:
            return None
        self.unknown_keys(data, ("years", "holidays", "in_session"), "calendar.")
        years: list[SchoolYear] = []
        raw_years = data.get("years")
        if raw_years not in (None, ""):
            if isinstance(raw_years, list):
                for i, raw in enumerate(raw_years):
                    year = self.school_year(raw, f"calendar.years[{i}]")
                    if year is not None:
                        years.append(year)
            else:
                self.problem("calendar.years", _("expected a list of school years"))
        years.sort(key=lambda y: y.first_day)
        for before, after in zip(years, years[1:], strict=False):
            if after.first_day <= before.last_day:
                self.problem(
                    "calendar.years",
                    _("the school years starting {first} and {second} overlap").format(
                        first=before.first_day.isoformat(), second=after.first_day.isoformat()
                    ),
                )
        holidays: set[date] = set()
        raw_holidays = data.get("holidays")
        if isinstance(raw_holidays, list):
            for i, raw in enumerate(raw_holidays):
                day = self.date_value(raw, f"calendar.holidays[{i}]")
                if day is not None:
                    holidays.add(day)
        elif raw_holidays not in (None, ""):
            self.problem("calendar.holidays", _("expected a list of dates, e.g. [2027-02-12]"))
        self.calendar_read = SchoolCalendar(
            years=tuple(years),
            holidays=frozenset(holidays),
            in_session=self.date_list(data, "in_session", "calendar."),
        )
        return self.calendar_read

    def school_year(self, raw: Any, where: str) -> SchoolYear | None:
        data = self.mapping(raw, where, required=True)
        if data is None:
            return None
        self.unknown_keys(data, ("first_day", "last_day", "breaks", "name"), f"{where}.")
        first = self.date_key(data, "first_day", f"{where}.")
        last = self.date_key(data, "last_day", f"{where}.")
        breaks: list[Break] = []
        raw_breaks = data.get("breaks")
        if isinstance(raw_breaks, list):
            for i, raw_break in enumerate(raw_breaks):
                brk = self.school_break(raw_break, f"{where}.breaks[{i}]", first, last)
                if brk is not None:
                    breaks.append(brk)
        elif raw_breaks not in (None, ""):
            self.problem(f"{where}.breaks", _("expected a list of breaks"))
        if first is None or last is None:
            return None
        if last <= first:
            self.problem(f"{where}.last_day", _("must be after first_day"))
            return None
        return SchoolYear(first, last, tuple(sorted(breaks, key=lambda b: b.first)))

    def school_break(
        self, raw: Any, where: str, first_day: date | None, last_day: date | None
    ) -> Break | None:
        data = self.mapping(raw, where, required=True)
        if data is None:
            return None
        self.unknown_keys(data, ("name", "first", "last"), f"{where}.")
        name = self.text(data, "name", f"{where}.") or "School break"
        first = self.date_key(data, "first", f"{where}.")
        last = self.date_key(data, "last", f"{where}.")
        if first is None or last is None:
            return None
        if last < first:
            self.problem(f"{where}.last", _("must be on or after first"))
            return None
        if first_day and last_day and not (first_day <= first and last <= last_day):
            self.problem(
                where,
                _("the break must fall inside its school year (between first_day and last_day)"),
            )
            return None
        return Break(name, first, last)

    def events(self, raw: Any, birth: date | None) -> tuple[Event, ...]:
        if raw is None or raw == "":
            return ()
        if not isinstance(raw, list):
            self.problem("events", _("expected a list of events (lines starting with `- id:`)"))
            return ()
        events: list[Event] = []
        seen: set[str] = set()
        for i, item in enumerate(raw):
            event = self.event(item, f"events[{i}]", birth)
            if event is None:
                continue
            if event.id in seen:
                self.problem(
                    f"events[{i}].id",
                    _("{id} is used twice; give each event its own id").format(id=_show(event.id)),
                )
                continue
            seen.add(event.id)
            self.event_index[event.id] = i
            events.append(event)
        self.events_read = tuple(events)
        self.answers(self.events_read)
        return self.events_read

    # -- SPEC §2/§3.3/§3.5/§4 keys: closure and in-session dates, `answers` ----

    def date_list(self, data: Mapping[str, Any], key: str, where: str) -> frozenset[date]:
        """A list of dates (`calendar.in_session`, `regional_center.closures`)."""
        raw = data.get(key)
        if raw in (None, ""):
            return frozenset()
        if not isinstance(raw, list):
            self.problem(f"{where}{key}", _("expected a list of dates, e.g. [2026-10-12]"))
            return frozenset()
        days = (self.date_value(value, f"{where}{key}[{i}]") for i, value in enumerate(raw))
        return frozenset(day for day in days if day is not None)

    def answers(self, events: tuple[Event, ...]) -> None:
        """`answers: ID` names an event of this plan that starts a deadline this event meets."""
        from plancli.rules import ALL_RULES, BIRTH_DATE

        by_id = {e.id: e for e in events}
        for event in events:
            answered = event.answers
            if answered is None:
                continue
            where = f"events[{self.event_index[event.id]}].answers"
            target = by_id.get(answered)
            if target is None:
                self.problem(
                    where,
                    _(
                        "there is no event {id} in this plan; give the id of the "
                        "event this one responds to (`plancli events` lists them)"
                    ).format(id=_show(answered)),
                )
                continue
            if CONTACT_EVENT in (target.type, event.type):
                # Any event may answer a contact (it keeps a promise, SPEC §8), and a contact
                # may answer any event (a reply); neither is about the law's deadlines.
                self._answer_not_before(event, target, where)
                continue
            starts = sorted(
                {t for r in ALL_RULES if event.type in r.met_by for t in r.triggers} - {BIRTH_DATE}
            )
            if target.type not in starts:
                expected = _(" or ").join(starts) if starts else _("no event: it meets no deadline")
                self.problem(
                    where,
                    _(
                        "event {id} is of type {type}, but an event of type {other} answers "
                        "{expected}; correct the id or remove `answers`"
                    ).format(id=answered, type=target.type, other=event.type, expected=expected),
                )

    def _answer_not_before(self, event: Event, target: Event, where: str) -> None:
        if event.date < target.date:
            self.problem(
                where,
                _(
                    "event {answered} is dated {target_day}, after this event ({day}); a "
                    "reply comes on or after what it answers: check both dates"
                ).format(
                    answered=target.id,
                    target_day=target.date.isoformat(),
                    day=event.date.isoformat(),
                ),
            )

    def event(self, raw: Any, where: str, birth: date | None) -> Event | None:
        data = self.mapping(raw, where, required=True)
        if data is None:
            return None
        event_id = self.text(data, "id", f"{where}.", required=True)
        if event_id is not None and not _EVENT_ID.fullmatch(event_id):
            self.problem(
                f"{where}.id",
                _("expected a short id of letters and digits such as e4, got {value}").format(
                    value=_show(event_id)
                ),
            )
            event_id = None
        event_type = self.text(data, "type", f"{where}.", required=True)
        type_problem = event_type_problem(event_type, EVENT_TYPES) if event_type else None
        if type_problem is not None:
            self.problem(f"{where}.type", type_problem)
            event_type = None
        day = self.date_key(data, "date", f"{where}.")
        if day is not None and birth is not None and day < birth:
            self.problem(
                f"{where}.date",
                _(
                    "{date} is before the child's birth date (child.birth_date); check the year"
                ).format(date=day.isoformat()),
            )
        note = self.text(data, "note", f"{where}.")
        parsed = {
            key: self.field_value(value, f"{where}.{key}")
            for key, value in data.items()
            if key not in EVENT_KEYS
        }
        fields = {key: value for key, value in parsed.items() if value is not None}
        if event_type == EXTENSION_EVENT:
            self.extension(fields, where)
        if event_type == CONTACT_EVENT and day is not None:
            self.problems += contact_problems(where, day, fields)
        if event_type is not None:
            from plancli.rules import field_warnings

            self.warnings += [f"{where}.{w}" for w in field_warnings(event_type, fields)]
        effective = fields.get("effective_date")
        if isinstance(effective, date) and day is not None and effective < day:
            self.problem(
                f"{where}.effective_date",
                _(
                    "{effective} is before the event's date {date}; an action takes effect "
                    "after its notice is received: check both dates"
                ).format(effective=effective.isoformat(), date=day.isoformat()),
            )
        if event_id is None or event_type is None or day is None:
            return None
        return Event(event_id, event_type, day, note, MappingProxyType(fields))

    def extension(self, fields: Mapping[str, FieldValue], where: str) -> None:
        """An extension-agreed event names the rule it extends and the agreed date."""
        rule = fields.get("rule")
        if not isinstance(rule, str):
            self.problem(
                f"{where}.rule",
                _("an extension-agreed event needs `rule:` (the rule id whose date was extended)"),
            )
        elif rule not in RULES_BY_ID:
            self.problem(
                f"{where}.rule",
                _("no rule {value}.").format(value=_show(rule))
                + suggestion(rule, list(RULES_BY_ID)),
            )
        if not isinstance(fields.get("until"), date):
            self.problem(
                f"{where}.until",
                _("an extension-agreed event needs `until:` (the agreed date, YYYY-MM-DD)"),
            )

    def field_value(self, value: Any, where: str) -> FieldValue | None:
        """An event-specific field: a date, true/false, a whole number, or text."""
        try:
            return read_field(where.rsplit(".", 1)[-1], value)
        except ValueProblem as problem:
            self.problem(where, str(problem))
            return None
