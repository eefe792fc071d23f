"""The words of the engine's notes, in one place per language (issue 8: notes are data).

`daycount` and `deadlines` return `Note` values (a kind and its values); every output (table,
JSON, explain, digest, calendar, letters) words them here. A Spanish version is a second table
beside `_ENGLISH`, chosen by `lang`, without touching the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from plancli.daycount import Note, NoteKind

EARLY_START_LATE_REFERRAL = "34 CFR 303.209(b)(1)(ii)-(iii)"


def _iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def _day_is(note: Note) -> str:
    """'2027-01-18 is Birthday of Martin Luther King, Jr. (Monday)' or '... is a Saturday'."""
    assert note.day is not None
    weekday = note.day.strftime("%A")
    if note.name:
        return f"{_iso(note.day)} is {note.name} ({weekday})"
    return f"{_iso(note.day)} is a {weekday}"


def _end_of_year_needs_next_year(note: Note) -> str:
    why = (
        f"The referral on {_iso(note.day)} was {note.days_before} days before the last day of "
        f"the {note.school_year} school year ({_iso(note.last_day)}), within {note.within} days"
    )
    return (
        f"{why}, so the end-of-year rule applies ({note.days} days after the first day of the "
        f"{note.next_school_year} school year), but the plan's calendar has no "
        f"{note.next_school_year} school year; add it to get the date"
    )


_ENGLISH: dict[NoteKind, Callable[[Note], str]] = {
    NoteKind.NO_CALENDAR: lambda n: (
        "the plan has no school calendar, so plain calendar days were counted; "
        "add your district's calendar: breaks over five school days pause this clock"
    ),
    NoteKind.NO_CALENDAR_SCHOOL_DAYS: lambda n: (
        "the plan has no school calendar, so business days were counted as school "
        "days; add your district's calendar (first and last day, breaks) for the exact date"
    ),
    NoteKind.MISSING_SCHOOL_YEAR: lambda n: (
        f"the plan's calendar has no {n.school_year} school year, so days {n.side} "
        f"{_iso(n.day)} were counted as {n.unit}; add the {n.school_year} school year to the "
        "plan's calendar"
    ),
    NoteKind.END_OF_YEAR_NEEDS_NEXT_YEAR: _end_of_year_needs_next_year,
    NoteKind.NO_CAP_DATE: lambda n: (
        f"the event has no {n.name}; the deadline is the earlier of {_iso(n.day)} and the "
        f"{n.name} of the action — add it with `--field {n.name}=YYYY-MM-DD`"
    ),
    NoteKind.END_OF_YEAR_NO_REFERRAL: lambda n: (
        f"the end-of-year rule could not be checked: the plan has no {n.name} event on or "
        f"before the consent; if the referral came {n.within} days or fewer before the last "
        f"day of the school year, the date is {n.days} days after the next first day instead"
        f" (record the {n.name} event to let plancli check)"
    ),
    NoteKind.EXTENSION_IGNORED: lambda n: (
        f"extension-agreed event {n.name} gives {_iso(n.day)}, earlier than the law's date "
        f"{_iso(n.other_day)}; an extension can only add time, so plancli ignores it: check "
        "its `until` date"
    ),
    NoteKind.EXTENDED: lambda n: (
        f"extended to {_iso(n.day)} by agreement (event {n.name}); the law's date was "
        f"{_iso(n.other_day)}"
    ),
    NoteKind.AFTER_EARLY_START: lambda n: (
        f"Early Start ends at the third birthday ({_iso(n.day)}; 34 CFR 303.21(a)): this date "
        "falls on or after it, so it applies only if Early Start services go on past age three"
    ),
    NoteKind.BEFORE_EARLY_START: lambda n: (
        f"not owed: this date falls before the child's first Early Start event ({n.name}, "
        f"{_iso(n.day)}); a child referred this late gets the steps of "
        f"{EARLY_START_LATE_REFERRAL} instead"
    ),
    NoteKind.NON_BUSINESS_DUE_PARENT: lambda n: (
        f"{_day_is(n)}; plancli does not move the date: to be safe, act by the previous "
        f"business day, {_iso(n.other_day)}"
    ),
    NoteKind.NON_BUSINESS_DUE_AGENCY: lambda n: (
        f"{_day_is(n)}; plancli does not move the date, but the {n.who} may argue that "
        f"Code Civ. Proc. § 12a extends it to the next business day, {_iso(n.other_day)}"
    ),
}

_WORDS = {"en": _ENGLISH}


def note_body(note: Note, lang: str = "en") -> str:
    """The note without its 'estimated: ' mark (for a sentence that already says so)."""
    table = _WORDS.get(lang, _ENGLISH)
    return table[note.kind](note)


def note_text(note: Note, lang: str = "en") -> str:
    """The note as printed under a table, in JSON `notes`, in `explain` and the digest."""
    body = note_body(note, lang)
    return f"estimated: {body}" if note.estimated else body


def estimate_fix(note: Note) -> str | None:
    """What to add to the plan to make an estimated date exact, or None (not an estimate)."""
    if note.kind in (NoteKind.NO_CALENDAR, NoteKind.NO_CALENDAR_SCHOOL_DAYS):
        return (
            "add your district's school calendar to the plan (under `calendar:`, the "
            "first and last day of each school year and its breaks)"
        )
    if note.kind is NoteKind.MISSING_SCHOOL_YEAR:
        return f"add the {note.school_year} school year to the plan's calendar"
    if note.kind is NoteKind.END_OF_YEAR_NEEDS_NEXT_YEAR:
        return f"add the {note.next_school_year} school year to the plan's calendar"
    if note.estimated:
        return "add what the note below says the count needs"
    return None
