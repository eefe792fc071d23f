"""What every command shares: the app, the consoles, the options and the error boundary."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from plancli import digest, narrow, planfiles, view
from plancli.cli.helptext import PlancliGroup
from plancli.errors import (
    PlancliError,
)
from plancli.i18n import N_, _, resolve_language, set_language
from plancli.rules import (
    System,
)
from plancli.view import DeadlineRow, Format

app = typer.Typer(
    name="plancli",
    cls=PlancliGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_(
        "Legal deadlines for California families of children with disabilities: special "
        "education (IEP), Section 504, Regional Center (IPP) and Early Start (IFSP). Not legal "
        "advice: every date shows the law it comes from."
    ),
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


def parse_today(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            _("expected YYYY-MM-DD, got {value}").format(value=repr(value))
        ) from None


def path_value(value: Any) -> Path:
    """A file name typed on the command line; a NUL byte is a usage error (no file can
    have one, and the system calls raise ValueError on it)."""
    if isinstance(value, Path):
        return value
    if "\x00" in str(value):
        raise typer.BadParameter(_("a file name cannot contain a NUL character"))
    return Path(value)


PlanOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--plan",
        "-p",
        parser=path_value,
        metavar="PATH",
        envvar="PLANCLI_PLAN",
        show_default=False,
        help=N_(
            "Plan file (default: plan.yaml in your plancli data folder). Give it "
            "several times, or name a folder of plans, for a caseload."
        ),
    ),
]
OnePlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        "-p",
        parser=path_value,
        metavar="PATH",
        envvar="PLANCLI_PLAN",
        show_default=False,
        help=N_("Plan file (default: plan.yaml in your plancli data folder)."),
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help=N_("Replace FILE if it exists."))]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        parser=path_value,
        metavar="FILE",
        help=N_("Write to FILE (readable only by you) instead of stdout."),
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", help=N_("table, json or csv."))]
SystemOption = Annotated[System | None, typer.Option(help=N_("Only one system."))]
YesOption = Annotated[
    bool, typer.Option("--yes", "-y", help=N_("Do not ask; use the options given (for scripts)."))
]


def choose_language(value: str | None) -> str | None:
    """`--lang`'s callback: the interface language, set once, before anything is printed.

    Click calls it also when `--lang` is absent (value None): PLANCLI_LANG, the locale or
    English then decide (SPEC §9) — unless `--lang` is given further on, after a subcommand
    (`plancli calendar add-year --help --lang es`): the group's callback then keeps it.
    Eager, so that even another option's error is worded in it.
    """
    if value is None:
        from plancli.cli.helptext import command_line_language

        later = command_line_language()
        if later is not None:
            from contextlib import suppress

            with suppress(PlancliError):  # a bad value: the subcommand's `--lang` reports it
                set_language(resolve_language(later))
            return value
    try:
        set_language(resolve_language(value))
    except PlancliError as error:
        raise typer.BadParameter(str(error)) from None
    return value


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="en|es",
        callback=choose_language,
        is_eager=True,
        show_default=False,
        help=N_(
            "Language of what plancli says: en or es (default: PLANCLI_LANG, else the "
            "locale, else English)."
        ),
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        callback=parse_today,
        help=N_("Treat this date as today (for reproducible output and 'what if')."),
    ),
]


def today_of(value: Any) -> date:
    """The one place plancli reads the clock."""
    return value if isinstance(value, date) else date.today()


@contextmanager
def reporting_errors() -> Iterator[None]:
    """The single place where a PlancliError becomes a message and exit code 1."""
    try:
        yield
    except PlancliError as error:
        print_error(str(error))
        raise typer.Exit(code=1) from None
    except BrokenPipeError:  # the reader (`head`, a pager) stopped reading: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing more to flush into the closed pipe
        raise typer.Exit(code=0) from None
    except OSError as error:  # a path the system cannot use (name too long, no permission)
        print_error(
            _("Cannot use {file}: {reason}.").format(
                file=str(error.filename or _("a file"))[:200], reason=error.strerror or error
            )
        )
        raise typer.Exit(code=1) from None


def print_error(message: str) -> None:
    label = _("Error:")
    # On a terminal Rich wraps at spaces (the terminal itself would cut words); to a pipe or
    # a file the message stays one line per paragraph line, as scripts and logs expect.
    on_terminal = sys.stderr.isatty()
    err.print(f"[bold red]{escape(label)}[/bold red] {escape(message)}", soft_wrap=not on_terminal)


def say(console: Any, text: str) -> None:
    """A message folded at spaces to the terminal's width (a terminal itself cuts a long line
    mid-word); to a pipe, a file or cron each paragraph stays one line."""
    console.print(narrow.fit_text(text, narrow.terminal_width()), markup=False, soft_wrap=True)


def confirm(question: str, *, default: bool = False) -> bool:
    """A yes/no question on the terminal, or its answer piped in: y, s, sí, si, yes, n or no
    in any case (Click's confirm refuses `s`); end of input is the default."""
    from plancli.questions import yes_no_hint
    from plancli.vocab import answer_yes_no

    while True:
        sys.stdout.write(f"{question} {yes_no_hint(default=default)} ")
        sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            sys.stdout.write("\n")
            return default
        answer = answer_yes_no(line, default=default)
        if answer is not None:
            return answer
        ask_yes_no_again()


def ask_yes_no_again() -> None:
    """What every yes/no question says to an answer it does not understand, before asking
    again (`remove`, `calendar remove`, `calendar import`)."""
    err.print(escape(_("Answer y (yes) or n (no).")), soft_wrap=True)


def print_warning(message: str) -> None:
    """'Warning: ...' on stderr, in the interface language."""
    say(err, _("Warning: {message}").format(message=message))


def plain_output(stream: Any) -> bool:
    """Plain text for pipes, files and NO_COLOR; a Rich table on a colour terminal."""
    return not stream.isatty() or "NO_COLOR" in os.environ


def write_text(text: str) -> None:
    """Plain text straight to stdout: Rich would re-scan every line for control codes."""
    sys.stdout.write(text)


def show_deadlines(
    rows: Sequence[DeadlineRow],
    now: date,
    fmt: Format,
    *,
    caseload: bool,
    to_stderr: bool = False,
) -> None:
    """Deadlines on stdout (or stderr): a Rich table on a colour terminal, else plain text."""
    stream = sys.stderr if to_stderr else sys.stdout
    if fmt is Format.TABLE and rows and not plain_output(stream):
        console = err if to_stderr else out
        console.print(view.deadlines_table(rows, now, caseload=caseload))
        notes = view.deadline_notes(rows, caseload=caseload)
        if notes:
            console.print(notes, markup=False, end="")
        return
    stream.write(view.deadlines_text(rows, now, fmt, caseload=caseload))


def load_plans(plan: Sequence[Path] | None, now: date) -> tuple[list[digest.PlanDeadlines], bool]:
    """Every plan of --plan with its deadlines; each that cannot be read is said on stderr.

    One plan: an unreadable file is exit 1 at once. Caseload mode: the others are still
    processed; the second value is then True, and the command exits 1 at the end.
    """
    loaded = planfiles.load_plans(plan, now)
    for message in loaded.errors:
        print_error(message)
    if loaded.errors and (not loaded.plans or not planfiles.is_caseload(plan)):
        raise typer.Exit(code=1)  # nothing readable: no "Nothing to show", no output file
    return loaded.plans, bool(loaded.errors)
