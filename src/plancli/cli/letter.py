"""`plancli letter`: write a request letter, and record it."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from plancli import arguments, planfiles, report, store, view
from plancli.cli.base import (
    OnePlanOption,
    OutputOption,
    TodayOption,
    app,
    choose_language,
    err,
    escape,
    out,
    parse_today,
    reporting_errors,
    show_deadlines,
    today_of,
    write_text,
)
from plancli.deadlines import deadlines_for
from plancli.errors import (
    PlanExistsError,
)
from plancli.i18n import N_
from plancli.view import DeadlineRow, Format

# ---- letter


class LetterLanguage(StrEnum):
    EN = "en"
    ES = "es"


def _choose_languages(value: LetterLanguage | None) -> LetterLanguage | None:
    """`--lang` chooses the letter's language and, when given, the interface's too."""
    choose_language(None if value is None else value.value)
    return value


@app.command()
def letter(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            show_default=False,
            help=N_("The letter, e.g. eval-request (`plancli letter --list` lists them)."),
        ),
    ] = None,
    list_letters: Annotated[
        bool,
        typer.Option("--list", help=N_("List the letters: name, recipient, request, languages.")),
    ] = False,
    plan: OnePlanOption = None,
    letter_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            callback=parse_today,
            help=N_("The letter's date (default: today); response dates are counted from it."),
        ),
    ] = None,
    lang: Annotated[
        LetterLanguage | None,
        typer.Option(
            callback=_choose_languages,
            is_eager=True,
            help=N_(
                "en or es: the letter's language and plancli's (default: the plan's "
                "family.language for the letter, else en)."
            ),
        ),
    ] = None,
    output: OutputOption = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=N_(
                "Replace FILE if it exists; with --record, record the event even if the plan "
                "has the same one on that date."
            ),
        ),
    ] = False,
    values: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="KEY=VALUE",
            help=N_(
                'A value the letter needs, e.g. --set concerns="reading; speech" (a list as '
                "a; b; c). `plancli letter --list` shows the values each letter takes."
            ),
        ),
    ] = None,
    record: Annotated[
        bool,
        typer.Option(
            "--record",
            help=N_(
                "Also add the event the letter starts to the plan (dated the letter's date) "
                "and print the deadlines it starts."
            ),
        ),
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            metavar="DIR",
            envvar="PLANCLI_TEMPLATES",
            show_default=False,
            help=N_(
                "A folder of your own NAME.LANG.md.j2 templates that override or add letters "
                "(rendered in a sandbox)."
            ),
        ),
    ] = None,
    today: TodayOption = None,
) -> None:
    """Write a request letter: the law, and the date by which the recipient must act.

    With --output FILE, the extension chooses the format: .txt, .md, .html, .docx or .pdf.
    """
    from plancli import letters

    with reporting_errors():
        if list_letters:
            from plancli.narrow import terminal_width

            listed = letters.available_letters(templates)
            write_text(view.letter_list_text(listed, letters.LETTERS, terminal_width()))
            return
        if name is None:
            raise typer.BadParameter("give the letter's NAME, or --list", param_hint="NAME")
        now = today_of(today)
        path = planfiles.one_plan(plan)
        if output is not None:
            arguments.check_letter_output(output, path, force=force)
        rendered = letters.render_letter(
            name,
            store.load_plan(path),
            on=letter_date if isinstance(letter_date, date) else now,
            lang=lang.value if lang is not None else None,
            values=arguments.letter_values(values or []),
            templates_dir=templates,
            record=record,
        )
        arguments.check_record_date(rendered.record, now)
        if rendered.record is not None:  # the plan must take the event before anything is written
            store.add_event(path, rendered.record, write=False, force=force)
        for warning in rendered.warnings:
            err.print(f"Warning: {escape(warning)}", soft_wrap=True)
        if output is None:
            write_text(rendered.text)
        else:
            _save_letter(output, letters.letter_bytes(rendered, output.suffix), force=force)
        if rendered.record is not None:
            _record_letter_event(path, rendered.record, now, to_stderr=output is None, force=force)


def _save_letter(output: Path, data: bytes, *, force: bool) -> None:
    from plancli.errors import LetterError

    try:
        store.write_private_file(output, data, force=force)
    except PlanExistsError as error:
        raise LetterError(str(error)) from None
    out.print(f"Wrote {report.printable(str(output))} (readable only by you).", markup=False)


def _record_letter_event(
    path: Path, event: Any, now: date, *, to_stderr: bool, force: bool
) -> None:
    """--record: add the event through the plan's safe write path, then show its deadlines.

    With the letter on stdout, this report goes to stderr so that stdout is the letter alone.
    """
    added = store.add_event(path, event, force=force)
    every = deadlines_for(added.plan, now)
    started = [d for d in every if d.trigger.event_id == added.id]
    met = [d for d in every if d.met_by is not None and d.met_by.id == added.id]
    console = err if to_stderr else out
    day = event["date"].isoformat()
    where = report.printable(str(path))
    console.print(f"Recorded {added.id}: {event['type']} on {day} in {where}.", markup=False)
    if started:
        rows: list[DeadlineRow] = [(None, path, d) for d in started]
        show_deadlines(rows, now, Format.TABLE, caseload=False, to_stderr=to_stderr)
    elif met:
        console.print(view.meets_text(met), markup=False, soft_wrap=True)
    else:
        console.print("It starts no deadline by itself.", markup=False)
