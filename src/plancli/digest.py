"""The `plancli remind` digest: plain text for cron mail (SPEC §1, issue 4). Pure: no I/O.

Overdue deadlines first, then those due within the window, each with its date, what is owed,
who owes it, the law, and the next step as a command to copy. When nothing is overdue or due
within the window the digest is the empty string, so cron (which mails only non-empty output)
sends nothing. The format is stable plain text: no colour, no terminal width.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from plancli.deadlines import Deadline, Status, select
from plancli.i18n import N_, _, ngettext
from plancli.model import Plan
from plancli.report import law_text, printable
from plancli.rules import AGENCY_OWNERS, Kind
from plancli.wording import estimate_fix, estimate_fix_commands, owner_label, shown_note

LANTERMAN_APPEALS = frozenset({"fair-hearing-request", "aid-paid-pending"})

DISCLAIMER = N_(
    "Not legal advice: each date comes from the law named with it.\n"
    "`plancli explain ID` shows how a date was counted, day by day."
)


@dataclass(frozen=True, slots=True)
class PlanDeadlines:
    """One plan's deadlines (all of them, met ones included) and how to name the plan.

    `plan_arg` is the `--plan` value that commands shown to the user must carry (None when
    the plan is the default one); `path` is the file as given, shown in caseload mode.
    """

    plan: Plan
    path: str
    deadlines: Sequence[Deadline]
    plan_arg: str | None = None


@dataclass(frozen=True, slots=True)
class Due:
    """One deadline in the digest, with the plan it belongs to."""

    deadline: Deadline
    source: PlanDeadlines


def due_items(plans: Sequence[PlanDeadlines], today: date, within: int) -> list[Due]:
    """Open deadlines due within `within` days, overdue included: overdue first, then by date.

    The same selection as `plancli deadlines --within DAYS` (age-based dates more than a
    year past are left out: the child has left that stage).
    """
    items = [
        Due(d, source) for source in plans for d in select(source.deadlines, today, within=within)
    ]
    items.sort(
        key=lambda item: (
            item.deadline.status is not Status.OVERDUE,
            item.deadline.due,
            item.source.plan.child.name,
            item.source.path,
            item.deadline.rule.id,
            item.deadline.trigger.date,
        )
    )
    return items


def digest_text(
    plans: Sequence[PlanDeadlines], today: date, within: int, *, caseload: bool = False
) -> str:
    """The whole digest, or "" when nothing is overdue or due within `within` days."""
    items = due_items(plans, today, within)
    if not items:
        return ""
    overdue = [i for i in items if i.deadline.status is Status.OVERDUE]
    upcoming = [i for i in items if i.deadline.status is not Status.OVERDUE]
    window = (
        ngettext("due within {n} day", "due within {n} days", within).format(n=within)
        if within
        else _("due today")
    )
    counts = ngettext("{n} overdue", "{n} overdue", len(overdue)).format(n=len(overdue))
    when = (
        ngettext("within {n} day", "within {n} days", within).format(n=within)
        if within
        else _("today")
    )
    counts += ", " + ngettext("{n} due {when}", "{n} due {when}", len(upcoming)).format(
        n=len(upcoming), when=when
    )
    if caseload:
        children = len({(i.source.path, i.source.plan.child.name) for i in items})
        counts += " " + ngettext("({n} child)", "({n} children)", children).format(n=children)
    if not caseload and len(plans) == 1:
        headline = _("plancli reminder for {name}, {date}: {counts}.").format(
            name=plans[0].plan.child.name, date=today.isoformat(), counts=counts
        )
    else:
        headline = _("plancli reminder, {date}: {counts}.").format(
            date=today.isoformat(), counts=counts
        )
    lines = [headline]
    for heading, group in ((_("OVERDUE"), overdue), (window.upper(), upcoming)):
        if not group:
            continue
        lines += ["", heading]
        for item in group:
            lines += item_lines(item, caseload=caseload)
    lines += ["", _(DISCLAIMER)]
    return "\n".join(lines) + "\n"


def item_lines(item: Due, *, caseload: bool) -> list[str]:
    """One deadline of the digest: a headline and indented details."""
    d, source = item.deadline, item.source
    title = _(d.rule.title) + (" " + _("(estimated)") if d.estimated else "")
    if d.rule.kind is Kind.COMMITMENT:
        title = _("Promise: {what}").format(what=d.rule.title)
    lines = [f"- {d.due.isoformat()} ({when_text(d)}): {title}"]
    if caseload:
        lines.append(
            "  "
            + _("Child: {name} (plan: {plan})").format(
                name=source.plan.child.name, plan=printable(source.path)
            )
        )
    lines.append("  " + _("Owed by: {owner}").format(owner=owner_label(d.rule.owed_by)))
    lines.append("  " + _("Law: {citation}").format(citation=law_text(d.rule)))
    if d.trigger.event is not None:
        lines.append(
            "  "
            + _("Started by: {type} on {date} (event {id})").format(
                type=d.trigger.type, date=d.trigger.date.isoformat(), id=d.trigger.event_id
            )
        )
    else:
        lines.append(
            "  "
            + _("Counted from: the birth date ({date})").format(date=d.trigger.date.isoformat())
        )
    step, commands = next_step(d, several=several_of_rule(d, source))
    lines.append("  " + _("Next step: {step}").format(step=step))
    lines += [f"    {with_plan(c, source.plan_arg)}" for c in commands]
    explain = with_plan(f"plancli explain {d.id}", source.plan_arg)
    lines.append("  " + _("How it was counted: {command}").format(command=explain))
    lines += ["  " + _("Note: {note}").format(note=shown_note(note)) for note in d.notes]
    return lines


def when_text(d: Deadline) -> str:
    if d.days_left < 0:
        late = -d.days_left
        return ngettext("{n} day late", "{n} days late", late).format(n=late)
    if d.days_left == 0:
        return _("due today")
    return ngettext("in {n} day", "in {n} days", d.days_left).format(n=d.days_left)


# What the user types in place of a date in a printed command ("AAAA-MM-DD" in Spanish).
DATE_PLACEHOLDER = N_("YYYY-MM-DD")


def next_step(d: Deadline, *, several: bool = False) -> tuple[str, list[str]]:
    """What to do about a deadline now: a sentence and the plancli commands that help.

    Commands are printed for the user to run; `YYYY-MM-DD` and `<...>` are for them to fill
    in. The letter commands follow SPEC §6 (`plancli letter NAME --set KEY=VALUE`).
    """
    rule, due = d.rule, d.due.isoformat()
    overdue = d.status is Status.OVERDUE
    if rule.kind is Kind.COMMITMENT:
        return promise_step(d)
    record = [f"plancli add {rule.met_by[0]} {_(DATE_PLACEHOLDER)}"] if rule.met_by else []
    if rule.kind is Kind.WINDOW:
        return (
            _("nothing may be required of you before {due}; when you act, record it:").format(
                due=due
            ),
            record,
        )
    if rule.owed_by_parent:
        if overdue:
            return (
                _(
                    "this date has passed. If you already did it, record it; if not, ask an "
                    "advocate or a lawyer now what options are left:"
                ),
                record,
            )
        if rule.id in LANTERMAN_APPEALS:
            notice = f" --set notice={d.trigger.event_id}" if d.trigger.event_id else ""
            what = (
                _("file your appeal")
                if rule.id == "fair-hearing-request"
                else _("file your appeal to keep current services during the appeal")
            )
            return (
                _("{what} by {due}, then record it:").format(what=what, due=due),
                [
                    f"plancli letter appeal-request{notice} "
                    + _("--set 'action=<the action you disagree with>'"),
                    *record,
                ],
            )
        what = _(PARENT_STEPS.get(rule.id, N_("act")))
        return _("{what} by {due}, then record it:").format(what=what, due=due), record
    if not overdue:
        if record:
            return _("expect it by {due}; when it happens, record it:").format(due=due), record
        return _("check that it is done by {due} (no event records it).").format(due=due), []
    if rule.owed_by in AGENCY_OWNERS:  # a letter can hold them to it
        letter = f"plancli letter missed-deadline --set rule={rule.id}"
        if several and d.trigger.event_id:
            letter += f" --set trigger={d.trigger.event_id}"
        if d.estimated:  # the letter refuses an estimate: it may be earlier than the law's date
            text = (
                _(
                    "this date is estimated, so it may not have passed yet. First make it "
                    "exact: {fix}. Then, if it is still overdue, ask in writing, citing the law "
                    "(if it did happen, record it instead):"
                )
                if record
                else _(
                    "this date is estimated, so it may not have passed yet. First make it "
                    "exact: {fix}. Then, if it is still overdue, ask in writing, citing the law:"
                )
            )
            return text.format(fix=exact_fix(d)), [*fix_commands(d), letter, *record]
        if record:
            return _("ask in writing, citing the law (if it did happen, record it instead):"), [
                letter,
                *record,
            ]
        return _("ask in writing, citing the law:"), [letter]
    owner = owner_label(rule.owed_by)
    if record:
        return _("ask the {owner} in writing when it will act (if it did, record it).").format(
            owner=owner
        ), record
    return _("ask the {owner} in writing when it will act.").format(owner=owner), record


def promise_step(d: Deadline) -> tuple[str, list[str]]:
    """A promise (SPEC §8): remind the person who made it, and record the answer so that it
    keeps the promise (`answers` names the contact)."""
    record = [
        f"plancli add contact {_(DATE_PLACEHOLDER)} --field answers={d.trigger.event_id} "
        + _("--field 'summary=<what happened>'")
    ]
    if d.status is Status.OVERDUE:
        step = _(
            "{who} promised this by {due}. Ask in writing when it will be done (a promise is "
            "not law, but it belongs in the record); when it is done, record it:"
        )
    else:
        step = _("{who} promised this by {due}; when it is done, record it:")
    return step.format(who=d.rule.owed_by, due=d.due.isoformat()), record


def exact_fix(d: Deadline) -> str:
    """What to add to the plan to make an estimated date exact, as its notes say."""
    fixes: list[str] = []
    for note in d.notes:
        fix = estimate_fix(note)
        if fix is not None and fix not in fixes:
            fixes.append(fix)
    return _(" and ").join(fixes) or _("add what the note below says the count needs")


PARENT_STEPS = {
    "court-appeal": N_("file the appeal in state or federal court (a lawyer can help)"),
    "due-process-time-limit": N_(
        "file for a due process hearing with the Office of Administrative Hearings (OAH)"
    ),
    "ocr-complaint": N_(
        "file a discrimination complaint with the U.S. Department of "
        "Education's Office for Civil Rights (OCR)"
    ),
}


def fix_commands(d: Deadline) -> list[str]:
    """The commands `exact_fix` points to ("below"), each once, before the letter's."""
    commands: list[str] = []
    for note in d.notes:
        commands += [c for c in estimate_fix_commands(note) if c not in commands]
    return commands


def several_of_rule(d: Deadline, source: PlanDeadlines) -> bool:
    """Does the plan have more than one deadline of this rule (so a letter must pick one)?"""
    return sum(1 for other in source.deadlines if other.rule is d.rule) > 1


def with_plan(command: str, plan_arg: str | None) -> str:
    if plan_arg is None:
        return command
    return f"{command} --plan {shlex.quote(printable(plan_arg))}"
