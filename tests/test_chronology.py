"""The case record (SPEC §8): rows in date order, violations with complaint_by, renderers."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser

import pytest

from plancli.chronology import (
    CSV_COLUMNS,
    Row,
    RowKind,
    build_record,
    to_csv,
    to_markdown,
)
from plancli.daycount import Break, SchoolCalendar, SchoolYear
from plancli.deadlines import Deadline, Status, complaint_deadline, deadlines_for
from plancli.model import Child, Event, Plan
from plancli.rules import RULES_BY_ID
from plancli.timeline import lanes_of, to_html, to_svg

TODAY = date(2027, 1, 10)
CALENDAR = SchoolCalendar(
    years=(
        SchoolYear(
            date(2026, 8, 12),
            date(2027, 6, 2),
            (Break("Winter break", date(2026, 12, 21), date(2027, 1, 1)),),
        ),
    )
)
EVENTS = (
    Event("e1", "assessment-requested", date(2026, 9, 3), note="Hand-delivered; stamped copy."),
    Event("e2", "records-requested", date(2026, 9, 8)),
    Event(
        "e3",
        "contact",
        date(2026, 9, 10),
        fields={
            "with": "Principal Kim",
            "channel": "phone",
            "direction": "received",
            "promised": "=call back",  # a formula-looking value, for the CSV check
            "promised_by": date(2026, 9, 17),
        },
    ),
    Event("e4", "records-received", date(2026, 9, 17)),
)
PLAN = Plan(child=Child("Maya <Lopez>", date(2019, 5, 14)), events=EVENTS, calendar=CALENDAR)


def plan_deadlines(plan: Plan = PLAN, today: date = TODAY) -> list[Deadline]:
    """Every deadline, promises included (the record leaves out age-based dates ahead)."""
    return deadlines_for(plan, today)


def _name(row: Row) -> str:
    if row.event is not None:
        return row.event.id
    assert row.deadline is not None
    return row.deadline.rule.id


def test_rows_in_date_order_with_every_kind() -> None:
    rec = build_record(PLAN, plan_deadlines(), TODAY)
    listed = [(r.date.isoformat(), r.kind, _name(r)) for r in rec.rows]
    assert listed == [
        ("2026-09-03", RowKind.LETTER, "e1"),
        ("2026-09-08", RowKind.LETTER, "e2"),
        ("2026-09-10", RowKind.EVENT, "e3"),
        # records-requested Tue 09-08 + 5 business days: 9, 10, 11, 14, 15.
        ("2026-09-15", RowKind.DEADLINE, "school-records"),
        ("2026-09-17", RowKind.EVENT, "e4"),
        ("2026-09-17", RowKind.PROMISE, "commitment"),
        # 09-03 + 15 school-tolled days, no pause before it: 2026-09-18.
        ("2026-09-18", RowKind.DEADLINE, "assessment-plan"),
    ]
    assert lanes_of(rec) == ["iep", "other"]


def test_violations_are_agency_deadlines_overdue_or_met_late() -> None:
    rec = build_record(PLAN, plan_deadlines(), TODAY)
    found = [
        (v.deadline.rule.id, v.deadline.status, v.days_late, v.complaint_by) for v in rec.violations
    ]
    assert found == [
        # met 09-17, due 09-15: 2 days late; a CDE complaint by the anniversary.
        ("school-records", Status.MET_LATE, 2, date(2027, 9, 15)),
        # Sep 19..30 = 12, Oct 31, Nov 30, Dec 31, Jan 1..10 = 10: 114 days overdue.
        ("assessment-plan", Status.OVERDUE, 114, date(2027, 9, 18)),
    ]  # the overdue promise is not a violation: it is not law


def test_from_to_window() -> None:
    rec = build_record(
        PLAN, plan_deadlines(), TODAY, first=date(2026, 9, 10), last=date(2026, 9, 16)
    )
    assert [r.date.isoformat() for r in rec.rows] == ["2026-09-10", "2026-09-15"]
    assert [v.deadline.rule.id for v in rec.violations] == ["school-records"]


@pytest.mark.parametrize(
    ("rule_id", "due", "expected"),
    [
        ("assessment-plan", date(2026, 9, 18), date(2027, 9, 18)),
        ("assessment-plan", date(2028, 2, 29), date(2029, 2, 28)),  # no Feb 29 in 2029
        ("initial-ifsp", date(2026, 1, 2), date(2027, 1, 2)),
        # 2026-09-18 + 180: Sep 12, Oct 31 → 43, Nov 30 → 73, Dec 31 → 104, Jan 31 → 135,
        # Feb 28 → 163, Mar 17 → 180.
        ("section-504-evaluation", date(2026, 9, 18), date(2027, 3, 17)),
        ("rc-intake", date(2026, 9, 18), None),
        ("hearing-decision", date(2026, 9, 18), None),
        ("court-appeal", date(2026, 9, 18), None),
    ],
)
def test_complaint_by_is_the_engines(rule_id: str, due: date, expected: date | None) -> None:
    """The record uses the engine's one complaint_by (SPEC §5), not a copy of its own."""
    assert complaint_deadline(RULES_BY_ID[rule_id], due) == expected


def test_markdown_holds_every_row_and_violation() -> None:
    text = to_markdown(build_record(PLAN, plan_deadlines(), TODAY), PLAN.child.name)
    assert text.startswith("# Case record: Maya <Lopez>\n")
    for day in ("2026-09-03", "2026-09-08", "2026-09-10", "2026-09-15", "2026-09-17"):
        assert f"| {day} |" in text
    assert "Hand-delivered; stamped copy." in text
    assert "| Phone call received from Principal Kim |" in text
    assert "a promise, not a legal deadline" in text
    assert "Days late: 114; File a complaint by: 2027-09-18" in text


def test_csv_reads_back_with_spec_values() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(build_record(PLAN, plan_deadlines(), TODAY)))))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_what = {r["what"]: r for r in rows}
    plan_row = by_what["District sends a proposed assessment plan"]
    assert (plan_row["due"], plan_row["status"], plan_row["days_late"]) == (
        "2026-09-18",
        "overdue",
        "114",
    )
    assert plan_row["complaint_by"] == "2027-09-18"
    records = next(r for r in rows if r["event"] == "e2" and r["kind"] == "deadline")
    assert (records["met_on"], records["days_late"]) == ("2026-09-17", "2")
    promise = next(r for r in rows if r["kind"] == "promise")
    assert promise["what"] == "'=call back"  # never run as a formula
    assert promise["owed_by"] == "Principal Kim"
    assert promise["complaint_by"] == ""
    contact = next(r for r in rows if r["event"] == "e3" and r["kind"] == "event")
    assert "promised_by=2026-09-17" in contact["fields"]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_holds_every_date() -> None:
    rec = build_record(PLAN, plan_deadlines(), TODAY)
    page = to_html(rec, PLAN)
    parser = _Text()
    parser.feed(page)
    text = " ".join(parser.text)
    dates = {r.date.isoformat() for r in rec.rows} | {TODAY.isoformat(), "2027-09-18"}
    for day in dates:
        assert day in text, day
    assert "script" not in parser.tags
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page
    assert "@media print" in page
    assert "Maya &lt;Lopez&gt;" in page  # names are escaped
    assert "table" in parser.tags


def test_svg_is_well_formed_and_accessible() -> None:
    rec = build_record(PLAN, plan_deadlines(), TODAY)
    root = ET.fromstring(to_svg(rec, PLAN))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "tl-title tl-desc"
    assert root.find(f"{ns}title") is not None
    assert root.find(f"{ns}desc") is not None
    titles = [t.text or "" for t in root.iter(f"{ns}title")]
    # The winter break pauses the clock: from Sat 12-19 (after the last school day, Fri 12-18)
    # to Sun 01-03 (school reconvenes Mon 01-04).
    assert any("Winter break, 2026-12-19 – 2027-01-03" in t for t in titles)
    assert any("(overdue)" in t and "2026-09-18" in t for t in titles)
    assert any(t.startswith("Today 2027-01-10") for t in titles)
    bars = [r for r in root.iter(f"{ns}rect") if r.get("height") == "6"]
    # overdue, met late; the promise is an outlined bar (white inside, its status's stroke)
    assert {b.get("fill") for b in bars} == {"#c62828", "#b8860b", "#ffffff"}
    assert [b.get("stroke") for b in bars if b.get("fill") == "#ffffff"] == ["#c62828"]


def test_empty_plan_still_draws() -> None:
    plan = Plan(child=Child("A", date(2020, 1, 1)))
    rec = build_record(plan, [], TODAY)
    assert rec.rows == ()
    ET.fromstring(to_svg(rec, plan))
    assert "No agency deadline is overdue" in to_html(rec, plan)
