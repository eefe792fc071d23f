"""What every filing of SPEC §6.2 computes: its allegations from the plan's violations.

One function serves the six filings; what differs between them is data (`rules.filings`: the
system, the agency, the time limit, the rule that times the agency's decision). A filing
alleges the plan's `overdue` and `met-late` deadlines of its system owed by the agency it is
about (`chronology.build_record`, the engine's `status`, `days_late` and `met_on`), those
inside its time limit on the filing's date; older ones are left out and named in one warning.
The filing's own last day is counted from the oldest violation it alleges
(`rules.filings.last_day`). Pure: the filing's date is the letter's date.
"""

from __future__ import annotations

from typing import Any

from plancli.chronology import Violation, build_record, letter_events, translated
from plancli.deadlines import deadline_as_if, deadlines_for
from plancli.errors import LetterError
from plancli.i18n import _
from plancli.letters.counts import law_citation, within
from plancli.letters.values import Draft, Section, date_section, first_name
from plancli.rules import EVENT_HAPPENED, RULES_BY_ID, Kind, System
from plancli.rules import filings as law
from plancli.rules.agencies import Agency

Values = dict[str, Any]


def party_of(system: System) -> str:
    """Who a filing about `system` is about: the district, or the regional center."""
    return "district" if system in (System.IEP, System.SECTION_504) else "regional center"


def filing_party(draft: Draft) -> tuple[Values, str]:
    """`@addressed_by` of every filing: the agency the filing is about is the letter's
    recipient (its address is checked, and an adult's signer is checked against it); the
    body that takes the filing is `addressee`."""
    filing = law.FILINGS_BY_ID[draft.name]
    return {}, party_of(filing.system)


def filing_values(draft: Draft) -> Values:
    """`@values_for` of every filing: allegations, the last day, the agency's time to decide,
    where to send it and what to attach. Raises LetterError when nothing can be alleged."""
    filing = law.FILINGS_BY_ID[draft.name]
    inside, outside = _violations(draft, filing)
    if outside:
        draft.warn(_left_out(filing, outside, draft))
    facts = draft.values.get("facts")
    if not inside and not facts:
        raise LetterError(_nothing_to_allege(filing, outside, draft))
    if not inside and filing.time_limit is not None:
        draft.warn(
            _(
                "The {name} has no missed deadline inside its time limit, so it states only "
                "the facts you gave with --set facts; plancli cannot check that they are "
                "within the time limit ({citation}): check the dates yourself."
            ).format(name=draft.name, citation=filing.time_limit.citation)
        )
    return {
        "filing": Section(
            "filing",
            {
                "allegations": [_allegation(draft, v, n) for n, v in enumerate(inside, 1)],
                "limit": _limit(draft, filing, inside),
                "decisions": _decisions(draft),
                "attachments": _attachments(draft, inside),
                "copy_to": filing.copy_to,
            },
        ),
        "addressee": _addressee(draft, filing.agency),
    }


def _violations(draft: Draft, filing: law.Filing) -> tuple[list[Violation], list[Violation]]:
    """The violations of the filing's system, inside and outside its time limit. An estimated
    date is left out with a warning: plancli cannot say for sure that it has passed."""
    record = build_record(draft.plan, deadlines_for(draft.plan, draft.on), draft.on)
    inside: list[Violation] = []
    outside: list[Violation] = []
    for violation in record.violations:
        d = violation.deadline
        if d.rule.system is not filing.system:
            continue
        if d.estimated:
            draft.warn(
                _(
                    "The {rule} date ({due}) is estimated, so the filing does not allege it. "
                    "For an exact date, add the district's school calendar: `plancli calendar "
                    "import FILE.ics` (its calendar feed), or `plancli calendar add-year FIRST "
                    "LAST` and `plancli calendar add-break NAME FIRST LAST`."
                ).format(rule=d.rule.id, due=d.due.isoformat())
            )
            continue
        fits = law.within_time_limit(filing, d.due, draft.on)
        (inside if fits else outside).append(violation)
    return inside, outside


def _left_out(filing: law.Filing, outside: list[Violation], draft: Draft) -> str:
    assert filing.time_limit is not None
    listed = "; ".join(f"{v.deadline.rule.id} (due {v.deadline.due.isoformat()})" for v in outside)
    earliest = law.earliest_allowed(filing, draft.on)
    assert earliest is not None
    return _(
        "Left out of the {name}, because the deadline passed before {earliest}, outside the "
        "filing's time limit ({citation}): {listed}. They stay in the chronology; ask an "
        "advocate whether another remedy reaches them."
    ).format(
        name=draft.name,
        earliest=earliest.isoformat(),
        citation=filing.time_limit.citation,
        listed=listed,
    )


def _nothing_to_allege(filing: law.Filing, outside: list[Violation], draft: Draft) -> str:
    system = str(filing.system)
    if outside:
        why = _(
            "every missed deadline of the {system} system passed outside the filing's time "
            "limit ({citation})"
        ).format(system=system, citation=filing.time_limit.citation if filing.time_limit else "")
    else:
        why = _(
            "the plan has no deadline of the {system} system owed by the {party} that is "
            "overdue or was met late on {date}"
        ).format(
            system=system,
            party=_("district") if party_of(filing.system) == "district" else _("regional center"),
            date=draft.on.isoformat(),
        )
    return _(
        "The {name} has nothing to allege: {why}. If something else went wrong, write it with "
        '--set facts="what happened, with dates" and the filing states your facts. Nothing '
        "was written."
    ).format(name=draft.name, why=why)


def _allegation(draft: Draft, violation: Violation, number: int) -> Section:
    """One allegation: the rule's plain title and citation, what started it and when, the
    due date and the date met (or not met)."""
    d, lang, words = violation.deadline, draft.lang, draft.words
    rule, child = d.rule, first_name(draft.plan.child.name)
    path = f"filing.allegations[{number}]"
    values: dict[str, Any] = {
        "number": number,
        "rule": rule.id,
        "title": translated(rule.title, lang),
        "citation": words.citation(law_citation(rule)),
        "guideline": rule.kind is Kind.GUIDELINE,
        "action": rule.missed_action.words(lang, child=child) if rule.missed_action else None,
        "due": date_section(f"{path}.due", d.due, lang),
        "met_on": date_section(f"{path}.met_on", d.met_on, lang) if d.met_on else None,
        "days_late": violation.days_late,
        "agreed": d.extension is not None,
    }
    if rule.age is not None:
        values["when"] = words.age(rule.age, child)
    else:
        happened = EVENT_HAPPENED.get(d.trigger.type)
        values["trigger_text"] = (
            happened.words(lang, child=child) if happened else words.unnamed_event(d.trigger.type)
        )
        values["trigger_date"] = date_section(f"{path}.trigger_date", d.trigger.date, lang)
        period = d.computed.period
        if period is not None:
            values["days"] = period.amount
            values["within"] = within(
                rule, period, d.computed.due, d.trigger.date, draft.plan, words, "trigger"
            )
    return Section(path, values)


def _limit(draft: Draft, filing: law.Filing, inside: list[Violation]) -> Section | None:
    """The filing's own last day: its time limit counted from the oldest violation alleged."""
    limit = filing.time_limit
    if limit is None or not inside:
        return None
    oldest = min(v.deadline.due for v in inside)
    last = law.last_day(filing, oldest)
    assert last is not None
    period = limit.period
    return Section(
        "filing.limit",
        {
            "amount": period.amount,
            "unit": draft.words.unit(period, inside[0].deadline.rule),
            "citation": draft.words.citation(limit.citation),
            "oldest": date_section("filing.limit.oldest", oldest, draft.lang),
            "last": date_section("filing.limit.last", last, draft.lang),
            "passed": last < draft.on,
        },
    )


def _decisions(draft: Draft) -> list[Section]:
    """The agency's own time to decide (and, for a due process request, to meet): each of the
    letter's rules, counted from the filing's date as if received that day."""
    assert draft.letter is not None
    found = []
    for rule_id in draft.letter.rules:
        rule = RULES_BY_ID[rule_id]
        computed = deadline_as_if(rule, draft.plan, draft.on)
        period = computed.period
        assert period is not None
        path = f"filing.decisions.{rule_id}"
        found.append(
            Section(
                path,
                {
                    "rule": rule_id,
                    "title": translated(rule.title, draft.lang),
                    "citation": draft.words.citation(law_citation(rule)),
                    "within": within(
                        rule, period, computed.due, draft.on, draft.plan, draft.words, "letter"
                    ),
                    "due": date_section(f"{path}.due", computed.due, draft.lang),
                },
            )
        )
    return found


def _attachments(draft: Draft, inside: list[Violation]) -> list[Section]:
    """The dated requests and notices that started the deadlines alleged (a copy of each
    is attached with the chronology), once each, in date order."""
    seen: dict[str, Section] = {}
    child = first_name(draft.plan.child.name)
    for violation in sorted(inside, key=lambda v: v.deadline.trigger.date):
        trigger = violation.deadline.trigger
        if trigger.event_id is None or trigger.event_id in seen:
            continue
        happened = EVENT_HAPPENED.get(trigger.type)
        seen[trigger.event_id] = Section(
            "filing.attachments",
            {
                "date": date_section("filing.attachments.date", trigger.date, draft.lang),
                "text": happened.words(draft.lang, child=child)
                if happened
                else draft.words.unnamed_event(trigger.type),
                "letter": trigger.type in letter_events(),
            },
        )
    return list(seen.values())


def _addressee(draft: Draft, agency: Agency | None) -> Section:
    """Where the filing goes: the agency's address as data (`rules.agencies`), or, for a
    rights complaint, the director of the child's regional center (Welf. & Inst. Code
    § 4731(b)). The family checks it before sending (the advice after the letter says so)."""
    words = draft.words
    if agency is None:
        center = draft.plan.regional_center
        name = center.name if center is not None else None
        address = center.address if center is not None else None
        lines = [line.strip() for line in (address or "").splitlines() if line.strip()]
        return Section(
            "addressee",
            {
                "id": "regional-center-director",
                "salutation": words.salutation(None),
                "lines": [line for line in (name,) if line] + lines,
            },
        )
    return Section(
        "addressee",
        {
            "id": agency.id,
            "salutation": words.salutation(None),
            "lines": list(agency.mail),
            "email": agency.email,
            "fax": agency.fax,
            "phone": agency.phone,
            "online": agency.online,
            "forms": list(agency.forms),
            "read_on": date_section("addressee.read_on", agency.read_on, draft.lang),
        },
    )
