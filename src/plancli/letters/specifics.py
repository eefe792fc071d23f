"""What one letter computes that no other does, registered under the letter's name.

Every letter gets the plan's values, its `--set` values and, when the catalogue gives it rules,
the date its first rule sets (`counts.letter_response`). A letter that needs more registers one
small function here:

- `@values_for(NAME, ...)`: runs once every value is there; returns more values for the
  templates (`{"followup": Section(...)}`), adds warnings to the draft, or raises LetterError.
- `@addressed_by(NAME)`: for a letter whose recipient depends on its values (missed-deadline);
  runs before the plan's recipient is read, and returns the values and the recipient's kind.

A letter without an entry needs no function; no code elsewhere names a letter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from plancli.deadlines import Deadline, Status, deadlines_for
from plancli.errors import LetterError, suggestion
from plancli.i18n import _
from plancli.letters.counts import law_citation, not_counted, read_deadline_notes, within
from plancli.letters.values import Draft, Section, date_section, first_name
from plancli.rules import AGENCY_OWNERS, EVENT_HAPPENED, RULES_BY_ID, Kind, System

Values = dict[str, Any]
ValuesFor = Callable[[Draft], Values]
AddressedBy = Callable[[Draft], tuple[Values, str]]

VALUES_FOR: dict[str, ValuesFor] = {}
ADDRESSED_BY: dict[str, AddressedBy] = {}


def values_for(*names: str) -> Callable[[ValuesFor], ValuesFor]:
    """Register `function` as what the letters `names` compute once their values are there."""

    def register(function: ValuesFor) -> ValuesFor:
        for name in names:
            VALUES_FOR[name] = function
        return function

    return register


def addressed_by(name: str) -> Callable[[AddressedBy], AddressedBy]:
    """Register `function` as what chooses the recipient of the letter `name`."""

    def register(function: AddressedBy) -> AddressedBy:
        ADDRESSED_BY[name] = function
        return function

    return register


@values_for("iep-partial-consent", "partial-agreement")
def _meeting_has_taken_place(draft: Draft) -> Values:
    """Both letters answer a meeting that has been held: a later date is a typo, probably."""
    meeting, on = draft.values["meeting_date"], draft.on
    if meeting > on:
        draft.warn(
            _(
                "meeting_date {meeting} is after the letter's date ({on}), but the letter is "
                "about a meeting that has taken place: check the dates."
            ).format(meeting=meeting.isoformat(), on=on.isoformat())
        )
    return {}


@values_for("recording-notice")
def _recording_notice(draft: Draft) -> Values:
    """The notice must reach the IEP team 24 hours before the meeting (EC 56341.1(g))."""
    meeting, on = draft.values["meeting_date"], draft.on
    if meeting <= on:
        raise LetterError(
            _(
                "--set meeting_date={meeting} is not after the letter's date ({on}): the notice "
                "must reach the IEP team at least 24 hours before the meeting. Check the meeting "
                "date, or give the letter's date with --date."
            ).format(meeting=meeting.isoformat(), on=on.isoformat())
        )
    if (meeting - on).days == 1:
        draft.warn(
            _(
                "The meeting is the day after this letter: deliver the notice at least 24 "
                "hours before the meeting starts."
            )
        )
    return {}


@values_for("rc-intake-request")
def _assessment_after_intake(draft: Draft) -> Values:
    """`followup`: the assessment period that follows intake (the letter's second rule)."""
    assert draft.letter is not None
    assessment = RULES_BY_ID[draft.letter.rules[1]]
    assert assessment.period is not None
    urgent = [v.period.amount for v in assessment.variants if v.event_flag == "urgent"]
    return {
        "followup": Section(
            "followup",
            {
                "citation": draft.words.citation(assessment.citation),
                "days": assessment.period.amount,
                "urgent_days": urgent[0] if urgent else None,
            },
        )
    }


@values_for("appeal-request")
def _appeal(draft: Draft) -> Values:
    """The notice of action appealed, and the two windows it opened for the parent."""
    plan, on, lang = draft.plan, draft.on, draft.lang
    notices = [e for e in plan.events_by_date() if e.type == "notice-of-action-received"]
    wanted = draft.values.get("notice")
    if wanted is not None:
        chosen = [e for e in notices if e.id == wanted]
        if not chosen:
            raise LetterError(
                _(
                    "--set notice={value}: the plan has no notice-of-action-received event with "
                    "that id.{suggestion} `plancli events` lists the events."
                ).format(value=wanted, suggestion=suggestion(str(wanted), [e.id for e in notices]))
            )
        notice = chosen[0]
    elif notices:
        notice = notices[-1]
    else:
        raise LetterError(
            _(
                "The letter appeal-request needs the notice of action you are appealing: record "
                "it with `plancli add notice-of-action-received DATE --field "
                "effective_date=YYYY-MM-DD` (DATE: the day you received it), then run the "
                "command again. Nothing was written."
            )
        )
    if notice.date > on:
        raise LetterError(
            _(
                "The notice of action {id} is dated {date}, after the letter's date ({on}). "
                "Check the dates, or give --date. Nothing was written."
            ).format(id=notice.id, date=notice.date.isoformat(), on=on.isoformat())
        )
    found = {
        d.rule.id: d
        for d in deadlines_for(plan, on)
        if d.trigger.event_id == notice.id
        and d.rule.id in ("fair-hearing-request", "aid-paid-pending")
    }
    hearing, pending = found["fair-hearing-request"], found["aid-paid-pending"]
    if hearing.due < on:
        draft.warn(
            _(
                "The window to appeal ended on {date} (fair-hearing-request); the letter asks "
                "that the appeal be accepted anyway."
            ).format(date=hearing.due.isoformat())
        )
    wanted_pending = bool(draft.values.get("aid_paid_pending", True))
    keep = wanted_pending and pending.due >= on
    if wanted_pending and pending.due < on:
        draft.warn(
            _(
                "Services continue during an appeal only if it is filed by {date} "
                "(aid-paid-pending); the letter does not ask for it."
            ).format(date=pending.due.isoformat())
        )

    def window(d: Deadline, path: str) -> Section:
        assert d.computed.period is not None
        return Section(
            path,
            {
                "citation": draft.words.citation(d.rule.citation),
                "days": d.computed.period.amount,
                "due": date_section(f"{path}.due", d.due, lang),
                "passed": d.due < on,
                "effective_date_unknown": d.estimated,
            },
        )

    if keep:
        draft.facts["services_continue_by"] = pending.due
    effective = notice.date_field("effective_date")
    return {
        "notice": Section(
            "notice",
            {
                "id": notice.id,
                "date": date_section("notice.date", notice.date, lang),
                "effective_date": date_section("notice.effective_date", effective, lang)
                if effective
                else None,
            },
        ),
        "appeal": Section(
            "appeal",
            {
                "fair_hearing": window(hearing, "appeal.fair_hearing"),
                "aid_paid_pending": window(pending, "appeal.aid_paid_pending"),
                "keep_services": keep,
            },
        ),
    }


@addressed_by("missed-deadline")
def _missed_deadline(draft: Draft) -> tuple[Values, str]:
    """The overdue deadline named by `rule` (and `trigger`), written to whoever owes it."""
    d = _overdue_deadline(draft)
    kind = "district" if d.rule.system in (System.IEP, System.SECTION_504) else "regional center"
    return {"missed": _missed_section(draft, d), "next": _next_step(draft, d)}, kind


def _next_step(draft: Draft, d: Deadline) -> Section:
    """What the family files next if the agency still does not act, and its last day
    (`Deadline.complaint_by`, SPEC §5; None for a regional center: no limit was found)."""
    by = d.complaint_by
    return Section(
        "next",
        {
            "system": str(d.rule.system),
            "by": date_section("next.by", by, draft.lang) if by is not None else None,
        },
    )


@addressed_by("appeal-request")
def _appeal_to_dds(draft: Draft) -> tuple[Values, str]:
    """An appeal goes to DDS, which must receive it (or its postmark) for services to
    continue (Welf. & Inst. Code § 4715(a)); the regional center gets a copy."""
    center = draft.recipient("regional center", required=False)
    return {"copy_to": center}, "dds"


def _overdue_deadline(draft: Draft) -> Deadline:
    plan, on = draft.plan, draft.on
    overdue = [
        d
        for d in deadlines_for(plan, on)
        if d.status is Status.OVERDUE and d.rule.owed_by in AGENCY_OWNERS
    ]
    listing = "; ".join(
        _("{rule} (due {due}, {trigger})").format(
            rule=d.rule.id,
            due=d.due.isoformat(),
            trigger=_("event {id}").format(id=d.trigger.event_id)
            if d.trigger.event_id
            else _("birth date"),
        )
        for d in overdue
    )
    known = (
        _("The overdue deadlines of this plan on {date} are: {listing}.").format(
            date=on.isoformat(), listing=listing
        )
        if overdue
        else _(
            "No deadline of this plan is overdue on {date} (`plancli deadlines` lists them)."
        ).format(date=on.isoformat())
    )
    rule_id = draft.values.get("rule")
    if rule_id is None:
        raise LetterError(
            _(
                "The letter missed-deadline needs the overdue deadline it is about: give it with "
                "--set rule=RULE. {known} Nothing was written."
            ).format(known=known)
        )
    if rule_id not in RULES_BY_ID:
        raise LetterError(
            _("--set rule={value}: there is no such rule.{suggestion} {known}").format(
                value=rule_id, suggestion=suggestion(str(rule_id), list(RULES_BY_ID)), known=known
            )
        )
    matches = [d for d in overdue if d.rule.id == rule_id]
    trigger = draft.values.get("trigger")
    if trigger is not None:
        matches = [d for d in matches if d.trigger.event_id == trigger]
    if not matches:
        what = _("{rule} (event {id})").format(rule=rule_id, id=trigger) if trigger else rule_id
        raise LetterError(
            _(
                "{what} is not an overdue deadline of the district or regional center on {date}. "
                "{known} Nothing was written."
            ).format(what=what, date=on.isoformat(), known=known)
        )
    if len(matches) > 1:
        events = ", ".join(str(d.trigger.event_id) for d in matches)
        raise LetterError(
            _(
                "{rule} is overdue more than once (events {events}): say which with "
                "--set trigger=EVENT_ID. Nothing was written."
            ).format(rule=rule_id, events=events)
        )
    d = matches[0]
    if d.estimated:  # an estimate (no school calendar, ...) may be earlier than the law's date
        notes = read_deadline_notes(d.notes).text
        raise LetterError(
            _(
                "The {rule} date ({due}) is estimated, so plancli cannot say for sure that it "
                "has passed: {notes}. Nothing was written."
            ).format(rule=rule_id, due=d.due.isoformat(), notes=notes)
        )
    return d


def _missed_section(draft: Draft, d: Deadline) -> Section:
    lang, words, child = draft.lang, draft.words, first_name(draft.plan.child.name)
    rule = d.rule
    action = (
        rule.missed_action.words(lang, child=child)
        if rule.missed_action is not None
        else words.unnamed_action(rule.title)
    )
    values: dict[str, Any] = {
        "rule": rule.id,
        "action": action,
        "citation": words.citation(law_citation(rule)),
        "guideline": rule.kind is Kind.GUIDELINE,
        "due": date_section("missed.due", d.due, lang),
        "days_late": words.days_ago((draft.on - d.due).days),
        "agreed": d.extension is not None,
        "law_due": date_section("missed.law_due", d.computed.due, lang),
        "age": rule.age is not None,
        "not_counted": not_counted(d.computed.count, draft.plan, words),
    }
    if rule.age is not None:
        values["when"] = words.age(rule.age, child)
    else:
        period = d.computed.period
        assert period is not None
        event_type = d.trigger.type
        happened = EVENT_HAPPENED.get(event_type)
        values["trigger_date"] = date_section("missed.trigger_date", d.trigger.date, lang)
        values["trigger_text"] = (
            happened.words(lang, child=child)
            if happened is not None
            else words.unnamed_event(event_type)
        )
        values["days"] = period.amount
        values["within"] = within(
            rule, period, d.computed.due, d.trigger.date, draft.plan, words, "trigger"
        )
    return Section("missed", values)


# The filings of SPEC §6.2: one shared computation (`letters.filings`), registered for each
# filing by its name as `rules.filings` lists them, so no code here names one.
def _register_filings() -> None:
    from plancli.letters.filings import filing_party, filing_values
    from plancli.rules.filings import FILINGS

    for filing in FILINGS:
        values_for(filing.id)(filing_values)
        addressed_by(filing.id)(filing_party)


_register_filings()
