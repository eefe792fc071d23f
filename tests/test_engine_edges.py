"""Issue 9: the engine's edges (SPEC §3.3, §3.5, §4, §5, §1 `export ics`), worked by hand.

Every expected date below was counted by hand; the arithmetic is next to it. Day 0 is the
trigger; "(n)" is counted day n; "[...]" is a day not counted.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from plancli.checks import check_plan_file
from plancli.cli import app
from plancli.daycount import Note, NoteKind
from plancli.deadlines import deadlines_for
from plancli.model import Child, Event, Plan, RegionalCenter
from plancli.rules import System
from plancli.wording import note_text
from tests.conftest import CALENDAR_YAML, PlanWriter, maya_calendar

D = date.fromisoformat


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def deadlines(plan: Path | str, today: str, *more: str) -> list[dict[str, Any]]:
    result = run("deadlines", "--plan", str(plan), "--today", today, "--format", "json", *more)
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)["deadlines"]
    return found


def one(found: list[dict[str, Any]], deadline_id: str) -> dict[str, Any]:
    matches = [d for d in found if d["id"] == deadline_id]
    assert len(matches) == 1, [d["id"] for d in found]
    return matches[0]


# --------------------------------------------------------------------------------------------
# answers: a response meets the trigger it names, and no other (SPEC §4)


REQUESTS = """\
  - {id: e1, type: iep-meeting-requested, date: 2026-09-01}
  - {id: e2, type: iep-meeting-requested, date: 2026-10-01}
"""


@pytest.mark.parametrize(
    ("answers", "first", "second"),
    [
        # iep-meeting-on-request, 30 days, no calendar (calendar days, estimated):
        # e1 2026-09-01 + 30 = 2026-10-01; e2 2026-10-01 + 30 = 2026-10-31.
        # With `answers: e2`, the 2026-10-15 meeting meets e2 only: e1 stays overdue.
        (", answers: e2", ("overdue", None, 19), ("met", "2026-10-15", None)),
        # Without it, the meeting meets every earlier trigger: e1 late by 14 days.
        ("", ("met-late", "2026-10-15", 14), ("met", "2026-10-15", None)),
    ],
    ids=["answers-meets-that-trigger-only", "without-answers-meets-every-earlier-trigger"],
)
def test_answers(
    write_plan: PlanWriter,
    answers: str,
    first: tuple[str, str | None, int | None],
    second: tuple[str, str | None, int | None],
) -> None:
    plan = write_plan(
        REQUESTS + f"  - {{id: e3, type: iep-meeting, date: 2026-10-15{answers}}}\n",
        calendar=False,
    )
    found = deadlines(plan, "2026-10-20", "--all")
    for deadline_id, due, (status, met_on, late) in (
        ("iep-meeting-on-request:e1", "2026-10-01", first),
        ("iep-meeting-on-request:e2", "2026-10-31", second),
    ):
        d = one(found, deadline_id)
        assert (d["due"], d["status"], d["met_on"], d["days_late"]) == (due, status, met_on, late)


def test_answers_is_validated_with_its_path(write_plan: PlanWriter) -> None:
    plan = write_plan(
        "  - {id: e1, type: iep-meeting-requested, date: 2026-09-01}\n"
        "  - {id: e2, type: iep-meeting, date: 2026-09-20, answers: e9}\n"
        "  - {id: e3, type: records-received, date: 2026-09-21, answers: e1}\n"
    )
    before = plan.read_bytes()
    result = run("check", "--plan", str(plan), "--today", "2026-10-01")
    assert result.exit_code == 1
    assert result.stdout == ""
    err = result.stderr.replace("\n", " ")
    assert "events[1].answers: there is no event 'e9' in this plan" in err
    assert (
        "events[2].answers: event e1 is of type iep-meeting-requested, but an event of type "
        "records-received "
        "answers records-requested" in err
    )
    assert "Traceback" not in result.output
    assert plan.read_bytes() == before


def test_check_reports_a_response_before_the_trigger_it_answers(write_plan: PlanWriter) -> None:
    plan = write_plan(
        "  - {id: e1, type: iep-meeting, date: 2026-09-10, answers: e2}\n"
        "  - {id: e2, type: iep-meeting-requested, date: 2026-09-15}\n"
    )
    result = run("check", "--plan", str(plan), "--today", "2026-10-01")
    assert result.exit_code == 1
    assert (
        "events[0].date: this iep-meeting (2026-09-10) comes before the iep-meeting-requested "
        "of 2026-09-15 (event e2) it answers" in result.stderr.replace("\n", " ")
    )


def test_check_last_years_meeting_before_this_years_request_is_fine(
    write_plan: PlanWriter,
) -> None:
    plan = write_plan(
        "  - {id: e1, type: iep-meeting, date: 2025-10-01}\n"
        "  - {id: e2, type: iep-meeting-requested, date: 2026-09-15}\n"
        "  - {id: e3, type: ipp-meeting, date: 2025-05-01}\n"
        "  - {id: e4, type: ipp-meeting-requested, date: 2026-09-01}\n"
    )
    result = run("check", "--plan", str(plan), "--today", "2026-10-01")
    assert result.exit_code == 0, result.output
    assert " ".join(result.stdout.split()) == f"{plan}: OK (4 events)."


# The forty histories of the caseload check: ordinary sequences a family records, each
# shifted by a different number of weeks, with last year's meetings before this year's
# requests, responses on the day of the request, and plans that start in the middle.
_HISTORIES = (
    [
        ("iep-meeting", 0),
        ("iep-meeting-requested", 330),
        ("iep-meeting", 350),
        ("records-requested", 360),
        ("records-received", 363),
    ],
    [
        ("assessment-requested", 0),
        ("assessment-plan-received", 12),
        ("assessment-consent-given", 20),
        ("iep-meeting", 70),
        ("iep-meeting-requested", 300),
        ("iep-meeting", 320),
    ],
    [
        ("ipp-meeting", 0),
        ("ipp-meeting-requested", 200),
        ("ipp-partial-agreement", 215),
        ("ipp-meeting", 225),
        ("notice-of-action-received", 230),
        ("appeal-filed", 240),
    ],
    [
        ("rc-intake-requested", 0),
        ("rc-intake-completed", 14),
        ("rc-assessment-completed", 100),
        ("ipp-meeting", 150),
        ("ipp-meeting-requested", 400),
        ("ipp-meeting", 420),
    ],
    [
        ("iep-meeting", 0),
        ("assessment-completed", 5),
        ("iep-meeting", 365),
        ("discipline-placement-change", 380),
        ("manifestation-review-held", 388),
        ("iep-meeting-requested", 500),
        ("iep-meeting", 520),
    ],
)


def _caseload_plan(i: int) -> str:
    start = D("2022-08-20") + timedelta(weeks=i)
    history = _HISTORIES[i % len(_HISTORIES)]
    events = "".join(
        f"  - {{id: e{n + 1}, type: {kind}, date: {(start + timedelta(days=days)).isoformat()}}}\n"
        for n, (kind, days) in enumerate(history)
    )
    return (
        f"version: 1\nchild:\n  name: Child {i}\n  birth_date: 2015-0{1 + i % 9}-1{i % 10}\n"
        + (CALENDAR_YAML if i % 2 else "")
        + "events:\n"
        + events
    )


def test_check_forty_realistic_plans_have_no_errors(tmp_path: Path) -> None:
    for i in range(40):
        (tmp_path / f"child{i:02d}.yaml").write_text(_caseload_plan(i), encoding="utf-8")
    results = [check_plan_file(p, D("2026-11-01")) for p in sorted(tmp_path.glob("*.yaml"))]
    assert len(results) == 40
    assert [(r.path.name, r.error, r.problems) for r in results if r.error or r.problems] == []
    folder = run("check", "--plan", str(tmp_path), "--today", "2026-11-01")
    assert folder.exit_code == 0, folder.output


# --------------------------------------------------------------------------------------------
# lapsed: the parent's own date passed with nothing recorded (SPEC §4)


def test_lapsed_appeal_window(write_plan: PlanWriter) -> None:
    # fair-hearing-request: notice received 2023-05-01 (after 2023-03-01: 60 days):
    # May 31 days -> 2023-05-31 is day 30, June 30 is day 60: due 2023-06-30.
    # The appeal filed 2027-01-10 answers nothing of that notice: lapsed, not met-late.
    plan = write_plan(
        "  - {id: e1, type: notice-of-action-received, date: 2023-05-01, "
        "effective_date: 2023-06-01}\n"
        "  - {id: e2, type: appeal-filed, date: 2027-01-10}\n",
        calendar=False,
    )
    found = deadlines(plan, "2027-02-01", "--all")
    d = one(found, "fair-hearing-request:e1")
    assert (d["due"], d["status"], d["met_on"], d["days_late"], d["complaint_by"]) == (
        "2023-06-30",
        "lapsed",
        None,
        None,
        None,
    )
    assert not any(x["id"] == "fair-hearing-request:e1" for x in deadlines(plan, "2027-02-01"))


def test_lapsed_appeal_is_met_when_the_appeal_answers_it(write_plan: PlanWriter) -> None:
    plan = write_plan(
        "  - {id: e1, type: notice-of-action-received, date: 2023-05-01, "
        "effective_date: 2023-06-01}\n"
        "  - {id: e2, type: appeal-filed, date: 2023-07-05, answers: e1}\n",
        calendar=False,
    )
    d = one(deadlines(plan, "2027-02-01", "--all"), "fair-hearing-request:e1")
    # Filed 2023-07-05, 5 days after 2023-06-30: met late (it says which notice it answers).
    assert (d["status"], d["met_on"], d["days_late"]) == ("met-late", "2023-07-05", 5)


# --------------------------------------------------------------------------------------------
# closures by system (SPEC §3.3)

RC_INTAKE = "  - {id: e1, type: rc-intake-requested, date: 2026-10-01}\n"
RECORDS = "  - {id: e1, type: records-requested, date: 2026-10-13}\n"


@pytest.mark.parametrize(
    ("events", "extra", "deadline_id", "due"),
    [
        # rc-intake, 15 business days from Thu 2026-10-01: Fri 2 (1), Mon 5 .. Fri 9 (2-6),
        # [Mon 12 Columbus Day], Tue 13 .. Fri 16 (7-10), Mon 19 .. Fri 23 (11-15).
        (RC_INTAKE, "", "rc-intake:e1", "2026-10-23"),
        # A district closure on Tue 10-20 does not lengthen the regional center's count.
        (RC_INTAKE, "  holidays: [2026-10-20]\n", "rc-intake:e1", "2026-10-23"),
        # Its own closure does: Tue 20 not counted, Mon 26 is day 15.
        (RC_INTAKE, "regional_center:\n  closures: [2026-10-20]\n", "rc-intake:e1", "2026-10-26"),
        # school-records, 5 business days from Tue 2026-10-13: Wed 14 (1), Thu 15 (2),
        # Fri 16 (3), Mon 19 (4), Tue 20 (5).
        (RECORDS, "", "school-records:e1", "2026-10-20"),
        (
            RECORDS,
            "regional_center:\n  closures: [2026-10-16]\n",
            "school-records:e1",
            "2026-10-20",
        ),
        # The district's own closure on Fri 16: Mon 19 (3), Tue 20 (4), Wed 21 (5).
        (RECORDS, "  holidays: [2026-10-16]\n", "school-records:e1", "2026-10-21"),
    ],
    ids=[
        "rc-count-plain",
        "rc-count-across-district-closure",
        "rc-count-across-rc-closure",
        "district-count-plain",
        "district-count-across-rc-closure",
        "district-count-across-district-closure",
    ],
)
def test_closures_by_system(
    tmp_path: Path, events: str, extra: str, deadline_id: str, due: str
) -> None:
    text = "version: 1\nchild:\n  name: Test Child\n  birth_date: 2019-05-14\n"
    text += "calendar:\n  years: []\n" + extra if extra.startswith("  ") else extra
    plan = tmp_path / "plan.yaml"
    plan.write_text(text + "events:\n" + events, encoding="utf-8")
    assert one(deadlines(plan, "2026-10-14", "--all"), deadline_id)["due"] == due


def test_explain_names_the_regional_center_closure(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "version: 1\nchild:\n  name: Test Child\n  birth_date: 2019-05-14\n"
        "regional_center:\n  closures: [2026-10-20]\nevents:\n" + RC_INTAKE,
        encoding="utf-8",
    )
    result = run("explain", "rc-intake:e1", "--plan", str(plan), "--today", "2026-10-14")
    assert result.exit_code == 0, result.output
    assert "2026-10-20: not counted (a regional center closure day listed in the plan)" in (
        result.stdout
    )
    assert "Result: due 2026-10-26 (Monday)." in result.stdout


def _plan(events: tuple[Event, ...], district: frozenset[date], rc: frozenset[date]) -> Plan:
    from dataclasses import replace

    calendar = replace(maya_calendar(), holidays=district)
    center = RegionalCenter(name="RC", closures=rc)
    return Plan(Child("Test", D("2019-05-14")), events, calendar=calendar, regional_center=center)


_TRIGGERS = (
    "records-requested",
    "rc-intake-requested",
    "rights-complaint-filed",
    "rights-complaint-response-received",
    "discipline-placement-change",
    "assessment-requested",
    "iep-meeting-requested",
)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    day=st.dates(D("2026-08-01"), D("2028-05-01")),
    kinds=st.lists(st.sampled_from(_TRIGGERS), min_size=1, max_size=4),
    closures=st.lists(st.dates(D("2026-08-01"), D("2028-08-01")), min_size=1, max_size=8),
    district_side=st.booleans(),
)
def test_a_closure_of_one_system_never_moves_a_date_of_another(
    day: date, kinds: list[str], closures: list[date], district_side: bool
) -> None:
    events = tuple(
        Event(f"e{i}", kind, day + timedelta(days=3 * i)) for i, kind in enumerate(kinds)
    )
    added = frozenset(closures)
    base = deadlines_for(_plan(events, frozenset(), frozenset()), D("2026-08-01"))
    if district_side:  # district closures: no rc/early-start date moves
        changed = deadlines_for(_plan(events, added, frozenset()), D("2026-08-01"))
        others = {System.RC, System.EARLY_START}
    else:  # regional center closures: no iep/504 date moves
        changed = deadlines_for(_plan(events, frozenset(), added), D("2026-08-01"))
        others = {System.IEP, System.SECTION_504}
    before = {d.id: d.due for d in base if d.rule.system in others}
    after = {d.id: d.due for d in changed if d.rule.system in others}
    assert before == after


# --------------------------------------------------------------------------------------------
# the IPP follow-up meeting (SPEC §4)


@pytest.mark.parametrize(
    ("meetings", "status", "met_on"),
    [
        # ipp-follow-up-meeting: 15 days after 2026-10-01 = 2026-10-16. The meeting where the
        # partial agreement was signed (same day) is not the follow-up: overdue on 10-20.
        ("  - {id: e2, type: ipp-meeting, date: 2026-10-01}\n", "overdue", None),
        (
            "  - {id: e2, type: ipp-meeting, date: 2026-10-01}\n"
            "  - {id: e3, type: ipp-meeting, date: 2026-10-10}\n",
            "met",
            "2026-10-10",
        ),
    ],
    ids=["follow-up-meeting-same-day", "follow-up-meeting-after"],
)
def test_follow_up_meeting(
    write_plan: PlanWriter, meetings: str, status: str, met_on: str | None
) -> None:
    plan = write_plan(
        "  - {id: e1, type: ipp-partial-agreement, date: 2026-10-01}\n" + meetings,
        calendar=False,
    )
    d = one(deadlines(plan, "2026-10-20", "--all"), "ipp-follow-up-meeting:e1")
    assert (d["due"], d["status"], d["met_on"]) == ("2026-10-16", status, met_on)


# --------------------------------------------------------------------------------------------
# school days: EC § 37220 holidays, calendar.in_session (SPEC §3.5)

DISCIPLINE_OCT = "  - {id: e1, type: discipline-placement-change, date: 2026-10-05}\n"
DISCIPLINE_NOV = "  - {id: e1, type: discipline-placement-change, date: 2026-11-04}\n"


@pytest.mark.parametrize(
    ("events", "extra", "due"),
    [
        # manifestation-review, 10 school days from Mon 2026-10-05: Tue 6 .. Fri 9 (1-4),
        # Mon 12 Columbus Day (5: not a school holiday of EC 37220(a)) .. Fri 16 (9), Mon 19 (10).
        (DISCIPLINE_OCT, "", "2026-10-19"),
        # Listing it as in session changes nothing: it was a school day already.
        (DISCIPLINE_OCT, "  in_session: [2026-10-12]\n", "2026-10-19"),
        # A district closed that day lists it under calendar.holidays: Mon 12 not counted,
        # Tue 13 (5) .. Fri 16 (8), Mon 19 (9), Tue 20 (10).
        (DISCIPLINE_OCT, "  holidays: [2026-10-12]\n", "2026-10-20"),
        # From Wed 2026-11-04: Thu 5 (1), Fri 6 (2), Mon 9 (3), Tue 10 (4), [Wed 11 Veterans
        # Day, EC 37220(a)(8)], Thu 12 (5), Fri 13 (6), Mon 16 .. Thu 19 (7-10).
        (DISCIPLINE_NOV, "", "2026-11-19"),
        # A district in session on Veterans Day: Wed 11 (5), ... Wed 18 (10).
        (DISCIPLINE_NOV, "  in_session: [2026-11-11]\n", "2026-11-18"),
    ],
    ids=[
        "columbus-day-is-a-school-day",
        "columbus-day-with-in-session",
        "columbus-day-listed-closed",
        "veterans-day-school-holiday",
        "veterans-day-in-session",
    ],
)
def test_school_days_use_the_education_code_holidays(
    tmp_path: Path, events: str, extra: str, due: str
) -> None:
    plan = tmp_path / "plan.yaml"
    calendar = CALENDAR_YAML.replace("  holidays: [2027-02-12, 2028-02-11]\n", extra)
    plan.write_text(
        "version: 1\nchild:\n  name: Test Child\n  birth_date: 2019-05-14\n"
        + calendar
        + "events:\n"
        + events,
        encoding="utf-8",
    )
    assert one(deadlines(plan, "2026-10-06", "--all"), "manifestation-review:e1")["due"] == due


def test_explain_shows_the_school_holiday_list_and_its_source(write_plan: PlanWriter) -> None:
    plan = write_plan(DISCIPLINE_NOV)
    result = run("explain", "manifestation-review:e1", "--plan", str(plan), "--today", "2026-11-05")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Cal. Educ. Code § 37220(a)" in out
    assert "https://codes.findlaw.com/ca/education-code/edc-sect-37220/" in out
    assert "2026-11-11 Wed: Veterans Day" in out
    assert "2026-11-11: not counted (Veterans Day)" in out


# --------------------------------------------------------------------------------------------
# age-based dates: closable, and Early Start dates before the first Early Start event


def test_transition_plan_is_met_by_transition_plan_included(write_plan: PlanWriter) -> None:
    # Born 2010-03-15: the 16th birthday is 2026-03-15; the IEP including it was 2026-03-01.
    plan = write_plan(
        "  - {id: e1, type: iep-meeting, date: 2025-03-01}\n"
        "  - {id: e2, type: transition-plan-included, date: 2026-03-01}\n",
        birth="2010-03-15",
        calendar=False,
    )
    d = one(deadlines(plan, "2026-06-01", "--all"), "transition-plan:birth-date")
    assert (d["due"], d["status"], d["met_on"]) == ("2026-03-15", "met", "2026-03-01")


LATE_REFERRAL = "  - {id: e1, type: early-start-referral, date: 2026-11-05}\n"


def test_late_early_start_referral(write_plan: PlanWriter) -> None:
    # Born 2024-01-10: third birthday 2027-01-10. transition-notice = 2027-01-10 - 6 months
    # = 2026-07-10; transition-conference = 2027-01-10 - 90 days = 2026-10-12 (Jan 10 - 10 =
    # Dec 31, - 31 = Nov 30, - 30 = Oct 31, - 19 = Oct 12). Referral 2026-11-05: both before it.
    plan = write_plan(LATE_REFERRAL, birth="2024-01-10", calendar=False)
    listed = {d["rule"] for d in deadlines(plan, "2026-11-20")}
    assert "transition-notice" not in listed
    assert "transition-conference" not in listed
    assert "initial-ifsp" in listed  # 2026-11-05 + 45 = 2026-12-20
    found = deadlines(plan, "2026-11-20", "--all")
    for deadline_id, due in (
        ("transition-notice:birth-date", "2026-07-10"),
        ("transition-conference:birth-date", "2026-10-12"),
    ):
        d = one(found, deadline_id)
        assert (d["due"], d["status"], d["days_late"]) == (due, "not-owed", None)
        assert any("34 CFR 303.209(b)(1)(ii)-(iii)" in n for n in d["notes"])
        assert any("first Early Start event (e1, 2026-11-05)" in n for n in d["notes"])
    assert one(found, "initial-ifsp:e1")["due"] == "2026-12-20"


# --------------------------------------------------------------------------------------------
# end-of-year rule that cannot apply; explain before the first school year


def test_initial_iep_without_assessment_requested_has_a_note(write_plan: PlanWriter) -> None:
    plan = write_plan("  - {id: e1, type: assessment-consent-given, date: 2026-09-01}\n")
    d = one(deadlines(plan, "2026-09-02"), "initial-iep:e1")
    assert d["due"] == "2026-10-31"  # 60 days, no break over five school days
    assert any(n.startswith("the end-of-year rule could not be checked") for n in d["notes"])
    assert d["estimated"] is False


def test_explain_shows_segments_before_the_first_school_year(write_plan: PlanWriter) -> None:
    # assessment-plan from 2026-07-20, 15 days: Jul 21 .. Aug 4 all before the first listed
    # school year (2026-08-12): counted as calendar days, estimated, due 2026-08-04.
    plan = write_plan("  - {id: e1, type: assessment-requested, date: 2026-07-20}\n")
    result = run("explain", "assessment-plan:e1", "--plan", str(plan), "--today", "2026-07-21")
    assert result.exit_code == 0, result.output
    assert (
        "Counted 2026-07-21 to 2026-08-04: 15 days (before the listed school years)"
        in result.stdout
    )


# --------------------------------------------------------------------------------------------
# met_on, days_late, complaint_by; the table; the CSV guard (SPEC §5)


@pytest.mark.parametrize(
    ("events", "deadline_id", "expected"),
    [
        # school-records: Tue 2026-10-13 + 5 business days = Tue 2026-10-20; received Fri 23:
        # 3 days late; CDE complaint by the anniversary of the due date.
        (
            RECORDS + "  - {id: e2, type: records-received, date: 2026-10-23}\n",
            "school-records:e1",
            ("met-late", "2026-10-23", 3, "2027-10-20"),
        ),
        # Nothing received by 2026-11-01: 12 days overdue.
        (RECORDS, "school-records:e1", ("overdue", None, 12, "2027-10-20")),
        # section-504-evaluation: 2026-09-01 + 60 = 2026-10-31; on 2026-11-01, 1 day late;
        # OCR complaint 180 days after the due date: Nov 30 + Dec 31 + Jan 31 + Feb 28 +
        # Mar 31 = 151 days -> 2027-03-31, + 29 = 2027-04-29.
        (
            "  - {id: e1, type: 504-evaluation-requested, date: 2026-09-01}\n",
            "section-504-evaluation:e1",
            ("overdue", None, 1, "2027-04-29"),
        ),
        # rc-intake overdue: no source for a WIC 4731 limit, so no complaint_by.
        (RC_INTAKE, "rc-intake:e1", ("overdue", None, 9, None)),
        # met on time: nothing late.
        (
            RECORDS + "  - {id: e2, type: records-received, date: 2026-10-19}\n",
            "school-records:e1",
            ("met", "2026-10-19", None, None),
        ),
    ],
    ids=["met-late-keys", "overdue-keys", "section-504-complaint-by", "rc-no-complaint-by", "met"],
)
def test_met_on_days_late_complaint_by(
    write_plan: PlanWriter, events: str, deadline_id: str, expected: tuple[Any, ...]
) -> None:
    d = one(deadlines(write_plan(events, calendar=False), "2026-11-01", "--all"), deadline_id)
    assert (d["status"], d["met_on"], d["days_late"], d["complaint_by"]) == expected


def test_table_shows_days_late_for_met_late(write_plan: PlanWriter) -> None:
    plan = write_plan(RECORDS + "  - {id: e2, type: records-received, date: 2026-10-23}\n")
    result = run("deadlines", "--plan", str(plan), "--today", "2026-11-01", "--all")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if x.startswith("2026-10-20"))
    assert "3 late" in line
    assert "met-late" in line


def test_csv_guards_formula_cells(tmp_path: Path) -> None:
    folder = tmp_path / "caseload"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        'version: 1\nchild:\n  name: "=HYPERLINK(\\"http://x\\")"\n  birth_date: 2019-05-14\n'
        "events:\n" + RECORDS,
        encoding="utf-8",
    )
    result = run("deadlines", "--plan", str(folder), "--today", "2026-11-01", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["child"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["days_left"] == "-12"  # a number: never guarded
    assert rows[0]["days_late"] == "12"
    assert rows[0]["complaint_by"] == "2027-10-20"
    assert rows[0]["met_on"] == ""


# --------------------------------------------------------------------------------------------
# same-name children; cancelled calendar events


def _same_name_caseload(tmp_path: Path) -> Path:
    folder = tmp_path / "caseload"
    folder.mkdir()
    for name, birth in (("a.yaml", "2019-05-14"), ("b.yaml", "2018-02-01")):
        (folder / name).write_text(
            f"version: 1\nchild:\n  name: Ana Ruiz\n  birth_date: {birth}\nevents:\n" + RECORDS,
            encoding="utf-8",
        )
    return folder


def test_same_name_children_told_apart_by_plan_file(tmp_path: Path) -> None:
    folder = _same_name_caseload(tmp_path)
    result = run("deadlines", "--plan", str(folder), "--today", "2026-10-14")
    assert result.exit_code == 0, result.output
    assert "Ana Ruiz (a.yaml)" in result.stdout
    assert "Ana Ruiz (b.yaml)" in result.stdout
    exported = run("export", "ics", "--plan", str(folder), "--today", "2026-10-14")
    assert exported.exit_code == 0, exported.output
    titles = [
        str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(exported.stdout).walk("VEVENT")
    ]
    assert any(t.endswith("(Ana Ruiz (a.yaml))") for t in titles)
    assert any(t.endswith("(Ana Ruiz (b.yaml))") for t in titles)


def test_deadline_met_in_the_last_90_days_is_cancelled(write_plan: PlanWriter) -> None:
    plan = write_plan(RECORDS + "  - {id: e2, type: records-received, date: 2026-10-19}\n")

    def vevents(today: str) -> dict[str, Any]:
        result = run("export", "ics", "--plan", str(plan), "--today", today)
        assert result.exit_code == 0, result.output
        found = icalendar.Calendar.from_ical(result.stdout).walk("VEVENT")
        return {str(e["SUMMARY"]): e for e in found if "school records" in str(e["SUMMARY"])}

    (open_event,) = vevents("2026-10-14").values()  # open then: a reminder
    assert str(open_event["STATUS"]) == "CONFIRMED"
    # Met 2026-10-19. 2026-10-19 + 90 days: Oct 31 (+12), Nov 30 (+42), Dec 31 (+73),
    # Jan 17 (+90): cancelled until 2027-01-17, gone from 2027-01-18.
    for today in ("2026-11-01", "2027-01-17"):
        (cancelled,) = vevents(today).values()
        assert str(cancelled["UID"]) == str(open_event["UID"])
        assert str(cancelled["STATUS"]) == "CANCELLED"
        assert not cancelled.walk("VALARM")
    assert vevents("2027-01-18") == {}


# --------------------------------------------------------------------------------------------
# notes are data


def test_notes_are_data_and_worded_in_one_place() -> None:
    note = Note(NoteKind.MISSING_SCHOOL_YEAR, day=D("2028-06-01"), school_year="2028-29")
    assert note.estimated
    assert note_text(
        Note(
            NoteKind.MISSING_SCHOOL_YEAR,
            day=D("2028-06-01"),
            school_year="2028-29",
            side="after",
            unit="calendar days",
        )
    ) == (
        "estimated: the plan's calendar has no 2028-29 school year, so days after 2028-06-01 "
        "were counted as calendar days; add the 2028-29 school year to the plan's calendar"
    )
    weekend = Note(
        NoteKind.NON_BUSINESS_DUE_AGENCY,
        day=D("2026-10-24"),
        who="district",
        other_day=D("2026-10-26"),
    )
    assert not weekend.estimated
    assert note_text(weekend) == (
        "2026-10-24 is a Saturday; plancli does not move the date, but the district may argue "
        "that Code Civ. Proc. § 12a extends it to the next business day, 2026-10-26"
    )
