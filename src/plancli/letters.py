"""Request letters (SPEC §6): the catalogue, the values each letter needs, and rendering.

The only module that imports jinja2. Pure: it takes a Plan and the letter's date and returns
text (or the bytes of a .html, .docx or .pdf file); it never prints and never writes a file.
Every problem is a LetterError that says what is missing and how to give it.

Dates a letter states come from the deadline engine (`deadline_as_if`, `deadlines_for`), counted
as if the letter were delivered on its date; citations come from the rule catalogue. Law a
letter cites that is not a rule of the catalogue (no date to compute) is kept here as data
(`Authority`), with where its text comes from.

Built-in templates live in `templates/letters/NAME.LANG.md.j2` (installed as package data,
`plancli/templates/letters/`) and are read with importlib.resources. A folder of user templates
(`--templates DIR`) overrides or adds templates; with one, every template is rendered in
Jinja2's sandbox.
"""

from __future__ import annotations

import io
import re
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from plancli.daycount import Count, Counting, NoteKind, Pause, SchoolCalendar
from plancli.deadlines import (
    Computation,
    Deadline,
    Status,
    count_period,
    deadline_as_if,
    deadlines_for,
)
from plancli.errors import LetterError, UnknownNameError, suggestion
from plancli.model import FieldValue, Plan
from plancli.rules import AGENCY_OWNERS, RULES_BY_ID, AgeOffset, Kind, Period, Rule, System
from plancli.vocab import FALSE_WORDS, LANGUAGES, TRUE_WORDS, yes_no
from plancli.wording import note_body

OUTPUT_SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")
TEMPLATE_SUFFIX = ".md.j2"

# --------------------------------------------------------------------------------------------
# Dates, written the way each language writes them (no system locale involved)

_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
}
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}


def long_date(day: date, lang: str) -> str:
    """'November 23, 2026' or '23 de noviembre de 2026'."""
    if lang == "es":
        return f"{day.day} de {_MONTHS['es'][day.month - 1]} de {day.year}"
    return f"{_MONTHS['en'][day.month - 1]} {day.day}, {day.year}"


def full_date(day: date, lang: str) -> str:
    """With the weekday: 'Monday, November 23, 2026' or 'lunes 23 de noviembre de 2026'."""
    weekday = _WEEKDAYS[lang if lang == "es" else "en"][day.weekday()]
    return (
        f"{weekday} {long_date(day, lang)}"
        if lang == "es"
        else f"{weekday}, {long_date(day, 'en')}"
    )


ADULT_AGE = 18


def age_on(birth: date, day: date) -> int:
    """Age in whole years on `day` (born February 29: a year older on March 1)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _date_range(first: date, last: date, lang: str) -> str:
    if lang == "es":
        return f"del {long_date(first, 'es')} al {long_date(last, 'es')}"
    return f"{long_date(first, 'en')} to {long_date(last, 'en')}"


# --------------------------------------------------------------------------------------------
# The catalogue

Recipient = Literal["district", "regional center", "district or regional center"]
FieldKind = Literal["text", "list", "date", "flag", "event", "rule"]


@dataclass(frozen=True, slots=True)
class LetterField:
    """A value a letter needs besides the plan (`--set NAME=VALUE`)."""

    name: str
    kind: FieldKind
    help: str  # what the value is, in plain words (for error messages)
    example: str  # a complete `--set` argument
    required: bool = False
    default_from: str | None = None  # the plan key that gives the value when --set does not


@dataclass(frozen=True, slots=True)
class Authority:
    """Law a letter cites that is not a rule of the catalogue, and where plancli has it from."""

    citation: str
    source: str


@dataclass(frozen=True, slots=True)
class Letter:
    """One letter of SPEC §6."""

    name: str
    recipient: Recipient
    purpose: str
    rules: tuple[str, ...] = ()  # rule ids whose dates and citations the letter quotes
    fields: tuple[LetterField, ...] = ()
    records: str | None = None  # the event type `--record` adds, if the letter starts a clock
    authorities: tuple[tuple[str, Authority], ...] = ()  # (name in templates' `law`, law)

    def field(self, name: str) -> LetterField | None:
        return next((f for f in self.fields if f.name == name), None)


_LEGAL_RULES = "reference/legal_rules.md"
EC_56029 = Authority("Cal. Educ. Code § 56029", "SPEC §6 (eval-request)")
EC_49069_7 = Authority(
    "Cal. Educ. Code § 49069.7", f"{_LEGAL_RULES}: gen-pupil-records-5-business-days"
)
CFR_300_502 = Authority("34 CFR 300.502(b)", f"{_LEGAL_RULES}: sped-iee-response")
EC_56329_B = Authority("Cal. Educ. Code § 56329(b)", "SPEC §6 (iee-request)")
EC_56346_E = Authority("Cal. Educ. Code § 56346(e)", "SPEC §6 (iep-partial-consent)")
EC_56341_1_G = Authority(
    "Cal. Educ. Code § 56341.1(g)", f"{_LEGAL_RULES}: sped-iep-recording-notice-24h"
)
WIC_4646_G_H = Authority(
    "Welf. & Inst. Code § 4646(g)-(h)", f"{_LEGAL_RULES}: rc-ipp-partial-agreement-implement"
)
WIC_4710 = Authority("Welf. & Inst. Code § 4710", f"{_LEGAL_RULES}: rc-noa-reduce-terminate-30d")

_CONCERNS = LetterField(
    "concerns",
    "list",
    "the areas of concern, separated by semicolons",
    '--set concerns="reading; speech and language"',
    required=True,
    default_from="child.concerns",
)
_REASON = LetterField(
    "reason", "text", "what you want to discuss, in a sentence", '--set reason="..."'
)
_PAST_MEETING = LetterField(
    "meeting_date",
    "date",
    "the date of the meeting",
    "--set meeting_date=YYYY-MM-DD",
    required=True,
)
_AGREED = LetterField(
    "agreed",
    "list",
    "the parts you agree to, separated by semicolons",
    '--set agreed="speech therapy; reading support"',
    required=True,
)
_DISAGREED = LetterField(
    "disagreed",
    "list",
    "the parts you do not agree to, separated by semicolons",
    '--set disagreed="placement"',
    required=True,
)

LETTERS: tuple[Letter, ...] = (
    Letter(
        "eval-request",
        "district",
        "a special-education assessment in all areas of suspected disability; the assessment "
        "plan within 15 days",
        rules=("assessment-plan",),
        fields=(_CONCERNS,),
        records="assessment-requested",
        authorities=(("referral", EC_56029),),
    ),
    Letter(
        "iep-meeting-request",
        "district",
        "an IEP meeting within 30 days",
        rules=("iep-meeting-on-request",),
        fields=(_REASON,),
        records="iep-meeting-requested",
    ),
    Letter(
        "records-request",
        "district",
        "copies of all education records within 5 business days",
        rules=("school-records",),
        records="records-requested",
        authorities=(("records", EC_49069_7),),
    ),
    Letter(
        "iee-request",
        "district",
        "an independent educational evaluation at public expense",
        fields=(
            LetterField(
                "assessment",
                "text",
                "which district assessment you disagree with",
                '--set assessment="psychoeducational assessment of October 2026"',
            ),
            LetterField(
                "reason",
                "text",
                "why you disagree (optional: the law does not require a reason)",
                '--set reason="..."',
            ),
        ),
        authorities=(("iee", CFR_300_502), ("state", EC_56329_B)),
    ),
    Letter(
        "iep-partial-consent",
        "district",
        "implementation of the parts of the IEP the parent consents to",
        fields=(_PAST_MEETING, _AGREED, _DISAGREED),
        authorities=(("partial", EC_56346_E),),
    ),
    Letter(
        "recording-notice",
        "district",
        "notice of intent to audio-record the IEP meeting (24 hours ahead)",
        fields=(
            LetterField(
                "meeting_date",
                "date",
                "the date of the IEP meeting",
                "--set meeting_date=YYYY-MM-DD",
                required=True,
            ),
            LetterField(
                "meeting_time", "text", "the time of the meeting", '--set meeting_time="3:30 PM"'
            ),
        ),
        authorities=(("recording", EC_56341_1_G),),
    ),
    Letter(
        "504-eval-request",
        "district",
        "a Section 504 evaluation (no fixed deadline; OCR's 60-day benchmark)",
        rules=("section-504-evaluation",),
        fields=(_CONCERNS,),
        records="504-evaluation-requested",
    ),
    Letter(
        "rc-intake-request",
        "regional center",
        "intake and assessment for eligibility",
        rules=("rc-intake", "rc-assessment"),
        fields=(_CONCERNS,),
        records="rc-intake-requested",
    ),
    Letter(
        "ipp-meeting-request",
        "regional center",
        "an IPP meeting within 30 days (7 if urgent)",
        rules=("ipp-meeting-on-request",),
        fields=(
            _REASON,
            LetterField(
                "urgent",
                "flag",
                "true when the child's health or safety, or placement at home, is threatened",
                "--set urgent=true",
            ),
        ),
        records="ipp-meeting-requested",
    ),
    Letter(
        "partial-agreement",
        "regional center",
        "implement the agreed IPP services now; a written notice of action for the rest; a "
        "follow-up meeting within 15 days",
        rules=("ipp-follow-up-meeting",),
        fields=(_PAST_MEETING, _AGREED, _DISAGREED),
        records="ipp-partial-agreement",
        authorities=(("partial", WIC_4646_G_H), ("notice", WIC_4710)),
    ),
    Letter(
        "appeal-request",
        "regional center",
        "informal meeting, mediation or fair hearing; aid paid pending where it applies",
        rules=("fair-hearing-request", "aid-paid-pending"),
        fields=(
            LetterField(
                "action",
                "text",
                "the regional center decision you appeal, in a sentence",
                '--set action="Reducing speech therapy from 2 to 1 session a week"',
                required=True,
            ),
            LetterField(
                "notice",
                "event",
                "the id of the notice-of-action-received event (default: the latest)",
                "--set notice=e7",
            ),
            LetterField(
                "aid_paid_pending",
                "flag",
                "false when the decision denies a new service (nothing to keep during the appeal)",
                "--set aid_paid_pending=false",
            ),
        ),
        records="appeal-filed",
    ),
    Letter(
        "missed-deadline",
        "district or regional center",
        "action on a named overdue deadline, citing it",
        fields=(
            LetterField(
                "rule",
                "rule",
                "the rule id of the overdue deadline (`plancli deadlines` lists them)",
                "--set rule=assessment-plan",
                required=True,
            ),
            LetterField(
                "trigger",
                "event",
                "the event id that started it, when the rule is overdue more than once",
                "--set trigger=e1",
            ),
        ),
    ),
)
LETTERS_BY_NAME: dict[str, Letter] = {letter.name: letter for letter in LETTERS}

# Who a letter can hold to an overdue deadline (`missed-deadline`).
ADDRESSABLE = AGENCY_OWNERS

# What each addressable rule required, as the rest of "the district had to ...", and what
# happened on the trigger date. {child} is the child's name. Data for `missed-deadline`.
MISSED_ACTIONS: dict[str, tuple[str, str]] = {
    "assessment-plan": (
        "send me a proposed assessment plan",
        "enviarme una propuesta de plan de evaluación",
    ),
    "initial-iep": (
        "complete the assessment and hold the initial IEP meeting",
        "terminar la evaluación y celebrar la primera reunión del IEP",
    ),
    "iep-meeting-on-request": (
        "hold the IEP meeting I asked for",
        "celebrar la reunión del IEP que solicité",
    ),
    "school-records": (
        "let me see and receive copies of {child}'s school records",
        "permitirme revisar los expedientes escolares de {child} y entregarme copias",
    ),
    "annual-iep-review": (
        "hold the annual IEP review meeting",
        "celebrar la reunión anual de revisión del IEP",
    ),
    "triennial-reassessment": (
        "reassess {child} (the three-year reassessment)",
        "volver a evaluar a {child} (la reevaluación trienal)",
    ),
    "iep-by-age-3": (
        "have an IEP developed and in effect for {child}",
        "tener un IEP elaborado y en vigor para {child}",
    ),
    "transition-plan": (
        "include a transition plan in {child}'s IEP",
        "incluir un plan de transición en el IEP de {child}",
    ),
    "rights-at-majority": (
        "inform {child}, in the IEP, of the rights that transfer at age 18",
        "informar a {child}, en el IEP, de los derechos que se le transfieren a los 18 años",
    ),
    "manifestation-review": (
        "hold the manifestation determination review",
        "celebrar la reunión de determinación de manifestación (manifestation determination "
        "review)",
    ),
    "resolution-meeting": (
        "hold the resolution meeting",
        "celebrar la reunión de resolución",
    ),
    "section-504-evaluation": (
        "complete the Section 504 evaluation",
        "terminar la evaluación de la Sección 504",
    ),
    "rc-intake": ("complete the intake", "completar la admisión (intake)"),
    "rc-assessment": (
        "complete the eligibility assessment",
        "completar la evaluación de elegibilidad",
    ),
    "initial-ipp": (
        "complete {child}'s first Individual Program Plan (IPP)",
        "completar el primer Plan de Programa Individual (IPP) de {child}",
    ),
    "ipp-meeting-on-request": (
        "hold the IPP meeting I asked for",
        "celebrar la reunión del IPP que solicité",
    ),
    "ipp-review": ("hold the IPP review meeting", "celebrar la reunión de revisión del IPP"),
    "ipp-follow-up-meeting": (
        "hold the follow-up IPP meeting",
        "celebrar la reunión de seguimiento del IPP",
    ),
    "hearing-decision-implementation": (
        "carry out the fair hearing decision",
        "cumplir la decisión de la audiencia imparcial (fair hearing)",
    ),
    "rights-complaint-response": (
        "investigate my complaint and send me a written proposed resolution",
        "investigar mi queja y enviarme por escrito una propuesta de resolución",
    ),
    "initial-ifsp": (
        "evaluate {child} and hold the first IFSP meeting",
        "evaluar a {child} y celebrar la primera reunión del IFSP",
    ),
    "ifsp-services-start": (
        "start the early intervention services in {child}'s IFSP",
        "iniciar los servicios de intervención temprana del IFSP de {child}",
    ),
    "ifsp-periodic-review": (
        "review {child}'s IFSP (the six-month review)",
        "revisar el IFSP de {child} (la revisión semestral)",
    ),
    "ifsp-annual-meeting": (
        "hold the annual IFSP meeting",
        "celebrar la reunión anual del IFSP",
    ),
    "transition-notice": (
        "notify me that transition planning for {child} is starting",
        "avisarme que comienza la planificación de la transición de {child}",
    ),
    "transition-conference": (
        "hold the transition conference and include a transition plan in {child}'s IFSP",
        "celebrar la conferencia de transición e incluir un plan de transición en el IFSP de "
        "{child}",
    ),
}
MISSED_TRIGGERS: dict[str, tuple[str, str]] = {
    "assessment-requested": (
        "the district received my written request for a special education assessment",
        "el distrito recibió mi solicitud por escrito de una evaluación de educación especial",
    ),
    "assessment-consent-given": (
        "the district received my signed consent to the assessment plan",
        "el distrito recibió mi consentimiento firmado al plan de evaluación",
    ),
    "iep-meeting-requested": (
        "the district received my written request for an IEP meeting",
        "el distrito recibió mi solicitud por escrito de una reunión del IEP",
    ),
    "records-requested": (
        "I asked for {child}'s school records",
        "solicité los expedientes escolares de {child}",
    ),
    "iep-meeting": (
        "{child}'s IEP team met",
        "se celebró la reunión del equipo del IEP de {child}",
    ),
    "assessment-completed": (
        "{child}'s last assessment was completed",
        "se terminó la última evaluación de {child}",
    ),
    "discipline-placement-change": (
        "the district decided to change {child}'s placement because of a violation of the "
        "code of student conduct",
        "el distrito decidió cambiar la colocación de {child} por una infracción del código de "
        "conducta estudiantil",
    ),
    "due-process-filed": (
        "the district received my due process complaint",
        "el distrito recibió mi solicitud de audiencia de debido proceso (due process)",
    ),
    "504-evaluation-requested": (
        "the district received my request for a Section 504 evaluation",
        "el distrito recibió mi solicitud de una evaluación de la Sección 504",
    ),
    "rc-intake-requested": (
        "I asked the regional center for help (request for intake)",
        "solicité ayuda al centro regional (solicitud de admisión o intake)",
    ),
    "rc-intake-completed": (
        "the regional center completed {child}'s intake",
        "el centro regional completó la admisión (intake) de {child}",
    ),
    "rc-assessment-completed": (
        "the regional center completed {child}'s assessment",
        "el centro regional completó la evaluación de {child}",
    ),
    "ipp-meeting-requested": (
        "the regional center received my request for an IPP meeting",
        "el centro regional recibió mi solicitud de una reunión del IPP",
    ),
    "ipp-meeting": ("{child}'s IPP meeting was held", "se celebró la reunión del IPP de {child}"),
    "ipp-partial-agreement": (
        "{child}'s IPP meeting ended without agreement on all services",
        "la reunión del IPP de {child} terminó sin acuerdo sobre todos los servicios",
    ),
    "rc-hearing-decision-received": (
        "I received the fair hearing decision",
        "recibí la decisión de la audiencia imparcial (fair hearing)",
    ),
    "rights-complaint-filed": (
        "I filed my rights complaint with the regional center director",
        "presenté mi queja por violación de derechos al director del centro regional",
    ),
    "early-start-referral": (
        "the regional center received the referral of {child} to Early Start",
        "el centro regional recibió la remisión (referral) de {child} a Early Start",
    ),
    "ifsp-consent-given": (
        "I gave my consent to the services in {child}'s IFSP",
        "di mi consentimiento a los servicios del IFSP de {child}",
    ),
    "ifsp-meeting": (
        "{child}'s IFSP meeting was held",
        "se celebró la reunión del IFSP de {child}",
    ),
    "ifsp-review": ("{child}'s IFSP was reviewed", "se revisó el IFSP de {child}"),
}

# Holiday names of daycount, in Spanish (business-day counts list the holidays they skip).
_HOLIDAYS_ES = {
    "New Year's Day": "Año Nuevo",
    "Birthday of Martin Luther King, Jr.": "Día de Martin Luther King Jr.",
    "Washington's Birthday": "Día de los Presidentes (Washington's Birthday)",
    "Cesar Chavez Day": "Día de César Chávez",
    "Memorial Day": "Día de los Caídos (Memorial Day)",
    "Juneteenth National Independence Day": "Juneteenth",
    "Independence Day": "Día de la Independencia",
    "Labor Day": "Día del Trabajo",
    "Columbus Day": "Día de Colón",
    "Veterans Day": "Día de los Veteranos",
    "Thanksgiving Day": "Día de Acción de Gracias",
    "Day after Thanksgiving": "día siguiente a Acción de Gracias",
    "Christmas Day": "Navidad",
    "district closure (listed in the plan)": "cierre del distrito",
}

# What plancli needs from the plan for the sender and recipient blocks, and how to add it.
PLAN_HINTS = {
    "family.parent_name": "your name, as you sign the letter: add `parent_name: Your Name` "
    "under `family:`",
    "family.address": 'your mailing address: add `address: "123 Main St, City, CA 90000"` '
    "under `family:`",
    "school.district": "the school district's name: add `district: ... School District` "
    "under `school:`",
    "school.address": "the district's (or school's) mailing address: add "
    '`address: "..."` under `school:`',
    "regional_center.name": "the regional center's name: add `name: ... Regional Center` "
    "under `regional_center:`",
    "regional_center.address": "the regional center's mailing address: add "
    '`address: "..."` under `regional_center:`',
}


# --------------------------------------------------------------------------------------------
# What templates see


class Section(dict[str, Any]):
    """A mapping templates read as `name.key`. Keys whose value is None are left out, so a
    template can only print a value that exists; a missing one fails with its full path."""

    def __init__(self, path: str, values: Mapping[str, Any]) -> None:
        super().__init__((k, v) for k, v in values.items() if v is not None)
        self.plancli_path = path


class _MissingValue(jinja2.StrictUndefined):
    """StrictUndefined whose message names the value as the template wrote it (`sender.fax`)."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        owner = self._undefined_obj
        if isinstance(owner, Section) and isinstance(self._undefined_name, str):
            return f"{owner.plancli_path}.{self._undefined_name} has no value"
        return str(super()._undefined_message)


def _finalize(value: object) -> object:
    """The last guard against a blank in a letter: nothing prints as 'None'."""
    if value is None:
        raise LetterError("A letter template printed an empty value (None); nothing was written.")
    return value


def _date_section(path: str, day: date, lang: str) -> Section:
    return Section(
        path,
        {
            "iso": day.isoformat(),
            "long": long_date(day, lang),
            "full": full_date(day, lang),
            "weekday": _WEEKDAYS[lang][day.weekday()],
        },
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --------------------------------------------------------------------------------------------
# Counting, in words


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def _unit(period: Period, rule: Rule, lang: str) -> str:
    n = period.amount
    working = rule.system in (System.RC, System.EARLY_START)
    if lang == "es":
        return {
            Counting.CALENDAR: _plural(n, "día", "días"),
            Counting.SCHOOL_TOLLED: _plural(n, "día", "días"),
            Counting.BUSINESS: _plural(n, "día hábil", "días hábiles"),
            Counting.SCHOOL_DAYS: _plural(n, "día de clases", "días de clases"),
            Counting.MONTHS: _plural(n, "mes", "meses"),
            Counting.YEARS: _plural(n, "año", "años"),
        }[period.counting]
    business = "working day" if working else "business day"
    return {
        Counting.CALENDAR: _plural(n, "day", "days"),
        Counting.SCHOOL_TOLLED: _plural(n, "day", "days"),
        Counting.BUSINESS: _plural(n, business, business + "s"),
        Counting.SCHOOL_DAYS: _plural(n, "school day", "school days"),
        Counting.MONTHS: _plural(n, "month", "months"),
        Counting.YEARS: _plural(n, "year", "years"),
    }[period.counting]


_AFTER = {
    "en": {
        "letter": "of receiving this letter",
        "meeting": "of that meeting",
        "trigger": "of that date",
    },
    "es": {
        "letter": "la recepción de esta carta",
        "meeting": "esa reunión",
        "trigger": "esa fecha",
    },
}
_TOLLED_TAIL = {
    "en": ", not counting days between school years or school breaks of more than five school days",
    "es": ", sin contar los días entre un año escolar y otro ni las vacaciones escolares de más "
    "de cinco días de clases",
}


def within_text(period: Period, rule: Rule, lang: str, after: str) -> str:
    """'within 15 days of receiving this letter, not counting ...' in the letter's language."""
    n, unit = period.amount, _unit(period, rule, lang)
    tail = _TOLLED_TAIL[lang] if period.counting is Counting.SCHOOL_TOLLED else ""
    if lang == "es":
        following = "siguiente" if n == 1 else "siguientes"
        if n == 1:
            return f"dentro del {unit} {following} a {_AFTER['es'][after]}{tail}"
        return f"dentro de los {n} {unit} {following} a {_AFTER['es'][after]}{tail}"
    amount = "one" if n == 1 else str(n)
    return f"within {amount} {unit} {_AFTER['en'][after]}{tail}"


def _end_of_year_text(rule: Rule, lang: str) -> str:
    eoy = rule.end_of_year
    assert eoy is not None
    if lang == "es":
        return (
            f"dentro de los {eoy.days} días siguientes al comienzo del próximo año escolar (la "
            f"regla de la ley cuando la solicitud llega {eoy.within} días o menos antes del fin "
            "del año escolar)"
        )
    return (
        f"within {eoy.days} days after the next school year begins (the law's rule when the "
        f"request arrives {eoy.within} days or fewer before the end of the school year)"
    )


def _not_counted(count: Count, plan: Plan, lang: str) -> list[str]:
    """The paused periods and skipped holidays of a count, in words."""
    found: list[str] = []
    calendar = plan.calendar
    for pause in count.paused:
        if calendar is not None and calendar.year_containing(pause.first) is None:
            before = [y for y in calendar.years if y.last_day < pause.first]
            after = [y for y in calendar.years if y.first_day > pause.last]
            if before and after:
                labels = (before[-1].label, after[0].label)
                name = (
                    f"el período entre los años escolares {labels[0]} y {labels[1]}"
                    if lang == "es"
                    else f"the time between the {labels[0]} and {labels[1]} school years"
                )
            else:
                name = "el período entre años escolares" if lang == "es" else pause.reason
        else:
            # The break's name as the plan's calendar gives it, and the days off around it.
            name = pause.reason + _days_around(pause, calendar, lang)
        found.append(f"{name} ({_date_range(pause.first, pause.last, lang)})")
    for day, holiday in count.skipped:
        if lang == "es":
            base, observed = holiday.removesuffix(" (observed)"), holiday.endswith("(observed)")
            holiday = _HOLIDAYS_ES.get(base, base) + (" (día observado)" if observed else "")
        found.append(f"{holiday} ({long_date(day, lang)})")
    return found


def _days_around(pause: Pause, calendar: SchoolCalendar | None, lang: str) -> str:
    """', with the weekends around it' when a break's pause runs past the dates the calendar
    lists for it (the clock stops from the last school day before the break to the first
    school day after it), so the dates the letter states match the district's calendar."""
    if calendar is None:
        return ""
    listed = [
        b
        for y in calendar.years
        for b in y.breaks
        if b.first <= pause.last and b.last >= pause.first
    ]
    if not listed:
        return ""
    first, last = min(b.first for b in listed), max(b.last for b in listed)
    paused = (pause.first + timedelta(days=n) for n in range((pause.last - pause.first).days + 1))
    extra = [day for day in paused if not first <= day <= last]
    if not extra:
        return ""
    side = (
        "around"
        if extra[0] < first and extra[-1] > last
        else ("before" if extra[0] < first else "after")
    )
    weekends = all(day.weekday() >= 5 for day in extra)
    if lang == "es":
        what = (
            ("los fines de semana", "el fin de semana")
            if weekends
            else ("los días sin clases",) * 2
        )
        return {
            "around": f", junto con {what[0]} de antes y de después",
            "before": f", junto con {what[1]} {'anterior' if weekends else 'anteriores'}",
            "after": f", junto con {what[1]} {'siguiente' if weekends else 'siguientes'}",
        }[side]
    it = "it" if len(listed) == 1 else "them"
    what = ("the weekends", "the weekend") if weekends else ("the days off",) * 2
    return f", with {what[0] if side == 'around' else what[1]} {side} {it}"


_ESTIMATE_NOTE = {
    "en": "I counted every calendar day, because I do not have the school calendar for this "
    "whole period; school breaks of more than five school days and the time between school "
    "years do not count, so the date may be later.",
    "es": "Conté todos los días del calendario porque no tengo el calendario escolar de todo este "
    "período; las vacaciones de más de cinco días de clases y los días entre un año escolar y "
    "otro no se cuentan, así que la fecha podría ser posterior.",
}


def _law_citation(rule: Rule) -> str:
    """The rule's citation as a letter cites it. A guideline's citation carries a remark after
    ';' (section-504-evaluation: "34 CFR 104.35; OCR uses ..."): letters state that remark in
    their own words and cite the law part."""
    return rule.citation.split(";")[0].strip() if rule.kind is Kind.GUIDELINE else rule.citation


def _estimated_problem(computation: Computation, rule: Rule) -> str | None:
    """Why an estimated date cannot be stated in a letter, or None when it can be (with a note).

    A school-tolled count without the school calendar can only move later, so a letter may
    state it with a note; a date the end-of-year rule would replace, or any other estimate,
    cannot be stated.
    """
    count = computation.count
    if not count.estimated:
        return None
    period = computation.period
    tolled = period is not None and period.counting is Counting.SCHOOL_TOLLED
    if tolled and not any(n.kind is NoteKind.END_OF_YEAR_NEEDS_NEXT_YEAR for n in count.notes):
        return None
    notes = "; ".join(note_body(note) for note in count.notes)
    return f"The {rule.id} date cannot be computed exactly: {notes}."


def _response(
    rule: Rule, computation: Computation, start: date, plan: Plan, lang: str, after: str, on: date
) -> Section:
    """What a letter says about one date the engine computed, counted from `start`."""
    problem = _estimated_problem(computation, rule)
    if problem is not None:
        raise LetterError(f"{problem} Nothing was written.")
    period = computation.period
    assert period is not None
    plain = count_period(period, start, plan.calendar).due
    if rule.end_of_year is not None and computation.due != plain:
        within = _end_of_year_text(rule, lang)
    else:
        within = within_text(period, rule, lang, after)
    return Section(
        "response",
        {
            "rule": rule.id,
            "citation": _law_citation(rule),
            "days": period.amount,
            "within": within,
            "due": _date_section("response.due", computation.due, lang),
            "not_counted": _not_counted(computation.count, plan, lang),
            "estimated": computation.count.estimated,
            "estimate_note": _ESTIMATE_NOTE[lang] if computation.count.estimated else None,
            "passed": computation.due < on,
        },
    )


# --------------------------------------------------------------------------------------------
# Building a letter's values


@dataclass(frozen=True, slots=True)
class RenderedLetter:
    """A rendered letter, and the event `--record` adds (None unless asked for)."""

    name: str
    lang: str
    date: date
    text: str
    title: str
    warnings: tuple[str, ...] = ()
    record: Mapping[str, FieldValue] | None = None


_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
# What `--set FLAG=VALUE` accepts, in English and Spanish (compared case-insensitively).
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Builder:
    """Collects a letter's values, and every missing one, before anything is rendered."""

    def __init__(self, letter: Letter | None, name: str, plan: Plan, on: date, lang: str) -> None:
        self.letter = letter
        self.name = name
        self.plan = plan
        self.on = on
        self.lang = lang
        self.missing: list[str] = []
        self.warnings: list[str] = []
        self.values: dict[str, Any] = {}

    # -- --set values ---------------------------------------------------------------------

    def parse(self, pairs: Sequence[tuple[str, str]]) -> None:
        for key, raw in pairs:
            spec = self.letter.field(key) if self.letter is not None else None
            if self.letter is not None and spec is None:
                known = ", ".join(f.name for f in self.letter.fields) or "none"
                self.warnings.append(
                    f"--set {key}: the letter {self.name} does not use it (its fields: {known}); "
                    "ignored."
                )
                continue
            if spec is None:  # a user's own letter: every value is text
                self.values[key] = raw.strip()
                continue
            value = self._value(spec, raw)
            if spec.kind == "list" and isinstance(value, list) and key in self.values:
                value = [*self.values[key], *value]
            if value not in (None, "", []):
                self.values[key] = value

    def _value(self, spec: LetterField, raw: str) -> Any:
        text = raw.strip()
        if spec.kind == "list":
            return [part.strip() for part in text.split(";") if part.strip()]
        if spec.kind == "date":
            try:
                if not _ISO_DATE.fullmatch(text):
                    raise ValueError(text)
                return date.fromisoformat(text)
            except ValueError:
                raise LetterError(
                    f"--set {spec.name}: expected a date as YYYY-MM-DD, got {text[:40]!r}."
                ) from None
        if spec.kind == "flag":
            answer = yes_no(text)
            if answer is not None:
                return answer
            raise LetterError(
                f"--set {spec.name}: expected yes or no, got {text[:40]!r}. Accepted for yes: "
                f"{', '.join(TRUE_WORDS)}; for no: {', '.join(FALSE_WORDS)} (in any case)."
            )
        return text

    def require_fields(self) -> None:
        assert self.letter is not None
        for spec in self.letter.fields:
            if spec.name in self.values:
                continue
            if spec.default_from == "child.concerns" and self.plan.child.concerns:
                self.values[spec.name] = list(self.plan.child.concerns)
                continue
            if spec.kind == "flag":
                self.values[spec.name] = spec.name == "aid_paid_pending"
                continue
            if spec.required:
                where = (
                    f", or add it to the plan as `{spec.default_from.split('.')[-1]}: [...]` under "
                    f"`{spec.default_from.split('.')[0]}:`"
                    if spec.default_from
                    else ""
                )
                self.missing.append(
                    f"{spec.name}: {spec.help}. Give it with {spec.example}{where}."
                )

    # -- plan values ----------------------------------------------------------------------

    def need(self, key: str, value: str | None) -> str | None:
        if value is None or not value.strip():
            self.missing.append(f"{key}: {PLAN_HINTS[key]} in the plan file.")
            return None
        return value

    def sender(self) -> Section:
        family = self.plan.family
        name = self.need("family.parent_name", family.parent_name)
        address = self.need("family.address", family.address)
        return Section(
            "sender",
            {
                "name": name,
                "address_lines": _lines(address or ""),
                "phone": family.phone or None,
                "email": family.email or None,
            },
        )

    def child(self) -> Section:
        child = self.plan.child
        school = self.plan.school
        center = self.plan.regional_center
        return Section(
            "child",
            {
                "name": child.name,
                "birth_date": _date_section("child.birth_date", child.birth_date, self.lang),
                "concerns": list(child.concerns),
                "school": school.name if school is not None and school.name else None,
                "uci": center.uci if center is not None and center.uci else None,
                # 18 or older on the letter's date: letters do not write as for a minor.
                "adult": age_on(child.birth_date, self.on) >= ADULT_AGE,
            },
        )

    def recipient(self, kind: str, *, required: bool = True) -> Section | None:
        es = self.lang == "es"
        if kind == "district":
            school = self.plan.school
            district = school.district if school is not None else None
            name = school.name if school is not None else None
            address = school.address if school is not None else None
            if required:
                if not (district or name):
                    self.need("school.district", None)
                self.no_address("school.address", address)
            elif not (district or name):
                return None
            contact = school.contact if school is not None else None
            lines = [line for line in (contact, name, district) if line]
            return Section(
                "recipient",
                {
                    "kind": "district",
                    "person": contact or None,
                    "organization": district or name,
                    "the": "el distrito" if es else "the district",
                    "lines": [*lines, *_lines(address or "")],
                },
            )
        center = self.plan.regional_center
        name = center.name if center is not None else None
        address = center.address if center is not None else None
        if required:
            self.need("regional_center.name", name)
            self.no_address("regional_center.address", address)
        elif not name:
            return None
        coordinator = center.service_coordinator if center is not None else None
        return Section(
            "recipient",
            {
                "kind": "regional center",
                "person": coordinator or None,
                "organization": name,
                "the": "el centro regional" if es else "the regional center",
                "lines": [line for line in (coordinator, name) if line] + _lines(address or ""),
            },
        )

    def no_address(self, key: str, address: str | None) -> None:
        """A recipient without an address still gets the letter (by hand or email): warn."""
        if address is None or not address.strip():
            self.warnings.append(
                f"{key} is not in the plan, so the letter has no address for the recipient; "
                f"to mail it, {PLAN_HINTS[key].split(': ', 1)[1]} in the plan file."
            )

    def fail_if_missing(self) -> None:
        if not self.missing:
            return
        count = len(self.missing)
        lines = [
            f"The letter {self.name} needs {count} value{'s' if count > 1 else ''} that "
            f"{'are' if count > 1 else 'is'} missing:",
            *(f"  {m}" for m in self.missing),
            "Nothing was written; add the missing values and run the command again.",
        ]
        raise LetterError("\n".join(lines))

    # -- the letter -----------------------------------------------------------------------

    def context(self) -> dict[str, Any]:
        letter = self.letter
        extra: dict[str, Any] = {}
        if letter is None:
            kind = "district" if self.plan.school is not None else "regional center"
            recipient = self.recipient(kind, required=False)
        elif letter.name == "missed-deadline":
            missed, kind = self.missed()
            extra["missed"] = missed
            recipient = self.recipient(kind)
        else:
            self.require_fields()
            recipient = self.recipient(letter.recipient)
        sender = self.sender()
        self.fail_if_missing()
        if letter is not None:
            extra.update(self.specifics(letter))
        fields = {
            key: _date_section(f"fields.{key}", value, self.lang)
            if isinstance(value, date)
            else value
            for key, value in self.values.items()
        }
        context: dict[str, Any] = {
            "lang": self.lang,
            "letter": Section("letter", {"name": self.name}),
            "date": _date_section("date", self.on, self.lang),
            "sender": sender,
            "child": self.child(),
            "fields": Section("fields", fields),
            **extra,
        }
        if recipient is not None:
            context["recipient"] = recipient
        if letter is not None:
            context["law"] = Section(
                "law", {key: authority.citation for key, authority in letter.authorities}
            )
        else:
            context["deadlines"] = [
                Section(
                    "deadline",
                    {
                        "rule": d.rule.id,
                        "title": d.rule.title,
                        "citation": d.rule.citation,
                        "status": str(d.status),
                        "due": _date_section("deadline.due", d.due, self.lang),
                    },
                )
                for d in deadlines_for(self.plan, self.on)
                if d.is_open
            ]
        return context

    def specifics(self, letter: Letter) -> dict[str, Any]:
        """The dates and facts particular to one letter."""
        on, plan, lang, values = self.on, self.plan, self.lang, self.values
        name = letter.name
        if name in ("iep-partial-consent", "partial-agreement") and values["meeting_date"] > on:
            self.warnings.append(
                f"meeting_date {values['meeting_date'].isoformat()} is after the letter's date "
                f"({on.isoformat()}), but the letter is about a meeting that has taken place: "
                "check the dates."
            )
        if name == "recording-notice":
            meeting = values["meeting_date"]
            if meeting <= on:
                raise LetterError(
                    f"--set meeting_date={meeting.isoformat()} is not after the letter's date "
                    f"({on.isoformat()}): the notice must reach the IEP team at least 24 hours "
                    "before the meeting. Check the meeting date, or give the letter's date with "
                    "--date."
                )
            if (meeting - on).days == 1:
                self.warnings.append(
                    "The meeting is the day after this letter: deliver the notice at least 24 "
                    "hours before the meeting starts."
                )
            return {}
        if name == "appeal-request":
            return self.appeal()
        if not letter.rules:
            return {}
        rule = RULES_BY_ID[letter.rules[0]]
        if name == "partial-agreement":
            start = values["meeting_date"]
            computation = deadline_as_if(rule, plan, start)
            return {"response": _response(rule, computation, start, plan, lang, "meeting", on)}
        fields: dict[str, object] = {"urgent": True} if values.get("urgent") else {}
        computation = deadline_as_if(rule, plan, on, fields)
        extra: dict[str, Any] = {
            "response": _response(rule, computation, on, plan, lang, "letter", on)
        }
        if name == "rc-intake-request":
            assessment = RULES_BY_ID[letter.rules[1]]
            assert assessment.period is not None
            urgent = [v.period.amount for v in assessment.variants if v.event_flag == "urgent"]
            extra["followup"] = Section(
                "followup",
                {
                    "citation": assessment.citation,
                    "days": assessment.period.amount,
                    "urgent_days": urgent[0] if urgent else None,
                },
            )
        return extra

    def appeal(self) -> dict[str, Any]:
        """appeal-request: the notice of action, and the two windows it opened for the parent."""
        plan, on, lang = self.plan, self.on, self.lang
        notices = [e for e in plan.events_by_date() if e.type == "notice-of-action-received"]
        wanted = self.values.get("notice")
        if wanted is not None:
            chosen = [e for e in notices if e.id == wanted]
            if not chosen:
                raise LetterError(
                    f"--set notice={wanted}: the plan has no notice-of-action-received event "
                    f"with that id.{suggestion(str(wanted), [e.id for e in notices])} "
                    "`plancli events` lists the events."
                )
            notice = chosen[0]
        elif notices:
            notice = notices[-1]
        else:
            raise LetterError(
                "The letter appeal-request needs the notice of action you are appealing: record "
                "it with `plancli add notice-of-action-received DATE --field "
                "effective_date=YYYY-MM-DD` (DATE: the day you received it), then run the command "
                "again. Nothing was written."
            )
        if notice.date > on:
            raise LetterError(
                f"The notice of action {notice.id} is dated {notice.date.isoformat()}, after the "
                f"letter's date ({on.isoformat()}). Check the dates, or give --date. Nothing was "
                "written."
            )
        found = {
            d.rule.id: d
            for d in deadlines_for(plan, on)
            if d.trigger.event_id == notice.id
            and d.rule.id in ("fair-hearing-request", "aid-paid-pending")
        }
        hearing, pending = found["fair-hearing-request"], found["aid-paid-pending"]
        if hearing.due < on:
            self.warnings.append(
                f"The window to appeal ended on {hearing.due.isoformat()} "
                "(fair-hearing-request); the letter asks that the appeal be accepted anyway."
            )
        wanted_pending = bool(self.values.get("aid_paid_pending", True))
        keep = wanted_pending and pending.due >= on
        if wanted_pending and pending.due < on:
            self.warnings.append(
                f"Services continue during an appeal only if it is filed by "
                f"{pending.due.isoformat()} (aid-paid-pending); the letter does not ask for it."
            )

        def window(d: Deadline, path: str) -> Section:
            assert d.computed.period is not None
            return Section(
                path,
                {
                    "citation": d.rule.citation,
                    "days": d.computed.period.amount,
                    "due": _date_section(f"{path}.due", d.due, lang),
                    "passed": d.due < on,
                    "effective_date_unknown": d.estimated,
                },
            )

        effective = notice.date_field("effective_date")
        return {
            "notice": Section(
                "notice",
                {
                    "id": notice.id,
                    "date": _date_section("notice.date", notice.date, lang),
                    "effective_date": _date_section("notice.effective_date", effective, lang)
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

    def missed(self) -> tuple[Section, str]:
        """missed-deadline: the overdue deadline named by `rule` (and `trigger`)."""
        plan, on = self.plan, self.on
        overdue = [
            d
            for d in deadlines_for(plan, on)
            if d.status is Status.OVERDUE and d.rule.owed_by in ADDRESSABLE
        ]
        listing = "; ".join(
            f"{d.rule.id} (due {d.due.isoformat()}, "
            f"{'event ' + d.trigger.event_id if d.trigger.event_id else 'birth date'})"
            for d in overdue
        )
        known = (
            f"The overdue deadlines of this plan on {on.isoformat()} are: {listing}."
            if overdue
            else f"No deadline of this plan is overdue on {on.isoformat()} (`plancli deadlines` "
            "lists them)."
        )
        rule_id = self.values.get("rule")
        if rule_id is None:
            raise LetterError(
                "The letter missed-deadline needs the overdue deadline it is about: give it with "
                f"--set rule=RULE. {known} Nothing was written."
            )
        if rule_id not in RULES_BY_ID:
            raise LetterError(
                f"--set rule={rule_id}: there is no such rule."
                f"{suggestion(str(rule_id), list(RULES_BY_ID))} {known}"
            )
        matches = [d for d in overdue if d.rule.id == rule_id]
        trigger = self.values.get("trigger")
        if trigger is not None:
            matches = [d for d in matches if d.trigger.event_id == trigger]
        if not matches:
            what = f"{rule_id} (event {trigger})" if trigger else rule_id
            raise LetterError(
                f"{what} is not an overdue deadline of the district or regional center on "
                f"{on.isoformat()}. {known} Nothing was written."
            )
        if len(matches) > 1:
            events = ", ".join(str(d.trigger.event_id) for d in matches)
            raise LetterError(
                f"{rule_id} is overdue more than once (events {events}): say which with "
                f"--set trigger=EVENT_ID. Nothing was written."
            )
        d = matches[0]
        if d.estimated:  # an estimate (no school calendar, ...) may be earlier than the law's date
            notes = "; ".join(note_body(n) for n in d.notes)
            raise LetterError(
                f"The {rule_id} date ({d.due.isoformat()}) is estimated, so plancli cannot say "
                f"for sure that it has passed: {notes}. Nothing was written."
            )
        return self._missed_section(d), (
            "district" if d.rule.system in (System.IEP, System.SECTION_504) else "regional center"
        )

    def _missed_section(self, d: Deadline) -> Section:
        lang, child = self.lang, self.plan.child.name
        es = lang == "es"
        rule = d.rule
        actions = MISSED_ACTIONS.get(rule.id)
        if actions is None:
            action = rule.title if not es else f"cumplir esta obligación: {rule.title}"
        else:
            action = actions[1 if es else 0].format(child=child)
        days_late = (self.on - d.due).days
        values: dict[str, Any] = {
            "rule": rule.id,
            "action": action,
            "citation": _law_citation(rule),
            "guideline": rule.kind is Kind.GUIDELINE,
            "due": _date_section("missed.due", d.due, lang),
            "days_late": (
                f"hace {days_late} {_plural(days_late, 'día', 'días')}"
                if es
                else f"{days_late} {_plural(days_late, 'day', 'days')} ago"
            ),
            "agreed": d.extension is not None,
            "law_due": _date_section("missed.law_due", d.computed.due, lang),
            "age": rule.age is not None,
            "not_counted": _not_counted(d.computed.count, self.plan, lang),
        }
        if rule.age is not None:
            values["when"] = _age_text(rule.age, child, lang)
        else:
            period = d.computed.period
            assert period is not None
            event_type = d.trigger.type
            happened = MISSED_TRIGGERS.get(event_type)
            values["trigger_date"] = _date_section("missed.trigger_date", d.trigger.date, lang)
            values["trigger_text"] = (
                happened[1 if es else 0].format(child=child)
                if happened is not None
                else (f"ocurrió el evento {event_type}" if es else f"the {event_type} took place")
            )
            values["days"] = period.amount
            plain = count_period(period, d.trigger.date, self.plan.calendar).due
            values["within"] = (
                _end_of_year_text(rule, lang)
                if rule.end_of_year is not None and d.computed.due != plain
                else within_text(period, rule, lang, "trigger")
            )
        return Section("missed", values)

    def record(self) -> dict[str, FieldValue]:
        letter = self.letter
        assert letter is not None
        assert letter.records is not None
        on = self.values["meeting_date"] if letter.name == "partial-agreement" else self.on
        event: dict[str, FieldValue] = {"type": letter.records, "date": on}
        event["note"] = f"plancli letter {letter.name}, dated {self.on.isoformat()}"
        if self.values.get("urgent"):
            event["urgent"] = True
        return event


def _age_text(age: AgeOffset, child: str, lang: str) -> str:
    if lang == "es":
        birthday = {3: "tercer cumpleaños", 16: "decimosexto cumpleaños"}.get(
            age.years, f"cumpleaños número {age.years}"
        )
        if age.months_before:
            return f"{age.months_before} meses antes del {birthday} de {child}"
        if age.days_before:
            return f"a más tardar {age.days_before} días antes del {birthday} de {child}"
        return f"a más tardar en el {birthday} de {child}"
    ordinal = {3: "third", 16: "16th", 17: "17th"}.get(age.years, f"{age.years}th")
    if age.months_before:
        return f"{age.months_before} months before {child}'s {ordinal} birthday"
    if age.days_before:
        return f"at least {age.days_before} days before {child}'s {ordinal} birthday"
    return f"by {child}'s {ordinal} birthday"


# --------------------------------------------------------------------------------------------
# Templates


def _builtin_folder() -> Traversable:
    return resources.files("plancli") / "templates" / "letters"


def _builtin_names() -> list[str]:
    folder = _builtin_folder()
    return sorted(item.name for item in folder.iterdir() if item.name.endswith(TEMPLATE_SUFFIX))


def _load_builtin(name: str) -> tuple[str, str, Callable[[], bool]] | None:
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    resource = _builtin_folder() / name
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8"), f"plancli/templates/letters/{name}", _unchanged


def _unchanged() -> bool:
    return True


def _as_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, Mapping) and "iso" in value:
        value = value["iso"]
    return date.fromisoformat(str(value))


@jinja2.pass_context
def _longdate_filter(context: jinja2.runtime.Context, value: object) -> str:
    return long_date(_as_date(value), str(context.get("lang", "en")))


@jinja2.pass_context
def _fulldate_filter(context: jinja2.runtime.Context, value: object) -> str:
    return full_date(_as_date(value), str(context.get("lang", "en")))


class _Sandbox(SandboxedEnvironment):
    """Jinja2's sandbox, also refusing huge repeated strings and powers (memory)."""

    intercepted_binops = frozenset({"*", "**"})
    LIMIT = 100_000

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        numbers = [v for v in (left, right) if isinstance(v, int)]
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError("a power this large is not allowed in a letter template")
        integers = isinstance(left, int) and isinstance(right, int)
        bits = abs(left).bit_length() * right if integers else 0  # (9 ** 64) ** 64 ** ...
        if operator == "**" and bits > 10 * self.LIMIT:
            raise SecurityError("a power this large is not allowed in a letter template")
        sizes = [len(v) for v in (left, right) if isinstance(v, str | list | tuple)]
        # The size of the result, not only the count: 'x' * 99999 * 99999 is 10 GB.
        if operator == "*" and sizes and any(n > self.LIMIT // max(sizes[0], 1) for n in numbers):
            raise SecurityError("repeating text this many times is not allowed")
        return super().call_binop(context, operator, left, right)


def _bullets_filter(items: object) -> str:
    """A list as Markdown bullets, one per line ('- reading')."""
    if isinstance(items, str):
        items = [part.strip() for part in items.split(";") if part.strip()]
    if not isinstance(items, Sequence):
        raise LetterError("The `bullets` filter takes a list (or text as `a; b; c`).")
    return "\n".join(f"- {item}" for item in items)


def _configure(environment: jinja2.Environment) -> jinja2.Environment:
    environment.filters["longdate"] = _longdate_filter
    environment.filters["fulldate"] = _fulldate_filter
    environment.filters["bullets"] = _bullets_filter
    return environment


def _environment(user_dir: Path | None) -> jinja2.Environment:
    options: dict[str, Any] = {
        "undefined": _MissingValue,
        "autoescape": False,
        "keep_trailing_newline": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "finalize": _finalize,
    }
    builtin = jinja2.FunctionLoader(_load_builtin)
    if user_dir is None:
        return _configure(jinja2.Environment(loader=builtin, **options))
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(user_dir)), builtin])
    return _configure(_Sandbox(loader=loader, **options))


def _template_place(error: BaseException, name: str) -> str:
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{Path(frame.filename).name}, line {frame.lineno}"
    return name


def _render(template_name: str, context: Mapping[str, Any], user_dir: Path | None) -> str:
    environment = _environment(user_dir)
    try:
        text = environment.get_template(template_name).render(context)
        # One blank line between paragraphs, whatever the template's own whitespace.
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    except LetterError:
        raise
    except jinja2.TemplateSyntaxError as error:
        place = f"{Path(error.filename or error.name or template_name).name}, line {error.lineno}"
        raise LetterError(
            f"Template {place}: {error.message}. Fix the template; nothing was written."
        ) from None
    except jinja2.TemplateNotFound as error:
        raise LetterError(
            f"Template {error.name} not found (used by {template_name}). Add it to the templates "
            "folder; nothing was written."
        ) from None
    except SecurityError as error:
        raise LetterError(
            f"{_problem(error, template_name)}. Templates from --templates run in a sandbox: they "
            "may use the letter's values (sender, recipient, child, fields, date, ...) but not "
            "Python internals. Nothing was written."
        ) from None
    except jinja2.UndefinedError as error:
        raise LetterError(
            f"{_problem(error, template_name)}. The template uses a value this letter does not "
            "have: check the name for a typo, or give it with --set or in the plan. Nothing was "
            "written."
        ) from None
    except Exception as error:
        if user_dir is None:
            raise
        raise LetterError(
            f"{_problem(error, template_name, kind=True)}. Fix the template; nothing was written."
        ) from None


def _problem(error: BaseException, template_name: str, *, kind: bool = False) -> str:
    """'Template NAME, line N: what went wrong' (without a final period)."""
    what = str(error).rstrip(".")
    if kind:
        what = f"{type(error).__name__}: {what}"
    return f"Template {_template_place(error, template_name)}: {what}"


def _user_folder(templates_dir: Path | None) -> Path | None:
    if templates_dir is None:
        return None
    if not templates_dir.is_dir():
        raise LetterError(
            f"--templates {templates_dir}: no such folder. Give the folder that holds your "
            "NAME.LANG.md.j2 templates (or unset PLANCLI_TEMPLATES)."
        )
    return templates_dir


def _user_names(user_dir: Path | None) -> list[str]:
    if user_dir is None:
        return []
    return sorted(p.name for p in user_dir.glob(f"*{TEMPLATE_SUFFIX}") if p.is_file())


def _split_name(template: str) -> tuple[str, str] | None:
    stem = template.removesuffix(TEMPLATE_SUFFIX)
    name, _, lang = stem.rpartition(".")
    if not name or name.startswith("_") or lang not in LANGUAGES or not _NAME.fullmatch(name):
        return None
    return name, lang


@dataclass(frozen=True, slots=True)
class LetterInfo:
    """A row of `plancli letter --list`."""

    name: str
    recipient: str
    purpose: str
    languages: tuple[str, ...]


def available_letters(templates_dir: Path | None = None) -> list[LetterInfo]:
    """Every letter there is a template for: the catalogue's, then the user's own."""
    user_dir = _user_folder(templates_dir)
    languages: dict[str, set[str]] = {}
    for template in [*_builtin_names(), *_user_names(user_dir)]:
        parts = _split_name(template)
        if parts is not None:
            languages.setdefault(parts[0], set()).add(parts[1])
    rows = [
        LetterInfo(
            letter.name,
            letter.recipient,
            letter.purpose,
            tuple(sorted(languages.get(letter.name, set()))),
        )
        for letter in LETTERS
    ]
    rows += [
        LetterInfo(
            name, "(your template)", f"your own letter, from {user_dir}", tuple(sorted(langs))
        )
        for name, langs in sorted(languages.items())
        if name not in LETTERS_BY_NAME
    ]
    return rows


def render_letter(
    name: str,
    plan: Plan,
    *,
    on: date,
    lang: str | None = None,
    values: Sequence[tuple[str, str]] = (),
    templates_dir: Path | None = None,
    record: bool = False,
) -> RenderedLetter:
    """Render letter `name` for `plan`, dated `on` (counted as delivered that day).

    Args:
        lang: "en" or "es"; default: the plan's family.language, else English.
        values: the `--set KEY=VALUE` pairs, in order (a list field given twice adds up).
        templates_dir: a folder of the user's templates, rendered in the sandbox.
        record: also return the event `--record` adds.

    Raises:
        UnknownNameError: no such letter (suggests the closest names).
        LetterError: a missing or wrong value, or a template that cannot be rendered.
    """
    user_dir = _user_folder(templates_dir)
    letter = LETTERS_BY_NAME.get(name)
    user_templates = _user_names(user_dir)
    if letter is None and (
        not _NAME.fullmatch(name) or not any(t.startswith(f"{name}.") for t in user_templates)
    ):
        names = [info.name for info in available_letters(templates_dir)]
        raise UnknownNameError(
            f"There is no letter '{name[:60]}'.{suggestion(name, names)} "
            "`plancli letter --list` lists the letters."
        )
    language = lang or plan.family.language or "en"
    if language not in LANGUAGES:
        raise LetterError(
            f"Letters are written in en or es, not {language!r}: give --lang en or es."
        )
    template = f"{name}.{language}{TEMPLATE_SUFFIX}"
    if template not in user_templates and _load_builtin(template) is None:
        raise LetterError(
            f"The letter {name} has no {language} version ({template}): give --lang with another "
            "language, or add that template to your --templates folder."
        )
    if record and (letter is None or letter.records is None):
        raise LetterError(
            f"--record: the letter {name} starts no deadline that plancli tracks, so there is "
            "no event to record. Leave out --record; to keep a note of it, use `plancli add note "
            'DATE --note "..."`. Nothing was written.'
        )
    builder = _Builder(letter, name, plan, on, language)
    builder.parse(values)
    context = builder.context()
    text = _render(template, context, user_dir)
    return RenderedLetter(
        name=name,
        lang=language,
        date=on,
        text=text,
        title=_title(text, name),
        warnings=tuple(builder.warnings),
        record=builder.record() if record else None,
    )


def _title(text: str, name: str) -> str:
    for line in text.splitlines():
        for prefix in ("Re: ", "Asunto: "):
            if line.startswith(prefix):
                return line.removeprefix(prefix).strip()
    return name


# --------------------------------------------------------------------------------------------
# Output files


def _blocks(text: str) -> Iterator[tuple[str, list[str]]]:
    """Paragraphs ('para', lines) and bullet lists ('list', items) of a letter's text."""
    kind, lines = "", list[str]()
    for raw in [*text.splitlines(), ""]:
        line = raw.rstrip()
        now = "" if not line.strip() else ("list" if line.lstrip().startswith("- ") else "para")
        if now != kind and lines:
            yield kind, lines
            lines = []
        kind = now
        if now == "list":
            lines.append(line.lstrip()[2:].strip())
        elif now == "para":
            lines.append(line)


def letter_bytes(letter: RenderedLetter, suffix: str) -> bytes:
    """The letter as the contents of a .txt, .md, .html, .docx or .pdf file."""
    match suffix.lower():
        case ".txt" | ".md":
            return letter.text.encode("utf-8")
        case ".html":
            return to_html(letter).encode("utf-8")
        case ".docx":
            return to_docx(letter)
        case ".pdf":
            return to_pdf(letter)
    raise LetterError(
        f"Cannot write a {suffix or 'file without an extension'}: --output must end in "
        f"{', '.join(OUTPUT_SUFFIXES)}."
    )


def to_html(letter: RenderedLetter) -> str:
    """A small, self-contained HTML page; every piece of text is escaped."""
    from html import escape

    body = []
    for kind, lines in _blocks(letter.text):
        if kind == "list":
            items = "".join(f"  <li>{escape(item)}</li>\n" for item in lines)
            body.append(f"<ul>\n{items}</ul>")
        else:
            body.append("<p>" + "<br>\n".join(escape(line) for line in lines) + "</p>")
    style = (
        "body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 40em; margin: 2em auto; "
        "line-height: 1.45; }"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{letter.lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(letter.title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _is_subject(line: str) -> bool:
    return line.startswith(("Re: ", "Asunto: "))


# What XML 1.0, so a .docx, cannot hold (python-docx raises ValueError): control characters
# other than tab and line ends (a --set value or a plan's "\a" escape may carry them), lone
# surrogates, U+FFFE and U+FFFF. Left out of the document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def to_docx(letter: RenderedLetter) -> bytes:
    """A Word document (python-docx) a parent can edit, print and sign."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    props = document.core_properties
    stamp = datetime(letter.date.year, letter.date.month, letter.date.day, tzinfo=UTC)
    props.title = _NOT_XML.sub("", letter.title)
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.language = letter.lang
    props.created = stamp
    props.modified = stamp
    for kind, lines in _blocks(_NOT_XML.sub("", letter.text)):
        if kind == "list":
            for item in lines:
                document.add_paragraph(item, style="List Bullet")
            continue
        paragraph = document.add_paragraph()
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.bold = _is_subject(line)
            if i < len(lines) - 1:
                run.add_break()
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}


def to_pdf(letter: RenderedLetter) -> bytes:
    """A US Letter PDF (fpdf2) in DejaVu Sans, which prints Spanish letters, § and quotes."""
    from contextlib import ExitStack

    from fpdf import FPDF

    pdf = FPDF(format="Letter", unit="mm")
    pdf.set_margins(25, 22, 25)
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.set_title(letter.title)
    pdf.set_lang(letter.lang)
    pdf.set_creator("plancli")
    pdf.set_creation_date(
        datetime(letter.date.year, letter.date.month, letter.date.day, tzinfo=UTC)
    )
    with ExitStack() as stack:
        fonts = resources.files("plancli") / "fonts"
        for style, filename in FONT_FILES.items():
            path = stack.enter_context(resources.as_file(fonts / filename))
            pdf.add_font("DejaVuSans", style, str(path))
        pdf.add_page()
        blocks = list(_blocks(letter.text))
        together = _signature_blocks(blocks)
        for i, (kind, lines) in enumerate(blocks):
            if together is not None and i == together.start and pdf.get_y() > pdf.t_margin:
                # The closing and signature block on one page: when it does not fit on this
                # one, it starts the next.
                gaps = _PDF_GAP * (len(together) - 1)
                height = gaps + sum(_pdf_block(pdf, *blocks[j], measure=True) for j in together)
                if pdf.will_page_break(height):
                    pdf.add_page()
            _pdf_block(pdf, kind, lines)
            pdf.ln(_PDF_GAP)
        return bytes(pdf.output())


_PDF_LINE = 5.6  # mm: the line height of 11 pt text
_PDF_GAP = 3  # mm between paragraphs
_CLOSINGS = ("Sincerely,", "Atentamente,")
_SIGNATURE_LINES = ("Signature:", "Firma:")


def _signature_blocks(blocks: Sequence[tuple[str, list[str]]]) -> range | None:
    """The blocks a PDF keeps on one page: the closing ("Sincerely,"), the signature line and
    the paragraph under it (the sender's name), or None when the letter has no signature line."""
    signs = [
        i
        for i, (kind, lines) in enumerate(blocks)
        if kind == "para" and any(line.startswith(_SIGNATURE_LINES) for line in lines)
    ]
    if not signs:
        return None
    sign = signs[-1]
    first = sign
    if sign > 0 and blocks[sign - 1][0] == "para" and blocks[sign - 1][1][-1] in _CLOSINGS:
        first = sign - 1
    end = sign + 1
    # The name under the line, when it is a paragraph of its own.
    if (
        blocks[sign][1][-1].startswith(_SIGNATURE_LINES)
        and end < len(blocks)
        and blocks[end][0] == "para"
    ):
        end += 1
    return range(first, end)


def _pdf_block(pdf: Any, kind: str, lines: Sequence[str], *, measure: bool = False) -> float:
    """Write one paragraph or bullet list; with `measure`, write nothing and return its height
    in mm (0 when written)."""
    height = 0.0
    cells = (
        [("", 4, f"•  {item}") for item in lines]
        if kind == "list"
        else [("B" if _is_subject(line) else "", 0, line) for line in lines]
    )
    for style, indent, text in cells:
        pdf.set_font("DejaVuSans", style, 11)
        width = pdf.epw - indent
        if measure:
            wrapped = pdf.multi_cell(
                width, _PDF_LINE, text, align="L", dry_run=True, output="LINES"
            )
            height += _PDF_LINE * len(wrapped)
            continue
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width, _PDF_LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
    return height
