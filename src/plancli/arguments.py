"""Command-line values checked before a command runs: dates, `--field`, `--set`, `--output`,
the name `explain` is given.

Typed and checked with the plan's own rules (`store.read_date`, `store.read_field`, the
after-today checks), so a value the command line accepts is one the plan file accepts. No
terminal here: a bad value raises PlancliError (or LetterError) with what to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from plancli import planfiles, report, store
from plancli.commitments import COMMITMENT_RULE_ID
from plancli.deadlines import Deadline, deadlines_for
from plancli.errors import LetterError, PlancliError, UnknownNameError, suggestion
from plancli.i18n import _
from plancli.model import Plan
from plancli.rules import RULES_BY_ID


def birth_date_problem(value: str, now: date) -> str | None:
    """Why a typed birth date cannot be the plan's, as the plan's own checks say, or None."""
    try:
        born = store.read_date(value)
    except store.ValueProblem as problem:
        if str(problem).endswith(")"):  # the problem already shows the right form
            return _("Birth date: {problem}.").format(problem=problem)
        return _("Birth date: {problem} (for example 2019-05-14).").format(problem=problem)
    late = store.birth_date_after_today(born, now)
    return _("Birth date {problem}.").format(problem=late) if late else None


def event_date(value: str, now: date) -> date:
    """`plancli add`'s DATE: a date, not after today. Whether it is plausible (1900 to
    2199, not before the birth date) is the plan's check, made when the event is added."""
    try:
        day = store.read_date(value, plausible=False)
    except store.ValueProblem as problem:
        raise PlancliError(_("DATE: {problem}.").format(problem=problem)) from None
    late = store.event_after_today(day, now)
    if late is not None:
        raise PlancliError(
            _(
                "DATE {problem} (a meeting that is only scheduled has not met any deadline yet)."
            ).format(problem=late)
        )
    return day


def check_event_type(name: str) -> str:
    """`plancli add`'s TYPE, worded as `plancli check` words it in the file (hints)."""
    from plancli.hints import event_type_problem

    problem = event_type_problem(name)
    if problem is not None:
        raise UnknownNameError(_("TYPE: {problem}.").format(problem=problem))
    return name


def event_fields(pairs: Sequence[str]) -> dict[str, str]:
    """--field KEY=VALUE, checked as the plan file reads `KEY: VALUE` (store.read_field).

    The values stay the text typed: the plan keeps what the user wrote, and reading it back
    types it with the same function that checked it here.
    """
    fields: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key or key in store.EVENT_KEYS:
            raise PlancliError(
                _(
                    "--field {value}: expected KEY=VALUE with a key other than "
                    "id, type, date or note, e.g. --field urgent=true."
                ).format(value=repr(pair))
            )
        try:
            store.read_field(key, value)
        except store.ValueProblem as problem:
            raise PlancliError(
                _("--field {key}: {problem}. Nothing was changed.").format(key=key, problem=problem)
            ) from None
        fields[key] = value.strip()
    return fields


def letter_values(pairs: Sequence[str]) -> list[tuple[str, str]]:
    """--set KEY=VALUE of `plancli letter`."""
    found: list[tuple[str, str]] = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise LetterError(
                _(
                    '--set {value}: expected KEY=VALUE, e.g. --set concerns="reading; speech".'
                ).format(value=repr(pair[:60]))
            )
        bad = next((c for c in pair if "\ud800" <= c <= "\udfff"), None)  # argv not in UTF-8
        if bad is not None:
            raise LetterError(
                _(
                    "--set {value}: a character that is not Unicode text (U+{code:04X}: a wrongly "
                    "encoded command-line argument?). Nothing was written; retype that text and "
                    "try again."
                ).format(value=report.printable(pair[:60]), code=ord(bad))
            )
        found.append((key.strip(), value))
    return found


def check_record_date(event: Any, now: date) -> None:
    """--record never writes an event dated after today (`plancli check` would flag it)."""
    day = event["date"] if event is not None else None
    if isinstance(day, date) and day > now:
        raise LetterError(
            _(
                "--record: the event would be dated {day}, after today ({today}); record it once "
                "it has happened. Nothing was written."
            ).format(day=day.isoformat(), today=now.isoformat())
        )


def check_letter_output(output: Path, plan_path: Path, *, force: bool) -> None:
    """Refuse a bad --output before anything is rendered (writing re-checks, atomically)."""
    from plancli.letters import OUTPUT_SUFFIXES

    if output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise LetterError(
            _(
                "--output {path}: the file name must end in {suffixes} (the extension chooses "
                "the format)."
            ).format(path=output, suffixes=", ".join(OUTPUT_SUFFIXES))
        )
    if planfiles.same_file(output, plan_path):
        raise LetterError(
            _("--output {file} is the plan file; choose another file name.").format(file=output)
        )
    if output.exists() and not force:
        raise LetterError(
            _(
                "{path} already exists; plancli will not overwrite it. Add --force to replace "
                "it, or choose another --output."
            ).format(path=output)
        )


def deadlines_named(loaded: Plan, now: date, name: str) -> list[Deadline]:
    """`plancli explain NAME`: the deadlines an event id or a deadline id names."""
    every = deadlines_for(loaded, now)
    rule_id, _sep, event_id = name.partition(":")
    if event_id:
        found = [d for d in every if d.id == name]
    elif name == COMMITMENT_RULE_ID:  # every promise of the plan (`commitment:e5` names one)
        found = [d for d in every if d.rule.id == name]
    else:
        found = [d for d in every if d.trigger.event_id == name]
    if found:
        return found
    event = loaded.event(name) or loaded.event(event_id)
    if event is not None:
        raise UnknownNameError(
            _(
                "Event {id} ({type}) starts no deadline by itself; "
                "`plancli deadlines --all` lists every deadline."
            ).format(id=event.id, type=event.type)
        )
    choices = [*RULES_BY_ID, *(e.id for e in loaded.events), *(d.id for d in every)]
    raise UnknownNameError(
        _("'{name}' is not a rule, an event or a deadline of this plan.").format(name=name)
        + suggestion(name, choices)
        + " "
        + _("`plancli rules` lists the rules and `plancli events` the events.")
    )
