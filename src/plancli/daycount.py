"""Which days count, and the n-th counted day after a trigger (SPEC §3).

Pure and stdlib-only: no clock, no I/O. Every function takes the trigger date as *day 0*
and returns the date of the n-th counted day after it (Cal. Educ. Code § 9, Gov. Code § 6800:
"excluding the first day, and including the last"). Nothing is ever rolled forward off a
weekend or holiday here; the deadline engine only *notes* that (SPEC §3.8).

References:
    * 5 U.S.C. § 6103 and Executive Order 11582 (federal holidays and their observed dates).
    * Cal. Gov. Code § 19853 (state-office holidays: Cesar Chavez Day, day after Thanksgiving),
      § 6701 (a holiday on a Sunday is observed on the Monday).
    * Cal. Educ. Code §§ 56321(a), 56344(a), 56343.5 (school breaks over five schooldays and the
      time between regular school sessions do not count).
    * 34 CFR 300.11(c) (school day).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

ONE_DAY = timedelta(days=1)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


class Counting(StrEnum):
    """How the days of a period are counted (the `counting` column of SPEC §4)."""

    CALENDAR = "calendar"
    BUSINESS = "business"
    SCHOOL_TOLLED = "school-tolled"
    SCHOOL_DAYS = "school-days"
    MONTHS = "months"
    YEARS = "years"


# --------------------------------------------------------------------------------------------
# Holidays


def _month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based) given weekday of a month; nth=-1 is the last one."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, _month_length(year, month))
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _federal_observed(day: date) -> date:
    """Federal in-lieu rule (5 U.S.C. § 6103(b), E.O. 11582): Saturday → Friday, Sunday → Monday."""
    if day.weekday() == SAT:
        return day - ONE_DAY
    if day.weekday() == SUN:
        return day + ONE_DAY
    return day


@lru_cache(maxsize=128)
def _holidays_in(year: int) -> dict[date, str]:
    """Federal holidays (observed dates) plus California state-office holidays of one year.

    A Saturday New Year's Day of `year + 1` is observed on December 31 of `year`, so that day
    belongs to this year's table.
    """
    days: dict[date, str] = {}

    def add(day: date, name: str) -> None:
        days.setdefault(day, name)

    def add_fixed(month: int, dom: int, name: str) -> None:
        actual = date(year, month, dom)
        add(actual, name)
        observed = _federal_observed(actual)
        if observed != actual and observed.year == year:
            add(observed, f"{name} (observed)")

    add_fixed(1, 1, "New Year's Day")
    if year >= 1986:
        add(_nth_weekday(year, 1, MON, 3), "Birthday of Martin Luther King, Jr.")
    add(_nth_weekday(year, 2, MON, 3), "Washington's Birthday")
    # Cal. Gov. Code § 19853: Cesar Chavez Day, March 31; § 6701: Sunday → Monday (no Friday rule).
    if year >= 1995:
        chavez = date(year, 3, 31)
        add(chavez, "Cesar Chavez Day")
        if chavez.weekday() == SUN:
            add(chavez + ONE_DAY, "Cesar Chavez Day (observed)")
    add(_nth_weekday(year, 5, MON, -1), "Memorial Day")
    if year >= 2021:  # Juneteenth National Independence Day Act, Pub. L. 117-17 (2021).
        add_fixed(6, 19, "Juneteenth National Independence Day")
    add_fixed(7, 4, "Independence Day")
    add(_nth_weekday(year, 9, MON, 1), "Labor Day")
    add(_nth_weekday(year, 10, MON, 2), "Columbus Day")
    add_fixed(11, 11, "Veterans Day")
    thanksgiving = _nth_weekday(year, 11, THU, 4)
    add(thanksgiving, "Thanksgiving Day")
    # Cal. Gov. Code § 19853: the day after Thanksgiving is a state-office holiday.
    add(thanksgiving + ONE_DAY, "Day after Thanksgiving")
    add_fixed(12, 25, "Christmas Day")
    if date(year + 1, 1, 1).weekday() == SAT:
        add(date(year, 12, 31), "New Year's Day (observed)")
    return days


def holiday_name(day: date, extra: frozenset[date] = frozenset()) -> str | None:
    """The name of the holiday on `day`, or None. `extra` are plan-listed closure days."""
    name = _holidays_in(day.year).get(day)
    if name is None and day in extra:
        return "a district closure day listed in the plan"
    return name


def holidays_between(
    first: date, last: date, extra: frozenset[date] = frozenset()
) -> dict[date, str]:
    """Every holiday from `first` to `last` inclusive, weekends included, by date."""
    found: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        for day, name in _holidays_in(year).items():
            if first <= day <= last:
                found[day] = name
    for day in extra:
        if first <= day <= last:
            found.setdefault(day, "a district closure day listed in the plan")
    return dict(sorted(found.items()))


def is_business_day(day: date, extra: frozenset[date] = frozenset()) -> bool:
    """Monday to Friday and not a federal, California-office or plan-listed holiday."""
    return day.weekday() < SAT and holiday_name(day, extra) is None


def previous_business_day(day: date, extra: frozenset[date] = frozenset()) -> date:
    day -= ONE_DAY
    while not is_business_day(day, extra):
        day -= ONE_DAY
    return day


def next_business_day(day: date, extra: frozenset[date] = frozenset()) -> date:
    day += ONE_DAY
    while not is_business_day(day, extra):
        day += ONE_DAY
    return day


# --------------------------------------------------------------------------------------------
# School calendars


@dataclass(frozen=True, slots=True)
class Break:
    """A school break as the district's calendar lists it (first and last day off)."""

    name: str
    first: date
    last: date

    def weekdays(self) -> int:
        """Weekdays in the break as listed: the "schooldays" of EC 56321(a)'s five-day test."""
        return sum(1 for day in _days(self.first, self.last) if day.weekday() < SAT)


@dataclass(frozen=True, slots=True)
class SchoolYear:
    """One regular school year: first and last day of instruction, and its breaks."""

    first_day: date
    last_day: date
    breaks: tuple[Break, ...] = ()

    @property
    def label(self) -> str:
        return school_year_label(self.first_day.year)


def school_year_label(start_year: int) -> str:
    """'2026-27' for the school year that starts in 2026."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


@dataclass(frozen=True, slots=True)
class SchoolCalendar:
    """The district's published school calendar: years (sorted) and extra closure days."""

    years: tuple[SchoolYear, ...] = ()
    holidays: frozenset[date] = frozenset()

    def year_containing(self, day: date) -> SchoolYear | None:
        return next((y for y in self.years if y.first_day <= day <= y.last_day), None)

    def year_after(self, year: SchoolYear) -> SchoolYear | None:
        return next((y for y in self.years if y.first_day > year.last_day), None)

    def closed_reason(self, day: date) -> str | None:
        """Why a weekday is not a school day: a break, the summer, a holiday (or None)."""
        year = self.year_containing(day)
        if year is not None:
            brk = next((b for b in year.breaks if b.first <= day <= b.last), None)
            if brk is not None:
                return brk.name
        elif self.years and self.years[0].first_day <= day <= self.years[-1].last_day:
            return "between school years"
        return holiday_name(day, self.holidays)

    def is_school_day(self, day: date) -> bool:
        """In session: a weekday inside a school year, outside its breaks, not a holiday."""
        year = self.year_containing(day)
        return (
            year is not None
            and is_business_day(day, self.holidays)
            and not any(b.first <= day <= b.last for b in year.breaks)
        )


@dataclass(frozen=True, slots=True)
class Pause:
    """Days the school-tolled clock does not run, and why."""

    first: date
    last: date
    reason: str

    def __str__(self) -> str:
        return f"{self.reason}: {self.first.isoformat()} to {self.last.isoformat()} not counted"


@dataclass(frozen=True, slots=True)
class Count:
    """The result of counting a period: the due date and everything `explain` shows."""

    due: date
    paused: tuple[Pause, ...] = ()
    skipped: tuple[tuple[date, str], ...] = ()  # holidays skipped by business/school-day counts
    estimated: bool = False
    notes: tuple[str, ...] = ()


NO_CALENDAR_NOTE = (
    "estimated: the plan has no school calendar, so plain calendar days were counted; "
    "add your district's calendar: breaks over five school days pause this clock"
)
NO_CALENDAR_SCHOOL_DAYS_NOTE = (
    "estimated: the plan has no school calendar, so business days were counted as school "
    "days; add your district's calendar (first and last day, breaks) for the exact date"
)


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


@lru_cache(maxsize=256)
def school_pauses(cal: SchoolCalendar) -> tuple[Pause, ...]:
    """Every period the school-tolled clock stops, sorted (EC 56321(a), 56344(a), 56343.5).

    A school vacation of more than five weekdays pauses from the day after the last school
    day before it to the day before school reconvenes, so adjacent weekends and holidays are
    paused too. Breaks listed back to back, with no school day between them, are one vacation
    (a district may list two weeks off as two breaks): their weekdays add up. The time between
    two listed school years is paused from the day after the last day to the day before the
    next first day. Shorter vacations are counted like any other days.
    """
    pauses: list[Pause] = []
    for year in cal.years:
        for vacation in _vacations(year, cal):
            weekdays = sum(
                1 for day in _days(vacation[0].first, vacation[-1].last) if day.weekday() < SAT
            )
            if weekdays <= 5:
                continue
            first = vacation[0].first
            while first - ONE_DAY > year.first_day and not cal.is_school_day(first - ONE_DAY):
                first -= ONE_DAY
            last = vacation[-1].last
            while last + ONE_DAY < year.last_day and not cal.is_school_day(last + ONE_DAY):
                last += ONE_DAY
            pauses.append(Pause(first, last, " and ".join(b.name for b in vacation)))
    for before, after in zip(cal.years, cal.years[1:], strict=False):
        if after.first_day - before.last_day > ONE_DAY:
            pauses.append(
                Pause(
                    before.last_day + ONE_DAY,
                    after.first_day - ONE_DAY,
                    f"between the {before.label} and {after.label} school years",
                )
            )
    return tuple(sorted(pauses, key=lambda p: p.first))


def _vacations(year: SchoolYear, cal: SchoolCalendar) -> list[list[Break]]:
    """The year's breaks, grouped when no school day separates one from the next."""
    groups: list[list[Break]] = []
    for brk in sorted(year.breaks, key=lambda b: b.first):
        if groups and not any(
            cal.is_school_day(day)
            for day in _days(groups[-1][-1].last + ONE_DAY, brk.first - ONE_DAY)
        ):
            groups[-1].append(brk)
        else:
            groups.append([brk])
    return groups


def add_calendar_days(start: date, n: int) -> Count:
    """Day 0 is `start`; every day counts."""
    return Count(start + timedelta(days=n))


def add_business_days(start: date, n: int, extra: frozenset[date] = frozenset()) -> Count:
    """The n-th business day after `start` (n ≥ 1): Monday–Friday, not a holiday."""
    day, left = start, n
    skipped: list[tuple[date, str]] = []
    while left > 0:
        day += ONE_DAY
        if day.weekday() >= SAT:
            continue
        name = holiday_name(day, extra)
        if name is not None:
            skipped.append((day, name))
            continue
        left -= 1
    return Count(day, skipped=tuple(skipped))


def _coverage_note(cal: SchoolCalendar, first_uncovered: date, unit: str) -> str:
    """Name the school year the calendar lacks for an uncovered day."""
    if first_uncovered < cal.years[0].first_day:
        missing = school_year_label(cal.years[0].first_day.year - 1)
        edge = f"before {cal.years[0].first_day.isoformat()}"
    else:
        missing = school_year_label(cal.years[-1].first_day.year + 1)
        edge = f"after {cal.years[-1].last_day.isoformat()}"
    return (
        f"estimated: the plan's calendar has no {missing} school year, so days {edge} were "
        f"counted as {unit}; add the {missing} school year to the plan's calendar"
    )


def add_school_tolled_days(start: date, n: int, cal: SchoolCalendar | None) -> Count:
    """The n-th counted day after `start`, not counting paused periods (SPEC §3.4).

    The clock recommences on the day school reconvenes, which is a counted day. Days that no
    listed school year covers are counted as calendar days and the result is `estimated`.
    """
    if cal is None or not cal.years:
        return Count(start + timedelta(days=n), estimated=True, notes=(NO_CALENDAR_NOTE,))
    day, left = start, n
    used: list[Pause] = []
    for pause in school_pauses(cal):
        if pause.last <= day:
            continue
        gap = (pause.first - day).days - 1  # counted days before this pause begins
        if gap >= left:
            break
        left -= max(gap, 0)
        used.append(Pause(max(pause.first, start + ONE_DAY), pause.last, pause.reason))
        day = pause.last
    due = day + timedelta(days=left)
    return _with_coverage(Count(due, paused=tuple(used)), start, cal, "calendar days")


def _with_coverage(count: Count, start: date, cal: SchoolCalendar, unit: str) -> Count:
    """Mark a school count `estimated` when it ran over days no listed school year covers."""
    begin, end = cal.years[0].first_day, cal.years[-1].last_day
    notes = list(count.notes)
    if start + ONE_DAY < begin:
        notes.append(_coverage_note(cal, start + ONE_DAY, unit))
    if count.due > end:
        notes.append(_coverage_note(cal, count.due, unit))
    if not notes:
        return count
    return Count(count.due, count.paused, count.skipped, estimated=True, notes=tuple(notes))


def add_school_days(start: date, n: int, cal: SchoolCalendar | None) -> Count:
    """The n-th school day after `start` (34 CFR 300.11(c)); business days without a calendar."""
    if cal is None or not cal.years:
        count = add_business_days(start, n)
        return Count(
            count.due, skipped=count.skipped, estimated=True, notes=(NO_CALENDAR_SCHOOL_DAYS_NOTE,)
        )
    begin, end = cal.years[0].first_day, cal.years[-1].last_day
    day, left = start, n
    skipped: list[tuple[date, str]] = []
    while left > 0:
        day += ONE_DAY
        if day.weekday() >= SAT:
            continue
        if begin <= day <= end:
            counted = cal.is_school_day(day)
        else:
            counted = is_business_day(day, cal.holidays)
        if not counted:
            reason = cal.closed_reason(day) if begin <= day <= end else None
            reason = reason or holiday_name(day, cal.holidays)
            if reason is not None:
                skipped.append((day, reason))
            continue
        left -= 1
    return _with_coverage(Count(day, skipped=tuple(skipped)), start, cal, "business days")


def add_months(start: date, n: int) -> date:
    """Same day of the month n months later (or earlier), clamped to the month's end."""
    month_index = start.year * 12 + start.month - 1 + n
    year, month = divmod(month_index, 12)
    month += 1
    last = _month_length(year, month)
    return date(year, month, min(start.day, last))


def add_years(start: date, n: int) -> date:
    """Same date n years later; a Feb 29 anniversary in a common year falls on Feb 28."""
    return add_months(start, 12 * n)
