"""The words of `plancli calendar ...` (SPEC §10): the calendar shown, the changes made, and an
imported feed summed up before anything is written. Plain text; nothing here prints.

Which break pauses the school-tolled clock comes from `calendar_edit.describe`, which asks
the count itself (`daycount.school_pauses`), so what is shown never disagrees with a date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from plancli.calendar_edit import Action, CalendarView, Change, Part, YearView
from plancli.calendar_import import ImportedCalendar, Reason
from plancli.i18n import DEFAULT_LANGUAGE, N_, _, current_language, ngettext

INDENT = "  "

# Why an event of a feed was left out, in the order the summary lists the groups.
REASONS = {
    Reason.NOT_A_CLOSURE: N_("not about school being closed"),
    Reason.UNRECOGNISED: N_("title not recognised (add it by hand if school is closed)"),
    Reason.OUTSIDE_SCHOOL_YEAR: N_("outside the school years found"),
    Reason.WEEKEND: N_("on a weekend (changes no count)"),
    Reason.DUPLICATE: N_("already inside another break or closure"),
    Reason.MERGED: N_("joined to the break around it"),
    Reason.OTHER_FIRST_DAY: N_("a later first day of the same year"),
    Reason.OTHER_LAST_DAY: N_("an earlier last day of the same year"),
    Reason.RECURRING: N_("a repeating event (its days are not listed)"),
    Reason.CANCELLED: N_("cancelled"),
    Reason.BAD_DATE: N_("no usable date"),
}


def span_text(first: date, last: date) -> str:
    if first == last:
        return first.isoformat()
    return _("{first} to {last}").format(first=first.isoformat(), last=last.isoformat())


def show_text(view: CalendarView, plan: str) -> str:
    """`plancli calendar`: years, breaks (marked when they pause the clock), closures."""
    if not view.years and not view.closures and not view.in_session:
        return (
            _("{plan} has no school calendar yet.").format(plan=plan)
            + "\n"
            + _(
                "Import the district's calendar feed with `plancli calendar import FILE.ics`, "
                "or type it: `plancli calendar add-year FIRST LAST`, then `plancli calendar "
                "add-break NAME FIRST LAST`."
            )
            + "\n"
        )
    lines = [_("School calendar of {plan}").format(plan=plan)]
    for year in view.years:
        lines += _year_lines(year)
    if view.closures:
        lines.append(
            _("Closure days: {days}").format(days=", ".join(d.isoformat() for d in view.closures))
        )
    if view.in_session:
        lines.append(
            _("In session although the law lets the district close: {days}").format(
                days=", ".join(d.isoformat() for d in view.in_session)
            )
        )
    if any(b.pauses for y in view.years for b in y.breaks):
        lines += [
            "",
            _(
                "* A break of more than five school days pauses the school-tolled IEP "
                "deadlines (Cal. Educ. Code §§ 56043, 56321(a), 56344(a)); `plancli explain "
                "RULE` shows the count."
            ),
        ]
    return "\n".join(lines) + "\n"


def _year_lines(year: YearView) -> list[str]:
    lines = [
        _("{label}: {span}, {days} school days").format(
            label=year.label, span=span_text(year.first_day, year.last_day), days=year.school_days
        )
    ]
    for brk in year.breaks:
        days = ngettext("{n} school day", "{n} school days", brk.weekdays).format(n=brk.weekdays)
        lines.append(f"{INDENT}{break_label(brk.name)}: {span_text(brk.first, brk.last)} ({days})")
        if brk.pauses and brk.paused_from and brk.paused_to:
            lines.append(
                INDENT * 2
                + _("* pauses the clock from {first} to {last}").format(
                    first=brk.paused_from.isoformat(), last=brk.paused_to.isoformat()
                )
            )
    return lines


def break_label(name: str) -> str:
    """A break as the district names it; in Spanish with the glossary's gloss beside it, as
    the letters give it: «Winter break», vacaciones de invierno. The district's own name stays
    (it is what the family reads on the district's calendar); a name the glossary does not
    know is shown as typed."""
    if current_language() == DEFAULT_LANGUAGE:
        return name
    from plancli.glossary import break_es

    gloss = break_es(name)
    return name if gloss is None else f"«{name}», {gloss}"


def change_text(change: Change) -> str:
    """One change, e.g. "Added the break Winter break (2026-12-21 to 2027-01-01) to 2026-27"."""
    span = span_text(change.first, change.last)
    if change.part is Part.YEAR:
        text = {
            Action.ADDED: _("Added the school year {year} ({span})."),
            Action.REMOVED: _("Removed the school year {year} ({span}) with its breaks."),
            Action.REPLACED: _("Replaced the school year {year} ({span})."),
        }[change.action]
        return text.format(year=change.year or "", span=span)
    if change.part is Part.BREAK:
        text = {
            Action.ADDED: _("Added the break {name} ({span})."),
            Action.REMOVED: _("Removed the break {name} ({span})."),
            Action.REPLACED: _("Replaced the break {name} ({span})."),
        }[change.action]
        return text.format(name=change.name or "", span=span)
    name = f" ({change.name})" if change.name else ""
    text = {
        Action.ADDED: _("Added the closure day {day}{name}."),
        Action.REMOVED: _("Removed the closure day {day}."),
        Action.REPLACED: _("Replaced the closure day {day}."),
    }[change.action]
    return text.format(day=span, name=name)


def remove_question(change: Change) -> str:
    """The question `plancli calendar remove` asks before removing."""
    span = span_text(change.first, change.last)
    if change.part is Part.YEAR:
        return _("Remove the school year {year} ({span}) and its breaks?").format(
            year=change.year or "", span=span
        )
    if change.part is Part.BREAK:
        return _("Remove the break {name} ({span})?").format(name=change.name or "", span=span)
    return _("Remove the closure day {day}?").format(day=span)


def changes_text(changes: Sequence[Change]) -> str:
    return "".join(change_text(c) + "\n" for c in changes)


def import_text(imported: ImportedCalendar, view: CalendarView, changes: Sequence[Change]) -> str:
    """What an import found and would write: the years as the plan will hold them, the
    years it cannot import, and every event it left out, grouped by reason."""
    lines = []
    if imported.name:
        lines.append(_("Calendar feed: {name}").format(name=imported.name))
    lines.append(_("School years found:"))
    imported_labels = {c.year for c in changes if c.part is Part.YEAR and c.action is Action.ADDED}
    for year in view.years:
        if year.label in imported_labels:
            lines += [INDENT + line for line in _year_lines(year)]
    closures = [c for c in changes if c.part is Part.CLOSURE]
    if closures:
        lines.append(_("Closure days:"))
        lines += [f"{INDENT}{c.first.isoformat()} {c.name or ''}".rstrip() for c in closures]
    replaced = [c for c in changes if c.action is Action.REPLACED]
    if replaced:
        lines.append(_("Replacing what the plan had:"))
        lines += [INDENT + change_text(c) for c in replaced]
    if imported.incomplete:
        lines.append(_("Not imported (the feed does not give both its first and last day):"))
        for part in imported.incomplete:
            first = part.first_day.isoformat() if part.first_day else _("no first day")
            last = part.last_day.isoformat() if part.last_day else _("no last day")
            lines.append(f"{INDENT}{part.label}: {first}, {last}")
    if imported.ignored:
        count = len(imported.ignored)
        lines.append(
            ngettext("Left out ({n} event):", "Left out ({n} events):", count).format(n=count)
        )
        for reason, words in REASONS.items():
            left = [i for i in imported.ignored if i.reason is reason]
            if not left:
                continue
            lines.append(f"{INDENT}{_(words)}:")
            for item in left:
                when = f" ({span_text(item.first, item.last)})" if item.first and item.last else ""
                lines.append(f"{INDENT * 2}{item.title or _('(no title)')}{when}")
    return "\n".join(lines) + "\n"
