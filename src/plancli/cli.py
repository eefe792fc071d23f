"""The command line: parse → call the core → render. The only module that imports typer/rich.

Reads the clock once (`_today`), unless `--today` is given. Every PlancliError becomes one
message on stderr and exit code 1 in `reporting_errors`; usage errors are Typer's exit 2.
"""

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from plancli import arguments, digest, planfiles, report, store, view
from plancli.deadlines import deadlines_for, select
from plancli.errors import (
    PlancliError,
    PlanExistsError,
    PlanFileError,
    UnknownNameError,
    suggestion,
)
from plancli.rules import (
    ALL_RULES,
    EVENT_TYPES,
    EXTENSION_EVENT,
    RULES_BY_ID,
    System,
    check_event_type,
    field_warnings,
)
from plancli.view import DeadlineRow, Format
from plancli.vocab import LANGUAGES

app = typer.Typer(
    name="plancli",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Legal deadlines for California families of children with disabilities: special "
    "education (IEP), Section 504, Regional Center (IPP) and Early Start (IFSP). Not legal "
    "advice: every date shows the law it comes from.",
)


class _LazyConsole:
    """A Rich console made on first use, so plain output (pipes, cron, JSON) never loads Rich.

    Rich's console and table modules take ~25 ms to import; `plancli deadlines` piped to a
    file or run from cron writes plain text and does not need them.
    """

    def __init__(self, *, stderr: bool) -> None:
        self._stderr = stderr
        self._console: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self._stderr, highlight=False)
        return getattr(self._console, name)


out = _LazyConsole(stderr=False)
err = _LazyConsole(stderr=True)


def escape(text: str) -> str:
    """Rich markup escaping, imported only when Rich is used."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _parse_today(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


PlanOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--plan",
        "-p",
        envvar="PLANCLI_PLAN",
        show_default=False,
        help="Plan file (default: plan.yaml in your plancli data folder). Give it "
        "several times, or name a folder of plans, for a caseload.",
    ),
]
OnePlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        "-p",
        envvar="PLANCLI_PLAN",
        show_default=False,
        help="Plan file (default: plan.yaml in your plancli data folder).",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (readable only by you) instead of stdout.",
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", help="table, json or csv.")]
SystemOption = Annotated[System | None, typer.Option(help="Only one system.")]
YesOption = Annotated[
    bool, typer.Option("--yes", "-y", help="Do not ask; use the options given (for scripts).")
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        callback=_parse_today,
        help="Treat this date as today (for reproducible output and 'what if').",
    ),
]


def _today(value: Any) -> date:
    """The one place plancli reads the clock."""
    return value if isinstance(value, date) else date.today()


@contextmanager
def reporting_errors() -> Iterator[None]:
    """The single place where a PlancliError becomes a message and exit code 1."""
    try:
        yield
    except PlancliError as error:
        _error(str(error))
        raise typer.Exit(code=1) from None
    except OSError as error:  # a path the system cannot use (name too long, no permission)
        _error(f"Cannot use {str(error.filename or 'a file')[:200]}: {error.strerror or error}.")
        raise typer.Exit(code=1) from None


def _error(message: str) -> None:
    err.print(f"[bold red]Error:[/bold red] {escape(message)}", soft_wrap=True)


def _plain_output(stream: Any) -> bool:
    """Plain text for pipes, files and NO_COLOR; a Rich table on a colour terminal."""
    return not stream.isatty() or "NO_COLOR" in os.environ


# --------------------------------------------------------------------------------------------
# deadlines


@app.command()
def deadlines(
    plan: PlanOption = None,
    today: TodayOption = None,
    within: Annotated[
        int | None,
        typer.Option(
            min=0, help="Only open deadlines due within DAYS (overdue included).", metavar="DAYS"
        ),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Include met deadlines and old age-based dates.")
    ] = False,
    system: SystemOption = None,
    output_format: FormatOption = Format.TABLE,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """What is due, soonest first, with who owes it and the law (the main job).

    A CSV file written with --output opens cleanly in Excel too.
    """
    now = _today(today)
    caseload = planfiles.is_caseload(plan)
    with planfiles.kept_out_of_gc():
        plans, failed = _load_plans(plan, now)
        rows: list[DeadlineRow] = [
            (one.plan.child.name if caseload else None, Path(one.path), d)
            for one in plans
            for d in select(one.deadlines, now, within=within, include_met=show_all, system=system)
        ]
    rows.sort(key=lambda row: (row[2].due, row[0] or "", row[2].rule.id))
    if output is None:
        _show_deadlines(rows, now, output_format, caseload=caseload)
    else:
        with reporting_errors():
            data = view.deadlines_file(rows, now, output_format, caseload=caseload)
            planfiles.refuse_plan_as_output(output, planfiles.plan_paths(plan))
            store.write_private_file(output, data, force=force)
    if failed:
        raise typer.Exit(code=1)


def _show_deadlines(
    rows: Sequence[DeadlineRow],
    now: date,
    fmt: Format,
    *,
    caseload: bool,
    to_stderr: bool = False,
) -> None:
    """Deadlines on stdout (or stderr): a Rich table on a colour terminal, else plain text."""
    stream = sys.stderr if to_stderr else sys.stdout
    if fmt is Format.TABLE and rows and not _plain_output(stream):
        console = err if to_stderr else out
        console.print(view.deadlines_table(rows, now, caseload=caseload))
        notes = view.deadline_notes(rows, caseload=caseload)
        if notes:
            console.print(notes, markup=False, end="")
        return
    stream.write(view.deadlines_text(rows, now, fmt, caseload=caseload))


# --------------------------------------------------------------------------------------------
# explain, rules


@app.command()
def explain(
    name: Annotated[
        str,
        typer.Argument(
            metavar="RULE_OR_DEADLINE",
            help="A rule id (assessment-plan), an event id (e1), or both (assessment-plan:e1).",
        ),
    ],
    plan: OnePlanOption = None,
    today: TodayOption = None,
) -> None:
    """How a date was counted, step by step, and the law behind it."""
    now = _today(today)
    with reporting_errors():
        rule_id, _, event_id = name.partition(":")
        if rule_id in RULES_BY_ID and not event_id:
            rule = RULES_BY_ID[rule_id]
            _write(view.explain_rule_text(rule))
            path = planfiles.one_plan(plan)
            if plan is None and not path.exists():
                return
            loaded = store.load_plan(path)
            found = [d for d in deadlines_for(loaded, now) if d.rule.id == rule_id]
            if not found:
                _write(view.no_date_yet_text(rule))
            _write(view.explain_deadlines_text(found, loaded, after_rule=True))
            return
        loaded = store.load_plan(planfiles.one_plan(plan))
        found = arguments.deadlines_named(loaded, now, name)
        _write(view.explain_deadlines_text(found, loaded, after_rule=False))


def _write(text: str) -> None:
    """Plain text straight to stdout: Rich would re-scan every line for control codes."""
    sys.stdout.write(text)


@app.command()
def rules(
    system: SystemOption = None,
    output_format: FormatOption = Format.TABLE,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Every field of every rule, with sources and quotes."),
    ] = False,
) -> None:
    """The rule catalogue: trigger, period, counting, who owes it, and the law."""
    chosen = [r for r in ALL_RULES if system is None or r.system is system]
    if output_format is Format.JSON:
        out.print(view.rules_json(chosen), markup=False, soft_wrap=True)
    elif output_format is Format.CSV:
        _write(view.rules_csv(chosen))
    elif verbose:
        _write(view.rules_verbose_text(chosen))
    elif _plain_output(sys.stdout):
        out.print(view.rules_plain(chosen), markup=False, soft_wrap=True)
    else:
        out.print(view.rules_table(chosen))


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
    now = _today(today)
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
    _write(view.created_text(path, plan_given=plan is not None))


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
    today: TodayOption = None,
) -> None:
    """Record an event; prints the deadlines it starts."""
    now = _today(today)
    path = planfiles.one_plan(plan)
    with reporting_errors():
        check_event_type(event_type)
        day = arguments.event_date(on, now)
        fields = arguments.event_fields(field or [])
        added = store.add_event(path, {"type": event_type, "date": day, "note": note, **fields})
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
        _show_deadlines([(None, path, d) for d in started], now, Format.TABLE, caseload=False)
    else:
        out.print(
            "It starts no deadline by itself (it may meet one: see `plancli deadlines`).",
            markup=False,
        )


@app.command()
def events(plan: OnePlanOption = None, today: TodayOption = None) -> None:
    """List the recorded events: id, date, type, fields, note (* = after today)."""
    now = _today(today)
    with reporting_errors():
        loaded = store.load_plan(planfiles.one_plan(plan))
    text = view.events_text(loaded.events_by_date(), now)
    if text is None:
        out.print("No events yet. `plancli add TYPE DATE` records one.", markup=False)
        return
    _write(text)


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
    _write(f"Removed {event_id}. The previous version is in {backup}.\n")


@app.command()
def check(plan: PlanOption = None, today: TodayOption = None) -> None:
    """Validate plan files and report every problem at once."""
    from plancli.checks import check_plan_file

    now = _today(today)
    failed = False
    for path in planfiles.plan_paths(plan):
        result = check_plan_file(path, now)
        if result.error is not None:
            _error(result.error)
            failed = True
            continue
        for warning in result.warnings:
            err.print(f"Warning: {escape(str(path))}: {escape(warning)}", soft_wrap=True)
        if result.problems:
            _error(str(PlanFileError(str(path), result.problems)))
            failed = True
        else:
            count = f"{result.events} event{'' if result.events == 1 else 's'}"
            out.print(f"{report.printable(str(path))}: OK ({count}).", markup=False)
    if failed:
        raise typer.Exit(code=1)


# ---- remind


def _load_plans(plan: Sequence[Path] | None, now: date) -> tuple[list[digest.PlanDeadlines], bool]:
    """Every plan of --plan with its deadlines; each that cannot be read is said on stderr.

    One plan: an unreadable file is exit 1 at once. Caseload mode: the others are still
    processed; the second value is then True, and the command exits 1 at the end.
    """
    loaded = planfiles.load_plans(plan, now)
    for message in loaded.errors:
        _error(message)
    if loaded.errors and not planfiles.is_caseload(plan):
        raise typer.Exit(code=1)
    return loaded.plans, bool(loaded.errors)


@app.command()
def remind(
    plan: PlanOption = None,
    today: TodayOption = None,
    within: Annotated[
        int,
        typer.Option(min=0, metavar="DAYS", help="Also list open deadlines due within DAYS."),
    ] = 7,
) -> None:
    """Digest for cron mail: overdue, then due within DAYS, each with the next step.

    Prints nothing at all when nothing is overdue or due within DAYS, so cron sends no mail.

    Exit 0 either way, 1 for errors (a caseload's bad plan: after the others are processed).
    """
    now = _today(today)
    with planfiles.kept_out_of_gc():
        plans, failed = _load_plans(plan, now)
        _write(digest.digest_text(plans, now, within, caseload=planfiles.is_caseload(plan)))
    if failed:
        raise typer.Exit(code=1)


# ---- export

export_app = typer.Typer(
    name="export",
    no_args_is_help=True,
    help="Export the open deadlines for other programs: `plancli export ics` for calendars.",
)
app.add_typer(export_app, name="export")


@export_app.command("ics")
def export_ics(
    plan: PlanOption = None,
    today: TodayOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    alarm: Annotated[
        list[int] | None,
        typer.Option(
            "--alarm",
            min=0,
            metavar="DAYS",
            help="An alarm DAYS days before each due date; repeat for several "
            "(default: --alarm 7 --alarm 1).",
        ),
    ] = None,
    no_alarms: Annotated[bool, typer.Option("--no-alarms", help="No alarms at all.")] = False,
) -> None:
    """Calendar file (iCalendar, .ics) of the open deadlines, with alarms.

    One all-day event per open deadline, on its due date; met deadlines are left out.

    Each event keeps its UID from one export to the next: importing again updates it.
    """
    from datetime import UTC, datetime, time

    from plancli import ics

    if alarm and no_alarms:
        raise typer.BadParameter("give --alarm or --no-alarms, not both")
    if isinstance(today, date):
        # Reproducible: the same --today gives the same file, byte for byte.
        now, stamp = today, datetime.combine(today, time(0), tzinfo=UTC)
    else:
        stamp = datetime.now(UTC).replace(microsecond=0)  # the clock, read once
        now = stamp.astimezone().date()
    caseload = planfiles.is_caseload(plan)
    with planfiles.kept_out_of_gc():
        plans, failed = _load_plans(plan, now)
        name = (
            "plancli caseload"
            if caseload or len(plans) != 1
            else f"plancli: {plans[0].plan.child.name}"
        )
        data = ics.calendar_bytes(
            plans,
            now,
            stamp=stamp,
            alarms=() if no_alarms else tuple(alarm or ics.DEFAULT_ALARMS),
            caseload=caseload,
            name=name,
        )
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        with reporting_errors():
            planfiles.refuse_plan_as_output(output, planfiles.plan_paths(plan))
            store.write_private_file(output, data, force=force)
        count = data.count(b"BEGIN:VEVENT")
        out.print(
            f"Wrote {count} open deadline{'' if count == 1 else 's'} to "
            f"{report.printable(str(output))} "
            "(readable only by you). Import it into your calendar; importing a newer "
            "export updates the same events.",
            markup=False,
            soft_wrap=True,
        )
    if failed:
        raise typer.Exit(code=1)


# ---- letter


class LetterLanguage(StrEnum):
    EN = "en"
    ES = "es"


@app.command()
def letter(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            show_default=False,
            help="The letter, e.g. eval-request (`plancli letter --list` lists them).",
        ),
    ] = None,
    list_letters: Annotated[
        bool,
        typer.Option("--list", help="List the letters: name, recipient, request, languages."),
    ] = False,
    plan: OnePlanOption = None,
    letter_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            callback=_parse_today,
            help="The letter's date (default: today); response dates are counted from it.",
        ),
    ] = None,
    lang: Annotated[
        LetterLanguage | None,
        typer.Option(help="en or es (default: the plan's family.language, else en)."),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    values: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="KEY=VALUE",
            help='A value the letter needs, e.g. --set concerns="reading; speech" (a list as '
            "a; b; c). `plancli letter --list` shows the values each letter takes.",
        ),
    ] = None,
    record: Annotated[
        bool,
        typer.Option(
            "--record",
            help="Also add the event the letter starts to the plan (dated the letter's date) "
            "and print the deadlines it starts.",
        ),
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            metavar="DIR",
            envvar="PLANCLI_TEMPLATES",
            show_default=False,
            help="A folder of your own NAME.LANG.md.j2 templates that override or add letters "
            "(rendered in a sandbox).",
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
            _write(view.letter_list_text(letters.available_letters(templates), letters.LETTERS))
            return
        if name is None:
            raise typer.BadParameter("give the letter's NAME, or --list", param_hint="NAME")
        now = _today(today)
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
            store.add_event(path, rendered.record, write=False)
        for warning in rendered.warnings:
            err.print(f"Warning: {escape(warning)}", soft_wrap=True)
        if output is None:
            _write(rendered.text)
        else:
            _save_letter(output, letters.letter_bytes(rendered, output.suffix), force=force)
        if rendered.record is not None:
            _record_letter_event(path, rendered.record, now, to_stderr=output is None)


def _save_letter(output: Path, data: bytes, *, force: bool) -> None:
    from plancli.errors import LetterError

    try:
        store.write_private_file(output, data, force=force)
    except PlanExistsError as error:
        raise LetterError(str(error)) from None
    out.print(f"Wrote {report.printable(str(output))} (readable only by you).", markup=False)


def _record_letter_event(path: Path, event: Any, now: date, *, to_stderr: bool) -> None:
    """--record: add the event through the plan's safe write path, then show its deadlines.

    With the letter on stdout, this report goes to stderr so that stdout is the letter alone.
    """
    added = store.add_event(path, event)
    every = deadlines_for(added.plan, now)
    started = [d for d in every if d.trigger.event_id == added.id]
    met = [d for d in every if d.met_by is not None and d.met_by.id == added.id]
    console = err if to_stderr else out
    day = event["date"].isoformat()
    where = report.printable(str(path))
    console.print(f"Recorded {added.id}: {event['type']} on {day} in {where}.", markup=False)
    if started:
        rows: list[DeadlineRow] = [(None, path, d) for d in started]
        _show_deadlines(rows, now, Format.TABLE, caseload=False, to_stderr=to_stderr)
    elif met:
        console.print(view.meets_text(met), markup=False, soft_wrap=True)
    else:
        console.print("It starts no deadline by itself.", markup=False)


def main() -> None:
    """Entry point of the `plancli` script: builds only the command being run.

    Typer inspects the signature of every registered command at start-up (about 2 ms each);
    a one-command app with the same settings and a no-op callback (which keeps Typer in group
    mode, so usage lines and help read the same) starts faster. Anything else — no command,
    `--help`, an unknown name — goes to the full app.
    """
    name = sys.argv[1] if len(sys.argv) > 1 else ""
    commands = [c for c in app.registered_commands if (c.name or _command_name(c)) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        app()
        return
    lean = typer.Typer(
        name="plancli",
        add_completion=False,
        pretty_exceptions_show_locals=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    lean.registered_commands = commands
    lean.registered_groups = groups
    lean.callback()(_no_options)
    lean()


def _command_name(info: Any) -> str:
    callback = info.callback
    return "" if callback is None else str(callback.__name__).replace("_", "-")


def _no_options() -> None:
    """Legal deadlines for California families of children with disabilities."""
