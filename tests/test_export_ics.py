"""`plancli export ics` (issue 4): parsed by icalendar and by vobject, an independent parser."""

from __future__ import annotations

import json
import re
import shutil
import stat
from datetime import date, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
import vobject
from typer.testing import CliRunner, Result

from plancli.cli import app
from tests.conftest import PlanWriter

EXAMPLES = Path(__file__).parent.parent / "examples"
MAYA = str(EXAMPLES / "maya-iep.yaml")
LEO = str(EXAMPLES / "leo-early-start.yaml")
TODAY = "2026-10-05"

EVENTS = """\
  - id: e1
    type: assessment-requested
    date: 2026-09-03
  - id: e2
    type: notice-of-action-received
    date: 2026-10-01
    effective_date: 2026-11-01
  - id: e3
    type: records-requested
    date: 2026-09-28
  - id: e4
    type: records-received
    date: 2026-10-02
"""
MORE = """\
  - id: e5
    type: iep-meeting-requested
    date: 2026-10-02
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def export(plan: Path | str, *args: str, today: str = TODAY) -> bytes:
    result = run("export", "ics", "--plan", str(plan), "--today", today, *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout_bytes


def open_deadlines(plan: Path | str, today: str = TODAY) -> list[dict[str, Any]]:
    """What `plancli deadlines` lists: the open deadlines (met ones left out)."""
    result = run("deadlines", "--plan", str(plan), "--today", today, "--format", "json")
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)["deadlines"]
    return found


def events_of(data: bytes) -> list[Any]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def active(data: bytes) -> list[Any]:
    """The VEVENTs that are reminders (not the cancelled copies of recently met deadlines)."""
    return [e for e in events_of(data) if str(e.get("STATUS")) != "CANCELLED"]


def uids(data: bytes) -> dict[str, str]:
    """UID -> SUMMARY."""
    return {str(e["UID"]): str(e["SUMMARY"]) for e in events_of(data)}


def test_one_vevent_per_open_deadline_in_both_parsers(write_plan: PlanWriter) -> None:
    plan = write_plan(EVENTS)
    data = export(plan)
    expected = open_deadlines(plan)
    assert expected  # the plan has open deadlines, and met ones
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])
    cancelled = data.count(b"STATUS:CANCELLED")  # met in the last 90 days (SPEC §1)
    assert len(calendar.walk("VEVENT")) == len(expected) + cancelled
    independent = vobject.readOne(data.decode("utf-8"))
    vevents = [e for e in independent.vevent_list if e.status.value != "CANCELLED"]
    assert len(vevents) == len(expected)
    assert sorted(e.dtstart.value for e in vevents) == sorted(
        date.fromisoformat(d["due"]) for d in expected
    )
    for event in vevents:
        start = event.dtstart.value
        assert isinstance(start, date)
        assert not isinstance(start, datetime)  # an all-day event: a DATE value
        assert (event.dtend.value - start).days == 1
        assert event.uid.value.endswith("@plancli")
        assert "Test Child" in event.summary.value
    assert data.count(b"DTSTART;VALUE=DATE:") == len(expected) + cancelled


def test_met_deadlines_are_not_reminders(write_plan: PlanWriter) -> None:
    data = export(write_plan(EVENTS))
    summaries = " ".join(str(e["SUMMARY"]) for e in active(data))
    # records-requested e3 was answered by e4: school-records is met, so no reminder (it is
    # only there as a cancelled event: test_deadline_met_in_the_last_90_days_is_cancelled).
    assert "school records" not in summaries
    assert "District sends a proposed assessment plan" in summaries  # open (overdue)


def test_uids_are_stable_across_runs_and_when_events_are_added(write_plan: PlanWriter) -> None:
    plan = write_plan(EVENTS)
    first, second = export(plan), export(plan)
    assert first == second  # same --today: byte for byte the same calendar
    before = uids(first)
    plan.write_text(plan.read_text(encoding="utf-8") + MORE, encoding="utf-8")
    after = uids(export(plan))
    assert set(before) < set(after)  # the old events keep their UIDs; one new event
    assert len(after) == len(before) + 1
    for uid, title in before.items():
        assert after[uid] == title
    # A later export (another day) keeps every UID too.
    assert set(after) == set(uids(export(plan, today="2026-10-06")))


def test_uid_does_not_depend_on_the_file_name_or_carry_the_name(
    write_plan: PlanWriter, tmp_path: Path
) -> None:
    plan = write_plan(EVENTS)
    moved = tmp_path / "elsewhere.yaml"
    shutil.copy(plan, moved)
    assert set(uids(export(plan))) == set(uids(export(moved)))
    for uid in uids(export(plan)):
        assert "test" not in uid.lower()
        assert "child" not in uid.lower()


def test_an_extension_updates_the_same_event(write_plan: PlanWriter) -> None:
    plan = write_plan(EVENTS)
    before = {str(e["UID"]): e for e in events_of(export(plan))}
    plan.write_text(
        plan.read_text(encoding="utf-8")
        + "  - id: e5\n    type: extension-agreed\n    date: 2026-09-10\n"
        + "    rule: assessment-plan\n    until: 2026-10-20\n",
        encoding="utf-8",
    )
    after = {str(e["UID"]): e for e in events_of(export(plan))}
    assert set(before) == set(after)
    moved = [
        uid for uid in before if before[uid].decoded("DTSTART") != after[uid].decoded("DTSTART")
    ]
    assert len(moved) == 1
    assert after[moved[0]].decoded("DTSTART") == date(2026, 10, 20)
    assert "District sends a proposed assessment plan" in str(after[moved[0]]["SUMMARY"])


def test_alarms_seven_days_and_one_day_before(write_plan: PlanWriter) -> None:
    plan = write_plan(EVENTS)
    data = export(plan)
    assert b"BEGIN:VALARM" in data
    assert b"TRIGGER:-P7D" in data
    assert b"TRIGGER:-P1D" in data
    for event in vobject.readOne(data.decode("utf-8")).vevent_list:
        triggers = sorted(a.trigger.value.days for a in getattr(event, "valarm_list", []))
        due = event.dtstart.value
        expected = [t for t in (-7, -1) if (due - date.fromisoformat(TODAY)).days >= -t]
        assert triggers == sorted(expected), event.summary.value
        for alarm in getattr(event, "valarm_list", []):
            assert alarm.action.value == "DISPLAY"
            assert alarm.description.value
    # The fair hearing request is due 2026-11-30: both alarms.
    far = [e for e in events_of(data) if e.decoded("DTSTART") == date(2026, 11, 30)]
    assert len(far) == 1
    assert sorted(str(a["TRIGGER"].to_ical(), "ascii") for a in far[0].walk("VALARM")) == [
        "-P1D",
        "-P7D",
    ]


def test_alarms_are_configurable(write_plan: PlanWriter) -> None:
    plan = write_plan(EVENTS)
    data = export(plan, "--alarm", "3")
    assert b"TRIGGER:-P3D" in data
    assert b"TRIGGER:-P7D" not in data
    assert b"VALARM" not in export(plan, "--no-alarms")
    result = run("export", "ics", "--plan", str(plan), "--alarm", "3", "--no-alarms")
    assert result.exit_code == 2


def test_title_description_and_law(write_plan: PlanWriter) -> None:
    data = export(write_plan(EVENTS))
    event = next(e for e in events_of(data) if "assessment plan" in str(e["SUMMARY"]).lower())
    assert str(event["SUMMARY"]) == (
        "Overdue: District sends a proposed assessment plan (Test Child)"
    )
    text = str(event["DESCRIPTION"])
    assert "Day 0 is 2026-09-03" in text  # the counting
    assert "Cal. Educ. Code §§ 56321(a), 56043(a)" in text  # the law
    assert "Source: https://" in text  # the source address
    assert "plancli letter missed-deadline --set rule=assessment-plan" in text
    assert str(event["URL"]).startswith("https://")
    assert str(event["STATUS"]) == "CONFIRMED"
    parent = next(e for e in events_of(data) if "notice of action" in str(e["SUMMARY"]))
    assert str(parent["SUMMARY"]).startswith("Your deadline: Last day to appeal")
    assert "plancli letter appeal-request" in str(parent["DESCRIPTION"])


def test_estimated_deadlines_say_so_and_why(write_plan: PlanWriter) -> None:
    data = export(write_plan(EVENTS, calendar=False))
    event = next(e for e in events_of(data) if "assessment plan" in str(e["SUMMARY"]))
    assert str(event["SUMMARY"]).startswith("Overdue (estimated): ")
    assert str(event["STATUS"]) == "TENTATIVE"
    assert "no school calendar" in str(event["DESCRIPTION"])


def test_dtstamp_is_the_today_date_at_midnight_utc(write_plan: PlanWriter) -> None:
    data = export(write_plan(EVENTS))
    assert b"DTSTAMP:20261005T000000Z" in data
    sequences = {int(e["SEQUENCE"]) for e in events_of(data)}
    later = {int(e["SEQUENCE"]) for e in events_of(export(write_plan(EVENTS), today="2026-10-09"))}
    assert len(sequences) == len(later) == 1
    assert later.pop() > sequences.pop()  # a later export carries a higher SEQUENCE


def test_output_file_is_private_atomic_and_never_overwritten(
    write_plan: PlanWriter, tmp_path: Path
) -> None:
    plan = write_plan(EVENTS)
    target = tmp_path / "deadlines.ics"
    result = run("export", "ics", "--plan", str(plan), "--today", TODAY, "--output", str(target))
    assert result.exit_code == 0, result.output
    assert f"to {target}" in result.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == export(plan)
    target.write_bytes(b"mine")
    result = run("export", "ics", "--plan", str(plan), "--today", TODAY, "--output", str(target))
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert "--force" in result.stderr
    assert target.read_bytes() == b"mine"
    result = run(
        "export", "ics", "--plan", str(plan), "--today", TODAY, "-o", str(target), "--force"
    )
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == export(plan)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deadlines.ics", "plan.yaml"]


def test_refuses_to_write_over_the_plan(write_plan: PlanWriter) -> None:
    plan = write_plan(EVENTS)
    before = plan.read_bytes()
    result = run("export", "ics", "--plan", str(plan), "-o", str(plan), "--force")
    assert result.exit_code == 1
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("plan", "today"),
    [(MAYA, "2026-09-10"), (MAYA, "2026-11-23"), (LEO, "2026-11-25"), (LEO, "2026-12-01")],
)
def test_description_says_nothing_relative_to_the_export_day(plan: str, today: str) -> None:
    """A calendar shows the description for weeks: no "8 days left", "3 days late", status."""
    events = events_of(export(plan, today=today))
    assert events
    relative = re.compile(
        r"\b(days? (left|late)|late|due today|overdue by|upcoming|due-soon)\b|Status:", re.I
    )
    for event in events:
        text = str(event["DESCRIPTION"])
        assert not relative.search(text), (str(event["SUMMARY"]), relative.search(text))
        for kept in ("Next step: ", "  Owed by: ", "  Result: due ", "  Law: ", "  Source: "):
            assert kept in text, (kept, str(event["SUMMARY"]))


@pytest.mark.parametrize("plan", [MAYA, LEO])
def test_examples_parse_in_both_parsers(plan: str) -> None:
    data = export(plan, today="2026-11-23")
    assert len(active(data)) == len(open_deadlines(plan, "2026-11-23"))
    assert len(vobject.readOne(data.decode("utf-8")).vevent_list) == len(events_of(data))
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded (RFC 5545 3.1)


@pytest.mark.parametrize(
    ("name", "message"),
    [("no-such-folder/deadlines.ics", "does not exist"), ("x" * 300 + ".ics", "Could not write")],
)
def test_bad_output_path_is_a_message_not_a_traceback(
    write_plan: PlanWriter, tmp_path: Path, name: str, message: str
) -> None:
    plan = write_plan(EVENTS)
    result = run("export", "ics", "--plan", str(plan), "-o", str(tmp_path / name))
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]
