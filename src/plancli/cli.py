"""The command line: parse → call the core → render. The only module that imports typer/rich.

Reads the clock once (`_today`), unless `--today` is given. Every PlancliError becomes one
message on stderr and exit code 1 in `reporting_errors`; usage errors are Typer's exit 2.
"""

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from plancli import digest, report, store
from plancli.deadlines import Deadline, Status, deadlines_for, select
from plancli.errors import (
    PlancliError,
    PlanExistsError,
    PlanFileError,
    UnknownNameError,
    suggestion,
)
from plancli.model import Plan, next_event_id
from plancli.rules import (
    ALL_RULES,
    EVENT_TYPES,
    EXTENSION_EVENT,
    RULES_BY_ID,
    Kind,
    Rule,
    System,
    check_event_type,
    field_warnings,
)
from plancli.vocab import LANGUAGES, yes_no

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
ForceOption = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]
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
        if _is_folder(path):  # not path.is_dir(): a name too long would raise
            found += sorted(p for p in path.glob("*.yaml") if p.is_file())
            found += sorted(p for p in path.glob("*.yml") if p.is_file())
        else:
            found.append(path)
    return found


def _is_caseload(paths: Sequence[Path] | None) -> bool:
    return bool(paths) and (len(paths or ()) > 1 or any(_is_folder(p) for p in paths or ()))


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


def _plain_output() -> bool:
    """Plain text for pipes, files and NO_COLOR; a Rich table on a colour terminal."""
    return not sys.stdout.isatty() or "NO_COLOR" in os.environ


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
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE (readable only by you) instead of stdout; a CSV file opens "
            "cleanly in Excel too.",
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """What is due, soonest first, with who owes it and the law (the main job)."""
    now = _today(today)
    caseload = _is_caseload(plan)
    with _kept_out_of_gc():
        plans, failed = _load_plans(plan, now)
        rows = [
            (one.plan.child.name if caseload else None, Path(one.path), d)
            for one in plans
            for d in select(one.deadlines, now, within=within, include_met=show_all, system=system)
        ]
    rows.sort(key=lambda row: (row[2].due, row[0] or "", row[2].rule.id))
    if output is None:
        _print_deadlines(rows, now, output_format, caseload=caseload)
    else:
        with reporting_errors():
            data = _deadlines_file(rows, now, output_format, caseload=caseload)
            _refuse_plan_as_output(output, _plan_paths(plan))
            store.write_private_file(output, data, force=force)
    if failed:
        raise typer.Exit(code=1)


def _print_deadlines(
    rows: list[tuple[str | None, Path, Deadline]], now: date, fmt: Format, *, caseload: bool
) -> None:
    records = [
        report.deadline_record(
            d, child=child, plan=report.printable(str(path)) if caseload else None
        )
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
    labels = report.child_labels((c, str(p)) for c, p, _ in rows if c is not None)
    children = [labels[c, str(p)] if c is not None else "" for c, p, _ in rows]
    table_rows = []
    for child, (_, _, d) in zip(children, rows, strict=True):
        row = [
            d.due.isoformat(),
            report.days_left_text(d),
            str(d.status),
            report.what_text(d),
            d.rule.owed_by,
            d.rule.citation,
        ]
        table_rows.append(([child] if caseload else []) + row)
    notes = report.notes_text([d for _, _, d in rows], children if caseload else None)
    if _plain_output():
        _write(report.plain_table(headers, table_rows) + "\n" + notes)
        return
    from rich.table import Table

    # On a terminal, days left go under the status, so "What" keeps room in 80 columns.
    table = Table(title=f"Deadlines as of {now.isoformat()}", title_justify="left")
    for header in headers:
        if header == "Days left":
            continue
        table.add_column(
            header,
            overflow="fold",
            no_wrap=header in ("Due", "Status"),
            ratio={"What": 3, "Owed by": 1, "Law": 2}.get(header),
        )
    skip = headers.index("Days left")
    for (_, _, d), cells in zip(rows, table_rows, strict=True):
        status = (
            f"{d.status}\n{report.days_in_words(d.days_left)}" if d.is_open else cells[skip + 1]
        )
        shown = [*cells[:skip], status, *cells[skip + 2 :]]
        table.add_row(*(escape(c) for c in shown), style=STATUS_STYLE[d.status])
    out.print(table)
    if notes:
        out.print(notes, markup=False, end="")


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
            _short_period(r),
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
    from rich.table import Table

    table = Table(
        title="plancli rules (plancli explain RULE for sources and quotes)", title_justify="left"
    )
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(escape(c) for c in row))
    out.print(table)


def _short_period(rule: Rule) -> str:
    """The table's period: the rule's own, with a pointer when variants replace it."""
    if rule.age is not None or rule.period is None:
        return rule.period_text
    text = str(rule.period) + (" (varies: see explain)" if rule.variants else "")
    # A guideline has no binding number, and a window is the parent's right: say so here.
    return text if rule.kind is Kind.DEADLINE else f"{text} ({rule.kind})"


# --------------------------------------------------------------------------------------------
# init, add, events, remove, check


PLAN_TEMPLATE = """\
# plancli plan file: one per child. Edit it by hand or with `plancli add`.
# Dates are YYYY-MM-DD. Lines starting with # are comments and are kept.
version: 1
child:
  name: {name}
  birth_date: {birth_date}
  concerns: {concerns}    # e.g. [reading, speech and language]: used in letters
family:
  parent_name: {parent_name}
  address: {address}
  phone: {phone}
  email: {email}
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
    address: Annotated[str | None, typer.Option(help="Your mailing address, for letters.")] = None,
    phone: Annotated[str | None, typer.Option(help="Your phone, for letters.")] = None,
    email: Annotated[str | None, typer.Option(help="Your email, for letters.")] = None,
    concerns: Annotated[
        str | None, typer.Option(help="Areas of concern, e.g. 'reading; speech'.")
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask; use the options given (for scripts).")
    ] = False,
    today: TodayOption = None,
) -> None:
    """Create a plan file for one child (never overwrites an existing one)."""
    now = _today(today)
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
            while birth_date is None or _birth_date_problem(birth_date, now):
                if birth_date is not None:
                    err.print(escape(_birth_date_problem(birth_date, now) or ""), soft_wrap=True)
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
        problem = _birth_date_problem(birth_date, now)
        if problem:
            raise PlancliError(problem)
        if language not in LANGUAGES:
            raise PlancliError(f"--language must be en or es, not {language!r}.")
        text = PLAN_TEMPLATE.format(
            name=_yaml_text(name),
            # Digits and dashes as typed (the plan reads `2020-01-01`); anything else quoted, so
            # it cannot add YAML lines and the plan check names what is wrong with it.
            birth_date=birth_date
            if birth_date[:1].isdigit() and set(birth_date) <= set("0123456789-")
            else _yaml_text(birth_date),
            parent_name=_yaml_text(parent_name) if parent_name else "",
            address=_yaml_text(address) if address else "",
            phone=_yaml_text(phone) if phone else "",
            email=_yaml_text(email) if email else "",
            concerns="["
            + ", ".join(_yaml_text(c.strip()) for c in (concerns or "").split(";") if c.strip())
            + "]",
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
    # Plain writes: a command to copy must not be wrapped in the middle of a path.
    _write(f"Created {report.printable(str(path))} (readable only by you).\n")
    where = f" --plan {report.printable(str(path))}" if plan is not None else ""
    _write(
        f"Next: `plancli add assessment-requested YYYY-MM-DD{where}` to record what happened, "
        f"then `plancli deadlines{where}`.\n"
    )


def _birth_date_problem(value: str, now: date) -> str | None:
    """Why a typed birth date cannot be used, or None."""
    try:
        born = date.fromisoformat(value.strip())
    except ValueError:
        return f"Birth date: expected YYYY-MM-DD (for example 2019-05-14), got {value!r}."
    if born > now:
        return f"Birth date {born.isoformat()} is after today ({now.isoformat()}); check the year."
    return None


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
        if day > now:
            raise PlancliError(
                f"DATE {day.isoformat()} is after today ({now.isoformat()}): record an event once "
                "it has happened (a meeting that is only scheduled has not met any deadline yet)."
            )
        fields = _parse_fields(field or [])
        new_id: list[str] = []

        def change(document: Any, current: Plan) -> None:
            new_id.append(next_event_id(current.events))
            store.append_event(
                document, {"id": new_id[0], "type": event_type, "date": day, "note": note, **fields}
            )

        updated = store.update_plan(path, change)
    out.print(f"Added {new_id[0]}: {event_type} on {day.isoformat()}.", markup=False)
    for warning in field_warnings(event_type, fields):
        err.print(f"Warning: --field {escape(warning)}", soft_wrap=True)
    if event_type == EXTENSION_EVENT and not [
        d for d in deadlines_for(updated, now) if d.extension and d.extension.id == new_id[0]
    ]:
        err.print(
            f"Warning: no {escape(str(fields.get('rule')))} deadline of this plan takes this "
            "extension (no trigger event on or before it, or the date is not later than the "
            "law's); `plancli check` says more.",
            soft_wrap=True,
        )
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
        if value.lower() in ("true", "false"):  # what store's field typing reads as a flag
            fields[key] = yes_no(value)
        elif key in ("until", "effective_date") or key.endswith("_date"):
            fields[key] = _parse_date(value, f"--field {key}")
        else:
            fields[key] = value
    return fields


@app.command()
def events(plan: OnePlanOption = None, today: TodayOption = None) -> None:
    """List the recorded events: id, date, type, fields, note (* = after today)."""
    now = _today(today)
    with reporting_errors():
        loaded = store.load_plan(_one_plan(plan))
    rows = [
        [
            e.id,
            e.date.isoformat() + ("*" if e.date > now else ""),
            e.type,
            ", ".join(f"{key}={report.field_text(value)}" for key, value in e.fields.items()),
            e.note or "",
        ]
        for e in loaded.events_by_date()
    ]
    if not rows:
        out.print("No events yet. `plancli add TYPE DATE` records one.", markup=False)
        return
    _write(report.plain_table(["Id", "Date", "Type", "Fields", "Note"], rows) + "\n")


@app.command()
def remove(
    event_id: Annotated[
        str, typer.Argument(metavar="EVENT_ID", help="The event's id (see `plancli events`).")
    ],
    plan: OnePlanOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (for scripts).")] = False,
    today: TodayOption = None,  # accepted like every command that reads a plan (SPEC §1)
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
    backup = report.printable(f"{path}.bak")
    _write(f"Removed {event_id}. The previous version is in {backup}.\n")


@app.command()
def check(plan: PlanOption = None, today: TodayOption = None) -> None:
    """Validate plan files and report every problem at once."""
    from plancli.checks import check_plan_file

    now = _today(today)
    failed = False
    for path in _plan_paths(plan):
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
    """Every plan of --plan with all its deadlines, for `remind` and `export ics`.

    One plan: an unreadable file is exit 1 at once. Caseload mode (several --plan, or a
    folder): a bad file, or a folder without plans, is reported on stderr and the others are
    still processed; the second value is then True, and the command exits 1 at the end.
    """
    failed = False
    for folder in plan or ():
        if _is_folder(folder) and not _plan_paths([folder]):
            _error(
                f"{folder} is a folder without plan files (*.yaml or *.yml); "
                "give the folder of your plans or a plan file with --plan."
            )
            failed = True
    import gc

    caseload = _is_caseload(plan)
    loaded: list[digest.PlanDeadlines] = []
    for path in _plan_paths(plan):
        try:
            one = store.load_plan(path)
        except PlancliError as error:
            _error(str(error))
            if not caseload:
                raise typer.Exit(code=1) from None
            failed = True
            continue
        loaded.append(
            digest.PlanDeadlines(
                one, str(path), deadlines_for(one, now), plan_arg=str(path) if plan else None
            )
        )
        gc.freeze()  # see _kept_out_of_gc
    return loaded, failed


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long for the file system, ...: not a folder
        return False


@contextmanager
def _kept_out_of_gc() -> Iterator[None]:
    """For `_load_plans`, which freezes what it has read after each plan (O(1)).

    Every plan read stays in memory until the output is written; CPython's cycle collector
    would scan them all again and again as they pile up (5,000 plans: 4.7 s of 15 s, and
    growing faster than the caseload). Frozen objects are still freed by reference counting;
    on the way out they are handed back to the collector. See docs/performance.md.
    """
    import gc

    try:
        yield
    finally:
        gc.unfreeze()


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
    with _kept_out_of_gc():
        plans, failed = _load_plans(plan, now)
        _write(digest.digest_text(plans, now, within, caseload=_is_caseload(plan)))
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
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the calendar to FILE (readable only by you) instead of stdout.",
        ),
    ] = None,
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
    caseload = _is_caseload(plan)
    with _kept_out_of_gc():
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
            _refuse_plan_as_output(output, _plan_paths(plan))
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


def _deadlines_file(
    rows: list[tuple[str | None, Path, Deadline]], now: date, fmt: Format, *, caseload: bool
) -> bytes:
    """`plancli deadlines --output FILE`: the plain text stdout would get, as UTF-8 bytes.

    A CSV file starts with a UTF-8 byte-order mark: Excel opens a CSV without one in the
    legacy Windows code page and garbles every "§" of the citations and every accented name.
    LibreOffice, Numbers, Google Sheets and Python (encoding="utf-8-sig") read it correctly.
    Standard output gets no mark: scripts read it (SPEC §5), and for most of them a mark
    would become part of the first column's name.
    """
    import io
    from contextlib import redirect_stdout

    buffer = io.StringIO()
    with redirect_stdout(buffer):  # not a terminal: the plain table, never Rich's
        _print_deadlines(rows, now, fmt, caseload=caseload)
    text = buffer.getvalue()
    return ("\ufeff" + text if fmt is Format.CSV else text).encode("utf-8")


def _refuse_plan_as_output(output: Path, plan_files: Sequence[Path]) -> None:
    """Every plan given, also one that could not be read: --force must not replace it."""
    if any(_same_file(output, p) for p in plan_files):
        raise PlancliError(f"{output} is a plan file; choose another --output.")


def _same_file(one: Path, other: Path) -> bool:
    """Do two paths name the same file? Not Path.resolve(): a symlink loop raises there."""
    return os.path.realpath(one) == os.path.realpath(other)


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
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write FILE instead of printing: .txt, .md, .html, .docx or .pdf, by its "
            "extension (readable only by you).",
        ),
    ] = None,
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
    """Write a request letter: the law, and the date by which the recipient must act."""
    from plancli import letters

    with reporting_errors():
        if list_letters:
            _list_letters(letters.available_letters(templates), letters.LETTERS)
            return
        if name is None:
            raise typer.BadParameter("give the letter's NAME, or --list", param_hint="NAME")
        now = _today(today)
        path = _one_plan(plan)
        if output is not None:
            _check_letter_output(output, path, force=force)
        rendered = letters.render_letter(
            name,
            store.load_plan(path),
            on=letter_date if isinstance(letter_date, date) else now,
            lang=lang.value if lang is not None else None,
            values=_letter_values(values or []),
            templates_dir=templates,
            record=record,
        )
        _check_record_date(rendered.record, now)
        if rendered.record is not None:  # the plan must take the event before anything is written
            store.update_plan(path, _adding(rendered.record, []), write=False)
        for warning in rendered.warnings:
            err.print(f"Warning: {escape(warning)}", soft_wrap=True)
        if output is None:
            _write(rendered.text)
        else:
            _save_letter(output, letters.letter_bytes(rendered, output.suffix), force=force)
        if rendered.record is not None:
            _record_letter_event(path, rendered.record, now, to_stderr=output is None)


def _list_letters(rows: Sequence[Any], catalogue: Sequence[Any]) -> None:
    """`plancli letter --list`: the letters, then the values each takes."""
    table = [[i.name, i.recipient, i.purpose, ", ".join(i.languages) or "-"] for i in rows]
    _write(report.plain_table(["Letter", "To", "Asks for", "Languages"], table) + "\n")
    _write(_letter_fields_text(catalogue))


def _check_record_date(event: Any, now: date) -> None:
    """--record never writes an event dated after today (`plancli check` would flag it)."""
    from plancli.errors import LetterError

    day = event["date"] if event is not None else None
    if isinstance(day, date) and day > now:
        raise LetterError(
            f"--record: the event would be dated {day.isoformat()}, after today "
            f"({now.isoformat()}); record it once it has happened. Nothing was written."
        )


def _save_letter(output: Path, data: bytes, *, force: bool) -> None:
    from plancli.errors import LetterError

    try:
        store.write_private_file(output, data, force=force)
    except PlanExistsError as error:
        raise LetterError(str(error)) from None
    out.print(f"Wrote {report.printable(str(output))} (readable only by you).", markup=False)


def _letter_fields_text(catalogue: Sequence[Any]) -> str:
    """The values each letter takes, for `plancli letter --list`."""
    rows = []
    for entry in catalogue:
        fields = [
            f.name
            + ("*" if f.required else "")
            + (f" (default: {f.default_from})" if f.default_from else "")
            for f in entry.fields
        ]
        rows.append([entry.name, ", ".join(fields) or "-"])
    table = report.plain_table(["Letter", "Values (--set KEY=VALUE; * required)"], rows)
    return "\n" + table + "\n"


def _letter_values(pairs: Sequence[str]) -> list[tuple[str, str]]:
    from plancli.errors import LetterError

    found: list[tuple[str, str]] = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise LetterError(
                f'--set {pair[:60]!r}: expected KEY=VALUE, e.g. --set concerns="reading; speech".'
            )
        bad = next((c for c in pair if "\ud800" <= c <= "\udfff"), None)  # argv not in UTF-8
        if bad is not None:
            raise LetterError(
                f"--set {report.printable(pair[:60])}: a character that is not Unicode text "
                f"(U+{ord(bad):04X}: a wrongly encoded command-line argument?). Nothing was "
                "written; retype that text and try again."
            )
        found.append((key.strip(), value))
    return found


def _check_letter_output(output: Path, plan_path: Path, *, force: bool) -> None:
    """Refuse a bad --output before anything is rendered (writing re-checks, atomically)."""
    from plancli.errors import LetterError
    from plancli.letters import OUTPUT_SUFFIXES

    if output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise LetterError(
            f"--output {output}: the file name must end in {', '.join(OUTPUT_SUFFIXES)} "
            "(the extension chooses the format)."
        )
    if _same_file(output, plan_path):
        raise LetterError(f"--output {output} is the plan file; choose another file name.")
    if output.exists() and not force:
        raise LetterError(
            f"{output} already exists; plancli will not overwrite it. Add --force to replace "
            "it, or choose another --output."
        )


def _record_letter_event(path: Path, event: Any, now: date, *, to_stderr: bool) -> None:
    """--record: add the event through the plan's safe write path, then show its deadlines.

    With the letter on stdout, this report goes to stderr so that stdout is the letter alone.
    """
    from contextlib import redirect_stdout

    new_id: list[str] = []
    updated = store.update_plan(path, _adding(event, new_id))
    every = deadlines_for(updated, now)
    started = [d for d in every if d.trigger.event_id == new_id[0]]
    met = [d for d in every if d.met_by is not None and d.met_by.id == new_id[0]]
    with redirect_stdout(sys.stderr if to_stderr else sys.stdout):
        day = event["date"].isoformat()
        where = report.printable(str(path))
        out.print(f"Recorded {new_id[0]}: {event['type']} on {day} in {where}.", markup=False)
        if started:
            _print_deadlines([(None, path, d) for d in started], now, Format.TABLE, caseload=False)
        elif met:
            out.print(
                "It starts no deadline; it meets: "
                + ", ".join(f"{d.rule.id} (due {d.due.isoformat()})" for d in met)
                + ".",
                markup=False,
                soft_wrap=True,
            )
        else:
            out.print("It starts no deadline by itself.", markup=False)


def _adding(event: Any, new_id: list[str]) -> Callable[[Any, Plan], None]:
    """The plan change of --record: `event` with the plan's next id (appended to `new_id`)."""

    def change(document: Any, current: Plan) -> None:
        new_id.append(next_event_id(current.events))
        store.append_event(document, {"id": new_id[-1], **event})

    return change


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
