"""What is wrong with a typed date or event type, and what was probably meant (SPEC §7).

One home for the hints, so that `plancli check` (a date in the file) and the commands (a
date on the command line) word the same mistake the same way: `11/20/2026`, `2018-3-14`,
`26-11-16`, `2026-02-30`, or an event type in capitals. Each function returns the problem
as text without its place (`events[3].date: ` or `DATE: ` is the caller's), or None.

A slashed date whose two numbers could each be the month (`03/04/2026`) gets both readings:
families in California write month first, families from Latin America day first, and a
wrong date is the worst mistake plancli can make.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from plancli.errors import PlancliError, suggestion
from plancli.i18n import N_, _

EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)  # the plan's plausible dates
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TWO_DIGIT_YEAR = re.compile(r"\d{2}-\d{1,2}-\d{1,2}", re.ASCII)
_UNPADDED = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", re.ASCII)
_SLASHED = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", re.ASCII)
_SLASHED_SHORT = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2}", re.ASCII)
# Month names of the hints, translated where shown (never the C library's locale names).
MONTHS = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)  # fmt: skip


def show(value: object) -> str:
    """A short, safe rendering of a bad value (never a whole nested structure)."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def date_problem(value: object) -> str | None:
    """Why `value` is not a YYYY-MM-DD date a plan can hold, with what to write; or None."""
    text = value.strip() if isinstance(value, str) else None
    if text is None or not _ISO_DATE.fullmatch(text):
        return _("expected YYYY-MM-DD, got {value}{hint}").format(
            value=show(value), hint=_form_hint(text)
        )
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return _("expected YYYY-MM-DD, got {value}{hint}").format(
            value=show(value), hint=no_such_day(text)
        )
    if not EARLIEST <= day <= LATEST:
        return _("{day} is not a plausible date (1900 to 2199)").format(day=day.isoformat())
    return None


def parse_date(text: str, what: str) -> date:
    """A date typed on the command line; PlancliError worded as `plancli check` words it."""
    problem = date_problem(text)
    if problem is not None:
        raise PlancliError(f"{what}: {problem}.")
    return date.fromisoformat(text.strip())


def _form_hint(text: str | None) -> str:
    """' (write it as 2026-11-20)' for a date written another way, else ''."""
    if text is None:
        return ""
    if _TWO_DIGIT_YEAR.fullmatch(text) or _SLASHED_SHORT.fullmatch(text):
        return " " + _("(write the year with four digits)")
    unpadded = _UNPADDED.fullmatch(text)
    if unpadded:
        year, month, day = (int(part) for part in unpadded.groups())
        return _write_as([(year, month, day)])
    slashed = _SLASHED.fullmatch(text)
    if slashed:
        first, second, year = (int(part) for part in slashed.groups())
        return _write_as([(year, first, second), (year, second, first)])
    return ""


def _write_as(readings: Sequence[tuple[int, int, int]]) -> str:
    days = list(dict.fromkeys(d for d in (_real(*r) for r in readings) if d is not None))
    if not days:
        return " " + _("(there is no such day)")
    if len(days) == 1:
        return " " + _("(write it as {day})").format(day=days[0].isoformat())
    first, second = days[0], days[1]
    return " " + _(
        "(write it as {first} for {first_month} {first_day} or {second} for "
        "{second_month} {second_day})"
    ).format(
        first=first.isoformat(),
        first_month=_(MONTHS[first.month - 1]),
        first_day=first.day,
        second=second.isoformat(),
        second_month=_(MONTHS[second.month - 1]),
        second_day=second.day,
    )


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def no_such_day(text: str) -> str:
    """Why YYYY-MM-DD is not a date: '(there is no such day: February 2026 has 28 days)'."""
    import calendar as _stdcal  # only on this error path

    year, month, day = (int(part) for part in text.split("-"))
    if year == 0:
        return " " + _("(there is no year 0000)")
    if not 1 <= month <= 12:
        return " " + _("(there is no month {month}; months are 01 to 12)").format(
            month=f"{month:02d}"
        )
    days = _stdcal.monthrange(year, month)[1]
    if day == 0 or day > days:
        return " " + _("(there is no such day: {month} {year} has {days} days)").format(
            month=_(MONTHS[month - 1]), year=year, days=days
        )
    return " " + _("(there is no such day)")


def closest_names(word: str, choices: Sequence[str]) -> str:
    """' Did you mean: x?' — a name typed in capitals or with spaces or underscores is
    matched exactly first (ASSESSMENT_REQUESTED is assessment-requested)."""
    folded = "-".join(word.replace("_", " ").split()).casefold()
    if folded in choices:
        return " " + _("Did you mean: {names}?").format(names=folded)
    return suggestion(folded or word, choices)


def event_type_problem(name: str, choices: Sequence[str] | None = None) -> str | None:
    """Why `name` is not an event type, with the closest ones; or None."""
    if choices is None:
        from plancli.rules import EVENT_TYPES

        choices = EVENT_TYPES
    if name in choices:
        return None
    return _("unknown event type {name}.{suggestion} `plancli add --help` lists them").format(
        name=show(name), suggestion=closest_names(name, choices)
    )
