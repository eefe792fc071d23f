"""`plancli summary` as data (SPEC §8): one row per child of a caseload.

Counts come from the deadlines the engine computed: the law's in `overdue`, `due_today`,
`due_soon` and `met_late`, the promises in `open_promises`; a parent's own time that ran out
is not counted as overdue (it lapsed: nobody is late). Two children with the same name are
told apart by their plan file's name in `label`. JSON and CSV keys are `JSON_KEYS`. Pure: no
I/O, no clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from plancli.deadlines import Deadline, Status, select
from plancli.model import Plan
from plancli.rules import Kind

JSON_KEYS = (
    "child",
    "plan",
    "district",
    "regional_center",
    "overdue",
    "due_today",
    "due_soon",
    "met_late",
    "open_promises",
    "next_due",
)


@dataclass(frozen=True, slots=True)
class SummaryRow:
    child: str
    plan: str  # the plan file's name, as given
    label: str  # the child's name, with the plan file's name when another child shares it
    district: str | None
    regional_center: str | None
    overdue: int
    due_today: int
    due_soon: int
    met_late: int
    open_promises: int
    next_due: date | None

    def as_dict(self) -> dict[str, str | int | None]:
        """JSON/CSV values (SPEC §5 style: keys fixed, dates ISO, absent values null)."""
        values: dict[str, str | int | None] = {
            "child": self.child,
            "plan": self.plan,
            "district": self.district,
            "regional_center": self.regional_center,
            "overdue": self.overdue,
            "due_today": self.due_today,
            "due_soon": self.due_soon,
            "met_late": self.met_late,
            "open_promises": self.open_promises,
            "next_due": self.next_due.isoformat() if self.next_due else None,
        }
        return values


def summary_row(
    plan: Plan, plan_file: str, deadlines: Sequence[Deadline], today: date
) -> SummaryRow:
    """The counts of one child. Open deadlines are those `plancli deadlines` lists (old
    age-based dates and dates never owed left out); a promise is counted only among the
    promises, never as an overdue legal deadline; a parent's time that ran out is `lapsed`,
    not overdue (SPEC §4)."""
    shown = select(deadlines, today)
    law = Counter(d.status for d in shown if d.rule.kind is not Kind.COMMITMENT)
    upcoming = [d.due for d in shown if d.is_open and d.due >= today]
    return SummaryRow(
        child=plan.child.name,
        plan=plan_file,
        label=plan.child.name,
        district=plan.school.district if plan.school else None,
        regional_center=plan.regional_center.name if plan.regional_center else None,
        overdue=law[Status.OVERDUE],
        due_today=law[Status.DUE_TODAY],
        due_soon=law[Status.DUE_SOON],
        met_late=sum(
            1
            for d in deadlines
            if d.status is Status.MET_LATE and d.rule.kind is not Kind.COMMITMENT
        ),
        open_promises=sum(1 for d in shown if d.rule.kind is Kind.COMMITMENT and d.is_open),
        next_due=min(upcoming, default=None),
    )


def summary_rows(
    caseload: Iterable[tuple[Plan, str, Sequence[Deadline]]], today: date
) -> list[SummaryRow]:
    """One row per (plan, plan file, deadlines), in the caseload's order; two children of the
    same name are labelled with their plan file's name, as every caseload output does."""
    from plancli.report import child_labels

    rows = [summary_row(plan, name, found, today) for plan, name, found in caseload]
    labels = child_labels((row.child, row.plan) for row in rows)
    return [replace(row, label=labels[row.child, row.plan]) for row in rows]


def summary_json(rows: Sequence[SummaryRow], today: date) -> str:
    """`--format json`: {"today": ..., "children": [row, ...]} (keys fixed, never translated)."""
    import json

    children = [row.as_dict() for row in rows]
    return json.dumps(
        {"today": today.isoformat(), "children": children}, ensure_ascii=False, indent=2
    )


def summary_csv(rows: Sequence[SummaryRow]) -> str:
    """`--format csv`: the JSON keys as columns; names are formula-safe (SPEC §5)."""
    import csv
    import io

    from plancli.report import spreadsheet_safe

    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=JSON_KEYS)
    writer.writeheader()
    for row in rows:
        values = row.as_dict()
        writer.writerow(
            {
                key: spreadsheet_safe(value)
                if isinstance(value, str) and key in _TEXT_KEYS
                else ("" if value is None else value)
                for key, value in values.items()
            }
        )
    return stream.getvalue()


_TEXT_KEYS = frozenset({"child", "plan", "district", "regional_center"})
