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

from plancli.i18n import N_

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

    add_fixed(1, 1, N_("New Year's Day"))
    if year >= 1986:
        add(_nth_weekday(year, 1, MON, 3), N_("Birthday of Martin Luther King, Jr."))
    add(_nth_weekday(year, 2, MON, 3), N_("Washington's Birthday"))
    # Cal. Gov. Code § 19853: Cesar Chavez Day, March 31; § 6701: Sunday → Monday (no Friday rule).
    if year >= 1995:
        chavez = date(year, 3, 31)
        add(chavez, N_("Cesar Chavez Day"))
        if chavez.weekday() == SUN:
            add(chavez + ONE_DAY, N_("Cesar Chavez Day (observed)"))
    add(_nth_weekday(year, 5, MON, -1), N_("Memorial Day"))
    if year >= 2021:  # Juneteenth National Independence Day Act, Pub. L. 117-17 (2021).
        add_fixed(6, 19, N_("Juneteenth National Independence Day"))
    add_fixed(7, 4, N_("Independence Day"))
    add(_nth_weekday(year, 9, MON, 1), N_("Labor Day"))
    add(_nth_weekday(year, 10, MON, 2), N_("Columbus Day"))
    add_fixed(11, 11, N_("Veterans Day"))
    thanksgiving = _nth_weekday(year, 11, THU, 4)
    add(thanksgiving, N_("Thanksgiving Day"))
    # Cal. Gov. Code § 19853: the day after Thanksgiving is a state-office holiday.
    add(thanksgiving + ONE_DAY, N_("Day after Thanksgiving"))
    add_fixed(12, 25, N_("Christmas Day"))
    if date(year + 1, 1, 1).weekday() == SAT:
        add(date(year, 12, 31), N_("New Year's Day (observed)"))
    return days


DISTRICT_CLOSURE = N_("a district closure day listed in the plan")
REGIONAL_CENTER_CLOSURE = N_("a regional center closure day listed in the plan")


def holiday_name(
    day: date, extra: frozenset[date] = frozenset(), closure: str = DISTRICT_CLOSURE
) -> str | None:
    """The name of the holiday on `day`, or None. `extra` are plan-listed closure days of
    whoever owes the deadline (`closure` names them: the district's or the regional center's)."""
    name = _holidays_in(day.year).get(day)
    if name is None and day in extra:
        return closure
    return name


def holidays_between(
    first: date, last: date, extra: frozenset[date] = frozenset(), closure: str = DISTRICT_CLOSURE
) -> dict[date, str]:
    """Every holiday from `first` to `last` inclusive, weekends included, by date."""
    found: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        for day, name in _holidays_in(year).items():
            if first <= day <= last:
                found[day] = name
    for day in extra:
        if first <= day <= last:
            found.setdefault(day, closure)
    return dict(sorted(found.items()))


# Cal. Educ. Code § 37220(a): the holidays on which "the public schools shall close". Not the
# state-office list: Columbus Day, Cesar Chavez Day (optional, § 37220.5), the day after
# Thanksgiving and Juneteenth are not on it, so a district may be in session on them.
SCHOOL_HOLIDAY_LAW = "Cal. Educ. Code § 37220(a)"
SCHOOL_HOLIDAY_SOURCE = "https://codes.findlaw.com/ca/education-code/edc-sect-37220/"


@lru_cache(maxsize=256)
def school_holidays_in(year: int, listed: frozenset[date] = frozenset()) -> dict[date, str]:
    """The days California public schools close by law in `year` (EC § 37220(a)(1)-(10)).

    Where the law lets the district choose the day, a district closure (`listed`, the plan's
    `calendar.holidays`) on one of the allowed days is the district's choice, and the holiday
    falls there and nowhere else: Dr. Martin Luther King, Jr. Day is "the third Monday in
    January, or the Monday or Friday of the week in which January 15 occurs"; Lincoln Day is
    "the Monday or Friday of the week in which February 12 occurs". Without such a closure
    plancli takes one day and `explain` says which: the third Monday in January; February 12
    itself when it is a Monday or a Friday, else the Monday of that week (weeks from Sunday).
    The section names no substitute day for a holiday on a weekend, so none is added.
    """
    third_monday = _nth_weekday(year, 1, MON, 3)
    king = _district_choice((third_monday, *_monday_and_friday(date(year, 1, 15))), listed)
    lincoln_options: tuple[date, ...] = _monday_and_friday(date(year, 2, 12))
    if date(year, 2, 12) in lincoln_options:  # a Monday or a Friday: the day itself first
        lincoln_options = (date(year, 2, 12), *lincoln_options)
    lincoln = _district_choice(lincoln_options, listed)
    days = {
        date(year, 1, 1): N_("New Year's Day"),
        king: N_("Dr. Martin Luther King, Jr. Day"),
        lincoln: N_("Lincoln Day"),
        _nth_weekday(year, 2, MON, 3): N_("Washington Day"),
        _nth_weekday(year, 5, MON, -1): N_("Memorial Day"),
        date(year, 7, 4): N_("Independence Day"),
        _nth_weekday(year, 9, MON, 1): N_("Labor Day"),
        date(year, 11, 11): N_("Veterans Day"),
        _nth_weekday(year, 11, THU, 4): N_("Thanksgiving Day"),
        date(year, 12, 25): N_("Christmas Day"),
    }
    return dict(sorted(days.items()))


def _monday_and_friday(day: date) -> tuple[date, date]:
    """The Monday and the Friday of the week (Sunday to Saturday) in which `day` occurs."""
    sunday = day - timedelta(days=(day.weekday() + 1) % 7)
    return sunday + timedelta(days=1), sunday + timedelta(days=5)


def _district_choice(options: tuple[date, ...], listed: frozenset[date]) -> date:
    """The allowed day the district closes on, else the first option (plancli's default)."""
    return next((day for day in options if day in listed), options[0])


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
    # Days the district is in session although EC § 37220 lets it close (SPEC §3.5).
    in_session: frozenset[date] = frozenset()

    def school_holiday(self, day: date) -> str | None:
        """Why schools are closed on `day` by law or by the district's own closure, or None."""
        if day in self.in_session:
            return None
        name = school_holidays_in(day.year, self.holidays).get(day)
        if name is None and day in self.holidays:
            return DISTRICT_CLOSURE
        return name

    def school_holidays_between(self, first: date, last: date) -> dict[date, str]:
        """Every school holiday from `first` to `last` (weekends included), for `explain`."""
        found = {}
        for year in range(first.year, last.year + 1):
            for day in (*school_holidays_in(year, self.holidays), *self.holidays):
                name = self.school_holiday(day)
                if first <= day <= last and name is not None:
                    found[day] = name
        return dict(sorted(found.items()))

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
            return N_("between school years")
        return self.school_holiday(day)

    def is_school_day(self, day: date) -> bool:
        """In session: a weekday inside a school year, outside its breaks, not a school
        holiday (EC § 37220(a), the plan's closures, less the days listed as in session)."""
        year = self.year_containing(day)
        return (
            year is not None
            and day.weekday() < SAT
            and self.school_holiday(day) is None
            and not any(b.first <= day <= b.last for b in year.breaks)
        )


@dataclass(frozen=True, slots=True)
class Pause:
    """Days the school-tolled clock does not run, and why."""

    first: date
    last: date
    reason: str  # the break's name(s) as the plan lists them, or the English for `between`
    between: tuple[str, str] | None = None  # the school years a summer pause lies between

    def __str__(self) -> str:
        return f"{self.reason}: {self.first.isoformat()} to {self.last.isoformat()} not counted"


class NoteKind(StrEnum):
    """What a note on a count or a deadline is about. Each output words it itself
    (`plancli.wording.note_text`); the values it needs are the fields of `Note`."""

    # estimates: the count lacked something (the note says what to add)
    NO_CALENDAR = "no-calendar"  # school-tolled without a calendar
    NO_CALENDAR_SCHOOL_DAYS = "no-calendar-school-days"  # school days counted as business days
    MISSING_SCHOOL_YEAR = "missing-school-year"  # school_year, side, day (the edge), unit
    END_OF_YEAR_NEEDS_NEXT_YEAR = "end-of-year-needs-next-year"  # see _end_of_year
    NO_CAP_DATE = "no-cap-date"  # name (the field), day (the uncapped date)
    # facts about a date
    END_OF_YEAR_NO_REFERRAL = "end-of-year-no-referral"  # name (the referral type), days, within
    EXTENSION_IGNORED = "extension-ignored"  # name (event id), day (until), other_day (law)
    EXTENDED = "extended"  # name (event id), day (until), other_day (law's date)
    AFTER_EARLY_START = "after-early-start"  # day (third birthday)
    BEFORE_EARLY_START = "before-early-start"  # day (first early-start event), name (its id)
    NON_BUSINESS_DUE_PARENT = "non-business-due-parent"  # day, name (holiday), other_day
    NON_BUSINESS_DUE_AGENCY = "non-business-due-agency"  # day, name, who, other_day


ESTIMATE_KINDS = frozenset(
    {
        NoteKind.NO_CALENDAR,
        NoteKind.NO_CALENDAR_SCHOOL_DAYS,
        NoteKind.MISSING_SCHOOL_YEAR,
        NoteKind.END_OF_YEAR_NEEDS_NEXT_YEAR,
        NoteKind.NO_CAP_DATE,
    }
)


@dataclass(frozen=True, slots=True)
class Note:
    """A note on a date, as data: its kind and the values the wording needs (see NoteKind)."""

    kind: NoteKind
    day: date | None = None  # the date the note is about
    other_day: date | None = None  # the date it points to (business day, law's date)
    last_day: date | None = None  # end-of-year: the last day of the school year
    school_year: str | None = None  # "2027-28": the school year concerned or missing
    next_school_year: str | None = None
    name: str | None = None  # a holiday, an event field, an event id, an event type
    who: str | None = None  # who owes the deadline
    side: str | None = None  # "before" / "after" the listed school years
    unit: str | None = None  # how uncovered days were counted: "calendar days", ...
    days: int | None = None
    within: int | None = None
    days_before: int | None = None

    @property
    def estimated(self) -> bool:
        """The note says why a date is an estimate (and what to add to make it exact)."""
        return self.kind in ESTIMATE_KINDS


@dataclass(frozen=True, slots=True)
class Count:
    """The result of counting a period: the due date and everything `explain` shows."""

    due: date
    paused: tuple[Pause, ...] = ()
    skipped: tuple[tuple[date, str], ...] = ()  # holidays skipped by business/school-day counts
    estimated: bool = False
    notes: tuple[Note, ...] = ()


NO_CALENDAR_NOTE = Note(NoteKind.NO_CALENDAR)
NO_CALENDAR_SCHOOL_DAYS_NOTE = Note(NoteKind.NO_CALENDAR_SCHOOL_DAYS)


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
                    between=(before.label, after.label),
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


def add_business_days(
    start: date, n: int, extra: frozenset[date] = frozenset(), closure: str = DISTRICT_CLOSURE
) -> Count:
    """The n-th business day after `start` (n ≥ 1): Monday–Friday, not a holiday; `extra`
    are the closure days of whoever owes the deadline, named `closure`."""
    day, left = start, n
    skipped: list[tuple[date, str]] = []
    while left > 0:
        day += ONE_DAY
        if day.weekday() >= SAT:
            continue
        name = holiday_name(day, extra, closure)
        if name is not None:
            skipped.append((day, name))
            continue
        left -= 1
    return Count(day, skipped=tuple(skipped))


def _coverage_note(cal: SchoolCalendar, first_uncovered: date, unit: str) -> Note:
    """Name the school year the calendar lacks for an uncovered day."""
    if first_uncovered < cal.years[0].first_day:
        missing = school_year_label(cal.years[0].first_day.year - 1)
        side, edge = "before", cal.years[0].first_day
    else:
        missing = school_year_label(cal.years[-1].first_day.year + 1)
        side, edge = "after", cal.years[-1].last_day
    return Note(NoteKind.MISSING_SCHOOL_YEAR, day=edge, school_year=missing, side=side, unit=unit)


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
