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

from dataclasses import dataclass
from datetime import date
from typing import Literal

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
    estimate_note = ""

    def long_date(self, day: date) -> str:
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
    estimate_note = (
        "I counted every calendar day, because I do not have the school calendar for this "
        "whole period; school breaks of more than five school days and the time between school "
        "years do not count, so the date may be later."
    )
    _after = {
        "letter": "of receiving this letter",
        "meeting_date": "of that meeting",
        "trigger": "of that date",
    }
    _tolled_tail = (
        ", not counting days between school years or school breaks of more than five school days"
    )

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
    estimate_note = (
        "Conté todos los días del calendario porque no tengo el calendario escolar de todo este "
        "período; las vacaciones de más de cinco días de clases y los días entre un año escolar y "
        "otro no se cuentan, así que la fecha podría ser posterior."
    )
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
            "around": f", junto con {what[0]} de antes y de después",
            "before": f", junto con {what[1]} {'anterior' if weekends else 'anteriores'}",
            "after": f", junto con {what[1]} {'siguiente' if weekends else 'siguientes'}",
        }[around.side]

    def holiday(self, name: str) -> str:
        base, observed = name.removesuffix(" (observed)"), name.endswith("(observed)")
        return self._holidays.get(base, base) + (" (día observado)" if observed else "")

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
