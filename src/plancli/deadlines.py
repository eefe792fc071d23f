"""Events × rules × calendar → deadlines (SPEC §3–§4). Pure: `today` is always an argument."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from plancli import daycount
from plancli.daycount import Count, Counting, Note, NoteKind, SchoolCalendar
from plancli.errors import PlancliError
from plancli.i18n import _
from plancli.model import Event, Plan
from plancli.rules import (
    ALL_RULES,
    BIRTH_DATE,
    CONTACT_EVENT,
    EXTENSION_EVENT,
    AgeOffset,
    Kind,
    Period,
    Rule,
    System,
)

DUE_SOON_DAYS = 7


class Status(StrEnum):
    MET = "met"
    MET_LATE = "met-late"
    OVERDUE = "overdue"
    DUE_TODAY = "due-today"
    DUE_SOON = "due-soon"
    UPCOMING = "upcoming"
    # The parent's own time ran out with nothing recorded: nobody is late on it (SPEC §4).
    LAPSED = "lapsed"
    # An Early Start age-based date before the child's first Early Start event (SPEC §4).
    NOT_OWED = "not-owed"


OPEN_STATUSES = frozenset({Status.OVERDUE, Status.DUE_TODAY, Status.DUE_SOON, Status.UPCOMING})


@dataclass(frozen=True, slots=True)
class Trigger:
    """What started the clock: an event, or the child's birth date for age-based rules."""

    event: Event | None
    type: str
    date: date

    @property
    def event_id(self) -> str | None:
        return None if self.event is None else self.event.id


class StepKind(StrEnum):
    """One choice the count made, for `explain`; each output words it (`wording.step_text`)."""

    DAY_ZERO = "day-zero"  # day (the trigger date), event (None: the birth date)
    PERIOD = "period"  # period
    PERIOD_VARIANT = "period-variant"  # period, when (the variant's condition)
    BORN = "born"  # day (birth date), years, other_day (that birthday)
    AGE_OFFSET = "age-offset"  # age, day (the due date)
    CAP_FIRST = "cap-first"  # name (the field), day (its date), other_day (the counted date)
    CAP_LATER = "cap-later"  # name (the field), day (its date)
    END_OF_YEAR_WHY = "end-of-year-why"  # day (referral), days, school_year, other_day, within
    END_OF_YEAR_DUE = "end-of-year-due"  # days, school_year, other_day (first day), day (due)
    PROMISED = "promised"  # day (the contact), event (the contact), name (who promised)


@dataclass(frozen=True, slots=True)
class Step:
    """A step of the count as data (meaning passes as data, never as English sentences)."""

    kind: StepKind
    day: date | None = None
    other_day: date | None = None
    event: Event | None = None
    period: Period | None = None
    when: str = ""
    name: str = ""
    school_year: str = ""
    days: int = 0
    within: int = 0
    age: AgeOffset | None = None


@dataclass(frozen=True, slots=True)
class Computation:
    """A due date and how it was reached, before status and extensions."""

    due: date
    period: Period | None
    count: Count
    steps: tuple[Step, ...]  # every choice made, for `explain` (worded by `wording.step_text`)


@dataclass(frozen=True, slots=True)
class Deadline:
    rule: Rule
    trigger: Trigger
    computed: Computation
    due: date  # the computed due date, or the agreed one when an extension applies
    status: Status
    days_left: int
    met_by: Event | None
    extension: Event | None
    notes: tuple[Note, ...]
    # The day the child leaves this system, if it has one (Early Start: the third birthday).
    ends: date | None = None

    @property
    def met_on(self) -> date | None:
        return None if self.met_by is None else self.met_by.date

    @property
    def days_late(self) -> int | None:
        """Days past due: of the event that met it late, or of today when overdue (SPEC §5)."""
        if self.status is Status.MET_LATE and self.met_by is not None:
            return (self.met_by.date - self.due).days
        if self.status is Status.OVERDUE:
            return -self.days_left
        return None

    @property
    def complaint_by(self) -> date | None:
        """The last day to file the complaint that fits a missed agency deadline (SPEC §5)."""
        if self.status not in (Status.MET_LATE, Status.OVERDUE):
            return None
        return complaint_deadline(self.rule, self.due)

    @property
    def id(self) -> str:
        """`rule:event` (or `rule:birth-date`): names this deadline on the command line."""
        return f"{self.rule.id}:{self.trigger.event_id or BIRTH_DATE}"

    @property
    def estimated(self) -> bool:
        return self.computed.count.estimated and self.extension is None

    @property
    def is_open(self) -> bool:
        """Still asks something of someone. A parent's window that has passed asks nothing:
        it is the parent's right, not a deadline they can miss."""
        lapsed_window = self.rule.kind is Kind.WINDOW and self.days_left < 0
        return self.status in OPEN_STATUSES and not lapsed_window


# --------------------------------------------------------------------------------------------
# Counting one period


def count_period(
    period: Period,
    start: date,
    calendar: SchoolCalendar | None,
    closures: frozenset[date] | None = None,
    closure: str = daycount.DISTRICT_CLOSURE,
) -> Count:
    """Count `period` from `start` (day 0) with the plan's school calendar.

    `closures` are the closure days of whoever owes the deadline (SPEC §3.3), named `closure`;
    None means the district's (`calendar.holidays`).

    A count that would end near the end of the calendar (year 9999: `--date 9999-12-31`) is a
    PlancliError with a message, never an OverflowError.
    """
    try:
        extra = closures if closures is not None else _district_closures(calendar)
        count = _count_period(period, start, calendar, extra, closure)
    except (OverflowError, ValueError):
        count = None
    if count is None or count.due.year > LAST_YEAR:
        raise PlancliError(
            _(
                "Counting {period} from {start} goes past the year {year}; give a date between "
                "1900 and 2199."
            ).format(period=period, start=start.isoformat(), year=LAST_YEAR)
        )
    return count


LAST_YEAR = 9990  # leaves room for the next business day and other steps after a due date


def _district_closures(calendar: SchoolCalendar | None) -> frozenset[date]:
    return calendar.holidays if calendar is not None else frozenset()


def closures_of(rule: Rule, plan: Plan) -> tuple[frozenset[date], str]:
    """The closure days that count for the owner of `rule` (SPEC §3.3), and their name: the
    district's `calendar.holidays` for iep/504 rules, `regional_center.closures` for rc and
    Early Start rules. One system's closures never lengthen the other's counts."""
    if rule.system in (System.RC, System.EARLY_START):
        center = plan.regional_center
        days = center.closures if center is not None else frozenset()
        return days, daycount.REGIONAL_CENTER_CLOSURE
    return _district_closures(plan.calendar), daycount.DISTRICT_CLOSURE


def _count_period(
    period: Period,
    start: date,
    calendar: SchoolCalendar | None,
    extra: frozenset[date],
    closure: str,
) -> Count:
    n = period.amount
    match period.counting:
        case Counting.CALENDAR:
            return daycount.add_calendar_days(start, n)
        case Counting.BUSINESS:
            return daycount.add_business_days(start, n, extra, closure)
        case Counting.SCHOOL_TOLLED:
            return daycount.add_school_tolled_days(start, n, calendar)
        case Counting.SCHOOL_DAYS:
            return daycount.add_school_days(start, n, calendar)
        case Counting.MONTHS:
            return Count(daycount.add_months(start, n))
        case Counting.YEARS:
            return Count(daycount.add_years(start, n))


def applicable_period(
    rule: Rule, plan: Plan, trigger_date: date, event: Event | None
) -> tuple[Period, str | None]:
    """The rule's period, or the variant whose condition holds (first match wins)."""
    assert rule.period is not None
    for variant in rule.variants:
        holds = (
            (
                variant.event_flag is not None
                and event is not None
                and event.flag(variant.event_flag)
            )
            or (variant.plan_flag == "hcbs_waiver" and plan.hcbs_waiver)
            or (variant.triggered_before is not None and trigger_date < variant.triggered_before)
        )
        if holds:
            return variant.period, variant.when
    return rule.period, None


def compute_due(rule: Rule, plan: Plan, trigger_date: date, event: Event | None) -> Computation:
    """The due date of `rule` for a trigger on `trigger_date` (SPEC §3)."""
    if rule.age is not None:
        return _age_based(rule, plan)
    period, variant_when = applicable_period(rule, plan, trigger_date, event)
    steps = [Step(StepKind.DAY_ZERO, day=trigger_date, event=event)]
    if variant_when:
        steps.append(Step(StepKind.PERIOD_VARIANT, period=period, when=variant_when))
    else:
        steps.append(Step(StepKind.PERIOD, period=period))
    count = count_period(period, trigger_date, plan.calendar, *closures_of(rule, plan))
    end_of_year = _end_of_year(rule, plan, trigger_date, event, count)
    if end_of_year is not None:
        count, eoy_steps = end_of_year
        steps += eoy_steps
    if period.cap_field:
        count, cap_steps = _apply_cap(period, count, event)
        steps += cap_steps
    return Computation(count.due, period, count, tuple(steps))


def _age_based(rule: Rule, plan: Plan) -> Computation:
    age = rule.age
    assert age is not None
    birth = plan.child.birth_date
    birthday = daycount.add_years(birth, age.years)
    due = daycount.add_months(birthday, -age.months_before) - timedelta(days=age.days_before)
    steps = [Step(StepKind.BORN, day=birth, days=age.years, other_day=birthday)]
    if age.months_before or age.days_before:
        steps.append(Step(StepKind.AGE_OFFSET, age=age, day=due))
    return Computation(due, None, Count(due), tuple(steps))


def _apply_cap(period: Period, count: Count, event: Event | None) -> tuple[Count, list[Step]]:
    """'… but no later than the effective date' (WIC 4715(a))."""
    assert period.cap_field is not None
    cap = event.date_field(period.cap_field) if event is not None else None
    if cap is None:
        note = Note(NoteKind.NO_CAP_DATE, day=count.due, name=period.cap_field)
        return replace(count, estimated=True, notes=(*count.notes, note)), []
    if cap < count.due:
        step = Step(StepKind.CAP_FIRST, name=period.cap_field, day=cap, other_day=count.due)
        return replace(count, due=cap), [step]
    return count, [Step(StepKind.CAP_LATER, name=period.cap_field, day=cap)]


def _end_of_year(
    rule: Rule, plan: Plan, trigger_date: date, event: Event | None, count: Count
) -> tuple[Count, list[Step]] | None:
    """EC 56321(a) / 56344(a): a referral near the end of the school year (SPEC §3.4)."""
    eoy, calendar = rule.end_of_year, plan.calendar
    if eoy is None or calendar is None or not calendar.years:
        return None
    referral = trigger_date
    if eoy.referral_type is not None:
        earlier = [e for e in plan.events if e.type == eoy.referral_type and e.date <= trigger_date]
        if not earlier:  # say so: the rule may apply, but plancli cannot tell (SPEC §3.4)
            note = Note(
                NoteKind.END_OF_YEAR_NO_REFERRAL,
                name=eoy.referral_type,
                days=eoy.days,
                within=eoy.within,
            )
            return replace(count, notes=(*count.notes, note)), []
        referral = max(earlier, key=lambda e: e.date).date
    year = calendar.year_containing(referral)
    if year is None or (year.last_day - referral).days > eoy.within:
        return None
    before = (year.last_day - referral).days
    why = Step(
        StepKind.END_OF_YEAR_WHY,
        day=referral,
        days=before,
        school_year=year.label,
        other_day=year.last_day,
        within=eoy.within,
    )
    following = calendar.year_after(year)
    if following is None:
        note = Note(
            NoteKind.END_OF_YEAR_NEEDS_NEXT_YEAR,
            day=referral,
            last_day=year.last_day,
            school_year=year.label,
            next_school_year=daycount.school_year_label(year.first_day.year + 1),
            days=eoy.days,
            within=eoy.within,
            days_before=before,
        )
        return replace(count, estimated=True, notes=(*count.notes, note)), []
    if eoy.consent_before_next_year and trigger_date >= following.first_day:
        return None
    due = following.first_day + timedelta(days=eoy.days)
    steps = [
        why,
        Step(
            StepKind.END_OF_YEAR_DUE,
            days=eoy.days,
            school_year=following.label,
            other_day=following.first_day,
            day=due,
        ),
    ]
    return Count(due), steps


# --------------------------------------------------------------------------------------------
# Every deadline of a plan


def _applies(rule: Rule, plan: Plan, systems: frozenset[System]) -> bool:
    """Age-based rules apply once the plan has an event of their system (SPEC §4)."""
    if rule.age is None:
        return True
    shown_with = rule.age.shown_with or rule.system
    return System(shown_with) in systems


def plan_systems(plan: Plan) -> frozenset[System]:
    from plancli.rules import EVENT_SYSTEMS

    return frozenset(EVENT_SYSTEMS[e.type] for e in plan.events if e.type in EVENT_SYSTEMS)


class _EventIndex:
    """The plan's events in date order, grouped by type: built once per plan, not per rule."""

    def __init__(self, plan: Plan) -> None:
        self.by_type: dict[str, list[Event]] = {}
        for event in plan.events_by_date():
            self.by_type.setdefault(event.type, []).append(event)
        self.contact_ids = frozenset(e.id for e in self.by_type.get(CONTACT_EVENT, ()))

    def of(self, types: Iterable[str]) -> list[Event]:
        found = [e for t in types for e in self.by_type.get(t, ())]
        return sorted(found, key=lambda e: e.date) if len(set(types)) > 1 else found


def triggers_of(rule: Rule, plan: Plan, index: _EventIndex | None = None) -> list[Trigger]:
    if rule.age is not None:
        return [Trigger(None, BIRTH_DATE, plan.child.birth_date)]
    index = index or _EventIndex(plan)
    return [Trigger(e, e.type, e.date) for e in index.of(rule.triggers)]


def _met_by(
    rule: Rule, trigger: Trigger, index: _EventIndex, today: date, due: date
) -> Event | None:
    """The first event of a 'met by' type on or after the trigger (recurring: strictly after).

    An event dated after today has not happened: a meeting recorded ahead of time does not
    meet a deadline until its day comes (`--today` moves that day for "what if" questions).
    Which trigger a response answers (SPEC §4): an event with `answers` meets that trigger
    only; without it, a deadline the parent owes is met only on or before its due date (an
    appeal filed years later does not meet an old notice's window), and the follow-up meeting
    is a meeting strictly after the partial agreement.
    """
    for e in index.of(rule.met_by):
        if e is trigger.event or e.date < trigger.date or e.date > today:
            continue
        own_kind = rule.recurring and e.type in rule.triggers
        if own_kind and e.date <= trigger.date:
            continue
        if rule.met_strictly_after and e.date <= trigger.date:
            continue
        answers = e.answers
        if answers in index.contact_ids:
            # Keeping a promise made on a contact (SPEC §8) does not take the event away from
            # the law's deadlines: the assessment plan that was promised on a call still meets
            # `assessment-plan`.
            answers = None
        if answers is not None and not own_kind:
            if answers == trigger.event_id:
                return e
            continue
        if rule.owed_by_parent and rule.kind is not Kind.WINDOW and e.date > due:
            continue
        return e
    return None


def _extension(
    rule: Rule, trigger: Trigger, index: _EventIndex, later: Trigger | None
) -> Event | None:
    """The latest `extension-agreed` for this rule whose most recent trigger is this one."""
    chosen = None
    for event in index.of((EXTENSION_EVENT,)):
        if (
            event.text_field("rule") == rule.id
            and event.date_field("until") is not None
            and event.date >= trigger.date
            and (later is None or event.date < later.date)
        ):
            chosen = event
    return chosen


def status_of(
    due: date, met_by: Event | None, today: date, *, window: bool = False, parent: bool = False
) -> Status:
    """SPEC §4. A window (the parent's minimum time) is met whenever the parent acts; the
    parent's own date that passed with nothing recorded has lapsed (nobody is late on it)."""
    if met_by is not None:
        return Status.MET if window or met_by.date <= due else Status.MET_LATE
    if today > due:
        return Status.LAPSED if parent else Status.OVERDUE
    if today == due:
        return Status.DUE_TODAY
    if (due - today).days <= DUE_SOON_DAYS:
        return Status.DUE_SOON
    return Status.UPCOMING


def weekend_note(rule: Rule, due: date, plan: Plan) -> Note | None:
    """SPEC §3.8: never roll forward, but say what a weekend or holiday due date means.
    The closures that count are those of whoever owes the deadline (SPEC §3.3)."""
    extra, closure = closures_of(rule, plan)
    if daycount.is_business_day(due, extra) or rule.kind is Kind.WINDOW:
        return None
    holiday = daycount.holiday_name(due, extra, closure)
    if rule.owed_by_parent:
        before = daycount.previous_business_day(due, extra)
        return Note(NoteKind.NON_BUSINESS_DUE_PARENT, day=due, name=holiday, other_day=before)
    after = daycount.next_business_day(due, extra)
    return Note(
        NoteKind.NON_BUSINESS_DUE_AGENCY, day=due, name=holiday, who=rule.owed_by, other_day=after
    )


def deadlines_for(plan: Plan, today: date, rules: Sequence[Rule] = ALL_RULES) -> list[Deadline]:
    """Every deadline the plan's events (and the child's age) start, met ones included;
    with the whole catalogue, also the promises recorded on contacts (SPEC §8)."""
    systems = plan_systems(plan)
    index = _EventIndex(plan)
    found: list[Deadline] = []
    for rule in rules:
        if not _applies(rule, plan, systems):
            continue
        triggers = triggers_of(rule, plan, index)
        for i, trigger in enumerate(triggers):
            later = triggers[i + 1] if i + 1 < len(triggers) else None
            found.append(_deadline(rule, trigger, plan, today, later, index))
    if rules is ALL_RULES and index.contact_ids:
        from plancli.commitments import commitment_deadlines  # it imports this module

        found += commitment_deadlines(plan, today)
    return sorted(found, key=lambda d: (d.due, d.rule.id, d.trigger.date))


def _deadline(
    rule: Rule,
    trigger: Trigger,
    plan: Plan,
    today: date,
    later: Trigger | None,
    index: _EventIndex,
) -> Deadline:
    computed = compute_due(rule, plan, trigger.date, trigger.event)
    extension = _extension(rule, trigger, index, later)
    due = computed.due
    notes = list(computed.count.notes)
    if extension is not None:
        until = extension.date_field("until")
        assert until is not None
        kind = NoteKind.EXTENDED
        if until < computed.due:
            # A written extension (e.g. EC 56344(a)) lengthens the time; it cannot shorten it.
            kind = NoteKind.EXTENSION_IGNORED
        notes.append(Note(kind, day=until, other_day=computed.due, name=extension.id))
        if kind is NoteKind.EXTENSION_IGNORED:
            extension = None
        else:
            due = until
    met_by = _met_by(rule, trigger, index, today, due)
    ends = _system_ends(rule, plan)
    if ends is not None and rule.age is None and due >= ends:
        notes.append(Note(NoteKind.AFTER_EARLY_START, day=ends))
    first_early_start = _before_early_start(rule, plan, due, index)
    if first_early_start is not None:
        notes.append(
            Note(NoteKind.BEFORE_EARLY_START, day=first_early_start.date, name=first_early_start.id)
        )
    note = weekend_note(rule, due, plan)
    if note is not None:
        notes.append(note)
    status = status_of(
        due, met_by, today, window=rule.kind is Kind.WINDOW, parent=rule.owed_by_parent
    )
    if first_early_start is not None and met_by is None:
        status = Status.NOT_OWED
    return Deadline(
        rule=rule,
        trigger=trigger,
        computed=computed,
        due=due,
        status=status,
        days_left=(due - today).days,
        met_by=met_by,
        extension=extension,
        notes=tuple(notes),
        ends=ends,
    )


def _before_early_start(rule: Rule, plan: Plan, due: date, index: _EventIndex) -> Event | None:
    """The child's first Early Start event, when an Early Start age-based date falls before
    it: a child referred late is not owed that date as such (34 CFR 303.209(b)(1)(ii)-(iii)
    provide other steps), so it is neither overdue nor listed without --all (SPEC §4)."""
    if rule.age is None or rule.system is not System.EARLY_START:
        return None
    from plancli.rules import EVENT_SYSTEMS

    first = next(
        (e for e in plan.events_by_date() if EVENT_SYSTEMS.get(e.type) is System.EARLY_START),
        None,
    )
    return first if first is not None and due < first.date else None


def complaint_deadline(rule: Rule, due: date) -> date | None:
    """The last day to file the complaint that fits a missed district or regional center
    deadline, one day on the safe side of the law's limit (SPEC §5): a CDE compliance
    complaint within one year (34 CFR 300.153(c)), a DDS Early Start complaint the same
    (17 CCR 52170(c)), an OCR complaint within 180 days (34 CFR 100.7(b)). None for the
    regional center's Lanterman deadlines (no source found for a limit) and for deadlines
    owed by anyone else, and for a promise (SPEC §8: not law, whoever made it)."""
    if rule.kind is Kind.COMMITMENT:
        return None
    match rule.system, rule.owed_by:
        case System.IEP, "district":
            return daycount.add_years(due, 1)
        case System.EARLY_START, "regional center":
            return daycount.add_years(due, 1)
        case System.SECTION_504, "district":
            return due + timedelta(days=180)
    return None


def _system_ends(rule: Rule, plan: Plan) -> date | None:
    """Early Start (Part C) serves children under three: 34 CFR 303.21(a); the 2011 rule's
    preamble: "Part C services end at the child's third birthday" (two State options aside)."""
    if rule.system is System.EARLY_START:
        return daycount.add_years(plan.child.birth_date, 3)
    return None


def select(
    deadlines: Iterable[Deadline],
    today: date,
    *,
    within: int | None = None,
    include_met: bool = False,
    system: System | None = None,
) -> list[Deadline]:
    """The deadlines `plancli deadlines` shows (SPEC §1, §4)."""
    shown = []
    for d in deadlines:
        if system is not None and d.rule.system is not system:
            continue
        if within is not None and (not d.is_open or d.days_left > within):
            continue
        if not include_met and not d.is_open:
            continue
        if not include_met and _moot(d, today):
            continue
        shown.append(d)
    return shown


def _moot(d: Deadline, today: date) -> bool:
    """Past dates that ask nothing more of anyone; `--all` still shows them."""
    if d.status is Status.NOT_OWED:
        return True
    # The child has left Early Start (the third birthday has come).
    if d.ends is not None and today >= d.ends:
        return True
    # An age-based date, or a parent's own limit, over a year past: that stage is over.
    return (d.rule.age is not None or d.rule.owed_by_parent) and d.days_left < -365


def deadline_as_if(
    rule: Rule, plan: Plan, on: date, fields: dict[str, object] | None = None
) -> Computation:
    """The due date if the rule's trigger happened on `on` (a letter delivered that day)."""
    event = Event(
        id="letter",
        type=rule.triggers[0],
        date=on,
        fields={k: v for k, v in (fields or {}).items() if isinstance(v, str | bool | int | date)},
    )
    return compute_due(rule, plan, on, event)


def counted_segments(computation: Computation, start: date) -> list[tuple[date, date]]:
    """The stretches of counted days between `start` and the due date (school-tolled)."""
    segments, first = [], start + timedelta(days=1)
    for pause in computation.count.paused:
        if pause.first > first:
            segments.append((first, pause.first - timedelta(days=1)))
        first = pause.last + timedelta(days=1)
    if first <= computation.due:
        segments.append((first, computation.due))
    return segments
