"""What a Spanish-speaking parent reads, screen by screen: the slips a native reader found
(English left in `calendar`, `summary`, `letter --list`, `add` and `check`; two words for
one concept; statuses that disagree in gender with "fecha límite"; English placeholders in
the commands plancli prints; answers in the parent's own words refused by `init`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from typer.testing import CliRunner, Result

from plancli import i18n_tools
from plancli.cli import app, planfile

EXAMPLES = Path(__file__).parent.parent / "examples"
MAYA = EXAMPLES / "maya-iep.yaml"
LEO = str(EXAMPLES / "leo-early-start.yaml")
NO_LANGUAGE = {"PLANCLI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env={**NO_LANGUAGE, **(env or {})}, input=stdin)


@pytest.fixture
def plan(tmp_path: Path) -> str:
    path = tmp_path / "plan.yaml"
    shutil.copy(MAYA, path)
    return str(path)


# --- the calendar, the caseload and the letter list were English whatever the language ----


def test_calendar_show_follows_plancli_lang(plan: str) -> None:
    result = run("calendar", "--plan", plan, env={"PLANCLI_LANG": "es"})
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith("Calendario escolar de ")
    assert "2026-27: 2026-08-12 a 2027-06-03, 186 días de clases" in result.stdout
    assert "* detienen el conteo del 2026-12-19 al 2027-01-03" in result.stdout
    assert "school days" not in result.stdout


@pytest.mark.parametrize(
    "where",
    [("calendar", "--lang", "es", "add-year"), ("calendar", "add-year", "--lang", "es")],
    ids=["lang-before-subcommand", "lang-after-subcommand"],
)
def test_calendar_edit_speaks_spanish(tmp_path: Path, where: tuple[str, ...]) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("version: 1\nchild:\n  name: Ana\n  birth_date: 2019-05-14\nevents: []\n")
    result = run(*where, "2027-08-11", "2028-06-01", "--plan", str(path))
    assert result.exit_code == 0, result.output
    assert "Se agregó el año escolar 2027-28 (2027-08-11 a 2028-06-01)." in result.stdout
    assert f"Guardado en {path}; la versión anterior está en {path}.bak." in result.stdout


def test_calendar_subcommand_lang_en_wins_over_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("version: 1\nchild:\n  name: Ana\n  birth_date: 2019-05-14\nevents: []\n")
    result = run(
        "calendar", "add-year", "2027-08-11", "2028-06-01", "--plan", str(path), "--lang", "en",
        env={"PLANCLI_LANG": "es"},
    )  # fmt: skip
    assert result.exit_code == 0
    assert "Added the school year 2027-28 (2027-08-11 to 2028-06-01)." in result.stdout


def test_summary_in_spanish(plan: str) -> None:
    result = run("summary", "--plan", plan, "--today", "2026-12-15", "--lang", "es")
    assert result.exit_code == 0
    assert result.stdout.startswith("Casos al 2026-12-15\n")
    assert result.stdout.split()[3:5] == ["Niño", "Archivo"]
    assert "Cumplidas tarde" in result.stdout
    english = run("summary", "--plan", plan, "--today", "2026-12-15")
    assert english.stdout.startswith("Caseload as of 2026-12-15\n")


def test_letter_list_headers_in_spanish() -> None:
    result = run("letter", "--list", "--lang", "es")
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0].split()
    assert first == ["Carta", "Para", "Pide", "Idiomas"]
    assert "Valores (--set CLAVE=VALOR; * obligatorio)" in result.stdout
    assert "(si no se indica: child.concerns)" in result.stdout
    english = run("letter", "--list")
    assert english.stdout.splitlines()[0].split()[:3] == ["Letter", "To", "Asks"]
    assert "(default: child.concerns)" in english.stdout


# --- messages that were not marked for translation ------------------------------------------


def test_an_unknown_event_type_says_tipo(plan: str) -> None:
    result = run("add", "iep-meting", "2026-12-01", "--plan", plan, "--lang", "es")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Problema: TIPO: tipo de evento desconocido: 'iep-meting'.")
    assert "TYPE" not in result.stderr


def test_an_unused_field_is_warned_in_spanish(plan: str) -> None:
    result = run(
        "add", "notice-of-action-received", "2026-11-02", "--plan", plan, "--lang", "es",
        "--today", "2026-11-23", "--field", "effective_date=2026-12-01", "--field", "colour=red",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        "colour: plancli no usa este campo en los eventos notice-of-action-received; se "
        "conserva, pero no cambia ninguna fecha. En este tipo de evento plancli lee: "
        "effective_date." in result.stderr.replace("\n", " ")
    )
    assert "does not use" not in result.stderr


# --- placeholders in the commands plancli prints ----------------------------------------------


def test_remind_commands_use_spanish_placeholders(plan: str) -> None:
    run("add", "contact", "2026-12-01", "--plan", plan, "--today", "2026-12-15",
        "--field", "with=Sra. Kim", "--field", "promised=enviar el borrador",
        "--field", "promised_by=2026-12-08")  # fmt: skip
    result = run("remind", "--plan", plan, "--today", "2026-12-15", "--lang", "es")
    assert result.exit_code == 0
    assert "plancli add records-received AAAA-MM-DD --plan" in result.stdout
    assert "--field answers=e5 --field 'summary=<qué pasó>'" in result.stdout
    assert "YYYY-MM-DD" not in result.stdout
    assert "<what happened>" not in result.stdout
    english = run("remind", "--plan", plan, "--today", "2026-12-15")
    assert "plancli add records-received YYYY-MM-DD --plan" in english.stdout
    assert "--field 'summary=<what happened>'" in english.stdout


# --- one word per concept, and agreement with "fecha límite" ----------------------------------


def test_an_estimated_date_is_estimada_in_notes_and_digest() -> None:
    table = run("deadlines", "--plan", LEO, "--today", "2026-11-23", "--lang", "es")
    assert "assessment-plan:e8: estimada: el plan no tiene calendario escolar" in table.stdout
    assert "estimado:" not in table.stdout
    digest = run("remind", "--plan", LEO, "--today", "2026-11-23", "--lang", "es")
    assert "Nota: estimada: el plan no tiene calendario escolar" in digest.stdout


def test_explain_says_responsable_as_the_table_does(plan: str) -> None:
    result = run("explain", "initial-iep:e3", "--plan", plan, "--today", "2026-11-23",
                 "--lang", "es")  # fmt: skip
    assert "  Responsable: distrito   Estado: vence hoy\n" in result.stdout
    assert "Le corresponde a" not in result.stdout
    rule = run("explain", "transition-conference", "--plan", LEO, "--lang", "es")
    assert "Sistema: early-start   Tipo: fecha límite   Responsable: centro regional" in (
        rule.stdout
    )
    assert "Fuente (un resumen de la ley, no su texto): https://serr." in rule.stdout
    assert (
        "Fuentes en desacuerdo o sin confirmar: El reglamento de California (según el resumen "
        "de DRC)" in rule.stdout
    )


def test_a_lapsed_window_does_not_say_terminado_twice() -> None:
    result = run("explain", "fair-hearing-request:e7", "--plan", LEO, "--today", "2027-03-01",
                 "--lang", "es")  # fmt: skip
    assert "Estado: plazo terminado: el tiempo para actuar se acabó el 2027-01-01" in result.stdout


def test_a_promise_is_a_promesa_and_a_record_is_an_evento(plan: str) -> None:
    run("add", "contact", "2026-12-01", "--plan", plan, "--today", "2026-12-15",
        "--field", "with=Sra. Kim", "--field", "promised=enviar el borrador",
        "--field", "promised_by=2026-12-08")  # fmt: skip
    result = run("explain", "commitment:e5", "--plan", plan, "--today", "2026-12-15",
                 "--lang", "es")  # fmt: skip
    assert (
        "Promesa hecha el 2026-12-01 (contacto, evento e5) por Sra. Kim, para cumplirse a más "
        "tardar el 2026-12-08." in result.stdout
    )
    assert "un evento registrado con `--field answers=e5` la da por cumplida" in result.stdout
    assert "Compromiso" not in result.stdout


def test_chronology_statuses_agree_with_fecha_limite(plan: str) -> None:
    result = run("chronology", "--plan", plan, "--today", "2026-12-15", "--lang", "es")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Fecha límite: El distrito envía la propuesta de plan de evaluación" in text
    assert "Estado: cumplida; Se inició con: e1 2026-09-03; Cumplida el: 2026-09-16" in text
    assert "Estado: vencida;" in text
    assert "assessment-plan-received" not in text  # events are worded, not shown by type id
    for masculine in ("Estado: cumplido", "Estado: vencido", "Estado: próximo", "Hecho:"):
        assert masculine not in text


def test_the_catalog_keeps_one_term_per_concept() -> None:
    """The glossary's terms, and words this review replaced, across every message."""
    with i18n_tools.po_path("es").open("rb") as handle:
        catalog = read_po(handle)
    texts: list[str] = []
    for message in catalog:
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else [message.string]
            texts.extend(str(s) for s in strings if s)
    joined = "\n".join(texts)
    # the glossary: "días naturales", never "días calendario"; "padre o madre", no slashes
    assert "días calendario" not in joined
    assert "madre/padre" not in joined
    assert "padre/madre" not in joined
    assert "madre o padre" not in joined
    # "Responsable", as the tables' column, wherever "Owed by" is shown
    assert "Le corresponde a" not in joined
    # a counting method: not "days with a school pause"
    assert "días con pausa escolar" not in joined
    # an event is "evento" on every screen (the chronology too)
    assert " hecho " not in joined.replace("se ha hecho", "")


# --- init takes the parent's own words ---------------------------------------------------------


def test_init_takes_madre_and_espanol(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planfile, "interactive", lambda: True)
    target = tmp_path / "nuevo.yaml"
    answers = "\n".join(
        ["es", "Sofía Núñez", "2024-01-15", "", "", "", "", "Carmen Núñez", "madre", "", "", "",
         "español", "habla"]
    )  # fmt: skip
    result = run("init", "--plan", str(target), "--today", "2026-11-23", stdin=answers + "\n")
    assert result.exit_code == 0, result.output
    assert "Responda con una de estas opciones" not in result.output
    text = target.read_text(encoding="utf-8")
    assert "relationship: parent" in text
    assert "language: es" in text
