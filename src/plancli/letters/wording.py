"""Every phrase the letters' code writes, one class per language.

Templates hold the letters' own text; this module holds what code composes around it: dates,
counts ("within 15 days of ..."), the periods a count did not count, holiday names, the note
on an estimated date, ages, and the words that mark a letter's layout (its subject line, its
closing and signature line). Dates are written the way each language writes them, with no
system locale involved. What a rule required and what started it is the rule's own wording
(`Rule.missed_action`, `plancli.rules.EVENT_HAPPENED`).

Adding a language: a subclass of `Wording` with every method, and its code in `WORDINGS`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from plancli import glossary
from plancli.daycount import Counting
from plancli.rules import AgeOffset, Period, Rule, System

# What a count is counted from, as a letter says it ("within 15 days of ...").
CountedFrom = Literal["letter", "meeting_date", "trigger"]
Side = Literal["around", "before", "after"]


@dataclass(frozen=True, slots=True)
class DaysAround:
    """The days a break's pause runs past the dates the plan's calendar lists for it."""

    side: Side
    weekends: bool  # every such day is a Saturday or Sunday
    several: bool  # the pause covers more than one listed break


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


class Wording:
    """The phrases of one language. Every method returns finished text."""

    code = ""
    months: tuple[str, ...] = ()
    weekdays: tuple[str, ...] = ()
    # The words that mark a letter's layout in this language's templates.
    subject_prefix = ""
    closing = ""
    signature_label = ""
    the_district = ""
    the_regional_center = ""
    the_dds = ""
    dds = ""  # the Department of Developmental Services, by its name in this language
    dds_appeals = ""  # the unit that takes Lanterman Act appeals
    page_label = ""  # "Page {page} of {pages}", for a document's page numbers
    version = ""  # the heading of this language's letter in a document with two

    def long_date(self, day: date) -> str:
        raise NotImplementedError

    def citation(self, text: str) -> str:
        """A citation as this language writes it (English: as the rule catalogue has it)."""
        return text

    def break_name(self, name: str) -> str:
        """A school break's name as the plan's calendar gives it, for a letter's text."""
        return name

    def language(self, value: str) -> str:
        """A language's name (from a code such as "vi", or a name in either language)."""
        known = _language(value)
        return known[0 if self.code == "en" else 1] if known else value.strip()

    def salutation(self, person: str | None) -> str:
        raise NotImplementedError

    def full_date(self, day: date) -> str:
        raise NotImplementedError

    def weekday(self, day: date) -> str:
        return self.weekdays[day.weekday()]

    def date_range(self, first: date, last: date) -> str:
        raise NotImplementedError

    def unit(self, period: Period, rule: Rule) -> str:
        raise NotImplementedError

    def within(self, period: Period, rule: Rule, counted_from: CountedFrom) -> str:
        raise NotImplementedError

    def end_of_year(self, days: int, within: int) -> str:
        raise NotImplementedError

    def between_school_years(self, before: str, after: str) -> str:
        raise NotImplementedError

    def between_school_years_unknown(self, reason: str) -> str:
        raise NotImplementedError

    def days_around(self, around: DaysAround) -> str:
        raise NotImplementedError

    def holiday(self, name: str) -> str:
        raise NotImplementedError

    def days_ago(self, days: int) -> str:
        raise NotImplementedError

    def unnamed_action(self, rule_title: str) -> str:
        raise NotImplementedError

    def unnamed_event(self, event_type: str) -> str:
        raise NotImplementedError

    def age(self, age: AgeOffset, child: str) -> str:
        raise NotImplementedError


class English(Wording):
    code = "en"
    months = (
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
    )
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    subject_prefix = "Re: "
    closing = "Sincerely,"
    signature_label = "Signature:"
    the_district = "the district"
    the_regional_center = "the regional center"
    the_dds = "DDS"
    dds = "Department of Developmental Services (DDS)"
    dds_appeals = "Lanterman Act Appeals"
    page_label = "Page {page} of {pages}"
    version = "English version"
    _after = {
        "letter": "of receiving this letter",
        "meeting_date": "of that meeting",
        "trigger": "of that date",
    }
    _tolled_tail = (
        ", not counting days between school years or school breaks of more than five school days"
    )

    def salutation(self, person: str | None) -> str:
        """'Dear Principal Kim:', 'Dear Ms. Kim:', 'Dear Jane Kim:' or, unnamed, 'To whom it
        may concern:'."""
        if person is None:
            return "To whom it may concern:"
        title, name = _title_and_name(person)
        if title is not None and name:
            return f"Dear {title} {name.split()[-1]}:"
        return f"Dear {name or person}:"

    def long_date(self, day: date) -> str:
        """'November 23, 2026'."""
        return f"{self.months[day.month - 1]} {day.day}, {day.year}"

    def full_date(self, day: date) -> str:
        """'Monday, November 23, 2026'."""
        return f"{self.weekday(day)}, {self.long_date(day)}"

    def date_range(self, first: date, last: date) -> str:
        return f"{self.long_date(first)} to {self.long_date(last)}"

    def unit(self, period: Period, rule: Rule) -> str:
        n = period.amount
        # Regional centers and Early Start count working days; schools, business days.
        working = rule.system in (System.RC, System.EARLY_START)
        business = "working day" if working else "business day"
        return {
            Counting.CALENDAR: _plural(n, "day", "days"),
            Counting.SCHOOL_TOLLED: _plural(n, "day", "days"),
            Counting.BUSINESS: _plural(n, business, business + "s"),
            Counting.SCHOOL_DAYS: _plural(n, "school day", "school days"),
            Counting.MONTHS: _plural(n, "month", "months"),
            Counting.YEARS: _plural(n, "year", "years"),
        }[period.counting]

    def within(self, period: Period, rule: Rule, counted_from: CountedFrom) -> str:
        """'within 15 days of receiving this letter, not counting ...'."""
        n = period.amount
        tail = self._tolled_tail if period.counting is Counting.SCHOOL_TOLLED else ""
        amount = "one" if n == 1 else str(n)
        return f"within {amount} {self.unit(period, rule)} {self._after[counted_from]}{tail}"

    def end_of_year(self, days: int, within: int) -> str:
        return (
            f"within {days} days after the next school year begins (the law's rule when the "
            f"request arrives {within} days or fewer before the end of the school year)"
        )

    def between_school_years(self, before: str, after: str) -> str:
        return f"the time between the {before} and {after} school years"

    def between_school_years_unknown(self, reason: str) -> str:
        return reason

    def days_around(self, around: DaysAround) -> str:
        it = "them" if around.several else "it"
        what = ("the weekends", "the weekend") if around.weekends else ("the days off",) * 2
        return f", with {what[0] if around.side == 'around' else what[1]} {around.side} {it}"

    def holiday(self, name: str) -> str:
        return name

    def days_ago(self, days: int) -> str:
        return f"{days} {_plural(days, 'day', 'days')} ago"

    def unnamed_action(self, rule_title: str) -> str:
        return rule_title

    def unnamed_event(self, event_type: str) -> str:
        return f"the {event_type} took place"

    def age(self, age: AgeOffset, child: str) -> str:
        ordinal = {3: "third", 16: "16th", 17: "17th"}.get(age.years, f"{age.years}th")
        if age.months_before:
            return f"{age.months_before} months before {child}'s {ordinal} birthday"
        if age.days_before:
            return f"at least {age.days_before} days before {child}'s {ordinal} birthday"
        return f"by {child}'s {ordinal} birthday"


class Spanish(Wording):
    code = "es"
    months = (
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
    )
    weekdays = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
    subject_prefix = "Asunto: "
    closing = "Atentamente,"
    signature_label = "Firma:"
    the_district = "el distrito"
    the_regional_center = "el centro regional"
    the_dds = "el DDS"
    dds = "Departamento de Servicios del Desarrollo (DDS)"
    dds_appeals = "Apelaciones de la Ley Lanterman"
    page_label = "Página {page} de {pages}"
    version = "Versión en español"
    _after = {
        "letter": "la recepción de esta carta",
        "meeting_date": "esa reunión",
        "trigger": "esa fecha",
    }
    _tolled_tail = (
        ", sin contar los días entre un año escolar y otro ni las vacaciones escolares de más "
        "de cinco días de clases"
    )
    # Holiday names of daycount, in Spanish (business-day counts list the holidays they skip).
    _holidays = {
        "New Year's Day": "Año Nuevo",
        "Birthday of Martin Luther King, Jr.": "Día de Martin Luther King Jr.",
        "Washington's Birthday": "Día de los Presidentes",
        "Cesar Chavez Day": "Día de César Chávez",
        "Memorial Day": "Día de los Caídos",
        "Juneteenth National Independence Day": "Juneteenth (Día de la Emancipación)",
        "Independence Day": "Día de la Independencia",
        "Labor Day": "Día del Trabajo",
        "Columbus Day": "Día de Colón",
        "Veterans Day": "Día de los Veteranos",
        "Thanksgiving Day": "Día de Acción de Gracias",
        "Day after Thanksgiving": "día siguiente a Acción de Gracias",
        "Christmas Day": "Navidad",
        "district closure (listed in the plan)": "cierre del distrito",
    }

    # A courtesy title the plan gives (in English or Spanish), as a Spanish salutation says it.
    _courtesy = {
        "Mr.": "Estimado Sr.",
        "Sr.": "Estimado Sr.",
        "Ms.": "Estimada Sra.",
        "Mrs.": "Estimada Sra.",
        "Sra.": "Estimada Sra.",
        "Srta.": "Estimada Srta.",
        "Dra.": "Estimada Dra.",
    }

    def salutation(self, person: str | None) -> str:
        """'Estimada Sra. Kim:' when the plan gives a title that says how to address the
        person; otherwise 'A la atención de Jane Kim:' (no guessed gender, no 'Estimado/a');
        unnamed, 'A quien corresponda:'."""
        if person is None:
            return "A quien corresponda:"
        title, name = _title_and_name(person)
        opening = self._courtesy.get(title or "")
        if opening is not None and name:
            return f"{opening} {name.split()[-1]}:"
        return f"A la atención de {name or person}:"

    def citation(self, text: str) -> str:
        """'Cal. Educ. Code §§ 56321(a), 56043(a)' -> 'los artículos 56321(a) y 56043(a) del
        Código de Educación de California' (the glossary's names; CDE's Spanish usage).

        Several codes read as one list in a sentence ("Según A, y B, el distrito ..."): each
        citation has commas inside, so they are set apart by semicolons and the last by ", y"
        (RAE, enumeraciones complejas). Inside parentheses the `bare` filter of the templates
        turns the list back into "(A; B)"."""
        parts = [_spanish_citation(part.strip()) for part in text.split(";")]
        if len(parts) == 1:
            return parts[0]
        return "; ".join(parts[:-1]) + ", y " + parts[-1]

    def break_name(self, name: str) -> str:
        """'las vacaciones de invierno («Winter break»)': the gloss, then the district's name."""
        gloss = glossary.break_es(name)
        if gloss is None:
            return f"las vacaciones «{name}»"
        return f"las {gloss} («{name}»)"

    def long_date(self, day: date) -> str:
        """'23 de noviembre de 2026'."""
        return f"{day.day} de {self.months[day.month - 1]} de {day.year}"

    def full_date(self, day: date) -> str:
        """'lunes 23 de noviembre de 2026'."""
        return f"{self.weekday(day)} {self.long_date(day)}"

    def date_range(self, first: date, last: date) -> str:
        return f"del {self.long_date(first)} al {self.long_date(last)}"

    def unit(self, period: Period, rule: Rule) -> str:
        n = period.amount
        return {
            Counting.CALENDAR: _plural(n, "día", "días"),
            Counting.SCHOOL_TOLLED: _plural(n, "día", "días"),
            Counting.BUSINESS: _plural(n, "día hábil", "días hábiles"),
            Counting.SCHOOL_DAYS: _plural(n, "día de clases", "días de clases"),
            Counting.MONTHS: _plural(n, "mes", "meses"),
            Counting.YEARS: _plural(n, "año", "años"),
        }[period.counting]

    def within(self, period: Period, rule: Rule, counted_from: CountedFrom) -> str:
        """'dentro de los 15 días siguientes a la recepción de esta carta, sin contar ...'."""
        n, unit = period.amount, self.unit(period, rule)
        tail = self._tolled_tail if period.counting is Counting.SCHOOL_TOLLED else ""
        after = self._after[counted_from]
        if n == 1:
            return f"dentro del {unit} siguiente a {after}{tail}"
        return f"dentro de los {n} {unit} siguientes a {after}{tail}"

    def end_of_year(self, days: int, within: int) -> str:
        return (
            f"dentro de los {days} días siguientes al comienzo del próximo año escolar (la "
            f"regla de la ley cuando la solicitud llega {within} días o menos antes del fin "
            "del año escolar)"
        )

    def between_school_years(self, before: str, after: str) -> str:
        return f"el período entre los años escolares {before} y {after}"

    def between_school_years_unknown(self, reason: str) -> str:
        return "el período entre años escolares"

    def days_around(self, around: DaysAround) -> str:
        weekends = around.weekends
        what = (
            ("los fines de semana", "el fin de semana")
            if weekends
            else ("los días sin clases",) * 2
        )
        return {
            "around": f", junto con {what[0]} "
            + ("anterior y posterior" if weekends else "anteriores y posteriores"),
            "before": f", junto con {what[1]} {'anterior' if weekends else 'anteriores'}",
            "after": f", junto con {what[1]} {'siguiente' if weekends else 'siguientes'}",
        }[around.side]

    def holiday(self, name: str) -> str:
        base, observed = name.removesuffix(" (observed)"), name.endswith("(observed)")
        # An "observed" holiday is the weekday the closure moves to: "feriado trasladado".
        return self._holidays.get(base, base) + (" (feriado trasladado)" if observed else "")

    def days_ago(self, days: int) -> str:
        return f"hace {days} {_plural(days, 'día', 'días')}"

    def unnamed_action(self, rule_title: str) -> str:
        return f"cumplir esta obligación: {rule_title}"

    def unnamed_event(self, event_type: str) -> str:
        return f"ocurrió el evento {event_type}"

    def age(self, age: AgeOffset, child: str) -> str:
        birthday = {3: "tercer cumpleaños", 16: "decimosexto cumpleaños"}.get(
            age.years, f"cumpleaños número {age.years}"
        )
        if age.months_before:
            return f"{age.months_before} meses antes del {birthday} de {child}"
        if age.days_before:
            return f"a más tardar {age.days_before} días antes del {birthday} de {child}"
        return f"a más tardar en el {birthday} de {child}"


WORDINGS: dict[str, Wording] = {w.code: w for w in (English(), Spanish())}


def wording(lang: str) -> Wording:
    """The phrases of `lang`; English for any language plancli has no phrases in."""
    return WORDINGS.get(lang, WORDINGS["en"])


def long_date(day: date, lang: str) -> str:
    """'November 23, 2026' or '23 de noviembre de 2026'."""
    return wording(lang).long_date(day)


def full_date(day: date, lang: str) -> str:
    """With the weekday: 'Monday, November 23, 2026' or 'lunes 23 de noviembre de 2026'."""
    return wording(lang).full_date(day)


# ---- names and titles ------------------------------------------------------------------------

# Languages families name for an interpreter (`--set interpreter=`, `family.language`): the
# code, then the name in English and in Spanish.
LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "en": ("English", "inglés"),
    "es": ("Spanish", "español"),
    "vi": ("Vietnamese", "vietnamita"),
    "zh": ("Chinese", "chino"),
    "yue": ("Cantonese", "cantonés"),
    "cmn": ("Mandarin", "mandarín"),
    "tl": ("Tagalog", "tagalo"),
    "ko": ("Korean", "coreano"),
    "hy": ("Armenian", "armenio"),
    "fa": ("Persian (Farsi)", "persa (farsi)"),
    "ru": ("Russian", "ruso"),
    "ar": ("Arabic", "árabe"),
    "hmn": ("Hmong", "hmong"),
    "pa": ("Punjabi", "panyabí"),
    "km": ("Khmer", "jemer"),
    "ja": ("Japanese", "japonés"),
    "pt": ("Portuguese", "portugués"),
    "mix": ("Mixtec", "mixteco"),
    "zap": ("Zapotec", "zapoteco"),
    "trs": ("Triqui", "triqui"),
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_LANGUAGE_KEYS = {
    _fold(key): names
    for code, names in LANGUAGE_NAMES.items()
    for key in (code, names[0], names[1], names[0].split(" (")[0], names[1].split(" (")[0])
}


def _language(value: str) -> tuple[str, str] | None:
    return _LANGUAGE_KEYS.get(_fold(value))


def language_code(value: str) -> str | None:
    """The code of a language a family names ('Spanish', 'español', 'es' -> 'es')."""
    names = _language(value)
    return next((code for code, known in LANGUAGE_NAMES.items() if known == names), None)


# Courtesy titles (kept, as the plan writes them) and job titles (left out of a salutation
# in Spanish, whose job titles have a gender) a plan's contact may begin with.
_COURTESY = {
    "mr": "Mr.",
    "ms": "Ms.",
    "mrs": "Mrs.",
    "mx": "Mx.",
    "dr": "Dr.",
    "sr": "Sr.",
    "sra": "Sra.",
    "srta": "Srta.",
    "dra": "Dra.",
}
_JOBS = (
    "Vice Principal",
    "Assistant Principal",
    "Principal",
    "Superintendent",
    "Director",
    "Coordinator",
    "Program Specialist",
)


def _title_and_name(person: str) -> tuple[str | None, str]:
    """'Principal Jane Kim' -> ('Principal', 'Jane Kim'); 'Ms. Kim' -> ('Ms.', 'Kim');
    'Jane Kim' -> (None, 'Jane Kim')."""
    text = " ".join(person.split())
    first, _, rest = text.partition(" ")
    courtesy = _COURTESY.get(first.rstrip(".").casefold())
    if courtesy is not None and rest:
        return courtesy, rest
    for job in _JOBS:
        if text.casefold().startswith(job.casefold() + " "):
            return job, text[len(job) + 1 :]
    return None, text


# ---- citations the Spanish way -----------------------------------------------------------------

_CODE = re.compile(r"(Cal\. Educ\. Code|Welf\. & Inst\. Code|Gov\. Code) §§? (.+)")
_TITLED = re.compile(r"(\d+) (CFR|CCR|USC) (.+)")
_RANGE = re.compile(r"^([\d.]+)\s*[–-]\s*([\d.]+)$")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} y {items[-1]}"


def _sections(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _spanish_citation(part: str) -> str:
    """One citation of the catalogue, written the Spanish way (glossary.cite_es for one
    section; several sections and ranges as CDE's Spanish notice writes them)."""
    code = _CODE.fullmatch(part)
    if code is not None:
        name, sections = code.group(1), _sections(code.group(2))
        if len(sections) == 1 and not _RANGE.match(sections[0]):
            return glossary.cite_es(name, _subdivisions(sections[0]))
        spanish = glossary.cite_es(name, "0").split(" del ", 1)[1]
        return f"los artículos {_and(_spread(sections))} del {spanish}"
    titled = _TITLED.fullmatch(part)
    if titled is not None:
        title, name, sections = titled.group(1), titled.group(2), _sections(titled.group(3))
        if len(sections) == 1 and not _RANGE.match(sections[0]):
            return glossary.cite_es(f"{title} {name}", sections[0])
        head = glossary.cite_es(f"{title} {name}", "0").rsplit(",", 1)[0]
        unit = "artículos" if name == "USC" else "secciones"
        return f"{head}, {unit} {_and(_spread(sections))}"
    raise ValueError(f"no Spanish form for the citation {part!r}")


_SUBDIVISIONS = re.compile(r"\(([a-z])\)\s*[–-]\s*\(([a-z])\)")


def _subdivisions(section: str) -> str:
    """'4646(g)-(h)' -> '4646(g) y (h)'; '4646(a)-(c)' -> '4646(a) a (c)': a range of
    subdivisions in words, as a Spanish citation reads."""

    def spoken(found: re.Match[str]) -> str:
        first, last = found.group(1), found.group(2)
        joined = "y" if ord(last) - ord(first) == 1 else "a"
        return f"({first}) {joined} ({last})"

    return _SUBDIVISIONS.sub(spoken, section)


def _spread(sections: list[str]) -> list[str]:
    """'52170–52174' -> '52170 a 52174' (a range, in words)."""
    spread = []
    for section in sections:
        ranged = _RANGE.match(section)
        spread.append(f"{ranged.group(1)} a {ranged.group(2)}" if ranged else section)
    return spread
