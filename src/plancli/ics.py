"""`plancli export ics`: open deadlines as an RFC 5545 calendar (issue 4). Pure: returns bytes.

One all-day VEVENT per open deadline, on its due date. A deadline met in the last 90 days goes
out once more with its same UID and STATUS:CANCELLED, so that a calendar that imported the
reminder earlier drops it (SPEC §1); older met deadlines are left out. The `icalendar` library
is imported inside `calendar_bytes`, so commands that do not export do not pay for it at
start-up.

Stable UIDs: a UID is derived only from data that does not change when the plan grows or a
date moves — a hash of the child (name and birth date, hashed: no personal data in the UID),
the rule id and the trigger event id (or "birth-date" for age-based rules) — never from the
due date or the position in the list. Re-importing after adding events, after an extension or
after adding the school calendar therefore updates the same event instead of adding another.

Revisions: DTSTAMP is the moment of the export, passed in by the caller (the `--today` date at
00:00 UTC, so that output is reproducible, or the clock read once by the CLI). SEQUENCE is that
moment's day number counted from 2000-01-01: a later export always carries a higher SEQUENCE,
so calendars that compare sequence numbers take the newer version, and the same export on the
same day gives byte-identical output.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from plancli import report
from plancli.deadlines import Deadline, Status, select
from plancli.digest import PlanDeadlines, next_step, several_of_rule, with_plan
from plancli.i18n import _, ngettext
from plancli.model import Plan
from plancli.rules import BIRTH_DATE, Kind

DEFAULT_ALARMS = (7, 1)  # days before the due date
PRODID = "-//plancli//plancli deadlines//EN"
UID_DOMAIN = "plancli"
SEQUENCE_EPOCH = date(2000, 1, 1)


def plan_key(plan: Plan) -> str:
    """A stable, non-identifying key for a child: sha256 of the normalized name + birth date.

    Stays the same when the file is moved or renamed and when events are added; changes if
    the child's name or birth date is corrected in the plan.
    """
    name = " ".join(unicodedata.normalize("NFC", plan.child.name).casefold().split())
    text = f"{name}\x1f{plan.child.birth_date.isoformat()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_uid(key: str, d: Deadline) -> str:
    """The VEVENT UID of one deadline: from the child, the rule and the trigger event only."""
    trigger = d.trigger.event_id or BIRTH_DATE
    digest = hashlib.sha256(f"{key}\x1f{d.rule.id}\x1f{trigger}".encode()).hexdigest()
    return f"{digest[:32]}@{UID_DOMAIN}"


def summary(d: Deadline, child: str) -> str:
    """A title a person understands, with the child's name (always: calendars mix sources)."""
    title = _(d.rule.title)
    if d.met_by is not None:
        return _("Done: {title} ({child})").format(title=title, child=child)
    if d.rule.kind is Kind.COMMITMENT:
        prefix = _("Promised by {who}").format(who=d.rule.owed_by)
        if d.status is Status.OVERDUE:
            prefix = _("Overdue promise of {who}").format(who=d.rule.owed_by)
    elif d.rule.kind is Kind.WINDOW:
        prefix = _("Window ends")
    elif d.rule.owed_by_parent:
        prefix = _("Date passed") if d.status is Status.OVERDUE else _("Your deadline")
    else:
        prefix = _("Overdue") if d.status is Status.OVERDUE else _("Due")
    if d.estimated:
        prefix += " " + _("(estimated)")
    return f"{prefix}: {title} ({child})"


def description(d: Deadline, source: PlanDeadlines, *, caseload: bool) -> str:
    """The counting, the law and the source address (as `plancli explain`), and what to do;
    no status or days left, which would be out of date the day after the export."""
    step, commands = next_step(d, several=several_of_rule(d, source))
    lines = []
    if caseload:
        lines.append(
            _("Child: {name} (plan: {plan})").format(
                name=source.plan.child.name, plan=report.printable(source.path)
            )
        )
    if d.estimated:
        lines.append(
            _(
                "This date is estimated: the plan lacks something the count needs "
                "(see the notes below for what to add)."
            )
        )
    lines.append(_("Next step: {step}").format(step=step))
    lines += [f"  {with_plan(command, source.plan_arg)}" for command in commands]
    lines.append("")
    # Without the status ("upcoming, 8 days left"): a calendar shows the description for weeks
    # after the export, so it says nothing relative to the day of the export.
    lines += report.deadline_lines(d, source.plan, with_status=False)
    explain = with_plan(f"plancli explain {d.id}", source.plan_arg)
    lines += ["", _("Run `{command}` for the same explanation.").format(command=explain)]
    if d.rule.kind is Kind.COMMITMENT:
        lines.append(_("A promise recorded in the plan, not a legal deadline."))
    else:
        lines.append(_("Not legal advice: the date comes from the law named above."))
    return "\n".join(lines)


CANCEL_DAYS = 90  # a deadline met this recently goes out once more, as cancelled (SPEC §1)


def open_deadlines(source: PlanDeadlines, today: date) -> list[Deadline]:
    """What goes in the calendar: open deadlines, as `plancli deadlines` lists them."""
    return select(source.deadlines, today)


def recently_met(source: PlanDeadlines, today: date) -> list[Deadline]:
    """Deadlines met in the last 90 days: exported with their same UID and STATUS:CANCELLED,
    so a calendar that imported the reminder before drops it instead of keeping it."""
    return [
        d
        for d in source.deadlines
        if d.met_on is not None and 0 <= (today - d.met_on).days <= CANCEL_DAYS
    ]


def event_counts(plans: Sequence[PlanDeadlines], today: date) -> tuple[int, int]:
    """How many events `calendar_bytes` writes: (open deadlines, cancellations of deadlines met
    in the last CANCEL_DAYS days), so the command can say what the file holds."""
    return (
        sum(len(open_deadlines(source, today)) for source in plans),
        sum(len(recently_met(source, today)) for source in plans),
    )


def calendar_bytes(
    plans: Sequence[PlanDeadlines],
    today: date,
    *,
    stamp: datetime,
    alarms: Sequence[int] = DEFAULT_ALARMS,
    caseload: bool = False,
    name: str = "plancli deadlines",
) -> bytes:
    """The calendar of every open deadline of `plans`, as RFC 5545 text (CRLF lines).

    `stamp` (timezone-aware) is the DTSTAMP of every event. An alarm `n` days before is
    left out when that day is already past (it would fire at once on import).
    """
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    sequence = (stamp.date() - SEQUENCE_EPOCH).days
    entries = []
    for source, key in zip(plans, _plan_keys(plans), strict=True):
        shown = [*open_deadlines(source, today), *recently_met(source, today)]
        entries += [(event_uid(key, d), d, source) for d in shown]
    entries.sort(key=lambda entry: (entry[1].due, entry[0]))
    labels = report.child_labels((p.plan.child.name, p.path) for p in plans)
    for uid, d, source in entries:
        event = Event()
        title = summary(d, labels[source.plan.child.name, source.path])
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("sequence", max(sequence, 0))
        event.add("dtstart", d.due)
        event.add("dtend", d.due + timedelta(days=1))
        event.add("summary", title)
        event.add("description", description(d, source, caseload=caseload))
        if d.rule.sources:  # a promise (SPEC §8) has none
            event.add("url", d.rule.sources[0].url)
        event.add("categories", ["plancli", str(d.rule.system)])
        cancelled = d.met_on is not None
        if cancelled:
            event.add("status", "CANCELLED")
        else:
            event.add("status", "TENTATIVE" if d.estimated else "CONFIRMED")
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        event.add("class", "PRIVATE")  # about a child's disability
        for days in sorted(set(alarms), reverse=True) if not cancelled else ():
            if days > (d.due - today).days:  # not `due - days`: --alarm 10**9 is past year 1
                continue
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{_in_days(days)}: {title}")
            alarm.add("trigger", timedelta(days=-days))
            event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _plan_keys(plans: Sequence[PlanDeadlines]) -> list[str]:
    """plan_key of each plan; two files for the same child also get their path mixed in."""
    keys = [plan_key(p.plan) for p in plans]
    seen = Counter(keys)
    return [
        hashlib.sha256(f"{key}\x1f{p.path}".encode("utf-8", "surrogatepass")).hexdigest()
        if seen[key] > 1
        else key
        for key, p in zip(keys, plans, strict=True)
    ]


def _in_days(days: int) -> str:
    if days == 0:
        return _("Today")
    if days == 1:
        return _("Tomorrow")
    return ngettext("In {n} day", "In {n} days", days).format(n=days)
