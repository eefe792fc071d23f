"""`plancli summary` as data (SPEC §8): counts per child, literal dates."""

from __future__ import annotations

from datetime import date

from plancli.deadlines import Deadline, deadlines_for
from plancli.model import Child, Event, Plan, RegionalCenter, School
from plancli.summary import JSON_KEYS, summary_row, summary_rows

TODAY = date(2026, 10, 1)


def found(plan: Plan, today: date = TODAY) -> list[Deadline]:
    return deadlines_for(plan, today)


MAYA = Plan(
    child=Child("Maya Lopez", date(2019, 5, 14)),
    school=School(district="Fresno Unified School District"),
    regional_center=RegionalCenter(name="Central Valley Regional Center"),
    events=(
        # assessment-plan: 09-03 + 15 (no calendar: calendar days) = 09-18, overdue on 10-01.
        Event("e1", "assessment-requested", date(2026, 9, 3)),
        # school-records: Tue 09-08 + 5 business days = 09-15; received 09-17: met late.
        Event("e2", "records-requested", date(2026, 9, 8)),
        Event("e3", "records-received", date(2026, 9, 17)),
        # iep-meeting-on-request: 09-24 + 30 = 10-24 (upcoming).
        Event("e4", "iep-meeting-requested", date(2026, 9, 24)),
        # A promise due 10-05: due soon (4 days), open.
        Event(
            "e5",
            "contact",
            date(2026, 9, 28),
            fields={"with": "Ms. Kim", "promised": "call back", "promised_by": date(2026, 10, 5)},
        ),
        # court-appeal, the parent's own: 06-01 + 90 (Jun 2..30 = 29, Jul 31 → 60, Aug 30 →
        # 90) = 08-30, passed with no appeal: lapsed, not overdue.
        Event("e6", "hearing-decision-received", date(2026, 6, 1)),
    ),
)


def test_summary_row_counts() -> None:
    row = summary_row(MAYA, "maya.yaml", found(MAYA), TODAY)
    assert row.as_dict() == {
        "child": "Maya Lopez",
        "plan": "maya.yaml",
        "district": "Fresno Unified School District",
        "regional_center": "Central Valley Regional Center",
        "overdue": 1,
        "due_today": 0,
        "due_soon": 0,  # the promise due 10-05 is counted among the promises, not the law's
        "met_late": 1,
        "open_promises": 1,
        "next_due": "2026-10-05",
    }
    assert tuple(row.as_dict()) == JSON_KEYS


def test_due_today_and_no_next_due() -> None:
    # On 10-24 the IEP meeting is due today; the promise (10-05) is open, and overdue, but a
    # promise is not counted as an overdue legal deadline.
    on_day = summary_row(MAYA, "maya.yaml", found(MAYA, date(2026, 10, 24)), date(2026, 10, 24))
    assert (on_day.overdue, on_day.due_today, on_day.open_promises) == (1, 1, 1)
    assert on_day.next_due == date(2026, 10, 24)
    # On 10-25 assessment-plan and the IEP meeting are overdue; the next date ahead is the
    # transition plan at 16 (born 2019-05-14), as `plancli deadlines` lists it.
    late = summary_row(MAYA, "m.yaml", found(MAYA, date(2026, 10, 25)), date(2026, 10, 25))
    assert (late.overdue, late.open_promises, late.next_due) == (2, 1, date(2035, 5, 14))


def test_same_names_are_told_apart_by_plan_file() -> None:
    other = Plan(child=Child("Maya Lopez", date(2020, 1, 1)))
    solo = Plan(child=Child("Leo Park", date(2018, 3, 3)))
    rows = summary_rows(
        [(MAYA, "a/maya.yaml", found(MAYA)), (other, "b/maya.yaml", []), (solo, "leo.yaml", [])],
        TODAY,
    )
    # Told apart by the plan's file name as every caseload output does; the same file name
    # in two folders: by the path.
    assert [r.label for r in rows] == [
        "Maya Lopez (a/maya.yaml)",
        "Maya Lopez (b/maya.yaml)",
        "Leo Park",
    ]
    assert rows[2].as_dict()["district"] is None
    assert rows[2].next_due is None  # no events: no system, so no age-based date either
