"""The plan's school calendar edited and described as data (SPEC §10).

Every edit takes the plan's `calendar` section as plain data (what `store` parses: mappings,
lists and text), returns the new section as plain data with what changed (`Edit`), and never
touches a file: the command writes it through `store.update_plan` (the same locked, checked,
atomic write as `add`). Every result is validated by the file's own checks (`store`'s
calendar validator and `checks.calendar_problems`), so a break outside its year, overlapping
breaks or years and reversed dates are refused with the words `plancli check` uses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from plancli.calendar_import import ImportedCalendar, Missing
from plancli.daycount import SchoolCalendar, SchoolYear, school_pauses, school_year_label
from plancli.errors import PlancliError
from plancli.i18n import N_, _, ngettext


class Part(StrEnum):
    YEAR = "year"
    BREAK = "break"
    CLOSURE = "closure"


class Action(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    REPLACED = "replaced"  # an existing school year, by an imported one (`--replace`)


@dataclass(frozen=True, slots=True)
class Change:
    """One thing an edit did, for the command to show before and after writing."""

    action: Action
    part: Part
    first: date
    last: date
    name: str | None = None
    year: str | None = None  # the school year's label, e.g. "2026-27"


@dataclass(frozen=True, slots=True)
class Edit:
    """The new `calendar` section (plain data to write) and what changed.

    `closure_names` are the names of added closure days: the file lists closures as bare
    dates, so a command may write each name as a comment beside its date.
    """

    data: dict[str, Any]
    changes: tuple[Change, ...]
    closure_names: tuple[tuple[date, str], ...] = ()


class CalendarError(PlancliError):
    """An edit that would leave the calendar invalid; `problems` as `plancli check` words them."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        if len(self.problems) == 1:
            text = self.problems[0]
        else:
            text = _("The calendar would have these problems:") + "\n"
            text += "\n".join(f"  {p}" for p in self.problems)
        super().__init__(text + "\n" + _("Nothing was changed."))


# --------------------------------------------------------------------------------------------
# Reading and checking the section


def plain(section: Any) -> dict[str, Any]:
    """A plain, independent copy of a `calendar` section (ruamel mappings included)."""
    if section is None or section == "":
        return {}
    if not isinstance(section, Mapping):
        raise CalendarError(["calendar: " + _("expected a section of `key: value` lines")])
    return _plain(section)  # type: ignore[no-any-return]


def _plain(value: Any) -> Any:
    """The section as plain data (dicts, lists, ISO dates): the store's reading of it."""
    from plancli.store.calendar import plain

    return plain(value)


def validate(data: Mapping[str, Any]) -> SchoolCalendar:
    """The section as the plan file reads it; CalendarError with every problem found."""
    from plancli.checks import calendar_problems
    from plancli.store import calendar_section

    # The file's own validator, so a command and `plancli check` refuse the same things.
    calendar, found = calendar_section(data)
    problems = [*found, *calendar_problems(calendar)]
    if problems or calendar is None:
        raise CalendarError(problems or ["calendar: " + _("empty")])
    return calendar


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _years(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    years = data.get("years")
    return [y for y in years if isinstance(y, dict)] if isinstance(years, list) else []


def _need(value: Any) -> date:
    day = _day(value)
    if day is None:  # the plan was validated before the edit; this is a plancli bug
        raise CalendarError(
            ["calendar: " + _("expected YYYY-MM-DD, got {value}").format(value=repr(value))]
        )
    return day


def _span(year: Mapping[str, Any]) -> tuple[date, date] | None:
    first, last = _day(year.get("first_day")), _day(year.get("last_day"))
    return (first, last) if first and last else None


def _label(first: date, last: date) -> str:
    return _("the {year} school year ({first} to {last})").format(
        year=school_year_label(first.year), first=first, last=last
    )


def _ordered(first: date, last: date, what: str, *, same_day: bool) -> None:
    if last < first or (last == first and not same_day):
        text = (
            _("LAST ({last}) is before FIRST ({first}); give the first day, then the last")
            if last < first
            else _(
                "LAST ({last}) is the same day as FIRST ({first}); give the first day, then the "
                "last"
            )
        )
        raise CalendarError([f"{what}: " + text.format(last=last, first=first)])


def _finish(
    data: dict[str, Any], changes: list[Change], names: Sequence[tuple[date, str]] = ()
) -> Edit:
    years = _years(data)
    years.sort(key=lambda y: _day(y.get("first_day")) or date.min)
    if "years" in data:
        data["years"] = years
    validate(data)
    return Edit(data, tuple(changes), tuple(names))


# --------------------------------------------------------------------------------------------
# Edits


def add_year(section: Any, first: date, last: date) -> Edit:
    """A new school year from FIRST to LAST (first and last day of instruction)."""
    data = plain(section)
    _ordered(first, last, "add-year", same_day=False)
    for year in _years(data):
        span = _span(year)
        if span and span[0] <= last and first <= span[1]:
            raise CalendarError(
                [
                    "add-year: "
                    + _(
                        "{new} overlaps {old} already in the plan; remove that year first "
                        "(`plancli calendar remove {label}`) or correct the dates"
                    ).format(
                        new=_label(first, last),
                        old=_label(*span),
                        label=school_year_label(span[0].year),
                    )
                ]
            )
    data.setdefault("years", []).append(
        {"first_day": first.isoformat(), "last_day": last.isoformat()}
    )
    change = Change(Action.ADDED, Part.YEAR, first, last, year=school_year_label(first.year))
    return _finish(data, [change])


def add_break(section: Any, name: str, first: date, last: date) -> Edit:
    """A break inside the school year that holds it (the year is found from the dates)."""
    data = plain(section)
    _ordered(first, last, "add-break", same_day=True)
    name = " ".join(name.split())
    if not name:
        raise CalendarError(
            ["add-break: " + _('NAME is empty; name the break, e.g. "Winter break"')]
        )
    year = next(
        (y for y in _years(data) if (s := _span(y)) and s[0] <= first and last <= s[1]), None
    )
    if year is None:
        known = [
            _("{year} ({first} to {last})").format(
                year=school_year_label(s[0].year), first=s[0], last=s[1]
            )
            for y in _years(data)
            if (s := _span(y))
        ]
        listed = (
            _("the plan has {years}").format(years=", ".join(known))
            if known
            else _("the plan has no school year")
        )
        raise CalendarError(
            [
                "add-break: "
                + _(
                    "no school year in the plan holds {first} to {last}; {listed}. The break "
                    "must fall inside its school year (between first_day and last_day): add the "
                    "year first (`plancli calendar add-year FIRST LAST`) or correct the dates"
                ).format(first=first, last=last, listed=listed)
            ]
        )
    breaks = year.get("breaks")
    if not isinstance(breaks, list):
        breaks = year["breaks"] = []
    breaks.append({"name": name, "first": first.isoformat(), "last": last.isoformat()})
    breaks.sort(key=lambda b: str(b.get("first", "")) if isinstance(b, dict) else "")
    span = _span(year)
    label = school_year_label(span[0].year) if span else None
    return _finish(data, [Change(Action.ADDED, Part.BREAK, first, last, name, label)])


def add_closure(section: Any, day: date, name: str | None = None) -> Edit:
    """A single day the district is closed (`calendar.holidays`)."""
    data = plain(section)
    holidays = data.get("holidays")
    if not isinstance(holidays, list):
        holidays = data["holidays"] = []
    if any(_day(h) == day for h in holidays):
        raise CalendarError(
            ["add-closure: " + _("{day} is already a closure day of the plan").format(day=day)]
        )
    holidays.append(day.isoformat())
    holidays.sort(key=lambda h: str(h))
    name = " ".join((name or "").split()) or None
    change = Change(Action.ADDED, Part.CLOSURE, day, day, name, _year_of(data, day))
    return _finish(data, [change], [(day, name)] if name else [])


def _year_of(data: Mapping[str, Any], day: date) -> str | None:
    for year in _years(data):
        span = _span(year)
        if span and span[0] <= day <= span[1]:
            return school_year_label(span[0].year)
    return None


def remove(section: Any, target: str) -> Edit:
    """Remove a school year ("2026-27"), a break (its name, or its first day) or a closure day.

    A date names a closure day first, then a break starting that day, then a year starting
    that day. A name matching breaks of several years is refused: give its first day instead.
    """
    data = plain(section)
    wanted = target.strip()
    day = _day(wanted)
    if day is not None:
        holidays = data.get("holidays")
        if isinstance(holidays, list) and any(_day(h) == day for h in holidays):
            data["holidays"] = [h for h in holidays if _day(h) != day]
            change = Change(Action.REMOVED, Part.CLOSURE, day, day, year=_year_of(data, day))
            return _finish(data, [change])
    for year in _years(data):
        span = _span(year)
        if span and (wanted == school_year_label(span[0].year) or day == span[0]):
            if day == span[0] and _break_starting(year, day):
                break
            data["years"] = [y for y in _years(data) if y is not year]
            label = school_year_label(span[0].year)
            return _finish(data, [Change(Action.REMOVED, Part.YEAR, *span, year=label)])
    found = [
        (year, brk)
        for year in _years(data)
        for brk in year.get("breaks") or []
        if isinstance(brk, dict) and _matches(brk, wanted, day)
    ]
    if len(found) == 1:
        year, brk = found[0]
        year["breaks"] = [b for b in year["breaks"] if b is not brk]
        if not year["breaks"]:
            del year["breaks"]
        span = _span(year)
        first, last = _need(brk.get("first")), _need(brk.get("last"))
        held_by = school_year_label(span[0].year) if span else None
        change = Change(Action.REMOVED, Part.BREAK, first, last, str(brk.get("name")), held_by)
        return _finish(data, [change])
    if len(found) > 1:
        starts = ", ".join(str(b.get("first")) for _, b in found)
        raise CalendarError(
            [
                "remove: "
                + ngettext(
                    "{n} break is named {name} (starting {starts}); give the first day of the "
                    "one to remove instead of its name",
                    "{n} breaks are named {name} (starting {starts}); give the first day of the "
                    "one to remove instead of its name",
                    len(found),
                ).format(n=len(found), name=repr(wanted), starts=starts)
            ]
        )
    raise CalendarError(
        [
            "remove: "
            + _(
                "the calendar has no school year, break or closure day {name}; `plancli "
                "calendar` lists them (a year as 2026-27, a break by its name or first day, a "
                "closure by its date)"
            ).format(name=repr(wanted))
        ]
    )


def _break_starting(year: Mapping[str, Any], day: date) -> bool:
    return any(
        isinstance(b, dict) and _day(b.get("first")) == day for b in year.get("breaks") or []
    )


def _matches(brk: Mapping[str, Any], wanted: str, day: date | None) -> bool:
    if day is not None:
        return _day(brk.get("first")) == day
    return (
        " ".join(str(brk.get("name", "")).split()).casefold() == " ".join(wanted.split()).casefold()
    )


# --------------------------------------------------------------------------------------------
# Import


def merge_import(section: Any, imported: ImportedCalendar, *, replace: bool = False) -> Edit:
    """The imported school years and closures added to the plan's calendar.

    A plan's year that overlaps an imported one is replaced (with its breaks and the closure
    days inside it) only with `replace`; otherwise CalendarError names it and nothing changes.
    """
    if imported.missing is not None:
        raise CalendarError(["import: " + _(_MISSING[imported.missing])])
    data = plain(section)
    changes: list[Change] = []
    clashes = [
        (span, new)
        for year in _years(data)
        if (span := _span(year))
        for new in imported.years
        if span[0] <= new.last_day and new.first_day <= span[1]
    ]
    if clashes and not replace:
        raise CalendarError(
            [
                "import: "
                + _(
                    "the plan already has {old}, which the feed's school year ({first} to "
                    "{last}) overlaps; run the import again with --replace to replace it"
                ).format(old=_label(*span), first=new.first_day, last=new.last_day)
                for span, new in clashes
            ]
        )
    replaced = {span for span, _ in clashes}
    kept = [y for y in _years(data) if _span(y) not in replaced]
    covered = [*replaced, *((y.first_day, y.last_day) for y in imported.years)]
    holidays = [
        h
        for h in data.get("holidays") or []
        if not ((d := _day(h)) and any(a <= d <= b for a, b in covered))
    ]
    for span in sorted(replaced):
        changes.append(
            Change(Action.REPLACED, Part.YEAR, *span, year=school_year_label(span[0].year))
        )
    for year in imported.years:
        kept.append(_year_data(year))
        label = school_year_label(year.first_day.year)
        changes.append(Change(Action.ADDED, Part.YEAR, year.first_day, year.last_day, year=label))
        changes += [
            Change(Action.ADDED, Part.BREAK, b.first, b.last, b.name, label) for b in year.breaks
        ]
    known = {_day(h) for h in holidays}
    for closure in imported.closures:
        if closure.day not in known:
            holidays.append(closure.day.isoformat())
            changes.append(
                Change(
                    Action.ADDED,
                    Part.CLOSURE,
                    closure.day,
                    closure.day,
                    closure.name,
                    _label_of(imported, closure.day),
                )
            )
    data["years"] = kept
    if holidays:
        data["holidays"] = sorted(holidays, key=str)
    else:
        data.pop("holidays", None)
    names = [(c.day, c.name) for c in imported.closures]
    return _finish(data, changes, names)


_MISSING = {
    Missing.NO_FIRST_OR_LAST_DAY: N_(
        "the feed names no first or last day of school, so plancli cannot tell its school "
        "years; nothing was written. Add the year by hand with `plancli calendar add-year "
        "FIRST LAST`"
    ),
    Missing.NO_FIRST_DAY: N_(
        "the feed names a last day of school but no first day; nothing was written. Add the "
        "year by hand with `plancli calendar add-year FIRST LAST`"
    ),
    Missing.NO_LAST_DAY: N_(
        "the feed names a first day of school but no last day; nothing was written. Add the "
        "year by hand with `plancli calendar add-year FIRST LAST`"
    ),
}


def _label_of(imported: ImportedCalendar, day: date) -> str | None:
    year = next((y for y in imported.years if y.first_day <= day <= y.last_day), None)
    return school_year_label(year.first_day.year) if year else None


def _year_data(year: SchoolYear) -> dict[str, Any]:
    data: dict[str, Any] = {
        "first_day": year.first_day.isoformat(),
        "last_day": year.last_day.isoformat(),
    }
    if year.breaks:
        data["breaks"] = [
            {"name": b.name, "first": b.first.isoformat(), "last": b.last.isoformat()}
            for b in year.breaks
        ]
    return data


def imported_section(imported: ImportedCalendar) -> dict[str, Any]:
    """An imported calendar as a whole `calendar` section (what a family would type)."""
    return merge_import({}, imported).data


# --------------------------------------------------------------------------------------------
# Show


@dataclass(frozen=True, slots=True)
class BreakView:
    name: str
    first: date
    last: date
    weekdays: int  # the "schooldays" of the five-day test (EC 56321(a), 56344(a))
    pauses: bool  # the school-tolled clock stops (a vacation of more than five school days)
    paused_from: date | None = None  # the whole pause, adjacent weekends and holidays included
    paused_to: date | None = None


@dataclass(frozen=True, slots=True)
class YearView:
    label: str
    first_day: date
    last_day: date
    school_days: int
    breaks: tuple[BreakView, ...]


@dataclass(frozen=True, slots=True)
class CalendarView:
    """What `plancli calendar` shows: years with their breaks, closures, in-session days."""

    years: tuple[YearView, ...]
    closures: tuple[date, ...]
    in_session: tuple[date, ...]


def describe(calendar: SchoolCalendar | None) -> CalendarView:
    """The calendar as data for the show command; which breaks pause the clock is decided by
    `daycount.school_pauses`, the count itself, so the display can never disagree with it."""
    if calendar is None:
        return CalendarView((), (), ())
    pauses = school_pauses(calendar)
    years = []
    for year in calendar.years:
        views = []
        for brk in year.breaks:
            pause = next((p for p in pauses if p.first <= brk.first and brk.last <= p.last), None)
            views.append(
                BreakView(
                    brk.name,
                    brk.first,
                    brk.last,
                    brk.weekdays(),
                    pause is not None,
                    pause.first if pause else None,
                    pause.last if pause else None,
                )
            )
        school_days = sum(
            1
            for n in range((year.last_day - year.first_day).days + 1)
            if calendar.is_school_day(date.fromordinal(year.first_day.toordinal() + n))
        )
        years.append(YearView(year.label, year.first_day, year.last_day, school_days, tuple(views)))
    # `in_session` arrives with SPEC §3.5's engine work; read it when the calendar has it.
    in_session: frozenset[date] = getattr(calendar, "in_session", frozenset())
    return CalendarView(tuple(years), tuple(sorted(calendar.holidays)), tuple(sorted(in_session)))
