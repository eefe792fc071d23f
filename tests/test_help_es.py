"""`--help` in Spanish (SPEC §9): plancli's help texts and Typer's frame, chosen like every message.

The subprocess tests run the installed entry point as a user does (`main` builds only the command
being run); the in-process ones use the app the other CLI tests use.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from plancli import i18n
from plancli.cli import app
from plancli.cli.helptext import language_on_command_line, translated

NO_LANGUAGE = {"PLANCLI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


def plancli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m plancli ARGS` in a new process, wide enough that no phrase is folded."""
    environ = {**os.environ, **NO_LANGUAGE, "COLUMNS": "200", "TERMINAL_WIDTH": "200"}
    return subprocess.run(
        [sys.executable, "-m", "plancli", *args],
        env={**environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_deadlines_help_with_lang_after_help_is_spanish() -> None:
    result = plancli("deadlines", "--help", "--lang", "es")
    assert result.returncode == 0
    assert result.stderr == ""
    out = result.stdout
    assert "Uso: python -m plancli deadlines [OPTIONS]" in out
    assert "Lo que vence, de lo más próximo a lo más lejano" in out
    assert "Opciones" in out
    assert "Solo las fechas límite pendientes que vencen dentro de DAYS días" in out
    assert "[predeterminado: table]" in out
    assert "[variable de entorno: PLANCLI_PLAN]" in out
    assert "Mostrar este mensaje y salir." in out
    for english in ("Usage:", "Options", "What is due", "Show this message", "default:"):
        assert english not in out


def test_plancli_help_under_plancli_lang_lists_the_commands_in_spanish() -> None:
    result = plancli("--help", env={"PLANCLI_LANG": "es"})
    assert result.returncode == 0
    assert result.stderr == ""
    assert "Fechas límite legales para las familias de California" in result.stdout
    assert "Comandos" in result.stdout
    assert "Escribe una carta de solicitud" in result.stdout  # letter's one-line summary
    assert "Anota un evento; muestra las fechas límite que inicia." in result.stdout
    assert "Commands" not in result.stdout
    assert "Write a request letter" not in result.stdout


def test_short_option_lang_equals_and_locale_choose_spanish_help() -> None:
    by_locale = plancli("add", "-h", env={"LANG": "es_MX.UTF-8"})
    assert by_locale.returncode == 0
    # a help text with the event types filled in: the template is what is translated
    assert "Tipo de evento, uno de estos: 504-evaluation-requested, 504-meeting" in by_locale.stdout
    assert "Argumentos" in by_locale.stdout
    assert "[obligatorio]" in by_locale.stdout
    grouped = plancli("export", "ics", "--lang=es", "-h")
    assert grouped.returncode == 0
    assert "Uso: python -m plancli export ics [OPTIONS]" in grouped.stdout
    assert "Una alarma DAYS días antes de cada vencimiento" in grouped.stdout


def test_help_stays_english_without_spanish() -> None:
    for args, phrase in (
        (("--help",), "Legal deadlines for California families"),
        (("deadlines", "-h"), "What is due, soonest first"),
    ):
        result = plancli(*args, env={"LANG": "en_US.UTF-8"})
        assert result.returncode == 0
        assert result.stderr == ""
        assert phrase in result.stdout
        assert "Usage: python -m plancli" in result.stdout
        assert "Show this message and exit." in result.stdout
        assert "Opciones" not in result.stdout
    english = plancli("deadlines", "--help", "--lang", "en", env={"PLANCLI_LANG": "es"})
    assert "What is due, soonest first" in english.stdout


def test_a_usage_error_in_spanish_frames_it_in_spanish() -> None:
    result = plancli("deadlines", "--within", "x", "--lang", "es")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Uso: python -m plancli deadlines [OPTIONS]" in result.stderr
    assert "Para ver la ayuda, escriba 'python -m plancli deadlines -h'." in result.stderr
    # Click's own sentence has no translation (the Click inside Typer has no gettext)
    assert "'x' is not a valid int range" in result.stderr


def test_english_help_after_spanish_help_in_the_same_process() -> None:
    """Typer's panel titles are module globals: a Spanish run must not leave them Spanish."""
    runner = CliRunner()
    spanish = runner.invoke(app, ["rules", "--help", "--lang", "es"], env=NO_LANGUAGE)
    assert spanish.exit_code == 0
    assert "Opciones" in spanish.stdout
    assert "El catálogo de reglas" in spanish.stdout
    i18n.set_language("en")
    english = runner.invoke(app, ["rules", "--help"], env=NO_LANGUAGE)
    assert english.exit_code == 0
    assert "Options" in english.stdout
    assert "Opciones" not in english.stdout
    assert "The rule catalogue" in english.stdout


def _help_texts(command: Any) -> Iterator[tuple[str, str]]:
    """(where, text) for every help text of `command` and the commands under it."""
    if command.help:
        yield command.name, command.help
    for param in command.params:
        if getattr(param, "help", None):
            yield f"{command.name} {param.name}", param.help
    for sub in getattr(command, "commands", {}).values():
        yield from _help_texts(sub)


def test_every_help_text_has_a_spanish_translation() -> None:
    texts = list(_help_texts(typer.main.get_command(app)))
    assert len(texts) > 80  # every command, argument and option of the app
    i18n.set_language("es")
    untranslated = [where for where, text in texts if translated(text) == text]
    assert untranslated == []


@pytest.mark.parametrize(
    ("args", "language"),
    [
        ((), None),
        (("deadlines", "--lang", "es"), "es"),
        (("deadlines", "--lang=es"), "es"),
        (("--help", "--lang", "en", "--lang", "es"), "es"),  # the last one, as Click takes it
        (("deadlines", "--lang"), None),  # no value: Click's own error
        (("add", "note", "2026-01-05", "--", "--lang", "es"), None),  # after --: an argument
        (("--language", "es"), None),  # init's --language is the family's, not the interface's
    ],
)
def test_language_on_command_line(args: tuple[str, ...], language: str | None) -> None:
    assert language_on_command_line(args) == language


def test_subcommand_help_with_lang_after_help_is_spanish() -> None:
    """`calendar add-year --help --lang es`: the `calendar` group's own `--lang` (absent) must
    not set the language back to English before the subcommand's help is shown."""
    result = plancli("calendar", "add-year", "--help", "--lang", "es")
    assert result.returncode == 0
    assert result.stderr == ""
    assert "Uso: python -m plancli calendar add-year" in result.stdout
    assert "Agrega un año escolar" in result.stdout
    assert "Usage:" not in result.stdout
    assert "Add a school year" not in result.stdout
