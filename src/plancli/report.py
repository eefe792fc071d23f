"""Deadlines and rules as records and plain text: JSON/CSV (SPEC §5) and explanations.

Pure: returns strings and dicts. ``cli.py`` decides where they go and adds colour.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from plancli import daycount
from plancli.daycount import Counting
from plancli.deadlines import Deadline, Status, closures_of, counted_segments
from plancli.i18n import DEFAULT_LANGUAGE, N_, _, current_language, ngettext
from plancli.model import Plan
from plancli.rules import Kind, Rule
from plancli.wording import (
    break_name,
    counting_label,
    kind_label,
    note_text,
    owner_label,
    pause_text,
    rule_period_words,
    shown_note,
    status_label,
    step_text,
    trigger_words,
    weekday,
    weekday_short,
)

CSV_FIELDS = (
    "child",
    "plan",
    "rule",
    "title",
    "system",
    "kind",
    "due",
    "status",
    "days_left",
    "owed_by",
    "trigger_event",
    "trigger_type",
    "trigger_date",
    "citation",
    "estimated",
    "notes",
    "met_on",
    "days_late",
    "complaint_by",
)
# Cells that are numbers or dates: never guarded against spreadsheet formulas (SPEC §5).
_NOT_TEXT = frozenset(
    {"due", "days_left", "trigger_date", "met_on", "days_late", "complaint_by", "estimated"}
)


def deadline_record(
    d: Deadline, *, child: str | None = None, plan: str | None = None
) -> dict[str, Any]:
    """One deadline as SPEC §5 defines it (keys may be added, never renamed)."""
    record: dict[str, Any] = {
        "rule": d.rule.id,
        "title": d.rule.title,
        "system": str(d.rule.system),
        "kind": str(d.rule.kind),
        "due": d.due.isoformat(),
        "status": str(d.status),
        "days_left": d.days_left,
        "owed_by": d.rule.owed_by,
        "trigger": {
            "event": d.trigger.event_id,
            "type": d.trigger.type,
            "date": d.trigger.date.isoformat(),
        },
        "citation": d.rule.citation,
        "estimated": d.estimated,
        "notes": [note_text(note) for note in d.notes],
        "id": d.id,
        "counting": d.rule.counting_text,
        "period": str(d.computed.period) if d.computed.period else d.rule.period_text,
        "met_by": d.met_by.id if d.met_by else None,
        "source": d.rule.sources[0].url if d.rule.sources else None,  # none for a promise
        "met_on": _iso(d.met_on),
        "days_late": d.days_late,
        "complaint_by": _iso(d.complaint_by),
    }
    if d.extension is not None:
        record["law_due"] = d.computed.due.isoformat()
    if child is not None:
        record["child"] = child
        record["plan"] = plan
    return record


def law_text(rule: Rule) -> str:
    """The law a deadline comes from; a promise (SPEC §8) says that it is not law."""
    if rule.kind is Kind.COMMITMENT:
        return _("promise (not law)")
    return rule.citation


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def spreadsheet_safe(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula: a leading `'` before = + - @."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def deadlines_json(today: date, records: Sequence[dict[str, Any]]) -> str:
    import json  # here, not at the top: the table output should not pay for it

    return json.dumps(
        {"today": today.isoformat(), "deadlines": list(records)}, ensure_ascii=False, indent=2
    )


def deadlines_csv(records: Iterable[dict[str, Any]], *, caseload: bool) -> str:
    """RFC 4180 CSV with a header; opens cleanly in a spreadsheet (UTF-8, CRLF rows)."""
    import csv
    import io

    fields = CSV_FIELDS if caseload else CSV_FIELDS[2:]
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        row = dict(record)
        trigger = row.pop("trigger")
        row.update(
            trigger_event=trigger["event"] or "",
            trigger_type=trigger["type"],
            trigger_date=trigger["date"],
            estimated="yes" if row["estimated"] else "no",
            notes="; ".join(row["notes"]),
        )
        for key, value in row.items():
            if isinstance(value, str) and key not in _NOT_TEXT:
                row[key] = spreadsheet_safe(value)
        writer.writerow(row)
    return stream.getvalue()


def printable(text: str) -> str:
    """A file name as text that every encoder accepts.

    Python reads a name that is not UTF-8 (a file copied from another system) as lone
    surrogates, which a UTF-8 stdout, file or calendar refuses (UnicodeEncodeError); they are
    shown as `\\udce9`, as on stderr.
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Aligned columns of plain text, for pipes, files and NO_COLOR."""
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    return "\n".join(lines)


def field_text(value: object) -> str:
    """An event field as the plan file writes it: dates ISO, flags true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, date) else str(value)


def child_labels(children: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """How a caseload names each (child, plan path): the child's name, or the name and the
    plan's file when another plan has a child of the same name (SPEC §1, issue 9)."""
    pairs = list(dict.fromkeys(children))
    names = [name for name, _path in pairs]
    files = [Path(path).name for _, path in pairs]
    labels = {}
    for (name, path), file in zip(pairs, files, strict=True):
        if names.count(name) == 1:
            labels[name, path] = name
        else:
            shown = file if files.count(file) == 1 else path
            labels[name, path] = f"{name} ({printable(shown)})"
    return labels


def notes_text(deadlines: Sequence[Deadline], children: Sequence[str] | None = None) -> str:
    """The notes under a table: why a date is estimated, weekend/holiday advice, extensions.
    `children`: in a caseload, the child of each deadline (its ids repeat across plans)."""
    who = [f"{c}, " for c in children] if children is not None else [""] * len(deadlines)
    lines = [
        f"  {prefix}{d.id}: {shown_note(note)}"
        for prefix, d in zip(who, deadlines, strict=True)
        for note in d.notes
    ]
    if not lines:
        return ""
    return (
        "\n"
        + _("Notes (`plancli explain ID` shows how each date was counted):")
        + "\n"
        + "\n".join(lines)
        + "\n"
    )


def days_left_text(d: Deadline) -> str:
    if d.status is Status.MET_LATE and d.days_late is not None:
        return _("{n} late").format(n=d.days_late)
    if not d.is_open:
        return "—"
    if d.days_left < 0:
        return _("{n} late").format(n=-d.days_left)
    return _("today") if d.days_left == 0 else str(d.days_left)


def what_text(d: Deadline) -> str:
    """The rule's title, and which event started it (`plancli events` lists them)."""
    text = _(d.rule.title)
    if d.trigger.event_id:
        text += " " + _("(from {event}, {date})").format(
            event=d.trigger.event_id, date=d.trigger.date.isoformat()
        )
    if d.estimated:
        text += " " + _("[estimated]")
    return text


# --------------------------------------------------------------------------------------------
# Explanations


def rule_lines(rule: Rule) -> list[str]:
    """What `plancli explain RULE` and `plancli rules -v` say about a rule itself."""
    counting = rule.counting_text
    lines = [
        f"{rule.id}: {_(rule.title)}",
        "  "
        + _("System: {system}   Kind: {kind}   Owed by: {owner}").format(
            system=rule.system, kind=kind_label(str(rule.kind)), owner=owner_label(rule.owed_by)
        ),
        "  " + _("Trigger: {trigger}").format(trigger=trigger_words(rule)),
        "  " + _("Period: {period}").format(period=rule_period_words(rule)),
        "  "
        + _("Counting: {counting} — {meaning}").format(
            counting=counting_label(counting), meaning=_(COUNTING_TEXT[counting])
        ),
        "  "
        + _("Met by: {events}").format(
            events=", ".join(rule.met_by) or _("— (nothing records it; the date stands)")
        ),
        "  " + _("Law: {citation}").format(citation=rule.citation),
        "  " + _("What it says: {summary}").format(summary=_(rule.summary)),
    ]
    if rule.end_of_year is not None:
        eoy = rule.end_of_year
        lines.append(
            "  "
            + (
                _(
                    "End of year: a referral {within} days or fewer before the last day of the "
                    "school year is due {days} days after the next first day (if consent comes "
                    "before that first day)."
                )
                if eoy.consent_before_next_year
                else _(
                    "End of year: a referral {within} days or fewer before the last day of the "
                    "school year is due {days} days after the next first day."
                )
            ).format(within=eoy.within, days=eoy.days)
        )
    for source in rule.sources:
        shows = (
            _("the law's own text") if source.shows == "law-text" else _("a secondary statement")
        )
        lines.append("  " + _("Source ({shows}): {url}").format(shows=shows, url=source.url))
        lines.append(f"    “{source.quote}”")
    if rule.conflict:
        lines.append("  " + conflict_text(rule.conflict))
    return lines


def conflict_text(conflict: str) -> str:
    """A rule's conflict note (where sources disagree), translated through the catalog like
    its title; a note the catalog does not have yet is shown in English and says so."""
    translated = _(conflict)
    if translated == conflict and current_language() != DEFAULT_LANGUAGE:
        return _("Sources disagree / unconfirmed (note in English): {why}").format(why=conflict)
    return _("Sources disagree / unconfirmed: {why}").format(why=translated)


COUNTING_TEXT = {
    "calendar": N_("every day counts; day 0 is the trigger date"),
    "business": N_(
        "Monday to Friday except federal and California state-office holidays and the "
        "plan's listed closures"
    ),
    "school-tolled": N_(
        "calendar days, but not between school years nor during a break of more "
        "than five school days"
    ),
    "school-tolled + end-of-year": N_(
        "calendar days, but not between school years nor during a break of more than five "
        "school days; special rule near the end of the school year"
    ),
    "school-days": N_(
        "days school is in session: weekdays in a school year, outside breaks and holidays"
    ),
    "months": N_("the same day of the month, clamped to the month's end"),
    "years": N_("the same date in a later year; Feb 29 falls on Feb 28"),
    "age": N_("counted from the child's birth date"),
}


def status_text(d: Deadline) -> str:
    """'overdue, 3 days late', 'due today', 'upcoming, 12 days left', 'met (iep-meeting, ...)'."""
    if d.met_by is not None:
        return _("{status} ({type}, event {id}, on {date})").format(
            status=status_label(d.status),
            type=d.met_by.type,
            id=d.met_by.id,
            date=d.met_by.date.isoformat(),
        )
    if d.status is Status.LAPSED:  # the parent's own time ran out: nobody is late (SPEC §4)
        return _("lapsed: the time to act ended on {date}").format(date=d.due.isoformat())
    if d.status is Status.NOT_OWED:
        return _("not owed: this date came before the child's first Early Start event")
    if d.days_left == 0:
        return _("due today")
    return f"{status_label(d.status)}, {days_in_words(d.days_left)}"


def days_in_words(days_left: int) -> str:
    """'today', '1 day left', '3 days late'."""
    if days_left == 0:
        return _("today")
    n = abs(days_left)
    if days_left < 0:
        return ngettext("{n} day late", "{n} days late", n).format(n=n)
    return ngettext("{n} day left", "{n} days left", n).format(n=n)


def unique_sources(rule: Rule) -> list[str]:
    """Source addresses in catalogue order, each once."""
    return list(dict.fromkeys(source.url for source in rule.sources))


def deadline_lines(d: Deadline, plan: Plan, *, with_status: bool = True) -> list[str]:
    """How one date was counted, step by step, with the law (SPEC §1 `explain`).

    Without the status for a calendar, which shows it for weeks after the export."""
    c = d.computed
    owner = owner_label(d.rule.owed_by)
    lines = [
        f"{d.id}: {_(d.rule.title)}",
        "  "
        + (
            _("Owed by: {owner}   Status: {status}").format(owner=owner, status=status_text(d))
            if with_status
            else _("Owed by: {owner}").format(owner=owner)
        ),
    ]
    lines += [f"  {step_text(step)}" for step in c.steps]
    if c.period is not None:
        lines += [f"  {line}" for line in _counting_detail(d, plan)]
    lines.append(
        "  "
        + _("Result: due {due} ({weekday}).").format(due=c.due.isoformat(), weekday=weekday(c.due))
    )
    if d.extension is not None:
        lines.append(
            "  "
            + _(
                "Extension: by agreement (event {id}, {date}) the date is now {due}; "
                "the law's date was {law_due}."
            ).format(
                id=d.extension.id,
                date=d.extension.date.isoformat(),
                due=d.due.isoformat(),
                law_due=c.due.isoformat(),
            )
        )
    if d.estimated:
        lines.append("  " + _("Estimated: yes — see the notes for why and how to make it exact."))
    else:
        lines.append("  " + _("Estimated: no — the plan has everything this count needs."))
    lines += ["  " + _("Note: {note}").format(note=shown_note(note)) for note in d.notes]
    if d.rule.kind is Kind.COMMITMENT:
        lines.append(
            _(
                "  Law: none. This is a promise recorded on contact {event}, not a legal "
                "deadline; an event with `--field answers={event}` keeps it."
            ).format(event=d.trigger.event_id)
        )
    else:
        lines.append("  " + _("Law: {citation}").format(citation=d.rule.citation))
    lines += ["  " + _("Source: {url}").format(url=url) for url in unique_sources(d.rule)]
    if d.rule.conflict:
        lines.append("  " + conflict_text(d.rule.conflict))
    return lines


def _counting_detail(d: Deadline, plan: Plan) -> list[str]:
    c, start = d.computed, d.trigger.date
    assert c.period is not None
    counting = c.period.counting
    lines: list[str] = []
    calendar = plan.calendar
    if counting is Counting.SCHOOL_TOLLED and (c.count.paused or c.count.estimated):
        lines += [_("Paused — {pause}").format(pause=pause_text(p)) for p in c.count.paused]
        for first, last in counted_segments(c, start):
            lines += _segment_lines(first, last, calendar)
    elif counting is Counting.SCHOOL_TOLLED:
        lines.append(_("No break of more than five school days falls in the count."))
    if counting in (Counting.BUSINESS, Counting.SCHOOL_DAYS):
        lines.append(_("Day by day (weekends not shown):"))
        lines += _day_by_day(d, plan, counting)
    if counting is Counting.SCHOOL_DAYS and calendar is not None and calendar.years:
        lines += _school_holiday_lines(start + timedelta(days=1), c.due, calendar)
    return lines


def _segment_lines(first: date, last: date, calendar: daycount.SchoolCalendar | None) -> list[str]:
    """One counted stretch, split where it leaves the listed school years (counted as plain
    calendar days there: the count is an estimate)."""
    if calendar is None or not calendar.years:
        return [_counted_text(first, last, "")]
    begin, end = calendar.years[0].first_day, calendar.years[-1].last_day
    parts = [
        (first, min(last, begin - timedelta(days=1)), _("(before the listed school years)")),
        (max(first, begin), min(last, end), ""),
        (max(first, end + timedelta(days=1)), last, _("(after the listed school years)")),
    ]
    return [_counted_text(a, b, why) for a, b, why in parts if a <= b]


def _counted_text(first: date, last: date, why: str) -> str:
    n = (last - first).days + 1
    text = ngettext("Counted {first} to {last}: {n} day", "Counted {first} to {last}: {n} days", n)
    return text.format(first=first.isoformat(), last=last.isoformat(), n=n) + (
        f" {why}" if why else ""
    )


def _school_holiday_lines(first: date, last: date, calendar: daycount.SchoolCalendar) -> list[str]:
    """The school holidays of the counted days: the law's list, the district's closures, and
    the days the district is in session anyway (SPEC §3.5)."""
    lines = [
        _(
            "School holidays: the days public schools close by law ({law}: "
            "New Year's Day, Dr. Martin Luther King, Jr. Day, Lincoln Day, Washington Day, "
            "Memorial Day, Independence Day, Labor Day, Veterans Day, Thanksgiving Day, "
            "Christmas Day; {source}) and the plan's `calendar.holidays`, less "
            "`calendar.in_session`. Not Columbus Day, Cesar Chavez Day or the day after "
            "Thanksgiving: a district closed on one lists it under `calendar.holidays`."
        ).format(law=daycount.SCHOOL_HOLIDAY_LAW, source=daycount.SCHOOL_HOLIDAY_SOURCE)
    ]
    for day, name in calendar.school_holidays_between(first, last).items():
        lines.append(f"  {day.isoformat()} {weekday_short(day)}: {break_name(name)}")
    for day in sorted(calendar.in_session):
        law = daycount.school_holidays_in(day.year, calendar.holidays).get(day)
        if first <= day <= last and law is not None:
            lines.append(
                f"  {day.isoformat()} {weekday_short(day)}: "
                + _("{holiday}, in session (plan)").format(holiday=break_name(law))
            )
    return lines


def _day_by_day(d: Deadline, plan: Plan, counting: Counting) -> list[str]:
    """Each counted day, and each run of days off with its reason on one line."""
    extra, _closure = closures_of(d.rule, plan)
    skipped = dict(d.computed.count.skipped)
    lines: list[str] = []
    run: list[date] = []  # consecutive skipped weekdays with the same reason

    def close_run() -> None:
        if run:
            span = (
                run[0].isoformat()
                if len(run) == 1
                else _("{first} to {last}").format(
                    first=run[0].isoformat(), last=run[-1].isoformat()
                )
            )
            lines.append(
                "  "
                + _("{days}: not counted ({reason})").format(
                    days=span, reason=break_name(skipped[run[0]])
                )
            )
            run.clear()

    day, n = d.trigger.date, 0
    while day < d.computed.due:
        day += timedelta(days=1)
        if day.weekday() >= 5:
            continue
        if day in skipped:
            if run and skipped[run[-1]] != skipped[day]:
                close_run()
            run.append(day)
        elif _counted(day, counting, plan, extra):
            close_run()
            n += 1
            lines.append(f"  {day.isoformat()} {weekday_short(day)}: " + _("day {n}").format(n=n))
    close_run()
    return lines


def _counted(day: date, counting: Counting, plan: Plan, extra: frozenset[date]) -> bool:
    calendar = plan.calendar
    if (
        counting is Counting.SCHOOL_DAYS
        and calendar is not None
        and calendar.years
        and (calendar.years[0].first_day <= day <= calendar.years[-1].last_day)
    ):
        return calendar.is_school_day(day)
    return daycount.is_business_day(day, extra)


def rule_record(rule: Rule) -> dict[str, Any]:
    """The catalogue entry of `plancli rules --format json`."""
    return {
        "id": rule.id,
        "title": rule.title,
        "system": str(rule.system),
        "kind": str(rule.kind),
        "trigger": rule.trigger_text,
        "trigger_types": list(rule.triggers),
        "period": rule.period_text,
        "counting": rule.counting_text,
        "owed_by": rule.owed_by,
        "met_by": list(rule.met_by),
        "citation": rule.citation,
        "summary": rule.summary,
        "sources": [{"url": s.url, "shows": str(s.shows), "quote": s.quote} for s in rule.sources],
        "confirmation": "law-text"
        if any(s.shows == "law-text" for s in rule.sources)
        else "secondary",
        "conflict": rule.conflict,
    }
