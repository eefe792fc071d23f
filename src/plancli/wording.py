"""The words of the engine's data, in one place per language (issue 8: notes are data).

`daycount` and `deadlines` return `Note` and `Step` values (a kind and its values); every output
(table, JSON, explain, digest, calendar, letters) words them here. Every sentence is a marked
message in English, translated by the catalog: notes into the language asked for (`lang`: JSON
keeps English whatever the interface says, SPEC §5; letters choose their own language), the
words only people read (steps of `explain`, status and owner labels, periods, weekdays) into
the interface language.
"""

from __future__ import annotations

from datetime import date

from plancli.daycount import Counting, Note, NoteKind, Pause
from plancli.deadlines import Status, Step, StepKind
from plancli.i18n import N_, _, ngettext, translate, translate_plural
from plancli.rules import AgeOffset, Period, Rule

EARLY_START_LATE_REFERRAL = "34 CFR 303.209(b)(1)(ii)-(iii)"


def _iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()


# Each note kind's sentence, marked for the catalog: English is the JSON `notes` text (SPEC §5),
# other languages come from the catalog like every other message. Values go in by name.
_NOTES: dict[NoteKind, str] = {
    NoteKind.NO_CALENDAR: N_(
        "the plan has no school calendar, so plain calendar days were counted; "
        "add your district's calendar: breaks over five school days pause this clock"
    ),
    NoteKind.NO_CALENDAR_SCHOOL_DAYS: N_(
        "the plan has no school calendar, so business days were counted as school "
        "days; add your district's calendar (first and last day, breaks) for the exact date"
    ),
    NoteKind.END_OF_YEAR_NEEDS_NEXT_YEAR: N_(
        "The referral on {day} was {days_before} before the last day of the {year} school "
        "year ({last_day}), within {within}, so the end-of-year rule applies ({days} after the "
        "first day of the {next_year} school year), but the plan's calendar has no {next_year} "
        "school year; add it to get the date"
    ),
    NoteKind.NO_CAP_DATE: N_(
        "the event has no {name}; the deadline is the earlier of {day} and the {name} of the "
        "action — add it with `--field {name}=YYYY-MM-DD`"
    ),
    NoteKind.END_OF_YEAR_NO_REFERRAL: N_(
        "the end-of-year rule could not be checked: the plan has no {name} event on or before "
        "the consent; if the referral came {within} or fewer before the last day of the school "
        "year, the date is {days} after the next first day instead (record the {name} event to "
        "let plancli check)"
    ),
    NoteKind.EXTENSION_IGNORED: N_(
        "extension-agreed event {name} gives {day}, earlier than the law's date {law_day}; an "
        "extension can only add time, so plancli ignores it: check its `until` date"
    ),
    NoteKind.EXTENDED: N_(
        "extended to {day} by agreement (event {name}); the law's date was {law_day}"
    ),
    NoteKind.AFTER_EARLY_START: N_(
        "Early Start ends at the third birthday ({day}; 34 CFR 303.21(a)): this date falls on "
        "or after it, so it applies only if Early Start services go on past age three"
    ),
    NoteKind.BEFORE_EARLY_START: N_(
        "not owed: this date falls before the child's first Early Start event ({name}, {day}); "
        "a child referred this late gets the steps of {law} instead"
    ),
    NoteKind.NON_BUSINESS_DUE_PARENT: N_(
        "{day_is}; plancli does not move the date: to be safe, act by the previous business "
        "day, {law_day}"
    ),
    NoteKind.NON_BUSINESS_DUE_AGENCY: N_(
        "{day_is}; plancli does not move the date, but {who} may argue that Code Civ. Proc. "
        "§ 12a extends it to the next business day, {law_day}"
    ),
}
# The school year the calendar lacks, before or after the years it has.
_MISSING_SCHOOL_YEAR = {
    "before": N_(
        "the plan's calendar has no {year} school year, so days before {day} were counted as "
        "{unit}; add the {year} school year to the plan's calendar"
    ),
    "after": N_(
        "the plan's calendar has no {year} school year, so days after {day} were counted as "
        "{unit}; add the {year} school year to the plan's calendar"
    ),
}
# "the district may argue ...": each owner as the subject of a sentence.
_WHO = {
    "district": N_("the district"),
    "regional center": N_("the regional center"),
    "regional center director": N_("the regional center director"),
    "California Dept. of Education": N_("the California Dept. of Education"),
    "Dept. of Developmental Services": N_("the Dept. of Developmental Services"),
    "hearing office (OAH)": N_("the hearing office (OAH)"),
}


def _days(n: int | None, lang: str) -> str:
    count = n or 0
    return translate_plural("{n} day", "{n} days", count, lang).format(n=count)


def _day_is(note: Note, lang: str) -> str:
    """'2027-01-18 is Birthday of Martin Luther King, Jr. (Monday)' or '... is a Saturday'."""
    assert note.day is not None
    weekday = translate(WEEKDAYS[note.day.weekday()], lang)
    if note.name:
        return translate("{day} is {holiday} ({weekday})", lang).format(
            day=_iso(note.day), holiday=translate(note.name, lang), weekday=weekday
        )
    return translate("{day} is a {weekday}", lang).format(day=_iso(note.day), weekday=weekday)


def _who(owner: str | None, lang: str) -> str:
    if owner in _WHO:
        return translate(_WHO[owner], lang)
    return f"the {owner}" if lang == "en" else str(owner)


def note_body(note: Note, lang: str = "en") -> str:
    """The note without its 'estimated: ' mark (for a sentence that already says so)."""
    if note.kind is NoteKind.MISSING_SCHOOL_YEAR:
        template = _MISSING_SCHOOL_YEAR[note.side or "after"]
    else:
        template = _NOTES[note.kind]
    day_is = ""
    if note.kind in (NoteKind.NON_BUSINESS_DUE_PARENT, NoteKind.NON_BUSINESS_DUE_AGENCY):
        day_is = _day_is(note, lang)
    return translate(template, lang).format(
        day=_iso(note.day),
        law_day=_iso(note.other_day),
        last_day=_iso(note.last_day),
        name=note.name,
        year=note.school_year,
        next_year=note.next_school_year,
        unit=translate(note.unit or "", lang),
        days_before=_days(note.days_before, lang),
        within=_days(note.within, lang),
        days=_days(note.days, lang),
        law=EARLY_START_LATE_REFERRAL,
        who=_who(note.who, lang),
        day_is=day_is,
    )


def note_text(note: Note, lang: str = "en") -> str:
    """The note as printed under a table, in JSON `notes` (always English), in `explain`
    and the digest (the interface language: `shown_note`)."""
    body = note_body(note, lang)
    if not note.estimated:
        return body
    return translate(N_("estimated: {note}"), lang).format(note=body)


# Marked here for the catalog: `_day_is` translates them in the note's language.
_DAY_IS = (N_("{day} is {holiday} ({weekday})"), N_("{day} is a {weekday}"))


def shown_note(note: Note) -> str:
    """The note in the interface language, for what people read (never JSON)."""
    from plancli.i18n import current_language

    return note_text(note, current_language())


def estimate_fix(note: Note) -> str | None:
    """What to add to the plan to make an estimated date exact, or None (not an estimate).

    In the interface language: only the digest and the calendar show it.
    """
    if note.kind in (NoteKind.NO_CALENDAR, NoteKind.NO_CALENDAR_SCHOOL_DAYS):
        return _(
            "add your district's school calendar to the plan: import the district's calendar "
            "feed (an .ics file from its website), or add each school year and its breaks "
            "(the `plancli calendar` commands below)"
        )
    if note.kind is NoteKind.MISSING_SCHOOL_YEAR:
        return _(
            "add the {year} school year to the plan's calendar (the `plancli calendar` "
            "commands below)"
        ).format(year=note.school_year)
    if note.kind is NoteKind.END_OF_YEAR_NEEDS_NEXT_YEAR:
        return _(
            "add the {year} school year to the plan's calendar (the `plancli calendar` "
            "commands below)"
        ).format(year=note.next_school_year)
    if note.estimated:
        return _("add what the note below says the count needs")
    return None


# The commands that add a school calendar, as `estimate_fix` points to them ("below"); the
# words in capitals are for the user to fill in, so they are translated ("ARCHIVO.ics").
CALENDAR_COMMANDS = (
    N_("plancli calendar import FILE.ics"),
    N_("plancli calendar add-year FIRST LAST"),
    N_("plancli calendar add-break NAME FIRST LAST"),
)
YEAR_COMMANDS = CALENDAR_COMMANDS[1:]


def estimate_fix_commands(note: Note) -> tuple[str, ...]:
    """The `plancli calendar` commands `estimate_fix` points to for this note (none when it
    names none): the district's feed, or its years and breaks typed in."""
    if note.kind in (NoteKind.NO_CALENDAR, NoteKind.NO_CALENDAR_SCHOOL_DAYS):
        return tuple(_(command) for command in CALENDAR_COMMANDS)
    if note.kind in (NoteKind.MISSING_SCHOOL_YEAR, NoteKind.END_OF_YEAR_NEEDS_NEXT_YEAR):
        return tuple(_(command) for command in YEAR_COMMANDS)
    return ()


# --------------------------------------------------------------------------------------------
# Labels and periods, in the interface language (tables, explain, digest, calendars)

STATUS_LABELS = {
    Status.MET: N_("met"),
    Status.MET_LATE: N_("met late"),
    Status.OVERDUE: N_("overdue"),
    Status.DUE_TODAY: N_("due today"),
    Status.DUE_SOON: N_("due soon"),
    Status.UPCOMING: N_("upcoming"),
    Status.LAPSED: N_("lapsed"),
    Status.NOT_OWED: N_("not owed"),
}


def status_label(status: Status) -> str:
    """A status as people read it; English keeps the JSON value ('due-today')."""
    return _(STATUS_LABELS[status]) if _is_translated() else str(status)


OWNER_LABELS = {
    "district": N_("district"),
    "regional center": N_("regional center"),
    "regional center director": N_("regional center director"),
    "parent": N_("parent"),
    "California Dept. of Education": N_("California Dept. of Education"),
    "Dept. of Developmental Services": N_("Dept. of Developmental Services"),
    "hearing office (OAH)": N_("hearing office (OAH)"),
}


def owner_label(owner: str) -> str:
    return _(OWNER_LABELS[owner]) if owner in OWNER_LABELS else owner


KIND_LABELS = {
    "deadline": N_("deadline"),
    "guideline": N_("guideline"),
    "window": N_("window"),
    "commitment": N_("commitment"),
}


def kind_label(kind: str) -> str:
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


COUNTING_LABELS = {
    "calendar": N_("calendar days"),
    "business": N_("business days"),
    "school-tolled": N_("school-tolled days"),
    "school-tolled + end-of-year": N_("school-tolled days + end of year"),
    "school-days": N_("school days"),
    "months": N_("months"),
    "years": N_("years"),
    "age": N_("age"),
}


def counting_label(counting: str) -> str:
    """The counting's name: the catalogue's id in English ('school-tolled'), words in Spanish."""
    if not _is_translated() or counting not in COUNTING_LABELS:
        return counting
    return _(COUNTING_LABELS[counting])


def _is_translated() -> bool:
    from plancli.i18n import DEFAULT_LANGUAGE, current_language

    return current_language() != DEFAULT_LANGUAGE


WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def weekday(day: date) -> str:
    return _(WEEKDAYS[day.weekday()])


def weekday_short(day: date) -> str:
    return _(WEEKDAYS_SHORT[day.weekday()])


def period_words(period: Period) -> str:
    """'45 days', '15 business days', '45 días'; English is `str(period)`, the JSON value."""
    n = period.amount
    match period.counting:
        case Counting.CALENDAR | Counting.SCHOOL_TOLLED:
            text = ngettext("{n} day", "{n} days", n)
        case Counting.BUSINESS:
            text = ngettext("{n} business day", "{n} business days", n)
        case Counting.SCHOOL_DAYS:
            text = ngettext("{n} school day", "{n} school days", n)
        case Counting.MONTHS:
            text = ngettext("{n} month", "{n} months", n)
        case Counting.YEARS:
            text = ngettext("{n} year", "{n} years", n)
    text = text.format(n=n)
    if period.cap_field:
        text += _(", but no later than the event's {field}").format(field=period.cap_field)
    return text


def age_words(age: AgeOffset) -> str:
    """'3rd birthday − 6 months' in English (`str(age)`), '6 meses antes de cumplir 3 años'."""
    if not _is_translated():
        return str(age)
    before = []
    if age.months_before:
        before.append(
            ngettext("{n} month", "{n} months", age.months_before).format(n=age.months_before)
        )
    if age.days_before:
        before.append(ngettext("{n} day", "{n} days", age.days_before).format(n=age.days_before))
    if not before:
        return _("when the child turns {years}").format(years=age.years)
    return _("{time} before the child turns {years}").format(time=" ".join(before), years=age.years)


def rule_period_words(rule: Rule) -> str:
    """The rule's period with its variants ('60 days; 30 days when ...'), as `period_text`."""
    if rule.age is not None:
        return _("on the date ({age})").format(age=age_words(rule.age))
    assert rule.period is not None
    parts = [period_words(rule.period)]
    parts += [
        _("{period} when {condition}").format(period=period_words(v.period), condition=_(v.when))
        for v in rule.variants
    ]
    return "; ".join(parts)


def trigger_words(rule: Rule) -> str:
    """What starts the clock: event types (names the commands take), or the birthday."""
    if rule.age is not None:
        return age_words(rule.age)
    return _(" or ").join(rule.triggers)


def pause_text(pause: Pause) -> str:
    """'Winter break: 2026-12-21 to 2027-01-01 not counted', in the interface language."""
    if pause.between is not None:
        reason = _("between the {first} and {second} school years").format(
            first=pause.between[0], second=pause.between[1]
        )
    else:
        reason = _(" and ").join(break_name(name) for name in pause.reason.split(" and "))
    return _("{reason}: {first} to {last} not counted").format(
        reason=reason, first=pause.first.isoformat(), last=pause.last.isoformat()
    )


def break_name(name: str) -> str:
    """A district's break or closure as the plan names it, glossed in Spanish when known."""
    if not _is_translated():
        return name
    translated = _(name)  # holiday names and plancli's own reasons are in the catalog
    if translated != name:
        return translated
    from plancli.glossary import break_es

    return break_es(name) or name


def step_text(step: Step) -> str:
    """One step of `explain`, in the interface language."""
    match step.kind:
        case StepKind.DAY_ZERO:
            trigger = (
                _("birth date")
                if step.event is None
                else _("{type}, event {id}").format(type=step.event.type, id=step.event.id)
            )
            return _("Day 0 is {day} ({trigger}); counting starts the next day.").format(
                day=_iso(step.day), trigger=trigger
            )
        case StepKind.PERIOD:
            assert step.period is not None
            return _("Period: {period} ({counting} counting).").format(
                period=period_words(step.period),
                counting=counting_label(str(step.period.counting)),
            )
        case StepKind.PERIOD_VARIANT:
            assert step.period is not None
            return _("Period: {period}, because {condition}.").format(
                period=period_words(step.period), condition=_(step.when)
            )
        case StepKind.BORN:
            return _("Born {day}: birthday number {years} is {birthday}.").format(
                day=_iso(step.day), years=step.days, birthday=_iso(step.other_day)
            )
        case StepKind.AGE_OFFSET:
            assert step.age is not None
            return f"{age_words(step.age)} = {_iso(step.day)}."
        case StepKind.CAP_FIRST:
            return _(
                "The {field} {day} comes first, so it is the due date (instead of {counted})."
            ).format(field=step.name, day=_iso(step.day), counted=_iso(step.other_day))
        case StepKind.CAP_LATER:
            return _("The {field} {day} is later, so it does not change the date.").format(
                field=step.name, day=_iso(step.day)
            )
        case StepKind.END_OF_YEAR_WHY:
            return ngettext(
                "The referral on {day} was {n} day before the last day of the {year} school "
                "year ({last_day}), within {within} days.",
                "The referral on {day} was {n} days before the last day of the {year} school "
                "year ({last_day}), within {within} days.",
                step.days,
            ).format(
                day=_iso(step.day),
                n=step.days,
                year=step.school_year,
                last_day=_iso(step.other_day),
                within=step.within,
            )
        case StepKind.PROMISED:
            assert step.event is not None
            return _(
                "Promised on {day} (contact, event {id}) by {who}, to be done by {due}."
            ).format(
                day=_iso(step.day),
                id=step.event.id,
                who=owner_label(step.name),
                due=_iso(step.other_day),
            )
        case StepKind.END_OF_YEAR_DUE:
            return _(
                "End-of-year rule: due {n} days after the first day of the {year} school year "
                "({first_day}): {due}."
            ).format(
                n=step.days,
                year=step.school_year,
                first_day=_iso(step.other_day),
                due=_iso(step.day),
            )
