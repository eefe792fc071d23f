"""`plancli letter`: write a request letter, and record it."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plancli import arguments, planfiles, report, store, view
from plancli.cli.base import (
    OnePlanOption,
    OutputOption,
    TodayOption,
    app,
    choose_language,
    err,
    out,
    parse_today,
    print_warning,
    reporting_errors,
    say,
    show_deadlines,
    today_of,
    write_text,
)
from plancli.deadlines import deadlines_for
from plancli.errors import LetterError, PlanExistsError
from plancli.i18n import N_, _
from plancli.view import DeadlineRow, Format

if TYPE_CHECKING:
    from plancli.letters.render import Delivery

# ---- letter


class LetterLanguage(StrEnum):
    EN = "en"
    ES = "es"
    ES_EN = "es+en"  # both versions in one document, the first language first
    EN_ES = "en+es"


def _choose_languages(value: LetterLanguage | None) -> LetterLanguage | None:
    """`--lang` chooses the letter's language and, when given, the interface's too."""
    # es+en / en+es: the first language is the one plancli speaks on the terminal.
    choose_language(None if value is None else value.value.split("+")[0])
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
                "family.language for the letter, else en); es+en or en+es writes both versions "
                "in one document."
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
    received: Annotated[
        str | None,
        typer.Option(
            "--received",
            metavar="YYYY-MM-DD",
            callback=parse_today,
            help=N_(
                "With --record: the day the recipient received the letter, when it is "
                "delivered after its date (the recorded event is dated that day)."
            ),
        ),
    ] = None,
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
            raise typer.BadParameter(_("give the letter's NAME, or --list"), param_hint="NAME")
        now = today_of(today)
        if received is not None and not record:
            raise LetterError(
                _(
                    "--received dates the event --record adds: give --record too, or leave "
                    "out --received. Nothing was written."
                )
            )
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
            received=received if isinstance(received, date) else None,
        )
        arguments.check_record_date(rendered.record, now)
        if rendered.record is not None:  # the plan must take the event before anything is written
            store.add_event(path, rendered.record, write=False, force=force)
        for warning in rendered.warnings:
            print_warning(warning)
        if output is None:
            write_text(rendered.text)
        else:
            _save_letter(output, letters.letter_bytes(rendered, output.suffix), force=force)
        recorded = None
        if rendered.record is not None:
            recorded = _record_letter_event(
                path, rendered.record, now, to_stderr=output is None, force=force
            )
        if rendered.delivery is not None:
            # How to send it and keep proof: after the letter, never in it (SPEC §6.1).
            console = err if output is None else out
            say(console, "\n" + delivery_advice(rendered.delivery, recorded))


def delivery_advice(delivery: Delivery, recorded: str | None) -> str:
    """How to send the letter and keep proof of the date it arrived, and how to record the
    answer (the law's periods count from receipt: docs/letters-law.md, proof-of-delivery)."""
    who = {
        "district": _("the district"),
        "regional center": _("the regional center"),
        "dds": _("DDS"),
    }.get(delivery.recipient, _("the recipient"))
    lines = [
        _(
            "How to send it and keep proof of the date: hand it in and ask for a copy stamped "
            "with the date received; or email it and ask for a read receipt (keep the sent "
            "email); or send it by certified mail with a return receipt (keep the receipt). "
            "The law's days count from the date {who} receives it."
        ).format(who=who)
    ]
    if delivery.filing is not None:
        lines += filing_advice(delivery.filing)
    if delivery.services_continue_by is not None:
        lines.append(
            _(
                "For the services to continue during the appeal, DDS must receive this request, "
                "or it must be postmarked, by {date}."
            ).format(date=delivery.services_continue_by.isoformat())
        )
    if delivery.online is not None:
        lines.append(
            _(
                "DDS takes the same request online ({address}); the printable form DS 1821 "
                "gives its mailing address. Check them before sending."
            ).format(address=delivery.online)
        )
    if delivery.replies:
        lines.append(
            _(
                "When the answer comes, record it: plancli add {type} YYYY-MM-DD --field "
                "answers={event}"
            ).format(type=delivery.replies[0], event=recorded or "ID")
            + (
                ""
                if recorded
                else " "
                + _("(ID: the id of this request once recorded; `plancli events` lists them).")
            )
        )
    return "\n".join(lines)


def filing_advice(name: str) -> list[str]:
    """Where a filing goes, where plancli read that address (a note to check it), who gets a
    copy, and the chronology to attach (SPEC §6.2)."""
    from plancli.rules.filings import FILINGS_BY_ID

    filing = FILINGS_BY_ID[name]
    lines = []
    agency = filing.agency
    if agency is not None:
        lines.append(
            _(
                "Where to send it: {agency}, {unit}. Addresses change, so check it before "
                "sending; plancli read this address on {date} at:"
            ).format(agency=agency.name, unit=agency.unit, date=agency.read_on.isoformat())
        )
        lines += [f"    {source.url}" for source in agency.sources]  # one a line, never folded
        if agency.online:
            lines.append(_("It also takes filings online: {address}").format(address=agency.online))
    if any(item.key == "served-on-district" for item in filing.required):
        lines.append(
            _(
                "Serve the district first: give or mail it a copy, fill in and sign the proof "
                "of service (the last page), and send the request with that page."
            )
        )
    elif filing.copy_to is not None:
        lines.append(
            _("Send a copy to the {party} at the same time.").format(
                party=_("district") if filing.copy_to == "district" else _("regional center")
            )
        )
    lines.append(
        _(
            "Attach the chronology (`plancli chronology --output case.pdf`) and copies of the "
            "letters and notices it names."
        )
    )
    return lines


def _save_letter(output: Path, data: bytes, *, force: bool) -> None:
    try:
        store.write_private_file(output, data, force=force)
    except PlanExistsError as error:
        raise LetterError(str(error)) from None
    say(out, _("Wrote {file} (readable only by you).").format(file=report.printable(str(output))))


def _record_letter_event(path: Path, event: Any, now: date, *, to_stderr: bool, force: bool) -> str:
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
    console.print(
        _("Recorded {id}: {type} on {day} in {plan}.").format(
            id=added.id, type=event["type"], day=day, plan=where
        ),
        markup=False,
    )
    if started:
        rows: list[DeadlineRow] = [(None, path, d) for d in started]
        show_deadlines(rows, now, Format.TABLE, caseload=False, to_stderr=to_stderr)
    elif met:
        console.print(view.meets_text(met), markup=False, soft_wrap=True)
    else:
        console.print(_("It starts no deadline by itself."), markup=False)
    return str(added.id)
