"""Editing the plan's calendar section as data, with the plan file's own validation (SPEC §10)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from plancli.calendar_edit import (
    Action,
    BreakView,
    CalendarError,
    Change,
    Part,
    add_break,
    add_closure,
    add_year,
    describe,
    merge_import,
    remove,
    validate,
)
from plancli.calendar_import import Closure, ImportedCalendar
from plancli.daycount import Break, SchoolYear

D = date.fromisoformat


def section() -> dict[str, Any]:
    return {
        "years": [
            {
                "first_day": "2026-08-12",
                "last_day": "2027-06-03",
                "breaks": [
                    {"name": "Thanksgiving break", "first": "2026-11-23", "last": "2026-11-27"},
                    {"name": "Winter break", "first": "2026-12-21", "last": "2027-01-01"},
                ],
            }
        ],
        "holidays": ["2027-02-12"],
    }


def test_add_year_keeps_years_in_order_and_leaves_the_input_alone() -> None:
    before = section()
    edit = add_year(before, D("2025-08-13"), D("2026-06-04"))
    assert before == section()
    assert [y["first_day"] for y in edit.data["years"]] == ["2025-08-13", "2026-08-12"]
    assert edit.changes == (
        Change(Action.ADDED, Part.YEAR, D("2025-08-13"), D("2026-06-04"), year="2025-26"),
    )


def test_add_year_to_an_empty_calendar() -> None:
    edit = add_year(None, D("2026-08-12"), D("2027-06-03"))
    assert edit.data == {"years": [{"first_day": "2026-08-12", "last_day": "2027-06-03"}]}


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2027-06-03", "2026-08-12", "add-year: LAST (2026-08-12) is before FIRST (2027-06-03)"),
        ("2026-08-12", "2026-08-12", "is the same day as FIRST"),
        (
            "2027-05-01",
            "2028-06-01",
            "overlaps the 2026-27 school year (2026-08-12 to 2027-06-03) already in the plan; "
            "remove that year first (`plancli calendar remove 2026-27`)",
        ),
        ("2199-08-12", "2200-06-01", "2200-06-01 is not a plausible date (1900 to 2199)"),
    ],
)
def test_add_year_refusals(first: str, last: str, message: str) -> None:
    with pytest.raises(CalendarError) as error:
        add_year(section(), D(first), D(last))
    assert message in str(error.value)
    assert str(error.value).endswith("Nothing was changed.")


def test_add_break_finds_its_year_and_sorts_breaks() -> None:
    edit = add_break(section(), "  Fall   break ", D("2026-10-12"), D("2026-10-16"))
    names = [b["name"] for b in edit.data["years"][0]["breaks"]]
    assert names == ["Fall break", "Thanksgiving break", "Winter break"]
    assert edit.changes == (
        Change(Action.ADDED, Part.BREAK, D("2026-10-12"), D("2026-10-16"), "Fall break", "2026-27"),
    )


def test_add_break_outside_every_year_names_the_years() -> None:
    with pytest.raises(CalendarError) as error:
        add_break(section(), "Summer", D("2027-06-07"), D("2027-08-10"))
    assert str(error.value) == (
        "add-break: no school year in the plan holds 2027-06-07 to 2027-08-10; the plan has "
        "2026-27 (2026-08-12 to 2027-06-03). The break must fall inside its school year "
        "(between first_day and last_day): add the year first (`plancli calendar add-year "
        "FIRST LAST`) or correct the dates\nNothing was changed."
    )


def test_add_break_overlapping_another_uses_check_words() -> None:
    with pytest.raises(CalendarError) as error:
        add_break(section(), "Christmas", D("2026-12-24"), D("2026-12-26"))
    assert error.value.problems == (
        "calendar (2026-27 school year): the breaks 'Winter break' (2026-12-21 to 2027-01-01) "
        "and 'Christmas' (2026-12-24 to 2026-12-26) overlap; merge them into one break or "
        "correct the dates",
    )


def test_add_break_reversed_and_empty_name() -> None:
    with pytest.raises(CalendarError, match=r"LAST \(2026-10-12\) is before FIRST \(2026-10-16\)"):
        add_break(section(), "Fall", D("2026-10-16"), D("2026-10-12"))
    with pytest.raises(CalendarError, match="NAME is empty"):
        add_break(section(), "  ", D("2026-10-12"), D("2026-10-16"))


def test_add_closure_and_its_name() -> None:
    edit = add_closure(section(), D("2026-10-09"), "Non-Student Day")
    assert edit.data["holidays"] == ["2026-10-09", "2027-02-12"]
    assert edit.closure_names == ((D("2026-10-09"), "Non-Student Day"),)
    assert edit.changes[0].year == "2026-27"
    with pytest.raises(CalendarError, match="2027-02-12 is already a closure day"):
        add_closure(section(), D("2027-02-12"))


@pytest.mark.parametrize(
    ("target", "part", "first"),
    [
        ("2026-27", Part.YEAR, "2026-08-12"),
        ("2026-08-12", Part.YEAR, "2026-08-12"),
        ("winter BREAK", Part.BREAK, "2026-12-21"),
        ("2026-11-23", Part.BREAK, "2026-11-23"),
        ("2027-02-12", Part.CLOSURE, "2027-02-12"),
    ],
)
def test_remove(target: str, part: Part, first: str) -> None:
    edit = remove(section(), target)
    assert (edit.changes[0].action, edit.changes[0].part, edit.changes[0].first) == (
        Action.REMOVED,
        part,
        D(first),
    )
    assert edit.data != section()


def test_remove_an_ambiguous_name_or_nothing() -> None:
    data = add_year(section(), D("2027-08-11"), D("2028-06-01")).data
    data = add_break(data, "Winter break", D("2027-12-20"), D("2027-12-31")).data
    with pytest.raises(
        CalendarError,
        match=r"2 breaks are named 'Winter break' \(starting 2026-12-21, 2027-12-20\)",
    ):
        remove(data, "Winter break")
    with pytest.raises(CalendarError, match="no school year, break or closure day 'Spring'"):
        remove(data, "Spring")


def imported() -> ImportedCalendar:
    year = SchoolYear(
        D("2026-08-12"),
        D("2027-06-04"),
        (Break("Winter Recess", D("2026-12-21"), D("2027-01-08")),),
    )
    return ImportedCalendar("Feed", (year,), (Closure(D("2026-10-09"), "Non-Student Day"),), ())


def test_import_refuses_to_replace_a_year_without_replace() -> None:
    with pytest.raises(CalendarError) as error:
        merge_import(section(), imported())
    assert str(error.value) == (
        "import: the plan already has the 2026-27 school year (2026-08-12 to 2027-06-03), "
        "which the feed's school year (2026-08-12 to 2027-06-04) overlaps; run "
        "the import again with --replace to replace it\nNothing was changed."
    )


def test_import_with_replace_replaces_the_year_and_its_closures() -> None:
    edit = merge_import(section(), imported(), replace=True)
    assert edit.data == {
        "years": [
            {
                "first_day": "2026-08-12",
                "last_day": "2027-06-04",
                "breaks": [{"name": "Winter Recess", "first": "2026-12-21", "last": "2027-01-08"}],
            }
        ],
        "holidays": ["2026-10-09"],  # 2027-02-12 belonged to the replaced year
    }
    assert [(c.action, c.part) for c in edit.changes] == [
        (Action.REPLACED, Part.YEAR),
        (Action.ADDED, Part.YEAR),
        (Action.ADDED, Part.BREAK),
        (Action.ADDED, Part.CLOSURE),
    ]


def test_import_beside_another_year_keeps_it() -> None:
    other = {
        "years": [{"first_day": "2025-08-13", "last_day": "2026-06-04"}],
        "holidays": ["2026-02-13"],
    }
    edit = merge_import(other, imported())
    assert [y["first_day"] for y in edit.data["years"]] == ["2025-08-13", "2026-08-12"]
    assert edit.data["holidays"] == ["2026-02-13", "2026-10-09"]


def test_validate_uses_the_file_checker_words() -> None:
    bad = section()
    bad["years"][0]["breaks"].append(
        {"name": "Summer", "first": "2027-06-07", "last": "2027-06-30"}
    )
    with pytest.raises(CalendarError) as error:
        validate(bad)
    assert error.value.problems == (
        "calendar.years[0].breaks[2]: the break must fall inside its school year "
        "(between first_day and last_day)",
    )


def test_describe_marks_the_breaks_that_pause_the_clock() -> None:
    view = describe(validate(section()))
    (year,) = view.years
    assert (year.label, year.first_day, year.last_day) == (
        "2026-27",
        D("2026-08-12"),
        D("2027-06-03"),
    )
    assert year.breaks == (
        # Monday to Friday: five school days, counted like any other days.
        BreakView("Thanksgiving break", D("2026-11-23"), D("2026-11-27"), 5, pauses=False),
        # Ten weekdays: paused from Saturday 12-19 (after Friday 12-18, the last school day)
        # to Sunday 01-03 (school reconvenes Monday 01-04).
        BreakView(
            "Winter break",
            D("2026-12-21"),
            D("2027-01-01"),
            10,
            True,
            D("2026-12-19"),
            D("2027-01-03"),
        ),
    )
    assert view.closures == (D("2027-02-12"),)
    assert view.in_session == ()


def test_describe_school_days_of_a_short_year() -> None:
    """2026-08-12 (Wed) to 2026-08-25 (Tue): 10 weekdays, no holiday, no break."""
    view = describe(validate({"years": [{"first_day": "2026-08-12", "last_day": "2026-08-25"}]}))
    assert view.years[0].school_days == 10


def test_describe_without_a_calendar() -> None:
    assert describe(None).years == ()


def test_an_edit_writes_through_the_plan_store(tmp_path: Path) -> None:
    """The wiring of WIRING.md: an edit's section assigned inside `store.update_plan`."""
    from plancli import store

    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "version: 1\n# the child\nchild: {name: Test Child, birth_date: 2019-05-14}\n"
        "calendar:\n  years:\n    - {first_day: 2026-08-12, last_day: 2027-06-03}\n",
        encoding="utf-8",
    )

    def change(document: Any, current: Any) -> None:
        document["calendar"] = add_break(
            document.get("calendar"), "Winter break", D("2026-12-21"), D("2027-01-01")
        ).data

    updated = store.update_plan(plan, change)
    assert updated.calendar is not None
    assert updated.calendar.years[0].breaks == (
        Break("Winter break", D("2026-12-21"), D("2027-01-01")),
    )
    assert store.load_plan(plan) == updated
    assert "# the child" in plan.read_text(encoding="utf-8")


def test_a_refused_edit_leaves_the_plan_file_untouched(tmp_path: Path) -> None:
    from plancli import store

    plan = tmp_path / "plan.yaml"
    text = (
        "version: 1\nchild: {name: Test Child, birth_date: 2019-05-14}\n"
        "calendar:\n  years:\n    - {first_day: 2026-08-12, last_day: 2027-06-03}\n"
    )
    plan.write_text(text, encoding="utf-8")

    def change(document: Any, current: Any) -> None:
        document["calendar"] = add_break(
            document.get("calendar"), "Summer", D("2027-06-07"), D("2027-08-10")
        ).data

    with pytest.raises(CalendarError):
        store.update_plan(plan, change)
    assert plan.read_text(encoding="utf-8") == text
