"""One wording for mistyped dates and event types, in the file and on the command line."""

from __future__ import annotations

from datetime import date

import pytest

from plancli import store
from plancli.errors import PlancliError, suggestion
from plancli.hints import (
    EARLIEST,
    LATEST,
    closest_names,
    date_problem,
    event_type_problem,
    parse_date,
)
from plancli.rules import EVENT_TYPES
from plancli.store.validate import _Checker


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2026-11-20", None),
        ("11/20/2026", "expected YYYY-MM-DD, got '11/20/2026' (write it as 2026-11-20)"),
        ("20/11/2026", "expected YYYY-MM-DD, got '20/11/2026' (write it as 2026-11-20)"),
        (
            "03/04/2026",
            "expected YYYY-MM-DD, got '03/04/2026' (write it as 2026-03-04 for March 4 or "
            "2026-04-03 for April 3)",
        ),
        ("3/3/2026", "expected YYYY-MM-DD, got '3/3/2026' (write it as 2026-03-03)"),
        ("11-20-2026", "expected YYYY-MM-DD, got '11-20-2026' (write it as 2026-11-20)"),
        ("2018-3-14", "expected YYYY-MM-DD, got '2018-3-14' (write it as 2018-03-14)"),
        ("2018/03/14", "expected YYYY-MM-DD, got '2018/03/14' (write it as 2018-03-14)"),
        ("2018-2-30", "expected YYYY-MM-DD, got '2018-2-30' (there is no such day)"),
        ("13/13/2026", "expected YYYY-MM-DD, got '13/13/2026' (there is no such day)"),
        ("26-11-16", "expected YYYY-MM-DD, got '26-11-16' (write the year with four digits)"),
        ("11/20/26", "expected YYYY-MM-DD, got '11/20/26' (write the year with four digits)"),
        (
            "2026-02-30",
            "expected YYYY-MM-DD, got '2026-02-30' (there is no such day: February 2026 has "
            "28 days)",
        ),
        (
            "2026-13-01",
            "expected YYYY-MM-DD, got '2026-13-01' (there is no month 13; months are 01 to 12)",
        ),
        ("0000-01-01", "expected YYYY-MM-DD, got '0000-01-01' (there is no year 0000)"),
        ("1899-12-31", "1899-12-31 is not a plausible date (1900 to 2199)"),
        ("next tuesday", "expected YYYY-MM-DD, got 'next tuesday'"),
        ("", "expected YYYY-MM-DD, got ''"),
    ],
)
def test_date_problem(text: str, problem: str | None) -> None:
    assert date_problem(text) == problem


@pytest.mark.parametrize(
    "text",
    [
        "26-11-16",
        "2026-02-30",
        "2026-13-01",
        "0000-01-01",
        "1899-12-31",
        "next tuesday",
        "2026-11-20",
    ],
)
def test_same_words_as_the_file_checker_today(text: str) -> None:
    """Where `plancli check` already hints, hints.py words it byte for byte the same, so the
    checker can call it without changing a message (it only adds hints where none were)."""
    checker = _Checker("p")
    checker.date_value(text, "events[0].date")
    expected = [p.removeprefix("events[0].date: ") for p in checker.problems]
    problem = date_problem(text)
    assert ([problem] if problem else []) == expected


def test_plausible_range_matches_the_store() -> None:
    assert (EARLIEST, LATEST) == (store.EARLIEST, store.LATEST)


def test_parse_date_for_the_command_line() -> None:
    assert parse_date(" 2026-11-20 ", "DATE") == date(2026, 11, 20)
    with pytest.raises(PlancliError) as error:
        parse_date("11/20/2026", "DATE")
    assert (
        str(error.value) == "DATE: expected YYYY-MM-DD, got '11/20/2026' (write it as 2026-11-20)."
    )


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("assessment-requested", None),
        (
            "ASSESSMENT-REQUESTED",
            "unknown event type 'ASSESSMENT-REQUESTED'. Did you mean: assessment-requested? "
            "`plancli add --help` lists them",
        ),
        (
            "Assessment_Requested",
            "unknown event type 'Assessment_Requested'. Did you mean: assessment-requested? "
            "`plancli add --help` lists them",
        ),
        (
            "assessment requested",
            "unknown event type 'assessment requested'. Did you mean: assessment-requested? "
            "`plancli add --help` lists them",
        ),
        ("zzz", "unknown event type 'zzz'. `plancli add --help` lists them"),
    ],
)
def test_event_type_problem(name: str, problem: str | None) -> None:
    assert event_type_problem(name) == problem


def test_close_but_not_exact_names_keep_the_existing_suggestions() -> None:
    assert closest_names("asessment-requested", EVENT_TYPES) == suggestion(
        "asessment-requested", EVENT_TYPES
    )
