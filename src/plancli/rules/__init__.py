"""The rule catalogue (SPEC §4): the law as data, one module per source of law.

Each `Rule` carries its citation and at least one public source with a short quote, and says
whether that source shows the law's own text or a secondary statement of it. The deadline
engine computes dates from these objects; `plancli rules` and `plancli explain` print them;
letters quote them. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from plancli.daycount import Counting
from plancli.errors import UnknownNameError, suggestion
from plancli.i18n import _


class System(StrEnum):
    IEP = "iep"
    SECTION_504 = "504"
    RC = "rc"
    EARLY_START = "early-start"


class Kind(StrEnum):
    DEADLINE = "deadline"  # someone owes an action by a date
    WINDOW = "window"  # the parent's right: nothing may be required of them before the date
    GUIDELINE = "guideline"  # no binding number in the law; a reasonable-time benchmark
    COMMITMENT = "commitment"  # a promise recorded on a `contact` event (SPEC §8); not law


class Shows(StrEnum):
    """What a source shows: the law's own words, or someone's statement of the rule."""

    LAW_TEXT = "law-text"
    SECONDARY = "secondary"


BIRTH_DATE = "birth-date"  # the trigger type of age-based rules (SPEC §5)
# The agencies a family writes to about their deadlines (letters, `missed-deadline`, the
# digest's next step). Other owers (a hearing office, a state department) are not written to.
AGENCY_OWNERS = frozenset({"district", "regional center", "regional center director"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """The same words in each language plancli writes letters in (`plancli.vocab.LANGUAGES`).

    `{child}` stands for the child's name. Used where a letter states something about a rule
    (what it required, what started it), so that the words live with the rule.
    """

    en: str
    es: str

    def words(self, lang: str, **names: str) -> str:
        """The phrase in `lang` (English unless "es"), with `{child}` and the like filled in."""
        return (self.es if lang == "es" else self.en).format(**names)


@dataclass(frozen=True, slots=True)
class Source:
    """A public address where the rule can be read, with a short quote from it."""

    url: str
    shows: Shows
    quote: str


@dataclass(frozen=True, slots=True)
class Period:
    """How long, counted how. `cap_field`: the due date is no later than that event field."""

    amount: int
    counting: Counting
    cap_field: str | None = None

    def __str__(self) -> str:
        unit = {
            Counting.CALENDAR: "day",
            Counting.BUSINESS: "business day",
            Counting.SCHOOL_TOLLED: "day",
            Counting.SCHOOL_DAYS: "school day",
            Counting.MONTHS: "month",
            Counting.YEARS: "year",
        }[self.counting]
        text = f"{self.amount} {unit}{'' if self.amount == 1 else 's'}"
        if self.cap_field:
            text += f", but no later than the event's {self.cap_field}"
        return text


@dataclass(frozen=True, slots=True)
class Variant:
    """Another period that replaces the rule's own when its condition holds.

    Exactly one condition is set: a true event field (`urgent: true`), a true plan flag
    (`hcbs_waiver`), or a trigger date before a change in the law (rule versions, SPEC §3.10).
    """

    period: Period
    when: str  # the condition in plain words, for `explain` and `rules`
    event_flag: str | None = None
    plan_flag: str | None = None
    triggered_before: date | None = None


@dataclass(frozen=True, slots=True)
class EndOfYear:
    """EC 56321(a)/56344(a): a referral near the end of the school year is due after the next.

    Applies when the referral is `within` days or fewer before the last day of the regular
    school year; the due date is then `days` after the first day of the next school year.
    `consent_before_next_year`: also requires the trigger (consent) before that first day.
    """

    within: int
    days: int
    consent_before_next_year: bool = False
    referral_type: str | None = None  # the event type that is the referral, if not the trigger


@dataclass(frozen=True, slots=True)
class AgeOffset:
    """A date counted from the child's birth date: a birthday, then months/days before it."""

    years: int
    months_before: int = 0
    days_before: int = 0
    shown_with: str = ""  # system whose events make this rule apply (default: the rule's own)

    def __str__(self) -> str:
        ordinal = {3: "3rd", 16: "16th", 17: "17th"}.get(self.years, f"{self.years}th")
        text = f"{ordinal} birthday"
        if self.months_before:
            text += f" − {self.months_before} months"
        if self.days_before:
            text += f" − {self.days_before} days"
        return text


@dataclass(frozen=True, slots=True)
class Rule:
    """One legal deadline, window or guideline (a row of SPEC §4)."""

    id: str
    title: str  # what must happen, in plain words
    system: System
    kind: Kind
    triggers: tuple[str, ...]  # event types that start the clock; (BIRTH_DATE,) for age rules
    period: Period | None  # None for age-based rules
    owed_by: str
    met_by: tuple[str, ...]
    citation: str
    sources: tuple[Source, ...]
    summary: str  # one or two sentences: what the law says, for `explain` and letters
    variants: tuple[Variant, ...] = ()
    end_of_year: EndOfYear | None = None
    age: AgeOffset | None = None
    recurring: bool = False  # met by the next event of its own trigger type
    met_strictly_after: bool = False  # a response on the trigger's own date does not meet it
    conflict: str | None = None  # where sources disagree, and what plancli follows
    # What the owner had to do, as the rest of "the district had to ..." (missed-deadline
    # letters); every rule owed by one of AGENCY_OWNERS has it.
    missed_action: Phrase | None = None

    @property
    def owed_by_parent(self) -> bool:
        return self.owed_by == "parent"

    @property
    def counting_text(self) -> str:
        if self.age is not None:
            return "age"
        assert self.period is not None
        text = str(self.period.counting)
        return text + " + end-of-year" if self.end_of_year else text

    @property
    def period_text(self) -> str:
        if self.age is not None:
            return f"on the date ({self.age})"
        assert self.period is not None
        parts = [str(self.period)]
        parts += [f"{v.period} when {v.when}" for v in self.variants]
        return "; ".join(parts)

    @property
    def trigger_text(self) -> str:
        return str(self.age) if self.age is not None else " or ".join(self.triggers)


def _load() -> tuple[Rule, ...]:
    from plancli.rules import ca_education, early_start, federal_idea, lanterman, section_504

    return (
        *ca_education.RULES,
        *federal_idea.RULES,
        *section_504.RULES,
        *lanterman.RULES,
        *early_start.RULES,
    )


ALL_RULES: tuple[Rule, ...] = _load()
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in ALL_RULES}

# Event types that only record an agreement or a remark; they start no clock themselves.
EXTENSION_EVENT = "extension-agreed"
NOTE_EVENT = "note"
# On any event: the id of the trigger event it responds to (SPEC §4).
ANSWERS_FIELD = "answers"

# What happened on a trigger event's date, as a missed-deadline letter tells it ("... within
# 15 days of that date"). Every trigger of a rule owed by one of AGENCY_OWNERS has it.
EVENT_HAPPENED: dict[str, Phrase] = {
    "assessment-requested": Phrase(
        "the district received my written request for a special education assessment",
        "el distrito recibió mi solicitud por escrito de una evaluación de educación especial",
    ),
    "assessment-consent-given": Phrase(
        "the district received my signed consent to the assessment plan",
        "el distrito recibió mi consentimiento firmado al plan de evaluación",
    ),
    "iep-meeting-requested": Phrase(
        "the district received my written request for an IEP meeting",
        "el distrito recibió mi solicitud por escrito de una reunión del IEP",
    ),
    "records-requested": Phrase(
        "I asked for {child}'s school records",
        "solicité los expedientes escolares de {child}",
    ),
    "iep-meeting": Phrase(
        "{child}'s IEP team met",
        "se celebró la reunión del equipo del IEP de {child}",
    ),
    "assessment-completed": Phrase(
        "{child}'s last assessment was completed",
        "se terminó la última evaluación de {child}",
    ),
    "discipline-placement-change": Phrase(
        "the district decided to change {child}'s placement because of a violation of the "
        "code of student conduct",
        "el distrito decidió cambiar la colocación de {child} por una infracción del código de "
        "conducta estudiantil",
    ),
    "due-process-filed": Phrase(
        "the district received my due process complaint",
        "el distrito recibió mi solicitud de audiencia de debido proceso (due process)",
    ),
    "504-evaluation-requested": Phrase(
        "the district received my request for a Section 504 evaluation",
        "el distrito recibió mi solicitud de una evaluación de la Sección 504",
    ),
    "rc-intake-requested": Phrase(
        "I asked the regional center for help (request for intake)",
        "solicité ayuda al centro regional (solicitud de admisión)",
    ),
    "rc-intake-completed": Phrase(
        "the regional center completed {child}'s intake",
        "el centro regional completó la admisión de {child}",
    ),
    "rc-assessment-completed": Phrase(
        "the regional center completed {child}'s assessment",
        "el centro regional completó la evaluación de {child}",
    ),
    "ipp-meeting-requested": Phrase(
        "the regional center received my request for an IPP meeting",
        "el centro regional recibió mi solicitud de una reunión del IPP",
    ),
    "ipp-meeting": Phrase(
        "{child}'s IPP meeting was held",
        "se celebró la reunión del IPP de {child}",
    ),
    "ipp-partial-agreement": Phrase(
        "{child}'s IPP meeting ended without agreement on all services",
        "la reunión del IPP de {child} terminó sin acuerdo sobre todos los servicios",
    ),
    "rc-hearing-decision-received": Phrase(
        "I received the fair hearing decision",
        "recibí la decisión de la audiencia imparcial",
    ),
    "rights-complaint-filed": Phrase(
        "I filed my rights complaint with the regional center director",
        "presenté mi queja por violación de derechos al director del centro regional",
    ),
    "early-start-referral": Phrase(
        "the regional center received the referral of {child} to Early Start",
        "el centro regional recibió la remisión de {child} a Early Start",
    ),
    "ifsp-consent-given": Phrase(
        "I gave my consent to the services in {child}'s IFSP",
        "di mi consentimiento a los servicios del IFSP de {child}",
    ),
    "ifsp-meeting": Phrase(
        "{child}'s IFSP meeting was held",
        "se celebró la reunión del IFSP de {child}",
    ),
    "ifsp-review": Phrase(
        "{child}'s IFSP was reviewed",
        "se revisó el IFSP de {child}",
    ),
}


def _event_systems() -> dict[str, System]:
    systems: dict[str, System] = {}
    for rule in ALL_RULES:
        for event_type in (*rule.triggers, *rule.met_by):
            if event_type != BIRTH_DATE:
                systems.setdefault(event_type, rule.system)
    return systems


EVENT_SYSTEMS: dict[str, System] = _event_systems()
# Requests a letter records (`--record`) that start no counted deadline: the law sets no
# number of days for them (an IFSP review the family asks for: 34 CFR 303.342(b)).
EVENT_SYSTEMS.setdefault("ifsp-review-requested", System.EARLY_START)
# A call, email, letter, meeting or visit, and any promise made in it (SPEC §8): no system.
CONTACT_EVENT = "contact"
EVENT_TYPES: tuple[str, ...] = (
    *sorted(EVENT_SYSTEMS),
    EXTENSION_EVENT,
    NOTE_EVENT,
    CONTACT_EVENT,
)


def _event_fields() -> dict[str, frozenset[str]]:
    """The event fields that change a date, by event type, read off the rules themselves."""
    from plancli.contacts import CONTACT_FIELDS

    fields: dict[str, set[str]] = {
        EXTENSION_EVENT: {"rule", "until"},
        CONTACT_EVENT: set(CONTACT_FIELDS),
    }
    for rule in ALL_RULES:
        periods = [rule.period, *(v.period for v in rule.variants)]
        used = {v.event_flag for v in rule.variants if v.event_flag}
        used |= {p.cap_field for p in periods if p is not None and p.cap_field}
        for event_type in rule.triggers:
            fields.setdefault(event_type, set()).update(used)
    return {event_type: frozenset(keys) for event_type, keys in fields.items() if keys}


EVENT_FIELDS: dict[str, frozenset[str]] = _event_fields()


def field_warnings(event_type: str, keys: Iterable[str]) -> list[str]:
    """`key: ...` for each event field plancli will not read on this type (a typo, usually)."""
    used = EVENT_FIELDS.get(event_type, frozenset())
    warnings = []
    for key in keys:
        if key in used or key == ANSWERS_FIELD:
            continue
        elsewhere = sorted(t for t, names in EVENT_FIELDS.items() if key in names)
        if elsewhere:
            hint = _(" plancli reads {key} on {types} events.").format(
                key=key, types=_(" and ").join(elsewhere)
            )
        elif used:
            hint = suggestion(key, sorted(used)) or _(" It reads: {keys}.").format(
                keys=", ".join(sorted(used))
            )
        else:
            hint = ""
        warnings.append(
            _(
                "{key}: plancli does not use this field on {type} events; it is kept but "
                "changes no date.{hint}"
            ).format(key=key, type=event_type, hint=hint)
        )
    return warnings


def get_rule(rule_id: str) -> Rule:
    """The rule with this id; an unknown id names the closest ones."""
    try:
        return RULES_BY_ID[rule_id]
    except KeyError:
        raise UnknownNameError(
            f"There is no rule '{rule_id}'.{suggestion(rule_id, list(RULES_BY_ID))} "
            "Run `plancli rules` for the list of rules."
        ) from None


def check_event_type(event_type: str) -> str:
    """Return `event_type` if plancli knows it; otherwise suggest the closest names."""
    if event_type in EVENT_TYPES:
        return event_type
    raise UnknownNameError(
        f"'{event_type}' is not an event type plancli knows."
        f"{suggestion(event_type, EVENT_TYPES)} Run `plancli add --help` for the list."
    )
