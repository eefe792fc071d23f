"""`--help` in the interface language (SPEC §9): help texts translated when they are shown.

Typer reads every help text when the app is built, at import, before `--lang` has been read.
So help texts stay English in the code, marked with `N_()` (command docstrings are extracted by
`plancli.i18n_tools`), and are translated on Typer's command objects at the moment help or a
usage line is rendered. Two things make that work:

- `PlancliGroup.main` settles the language before Click parses anything, from `--lang X` or
  `--lang=X` anywhere on the command line, else PLANCLI_LANG or the locale (`resolve_language`):
  Click runs `--help` before `--lang`'s callback when `--help` comes first.
- `PlancliCommand` and `PlancliGroup` (every command and group of the app) translate their
  help, their options' help and, for a group, the one-line summaries of its commands in
  `format_help`, and word Typer's own frame ("Usage:", "Options", "[default: ...]") in
  `format_usage`, which Typer calls first both for help and for a usage error.

English, the source language, looks nothing up: the start-up cost of a plain command does not
change. Click's own usage-error sentences ("No such option", "Invalid value for ...") are
literals in the Click that Typer vendors, without gettext, and stay English.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from typer.core import TyperCommand, TyperGroup

from plancli.errors import PlancliError
from plancli.i18n import DEFAULT_LANGUAGE, N_, _, current_language, resolve_language, set_language

HELP_OPTION_HELP = N_("Show this message and exit.")
USAGE_PREFIX = N_("Usage:")

# Typer's words in its help and error panels: module constants of typer.rich_utils, worded
# with the default gettext domain when Typer imports it (so always English here). Its error
# panel's title, "Error", is Spanish too.
TYPER_WORDS = {
    "DEPRECATED_STRING": N_("(deprecated) "),
    "DEFAULT_STRING": N_("[default: {}]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ABORTED_TEXT": N_("Aborted."),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}

# Help texts with a list filled in (event types, relationships): the English text as Typer
# holds it -> (its marked template, the values), so that the template is what gets translated.
_FILLED: dict[str, tuple[str, dict[str, str]]] = {}


def filled_help(template: str, **values: str) -> str:
    """A help text with values filled in: `filled_help(N_("One of: {types}."), types=...)`."""
    text = template.format(**values)
    _FILLED[text] = (template, values)
    return text


def translated(text: str | None) -> str | None:
    """A help text in the interface language (itself when it has no translation)."""
    if not text:
        return text
    if text in _FILLED:
        template, values = _FILLED[text]
        return _(template).format(**values)
    return _(text)


def language_on_command_line(args: Sequence[str]) -> str | None:
    """The value of the last `--lang X` or `--lang=X` before `--`, else None."""
    value = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
    return value


def lang_after_command(args: Sequence[str], group: Any) -> list[str]:
    """`plancli --lang es deadlines` read as `plancli deadlines --lang es`.

    Every command and group takes `--lang`, but the app itself does not (its option would be
    parsed before the command's, which would then set the language again from the
    environment). So a `--lang X` or `--lang=X` given before the command's name moves to just
    after the command words (`export ics`, `calendar`); with no command after it, the language
    is already settled (`settle_language`) and it is dropped.
    """
    args = list(args)
    front = 0
    lang: list[str] = []
    while front < len(args) and args[front].startswith("-") and args[front] != "--":
        if args[front] == "--lang" and front + 1 < len(args):
            lang = args[front : front + 2]
            del args[front : front + 2]
        elif args[front].startswith("--lang="):
            lang = [args.pop(front)]
        else:
            front += 1
    if not lang:
        return args
    words, current = front, group
    while words < len(args) and isinstance(getattr(current, "commands", None), dict):
        current = current.commands.get(args[words])
        if current is None:
            break
        words += 1
    if words == front:
        return args
    return [*args[:words], *lang, *args[words:]]


_settled: list[str | None] = [None]  # the `--lang` value of the command line being run


def command_line_language() -> str | None:
    """The `--lang` value anywhere on the command line being run (None without one): what a
    group's `--lang` callback must keep when `--lang` comes after a subcommand."""
    return _settled[0]


def settle_language(args: Sequence[str]) -> None:
    """Set the interface language before Click parses `args`, so help is worded in it.

    A `--lang` value plancli does not speak (or a missing catalog) is left to `--lang`'s own
    callback, which reports it; meanwhile the environment decides, as without `--lang`.
    """
    _settled[0] = language_on_command_line(args)
    try:
        language = resolve_language(_settled[0])
    except PlancliError:
        language = resolve_language(None)
    try:
        set_language(language)
    except PlancliError:
        set_language(DEFAULT_LANGUAGE)


def _speak_typer() -> None:
    """Typer's own panel words in the interface language, once Typer has loaded them.

    Set in English too when Typer's module is loaded: an earlier Spanish run in the same
    process (the tests) must not leave Spanish titles behind.
    """
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        for name, english in TYPER_WORDS.items():
            setattr(rich_utils, name, _(english))


def _translate(command: Any, ctx: Any) -> None:
    """The command's own help, its options' help and its help option's, translated in place."""
    command.help = translated(command.help)
    command.short_help = translated(command.short_help)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = translated(param.help)
    help_option = command.get_help_option(ctx)
    if help_option is not None:
        help_option.help = _(HELP_OPTION_HELP)


class _Speaking:
    """What PlancliCommand and PlancliGroup add to Typer's classes (mixed in first)."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _speak_typer()
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_(USAGE_PREFIX) + " ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        if current_language() != DEFAULT_LANGUAGE:
            _translate(self, ctx)
            for command in getattr(self, "commands", {}).values():
                command.help = translated(command.help)
                command.short_help = translated(command.short_help)
        super().format_help(ctx, formatter)  # type: ignore[misc]


class PlancliCommand(_Speaking, TyperCommand):
    """Every plancli command: help worded in the interface language."""


class PlancliGroup(_Speaking, TyperGroup):
    """plancli and its command groups: the language settled before parsing; help worded in it."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,  # noqa: FBT001, FBT002 - Click's signature
        windows_expand_args: bool = True,  # noqa: FBT001, FBT002
        **extra: Any,
    ) -> Any:
        given = sys.argv[1:] if args is None else args
        settle_language(given)
        return super().main(
            lang_after_command(given, self),
            prog_name,
            complete_var,
            standalone_mode,
            windows_expand_args,
            **extra,
        )


def speaking(typer_app: Any) -> None:
    """Make every command registered on `typer_app` (and its groups) a PlancliCommand."""
    for info in typer_app.registered_commands:
        if info.cls in (None, TyperCommand):  # Typer's default; a command's own class stays
            info.cls = PlancliCommand
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            speaking(group.typer_instance)
