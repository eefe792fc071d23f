"""`plancli calendar ...` (SPEC §10): exit code, stdout, stderr and the file after each."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plancli import store
from plancli.cli import app

FEEDS = Path(__file__).parent / "data" / "calendars"
FEED_NAMES = sorted(p.stem for p in FEEDS.glob("*.ics"))
EVENTS = (
    "events:\n"
    "  - {id: e1, type: assessment-requested, date: 2026-09-03}\n"
    "  - {id: e2, type: assessment-consent-given, date: 2026-11-02}\n"
)
PLAN = (
    "# Ana's plan: edited by hand\n"
    "version: 1\n"
    "child:\n"
    "  name: Test Child  # kept\n"
    "  birth_date: 2019-05-14\n"
)


def run(*args: str, stdin: str | None = None) -> Result:
    # No COLUMNS: output to a pipe is not wrapped (test_narrow_output covers 80 columns).
    return CliRunner().invoke(app, list(args), input=stdin, env={"COLUMNS": ""})


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN + EVENTS, encoding="utf-8")
    return path


def calendar_of(path: Path) -> object:
    return store.load_plan(path).calendar


def test_show_without_a_calendar_says_how_to_add_one(plan: Path) -> None:
    result = run("calendar", "-p", str(plan))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == (
        f"{plan} has no school calendar yet.\n"
        "Import the district's calendar feed with `plancli calendar import FILE.ics`, or type "
        "it: `plancli calendar add-year FIRST LAST`, then `plancli calendar add-break NAME "
        "FIRST LAST`.\n"
    )


def test_add_year_break_closure_then_show(plan: Path) -> None:
    p = ("-p", str(plan))
    year = run("calendar", "add-year", "2026-08-12", "2027-06-03", *p)
    assert year.exit_code == 0, year.output
    assert year.stderr == ""
    assert year.stdout == (
        "Added the school year 2026-27 (2026-08-12 to 2027-06-03).\n"
        f"Saved in {plan}; the previous version is in {plan}.bak.\n"
    )
    winter = run("calendar", "add-break", "Winter break", "2026-12-21", "2027-01-01", *p)
    assert winter.stdout.startswith("Added the break Winter break (2026-12-21 to 2027-01-01).\n")
    thanks = run("calendar", "add-break", "Thanksgiving break", "2026-11-23", "2026-11-27", *p)
    assert thanks.exit_code == 0
    closure = run("calendar", "add-closure", "2027-02-12", "--name", "Lincoln Day", *p)
    assert closure.stdout.startswith("Added the closure day 2027-02-12 (Lincoln Day).\n")
    text = plan.read_text(encoding="utf-8")
    assert (
        text
        == PLAN
        + (
            "calendar:\n"
            "  years:\n"
            "    - first_day: 2026-08-12\n"
            "      last_day: 2027-06-03\n"
            "      breaks:\n"
            "        - {name: Thanksgiving break, first: 2026-11-23, last: 2026-11-27}\n"
            "        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}\n"
            "  holidays:\n"
            "    - 2027-02-12  # Lincoln Day\n"
        )
        + EVENTS
    )
    shown = run("calendar", *p)
    assert shown.exit_code == 0
    # 2026-08-12 to 2027-06-03 has 212 weekdays; less 5 (Thanksgiving), 10 (winter), 1 (2/12)
    # and the state holidays on weekdays outside the breaks (EC 37220: Labor Day, Veterans
    # Day, Martin Luther King Day, Presidents' Day, Memorial Day): 212 - 16 - 5 = 191.
    assert shown.stdout == (
        f"School calendar of {plan}\n"
        "2026-27: 2026-08-12 to 2027-06-03, 191 school days\n"
        "  Thanksgiving break: 2026-11-23 to 2026-11-27 (5 school days)\n"
        "  Winter break: 2026-12-21 to 2027-01-01 (10 school days)\n"
        "    * pauses the clock from 2026-12-19 to 2027-01-03\n"
        "Closure days: 2027-02-12\n"
        "\n"
        "* A break of more than five school days pauses the school-tolled IEP deadlines "
        "(Cal. Educ. Code §§ 56043, 56321(a), 56344(a)); `plancli explain RULE` shows the "
        "count.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["add-year", "2027-06-03", "2026-08-12"],
            "add-year: LAST (2026-08-12) is before FIRST (2027-06-03); give the first day, "
            "then the last",
        ),
        (
            ["add-year", "2027-01-04", "2027-06-30"],
            "add-year: the 2027-28 school year (2027-01-04 to 2027-06-30) overlaps the 2026-27 "
            "school year (2026-08-12 to 2027-06-03) already in the plan; remove that year first "
            "(`plancli calendar remove 2026-27`) or correct the dates",
        ),
        (
            ["add-break", "Summer", "2027-06-10", "2027-06-20"],
            "add-break: no school year in the plan holds 2027-06-10 to 2027-06-20; the plan has "
            "2026-27 (2026-08-12 to 2027-06-03). The break must fall inside its school year "
            "(between first_day and last_day): add the year first (`plancli calendar add-year "
            "FIRST LAST`) or correct the dates",
        ),
        (
            ["add-break", "Winter", "2026-12-21", "12/31/2026"],
            "LAST: expected YYYY-MM-DD, got '12/31/2026' (write it as 2026-12-31).",
        ),
        (
            ["add-closure", "2026-02-30"],
            "DATE: expected YYYY-MM-DD, got '2026-02-30' (there is no such day: February 2026 "
            "has 28 days).",
        ),
        (
            ["remove", "Easter"],
            "remove: the calendar has no school year, break or closure day 'Easter'; `plancli "
            "calendar` lists them (a year as 2026-27, a break by its name or first day, a "
            "closure by its date)",
        ),
    ],
)
def test_refusals_leave_the_plan_byte_identical(plan: Path, args: list[str], message: str) -> None:
    assert run("calendar", "add-year", "2026-08-12", "2027-06-03", "-p", str(plan)).exit_code == 0
    before = plan.read_bytes()
    result = run("calendar", *args, "-p", str(plan), *(["--yes"] if args[0] == "remove" else []))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert message in " ".join(result.stderr.split())
    assert plan.read_bytes() == before


def test_overlapping_breaks_are_refused(plan: Path) -> None:
    p = ("-p", str(plan))
    run("calendar", "add-year", "2026-08-12", "2027-06-03", *p)
    run("calendar", "add-break", "Winter", "2026-12-21", "2027-01-01", *p)
    before = plan.read_bytes()
    result = run("calendar", "add-break", "Holidays", "2026-12-28", "2027-01-08", *p)
    assert result.exit_code == 1
    assert "overlap" in result.stderr
    assert plan.read_bytes() == before


def test_remove_asks_and_a_no_writes_nothing(plan: Path) -> None:
    p = ("-p", str(plan))
    run("calendar", "add-year", "2026-08-12", "2027-06-03", *p)
    before = plan.read_bytes()
    declined = run("calendar", "remove", "2026-27", *p, stdin="n\n")
    assert declined.exit_code == 0
    assert declined.stdout == (
        "Remove the school year 2026-27 (2026-08-12 to 2027-06-03) and its breaks? [y/N] "
        "Nothing was written.\n"
    )
    assert plan.read_bytes() == before
    accepted = run("calendar", "remove", "2026-27", *p, stdin="sí\n")
    assert accepted.exit_code == 0
    assert "Removed the school year 2026-27 (2026-08-12 to 2027-06-03)" in accepted.stdout
    assert calendar_of(plan) is not None
    assert calendar_of(plan).years == ()  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", FEED_NAMES)
def test_importing_each_feed_gives_the_calendar_typed_by_hand(plan: Path, name: str) -> None:
    result = run("calendar", "import", str(FEEDS / f"{name}.ics"), "-p", str(plan), "--yes")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "School years found:" in result.stdout
    by_hand = plan.parent / "by-hand.yaml"
    by_hand.write_text(
        PLAN + (FEEDS / f"{name}.yaml").read_text(encoding="utf-8") + EVENTS, encoding="utf-8"
    )
    assert calendar_of(plan) == calendar_of(by_hand)
    text = plan.read_text(encoding="utf-8")
    assert text.startswith(PLAN)
    assert text.endswith(EVENTS)
    deadlines = run(
        "deadlines", "--all", "--format", "json", "-p", str(plan), "--today", "2027-01-01"
    )
    typed = run(
        "deadlines", "--all", "--format", "json", "-p", str(by_hand), "--today", "2027-01-01"
    )
    assert deadlines.stdout.replace(str(plan), "P") == typed.stdout.replace(str(by_hand), "P")


def test_import_shows_what_it_found_and_writes_nothing_when_declined(plan: Path) -> None:
    before = plan.read_bytes()
    feed = FEEDS / "edlio-rio-claro-2026-27.ics"
    result = run("calendar", "import", str(feed), "-p", str(plan), stdin="n\n")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert plan.read_bytes() == before
    out = result.stdout
    assert out.startswith(
        "Calendar feed: Rio Claro Unified - Calendario escolar / School Calendar\n"
        "School years found:\n"
        "  2026-27: 2026-08-19 to 2027-06-09, 180 school days\n"
        "    Thanksgiving Break / Receso de Acción de Gracias: 2026-11-24 to 2026-11-27 (4 "
        "school days)\n"
        "    Winter Recess / Vacaciones de invierno: 2026-12-21 to 2027-01-08 (15 school days)\n"
        "      * pauses the clock from 2026-12-19 to 2027-01-10\n"
    )
    assert "  not about school being closed:\n    Picture Day / Día de fotos (2026-09-10)\n" in out
    assert "    Horario de verano / Daylight Saving Time Begins (2027-03-14)\n" in out
    assert out.endswith(f"Write this calendar to {plan}? [y/N] Nothing was written.\n")


def test_an_existing_year_is_replaced_only_with_replace(plan: Path) -> None:
    edlio = str(FEEDS / "edlio-rio-claro-2026-27.ics")
    finalsite = str(FEEDS / "finalsite-sierra-vista-2026-28.ics")
    assert run("calendar", "import", edlio, "-p", str(plan), "--yes").exit_code == 0
    before = plan.read_bytes()
    refused = run("calendar", "import", finalsite, "-p", str(plan), "--yes")
    assert refused.exit_code == 1
    assert refused.stdout == ""
    assert "run the import again with --replace to replace it" in refused.stderr
    assert plan.read_bytes() == before
    replaced = run("calendar", "import", finalsite, "-p", str(plan), "--yes", "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert "Replaced the school year 2026-27 (2026-08-19 to 2027-06-09)." in replaced.stdout
    assert "    - 2026-10-12  # Non-Student Day\n" in plan.read_text(encoding="utf-8")


def test_a_feed_without_first_or_last_day_writes_nothing(plan: Path, tmp_path: Path) -> None:
    feed = tmp_path / "noise.ics"
    feed.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261125\r\n"
        "SUMMARY:Thanksgiving Break\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    before = plan.read_bytes()
    result = run("calendar", "import", str(feed), "-p", str(plan), "--yes")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "the feed names no first or last day of school" in " ".join(result.stderr.split())
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (lambda p: p.mkdir(), "is a folder; give the calendar file (.ics) you downloaded."),
        (lambda p: None, "Download the district's calendar as an .ics file"),
        (lambda p: p.write_text("hello"), "This file is not an iCalendar feed"),
    ],
)
def test_a_bad_feed_file_is_one_message(plan: Path, tmp_path: Path, make, phrase: str) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.ics"
    make(feed)
    before = plan.read_bytes()
    result = run("calendar", "import", str(feed), "-p", str(plan), "--yes")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert phrase in " ".join(result.stderr.split())
    assert plan.read_bytes() == before
