"""Day counting (SPEC §3): literal dates worked out by hand, and properties."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from plancli import daycount
from plancli.daycount import (
    SchoolCalendar,
    add_business_days,
    add_calendar_days,
    add_months,
    add_school_days,
    add_school_tolled_days,
    add_years,
    is_business_day,
    school_pauses,
)
from plancli.wording import note_text
from tests.conftest import D, maya_calendar

CAL = maya_calendar()
CLOSURES = CAL.holidays


# --------------------------------------------------------------------------------------------
# Holidays


def test_federal_holidays_match_python_holidays() -> None:
    """Our 5 USC 6103 table equals python-holidays' federal list, 2000-2045, except the one-off
    executive-order closures (Christmas Eve, days of mourning) the SPEC does not list."""
    california_only = {"Cesar Chavez Day", "Cesar Chavez Day (observed)", "Day after Thanksgiving"}
    one_off = ("Christmas Eve", "Day After Christmas", "Mourning")
    for year in range(2000, 2046):
        ours = {d for d, n in daycount._holidays_in(year).items() if n not in california_only}
        library = holidays.country_holidays("US", years=year, categories=("public", "government"))
        theirs = {
            d
            for d, n in library.items()
            if d.year == year and not any(word in n for word in one_off)
        }
        assert ours == theirs, year


@pytest.mark.parametrize(
    ("day", "holiday"),
    [
        ("2026-07-03", "Independence Day (observed)"),  # July 4, 2026 is a Saturday
        ("2027-06-18", "Juneteenth National Independence Day (observed)"),  # Sat 2027-06-19
        ("2027-12-31", "New Year's Day (observed)"),  # Jan 1, 2028 is a Saturday
        ("2026-11-26", "Thanksgiving Day"),
        ("2026-11-27", "Day after Thanksgiving"),  # California state offices (GC 19853)
        ("2026-03-31", "Cesar Chavez Day"),
        ("2030-04-01", "Cesar Chavez Day (observed)"),  # Sunday 2030-03-31 -> Monday
        ("2026-10-12", "Columbus Day"),
        ("2028-11-10", "Veterans Day (observed)"),  # Nov 11, 2028 is a Saturday
    ],
)
def test_holiday_names(day: str, holiday: str) -> None:
    assert daycount.holiday_name(D(day)) == holiday


@pytest.mark.parametrize("day", ["2028-02-15", "2027-02-12", "2026-09-25", "2026-04-03"])
def test_not_holidays_without_the_plan(day: str) -> None:
    """Susan B. Anthony Day, Lincoln Day, Native American Day, Good Friday: offices open."""
    assert daycount.holiday_name(D(day)) is None
    assert is_business_day(D(day))


def test_plan_listed_closure_is_a_holiday() -> None:
    assert not is_business_day(D("2027-02-12"), CLOSURES)
    assert daycount.holiday_name(D("2027-02-12"), CLOSURES) == (
        "a district closure day listed in the plan"
    )


# --------------------------------------------------------------------------------------------
# Calendar days and months/years


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        ("2026-09-03", 15, "2026-09-18"),
        ("2026-12-20", 15, "2027-01-04"),  # over the year end
        ("2028-02-20", 15, "2028-03-06"),  # 2028-02-29 exists: 9 days to Feb 29, 6 more
        ("2027-02-20", 15, "2027-03-07"),  # 2027 has no Feb 29
        ("2026-01-31", 1, "2026-02-01"),
        ("2026-10-01", 0, "2026-10-01"),  # n = 0 is day 0 itself
    ],
)
def test_calendar_days(start: str, n: int, due: str) -> None:
    assert add_calendar_days(D(start), n).due == D(due)


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        ("2026-08-31", 6, "2027-02-28"),  # clamped to the end of February
        ("2027-08-31", 6, "2028-02-29"),  # leap year
        ("2026-01-31", 1, "2026-02-28"),
        ("2026-03-31", -1, "2026-02-28"),  # backwards too
        ("2026-11-30", 2, "2027-01-30"),  # over the year end
        ("2027-03-10", -6, "2026-09-10"),
        ("2026-05-15", 0, "2026-05-15"),
    ],
)
def test_add_months(start: str, months: int, due: str) -> None:
    assert add_months(D(start), months) == D(due)


@pytest.mark.parametrize(
    ("start", "years", "due"),
    [
        ("2028-02-29", 1, "2029-02-28"),  # a Feb 29 anniversary falls on Feb 28
        ("2028-02-29", 4, "2032-02-29"),
        ("2026-11-23", 3, "2029-11-23"),
        ("2024-02-29", 3, "2027-02-28"),
    ],
)
def test_add_years(start: str, years: int, due: str) -> None:
    assert add_years(D(start), years) == D(due)


# --------------------------------------------------------------------------------------------
# Business days


@pytest.mark.parametrize(
    ("start", "n", "due", "why"),
    [
        ("2026-11-16", 5, "2026-11-23", "Tue-Fri, then Monday"),
        ("2026-11-20", 5, "2026-12-01", "Thanksgiving Thu and the day after are skipped"),
        ("2026-07-01", 3, "2026-07-07", "Fri 2026-07-03 is Independence Day observed"),
        ("2027-12-28", 5, "2028-01-05", "Fri 2027-12-31 is New Year's Day 2028 observed"),
        ("2030-03-29", 1, "2030-04-02", "Cesar Chavez Day moves to Mon 2030-04-01"),
        ("2028-02-14", 1, "2028-02-15", "Susan B. Anthony Day is not a holiday"),
        ("2027-06-17", 1, "2027-06-21", "Juneteenth observed Fri 2027-06-18"),
        ("2028-11-09", 1, "2028-11-13", "Veterans Day observed Fri 2028-11-10"),
        ("2026-12-23", 2, "2026-12-28", "Christmas Day Friday"),
        ("2026-11-06", 15, "2026-12-02", "Veterans Day, Thanksgiving, day after"),
    ],
)
def test_business_days(start: str, n: int, due: str, why: str) -> None:
    assert add_business_days(D(start), n).due == D(due), why


def test_business_days_skip_plan_closure() -> None:
    # Thu 2027-02-11 + 1: Fri Feb 12 is a district closure, Mon Feb 15 Washington's Birthday.
    count = add_business_days(D("2027-02-11"), 1, CLOSURES)
    assert count.due == D("2027-02-16")
    assert [d for d, _ in count.skipped] == [D("2027-02-12"), D("2027-02-15")]


# --------------------------------------------------------------------------------------------
# School-tolled days


def test_winter_break_pause_includes_adjacent_weekends() -> None:
    pauses = {(p.first, p.last): p.reason for p in school_pauses(CAL)}
    # Last school day before Mon 2026-12-21 is Fri Dec 18; school reconvenes Mon 2027-01-04.
    assert pauses[(D("2026-12-19"), D("2027-01-03"))] == "Winter break"
    # Thanksgiving and spring breaks are five weekdays: not paused.
    assert all("Thanksgiving" not in r and "Spring" not in r for r in pauses.values())
    assert pauses[(D("2027-06-04"), D("2027-08-10"))] == (
        "between the 2026-27 and 2027-28 school years"
    )


@pytest.mark.parametrize(
    ("start", "n", "due", "why"),
    [
        ("2026-09-03", 15, "2026-09-18", "no break in between"),
        ("2026-11-20", 15, "2026-12-05", "Thanksgiving break (5 weekdays) counts"),
        ("2026-12-10", 15, "2027-01-10", "Dec 11-18 = 8 days; Jan 4-10 = 7 days"),
        ("2026-12-18", 15, "2027-01-18", "last school day: Jan 4 is day 1"),
        ("2026-12-25", 15, "2027-01-18", "trigger inside the pause"),
        ("2027-07-01", 15, "2027-08-25", "summer: Aug 11 is day 1"),
        ("2027-05-27", 15, "2027-08-18", "May 28-Jun 3 = 7 days; Aug 11-18 = 8"),
        ("2026-09-24", 60, "2026-11-23", "60 days, only short breaks"),
        ("2026-11-02", 60, "2027-01-17", "Nov 3-Dec 18 = 46; Jan 4-17 = 14"),
        ("2027-01-03", 1, "2027-01-04", "the reconvening day is counted"),
    ],
)
def test_school_tolled(start: str, n: int, due: str, why: str) -> None:
    count = add_school_tolled_days(D(start), n, CAL)
    assert count.due == D(due), why
    assert not count.estimated


def test_school_tolled_names_the_pause() -> None:
    count = add_school_tolled_days(D("2026-12-10"), 15, CAL)
    assert [str(p) for p in count.paused] == ["Winter break: 2026-12-19 to 2027-01-03 not counted"]


def test_school_tolled_without_calendar_is_estimated() -> None:
    count = add_school_tolled_days(D("2026-12-10"), 15, None)
    assert count.due == D("2026-12-25")
    assert count.estimated
    assert "add your district's calendar" in note_text(count.notes[0])


def test_school_tolled_past_the_last_year_is_estimated() -> None:
    # May 21-Jun 1 = 12 counted days; Jun 2-4 are after the calendar: calendar days.
    count = add_school_tolled_days(D("2028-05-20"), 15, CAL)
    assert count.due == D("2028-06-04")
    assert count.estimated
    assert "2028-29 school year" in note_text(count.notes[0])


def test_school_tolled_before_the_first_year_is_estimated() -> None:
    count = add_school_tolled_days(D("2026-07-20"), 15, CAL)
    assert count.due == D("2026-08-04")
    assert count.estimated
    assert "2025-26 school year" in note_text(count.notes[0])


# --------------------------------------------------------------------------------------------
# School days


@pytest.mark.parametrize(
    ("start", "n", "due", "why"),
    [
        ("2026-11-18", 10, "2026-12-09", "Thanksgiving break week is not in session"),
        ("2027-02-10", 10, "2027-02-26", "Feb 12 closure and Feb 15 holiday skipped"),
        ("2026-12-16", 3, "2027-01-04", "Dec 17, 18, then winter break: Jan 4"),
    ],
)
def test_school_days(start: str, n: int, due: str, why: str) -> None:
    count = add_school_days(D(start), n, CAL)
    assert count.due == D(due), why
    assert not count.estimated


def test_school_days_without_calendar_count_business_days() -> None:
    count = add_school_days(D("2026-11-18"), 10, None)
    assert count.due == D("2026-12-04")  # Nov 26-27 are holidays; the break is unknown
    assert count.estimated


# --------------------------------------------------------------------------------------------
# Properties

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
covered = st.dates(min_value=date(2026, 8, 1), max_value=date(2028, 4, 1))


@given(days, st.integers(min_value=0, max_value=400))
def test_calendar_counting_is_date_arithmetic(start: date, n: int) -> None:
    assert add_calendar_days(start, n).due == start + timedelta(days=n)


@given(days, st.integers(min_value=1, max_value=30))
def test_business_day_result_is_a_business_day(start: date, n: int) -> None:
    due = add_business_days(start, n).due
    assert due.weekday() < 5
    assert is_business_day(due)
    counted = sum(
        is_business_day(start + timedelta(days=i)) for i in range(1, (due - start).days + 1)
    )
    assert counted == n


@given(days, st.integers(min_value=-120, max_value=120))
def test_add_months_matches_relativedelta(start: date, n: int) -> None:
    assert add_months(start, n) == start + relativedelta(months=n)


@given(covered, st.integers(min_value=1, max_value=90))
def test_school_tolled_never_due_in_a_pause(start: date, n: int) -> None:
    count = add_school_tolled_days(start, n, CAL)
    assert not any(p.first <= count.due <= p.last for p in school_pauses(CAL))
    paused = {
        p.first + timedelta(days=i)
        for p in school_pauses(CAL)
        for i in range((p.last - p.first).days + 1)
    }
    counted = [start + timedelta(days=i) for i in range(1, (count.due - start).days + 1)]
    assert sum(day not in paused for day in counted) == n


@given(covered, st.integers(min_value=1, max_value=60))
def test_school_tolled_is_monotonic(start: date, n: int) -> None:
    assert add_school_tolled_days(start, n, CAL).due < add_school_tolled_days(start, n + 1, CAL).due


@given(covered, st.integers(min_value=1, max_value=20))
def test_school_days_land_on_school_days(start: date, n: int) -> None:
    count = add_school_days(start, n, CAL)
    if not count.estimated:
        assert CAL.is_school_day(count.due)


def test_empty_calendar_counts_like_no_calendar() -> None:
    assert add_school_tolled_days(D("2026-12-10"), 15, SchoolCalendar()).estimated
