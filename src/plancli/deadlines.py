"""Events × rules × calendar → deadlines (SPEC §3–§4). Pure: `today` is always an argument."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from plancli import daycount
from plancli.daycount import Count, Counting, SchoolCalendar
from plancli.errors import PlancliError
from plancli.model import Event, Plan
from plancli.rules import (
    ALL_RULES,
    BIRTH_DATE,
    EXTENSION_EVENT,
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


@dataclass(frozen=True, slots=True)
class Computation:
    """A due date and how it was reached, before status and extensions."""

    due: date
    period: Period | None
    count: Count
    steps: tuple[str, ...]  # plain-language account of every choice made, for `explain`


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
    notes: tuple[str, ...]
    # The day the child leaves this system, if it has one (Early Start: the third birthday).
    ends: date | None = None

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


def count_period(period: Period, start: date, calendar: SchoolCalendar | None) -> Count:
    """Count `period` from `start` (day 0) with the plan's school calendar.

    A count that would end near the end of the calendar (year 9999: `--date 9999-12-31`) is a
    PlancliError with a message, never an OverflowError.
    """
    try:
        count = _count_period(period, start, calendar)
    except (OverflowError, ValueError):
        count = None
    if count is None or count.due.year > LAST_YEAR:
        raise PlancliError(
            f"Counting {period} from {start.isoformat()} goes past the year {LAST_YEAR}; "
            "give a date between 1900 and 2199."
        )
    return count


LAST_YEAR = 9990  # leaves room for the next business day and other steps after a due date


def _count_period(period: Period, start: date, calendar: SchoolCalendar | None) -> Count:
    n = period.amount
    extra = calendar.holidays if calendar is not None else frozenset()
    match period.counting:
        case Counting.CALENDAR:
            return daycount.add_calendar_days(start, n)
        case Counting.BUSINESS:
            return daycount.add_business_days(start, n, extra)
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
    steps = [
        f"Day 0 is {trigger_date.isoformat()} ({_trigger_label(event)}); counting starts "
        "the next day."
    ]
    if variant_when:
        steps.append(f"Period: {period}, because {variant_when}.")
    else:
        steps.append(f"Period: {period} ({period.counting} counting).")
    count = count_period(period, trigger_date, plan.calendar)
    end_of_year = _end_of_year(rule, plan, trigger_date, event, count)
    if end_of_year is not None:
        count, eoy_steps = end_of_year
        steps += eoy_steps
    if period.cap_field:
        count, cap_steps = _apply_cap(period, count, event)
        steps += cap_steps
    return Computation(count.due, period, count, tuple(steps))


def _trigger_label(event: Event | None) -> str:
    return "birth date" if event is None else f"{event.type}, event {event.id}"


def _age_based(rule: Rule, plan: Plan) -> Computation:
    age = rule.age
    assert age is not None
    birth = plan.child.birth_date
    birthday = daycount.add_years(birth, age.years)
    due = daycount.add_months(birthday, -age.months_before) - timedelta(days=age.days_before)
    steps = [f"Born {birth.isoformat()}: birthday number {age.years} is {birthday.isoformat()}."]
    if age.months_before or age.days_before:
        steps.append(f"{age} = {due.isoformat()}.")
    return Computation(due, None, Count(due), tuple(steps))


def _apply_cap(period: Period, count: Count, event: Event | None) -> tuple[Count, list[str]]:
    """'… but no later than the effective date' (WIC 4715(a))."""
    assert period.cap_field is not None
    cap = event.date_field(period.cap_field) if event is not None else None
    if cap is None:
        note = (
            f"estimated: the event has no {period.cap_field}; the deadline is the earlier of "
            f"{count.due.isoformat()} and the {period.cap_field} of the action — add it with "
            f"`--field {period.cap_field}=YYYY-MM-DD`"
        )
        return replace(count, estimated=True, notes=(*count.notes, note)), []
    if cap < count.due:
        step = (
            f"The {period.cap_field} {cap.isoformat()} comes first, so it is the due date "
            f"(instead of {count.due.isoformat()})."
        )
        return replace(count, due=cap), [step]
    return count, [
        f"The {period.cap_field} {cap.isoformat()} is later, so it does not change the date."
    ]


def _end_of_year(
    rule: Rule, plan: Plan, trigger_date: date, event: Event | None, count: Count
) -> tuple[Count, list[str]] | None:
    """EC 56321(a) / 56344(a): a referral near the end of the school year (SPEC §3.4)."""
    eoy, calendar = rule.end_of_year, plan.calendar
    if eoy is None or calendar is None or not calendar.years:
        return None
    referral = trigger_date
    if eoy.referral_type is not None:
        earlier = [e for e in plan.events if e.type == eoy.referral_type and e.date <= trigger_date]
        if not earlier:
            return None
        referral = max(earlier, key=lambda e: e.date).date
    year = calendar.year_containing(referral)
    if year is None or (year.last_day - referral).days > eoy.within:
        return None
    before = (year.last_day - referral).days
    why = (
        f"The referral on {referral.isoformat()} was {before} days before the last day of the "
        f"{year.label} school year ({year.last_day.isoformat()}), within {eoy.within} days."
    )
    following = calendar.year_after(year)
    if following is None:
        label = daycount.school_year_label(year.first_day.year + 1)
        note = (
            f"estimated: {why[:-1]}, so the end-of-year rule applies ({eoy.days} days after "
            f"the first day of the {label} school year), but the plan's calendar has no "
            f"{label} school year; add it to get the date"
        )
        return replace(count, estimated=True, notes=(*count.notes, note)), []
    if eoy.consent_before_next_year and trigger_date >= following.first_day:
        return None
    due = following.first_day + timedelta(days=eoy.days)
    steps = [
        why,
        f"End-of-year rule: due {eoy.days} days after the first day of the "
        f"{following.label} school year ({following.first_day.isoformat()}): "
        f"{due.isoformat()}.",
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

    def of(self, types: Iterable[str]) -> list[Event]:
        found = [e for t in types for e in self.by_type.get(t, ())]
        return sorted(found, key=lambda e: e.date) if len(set(types)) > 1 else found


def triggers_of(rule: Rule, plan: Plan, index: _EventIndex | None = None) -> list[Trigger]:
    if rule.age is not None:
        return [Trigger(None, BIRTH_DATE, plan.child.birth_date)]
    index = index or _EventIndex(plan)
    return [Trigger(e, e.type, e.date) for e in index.of(rule.triggers)]


def _met_by(rule: Rule, trigger: Trigger, index: _EventIndex, today: date) -> Event | None:
    """The first event of a 'met by' type on or after the trigger (recurring: strictly after).

    An event dated after today has not happened: a meeting recorded ahead of time does not
    meet a deadline until its day comes (`--today` moves that day for "what if" questions).
    """
    for e in index.of(rule.met_by):
        if e is trigger.event or e.date < trigger.date or e.date > today:
            continue
        if rule.recurring and e.type in rule.triggers and e.date <= trigger.date:
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


def status_of(due: date, met_by: Event | None, today: date, *, window: bool = False) -> Status:
    """SPEC §4. A window (the parent's minimum time) is met whenever the parent acts."""
    if met_by is not None:
        return Status.MET if window or met_by.date <= due else Status.MET_LATE
    if today > due:
        return Status.OVERDUE
    if today == due:
        return Status.DUE_TODAY
    if (due - today).days <= DUE_SOON_DAYS:
        return Status.DUE_SOON
    return Status.UPCOMING


def weekend_note(rule: Rule, due: date, calendar: SchoolCalendar | None) -> str | None:
    """SPEC §3.8: never roll forward, but say what a weekend or holiday due date means."""
    extra = calendar.holidays if calendar is not None else frozenset()
    if daycount.is_business_day(due, extra) or rule.kind is Kind.WINDOW:
        return None
    holiday = daycount.holiday_name(due, extra)
    weekday = due.strftime("%A")
    day = (
        f"{due.isoformat()} is {holiday} ({weekday})"
        if holiday
        else (f"{due.isoformat()} is a {weekday}")
    )
    if rule.owed_by_parent:
        before = daycount.previous_business_day(due, extra)
        return (
            f"{day}; plancli does not move the date: to be safe, act by the previous "
            f"business day, {before.isoformat()}"
        )
    after = daycount.next_business_day(due, extra)
    return (
        f"{day}; plancli does not move the date, but the {rule.owed_by} may argue that "
        f"Code Civ. Proc. § 12a extends it to the next business day, {after.isoformat()}"
    )


def deadlines_for(plan: Plan, today: date, rules: Sequence[Rule] = ALL_RULES) -> list[Deadline]:
    """Every deadline the plan's events (and the child's age) start, met ones included."""
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
        if until < computed.due:
            # A written extension (e.g. EC 56344(a)) lengthens the time; it cannot shorten it.
            notes.append(
                f"extension-agreed event {extension.id} gives {until.isoformat()}, earlier than "
                f"the law's date {computed.due.isoformat()}; an extension can only add time, so "
                "plancli ignores it: check its `until` date"
            )
            extension = None
        else:
            due = until
            notes.append(
                f"extended to {until.isoformat()} by agreement (event {extension.id}); "
                f"the law's date was {computed.due.isoformat()}"
            )
    met_by = _met_by(rule, trigger, index, today)
    ends = _system_ends(rule, plan)
    if ends is not None and rule.age is None and due >= ends:
        notes.append(
            f"Early Start ends at the third birthday ({ends.isoformat()}; 34 CFR 303.21(a)): "
            "this date falls on or after it, so it applies only if Early Start services go on "
            "past age three"
        )
    note = weekend_note(rule, due, plan.calendar)
    if note is not None:
        notes.append(note)
    return Deadline(
        rule=rule,
        trigger=trigger,
        computed=computed,
        due=due,
        status=status_of(due, met_by, today, window=rule.kind is Kind.WINDOW),
        days_left=(due - today).days,
        met_by=met_by,
        extension=extension,
        notes=tuple(notes),
        ends=ends,
    )


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
