"""Worked examples: every rule of SPEC §4 and the counting edge cases of SPEC §3, by hand.

This file is an independent check of `plancli deadlines --format json`. No expected date here
comes from plancli code: each was worked out by hand from /work/shared/SPEC.md (§3 counting,
§4 catalogue) and /work/shared/reference/calendars.md, and the arithmetic is written next to it
(the `why` of each case, also printed when an assertion fails). Weekdays and federal holiday
dates were double-checked with `datetime` and `holidays` 0.109.

Day 0 is the trigger date; day 1 is the day after (SPEC §3.1). "(n)" below means "counted day
number n"; "[...]" means "not counted".

Holidays used for `business` and `school-days` counting (SPEC §3.3), 2026-2030, as needed here:
2026: Jun 19 (Fri), Jul 3 (Fri, Independence Day observed), Sep 7 (Labor), Oct 12 (Columbus),
Nov 11 (Wed), Nov 26 + Nov 27 (Thanksgiving + day after), Dec 25 (Fri). 2027: Jan 1 (Fri),
Jan 18 (MLK), Feb 15 (Washington's Birthday), Mar 31 (Wed, Cesar Chavez), May 31 (Memorial),
Jun 18 (Fri, Juneteenth observed), Dec 24 (Fri, Christmas observed), Dec 31 (Fri, New Year's
Day 2028 observed). 2028: Jan 17 (MLK), Feb 21 (Washington's Birthday), Nov 10 (Fri, Veterans
Day observed). 2029: Mar 31 is a Saturday (no substitute). 2030: Mar 31 is a Sunday, so
Mon Apr 1 is the holiday. NOT holidays: Feb 15 (Susan B. Anthony Day), Feb 12 (Lincoln Day),
Dec 24 2026, the fourth Friday of September (Native American Day).

Readings chosen where the SPEC leaves room (the implementer should compare):

R1. school-tolled: a paused period for a long break runs from the day after the last *school
    day* (weekday, in a school year, outside breaks, not a holiday) before the break to the day
    before the first school day after it; so a holiday right after a break (MLK Day) is paused
    too and the clock recommences on the next school day (case `reconvene-after-mlk-day`).
R2. school-tolled: the days between two listed school years are paused (from the day after
    `last_day` to the day before the next `first_day`); holidays that are not in a listed break
    (Labor Day, Memorial Day, Veterans Day ...) are ordinary counted days for this clock.
R3. End-of-year rule, `assessment-plan`: applies when 0 <= last_day - referral <= 10 (referral on
    the last day included). A referral received *after* the last day (in the summer) is not
    "before the last day": normal count, day 1 is the next first day (due first_day + 14).
R4. End-of-year rule, `initial-iep`: applies when 0 <= last_day - referral <= 30 and the consent
    is dated before the next first_day (consent before the last day qualifies too). The
    end-of-year date replaces the count even when the normal count would differ.
R5. Counting runs into days no listed school year covers (after the last `last_day`, or an
    end-of-year rule without the next year): those days count as plain calendar days,
    `estimated: true`, and the note is non-empty. Each such case here is built so that "count
    calendar days from the trigger" and "count in-year days, then calendar days" give the
    same date.
R6. Business days: a school break is not a holiday (records requested during the winter break
    are still due 5 business days later). A `calendar.holidays` date is tested only on a
    district rule (school-records); whether a district closure day also stops a regional
    center's working-day clock is left untested.
R7. Cesar Chavez Day falling on a Saturday (2029) has no Friday substitute (SPEC: "moved to
    Monday when it falls on a Sunday" only). Columbus Day counts as a holiday (it is in the
    5 USC 6103 list SPEC §3.3 names), for business days and for school days.
R8. "due-soon (within 7 days)" is inclusive: days_left 1..7 is due-soon, 8 is upcoming.
R9. Age-based dates: first the birthday (Feb 29 birthday → Feb 28 in a common year), then the
    offset: transition-notice = (3rd birthday) - 6 months, clamped; for a child born 2024-02-29
    that is 2027-02-28 - 6 months = 2026-08-28 (not birth + 30 months = 2026-08-29).
R10. A recurring rule is never met by its own trigger event: an iep-meeting does not meet the
    annual-iep-review that it starts; the next iep-meeting does.
R11. `extension-agreed` applies to the most recent trigger dated strictly before the extension
    event; triggers after it keep their computed dates.
R12. `aid-paid-pending` before 2023-03-01: 10 days; the cases use an effective_date later than
    the 10th day, so they do not depend on whether the effective_date cap also applies then.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------

Event = dict[str, str | bool]
Deadline = dict[str, Any]
# (name, first, last) of a break; (first_day, last_day, breaks) of a school year.
Break = tuple[str, str, str]
SchoolYear = tuple[str, str, tuple[Break, ...]]

OPEN = frozenset({"overdue", "due-today", "due-soon", "upcoming"})
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CHILD_BIRTH = "2019-05-14"  # a school-age child (7 in 2026)
TODDLER_BIRTH = "2024-06-10"  # an Early Start child; 3rd birthday Thu 2027-06-10

ALL_RULES = (
    "assessment-plan",
    "assessment-plan-review",
    "initial-iep",
    "iep-meeting-on-request",
    "school-records",
    "annual-iep-review",
    "triennial-reassessment",
    "transition-plan",
    "rights-at-majority",
    "iep-by-age-3",
    "manifestation-review",
    "resolution-meeting",
    "hearing-decision",
    "court-appeal",
    "compliance-complaint-decision",
    "due-process-time-limit",
    "section-504-evaluation",
    "ocr-complaint",
    "rc-intake",
    "rc-assessment",
    "initial-ipp",
    "ipp-meeting-on-request",
    "ipp-review",
    "ipp-follow-up-meeting",
    "fair-hearing-request",
    "aid-paid-pending",
    "hearing-decision-implementation",
    "rights-complaint-response",
    "initial-ifsp",
    "ifsp-services-start",
    "ifsp-periodic-review",
    "ifsp-annual-meeting",
    "transition-notice",
    "transition-conference",
)

# 2026-27: Wed 2026-08-12 .. Thu 2027-06-03.
#   Thanksgiving Mon 11-23 .. Fri 11-27: 5 weekdays, NOT paused.
#   Winter Mon 12-21 .. Fri 2027-01-01: 10 weekdays, paused Sat 2026-12-19 .. Sun 2027-01-03
#   (last school day before it Fri 12-18; school reconvenes Mon 2027-01-04).
#   Spring Mon 2027-03-29 .. Fri 04-02: 5 weekdays, NOT paused.
# Summer: paused Fri 2027-06-04 .. Tue 2027-08-10.
# 2027-28: Wed 2027-08-11 .. Thu 2028-06-01.
#   Thanksgiving Mon 11-22 .. Fri 11-26: 5 weekdays, NOT paused.
#   Winter Mon 12-20 .. Fri 12-31: 10 weekdays, paused Sat 2027-12-18 .. Sun 2028-01-02
#   (school reconvenes Mon 2028-01-03).
#   Spring Mon 2028-04-10 .. Fri 04-14: 5 weekdays, NOT paused.
YEAR_2026_27: SchoolYear = (
    "2026-08-12",
    "2027-06-03",
    (
        ("Thanksgiving break", "2026-11-23", "2026-11-27"),
        ("Winter break", "2026-12-21", "2027-01-01"),
        ("Spring break", "2027-03-29", "2027-04-02"),
    ),
)
YEAR_2027_28: SchoolYear = (
    "2027-08-11",
    "2028-06-01",
    (
        ("Thanksgiving break", "2027-11-22", "2027-11-26"),
        ("Winter break", "2027-12-20", "2027-12-31"),
        ("Spring break", "2028-04-10", "2028-04-14"),
    ),
)
# An alternative 2026-27 calendar:
#   Winter Mon 2026-12-21 .. Fri 2027-01-15 (20 weekdays): last school day before it Fri 12-18;
#   Mon 2027-01-18 is MLK Day, so school reconvenes Tue 2027-01-19; paused 12-19 .. 01-18.
#   Spring Fri 2027-03-26 .. Fri 04-02: 6 weekdays (> 5), paused Fri 03-26 .. Sun 04-04
#   (last school day before it Thu 03-25; school reconvenes Mon 04-05).
YEAR_2026_27_ALT: SchoolYear = (
    "2026-08-12",
    "2027-06-03",
    (
        ("Thanksgiving break", "2026-11-23", "2026-11-27"),
        ("Winter break", "2026-12-21", "2027-01-15"),
        ("Spring break", "2027-03-26", "2027-04-02"),
    ),
)


def calendar_yaml(
    years: tuple[SchoolYear, ...] = (YEAR_2026_27, YEAR_2027_28),
    holidays: tuple[str, ...] = ("2027-02-12",),
) -> str:
    """The `calendar:` section of a plan (SPEC §2)."""
    lines = ["calendar:", "  years:"]
    for first_day, last_day, breaks in years:
        lines.append(f"    - first_day: {first_day}")
        lines.append(f"      last_day: {last_day}")
        lines.append("      breaks:")
        for name, first, last in breaks:
            lines.append(f"        - {{name: {json.dumps(name)}, first: {first}, last: {last}}}")
    if holidays:
        lines.append(f"  holidays: [{', '.join(holidays)}]")
    return "\n".join(lines) + "\n"


CAL = calendar_yaml()
CAL_ALT = calendar_yaml(years=(YEAR_2026_27_ALT,), holidays=())


def ev(event_id: str, event_type: str, day: str, **extra: str | bool) -> Event:
    """One event of the plan's `events:` list."""
    return {"id": event_id, "type": event_type, "date": day, **extra}


def _yaml_scalar(value: str | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if ISO_DATE.match(value):
        return value  # a YAML date, unquoted, as a person would write it
    return json.dumps(value)


def _event_date(event: Event) -> str:
    day = event["date"]
    assert isinstance(day, str)
    return day


def write_plan(
    tmp_path: Path,
    events: tuple[Event, ...],
    *,
    birth_date: str = CHILD_BIRTH,
    calendar: str | None = None,
    hcbs_waiver: bool | None = None,
) -> Path:
    """Write a SPEC §2 plan file into tmp_path and return its path."""
    lines = [
        "version: 1",
        "child:",
        '  name: "Test Child"',
        f"  birth_date: {birth_date}",
    ]
    text = "\n".join(lines) + "\n"
    if calendar is not None:
        text += calendar
    if hcbs_waiver is not None:
        text += 'regional_center:\n  name: "Test Regional Center"\n'
        text += f"  hcbs_waiver: {_yaml_scalar(hcbs_waiver)}\n"
    text += "events:\n"
    for event in events:
        first = True
        for key, value in event.items():
            prefix = "  - " if first else "    "
            text += f"{prefix}{key}: {_yaml_scalar(value)}\n"
            first = False
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(plan: Path, today: str) -> dict[str, Any]:
    """`plancli deadlines --plan PLAN --today TODAY --all --format json`, in-process."""
    from typer.testing import CliRunner

    from plancli.cli import app

    args = ["deadlines", "--plan", str(plan), "--today", today, "--all", "--format", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    assert data["today"] == today
    return data


def deadlines_of(data: dict[str, Any], rule: str) -> list[Deadline]:
    found: list[Deadline] = [d for d in data["deadlines"] if d["rule"] == rule]
    return found


def deadline(data: dict[str, Any], rule: str, event: str | None = None) -> Deadline:
    """The one deadline of `rule` started by event id `event` (None: age-based)."""
    found = [d for d in deadlines_of(data, rule) if d["trigger"]["event"] == event]
    listed = [(d["rule"], d["trigger"]["event"], d["due"]) for d in data["deadlines"]]
    assert len(found) == 1, f"want one {rule} for trigger {event!r}; listed: {listed}"
    return found[0]


@dataclass(frozen=True)
class Case:
    """A worked example: plan events, the deadline to find, its due date and why."""

    rule: str
    trigger: str | None  # event id of the trigger; None for an age-based rule
    due: str
    why: str
    events: tuple[Event, ...]
    calendar: str | None = None
    birth_date: str = CHILD_BIRTH
    hcbs_waiver: bool | None = None
    today: str | None = None  # default: the latest event date
    estimated: bool = False
    id: str = ""  # pytest id; default: the rule id


def ids(cases: tuple[Case, ...]) -> list[str]:
    return [case.id or case.rule for case in cases]


def check(tmp_path: Path, case: Case) -> Deadline:
    """Run the plan of `case` and compare the deadline with the hand-worked expectation."""
    plan = write_plan(
        tmp_path,
        case.events,
        birth_date=case.birth_date,
        calendar=case.calendar,
        hcbs_waiver=case.hcbs_waiver,
    )
    today = case.today or max(_event_date(e) for e in case.events)
    data = run(plan, today)
    found = deadline(data, case.rule, case.trigger)
    assert found["due"] == case.due, f"{case.rule}: expected {case.due} because {case.why}"
    assert found["estimated"] is case.estimated, f"{case.rule}: estimated; {case.why}"
    if case.estimated:
        assert found["notes"], "an estimated deadline must say why (SPEC §3.4)"
    trigger = found["trigger"]
    if case.trigger is None:
        assert trigger["event"] is None
        assert trigger["type"] == "birth-date"
        assert trigger["date"] == case.birth_date
    else:
        event = next(e for e in case.events if e["id"] == case.trigger)
        assert trigger["type"] == event["type"]
        assert trigger["date"] == event["date"]
    if found["status"] in OPEN:  # SPEC §4: days_left is due - today
        assert found["days_left"] == _days_between(today, case.due)
    return found


def _days_between(start: str, end: str) -> int:
    from datetime import date

    return (date.fromisoformat(end) - date.fromisoformat(start)).days


# --------------------------------------------------------------------------------------------
# 1. one worked example per rule id (pytest id == rule id)
# --------------------------------------------------------------------------------------------

RULE_CASES: tuple[Case, ...] = (
    Case(
        "assessment-plan",
        "e1",
        "2026-09-18",
        "Thu 2026-09-03 + 15 school-tolled days: 09-04 (1) .. 09-18 (15); no break over five "
        "school days in between (Labor Day 09-07 is a holiday, which does not pause this "
        "clock); referral far from the last day → Fri 2026-09-18",
        (ev("e1", "assessment-requested", "2026-09-03"),),
        calendar=CAL,
    ),
    Case(
        "assessment-plan-review",
        "e1",
        "2026-09-30",
        "Tue 2026-09-15 + 15 calendar days: 09-16 (1) .. 09-30 (15) → Wed 2026-09-30",
        (ev("e1", "assessment-plan-received", "2026-09-15"),),
    ),
    Case(
        "initial-iep",
        "e2",
        "2026-11-20",
        "consent Mon 2026-09-21 + 60 school-tolled days: 09-22..09-30 = 9, October 31 → 40, "
        "11-01..11-20 = 20 → 60; the Thanksgiving break starts after day 60, no end-of-year "
        "rule (referral 2026-09-03 is months before the last day) → Fri 2026-11-20",
        (
            ev("e1", "assessment-requested", "2026-09-03"),
            ev("e2", "assessment-consent-given", "2026-09-21"),
        ),
        calendar=CAL,
    ),
    Case(
        "iep-meeting-on-request",
        "e1",
        "2026-11-04",
        "Mon 2026-10-05 + 30 school-tolled days: 10-06..10-31 = 26, 11-01..11-04 = 4 → 30; "
        "no break in between → Wed 2026-11-04",
        (ev("e1", "iep-meeting-requested", "2026-10-05"),),
        calendar=CAL,
    ),
    Case(
        "school-records",
        "e1",
        "2026-09-17",
        "Thu 2026-09-10 + 5 business days: Fri 09-11 (1), [Sat 12, Sun 13], Mon 14 (2), "
        "Tue 15 (3), Wed 16 (4), Thu 17 (5) → 2026-09-17",
        (ev("e1", "records-requested", "2026-09-10"),),
    ),
    Case(
        "annual-iep-review",
        "e1",
        "2027-05-20",
        "iep-meeting 2026-05-20 + 1 year → Thu 2027-05-20",
        (ev("e1", "iep-meeting", "2026-05-20"),),
    ),
    Case(
        "triennial-reassessment",
        "e1",
        "2029-04-30",
        "assessment-completed 2026-04-30 + 3 years → Mon 2029-04-30",
        (ev("e1", "assessment-completed", "2026-04-30"),),
    ),
    Case(
        "transition-plan",
        None,
        "2035-05-14",
        "16th birthday of a child born 2019-05-14 → Mon 2035-05-14 (plan has an iep event)",
        (ev("e1", "assessment-requested", "2026-09-03"),),
    ),
    Case(
        "rights-at-majority",
        None,
        "2036-05-14",
        "17th birthday of a child born 2019-05-14 → Wed 2036-05-14 (plan has an iep event)",
        (ev("e1", "assessment-requested", "2026-09-03"),),
    ),
    Case(
        "iep-by-age-3",
        None,
        "2027-06-10",
        "3rd birthday of a child born 2024-06-10 → Thu 2027-06-10 (plan has an early-start event)",
        (ev("e1", "early-start-referral", "2025-01-15"),),
        birth_date=TODDLER_BIRTH,
    ),
    Case(
        "manifestation-review",
        "e1",
        "2026-10-27",
        "Tue 2026-10-13 + 10 school days: Wed 14 (1), Thu 15 (2), Fri 16 (3), Mon 19 (4), "
        "Tue 20 (5), Wed 21 (6), Thu 22 (7), Fri 23 (8), Mon 26 (9), Tue 27 (10); no break "
        "or holiday in between → 2026-10-27",
        (ev("e1", "discipline-placement-change", "2026-10-13"),),
        calendar=CAL,
    ),
    Case(
        "resolution-meeting",
        "e1",
        "2026-10-05",
        "Sun 2026-09-20 + 15 calendar days: 09-21..09-30 = 10, 10-01..10-05 = 5 → Mon 2026-10-05",
        (ev("e1", "due-process-filed", "2026-09-20"),),
    ),
    Case(
        "hearing-decision",
        "e1",
        "2026-12-04",
        "2026-09-20 + 75 calendar days: Sep 21..30 = 10, Oct = 31 → 41, Nov = 30 → 71, "
        "Dec 1..4 = 4 → 75 → Fri 2026-12-04",
        (ev("e1", "due-process-filed", "2026-09-20"),),
    ),
    Case(
        "court-appeal",
        "e1",
        "2026-10-08",
        "2026-07-10 + 90 calendar days: Jul 11..31 = 21, Aug = 31 → 52, Sep = 30 → 82, "
        "Oct 1..8 = 8 → 90 → Thu 2026-10-08",
        (ev("e1", "hearing-decision-received", "2026-07-10"),),
    ),
    Case(
        "compliance-complaint-decision",
        "e1",
        "2026-10-14",
        "2026-08-15 + 60 calendar days: Aug 16..31 = 16, Sep = 30 → 46, Oct 1..14 = 14 → 60 "
        "→ Wed 2026-10-14",
        (ev("e1", "compliance-complaint-filed", "2026-08-15"),),
    ),
    Case(
        "due-process-time-limit",
        "e1",
        "2027-11-03",
        "dispute-known 2025-11-03 + 2 years → Wed 2027-11-03",
        (ev("e1", "dispute-known", "2025-11-03"),),
    ),
    Case(
        "section-504-evaluation",
        "e1",
        "2026-11-09",
        "2026-09-10 + 60 calendar days: Sep 11..30 = 20, Oct = 31 → 51, Nov 1..9 = 9 → 60 "
        "→ Mon 2026-11-09",
        (ev("e1", "504-evaluation-requested", "2026-09-10"),),
    ),
    Case(
        "ocr-complaint",
        "e1",
        "2026-10-12",
        "2026-04-15 + 180 calendar days: Apr 16..30 = 15, May 31 → 46, Jun 30 → 76, "
        "Jul 31 → 107, Aug 31 → 138, Sep 30 → 168, Oct 1..12 = 12 → 180 → Mon 2026-10-12",
        (ev("e1", "discrimination-occurred", "2026-04-15"),),
    ),
    Case(
        "rc-intake",
        "e1",
        "2026-12-09",
        "Mon 2026-11-16 + 15 working days: Tue 17 (1), Wed 18 (2), Thu 19 (3), Fri 20 (4), "
        "Mon 23 (5), Tue 24 (6), Wed 25 (7), [Thu 26 Thanksgiving, Fri 27 day after], "
        "Mon 30 (8), Tue 12-01 (9), Wed 02 (10), Thu 03 (11), Fri 04 (12), Mon 07 (13), "
        "Tue 08 (14), Wed 09 (15) → 2026-12-09",
        (ev("e1", "rc-intake-requested", "2026-11-16"),),
    ),
    Case(
        "rc-assessment",
        "e1",
        "2027-01-08",
        "2026-09-10 + 120 calendar days (not urgent): Sep 11..30 = 20, Oct 31 → 51, "
        "Nov 30 → 81, Dec 31 → 112, Jan 1..8 = 8 → 120 → Fri 2027-01-08",
        (ev("e1", "rc-intake-completed", "2026-09-10"),),
    ),
    Case(
        "initial-ipp",
        "e1",
        "2026-11-03",
        "2026-09-04 + 60 calendar days: Sep 5..30 = 26, Oct 31 → 57, Nov 1..3 = 3 → 60 → "
        "Tue 2026-11-03",
        (ev("e1", "rc-assessment-completed", "2026-09-04"),),
    ),
    Case(
        "ipp-meeting-on-request",
        "e1",
        "2026-10-14",
        "2026-09-14 + 30 calendar days (not urgent): Sep 15..30 = 16, Oct 1..14 = 14 → 30 → "
        "Wed 2026-10-14",
        (ev("e1", "ipp-meeting-requested", "2026-09-14"),),
    ),
    Case(
        "ipp-review",
        "e1",
        "2029-03-16",
        "ipp-meeting 2026-03-16 + 3 years (hcbs_waiver: false) → Fri 2029-03-16",
        (ev("e1", "ipp-meeting", "2026-03-16"),),
        hcbs_waiver=False,
    ),
    Case(
        "ipp-follow-up-meeting",
        "e1",
        "2026-10-07",
        "2026-09-22 + 15 calendar days: Sep 23..30 = 8, Oct 1..7 = 7 → 15 → Wed 2026-10-07",
        (ev("e1", "ipp-partial-agreement", "2026-09-22"),),
    ),
    Case(
        "fair-hearing-request",
        "e1",
        "2026-11-24",
        "notice 2026-09-25 (after 2023-03-01: 60 days): Sep 26..30 = 5, Oct 31 → 36, "
        "Nov 1..24 = 24 → 60 → Tue 2026-11-24",
        (ev("e1", "notice-of-action-received", "2026-09-25", effective_date="2026-11-01"),),
    ),
    Case(
        "aid-paid-pending",
        "e1",
        "2026-10-28",
        "notice 2026-09-28 + 30 calendar days = Sep 29..30 = 2, Oct 1..28 = 28 → 2026-10-28; "
        "effective_date 2026-11-01 is later, so no cap → Wed 2026-10-28",
        (ev("e1", "notice-of-action-received", "2026-09-28", effective_date="2026-11-01"),),
    ),
    Case(
        "hearing-decision-implementation",
        "e1",
        "2026-09-23",
        "2026-08-24 + 30 calendar days: Aug 25..31 = 7, Sep 1..23 = 23 → 30 → Wed 2026-09-23",
        (ev("e1", "rc-hearing-decision-received", "2026-08-24"),),
    ),
    Case(
        "rights-complaint-response",
        "e1",
        "2026-07-15",
        "Mon 2026-06-15 + 20 working days: Tue 16 (1), Wed 17 (2), Thu 18 (3), [Fri 19 "
        "Juneteenth], Mon 22 (4) .. Fri 26 (8), Mon 29 (9), Tue 30 (10), Wed 07-01 (11), "
        "Thu 02 (12), [Fri 03 Independence Day observed, Sat 04], Mon 06 (13) .. Fri 10 (17), "
        "Mon 13 (18), Tue 14 (19), Wed 15 (20) → 2026-07-15",
        (ev("e1", "rights-complaint-filed", "2026-06-15"),),
    ),
    Case(
        "initial-ifsp",
        "e1",
        "2025-12-04",
        "referral 2025-10-20 + 45 calendar days: Oct 21..31 = 11, Nov 30 → 41, Dec 1..4 = 4 "
        "→ 45 → Thu 2025-12-04",
        (ev("e1", "early-start-referral", "2025-10-20"),),
        birth_date=TODDLER_BIRTH,
    ),
    Case(
        "ifsp-services-start",
        "e1",
        "2026-01-23",
        "consent 2025-12-09 + 45 calendar days: Dec 10..31 = 22, Jan 1..23 = 23 → 45 → "
        "Fri 2026-01-23",
        (ev("e1", "ifsp-consent-given", "2025-12-09"),),
        birth_date=TODDLER_BIRTH,
    ),
    Case(
        "ifsp-periodic-review",
        "e1",
        "2026-06-01",
        "ifsp-meeting 2025-12-01 + 6 months → Mon 2026-06-01",
        (ev("e1", "ifsp-meeting", "2025-12-01"),),
        birth_date=TODDLER_BIRTH,
    ),
    Case(
        "ifsp-annual-meeting",
        "e1",
        "2026-12-01",
        "ifsp-meeting 2025-12-01 + 1 year → Tue 2026-12-01",
        (ev("e1", "ifsp-meeting", "2025-12-01"),),
        birth_date=TODDLER_BIRTH,
    ),
    Case(
        "transition-notice",
        None,
        "2026-12-10",
        "3rd birthday 2027-06-10 (born 2024-06-10) - 6 months → Thu 2026-12-10",
        (ev("e1", "early-start-referral", "2025-01-15"),),
        birth_date=TODDLER_BIRTH,
    ),
    Case(
        "transition-conference",
        None,
        "2027-03-12",
        "3rd birthday 2027-06-10 - 90 days: back 10 → May 31, 31 more → Apr 30 (41), 30 more "
        "→ Mar 31 (71), 19 more → Mar 12 (90) → Fri 2027-03-12",
        (ev("e1", "early-start-referral", "2025-01-15"),),
        birth_date=TODDLER_BIRTH,
    ),
)


def test_every_rule_has_a_worked_example() -> None:
    assert len(ALL_RULES) == 34
    assert sorted(c.rule for c in RULE_CASES) == sorted(ALL_RULES)


@pytest.mark.parametrize("case", RULE_CASES, ids=ids(RULE_CASES))
def test_rule(tmp_path: Path, case: Case) -> None:
    check(tmp_path, case)


# --------------------------------------------------------------------------------------------
# 2. calendar days: month end, year end, Feb 29 2028
# --------------------------------------------------------------------------------------------

CALENDAR_CASES: tuple[Case, ...] = (
    Case(
        "resolution-meeting",
        "e1",
        "2026-02-09",
        "2026-01-25 + 15: Jan 26..31 = 6, Feb 1..9 = 9 → 15 → Mon 2026-02-09",
        (ev("e1", "due-process-filed", "2026-01-25"),),
        id="month-end-january",
    ),
    Case(
        "compliance-complaint-decision",
        "e1",
        "2027-02-13",
        "2026-12-15 + 60: Dec 16..31 = 16, Jan 31 → 47, Feb 1..13 = 13 → 60 → Sat 2027-02-13",
        (ev("e1", "compliance-complaint-filed", "2026-12-15"),),
        id="year-end-60-days",
    ),
    Case(
        "assessment-plan-review",
        "e1",
        "2027-01-09",
        "2026-12-25 + 15: Dec 26..31 = 6, Jan 1..9 = 9 → 15 → Sat 2027-01-09",
        (ev("e1", "assessment-plan-received", "2026-12-25"),),
        id="year-end-15-days",
    ),
    Case(
        "initial-ifsp",
        "e1",
        "2028-02-03",
        "2027-12-20 + 45: Dec 21..31 = 11, Jan 31 → 42, Feb 1..3 = 3 → 45 → Thu 2028-02-03",
        (ev("e1", "early-start-referral", "2027-12-20"),),
        birth_date="2026-06-01",
        id="year-end-45-days",
    ),
    Case(
        "resolution-meeting",
        "e1",
        "2028-03-06",
        "2028-02-20 + 15: Feb 21..29 = 9 (leap year), Mar 1..6 = 6 → 15 → Mon 2028-03-06",
        (ev("e1", "due-process-filed", "2028-02-20"),),
        id="over-feb-29-2028",
    ),
    Case(
        "resolution-meeting",
        "e1",
        "2027-03-07",
        "2027-02-20 + 15: Feb 21..28 = 8 (common year), Mar 1..7 = 7 → 15 → Sun 2027-03-07",
        (ev("e1", "due-process-filed", "2027-02-20"),),
        id="over-feb-28-2027",
    ),
    Case(
        "ipp-meeting-on-request",
        "e1",
        "2028-03-15",
        "2028-02-14 + 30: Feb 15..29 = 15, Mar 1..15 = 15 → 30 → Wed 2028-03-15",
        (ev("e1", "ipp-meeting-requested", "2028-02-14"),),
        id="feb-2028-30-days",
    ),
    Case(
        "court-appeal",
        "e1",
        "2028-03-14",
        "2027-12-15 + 90: Dec 16..31 = 16, Jan 31 → 47, Feb 29 → 76, Mar 1..14 = 14 → 90 → "
        "Tue 2028-03-14",
        (ev("e1", "hearing-decision-received", "2027-12-15"),),
        id="year-end-and-feb-29-90-days",
    ),
    Case(
        "ocr-complaint",
        "e1",
        "2028-04-29",
        "2027-11-01 + 180: Nov 2..30 = 29, Dec 31 → 60, Jan 31 → 91, Feb 29 → 120, "
        "Mar 31 → 151, Apr 1..29 = 29 → 180 → Sat 2028-04-29",
        (ev("e1", "discrimination-occurred", "2027-11-01"),),
        id="feb-29-180-days",
    ),
    Case(
        "hearing-decision-implementation",
        "e1",
        "2028-03-30",
        "trigger on Tue 2028-02-29 + 30: Mar 1..30 = 30 → Thu 2028-03-30",
        (ev("e1", "rc-hearing-decision-received", "2028-02-29"),),
        id="trigger-on-feb-29",
    ),
)


@pytest.mark.parametrize("case", CALENDAR_CASES, ids=ids(CALENDAR_CASES))
def test_calendar_days(tmp_path: Path, case: Case) -> None:
    check(tmp_path, case)


# --------------------------------------------------------------------------------------------
# 3. business / working days
# --------------------------------------------------------------------------------------------

BUSINESS_CASES: tuple[Case, ...] = (
    Case(
        "school-records",
        "e1",
        "2026-09-17",
        "Thu 09-10: Fri 11 (1), [Sat 12, Sun 13], Mon 14 (2), Tue 15 (3), Wed 16 (4), Thu 17 (5)",
        (ev("e1", "records-requested", "2026-09-10"),),
        id="over-a-weekend",
    ),
    Case(
        "school-records",
        "e1",
        "2026-09-18",
        "Sat 09-12: [Sun 13], Mon 14 (1), Tue 15 (2), Wed 16 (3), Thu 17 (4), Fri 18 (5)",
        (ev("e1", "records-requested", "2026-09-12"),),
        id="trigger-on-saturday",
    ),
    Case(
        "school-records",
        "e1",
        "2026-09-09",
        "Tue 09-01: Wed 2 (1), Thu 3 (2), Fri 4 (3), [Sat 5, Sun 6, Mon 7 Labor Day], "
        "Tue 8 (4), Wed 9 (5)",
        (ev("e1", "records-requested", "2026-09-01"),),
        id="labor-day",
    ),
    Case(
        "school-records",
        "e1",
        "2026-07-09",
        "Wed 07-01: Thu 2 (1), [Fri 3 = Independence Day observed (Jul 4 is a Saturday), "
        "Sat 4, Sun 5], Mon 6 (2), Tue 7 (3), Wed 8 (4), Thu 9 (5)",
        (ev("e1", "records-requested", "2026-07-01"),),
        id="independence-day-2026-observed-friday",
    ),
    Case(
        "school-records",
        "e1",
        "2026-06-24",
        "Tue 06-16: Wed 17 (1), Thu 18 (2), [Fri 19 Juneteenth], Mon 22 (3), Tue 23 (4), "
        "Wed 24 (5)",
        (ev("e1", "records-requested", "2026-06-16"),),
        id="juneteenth-2026",
    ),
    Case(
        "school-records",
        "e1",
        "2027-06-24",
        "Wed 2027-06-16: Thu 17 (1), [Fri 18 = Juneteenth observed (Jun 19 is a Saturday)], "
        "Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 24 (5)",
        (ev("e1", "records-requested", "2027-06-16"),),
        id="juneteenth-2027-observed-friday",
    ),
    Case(
        "school-records",
        "e1",
        "2026-10-19",
        "Fri 10-09: [Mon 12 Columbus Day], Tue 13 (1), Wed 14 (2), Thu 15 (3), Fri 16 (4), "
        "Mon 19 (5)",
        (ev("e1", "records-requested", "2026-10-09"),),
        id="columbus-day-2026",
    ),
    Case(
        "school-records",
        "e1",
        "2026-11-17",
        "Mon 11-09: Tue 10 (1), [Wed 11 Veterans Day], Thu 12 (2), Fri 13 (3), Mon 16 (4), "
        "Tue 17 (5)",
        (ev("e1", "records-requested", "2026-11-09"),),
        id="veterans-day-2026",
    ),
    Case(
        "school-records",
        "e1",
        "2028-11-16",
        "Wed 2028-11-08: Thu 9 (1), [Fri 10 = Veterans Day observed (Nov 11 is a Saturday)], "
        "Mon 13 (2), Tue 14 (3), Wed 15 (4), Thu 16 (5)",
        (ev("e1", "records-requested", "2028-11-08"),),
        id="veterans-day-2028-observed-friday",
    ),
    Case(
        "school-records",
        "e1",
        "2026-12-02",
        "Mon 11-23: Tue 24 (1), Wed 25 (2), [Thu 26 Thanksgiving, Fri 27 day after "
        "Thanksgiving (California), Sat, Sun], Mon 30 (3), Tue 12-01 (4), Wed 02 (5)",
        (ev("e1", "records-requested", "2026-11-23"),),
        id="thanksgiving-and-day-after-2026",
    ),
    Case(
        "school-records",
        "e1",
        "2026-12-30",
        "Tue 12-22: Wed 23 (1), Thu 24 (2, Dec 24 is no holiday), [Fri 25 Christmas], "
        "Mon 28 (3), Tue 29 (4), Wed 30 (5)",
        (ev("e1", "records-requested", "2026-12-22"),),
        id="christmas-2026",
    ),
    Case(
        "school-records",
        "e1",
        "2028-01-04",
        "Mon 2027-12-27: Tue 28 (1), Wed 29 (2), Thu 30 (3), [Fri 31 = New Year's Day 2028 "
        "observed (Jan 1 2028 is a Saturday)], Mon 2028-01-03 (4), Tue 01-04 (5)",
        (ev("e1", "records-requested", "2027-12-27"),),
        id="new-year-2028-observed-2027-12-31",
    ),
    Case(
        "school-records",
        "e1",
        "2027-04-06",
        "Mon 2027-03-29: Tue 30 (1), [Wed 31 Cesar Chavez Day], Thu 04-01 (2), Fri 02 (3), "
        "Mon 05 (4), Tue 06 (5)",
        (ev("e1", "records-requested", "2027-03-29"),),
        id="cesar-chavez-2027-wednesday",
    ),
    Case(
        "school-records",
        "e1",
        "2030-04-05",
        "Thu 2030-03-28: Fri 29 (1), [Sat 30, Sun 31 Cesar Chavez Day → Mon 04-01 is the "
        "holiday], Tue 02 (2), Wed 03 (3), Thu 04 (4), Fri 05 (5)",
        (ev("e1", "records-requested", "2030-03-28"),),
        id="cesar-chavez-2030-sunday-monday-holiday",
    ),
    Case(
        "school-records",
        "e1",
        "2029-04-04",
        "Wed 2029-03-28: Thu 29 (1), Fri 30 (2; Mar 31 2029 is a Saturday and has no Friday "
        "substitute, reading R7), Mon 04-02 (3), Tue 03 (4), Wed 04 (5)",
        (ev("e1", "records-requested", "2029-03-28"),),
        id="cesar-chavez-2029-saturday-no-substitute",
    ),
    Case(
        "school-records",
        "e1",
        "2026-10-22",
        "Wed 10-14 with calendar.holidays [2026-10-16]: Thu 15 (1), [Fri 16 listed holiday], "
        "Mon 19 (2), Tue 20 (3), Wed 21 (4), Thu 22 (5)",
        (ev("e1", "records-requested", "2026-10-14"),),
        calendar=calendar_yaml(holidays=("2026-10-16",)),
        id="calendar-holidays-date",
    ),
    Case(
        "school-records",
        "e1",
        "2026-10-21",
        "control for the case above, no listed holiday: Thu 15 (1), Fri 16 (2), Mon 19 (3), "
        "Tue 20 (4), Wed 21 (5)",
        (ev("e1", "records-requested", "2026-10-14"),),
        id="calendar-holidays-control",
    ),
    Case(
        "school-records",
        "e1",
        "2028-02-18",
        "Fri 2028-02-11: Mon 14 (1), Tue 15 (2; Susan B. Anthony Day is NOT a holiday), "
        "Wed 16 (3), Thu 17 (4), Fri 18 (5); Presidents' Day 2028 is Feb 21",
        (ev("e1", "records-requested", "2028-02-11"),),
        id="susan-b-anthony-day-not-a-holiday",
    ),
    Case(
        "school-records",
        "e1",
        "2027-02-18",
        "Wed 2027-02-10, no calendar: Thu 11 (1), Fri 12 (2; Lincoln Day is not in the SPEC "
        "list), [Mon 15 Washington's Birthday], Tue 16 (3), Wed 17 (4), Thu 18 (5)",
        (ev("e1", "records-requested", "2027-02-10"),),
        id="lincoln-day-not-a-holiday-presidents-day-is",
    ),
    Case(
        "school-records",
        "e1",
        "2026-12-29",
        "Mon 2026-12-21, first day of the winter break (a break is not a holiday, R6): "
        "Tue 22 (1), Wed 23 (2), Thu 24 (3), [Fri 25 Christmas], Mon 28 (4), Tue 29 (5)",
        (ev("e1", "records-requested", "2026-12-21"),),
        calendar=CAL,
        id="winter-break-is-not-a-holiday",
    ),
    Case(
        "rc-intake",
        "e1",
        "2026-12-09",
        "Mon 11-16 + 15: Tue 17 .. Fri 20 (4), Mon 23 .. Wed 25 (7), [Thu 26, Fri 27], "
        "Mon 30 (8), Tue 12-01 .. Fri 04 (12), Mon 07 (13), Tue 08 (14), Wed 09 (15)",
        (ev("e1", "rc-intake-requested", "2026-11-16"),),
        id="rc-intake-thanksgiving",
    ),
    Case(
        "rc-intake",
        "e1",
        "2028-01-11",
        "Fri 2027-12-17 + 15: Mon 20 (1) .. Thu 23 (4), [Fri 24 Christmas observed], "
        "Mon 27 (5) .. Thu 30 (8), [Fri 31 New Year's Day observed], Mon 2028-01-03 (9) .. "
        "Fri 07 (13), Mon 10 (14), Tue 11 (15); MLK 2028 is Jan 17",
        (ev("e1", "rc-intake-requested", "2027-12-17"),),
        id="rc-intake-christmas-new-year-2028",
    ),
    Case(
        "rights-complaint-response",
        "e1",
        "2026-07-15",
        "Mon 06-15 + 20: Tue 16 (1) .. Thu 18 (3), [Fri 19 Juneteenth], Mon 22 (4) .. "
        "Fri 26 (8), Mon 29 (9) .. Thu 07-02 (12), [Fri 03 Independence Day observed], "
        "Mon 06 (13) .. Fri 10 (17), Mon 13 (18), Tue 14 (19), Wed 15 (20)",
        (ev("e1", "rights-complaint-filed", "2026-06-15"),),
        id="rights-complaint-juneteenth-independence-day",
    ),
    Case(
        "rights-complaint-response",
        "e1",
        "2030-04-23",
        "Mon 2030-03-25 + 20: Tue 26 (1) .. Fri 29 (4), [Mon 04-01 Cesar Chavez observed], "
        "Tue 02 (5) .. Fri 05 (8), Mon 08 (9) .. Fri 12 (13), Mon 15 (14) .. Fri 19 (18), "
        "Mon 22 (19), Tue 23 (20)",
        (ev("e1", "rights-complaint-filed", "2030-03-25"),),
        id="rights-complaint-cesar-chavez-2030",
    ),
)


@pytest.mark.parametrize("case", BUSINESS_CASES, ids=ids(BUSINESS_CASES))
def test_business_days(tmp_path: Path, case: Case) -> None:
    check(tmp_path, case)


# --------------------------------------------------------------------------------------------
# 4. school-tolled days (assessment-plan 15, initial-iep 60, iep-meeting-on-request 30)
# --------------------------------------------------------------------------------------------

SCHOOL_TOLLED_CASES: tuple[Case, ...] = (
    Case(
        "assessment-plan",
        "e1",
        "2026-09-18",
        "Thu 2026-09-03 + 15, no break over 5 school days in between → 2026-09-18",
        (ev("e1", "assessment-requested", "2026-09-03"),),
        calendar=CAL,
        id="no-break",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2026-12-01",
        "Mon 2026-11-16 + 15; the Thanksgiving break (5 weekdays) is counted: Nov 17..30 = 14, "
        "Dec 1 = 15 → Tue 2026-12-01",
        (ev("e1", "assessment-requested", "2026-11-16"),),
        calendar=CAL,
        id="thanksgiving-break-5-weekdays-not-paused",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2027-01-08",
        "Tue 2026-12-08: Dec 9 (1) .. Fri Dec 18 (10), [paused Sat 12-19 .. Sun 01-03], "
        "Mon 01-04 (11), 05 (12), 06 (13), 07 (14), Fri 01-08 (15)",
        (ev("e1", "assessment-requested", "2026-12-08"),),
        calendar=CAL,
        id="winter-break-paused",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2027-01-18",
        "Fri 2026-12-18, the last school day before the winter break: [paused 12-19 .. 01-03], "
        "Mon 01-04 (1) .. Mon 01-18 (15) (MLK Day, a counted calendar day)",
        (ev("e1", "assessment-requested", "2026-12-18"),),
        calendar=CAL,
        id="trigger-on-last-school-day-before-winter-break",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2027-01-18",
        "Tue 2026-12-22, inside the paused winter break: the reconvening day Mon 2027-01-04 is "
        "day 1 → day 15 = 2027-01-18",
        (ev("e1", "assessment-requested", "2026-12-22"),),
        calendar=CAL,
        id="trigger-inside-winter-break",
    ),
    Case(
        "initial-iep",
        "e2",
        "2027-01-19",
        "consent Wed 2026-11-04 + 60: Nov 5..30 = 26 (Thanksgiving counted), Dec 1..18 = 18 "
        "→ 44, [paused 12-19 .. 01-03], Mon 01-04 (45) .. Tue 01-19 (60)",
        (
            ev("e1", "assessment-requested", "2026-10-01"),
            ev("e2", "assessment-consent-given", "2026-11-04"),
        ),
        calendar=CAL,
        id="initial-iep-winter-break-2026",
    ),
    Case(
        "initial-iep",
        "e2",
        "2028-01-18",
        "consent Wed 2027-11-03 + 60: Nov 4..30 = 27 (Thanksgiving counted), Dec 1..17 = 17 "
        "→ 44, [paused Sat 12-18 .. Sun 2028-01-02], Mon 2028-01-03 (45) .. Tue 01-18 (60)",
        (
            ev("e1", "assessment-requested", "2027-10-01"),
            ev("e2", "assessment-consent-given", "2027-11-03"),
        ),
        calendar=CAL,
        id="initial-iep-winter-break-2027",
    ),
    Case(
        "iep-meeting-on-request",
        "e1",
        "2027-04-14",
        "Mon 2027-03-15 + 30; spring break (5 weekdays) counted: Mar 16..31 = 16, "
        "Apr 1..14 = 14 → Wed 2027-04-14",
        (ev("e1", "iep-meeting-requested", "2027-03-15"),),
        calendar=CAL,
        id="spring-break-5-weekdays-not-paused",
    ),
    Case(
        "iep-meeting-on-request",
        "e1",
        "2027-04-11",
        "Fri 2027-03-12 + 30, 5-weekday spring break counted: Mar 13..31 = 19, Apr 1..11 = 11 "
        "→ Sun 2027-04-11",
        (ev("e1", "iep-meeting-requested", "2027-03-12"),),
        calendar=CAL,
        id="break-5-weekdays-control",
    ),
    Case(
        "iep-meeting-on-request",
        "e1",
        "2027-04-21",
        "alternative calendar, spring break Fri 03-26 .. Fri 04-02 = 6 weekdays → paused Fri "
        "03-26 .. Sun 04-04: Fri 2027-03-12 → Mar 13..25 = 13, Mon 04-05 (14) .. "
        "Wed 04-21 (30)",
        (ev("e1", "iep-meeting-requested", "2027-03-12"),),
        calendar=CAL_ALT,
        id="break-6-weekdays-paused",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2027-01-29",
        "alternative calendar: winter break ends Fri 2027-01-15, Mon 01-18 is MLK Day, school "
        "reconvenes Tue 01-19 (R1); paused Sat 12-19 .. Mon 01-18. Mon 2026-12-14: Dec 15 (1) "
        ".. Fri Dec 18 (4), Tue 01-19 (5) .. Fri 01-29 (15)",
        (ev("e1", "assessment-requested", "2026-12-14"),),
        calendar=CAL_ALT,
        id="reconvene-after-mlk-day",
    ),
    Case(
        "iep-meeting-on-request",
        "e1",
        "2027-08-26",
        "Thu 2027-05-20 + 30: May 21..31 = 11, Jun 1..3 = 3 → 14, [summer paused Jun 4 .. "
        "Aug 10], Wed 08-11 (15) .. Thu 08-26 (30)",
        (ev("e1", "iep-meeting-requested", "2027-05-20"),),
        calendar=CAL,
        id="summer-paused",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2027-08-25",
        "Sun 2027-06-20, in the summer (after the last day, so not an end-of-year referral, "
        "R3): Wed 2027-08-11 is day 1 → day 15 = Wed 2027-08-25",
        (ev("e1", "assessment-requested", "2027-06-20"),),
        calendar=CAL,
        id="trigger-in-summer",
    ),
    Case(
        "iep-meeting-on-request",
        "e1",
        "2027-09-09",
        "Thu 2027-07-01, in the summer: Wed 2027-08-11 is day 1 → day 30 = Thu 2027-09-09",
        (ev("e1", "iep-meeting-requested", "2027-07-01"),),
        calendar=CAL,
        id="request-in-summer",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2027-08-21",
        "Mon 2027-05-24 is 10 days before the last day Thu 2027-06-03 → end-of-year rule: "
        "next first day Wed 2027-08-11 + 10 → Sat 2027-08-21",
        (ev("e1", "assessment-requested", "2027-05-24"),),
        calendar=CAL,
        id="end-of-year-assessment-plan-10-days-before",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2027-08-21",
        "referral on the last day Thu 2027-06-03 (0 days before) → end-of-year rule: "
        "2027-08-11 + 10 → Sat 2027-08-21",
        (ev("e1", "assessment-requested", "2027-06-03"),),
        calendar=CAL,
        id="end-of-year-assessment-plan-on-last-day",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2027-08-14",
        "Sun 2027-05-23 is 11 days before the last day → normal count: May 24..31 = 8, "
        "Jun 1..3 = 3 → 11, [summer], Aug 11 (12), 12 (13), 13 (14), Sat 08-14 (15)",
        (ev("e1", "assessment-requested", "2027-05-23"),),
        calendar=CAL,
        id="end-of-year-assessment-plan-11-days-before-normal-count",
    ),
    Case(
        "initial-iep",
        "e2",
        "2027-09-10",
        "referral Tue 2027-05-04 is 30 days before the last day 06-03, consent 2027-05-20 is "
        "before the next first day → end-of-year rule: 2027-08-11 + 30 → Fri 2027-09-10",
        (
            ev("e1", "assessment-requested", "2027-05-04"),
            ev("e2", "assessment-consent-given", "2027-05-20"),
        ),
        calendar=CAL,
        id="end-of-year-initial-iep-30-days-before",
    ),
    Case(
        "initial-iep",
        "e2",
        "2027-09-25",
        "referral Mon 2027-05-03 is 31 days before the last day → normal count from consent "
        "Thu 2027-05-20: May 21..31 = 11, Jun 1..3 = 3 → 14, [summer], Aug 11 (15) .. "
        "Sat 09-25 (60)",
        (
            ev("e1", "assessment-requested", "2027-05-03"),
            ev("e2", "assessment-consent-given", "2027-05-20"),
        ),
        calendar=CAL,
        id="end-of-year-initial-iep-31-days-before-normal-count",
    ),
    Case(
        "initial-iep",
        "e2",
        "2027-09-10",
        "referral 2027-05-25 (9 days before the last day), consent Thu 2027-07-15 in the "
        "summer, before the next first day → 2027-08-11 + 30 → Fri 2027-09-10",
        (
            ev("e1", "assessment-requested", "2027-05-25"),
            ev("e2", "assessment-consent-given", "2027-07-15"),
        ),
        calendar=CAL,
        id="end-of-year-initial-iep-consent-in-summer",
    ),
    Case(
        "initial-iep",
        "e2",
        "2027-10-11",
        "referral 2027-05-20 (14 days before the last day) but consent Thu 2027-08-12 is after "
        "the next first day → no end-of-year rule: Aug 13..31 = 19, Sep 30 → 49, "
        "Oct 1..11 = 11 → 60 → Mon 2027-10-11",
        (
            ev("e1", "assessment-requested", "2027-05-20"),
            ev("e2", "assessment-consent-given", "2027-08-12"),
        ),
        calendar=CAL,
        id="end-of-year-initial-iep-consent-after-first-day",
    ),
    Case(
        "initial-iep",
        "e2",
        "2027-09-25",
        "the referral is the most recent assessment-requested on or before the consent: e1 "
        "2027-04-01 (63 days before the last day; e3 2027-05-25 is after the consent and does "
        "not count) → normal count from 2027-05-20 as above → Sat 2027-09-25",
        (
            ev("e1", "assessment-requested", "2027-04-01"),
            ev("e2", "assessment-consent-given", "2027-05-20"),
            ev("e3", "assessment-requested", "2027-05-25"),
        ),
        calendar=CAL,
        id="end-of-year-initial-iep-referral-after-consent-ignored",
    ),
    Case(
        "initial-iep",
        "e3",
        "2027-09-10",
        "most recent assessment-requested on or before the consent is e2 2027-05-10 (24 days "
        "before the last day; e1 2027-03-01 is older) → 2027-08-11 + 30 → Fri 2027-09-10",
        (
            ev("e1", "assessment-requested", "2027-03-01"),
            ev("e2", "assessment-requested", "2027-05-10"),
            ev("e3", "assessment-consent-given", "2027-05-20"),
        ),
        calendar=CAL,
        id="end-of-year-initial-iep-most-recent-referral",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2026-09-18",
        "no calendar section: plain calendar days 2026-09-03 + 15 → 2026-09-18, estimated",
        (ev("e1", "assessment-requested", "2026-09-03"),),
        estimated=True,
        id="no-calendar-assessment-plan",
    ),
    Case(
        "initial-iep",
        "e2",
        "2027-01-03",
        "no calendar section: consent 2026-11-04 + 60 plain days: Nov 5..30 = 26, Dec 31 → "
        "57, Jan 1..3 = 3 → 60 → Sun 2027-01-03, estimated (winter break not known)",
        (
            ev("e1", "assessment-requested", "2026-10-01"),
            ev("e2", "assessment-consent-given", "2026-11-04"),
        ),
        estimated=True,
        id="no-calendar-initial-iep",
    ),
    Case(
        "iep-meeting-on-request",
        "e1",
        "2027-01-09",
        "no calendar section: 2026-12-10 + 30 plain days: Dec 11..31 = 21, Jan 1..9 = 9 → "
        "Sat 2027-01-09, estimated",
        (ev("e1", "iep-meeting-requested", "2026-12-10"),),
        estimated=True,
        id="no-calendar-iep-meeting-on-request",
    ),
    Case(
        "iep-meeting-on-request",
        "e1",
        "2028-06-21",
        "Mon 2028-05-22 + 30 runs past the last listed school year (last day 2028-06-01): "
        "May 23..Jun 1 = 10 in-year days, then Jun 2..21 = 20 calendar days (R5) → "
        "Wed 2028-06-21, estimated",
        (ev("e1", "iep-meeting-requested", "2028-05-22"),),
        calendar=CAL,
        estimated=True,
        id="count-runs-past-last-school-year",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2028-06-09",
        "Thu 2028-05-25 is 7 days before the last day 2028-06-01 but 2028-29 is not in the "
        "calendar: counted as calendar days (R5): 05-25 + 15 → Fri 2028-06-09, estimated",
        (ev("e1", "assessment-requested", "2028-05-25"),),
        calendar=CAL,
        estimated=True,
        id="end-of-year-assessment-plan-without-next-year",
    ),
    Case(
        "initial-iep",
        "e2",
        "2028-07-14",
        "referral 2028-05-10 (22 days before the last day 2028-06-01), consent 2028-05-15, "
        "2028-29 not in the calendar: calendar days (R5): 05-15 + 60 = May 16..31 = 16, "
        "Jun 30 → 46, Jul 1..14 = 14 → Fri 2028-07-14, estimated",
        (
            ev("e1", "assessment-requested", "2028-05-10"),
            ev("e2", "assessment-consent-given", "2028-05-15"),
        ),
        calendar=CAL,
        estimated=True,
        id="end-of-year-initial-iep-without-next-year",
    ),
)


@pytest.mark.parametrize("case", SCHOOL_TOLLED_CASES, ids=ids(SCHOOL_TOLLED_CASES))
def test_school_tolled(tmp_path: Path, case: Case) -> None:
    check(tmp_path, case)


# --------------------------------------------------------------------------------------------
# 5. school days (manifestation-review, 10 school days)
# --------------------------------------------------------------------------------------------

SCHOOL_DAY_CASES: tuple[Case, ...] = (
    Case(
        "manifestation-review",
        "e1",
        "2026-10-27",
        "Tue 10-13: Wed 14 (1) .. Fri 16 (3), Mon 19 (4) .. Fri 23 (8), Mon 26 (9), Tue 27 (10)",
        (ev("e1", "discipline-placement-change", "2026-10-13"),),
        calendar=CAL,
        id="two-plain-weeks",
    ),
    Case(
        "manifestation-review",
        "e1",
        "2026-10-19",
        "Mon 10-05: Tue 6 (1) .. Fri 9 (4), Mon 12 (5: Columbus Day is not a school holiday "
        "of EC 37220(a), SPEC §3.5 as amended by issue 9) .. Fri 16 (9), Mon 19 (10)",
        (ev("e1", "discipline-placement-change", "2026-10-05"),),
        calendar=CAL,
        id="columbus-day",
    ),
    Case(
        "manifestation-review",
        "e1",
        "2026-12-01",
        "Mon 11-09: Tue 10 (1), [Wed 11 Veterans Day], Thu 12 (2), Fri 13 (3), Mon 16 (4) .. "
        "Fri 20 (8), [Thanksgiving break 11-23 .. 11-27], Mon 30 (9), Tue 12-01 (10)",
        (ev("e1", "discipline-placement-change", "2026-11-09"),),
        calendar=CAL,
        id="veterans-day-and-thanksgiving-break",
    ),
    Case(
        "manifestation-review",
        "e1",
        "2026-12-09",
        "Wed 11-18: Thu 19 (1), Fri 20 (2), [break 11-23 .. 11-27, even though only 5 "
        "weekdays], Mon 30 (3), Tue 12-01 (4) .. Fri 04 (7), Mon 07 (8), Tue 08 (9), "
        "Wed 09 (10)",
        (ev("e1", "discipline-placement-change", "2026-11-18"),),
        calendar=CAL,
        id="thanksgiving-break",
    ),
    Case(
        "manifestation-review",
        "e1",
        "2027-01-11",
        "Mon 2026-12-14: Tue 15 (1) .. Fri 18 (4), [winter break 12-21 .. 01-01], "
        "Mon 01-04 (5) .. Fri 01-08 (9), Mon 01-11 (10)",
        (ev("e1", "discipline-placement-change", "2026-12-14"),),
        calendar=CAL,
        id="winter-break",
    ),
    Case(
        "manifestation-review",
        "e1",
        "2027-02-24",
        "Mon 2027-02-08: Tue 9 (1), Wed 10 (2), Thu 11 (3), [Fri 12 in calendar.holidays, "
        "Mon 15 Washington's Birthday], Tue 16 (4) .. Fri 19 (7), Mon 22 (8), Tue 23 (9), "
        "Wed 24 (10)",
        (ev("e1", "discipline-placement-change", "2027-02-08"),),
        calendar=CAL,
        id="calendar-holiday-and-presidents-day",
    ),
    Case(
        "manifestation-review",
        "e1",
        "2027-08-18",
        "Thu 2027-05-27: Fri 28 (1), [Mon 31 Memorial Day], Tue 06-01 (2), Wed 02 (3), "
        "Thu 03 (4, last day), [summer], Wed 08-11 (5), Thu 12 (6), Fri 13 (7), Mon 16 (8), "
        "Tue 17 (9), Wed 18 (10)",
        (ev("e1", "discipline-placement-change", "2027-05-27"),),
        calendar=CAL,
        id="over-the-summer",
    ),
    Case(
        "manifestation-review",
        "e1",
        "2026-12-08",
        "no calendar: business days, estimated. Fri 2026-11-20: Mon 23 (1), Tue 24 (2), "
        "Wed 25 (3), [Thu 26, Fri 27], Mon 30 (4), Tue 12-01 (5) .. Fri 04 (8), Mon 07 (9), "
        "Tue 08 (10)",
        (ev("e1", "discipline-placement-change", "2026-11-20"),),
        estimated=True,
        id="no-calendar-business-days-estimated",
    ),
)


@pytest.mark.parametrize("case", SCHOOL_DAY_CASES, ids=ids(SCHOOL_DAY_CASES))
def test_school_days(tmp_path: Path, case: Case) -> None:
    check(tmp_path, case)


# --------------------------------------------------------------------------------------------
# 6. months / years with month-end clamping
# --------------------------------------------------------------------------------------------

MONTHS_YEARS_CASES: tuple[Case, ...] = (
    Case(
        "ifsp-periodic-review",
        "e1",
        "2027-02-28",
        "ifsp-meeting 2026-08-31 + 6 months = 2027-02-31 → clamped to Sun 2027-02-28",
        (ev("e1", "ifsp-meeting", "2026-08-31"),),
        birth_date="2025-01-15",
        id="ifsp-periodic-review-aug-31-to-feb-28",
    ),
    Case(
        "ifsp-periodic-review",
        "e1",
        "2028-02-29",
        "ifsp-meeting 2027-08-31 + 6 months = 2028-02-31 → clamped to Tue 2028-02-29 (leap)",
        (ev("e1", "ifsp-meeting", "2027-08-31"),),
        birth_date="2025-06-01",
        id="ifsp-periodic-review-aug-31-to-feb-29-2028",
    ),
    Case(
        "ifsp-periodic-review",
        "e1",
        "2026-09-30",
        "ifsp-review 2026-03-31 + 6 months = 2026-09-31 → clamped to Wed 2026-09-30",
        (ev("e1", "ifsp-review", "2026-03-31"),),
        birth_date="2025-01-15",
        id="ifsp-periodic-review-from-ifsp-review-mar-31",
    ),
    Case(
        "ifsp-periodic-review",
        "e2",
        "2027-01-10",
        "latest of ifsp-meeting 2026-01-15 and ifsp-review 2026-07-10 is the review: "
        "2026-07-10 + 6 months → Sun 2027-01-10",
        (
            ev("e1", "ifsp-meeting", "2026-01-15"),
            ev("e2", "ifsp-review", "2026-07-10"),
        ),
        birth_date="2025-01-15",
        id="ifsp-periodic-review-from-latest-review",
    ),
    Case(
        "ifsp-annual-meeting",
        "e1",
        "2029-02-28",
        "ifsp-meeting 2028-02-29 + 1 year → Feb 29 anniversary → Wed 2029-02-28",
        (ev("e1", "ifsp-meeting", "2028-02-29"),),
        birth_date="2027-06-01",
        id="ifsp-annual-meeting-feb-29",
    ),
    Case(
        "annual-iep-review",
        "e1",
        "2029-02-28",
        "iep-meeting 2028-02-29 + 1 year → Feb 29 anniversary → Wed 2029-02-28",
        (ev("e1", "iep-meeting", "2028-02-29"),),
        id="annual-iep-review-feb-29",
    ),
    Case(
        "triennial-reassessment",
        "e1",
        "2031-02-28",
        "assessment-completed 2028-02-29 + 3 years → Fri 2031-02-28",
        (ev("e1", "assessment-completed", "2028-02-29"),),
        id="triennial-feb-29",
    ),
    Case(
        "triennial-reassessment",
        "e1",
        "2030-02-28",
        "assessment-completed 2027-02-28 + 3 years → Thu 2030-02-28",
        (ev("e1", "assessment-completed", "2027-02-28"),),
        id="triennial-feb-28",
    ),
    Case(
        "due-process-time-limit",
        "e1",
        "2030-02-28",
        "dispute-known 2028-02-29 + 2 years → Thu 2030-02-28",
        (ev("e1", "dispute-known", "2028-02-29"),),
        id="due-process-time-limit-feb-29",
    ),
    Case(
        "due-process-time-limit",
        "e1",
        "2028-01-31",
        "dispute-known Sat 2026-01-31 + 2 years → Mon 2028-01-31",
        (ev("e1", "dispute-known", "2026-01-31"),),
        id="due-process-time-limit-jan-31",
    ),
    Case(
        "ipp-review",
        "e1",
        "2031-02-28",
        "ipp-meeting 2028-02-29 + 3 years → Fri 2031-02-28",
        (ev("e1", "ipp-meeting", "2028-02-29"),),
        hcbs_waiver=False,
        id="ipp-review-feb-29",
    ),
    Case(
        "ipp-review",
        "e1",
        "2029-02-28",
        "ipp-meeting 2028-02-29 + 1 year (hcbs_waiver) → Wed 2029-02-28",
        (ev("e1", "ipp-meeting", "2028-02-29"),),
        hcbs_waiver=True,
        id="ipp-review-hcbs-feb-29",
    ),
)


@pytest.mark.parametrize("case", MONTHS_YEARS_CASES, ids=ids(MONTHS_YEARS_CASES))
def test_months_years(tmp_path: Path, case: Case) -> None:
    check(tmp_path, case)


# --------------------------------------------------------------------------------------------
# 7. age-based rules from child.birth_date
# --------------------------------------------------------------------------------------------

LEAP_CHILD = (
    ev("e1", "early-start-referral", "2024-09-10"),
    ev("e2", "iep-meeting", "2027-02-17"),
)
AGE_CASES: tuple[Case, ...] = (
    Case(
        "iep-by-age-3",
        None,
        "2027-02-28",
        "born 2024-02-29: 3rd birthday in common year 2027 → Feb 28 → Sun 2027-02-28",
        LEAP_CHILD,
        birth_date="2024-02-29",
        id="born-feb-29-iep-by-age-3",
    ),
    Case(
        "transition-notice",
        None,
        "2026-08-28",
        "born 2024-02-29: 3rd birthday 2027-02-28 - 6 months → Fri 2026-08-28 (R9)",
        LEAP_CHILD,
        birth_date="2024-02-29",
        id="born-feb-29-transition-notice",
    ),
    Case(
        "transition-conference",
        None,
        "2026-11-30",
        "born 2024-02-29: 3rd birthday 2027-02-28 - 90 days: back 28 → 2027-01-31, 31 more → "
        "2026-12-31 (59), 31 more → 2026-11-30 (90) → Mon 2026-11-30",
        LEAP_CHILD,
        birth_date="2024-02-29",
        id="born-feb-29-transition-conference",
    ),
    Case(
        "transition-plan",
        None,
        "2040-02-29",
        "born 2024-02-29: 16th birthday falls in leap year 2040 → Wed 2040-02-29",
        LEAP_CHILD,
        birth_date="2024-02-29",
        id="born-feb-29-transition-plan",
    ),
    Case(
        "rights-at-majority",
        None,
        "2041-02-28",
        "born 2024-02-29: 17th birthday in common year 2041 → Thu 2041-02-28",
        LEAP_CHILD,
        birth_date="2024-02-29",
        id="born-feb-29-rights-at-majority",
    ),
    Case(
        "transition-notice",
        None,
        "2027-02-28",
        "born 2024-08-31: 3rd birthday 2027-08-31 - 6 months = 2027-02-31 → clamped Sun 2027-02-28",
        (ev("e1", "early-start-referral", "2025-03-03"),),
        birth_date="2024-08-31",
        id="transition-notice-clamped-feb-28",
    ),
    Case(
        "transition-conference",
        None,
        "2027-06-02",
        "born 2024-08-31: 3rd birthday 2027-08-31 - 90 days: back 31 → Jul 31, 31 → Jun 30 "
        "(62), 28 → Jun 2 (90) → Wed 2027-06-02",
        (ev("e1", "early-start-referral", "2025-03-03"),),
        birth_date="2024-08-31",
        id="transition-conference-born-aug-31",
    ),
    Case(
        "transition-notice",
        None,
        "2028-02-29",
        "born 2025-08-30: 3rd birthday 2028-08-30 - 6 months = 2028-02-30 → clamped Tue 2028-02-29",
        (ev("e1", "early-start-referral", "2026-01-12"),),
        birth_date="2025-08-30",
        id="transition-notice-clamped-feb-29-2028",
    ),
    Case(
        "transition-conference",
        None,
        "2027-12-11",
        "born 2025-03-10: 3rd birthday 2028-03-10 - 90 days: back 10 → Feb 29, 29 → Jan 31 "
        "(39), 31 → Dec 31 (70), 20 → Dec 11 (90) → Sat 2027-12-11",
        (ev("e1", "early-start-referral", "2025-09-15"),),
        birth_date="2025-03-10",
        id="transition-conference-over-feb-29-2028",
    ),
    Case(
        "iep-by-age-3",
        None,
        "2022-05-14",
        "born 2019-05-14, an early-start event in 2020; today 2026-10-01 is years later but "
        "--all lists it: 3rd birthday → Sat 2022-05-14",
        (ev("e1", "early-start-referral", "2020-01-10"),),
        today="2026-10-01",
        id="old-iep-by-age-3-shown-with-all",
    ),
    Case(
        "transition-notice",
        None,
        "2021-11-14",
        "born 2019-05-14: 3rd birthday 2022-05-14 - 6 months → Sun 2021-11-14 (listed with --all)",
        (ev("e1", "early-start-referral", "2020-01-10"),),
        today="2026-10-01",
        id="old-transition-notice-shown-with-all",
    ),
    Case(
        "transition-conference",
        None,
        "2022-02-13",
        "born 2019-05-14: 2022-05-14 - 90 days: back 14 → Apr 30, 30 → Mar 31 (44), 31 → "
        "Feb 28 (75), 15 → Feb 13 (90) → Sun 2022-02-13 (listed with --all)",
        (ev("e1", "early-start-referral", "2020-01-10"),),
        today="2026-10-01",
        id="old-transition-conference-shown-with-all",
    ),
)


@pytest.mark.parametrize("case", AGE_CASES, ids=ids(AGE_CASES))
def test_age_based(tmp_path: Path, case: Case) -> None:
    check(tmp_path, case)


def test_age_rules_only_with_an_event_of_their_system(tmp_path: Path) -> None:
    """SPEC §4: age-based rules of a system need one event of that system in the plan."""
    iep_only = write_plan(tmp_path, (ev("e1", "assessment-requested", "2026-09-03"),))
    rules = {d["rule"] for d in run(iep_only, "2026-09-03")["deadlines"]}
    assert {"transition-plan", "rights-at-majority"} <= rules
    assert not rules & {"iep-by-age-3", "transition-notice", "transition-conference"}

    es_dir = tmp_path / "early-start"
    es_dir.mkdir()
    early_start_only = write_plan(
        es_dir, (ev("e1", "early-start-referral", "2025-01-15"),), birth_date=TODDLER_BIRTH
    )
    rules = {d["rule"] for d in run(early_start_only, "2025-01-15")["deadlines"]}
    assert {"iep-by-age-3", "transition-notice", "transition-conference"} <= rules
    assert not rules & {"transition-plan", "rights-at-majority"}


# --------------------------------------------------------------------------------------------
# 8. variants: urgent, hcbs_waiver, rule versions by trigger date, effective_date cap
# --------------------------------------------------------------------------------------------

VARIANT_CASES: tuple[Case, ...] = (
    Case(
        "rc-assessment",
        "e1",
        "2027-01-08",
        "not urgent: 2026-09-10 + 120 → 2027-01-08 (see test_rule[rc-assessment])",
        (ev("e1", "rc-intake-completed", "2026-09-10"),),
        id="rc-assessment-120-days",
    ),
    Case(
        "rc-assessment",
        "e1",
        "2027-01-08",
        "urgent: false is the ordinary 120 days → 2027-01-08",
        (ev("e1", "rc-intake-completed", "2026-09-10", urgent=False),),
        id="rc-assessment-urgent-false",
    ),
    Case(
        "rc-assessment",
        "e1",
        "2026-11-09",
        "urgent: 2026-09-10 + 60: Sep 11..30 = 20, Oct 31 → 51, Nov 1..9 = 9 → Mon 2026-11-09",
        (ev("e1", "rc-intake-completed", "2026-09-10", urgent=True),),
        id="rc-assessment-urgent-60-days",
    ),
    Case(
        "ipp-meeting-on-request",
        "e1",
        "2026-10-14",
        "not urgent: 2026-09-14 + 30 → Wed 2026-10-14",
        (ev("e1", "ipp-meeting-requested", "2026-09-14"),),
        id="ipp-meeting-on-request-30-days",
    ),
    Case(
        "ipp-meeting-on-request",
        "e1",
        "2026-09-21",
        "urgent: 2026-09-14 + 7 → Mon 2026-09-21",
        (ev("e1", "ipp-meeting-requested", "2026-09-14", urgent=True),),
        id="ipp-meeting-on-request-urgent-7-days",
    ),
    Case(
        "ipp-review",
        "e1",
        "2029-03-16",
        "no regional_center section (no waiver): 2026-03-16 + 3 years → Fri 2029-03-16",
        (ev("e1", "ipp-meeting", "2026-03-16"),),
        id="ipp-review-3-years-no-regional-center-section",
    ),
    Case(
        "ipp-review",
        "e1",
        "2029-03-16",
        "hcbs_waiver: false: 2026-03-16 + 3 years → Fri 2029-03-16",
        (ev("e1", "ipp-meeting", "2026-03-16"),),
        hcbs_waiver=False,
        id="ipp-review-3-years-hcbs-false",
    ),
    Case(
        "ipp-review",
        "e1",
        "2027-03-16",
        "hcbs_waiver: true: 2026-03-16 + 1 year → Tue 2027-03-16",
        (ev("e1", "ipp-meeting", "2026-03-16"),),
        hcbs_waiver=True,
        id="ipp-review-1-year-hcbs-true",
    ),
    Case(
        "fair-hearing-request",
        "e1",
        "2026-11-24",
        "notice 2026-09-25: 60 days → Tue 2026-11-24",
        (ev("e1", "notice-of-action-received", "2026-09-25", effective_date="2026-11-01"),),
        id="fair-hearing-60-days",
    ),
    Case(
        "fair-hearing-request",
        "e1",
        "2023-03-17",
        "notice 2023-02-15 (before 2023-03-01): 30 days: Feb 16..28 = 13, Mar 1..17 = 17 → "
        "Fri 2023-03-17",
        (ev("e1", "notice-of-action-received", "2023-02-15", effective_date="2023-03-20"),),
        id="fair-hearing-30-days-before-2023-03-01",
    ),
    Case(
        "fair-hearing-request",
        "e1",
        "2023-03-30",
        "notice 2023-02-28, the last day of the old rule: 30 days: Mar 1..30 → Thu 2023-03-30",
        (ev("e1", "notice-of-action-received", "2023-02-28", effective_date="2023-04-01"),),
        id="fair-hearing-30-days-on-2023-02-28",
    ),
    Case(
        "fair-hearing-request",
        "e1",
        "2023-04-30",
        "notice 2023-03-01, first day of the new rule: 60 days: Mar 2..31 = 30, Apr 1..30 = 30 "
        "→ Sun 2023-04-30",
        (ev("e1", "notice-of-action-received", "2023-03-01", effective_date="2023-05-15"),),
        id="fair-hearing-60-days-on-2023-03-01",
    ),
    Case(
        "aid-paid-pending",
        "e1",
        "2026-10-28",
        "notice 2026-09-28 + 30 = 2026-10-28, effective_date 2026-11-01 later → 2026-10-28",
        (ev("e1", "notice-of-action-received", "2026-09-28", effective_date="2026-11-01"),),
        id="aid-paid-pending-30-days",
    ),
    Case(
        "aid-paid-pending",
        "e1",
        "2026-10-15",
        "notice 2026-09-28 + 30 = 2026-10-28, but effective_date Thu 2026-10-15 is earlier → "
        "2026-10-15",
        (ev("e1", "notice-of-action-received", "2026-09-28", effective_date="2026-10-15"),),
        id="aid-paid-pending-capped-by-effective-date",
    ),
    Case(
        "aid-paid-pending",
        "e1",
        "2026-10-28",
        "effective_date equal to the 30th day 2026-10-28 → 2026-10-28",
        (ev("e1", "notice-of-action-received", "2026-09-28", effective_date="2026-10-28"),),
        id="aid-paid-pending-effective-date-on-30th-day",
    ),
    Case(
        "aid-paid-pending",
        "e1",
        "2023-02-11",
        "notice 2023-02-01 (before 2023-03-01): 10 days → Sat 2023-02-11; effective_date "
        "2023-03-05 is later (R12)",
        (ev("e1", "notice-of-action-received", "2023-02-01", effective_date="2023-03-05"),),
        id="aid-paid-pending-10-days-before-2023-03-01",
    ),
    Case(
        "aid-paid-pending",
        "e1",
        "2023-03-31",
        "notice 2023-03-01: 30 days: Mar 2..31 → Fri 2023-03-31; effective_date 2023-04-30 later",
        (ev("e1", "notice-of-action-received", "2023-03-01", effective_date="2023-04-30"),),
        id="aid-paid-pending-30-days-on-2023-03-01",
    ),
)


@pytest.mark.parametrize("case", VARIANT_CASES, ids=ids(VARIANT_CASES))
def test_variants(tmp_path: Path, case: Case) -> None:
    check(tmp_path, case)


# --------------------------------------------------------------------------------------------
# 9. extension-agreed
# --------------------------------------------------------------------------------------------


def test_extension_agreed_replaces_initial_iep_due(tmp_path: Path) -> None:
    """initial-iep from consent 2026-09-21 is 2026-11-20 (test_rule[initial-iep]); an agreed
    extension dated 2026-10-20 until 2026-12-15 replaces it. assessment-plan is untouched."""
    plan = write_plan(
        tmp_path,
        (
            ev("e1", "assessment-requested", "2026-09-03"),
            ev("e2", "assessment-consent-given", "2026-09-21"),
            ev("e3", "extension-agreed", "2026-10-20", rule="initial-iep", until="2026-12-15"),
        ),
        calendar=CAL,
    )
    data = run(plan, "2026-10-20")
    assert deadline(data, "initial-iep", "e2")["due"] == "2026-12-15"
    assert deadline(data, "initial-iep", "e2")["days_left"] == 56  # Oct 21..31 = 11 + 30 + 15
    assert deadline(data, "assessment-plan", "e1")["due"] == "2026-09-18"


def test_extension_agreed_applies_to_most_recent_trigger_only(tmp_path: Path) -> None:
    """Three records requests; the extension (2026-09-16, until 2026-09-30) follows e2.

    e1 Tue 2026-09-01: Wed 2 (1), Thu 3 (2), Fri 4 (3), [Mon 7 Labor Day], Tue 8 (4),
       Wed 9 (5) → 2026-09-09, unchanged.
    e2 Mon 2026-09-14: would be Mon 2026-09-21; extended → 2026-09-30.
    e4 Sun 2026-09-20 (after the extension): Mon 21 (1) .. Fri 25 (5) → 2026-09-25, unchanged.
    """
    plan = write_plan(
        tmp_path,
        (
            ev("e1", "records-requested", "2026-09-01"),
            ev("e2", "records-requested", "2026-09-14"),
            ev("e3", "extension-agreed", "2026-09-16", rule="school-records", until="2026-09-30"),
            ev("e4", "records-requested", "2026-09-20"),
        ),
    )
    data = run(plan, "2026-09-20")
    assert deadline(data, "school-records", "e1")["due"] == "2026-09-09"
    assert deadline(data, "school-records", "e2")["due"] == "2026-09-30"
    assert deadline(data, "school-records", "e4")["due"] == "2026-09-25"


# --------------------------------------------------------------------------------------------
# 10. statuses and days_left
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCase:
    id: str
    today: str
    status: str
    days_left: int | None  # None: not checked
    met_by: str | None = None  # date of a resolution-meeting-held event, if any


# resolution-meeting: due-process-filed Sun 2026-09-20 + 15 calendar days → Mon 2026-10-05.
STATUS_CASES: tuple[StatusCase, ...] = (
    StatusCase("upcoming-8-days-left", "2026-09-27", "upcoming", 8),
    StatusCase("due-soon-7-days-left", "2026-09-28", "due-soon", 7),
    StatusCase("due-soon-1-day-left", "2026-10-04", "due-soon", 1),
    StatusCase("due-today", "2026-10-05", "due-today", 0),
    StatusCase("overdue-1-day", "2026-10-06", "overdue", -1),
    StatusCase("overdue-27-days", "2026-11-01", "overdue", -27),
    StatusCase("met-before-due", "2026-10-02", "met", None, met_by="2026-10-01"),
    StatusCase("met-on-trigger-date", "2026-09-21", "met", None, met_by="2026-09-20"),
    StatusCase("met-on-due-date", "2026-10-05", "met", None, met_by="2026-10-05"),
    StatusCase("met-late", "2026-10-08", "met-late", None, met_by="2026-10-07"),
    StatusCase("met-by-before-trigger-ignored", "2026-10-06", "overdue", -1, met_by="2026-09-10"),
)


@pytest.mark.parametrize("case", STATUS_CASES, ids=[c.id for c in STATUS_CASES])
def test_status(tmp_path: Path, case: StatusCase) -> None:
    events: tuple[Event, ...] = (ev("e1", "due-process-filed", "2026-09-20"),)
    if case.met_by is not None:
        events += (ev("e2", "resolution-meeting-held", case.met_by),)
    data = run(write_plan(tmp_path, events), case.today)
    found = deadline(data, "resolution-meeting", "e1")
    assert found["due"] == "2026-10-05"
    assert found["status"] == case.status
    if case.days_left is not None:
        assert found["days_left"] == case.days_left


def test_recurring_single_meeting_is_not_met_by_itself(tmp_path: Path) -> None:
    """iep-meeting 2025-10-15 → annual review 2026-10-15; today 2026-10-01: 14 days left,
    upcoming (R10: the meeting does not meet its own annual review)."""
    data = run(write_plan(tmp_path, (ev("e1", "iep-meeting", "2025-10-15"),)), "2026-10-01")
    found = deadline(data, "annual-iep-review", "e1")
    assert (found["due"], found["status"], found["days_left"]) == ("2026-10-15", "upcoming", 14)


def test_recurring_only_latest_open(tmp_path: Path) -> None:
    """iep-meetings 2024-10-10, 2025-10-01, 2026-09-25; today 2026-10-01.
    e1's review (due 2025-10-10) is met by e2 (2025-10-01); e2's (due 2026-10-01) by e3
    (2026-09-25); e3's is open: due 2027-09-25, 359 days left (2026-10-01 → 2027-09-25)."""
    plan = write_plan(
        tmp_path,
        (
            ev("e1", "iep-meeting", "2024-10-10"),
            ev("e2", "iep-meeting", "2025-10-01"),
            ev("e3", "iep-meeting", "2026-09-25"),
        ),
    )
    data = run(plan, "2026-10-01")
    assert deadline(data, "annual-iep-review", "e1")["status"] == "met"
    assert deadline(data, "annual-iep-review", "e2")["status"] == "met"
    latest = deadline(data, "annual-iep-review", "e3")
    assert (latest["due"], latest["status"], latest["days_left"]) == ("2027-09-25", "upcoming", 359)
    open_ones = [d for d in deadlines_of(data, "annual-iep-review") if d["status"] in OPEN]
    assert [d["trigger"]["event"] for d in open_ones] == ["e3"]


def test_recurring_met_late(tmp_path: Path) -> None:
    """iep-meeting 2025-09-01 → review due 2026-09-01; next meeting 2026-09-20 is late →
    met-late; the new one (due 2027-09-20, 354 days after 2026-10-01) is the only open one."""
    plan = write_plan(
        tmp_path,
        (ev("e1", "iep-meeting", "2025-09-01"), ev("e2", "iep-meeting", "2026-09-20")),
    )
    data = run(plan, "2026-10-01")
    first = deadline(data, "annual-iep-review", "e1")
    assert (first["due"], first["status"]) == ("2026-09-01", "met-late")
    latest = deadline(data, "annual-iep-review", "e2")
    assert (latest["due"], latest["status"], latest["days_left"]) == ("2027-09-20", "upcoming", 354)


# --------------------------------------------------------------------------------------------
# 11. no roll-forward: weekend / holiday due dates keep their date and carry a note
# --------------------------------------------------------------------------------------------

NOTE_CASES: tuple[Case, ...] = (
    Case(
        "resolution-meeting",
        "e1",
        "2026-09-26",
        "district owes: Fri 2026-09-11 + 15 → Sat 2026-09-26, not moved to Mon 09-28",
        (ev("e1", "due-process-filed", "2026-09-11"),),
        id="district-deadline-on-saturday",
    ),
    Case(
        "court-appeal",
        "e1",
        "2026-10-03",
        "parent owes: 2026-07-05 + 90: Jul 6..31 = 26, Aug 31 → 57, Sep 30 → 87, Oct 1..3 → "
        "90 → Sat 2026-10-03, not moved",
        (ev("e1", "hearing-decision-received", "2026-07-05"),),
        id="parent-deadline-on-saturday",
    ),
    Case(
        "resolution-meeting",
        "e1",
        "2026-09-27",
        "district owes: Sat 2026-09-12 + 15 → Sun 2026-09-27, not moved",
        (ev("e1", "due-process-filed", "2026-09-12"),),
        id="district-deadline-on-sunday",
    ),
    Case(
        "resolution-meeting",
        "e1",
        "2026-11-11",
        "district owes: 2026-10-27 + 15: Oct 28..31 = 4, Nov 1..11 = 11 → Wed 2026-11-11, "
        "Veterans Day, not moved",
        (ev("e1", "due-process-filed", "2026-10-27"),),
        id="district-deadline-on-veterans-day",
    ),
    Case(
        "assessment-plan",
        "e1",
        "2027-08-21",
        "end-of-year rule: 2027-08-11 + 10 → Sat 2027-08-21, not moved",
        (ev("e1", "assessment-requested", "2027-05-24"),),
        calendar=CAL,
        id="school-tolled-deadline-on-saturday",
    ),
)


@pytest.mark.parametrize("case", NOTE_CASES, ids=ids(NOTE_CASES))
def test_weekend_or_holiday_due_date_has_note(tmp_path: Path, case: Case) -> None:
    found = check(tmp_path, case)
    assert found["notes"], f"{case.due} is a weekend or holiday: SPEC §3.8 wants a note"


# --------------------------------------------------------------------------------------------
# 12. the rules added for issue 11 (rights complaints, Early Start complaints and hearings)
# --------------------------------------------------------------------------------------------

NEW_RULES = (
    "rights-complaint-referral",
    "rights-complaint-dds-decision",
    "early-start-complaint-decision",
    "early-start-hearing-decision",
)

NEW_RULE_CASES: tuple[Case, ...] = (
    Case(
        "rights-complaint-referral",
        "e1",
        "2026-08-24",
        "proposed resolution received Mon 2026-08-03 + 15 working days: Tue 04 (1) .. Fri 07 "
        "(4), Mon 10 (5) .. Fri 14 (9), Mon 17 (10) .. Fri 21 (14), Mon 24 (15); no holiday "
        "between → Mon 2026-08-24",
        (ev("e1", "rights-complaint-response-received", "2026-08-03"),),
    ),
    Case(
        "rights-complaint-dds-decision",
        "e1",
        "2026-10-25",
        "referred Thu 2026-09-10 + 45 calendar days: Sep 11..30 = 20, Oct 1..25 = 25 → 45 → "
        "Sun 2026-10-25 (not moved)",
        (ev("e1", "rights-complaint-referred", "2026-09-10"),),
    ),
    Case(
        "early-start-complaint-decision",
        "e1",
        "2026-01-02",
        "filed Mon 2025-11-03 + 60 calendar days: Nov 4..30 = 27, Dec 1..31 = 31 → 58, "
        "Jan 1..2 = 2 → 60 → Fri 2026-01-02",
        (ev("e1", "early-start-complaint-filed", "2025-11-03"),),
        birth_date=TODDLER_BIRTH,
    ),
    Case(
        "early-start-hearing-decision",
        "e1",
        "2026-03-18",
        "filed Mon 2026-02-16 + 30 calendar days: Feb 17..28 = 12, Mar 1..18 = 18 → 30 → "
        "Wed 2026-03-18",
        (ev("e1", "early-start-due-process-filed", "2026-02-16"),),
        birth_date=TODDLER_BIRTH,
    ),
)


def test_every_new_rule_has_a_worked_example() -> None:
    from plancli.rules import ALL_RULES as CATALOGUE

    assert sorted(c.rule for c in NEW_RULE_CASES) == sorted(NEW_RULES)
    assert sorted(rule.id for rule in CATALOGUE) == sorted((*ALL_RULES, *NEW_RULES))


@pytest.mark.parametrize("case", NEW_RULE_CASES, ids=ids(NEW_RULE_CASES))
def test_new_rule(tmp_path: Path, case: Case) -> None:
    found = check(tmp_path, case)
    assert found["status"] == "upcoming"


def test_rights_complaint_referral_met_by_the_referral(tmp_path: Path) -> None:
    # Referred on working day 10 (Mon 2026-08-17): met; the referral starts DDS's 45 days.
    events = (
        ev("e1", "rights-complaint-response-received", "2026-08-03"),
        ev("e2", "rights-complaint-referred", "2026-08-17"),
    )
    data = run(write_plan(tmp_path, events), "2026-08-20")
    referral = deadline(data, "rights-complaint-referral", "e1")
    assert (referral["due"], referral["status"]) == ("2026-08-24", "met")
    decision = deadline(data, "rights-complaint-dds-decision", "e2")
    # 2026-08-17 + 45: Aug 18..31 = 14, Sep 1..30 = 30 → 44, Oct 1 → 45.
    assert (decision["due"], decision["status"]) == ("2026-10-01", "upcoming")


def test_early_start_hearing_decision_met_late(tmp_path: Path) -> None:
    events = (
        ev("e1", "early-start-due-process-filed", "2026-02-16"),
        ev("e2", "hearing-decision-received", "2026-03-20"),
    )
    data = run(write_plan(tmp_path, events, birth_date=TODDLER_BIRTH), "2026-03-25")
    found = deadline(data, "early-start-hearing-decision", "e1")
    assert (found["due"], found["status"]) == ("2026-03-18", "met-late")
