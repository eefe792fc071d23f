"""The command line: parse → call the core → render. The only package that imports typer.

Reads the clock once (`base.today_of`), unless `--today` is given. Every PlancliError becomes
one message on stderr and exit code 1 in `reporting_errors`; usage errors are Typer's exit 2.
Each module holds a group of commands; `main` builds only the command being run.
"""

from __future__ import annotations

import sys
from typing import Any

import typer

from plancli.cli import calendar as _calendar  # noqa: F401  (`plancli calendar ...`)
from plancli.cli import letter, outputs, planfile, reading  # noqa: F401  (registers the commands)
from plancli.cli import record as record  # noqa: F401  (chronology, summary)
from plancli.cli.base import app
from plancli.cli.helptext import PlancliGroup, speaking

speaking(app)  # every command's help is worded in the interface language when shown

__all__ = ["app", "main"]


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
        cls=PlancliGroup,
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
