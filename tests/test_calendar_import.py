"""Reading districts' iCalendar feeds (SPEC §10): each import equals the calendar typed by hand.

The three feeds under tests/data/calendars/ follow three vendors' conventions: a Google
Calendar export (UTC-stamped timed events, RRULE noise, VTIMEZONE), a Finalsite/Blackboard
feed (every day as a local 00:00-23:59 timed event, folded lines, escaped commas, two school
years) and an Edlio/SchoolMessenger feed (bilingual titles, Spanish duplicates, a Windows zone
name, single days without DTEND, a timed event at local midnight stamped in UTC).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from plancli import store
from plancli.calendar_edit import CalendarError, imported_section, merge_import, validate
from plancli.calendar_import import (
    MAX_FEED_BYTES,
    Closure,
    ImportedCalendar,
    Kind,
    Missing,
    Reason,
    classify,
    read_feed,
)
from plancli.daycount import Break, SchoolCalendar, SchoolYear
from plancli.deadlines import deadlines_for
from plancli.errors import PlancliError

D = date.fromisoformat
FEEDS = Path(__file__).parent / "data" / "calendars"
FEED_NAMES = [
    "google-valle-verde-2026-27",
    "finalsite-sierra-vista-2026-28",
    "edlio-rio-claro-2026-27",
]
CHILD = "version: 1\nchild: {name: Test Child, birth_date: 2019-05-14}\n"


def imported(name: str) -> ImportedCalendar:
    return read_feed((FEEDS / f"{name}.ics").read_bytes())


def typed_by_hand(name: str) -> SchoolCalendar:
    text = CHILD + (FEEDS / f"{name}.yaml").read_text(encoding="utf-8")
    calendar = store.plan_from_text(text, name).plan.calendar
    assert calendar is not None
    return calendar


def ignored(result: ImportedCalendar) -> dict[str, Reason]:
    return {i.title: i.reason for i in result.ignored}


@pytest.mark.parametrize("name", FEED_NAMES)
def test_import_equals_the_calendar_typed_by_hand(name: str) -> None:
    result = imported(name)
    assert result.missing is None
    as_imported = SchoolCalendar(years=result.years, holidays=frozenset(result.holidays))
    assert as_imported == typed_by_hand(name)
    # And through the section the import writes, read back by the plan file's validator.
    assert validate(imported_section(result)) == typed_by_hand(name)


@pytest.mark.parametrize("name", FEED_NAMES)
def test_deadlines_from_an_imported_calendar_equal_the_hand_typed_ones(name: str) -> None:
    events = """events:
  - {id: e1, type: assessment-requested, date: 2026-11-10}
  - {id: e2, type: assessment-consent-given, date: 2026-12-10}
  - {id: e3, type: records-requested, date: 2027-02-10}
  - {id: e4, type: assessment-requested, date: 2027-05-27}
  - {id: e5, type: iep-meeting, date: 2027-03-01}
"""
    section = imported_section(imported(name))
    by_hand = CHILD + events + (FEEDS / f"{name}.yaml").read_text(encoding="utf-8")
    from_feed = CHILD + events + "calendar: " + json.dumps(section) + "\n"
    today = D("2027-06-01")
    expected = deadlines_for(store.plan_from_text(by_hand, "by-hand").plan, today)
    got = deadlines_for(store.plan_from_text(from_feed, "from-feed").plan, today)
    assert got == expected
    assert [d.due for d in got] == [d.due for d in expected]


def test_google_feed_deadlines_worked_by_hand() -> None:
    """Valle Verde: consent 2026-12-10; the winter break (10 weekdays) pauses from Saturday
    12-19 to Sunday 01-03; 8 days counted to 12-18, 52 more from Monday 01-04: 2027-02-24.
    Records requested Wednesday 2027-02-10: Thursday 02-11 (1), Friday 02-12 is Lincoln Day
    (a closure only the feed lists), Monday 02-15 Presidents' Day, then 16, 17, 18, 19 (5)."""
    section = imported_section(imported("google-valle-verde-2026-27"))
    text = (
        CHILD
        + "events:\n  - {id: e1, type: assessment-consent-given, date: 2026-12-10}\n"
        + "  - {id: e2, type: records-requested, date: 2027-02-10}\n"
        + "calendar: "
        + json.dumps(section)
    )
    due = {
        d.id: d.due for d in deadlines_for(store.plan_from_text(text, "p").plan, D("2027-01-05"))
    }
    assert due["initial-iep:e1"] == D("2027-02-24")
    assert due["school-records:e2"] == D("2027-02-19")


def test_google_feed_noise_and_what_was_left_out() -> None:
    result = imported("google-valle-verde-2026-27")
    assert result.name == "Valle Verde USD 2026-27 Instructional Calendar"
    left = ignored(result)
    assert left["Minimum Day"] is Reason.RECURRING
    assert left["Back to School Night"] is Reason.NOT_A_CLOSURE
    assert left["End of Trimester 1"] is Reason.NOT_A_CLOSURE  # spans Thanksgiving
    assert left["Daylight Saving Time Begins"] is Reason.NOT_A_CLOSURE
    assert left["Daylight Saving Time Ends"] is Reason.NOT_A_CLOSURE
    assert left["Teacher Work Days"] is Reason.OUTSIDE_SCHOOL_YEAR  # before the first day
    assert left["Independence Day (observed)"] is Reason.OUTSIDE_SCHOOL_YEAR  # July
    assert left["Christmas Day"] is Reason.DUPLICATE  # inside the winter break
    assert left["Thanksgiving Day"] is Reason.MERGED  # extends "Fall Recess" to the Friday
    assert left["Cesar Chavez Day"] is Reason.UNRECOGNISED  # schools may stay open
    # 19:30 UTC on 09-03 is 18:30 in Los Angeles on 09-02.
    night = next(i for i in result.ignored if i.title == "Back to School Night")
    assert (night.first, night.last) == (D("2026-09-02"), D("2026-09-02"))
    # The next year has a first day only: not imported, and said so.
    assert [(y.label, y.first_day, y.last_day) for y in result.incomplete] == [
        ("2027-28", D("2027-08-11"), None)
    ]


def test_utc_stamped_local_midnight_events_are_read_in_los_angeles() -> None:
    """Google stamps timed events in UTC: 07:00Z in October and 08:00Z in January are local
    midnight. Read in UTC, the Non-Student Day would last two days (10-09 and 10-10)."""
    result = imported("google-valle-verde-2026-27")
    assert Closure(D("2026-10-09"), "Non-Student Day") in result.closures
    assert Closure(D("2027-01-25"), "Staff Development Day") in result.closures
    assert D("2026-10-10") not in result.holidays


def test_finalsite_feed_two_years_and_escaped_titles() -> None:
    result = imported("finalsite-sierra-vista-2026-28")
    assert [y.label for y in result.years] == ["2026-27", "2027-28"]
    assert result.years[0].breaks[1] == Break(
        "Winter Recess, No School", D("2026-12-21"), D("2027-01-08")
    )
    left = ignored(result)
    assert left["Minimum Days - Parent Conferences (TK-5)"] is Reason.NOT_A_CLOSURE
    assert left["Summer Recess"] is Reason.OUTSIDE_SCHOOL_YEAR
    assert left["Teacher Institute Days - Non-Student Days"] is Reason.OUTSIDE_SCHOOL_YEAR


def test_edlio_feed_spanish_titles_and_duplicates() -> None:
    result = imported("edlio-rio-claro-2026-27")
    left = ignored(result)
    assert left["Receso de invierno"] is Reason.DUPLICATE  # the same dates as the English one
    assert left["Veterans Day - No School"] is Reason.DUPLICATE  # the Spanish one came first
    assert left["Día no lectivo / Non-Student Day"] is Reason.MERGED  # the day before the break
    assert left["Horario de verano / Daylight Saving Time Begins"] is Reason.NOT_A_CLOSURE
    assert left["Summer School Begins / Inicio de escuela de verano"] is Reason.NOT_A_CLOSURE
    assert Closure(D("2027-01-18"), "Día festivo") in result.closures


# --------------------------------------------------------------------------------------------
# Edge cases on small feeds


def feed(*events: str, name: str = "") -> bytes:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    if name:
        head += f"X-WR-CALNAME:{name}\r\n"
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:u{i}\r\nDTSTAMP:20260101T000000Z\r\n{e.strip()}\r\nEND:VEVENT\r\n"
        for i, e in enumerate(events)
    )
    return (head + body + "END:VCALENDAR\r\n").encode()


def event(summary: str, start: str, end: str | None = None) -> str:
    lines = [f"SUMMARY:{summary}", start if ":" in start else f"DTSTART;VALUE=DATE:{start}"]
    if end is not None:
        lines.append(end if ":" in end else f"DTEND;VALUE=DATE:{end}")
    return "\r\n".join(lines)


YEAR = (event("First Day of School", "20260812"), event("Last Day of School", "20270603"))


def test_all_day_dtend_is_exclusive() -> None:
    result = read_feed(feed(*YEAR, event("Winter Break", "20261221", "20270102")))
    assert result.years[0].breaks == (Break("Winter Break", D("2026-12-21"), D("2027-01-01")),)


def test_one_day_event_without_dtend_lasts_its_day() -> None:
    result = read_feed(feed(*YEAR, event("No School", "20261009")))
    assert result.closures == (Closure(D("2026-10-09"), "No School"),)
    assert result.years[0].breaks == ()


def test_dtend_equal_to_dtstart_is_one_day() -> None:
    result = read_feed(feed(*YEAR, event("Holiday", "20261009", "20261009")))
    assert result.holidays == (D("2026-10-09"),)


def test_break_across_new_year_stays_in_its_school_year() -> None:
    result = read_feed(feed(*YEAR, event("Vacaciones de invierno", "20261223", "20270105")))
    assert [y.label for y in result.years] == ["2026-27"]
    assert result.years[0].breaks == (
        Break("Vacaciones de invierno", D("2026-12-23"), D("2027-01-04")),
    )


def test_overlapping_duplicates_become_one_break_named_by_the_longest() -> None:
    result = read_feed(
        feed(
            *YEAR,
            event("Spring Recess", "20270329", "20270402"),  # Monday to Thursday
            event("Spring Break", "20270329", "20270403"),  # Monday to Friday
            event("Cesar Chavez Day - No School", "20270331"),
        )
    )
    assert result.years[0].breaks == (Break("Spring Break", D("2027-03-29"), D("2027-04-02")),)
    assert result.closures == ()
    assert ignored(result) == {
        "Spring Recess": Reason.DUPLICATE,
        "Cesar Chavez Day - No School": Reason.DUPLICATE,
    }


def test_days_separated_by_a_weekend_stay_apart() -> None:
    """Whether a Friday and the next Monday make one vacation changes a school-tolled count;
    the feed does not say, so they stay two closure days."""
    result = read_feed(
        feed(*YEAR, event("Lincoln Day", "20270212"), event("Presidents' Day", "20270215"))
    )
    assert result.holidays == (D("2027-02-12"), D("2027-02-15"))
    assert result.years[0].breaks == ()


def test_events_outside_august_to_june_are_listed_not_imported() -> None:
    result = read_feed(
        feed(
            *YEAR,
            event("Independence Day - No School", "20260703"),
            event("Summer Break", "20270604", "20270811"),
            event("Holiday", "20270705"),
        )
    )
    assert result.closures == ()
    assert result.years[0].breaks == ()
    assert set(ignored(result).values()) == {Reason.OUTSIDE_SCHOOL_YEAR}


def test_a_weekend_closure_changes_nothing_and_is_listed() -> None:
    result = read_feed(feed(*YEAR, event("Veterans Day", "20261114")))  # a Saturday
    assert result.closures == ()
    assert ignored(result) == {"Veterans Day": Reason.WEEKEND}


def test_timed_event_at_local_midnight_stamped_in_utc() -> None:
    """SPEC §10's example: DTSTART:20261124T080000Z is 2026-11-24 00:00 in Los Angeles."""
    result = read_feed(feed(*YEAR, event("Non-Student Day", "DTSTART:20261124T080000Z")))
    assert result.closures == (Closure(D("2026-11-24"), "Non-Student Day"),)


def test_timed_multi_day_event_ends_before_its_end_instant() -> None:
    """08:00Z on 11-28 is midnight starting the 28th in Los Angeles: the last day is the 27th.
    (Read in UTC, it would run to the 28th.)"""
    result = read_feed(
        feed(
            *YEAR, event("Thanksgiving Break", "DTSTART:20261123T080000Z", "DTEND:20261128T080000Z")
        )
    )
    assert result.years[0].breaks == (
        Break("Thanksgiving Break", D("2026-11-23"), D("2026-11-27")),
    )


def test_timed_event_in_utc_evening_is_the_local_day_before() -> None:
    result = read_feed(feed(*YEAR, event("No School", "DTSTART:20261010T050000Z")))
    assert result.holidays == (D("2026-10-09"),)  # 22:00 Friday in Los Angeles


def test_floating_time_is_local_and_duration_is_read() -> None:
    result = read_feed(
        feed(*YEAR, "SUMMARY:Recess\r\nDTSTART;VALUE=DATE:20261221\r\nDURATION:P12D")
    )
    assert result.years[0].breaks == (Break("Recess", D("2026-12-21"), D("2027-01-01")),)


def test_first_and_last_day_in_spanish_and_an_earlier_first_day_wins() -> None:
    result = read_feed(
        feed(
            event("Primer día de clases", "20260819"),
            event("First Day of School - Grades 1-12", "20260820"),
            event("Último día de clases", "20270609"),
        )
    )
    assert result.years == (SchoolYear(D("2026-08-19"), D("2027-06-09")),)
    assert ignored(result) == {"First Day of School - Grades 1-12": Reason.OTHER_FIRST_DAY}


def test_cancelled_and_dateless_events_are_listed() -> None:
    result = read_feed(
        feed(
            *YEAR,
            event("No School", "20261009") + "\r\nSTATUS:CANCELLED",
            "SUMMARY:Holiday",
        )
    )
    assert result.closures == ()
    assert ignored(result) == {"No School": Reason.CANCELLED, "Holiday": Reason.BAD_DATE}


@pytest.mark.parametrize(
    ("events", "missing"),
    [
        ((event("Winter Break", "20261221", "20270102"),), Missing.NO_FIRST_OR_LAST_DAY),
        ((event("First Day of School", "20260812"),), Missing.NO_LAST_DAY),
        ((event("Last Day of School", "20270603"),), Missing.NO_FIRST_DAY),
        ((), Missing.NO_FIRST_OR_LAST_DAY),
    ],
)
def test_a_feed_without_first_or_last_day_gives_nothing_to_write(
    events: tuple[str, ...], missing: Missing
) -> None:
    result = read_feed(feed(*events))
    assert result.years == ()
    assert result.missing is missing
    with pytest.raises(CalendarError, match="nothing was written") as error:
        merge_import({}, result)
    assert "add-year FIRST LAST" in str(error.value)


# --------------------------------------------------------------------------------------------
# Titles


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("First Day of School", Kind.FIRST_DAY),
        ("First Day for Students", Kind.FIRST_DAY),
        ("Primer Día de Clases", Kind.FIRST_DAY),
        ("Inicio de clases", Kind.FIRST_DAY),
        ("First Day of School for Teachers", Kind.UNKNOWN),
        ("First Day of Second Semester", Kind.UNKNOWN),
        ("Last Day of School - Minimum Day", Kind.LAST_DAY),
        ("Último día de clases", Kind.LAST_DAY),
        ("Fin del año escolar", Kind.LAST_DAY),
        ("Last Day of Trimester 2", Kind.UNKNOWN),
        ("Winter Recess", Kind.CLOSURE),
        ("Spring Break", Kind.CLOSURE),
        ("Summer Vacation", Kind.CLOSURE),
        ("No School", Kind.CLOSURE),
        ("NO SCHOOL - Veterans Day", Kind.CLOSURE),
        ("Non-Student Day", Kind.CLOSURE),
        ("Nonstudent Day", Kind.CLOSURE),
        ("Student Free Day", Kind.CLOSURE),
        ("Holiday", Kind.CLOSURE),
        ("Staff Development Day", Kind.CLOSURE),
        ("Professional Development - No Students", Kind.CLOSURE),
        ("Teacher Work Day", Kind.CLOSURE),
        ("Teacher Workday", Kind.CLOSURE),
        ("Furlough Day", Kind.CLOSURE),
        ("Veterans Day", Kind.CLOSURE),
        ("Veteran's Day", Kind.CLOSURE),
        ("Thanksgiving", Kind.CLOSURE),
        ("Lincoln's Birthday", Kind.CLOSURE),
        ("Presidents Day", Kind.CLOSURE),
        ("New Year's Day", Kind.CLOSURE),
        ("Vacaciones de invierno", Kind.CLOSURE),
        ("Receso de primavera", Kind.CLOSURE),
        ("No hay clases", Kind.CLOSURE),
        ("Día festivo", Kind.CLOSURE),
        ("DÍA NO LECTIVO", Kind.CLOSURE),
        ("Día feriado", Kind.CLOSURE),
        ("Minimum Day", Kind.NOISE),
        ("Early Release Wednesday", Kind.NOISE),
        ("Back-to-School Night", Kind.NOISE),
        ("Daylight Saving Time Begins", Kind.NOISE),
        ("Daylight Savings Time Ends", Kind.NOISE),
        ("End of Trimester 1", Kind.NOISE),
        ("End of the First Semester", Kind.NOISE),
        ("End of Quarter 3", Kind.NOISE),
        ("Picture Day", Kind.NOISE),
        ("Grades Due", Kind.NOISE),
        ("Holiday Concert", Kind.NOISE),
        ("Winter Break Begins", Kind.NOISE),
        ("School Resumes", Kind.NOISE),
        ("Día mínimo", Kind.NOISE),
        ("Salida temprana", Kind.NOISE),
        ("Fin del primer semestre", Kind.NOISE),
        ("Cesar Chavez Day", Kind.UNKNOWN),
        ("Columbus Day", Kind.UNKNOWN),
        ("Board Retreat", Kind.UNKNOWN),
        ("Pancake Breakfast", Kind.UNKNOWN),
    ],
)
def test_classify(title: str, kind: Kind) -> None:
    assert classify(title) is kind


# --------------------------------------------------------------------------------------------
# Files that are not feeds


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "does not start with BEGIN:VCALENDAR"),
        (b"version: 1\nchild: {}\n", "does not start with BEGIN:VCALENDAR"),
        (b"%PDF-1.7\n\x00\x01\x02binary", "binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary data"),
        (b"BEGIN:VCALENDAR\r\nthis is not a content line\r\n", "line unreadable"),
        (b"BEGIN:VCALENDAR\r\n" + b"X" * (MAX_FEED_BYTES + 1), "over 10 MB"),
    ],
)
def test_files_that_are_not_feeds_give_one_clear_message(data: bytes, why: str) -> None:
    with pytest.raises(PlancliError) as error:
        read_feed(data)
    message = str(error.value)
    assert message.startswith("This file is not an iCalendar feed (")
    assert why in message
    assert "Traceback" not in message
    assert "\n" not in message


def test_latin1_feed_is_read() -> None:
    data = feed(*YEAR, event("Día festivo", "20261009")).replace(
        "Día".encode(), "Día".encode("cp1252")
    )
    assert read_feed(data).closures == (Closure(D("2026-10-09"), "Día festivo"),)


def test_a_byte_order_mark_is_accepted() -> None:
    assert read_feed(b"\xef\xbb\xbf" + feed(*YEAR)).years == (
        SchoolYear(D("2026-08-12"), D("2027-06-03")),
    )
