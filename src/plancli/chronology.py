"""The case record (SPEC §8): events, letters, deadlines and promises in date order, as data.

`build_record(plan, deadlines, today)` returns a `Record`: one row per event and per deadline
(a promise is a deadline of kind `commitment`), and the violations — agency deadlines
`overdue` or `met-late`, each with `complaint_by`. Renderers (`to_markdown`, `to_csv` here,
the drawn timeline in `timeline.py`) word it with `WORDS`. Pure: `today` is an argument.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from plancli import daycount
from plancli.deadlines import Deadline, Status
from plancli.model import Event, FieldValue, Plan
from plancli.rules import AGENCY_OWNERS, EVENT_SYSTEMS, Kind, System

# Letters recorded with `--record` add these trigger events (SPEC §6, §6.2).
LETTER_EVENTS = frozenset(
    {
        "assessment-requested",
        "iep-meeting-requested",
        "records-requested",
        "504-evaluation-requested",
        "rc-intake-requested",
        "ipp-meeting-requested",
        "appeal-filed",
        "compliance-complaint-filed",
        "due-process-filed",
        "rights-complaint-filed",
        "early-start-complaint-filed",
        "early-start-due-process-filed",
        "ocr-complaint-filed",
        "ifsp-review-requested",
    }
)
OCR_DAYS = 180  # 34 CFR 100.7(b)


class RowKind(StrEnum):
    EVENT = "event"
    LETTER = "letter"
    DEADLINE = "deadline"
    PROMISE = "promise"


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the record. Deadline rows are dated by their due date."""

    date: date
    kind: RowKind
    system: System | None
    event: Event | None = None
    deadline: Deadline | None = None

    @property
    def fields(self) -> tuple[tuple[str, FieldValue], ...]:
        return tuple(self.event.fields.items()) if self.event is not None else ()


@dataclass(frozen=True, slots=True)
class Violation:
    deadline: Deadline
    days_late: int
    complaint_by: date | None


@dataclass(frozen=True, slots=True)
class Record:
    today: date
    rows: tuple[Row, ...]
    violations: tuple[Violation, ...]
    first: date | None  # the --from / --to window, when given
    last: date | None


def complaint_by(system: System, due: date, owed_by: str) -> date | None:
    """SPEC §5: the last day to file the complaint that fits a missed agency deadline.

    Counted from the due date, one day on the safe side of the law's limit: `iep` and
    `early-start` — the anniversary of the due date (34 CFR 300.153(c); 17 CCR 52170(c));
    `504` — 180 days after it (34 CFR 100.7(b)); `rc` — none found for a WIC 4731 complaint.
    Deadlines not owed by a district or regional center have none.
    """
    if owed_by not in AGENCY_OWNERS:
        return None
    if system in (System.IEP, System.EARLY_START):
        return daycount.add_years(due, 1)
    if system is System.SECTION_504:
        return due + timedelta(days=OCR_DAYS)
    return None


def days_late(deadline: Deadline, today: date) -> int | None:
    """SPEC §5: days past due for `met-late` (to the day met) and `overdue` (to today)."""
    if deadline.status is Status.MET_LATE and deadline.met_by is not None:
        return (deadline.met_by.date - deadline.due).days
    if deadline.status is Status.OVERDUE:
        return (today - deadline.due).days
    return None


def build_record(
    plan: Plan,
    deadlines: Sequence[Deadline],
    today: date,
    *,
    first: date | None = None,
    last: date | None = None,
) -> Record:
    """The case record of `plan`, optionally only the rows dated within [first, last]."""
    rows = [_event_row(e) for e in plan.events_by_date()]
    rows += [_deadline_row(d) for d in deadlines]
    rows = [r for r in rows if _within(r.date, first, last)]
    rows.sort(key=lambda r: (r.date, _ORDER[r.kind]))
    violations = [
        _violation(d, today)
        for d in deadlines
        if d.status in (Status.OVERDUE, Status.MET_LATE)
        and d.rule.owed_by in AGENCY_OWNERS
        and _within(d.due, first, last)
    ]
    return Record(today, tuple(rows), tuple(violations), first, last)


_ORDER = {RowKind.EVENT: 0, RowKind.LETTER: 0, RowKind.PROMISE: 1, RowKind.DEADLINE: 2}


def _within(day: date, first: date | None, last: date | None) -> bool:
    return (first is None or day >= first) and (last is None or day <= last)


def _event_row(event: Event) -> Row:
    kind = RowKind.LETTER if event.type in LETTER_EVENTS else RowKind.EVENT
    return Row(event.date, kind, EVENT_SYSTEMS.get(event.type), event=event)


def _deadline_row(deadline: Deadline) -> Row:
    kind = RowKind.PROMISE if deadline.rule.kind is Kind.COMMITMENT else RowKind.DEADLINE
    return Row(deadline.due, kind, deadline.rule.system, deadline=deadline)


def _violation(deadline: Deadline, today: date) -> Violation:
    late = days_late(deadline, today)
    assert late is not None
    return Violation(
        deadline, late, complaint_by(deadline.rule.system, deadline.due, deadline.rule.owed_by)
    )


# --------------------------------------------------------------------------------------------
# Words: one dict per language (Spanish is added with the interface's catalogs).

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Case record",
        "child": "Child",
        "today": "As of",
        "window": "Dates",
        "date": "Date",
        "what": "What",
        "system": "System",
        "details": "Details",
        "event": "Event",
        "letter": "Letter sent",
        "deadline": "Deadline",
        "promise": "Promise",
        "due": "Due",
        "status": "Status",
        "met_on": "Met on",
        "days_late": "Days late",
        "owed_by": "Owed by",
        "citation": "Citation",
        "not_met": "not met",
        "violations": "Violations",
        "no_violations": "No agency deadline is overdue or was met late.",
        "complaint_by": "File a complaint by",
        "trigger": "Started by",
        "note": "Note",
        "promise_not_law": "a promise, not a legal deadline",
        "timeline": "Timeline",
        "timeline_desc": (
            "One lane per system. Marks are events; bars run from the event that started a "
            "deadline to its due date, coloured by status. Shaded spans are school breaks "
            "that pause the clock. The vertical line is today."
        ),
        "legend": "Legend",
        "paused": "School break (clock paused)",
        "today_mark": "Today",
        "iep": "Special education (IEP)",
        "504": "Section 504",
        "rc": "Regional center",
        "early-start": "Early Start",
        "other": "Contacts and notes",
        "met": "met",
        "met-late": "met late",
        "overdue": "overdue",
        "due-today": "due today",
        "due-soon": "due soon",
        "upcoming": "upcoming",
    },
}


def words(lang: str) -> dict[str, str]:
    """The words of `lang`, English for any word not yet translated."""
    return {**WORDS["en"], **WORDS.get(lang, {})}


def row_title(row: Row, w: dict[str, str]) -> str:
    if row.deadline is not None:
        return row.deadline.rule.title
    assert row.event is not None
    return row.event.type


def row_details(row: Row, w: dict[str, str]) -> str:
    """Note and fields of an event; due, status, met, lateness and owner of a deadline."""
    if row.deadline is not None:
        d = row.deadline
        met = d.met_by.date.isoformat() if d.met_by is not None else w["not_met"]
        parts = [
            f"{w['status']}: {w[d.status.value]}",
            f"{w['trigger']}: {d.trigger.type} {d.trigger.date.isoformat()}",
            f"{w['met_on']}: {met}",
            f"{w['owed_by']}: {d.rule.owed_by}",
        ]
        if d.status in (Status.OVERDUE, Status.MET_LATE):
            late = days_late(d, _today_of(d))
            parts.append(f"{w['days_late']}: {late}")
        parts.append(d.rule.citation or w["promise_not_law"])
        return "; ".join(parts)
    assert row.event is not None
    parts = [f"{key}: {_text(value)}" for key, value in row.fields]
    if row.event.note:
        parts.insert(0, row.event.note)
    return "; ".join(parts)


def _today_of(d: Deadline) -> date:
    # days_left = due - today (SPEC §4), so today is recoverable from the deadline itself.
    return d.due - timedelta(days=d.days_left)


def _text(value: FieldValue) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


# --------------------------------------------------------------------------------------------
# Markdown and CSV


def to_markdown(record: Record, child: str, lang: str = "en") -> str:
    w = words(lang)
    lines = [f"# {w['title']}: {child}", "", f"{w['today']} {record.today.isoformat()}", ""]
    if record.first or record.last:
        first = record.first.isoformat() if record.first else "…"
        last = record.last.isoformat() if record.last else "…"
        lines += [f"{w['window']}: {first} – {last}", ""]
    lines += [
        f"| {w['date']} | {w['what']} | {w['system']} | {w['details']} |",
        "| --- | --- | --- | --- |",
    ]
    for row in record.rows:
        cells = [
            row.date.isoformat(),
            f"{w[row.kind.value]}: {row_title(row, w)}",
            w[row.system.value] if row.system else "",
            row_details(row, w),
        ]
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    lines += ["", f"## {w['violations']}", ""]
    if not record.violations:
        lines.append(w["no_violations"])
    for v in record.violations:
        d = v.deadline
        by = v.complaint_by.isoformat() if v.complaint_by else "—"
        lines.append(
            f"- {d.rule.title} ({d.rule.citation}): {w['due']} {d.due.isoformat()}, "
            f"{w[d.status.value]}, {w['days_late']} {v.days_late}; {w['complaint_by']} {by}"
        )
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


CSV_COLUMNS = (
    "date",
    "kind",
    "system",
    "what",
    "event",
    "note",
    "fields",
    "due",
    "status",
    "met_on",
    "days_late",
    "owed_by",
    "citation",
    "complaint_by",
)


def to_csv(record: Record) -> str:
    """Keys and values as SPEC §5 defines them (not translated); formula-safe text cells."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in record.rows:
        writer.writerow(_csv_row(row, record.today))
    return out.getvalue()


def _csv_row(row: Row, today: date) -> list[str]:
    d, e = row.deadline, row.event
    fields = "; ".join(f"{k}={_text(v)}" for k, v in row.fields)
    if d is None:
        assert e is not None
        what, note = e.type, e.note or ""
        head = [row.date.isoformat(), row.kind.value, _sys(row), what, e.id]
        return [*head, _safe(note), _safe(fields), *([""] * 7)]
    late = days_late(d, today)
    by = complaint_by(d.rule.system, d.due, d.rule.owed_by) if late is not None else None
    return [
        row.date.isoformat(),
        row.kind.value,
        _sys(row),
        _safe(d.rule.title),
        d.trigger.event_id or "",
        "",
        "",
        d.due.isoformat(),
        d.status.value,
        d.met_by.date.isoformat() if d.met_by else "",
        "" if late is None else str(late),
        _safe(d.rule.owed_by),
        _safe(d.rule.citation),
        by.isoformat() if by else "",
    ]


def _sys(row: Row) -> str:
    return row.system.value if row.system else ""


def _safe(text: str) -> str:
    """SPEC §5: a text cell a spreadsheet could run as a formula gets a leading quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
