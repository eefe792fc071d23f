"""The case record (SPEC §8): events, letters, deadlines and promises in date order, as data.

`build_record(plan, deadlines, today)` returns a `Record`: one row per event and per deadline
(a promise is a deadline of kind `commitment`), and the violations — agency deadlines
`overdue` or `met-late`, each with its `days_late` and `complaint_by` as the engine computed
them (SPEC §5; `Deadline.complaint_by` is the one home of that rule). Renderers word it with
`words(lang)` (the catalog's words in that language): `to_markdown`, `to_text` and
`to_csv` here, the HTML page,
the drawn timeline and the PDF/DOCX document in `timeline.py`. CSV keys and values follow
SPEC §5 and never change with the language. Pure: `today` is an argument.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

from plancli.contacts import CONTACT_EVENT, CONTACT_FIELDS, contact_details, contact_title
from plancli.deadlines import Deadline, Status
from plancli.i18n import N_, translate
from plancli.model import Event, FieldValue, Plan
from plancli.rules import AGENCY_OWNERS, ANSWERS_FIELD, EVENT_SYSTEMS, Kind, System
from plancli.rules.events import event_label
from plancli.wording import OWNER_LABELS


@cache
def letter_events() -> frozenset[str]:
    """The event types a letter recorded with `--record` adds, dated by the letter itself: the
    letters catalogue's `records` (SPEC §6, §6.2). A letter dated by another field (the
    partial-agreement letter is dated by the meeting it follows) records that meeting, not a
    letter sent."""
    from plancli.letters.catalogue import LETTERS

    return frozenset(
        letter.records for letter in LETTERS if letter.records and letter.records_on is None
    )


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


def in_record(deadline: Deadline, today: date) -> bool:
    """Which deadlines belong to the case record: every one an event started, and the
    age-based dates that have come (a date years ahead is not part of what happened). An
    Early Start date that was never owed (SPEC §4) is left out."""
    if deadline.status is Status.NOT_OWED:
        return False
    return deadline.trigger.event is not None or deadline.due <= today


def is_violation(deadline: Deadline) -> bool:
    """An agency deadline `overdue` or `met-late` (SPEC §8); a promise is not law."""
    return (
        deadline.status in (Status.OVERDUE, Status.MET_LATE)
        and deadline.rule.kind is not Kind.COMMITMENT
        and deadline.rule.owed_by in AGENCY_OWNERS
    )


def build_record(
    plan: Plan,
    deadlines: Sequence[Deadline],
    today: date,
    *,
    first: date | None = None,
    last: date | None = None,
) -> Record:
    """The case record of `plan`, optionally only the rows dated within [first, last]."""
    kept = [d for d in deadlines if in_record(d, today)]
    rows = [_event_row(e) for e in plan.events_by_date()]
    rows += [_deadline_row(d) for d in kept]
    rows = [r for r in rows if _within(r.date, first, last)]
    rows.sort(key=lambda r: (r.date, _ORDER[r.kind]))
    violations = [
        Violation(d, d.days_late or 0, d.complaint_by)
        for d in sorted(kept, key=lambda d: d.due)
        if is_violation(d) and _within(d.due, first, last)
    ]
    return Record(today, tuple(rows), tuple(violations), first, last)


_ORDER = {RowKind.EVENT: 0, RowKind.LETTER: 0, RowKind.PROMISE: 1, RowKind.DEADLINE: 2}


def _within(day: date, first: date | None, last: date | None) -> bool:
    return (first is None or day >= first) and (last is None or day <= last)


def _event_row(event: Event) -> Row:
    kind = RowKind.LETTER if event.type in letter_events() else RowKind.EVENT
    return Row(event.date, kind, EVENT_SYSTEMS.get(event.type), event=event)


def _deadline_row(deadline: Deadline) -> Row:
    kind = RowKind.PROMISE if deadline.rule.kind is Kind.COMMITMENT else RowKind.DEADLINE
    return Row(deadline.due, kind, deadline.rule.system, deadline=deadline)


# --------------------------------------------------------------------------------------------
# Words: English, marked for the catalog; Spanish (docs/glossary-es.md) lives in the .po.

_WORDS: dict[str, str] = {  # English, marked; every other language comes from the catalog
    "title": N_("Case record"),
    "today": N_("As of"),
    "window": N_("Dates"),
    "date": N_("Date"),
    "what": N_("What"),
    "system": N_("System"),
    "details": N_("Details"),
    "event": N_("Event"),
    "letter": N_("Letter sent"),
    "deadline": N_("Deadline"),
    "promise": N_("Promise"),
    "due": N_("Due"),
    "status": N_("Status"),
    "met_on": N_("Met on"),
    "days_late": N_("Days late"),
    "owed_by": N_("Owed by"),
    "citation": N_("Citation"),
    "violations": N_("Violations"),
    "violations_intro": N_(
        "Deadlines a school district or regional center owed that are overdue or were met "
        "late, with the last day to file the complaint that fits each."
    ),
    "no_violations": N_("No agency deadline is overdue or was met late."),
    "complaint_by": N_("File a complaint by"),
    "no_complaint_limit": N_("no time limit found for a complaint"),
    "trigger": N_("Started by"),
    "birth_date": N_("birth date"),
    "note": N_("Note"),
    "promise_not_law": N_("a promise, not a legal deadline"),
    "guideline": N_("a guideline: the law sets no number"),
    "timeline": N_("Timeline"),
    "timeline_desc": N_(
        "One lane per system. Marks are events; bars run from the event that started a "
        "deadline to its due date, coloured by status. Shaded spans are school breaks that "
        "pause the clock. The vertical line is today."
    ),
    "legend": N_("Legend"),
    "paused": N_("School break (clock paused)"),
    "promise_legend": N_("Promise (outlined bar)"),
    "today_mark": N_("Today"),
    "record": N_("The record in date order"),
    "not_advice": N_(
        "Made by plancli from the plan file. Not legal advice: each date comes from the law "
        "named with it; a promise is what someone said, not law."
    ),
    "iep": N_("Special education (IEP)"),
    "504": N_("Section 504"),
    "rc": N_("Regional center"),
    "early-start": "Early Start",  # the program's name, the same in Spanish: not translated
    "other": N_("Contacts and notes"),
    "met": N_("met"),
    "met-late": N_("met late"),
    "overdue": N_("overdue"),
    "due-today": N_("due today"),
    "due-soon": N_("due soon"),
    "upcoming": N_("upcoming"),
    "lapsed": N_("time ran out"),
    "not-owed": N_("not owed"),
}


def words(lang: str) -> dict[str, str]:
    """The record's words in `lang` (the catalog's; English is the source)."""
    return {key: translate(text, lang) for key, text in _WORDS.items()}


def translated(text: str, lang: str) -> str:
    """A rule title in `lang`: rule titles are translated in the interface's catalog."""
    return translate(text, lang) if text else text


def row_title(row: Row, w: dict[str, str], lang: str = "en") -> str:
    """A deadline's rule title, a promise's own words, or what an event was in plain words."""
    if row.deadline is not None:
        title = row.deadline.rule.title
        # A promise's title is the family's own words (`promised`): never translated.
        return title if row.kind is RowKind.PROMISE else translated(title, lang)
    assert row.event is not None
    if row.event.type == CONTACT_EVENT:
        return contact_title(row.event.fields, lang)
    return event_label(row.event.type, lang)


def kind_title(row: Row, w: dict[str, str], lang: str = "en") -> str:
    """`Deadline: District sends ...`, `Promise: ...`; an event is its own plain sentence,
    and one recorded by a letter says so: `The district received ... (letter sent)`."""
    title = row_title(row, w, lang)
    if row.kind is RowKind.EVENT:
        return title
    if row.kind is RowKind.LETTER:
        return f"{title} ({w['letter'].lower()})"
    return f"{w[row.kind.value]}: {title}"


def law_words(deadline: Deadline, w: dict[str, str]) -> str:
    rule = deadline.rule
    if rule.kind is Kind.COMMITMENT:
        return w["promise_not_law"]
    if rule.kind is Kind.GUIDELINE:
        return f"{rule.citation} ({w['guideline']})"
    return rule.citation


# A promise is "she" in Spanish (la promesa), a deadline "he" (el plazo): a promise's status has
# its own words. A promise is neither a window nor age-based: it never lapses nor is not owed.
PROMISE_STATUS = {
    Status.MET: N_("kept"),
    Status.MET_LATE: N_("kept late"),
    Status.OVERDUE: N_("not kept by its date"),
    Status.DUE_TODAY: N_("due today"),
    Status.DUE_SOON: N_("due soon"),
    Status.UPCOMING: N_("not due yet"),
}


def status_words(deadline: Deadline, w: dict[str, str], lang: str = "en") -> str:
    """The status of a deadline (`w`), or of a promise, in words that agree with it."""
    if deadline.rule.kind is Kind.COMMITMENT and deadline.status in PROMISE_STATUS:
        return translated(PROMISE_STATUS[deadline.status], lang)
    return w[deadline.status.value]


def owner_words(owner: str, lang: str = "en") -> str:
    """Who owes a deadline, in `lang`; a person named in a promise, as written."""
    return translated(OWNER_LABELS[owner], lang) if owner in OWNER_LABELS else owner


def row_details(row: Row, w: dict[str, str], lang: str = "en") -> str:
    """Note and fields of an event; due, status, met, lateness and owner of a deadline."""
    if row.deadline is not None:
        return _deadline_details(row.deadline, w, lang)
    assert row.event is not None
    event = row.event
    parts = [event.note] if event.note else []
    shown = set()
    if event.type == CONTACT_EVENT:
        parts += contact_details(event.fields, lang)
        shown = set(CONTACT_FIELDS)
    answered = event.text_field(ANSWERS_FIELD)
    if answered:
        parts.append(translated(N_("In answer to {event}"), lang).format(event=answered))
    shown.add(ANSWERS_FIELD)
    parts += [f"{key}: {_text(value)}" for key, value in row.fields if key not in shown]
    return _joined(parts)


def _joined(parts: list[str]) -> str:
    """Parts separated by semicolons, but not after a sentence the user ended with a stop."""
    text = ""
    for part in parts:
        if text:
            text += " " if text.endswith((".", "!", "?")) else "; "
        text += part
    return text


def _deadline_details(d: Deadline, w: dict[str, str], lang: str) -> str:
    promise = d.rule.kind is Kind.COMMITMENT
    trigger = d.trigger.event_id or w["birth_date"]
    parts = [
        f"{w['status']}: {status_words(d, w, lang)}",
        f"{w['trigger']}: {trigger} {d.trigger.date.isoformat()}",
    ]
    if d.met_on is not None:
        met_on = translated(N_("Kept on"), lang) if promise else w["met_on"]
        parts.append(f"{met_on}: {d.met_on.isoformat()}")
    parts.append(f"{w['owed_by']}: {owner_words(d.rule.owed_by, lang)}")
    if d.days_late is not None:
        parts.append(f"{w['days_late']}: {d.days_late}")
    parts.append(law_words(d, w))
    return "; ".join(parts)


def violation_text(v: Violation, w: dict[str, str], lang: str = "en") -> str:
    d = v.deadline
    by = (
        f"{w['complaint_by']}: {v.complaint_by.isoformat()}"
        if v.complaint_by
        else w["no_complaint_limit"]
    )
    return (
        f"{translated(d.rule.title, lang)} ({d.rule.citation}): {w['due']} {d.due.isoformat()}, "
        f"{w[d.status.value]}, {w['days_late']}: {v.days_late}; {by}"
    )


def table_cells(record: Record, w: dict[str, str], lang: str = "en") -> list[list[str]]:
    """Date, what, system and details of each row: the table of every renderer."""
    return [
        [
            row.date.isoformat(),
            kind_title(row, w, lang),
            w[row.system.value] if row.system else w["other"],
            row_details(row, w, lang),
        ]
        for row in record.rows
    ]


def heading_lines(record: Record, child: str, w: dict[str, str]) -> list[str]:
    """Title, the day the record was made, and the --from/--to window when given."""
    lines = [f"{w['title']}: {child}", f"{w['today']} {record.today.isoformat()}"]
    if record.first or record.last:
        first = record.first.isoformat() if record.first else "…"
        last = record.last.isoformat() if record.last else "…"
        lines.append(f"{w['window']}: {first} – {last}")
    return lines


def _text(value: FieldValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, date) else str(value)


# --------------------------------------------------------------------------------------------
# Markdown, plain text and CSV


def to_markdown(record: Record, child: str, lang: str = "en") -> str:
    w = words(lang)
    title, *rest = heading_lines(record, child, w)
    lines = [f"# {title}", ""]
    for line in rest:
        lines += [line, ""]
    lines += [
        f"| {w['date']} | {w['what']} | {w['system']} | {w['details']} |",
        "| --- | --- | --- | --- |",
    ]
    for cells in table_cells(record, w, lang):
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    lines += ["", f"## {w['violations']}", ""]
    if not record.violations:
        lines.append(w["no_violations"])
    lines += [f"- {_md_line(violation_text(v, w, lang))}" for v in record.violations]
    lines += ["", w["not_advice"]]
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return _md_line(text).replace("|", "\\|")


def _md_line(text: str) -> str:
    return " ".join(text.split())


def to_text(record: Record, child: str, lang: str = "en", width: int = 80) -> str:
    """The record for a pipe or a file: each row a dated line with its details indented
    beneath it, folded at `width` (80 by default), then the violations."""
    import textwrap

    w = words(lang)
    lines = [*heading_lines(record, child, w), ""]
    for day, what, system, details in table_cells(record, w, lang):
        lines += textwrap.wrap(f"{day}  {what} [{system}]", width, subsequent_indent=" " * 12)
        if details:
            lines += textwrap.wrap(
                details, width, initial_indent=" " * 12, subsequent_indent=" " * 12
            )
    lines += ["", w["violations"].upper()]
    if not record.violations:
        lines += textwrap.wrap(w["no_violations"], width)
    for v in record.violations:
        lines += textwrap.wrap(
            violation_text(v, w, lang), width, initial_indent="- ", subsequent_indent="  "
        )
    return "\n".join(lines) + "\n"


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
        writer.writerow(_csv_row(row))
    return out.getvalue()


def _csv_row(row: Row) -> list[str]:
    d, e = row.deadline, row.event
    fields = "; ".join(f"{k}={_text(v)}" for k, v in row.fields)
    if d is None:
        assert e is not None
        head = [row.date.isoformat(), row.kind.value, _sys(row), e.type, e.id]
        return [*head, _safe(e.note or ""), _safe(fields), *([""] * 7)]
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
        d.met_on.isoformat() if d.met_on else "",
        "" if d.days_late is None else str(d.days_late),
        _safe(d.rule.owed_by),
        _safe(d.rule.citation),
        d.complaint_by.isoformat() if d.complaint_by else "",
    ]


def _sys(row: Row) -> str:
    return row.system.value if row.system else ""


def _safe(text: str) -> str:
    """SPEC §5: a text cell a spreadsheet could run as a formula gets a leading quote."""
    from plancli.report import spreadsheet_safe

    return spreadsheet_safe(text)
