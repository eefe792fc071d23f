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
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from plancli import report, store
from plancli.deadlines import Deadline, Status, deadlines_for, select
from plancli.errors import (
    PlancliError,
    PlanExistsError,
    PlanFileError,
    UnknownNameError,
    suggestion,
)
from plancli.model import Plan, next_event_id
from plancli.rules import ALL_RULES, EVENT_TYPES, RULES_BY_ID, System, check_event_type

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
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


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


def default_plan_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("plancli", appauthor=False) / "plan.yaml"


def _one_plan(path: Path | None) -> Path:
    return path if path is not None else default_plan_path()


def _plan_paths(paths: Sequence[Path] | None) -> list[Path]:
    """--plan values, with every *.yaml plan of a named folder (caseload mode)."""
    if not paths:
        return [default_plan_path()]
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.glob("*.yaml") if p.is_file())
            found += sorted(p for p in path.glob("*.yml") if p.is_file())
        else:
            found.append(path)
    return found


def _is_caseload(paths: Sequence[Path] | None) -> bool:
    return bool(paths) and (len(paths or ()) > 1 or any(p.is_dir() for p in paths or ()))


@contextmanager
def reporting_errors() -> Iterator[None]:
    """The single place where a PlancliError becomes a message and exit code 1."""
    try:
        yield
    except PlancliError as error:
        _error(str(error))
        raise typer.Exit(code=1) from None


def _error(message: str) -> None:
    err.print(f"[bold red]Error:[/bold red] {escape(message)}", soft_wrap=True)


def _plain_output() -> bool:
    """Plain text for pipes, files and NO_COLOR; a Rich table on a colour terminal."""
    return not out.is_terminal or "NO_COLOR" in os.environ


STATUS_STYLE = {
    Status.OVERDUE: "bold red",
    Status.DUE_TODAY: "bold red",
    Status.DUE_SOON: "yellow",
    Status.UPCOMING: "",
    Status.MET: "green",
    Status.MET_LATE: "green",
}


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
    system: Annotated[System | None, typer.Option(help="Only one system.")] = None,
    output_format: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = (
        Format.TABLE
    ),
) -> None:
    """What is due, soonest first, with who owes it and the law (the main job)."""
    now = _today(today)
    caseload = _is_caseload(plan)
    rows: list[tuple[str | None, Path, Deadline]] = []
    failed = False
    for path in _plan_paths(plan):
        try:
            loaded = store.load_plan(path)
        except PlancliError as error:
            if not caseload:
                _error(str(error))
                raise typer.Exit(code=1) from None
            _error(str(error))
            failed = True
            continue
        shown = select(
            deadlines_for(loaded, now), now, within=within, include_met=show_all, system=system
        )
        rows += [(loaded.child.name if caseload else None, path, d) for d in shown]
    rows.sort(key=lambda row: (row[2].due, row[0] or "", row[2].rule.id))
    _print_deadlines(rows, now, output_format, caseload=caseload)
    if failed:
        raise typer.Exit(code=1)


def _print_deadlines(
    rows: list[tuple[str | None, Path, Deadline]], now: date, fmt: Format, *, caseload: bool
) -> None:
    records = [
        report.deadline_record(d, child=child, plan=str(path) if caseload else None)
        for child, path, d in rows
    ]
    if fmt is Format.JSON:
        _write(report.deadlines_json(now, records) + "\n")
        return
    if fmt is Format.CSV:
        sys.stdout.write(report.deadlines_csv(records, caseload=caseload))
        return
    if not rows:
        out.print(
            f"Nothing to show as of {now.isoformat()}. `plancli deadlines --all` "
            "includes met deadlines; `plancli add` records what happened.",
            markup=False,
        )
        return
    headers = ["Due", "Days left", "Status", "What", "Owed by", "Law"]
    if caseload:
        headers.insert(0, "Child")
    table_rows = []
    for child, _, d in rows:
        row = [
            d.due.isoformat(),
            report.days_left_text(d),
            str(d.status),
            report.what_text(d),
            d.rule.owed_by,
            d.rule.citation,
        ]
        table_rows.append(([child or ""] if caseload else []) + row)
    if _plain_output():
        _write(report.plain_table(headers, table_rows) + "\n")
        return
    table = Table(title=f"Deadlines as of {now.isoformat()}", title_justify="left")
    for header in headers:
        table.add_column(header, overflow="fold")
    for (_, _, d), cells in zip(rows, table_rows, strict=True):
        table.add_row(*(escape(c) for c in cells), style=STATUS_STYLE[d.status])
    out.print(table)


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
            _print_lines(report.rule_lines(rule))
            path = _one_plan(plan)
            if plan is None and not path.exists():
                return
            loaded = store.load_plan(path)
            found = [d for d in deadlines_for(loaded, now) if d.rule.id == rule_id]
            if not found:
                out.print(
                    f"\nThe plan has no {' or '.join(rule.triggers)} event, so this rule "
                    "has no date yet.",
                    markup=False,
                )
            for d in found:
                out.print()
                _print_lines(report.deadline_lines(d, loaded))
            return
        loaded = store.load_plan(_one_plan(plan))
        found = _find_deadlines(loaded, now, name)
        for i, d in enumerate(found):
            if i:
                out.print()
            _print_lines(report.deadline_lines(d, loaded))


def _find_deadlines(loaded: Plan, now: date, name: str) -> list[Deadline]:
    every = deadlines_for(loaded, now)
    rule_id, _, event_id = name.partition(":")
    if event_id:
        found = [d for d in every if d.id == name]
    else:
        found = [d for d in every if d.trigger.event_id == name]
    if found:
        return found
    event = loaded.event(name) or loaded.event(event_id)
    if event is not None:
        raise UnknownNameError(
            f"Event {event.id} ({event.type}) starts no deadline by itself; "
            "`plancli deadlines --all` lists every deadline."
        )
    choices = [*RULES_BY_ID, *(e.id for e in loaded.events), *(d.id for d in every)]
    raise UnknownNameError(
        f"'{name}' is not a rule, an event or a deadline of this plan."
        f"{suggestion(name, choices)} `plancli rules` lists the rules and "
        "`plancli events` the events."
    )


def _print_lines(lines: Sequence[str]) -> None:
    _write("\n".join(lines) + "\n")


def _write(text: str) -> None:
    """Plain text straight to stdout: Rich would re-scan every line for control codes."""
    sys.stdout.write(text)


@app.command()
def rules(
    system: Annotated[System | None, typer.Option(help="Only one system.")] = None,
    output_format: Annotated[Format, typer.Option("--format", help="table or json.")] = (
        Format.TABLE
    ),
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Every field of every rule, with sources and quotes."),
    ] = False,
) -> None:
    """The rule catalogue: trigger, period, counting, who owes it, and the law."""
    chosen = [r for r in ALL_RULES if system is None or r.system is system]
    if output_format is Format.JSON:
        import json

        out.print(
            json.dumps([report.rule_record(r) for r in chosen], ensure_ascii=False, indent=2),
            markup=False,
            soft_wrap=True,
        )
        return
    if verbose:
        _print_lines([line for r in chosen for line in (*report.rule_lines(r), "")])
        return
    headers = ["Rule", "System", "Trigger", "Period", "Counting", "Owed by", "Law", "Source"]
    rows = [
        [
            r.id,
            str(r.system),
            r.trigger_text,
            r.period_text,
            r.counting_text,
            r.owed_by,
            r.citation,
            report.rule_record(r)["confirmation"] + (" (conflict)" if r.conflict else ""),
        ]
        for r in chosen
    ]
    if output_format is Format.CSV or _plain_output():
        out.print(report.plain_table(headers, rows), markup=False, soft_wrap=True)
        return
    table = Table(
        title="plancli rules (plancli explain RULE for sources and quotes)", title_justify="left"
    )
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(escape(c) for c in row))
    out.print(table)


# --------------------------------------------------------------------------------------------
# init, add, events, remove, check


PLAN_TEMPLATE = """\
# plancli plan file: one per child. Edit it by hand or with `plancli add`.
# Dates are YYYY-MM-DD. Lines starting with # are comments and are kept.
version: 1
child:
  name: {name}
  birth_date: {birth_date}
  concerns: []            # e.g. [reading, speech and language]
family:
  parent_name: {parent_name}
  language: {language}    # en or es: the language of letters
{school}{center}# calendar:   # your district's school calendar: needed for exact IEP dates
#   years:
#     - first_day: 2026-08-12
#       last_day: 2027-06-03
#       breaks:
#         - {{name: Winter break, first: 2026-12-21, last: 2027-01-01}}
#   holidays: []          # extra district closure days
events: []
"""


def _yaml_text(value: str) -> str:
    """A value as a YAML scalar that always reads back as the same text."""
    import json

    return json.dumps(value, ensure_ascii=False)


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
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask; use the options given (for scripts).")
    ] = False,
) -> None:
    """Create a plan file for one child (never overwrites an existing one)."""
    path = _one_plan(plan)
    with reporting_errors():
        if path.exists():
            raise PlanExistsError(
                f"{path} already exists; plancli will not overwrite it. "
                "Use it as it is, or choose another path with --plan."
            )
        ask = not yes and sys.stdin.isatty()
        if ask:
            name = name or typer.prompt("Child's name")
            birth_date = birth_date or typer.prompt("Child's birth date (YYYY-MM-DD)")
            parent_name = parent_name or typer.prompt("Your name (for letters)", default="")
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
        if language not in store.LANGUAGES:
            raise PlancliError(f"--language must be en or es, not {language!r}.")
        text = PLAN_TEMPLATE.format(
            name=_yaml_text(name),
            birth_date=birth_date,
            parent_name=_yaml_text(parent_name) if parent_name else "",
            language=language,
            school=(
                f"school:\n  name: {_yaml_text(school or '')}\n"
                f"  district: {_yaml_text(district or '')}\n"
            )
            if school or district
            else "",
            center=(
                f"regional_center:\n  name: {_yaml_text(regional_center)}\n  hcbs_waiver: false\n"
            )
            if regional_center
            else "",
        )
        store.create_plan(path, text)
    out.print(f"Created {path} (readable only by you).", markup=False)
    out.print(
        "Next: `plancli add assessment-requested YYYY-MM-DD` to record what happened, "
        "then `plancli deadlines`.",
        markup=False,
    )


def _event_type_help() -> str:
    return "Event type, one of: " + ", ".join(EVENT_TYPES) + "."


def _parse_date(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PlancliError(f"{what}: expected YYYY-MM-DD, got {value!r}.") from None


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
    path = _one_plan(plan)
    with reporting_errors():
        check_event_type(event_type)
        day = _parse_date(on, "DATE")
        fields = _parse_fields(field or [])
        new_id: list[str] = []

        def change(document: Any, current: Plan) -> None:
            new_id.append(next_event_id(current.events))
            store.append_event(
                document, {"id": new_id[0], "type": event_type, "date": day, "note": note, **fields}
            )

        updated = store.update_plan(path, change)
    out.print(f"Added {new_id[0]}: {event_type} on {day.isoformat()}.", markup=False)
    started = [d for d in deadlines_for(updated, now) if d.trigger.event_id == new_id[0]]
    if started:
        _print_deadlines([(None, path, d) for d in started], now, Format.TABLE, caseload=False)
    else:
        out.print(
            "It starts no deadline by itself (it may meet one: see `plancli deadlines`).",
            markup=False,
        )


def _parse_fields(pairs: Sequence[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key or key in store.EVENT_KEYS:
            raise PlancliError(
                f"--field {pair!r}: expected KEY=VALUE with a key other than "
                "id, type, date or note, e.g. --field urgent=true."
            )
        value = value.strip()
        if value.lower() in ("true", "false"):
            fields[key] = value.lower() == "true"
        elif key in ("until", "effective_date") or key.endswith("_date"):
            fields[key] = _parse_date(value, f"--field {key}")
        else:
            fields[key] = value
    return fields


@app.command()
def events(plan: OnePlanOption = None) -> None:
    """List the recorded events: id, date, type, note."""
    with reporting_errors():
        loaded = store.load_plan(_one_plan(plan))
    rows = [[e.id, e.date.isoformat(), e.type, e.note or ""] for e in loaded.events_by_date()]
    if not rows:
        out.print("No events yet. `plancli add TYPE DATE` records one.", markup=False)
        return
    out.print(
        report.plain_table(["Id", "Date", "Type", "Note"], rows), markup=False, soft_wrap=True
    )


@app.command()
def remove(
    event_id: Annotated[
        str, typer.Argument(metavar="EVENT_ID", help="The event's id (see `plancli events`).")
    ],
    plan: OnePlanOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (for scripts).")] = False,
) -> None:
    """Remove an event (asks first; --yes for scripts)."""
    path = _one_plan(plan)
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
    out.print(f"Removed {event_id}. The previous version is in {path}.bak.", markup=False)


@app.command()
def check(plan: PlanOption = None, today: TodayOption = None) -> None:
    """Validate plan files and report every problem at once."""
    from plancli.checks import plan_problems

    now = _today(today)
    failed = False
    for path in _plan_paths(plan):
        try:
            loaded = store.read_plan(path)
        except PlanFileError as error:
            _error(str(error))
            failed = True
            continue
        except PlancliError as error:
            _error(str(error))
            failed = True
            continue
        problems = plan_problems(loaded.plan, now)
        for warning in loaded.warnings:
            err.print(f"Warning: {escape(str(path))}: {escape(warning)}", soft_wrap=True)
        if problems:
            _error(str(PlanFileError(str(path), problems)))
            failed = True
        else:
            out.print(f"{path}: OK ({len(loaded.plan.events)} events).", markup=False)
    if failed:
        raise typer.Exit(code=1)


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
