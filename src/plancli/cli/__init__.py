"""The command line: parse → call the core → render. The only package that imports typer.

Reads the clock once (`base.today_of`), unless `--today` is given. Every PlancliError becomes
one message on stderr and exit code 1 in `reporting_errors`; usage errors are Typer's exit 2.
Each module holds a group of commands; `main` imports and builds only the command being run
(`COMMAND_MODULES` says where each lives), so a new group of commands costs no start-up time to
the others. `plancli.cli.app` is the whole app, with every command (for tests and scripts).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import typer

__all__ = ["COMMAND_MODULES", "app", "main"]

# Each command (or group) and the module of plancli.cli that registers it.
COMMAND_MODULES = {
    "deadlines": "reading",
    "explain": "reading",
    "rules": "reading",
    "init": "planfile",
    "add": "planfile",
    "events": "planfile",
    "remove": "planfile",
    "check": "planfile",
    "remind": "outputs",
    "export": "outputs",
    "letter": "letter",
    "calendar": "calendar",
    "chronology": "record",
    "summary": "record",
}


def _register(modules: set[str]) -> typer.Typer:
    """Import the command modules (importing one registers its commands on the app)."""
    for module in sorted(modules):
        importlib.import_module(f"plancli.cli.{module}")
    from plancli.cli.base import app
    from plancli.cli.helptext import speaking

    speaking(app)  # every command's help is worded in the interface language when shown
    return app


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole app: every command registered
        return _register(set(COMMAND_MODULES.values()))
    raise AttributeError(f"module 'plancli.cli' has no attribute {name!r}")


def main() -> None:
    """Entry point of the `plancli` script: builds only the command being run.

    Typer inspects the signature of every registered command at start-up (about 2 ms each);
    a one-command app with the same settings and a no-op callback (which keeps Typer in group
    mode, so usage lines and help read the same) starts faster. Anything else — no command,
    `--help`, an unknown name — goes to the full app.
    """
    name = _command_word(sys.argv[1:])
    module = COMMAND_MODULES.get(name)
    app = _register({module} if module else set(COMMAND_MODULES.values()))
    commands = [c for c in app.registered_commands if (c.name or _command_name(c)) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        app()
        return
    from plancli.cli.helptext import PlancliGroup

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


def _command_word(args: list[str]) -> str:
    """The command's name: the first word, past a `--lang X` given before it (which
    `PlancliGroup.main` moves after the command words)."""
    while args[:1] == ["--lang"] or args[:1] and args[0].startswith("--lang="):
        args = args[2:] if args[0] == "--lang" else args[1:]
    return args[0] if args else ""


def _command_name(info: Any) -> str:
    callback = info.callback
    return "" if callback is None else str(callback.__name__).replace("_", "-")


def _no_options() -> None:
    """Legal deadlines for California families of children with disabilities."""
