"""`plancli summary` as data (SPEC §8): one row per child of a caseload.

Counts come from the deadlines the engine computed (law and promises alike); a parent's own
time that ran out is not counted as overdue (it lapsed: nobody is late). Two children with
the same name are told apart by their plan file's name in `label`. Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from plancli.deadlines import Deadline, Status
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
    counted = Counter(d.status for d in deadlines if not _lapsed(d))
    upcoming = [d.due for d in deadlines if d.is_open and not _lapsed(d) and d.due >= today]
    return SummaryRow(
        child=plan.child.name,
        plan=plan_file,
        label=plan.child.name,
        district=plan.school.district if plan.school else None,
        regional_center=plan.regional_center.name if plan.regional_center else None,
        overdue=counted[Status.OVERDUE],
        due_today=counted[Status.DUE_TODAY],
        due_soon=counted[Status.DUE_SOON],
        met_late=counted[Status.MET_LATE],
        open_promises=sum(1 for d in deadlines if d.rule.kind is Kind.COMMITMENT and d.is_open),
        next_due=min(upcoming, default=None),
    )


def _lapsed(d: Deadline) -> bool:
    """A parent's own last day that passed with nothing recorded (SPEC §4 `lapsed`)."""
    return d.rule.owed_by_parent and d.met_by is None and d.days_left < 0


def summary_rows(
    caseload: Iterable[tuple[Plan, str, Sequence[Deadline]]], today: date
) -> list[SummaryRow]:
    """One row per (plan, plan file, deadlines), in the caseload's order."""
    rows = [summary_row(plan, name, found, today) for plan, name, found in caseload]
    names = Counter(row.child for row in rows)
    return [
        row if names[row.child] == 1 else _with_label(row, f"{row.child} ({row.plan})")
        for row in rows
    ]


def _with_label(row: SummaryRow, label: str) -> SummaryRow:
    from dataclasses import replace

    return replace(row, label=label)
