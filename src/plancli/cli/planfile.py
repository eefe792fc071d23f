"""Commands that make and edit the plan file: init, add, events, remove, check."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from plancli import arguments, cron, narrow, planfiles, report, store, view
from plancli.cli.base import (
    OnePlanOption,
    PlanOption,
    TodayOption,
    YesOption,
    app,
    err,
    escape,
    out,
    print_error,
    reporting_errors,
    show_deadlines,
    today_of,
    write_text,
)
from plancli.deadlines import deadlines_for
from plancli.errors import (
    PlancliError,
    PlanExistsError,
    PlanFileError,
    UnknownNameError,
    suggestion,
)
from plancli.rules import (
    EVENT_TYPES,
    EXTENSION_EVENT,
    field_warnings,
)
from plancli.view import Format
from plancli.vocab import LANGUAGES

# --------------------------------------------------------------------------------------------
# init, add, events, remove, check


@app.command()
def init(
    plan: OnePlanOption = None,
    name: Annotated[str | None, typer.Option(help="The child's name.")] = None,
    birth_date: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="The child's birth date.")
    ] = None,
    parent_name: Annotated[str | None, typer.Option(help="Your name, for letters.")] = None,
    language: Annotated[str, typer.Option(help="Letters in en or es.")] = "en",
    school: Annotated[str | None, typer.Option(help="The child's school.")] = None,
    district: Annotated[str | None, typer.Option(help="The school district.")] = None,
    regional_center: Annotated[str | None, typer.Option(help="The regional center.")] = None,
    address: Annotated[str | None, typer.Option(help="Your mailing address, for letters.")] = None,
    phone: Annotated[str | None, typer.Option(help="Your phone, for letters.")] = None,
    email: Annotated[str | None, typer.Option(help="Your email, for letters.")] = None,
    concerns: Annotated[
        str | None, typer.Option(help="Areas of concern, e.g. 'reading; speech'.")
    ] = None,
    yes: YesOption = False,
    today: TodayOption = None,
) -> None:
    """Create a plan file for one child (never overwrites an existing one)."""
    now = today_of(today)
    path = planfiles.one_plan(plan)
    with reporting_errors():
        if path.exists():
            raise PlanExistsError(
                f"{path} already exists; plancli will not overwrite it. "
                "Use it as it is, or choose another path with --plan."
            )
        ask = not yes and sys.stdin.isatty()
        if ask:
            name = name or typer.prompt("Child's name")
            while birth_date is None or arguments.birth_date_problem(birth_date, now):
                if birth_date is not None:
                    err.print(
                        escape(arguments.birth_date_problem(birth_date, now) or ""), soft_wrap=True
                    )
                birth_date = typer.prompt("Child's birth date (YYYY-MM-DD)")
            parent_name = parent_name or typer.prompt("Your name (for letters)", default="")
            address = address or typer.prompt("Your mailing address (for letters)", default="")
            concerns = concerns or typer.prompt(
                "Areas of concern, separated by ; (for letters)", default=""
            )
            school = school or typer.prompt("School (optional)", default="")
            district = district or typer.prompt("School district (optional)", default="")
            regional_center = regional_center or typer.prompt(
                "Regional center (optional)", default=""
            )
        if not name or not birth_date:
            raise PlancliError(
                "A plan needs the child's name and birth date: give --name and "
                "--birth-date (YYYY-MM-DD)."
            )
        problem = arguments.birth_date_problem(birth_date, now)
        if problem:
            raise PlancliError(problem)
        if language not in LANGUAGES:
            raise PlancliError(f"--language must be en or es, not {language!r}.")
        text = view.new_plan_text(
            name=name,
            birth_date=birth_date,
            language=language,
            parent_name=parent_name,
            address=address,
            phone=phone,
            email=email,
            concerns=concerns,
            school=school,
            district=district,
            regional_center=regional_center,
        )
        store.create_plan(path, text)
    write_text(view.created_text(path, plan_given=plan is not None))
    write_text(cron.crontab_text(path, width=narrow.terminal_width()))


def _event_type_help() -> str:
    return "Event type, one of: " + ", ".join(EVENT_TYPES) + "."


@app.command()
def add(
    event_type: Annotated[str, typer.Argument(metavar="TYPE", help=_event_type_help())],
    on: Annotated[str, typer.Argument(metavar="DATE", help="When it happened, YYYY-MM-DD.")],
    plan: OnePlanOption = None,
    note: Annotated[str | None, typer.Option(help="A short note (kept in the plan).")] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            metavar="KEY=VALUE",
            help="An event-specific field, e.g. urgent=true, "
            "effective_date=2026-11-01, rule=initial-iep, until=2026-12-15.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Record it even if the plan has the same event on the same date."
        ),
    ] = False,
    today: TodayOption = None,
) -> None:
    """Record an event; prints the deadlines it starts."""
    now = today_of(today)
    path = planfiles.one_plan(plan)
    with reporting_errors():
        arguments.check_event_type(event_type)
        day = arguments.event_date(on, now)
        fields = arguments.event_fields(field or [])
        event = {"type": event_type, "date": day, "note": note, **fields}
        added = store.add_event(path, event, force=force)
    new_id, updated = added.id, added.plan
    out.print(f"Added {new_id}: {event_type} on {day.isoformat()}.", markup=False)
    for warning in field_warnings(event_type, fields):
        err.print(f"Warning: --field {escape(warning)}", soft_wrap=True)
    if event_type == EXTENSION_EVENT and not [
        d for d in deadlines_for(updated, now) if d.extension and d.extension.id == new_id
    ]:
        err.print(
            f"Warning: no {escape(str(fields.get('rule')))} deadline of this plan takes this "
            "extension (no trigger event on or before it, or the date is not later than the "
            "law's); `plancli check` says more.",
            soft_wrap=True,
        )
    started = [d for d in deadlines_for(updated, now) if d.trigger.event_id == new_id]
    if started:
        show_deadlines([(None, path, d) for d in started], now, Format.TABLE, caseload=False)
    else:
        out.print(
            "It starts no deadline by itself (it may meet one: see `plancli deadlines`).",
            markup=False,
        )


@app.command()
def events(plan: OnePlanOption = None, today: TodayOption = None) -> None:
    """List the recorded events: id, date, type, fields, note (* = after today)."""
    now = today_of(today)
    with reporting_errors():
        loaded = store.load_plan(planfiles.one_plan(plan))
    text = view.events_text(loaded.events_by_date(), now)
    if text is None:
        out.print("No events yet. `plancli add TYPE DATE` records one.", markup=False)
        return
    write_text(text)


@app.command()
def remove(
    event_id: Annotated[
        str, typer.Argument(metavar="EVENT_ID", help="The event's id (see `plancli events`).")
    ],
    plan: OnePlanOption = None,
    yes: YesOption = False,
    today: TodayOption = None,  # accepted like every command that reads a plan (SPEC §1)
) -> None:
    """Remove an event (asks first; --yes for scripts)."""
    path = planfiles.one_plan(plan)
    with reporting_errors():
        loaded = store.load_plan(path)
        event = loaded.event(event_id)
        if event is None:
            raise UnknownNameError(
                f"No event '{event_id}' in {path}."
                f"{suggestion(event_id, [e.id for e in loaded.events])} "
                "`plancli events` lists them."
            )
        if not yes:
            if not sys.stdin.isatty():
                raise PlancliError(f"Not removing {event_id} without confirmation: add --yes.")
            if not typer.confirm(f"Remove {event_id} ({event.type} on {event.date})?"):
                out.print("Nothing removed.", markup=False)
                return
        store.update_plan(path, lambda document, _: store.remove_event(document, event_id))
    backup = report.printable(f"{path}.bak")
    write_text(f"Removed {event_id}. The previous version is in {backup}.\n")


@app.command()
def check(plan: PlanOption = None, today: TodayOption = None) -> None:
    """Validate plan files and report every problem at once."""
    from plancli.checks import check_plan_file

    now = today_of(today)
    failed = False
    for message in planfiles.empty_folders(plan):
        print_error(message)
        failed = True
    for path in planfiles.plan_paths(plan):
        result = check_plan_file(path, now)
        if result.error is not None:
            print_error(result.error)
            failed = True
            continue
        for warning in result.warnings:
            err.print(f"Warning: {escape(str(path))}: {escape(warning)}", soft_wrap=True)
        if result.problems:
            print_error(str(PlanFileError(str(path), result.problems)))
            failed = True
        else:
            count = f"{result.events} event{'' if result.events == 1 else 's'}"
            out.print(f"{report.printable(str(path))}: OK ({count}).", markup=False)
    if failed:
        raise typer.Exit(code=1)
