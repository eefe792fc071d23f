"""What a letter states about a date the deadline engine computed: the period in words, the
periods and holidays the count did not count, and whether an estimated date may be stated.

Dates come from the engine (`deadline_as_if`, `count_period`), counted as if the letter were
delivered on its date; the words come from `wording`. `read_deadline_notes` is the only code
in the letters package that reads the engine's notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from plancli.daycount import Count, Counting, Note, NoteKind, Pause, SchoolCalendar
from plancli.deadlines import Computation, count_period, deadline_as_if
from plancli.errors import LetterError
from plancli.i18n import _, current_language
from plancli.letters.values import Draft, Section, date_section
from plancli.letters.wording import CountedFrom, DaysAround, Side, Wording
from plancli.model import Plan
from plancli.rules import EVENT_FIELDS, RULES_BY_ID, Kind, Period, Rule
from plancli.wording import note_body


@dataclass(frozen=True, slots=True)
class DeadlineNotes:
    """What letters need from the engine's notes on an estimated count."""

    end_of_year: bool  # the end-of-year rule may replace the date
    text: str  # the notes, for a message that says why a date cannot be stated


def read_deadline_notes(notes: Sequence[Note]) -> DeadlineNotes:
    """The engine's notes on a count (`Count.notes`, `Deadline.notes`), read for letters.

    The one place in this package that reads them; they are data (a kind and its values), so a
    translated note can never change what a letter decides.
    """
    return DeadlineNotes(
        end_of_year=any(note.kind is NoteKind.END_OF_YEAR_NEEDS_NEXT_YEAR for note in notes),
        # For a message on the terminal: in the interface language.
        text="; ".join(note_body(note, current_language()) for note in notes),
    )


def law_citation(rule: Rule) -> str:
    """The rule's citation as a letter cites it. A guideline's citation carries a remark after
    ';' (section-504-evaluation: "34 CFR 104.35; OCR uses ..."): letters state that remark in
    their own words and cite the law part."""
    return rule.citation.split(";")[0].strip() if rule.kind is Kind.GUIDELINE else rule.citation


def within(
    rule: Rule,
    period: Period,
    due: date,
    start: date,
    plan: Plan,
    words: Wording,
    counted_from: CountedFrom,
) -> str:
    """'within 15 days of ...', or the end-of-year rule's words when it moved the date."""
    plain = count_period(period, start, plan.calendar).due
    if rule.end_of_year is not None and due != plain:
        return words.end_of_year(rule.end_of_year.days, rule.end_of_year.within)
    return words.within(period, rule, counted_from)


def _estimated_problem(computation: Computation, rule: Rule) -> str | None:
    """Why an estimated date cannot be stated in a letter, or None when it can be (with a note).

    A school-tolled count without the school calendar can only move later, so a letter may
    state it with a note; a date the end-of-year rule would replace, or any other estimate,
    cannot be stated.
    """
    count = computation.count
    if not count.estimated:
        return None
    period = computation.period
    tolled = period is not None and period.counting is Counting.SCHOOL_TOLLED
    notes = read_deadline_notes(count.notes)
    if tolled and not notes.end_of_year:
        return None
    return _("The {rule} date cannot be computed exactly: {notes}.").format(
        rule=rule.id, notes=notes.text
    )


def letter_response(draft: Draft) -> dict[str, Any]:
    """`response`: the date by which the recipient must act under the letter's first rule,
    counted from the letter's date or a date field (`Letter.counts_from`)."""
    letter = draft.letter
    if letter is None or not letter.rules or letter.counts_from is None:
        return {}
    rule = RULES_BY_ID[letter.rules[0]]
    counted_from = letter.counts_from
    start = draft.on if counted_from == "letter" else draft.values[counted_from]
    # A yes/no value the trigger event reads (urgent) changes the period, as on the event.
    reads = EVENT_FIELDS.get(rule.triggers[0], frozenset())
    flags: dict[str, object] = {
        f.name: True
        for f in letter.fields
        if f.kind == "flag" and f.name in reads and draft.values.get(f.name)
    }
    computation = deadline_as_if(rule, draft.plan, start, flags)
    return {"response": _response(rule, computation, start, draft, counted_from)}


def _response(
    rule: Rule, computation: Computation, start: date, draft: Draft, counted_from: CountedFrom
) -> Section:
    """What a letter says about one date the engine computed, counted from `start`."""
    problem = _estimated_problem(computation, rule)
    if problem is not None:
        raise LetterError(_("{problem} Nothing was written.").format(problem=problem))
    period = computation.period
    assert period is not None
    plan, lang, words = draft.plan, draft.lang, draft.words
    estimated = computation.count.estimated
    if estimated:  # the letter states the law's period; why the date is uncertain is said here
        draft.warn(
            _(
                "The {rule} date ({due}) is an estimate: plancli counted every calendar day "
                "because the plan's school calendar does not cover this whole period, so the "
                "real date may be later. The letter states the law's period and no date; for "
                "an exact date, add the district's school calendar: `plancli calendar import "
                "FILE.ics` (its calendar feed), or `plancli calendar add-year FIRST LAST` and "
                "`plancli calendar add-break NAME FIRST LAST`."
            ).format(rule=rule.id, due=computation.due.isoformat())
        )
    return Section(
        "response",
        {
            "rule": rule.id,
            "citation": words.citation(law_citation(rule)),
            "days": period.amount,
            "within": within(rule, period, computation.due, start, plan, words, counted_from),
            "due": date_section("response.due", computation.due, lang),
            "not_counted": not_counted(computation.count, plan, words),
            "estimated": estimated,
            "passed": computation.due < draft.on,
        },
    )


def not_counted(count: Count, plan: Plan, words: Wording) -> list[str]:
    """The paused periods and skipped holidays of a count, in words."""
    found: list[str] = []
    calendar = plan.calendar
    for pause in count.paused:
        if calendar is not None and calendar.year_containing(pause.first) is None:
            before = [y for y in calendar.years if y.last_day < pause.first]
            after = [y for y in calendar.years if y.first_day > pause.last]
            if before and after:
                name = words.between_school_years(before[-1].label, after[0].label)
            else:
                name = words.between_school_years_unknown(pause.reason)
        else:
            # The break's name as the plan's calendar gives it, and the days off around it.
            around = _days_around(pause, calendar)
            around_words = words.days_around(around) if around is not None else ""
            name = words.break_name(pause.reason) + around_words
        found.append(f"{name} ({words.date_range(pause.first, pause.last)})")
    for day, holiday in count.skipped:
        found.append(f"{words.holiday(holiday)} ({words.long_date(day)})")
    return found


def _days_around(pause: Pause, calendar: SchoolCalendar | None) -> DaysAround | None:
    """The days a break's pause runs past the dates the calendar lists for it (the clock
    stops from the last school day before the break to the first school day after it), so the
    dates the letter states match the district's calendar; None when there are none."""
    if calendar is None:
        return None
    listed = [
        b
        for y in calendar.years
        for b in y.breaks
        if b.first <= pause.last and b.last >= pause.first
    ]
    if not listed:
        return None
    first, last = min(b.first for b in listed), max(b.last for b in listed)
    paused = (pause.first + timedelta(days=n) for n in range((pause.last - pause.first).days + 1))
    extra = [day for day in paused if not first <= day <= last]
    if not extra:
        return None
    side: Side = (
        "around"
        if extra[0] < first and extra[-1] > last
        else ("before" if extra[0] < first else "after")
    )
    weekends = all(day.weekday() >= 5 for day in extra)
    return DaysAround(side, weekends=weekends, several=len(listed) != 1)
