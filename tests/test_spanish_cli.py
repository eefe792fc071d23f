"""The Spanish interface, command by command (SPEC §9): stdout and stderr separately, exit
codes, no English left over, the same JSON and CSV in both languages, and the questions of
`init` and `remove` answered in Spanish."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plancli.cli import app, planfile

EXAMPLES = Path(__file__).parent.parent / "examples"
MAYA = str(EXAMPLES / "maya-iep.yaml")
LEO = str(EXAMPLES / "leo-early-start.yaml")
TODAY = "2026-11-23"
NO_LANGUAGE = {"PLANCLI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}

# Words that give away an untranslated message. Event types, rule ids, commands, citations and
# quotes of the law stay English on purpose, so the scan looks at whole words outside them.
TELLTALE = ("the", "days", "due", "overdue", "district must", "Error:", "Warning:", "deadline")


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env={**NO_LANGUAGE, **(env or {})}, input=stdin)


def es(*args: str, stdin: str | None = None) -> Result:
    return run(*args, "--lang", "es", stdin=stdin)


def english_left(text: str) -> list[str]:
    """Telltale English words in `text`, outside `code`, URLs, quotes and identifiers."""
    text = re.sub(r"`[^`]*`|https?://\S+|“[^”]*”|\b[a-z]+(?:-[a-z0-9]+)+\b", " ", text)
    found = []
    for word in TELLTALE:
        pattern = re.escape(word) if word.endswith(":") else rf"\b{re.escape(word)}\b"
        if re.search(pattern, text, flags=re.IGNORECASE if word[0].islower() else 0):
            found.append(word)
    return found


@pytest.fixture
def plan(tmp_path: Path) -> str:
    path = tmp_path / "plan.yaml"
    shutil.copy(MAYA, path)
    return str(path)


# ---- each command in Spanish


def test_deadlines_in_spanish() -> None:
    result = es("deadlines", "--plan", MAYA, "--today", TODAY)
    assert result.exit_code == 0
    assert result.stderr == ""
    header = result.stdout.splitlines()[0].split()
    assert header[:3] == ["Vence", "Días", "restantes"]
    assert "vence hoy" in result.stdout
    assert "El distrito termina la evaluación" in result.stdout
    assert english_left(result.stdout) == []


def test_deadlines_with_notes_in_spanish() -> None:
    result = es("deadlines", "--plan", LEO, "--today", "2026-11-23", "--all")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert english_left(result.stdout) == []


def test_explain_of_a_tolled_date_reads_in_spanish() -> None:
    # maya's assessment plan (e1, requested 2026-09-03) is counted past the Thanksgiving break.
    result = es("explain", "initial-iep:e3", "--plan", MAYA, "--today", TODAY)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "El día 0 es el 2026-09-24 (assessment-consent-given, evento e3)" in result.stdout
    assert "Plazo: 60 días (conteo: días naturales con pausas escolares)." in result.stdout
    assert "Resultado: vence el 2026-11-23 (lunes)." in result.stdout
    assert english_left(result.stdout.split("Fuentes en desacuerdo")[0]) == []


def test_explain_of_business_days_names_days_in_spanish() -> None:
    result = es("explain", "school-records:e4", "--plan", MAYA, "--today", TODAY)
    assert result.exit_code == 0
    assert "Día por día (sin fines de semana):" in result.stdout
    assert re.search(r"2026-11-17 mar: día 1\b", result.stdout)
    assert english_left(result.stdout.split("Fuentes en desacuerdo")[0]) == []


def test_rules_table_and_verbose_in_spanish() -> None:
    table = es("rules", "--system", "iep")
    assert table.exit_code == 0
    assert table.stderr == ""
    assert table.stdout.split()[:3] == ["Regla", "Sistema", "Se"]
    assert "días naturales con pausas escolares" in table.stdout
    verbose = es("rules", "-v", "--system", "rc")
    assert verbose.exit_code == 0
    assert "Qué dice:" in verbose.stdout
    assert "aviso de acción" in verbose.stdout
    assert "notificación de acción" not in verbose.stdout


def test_remind_digest_in_spanish() -> None:
    result = es("remind", "--plan", MAYA, "--today", TODAY)
    assert result.exit_code == 0
    assert result.stderr == ""
    first = result.stdout.splitlines()[0]
    assert (
        first == "Recordatorio de plancli para Maya Lopez, 2026-11-23: 0 vencidas, "
        "2 vencen dentro de 7 días."
    )
    assert "Siguiente paso:" in result.stdout
    assert "Esto no es asesoría legal" in result.stdout
    assert english_left(result.stdout) == []


def test_export_ics_titles_and_descriptions_in_spanish() -> None:
    result = es("export", "ics", "--plan", MAYA, "--today", TODAY)
    assert result.exit_code == 0
    text = result.stdout.replace("\r\n ", "")  # unfold the iCalendar lines
    assert "SUMMARY:Vence: El distrito termina la evaluación" in text
    assert "Siguiente paso:" in text
    assert "DESCRIPTION:Hoy:" in text or "DESCRIPTION:Mañana:" in text or "En " in text


def test_check_of_a_broken_file_in_spanish(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 1\nchild:\n  name: Ana\n  birth_date: 2019-02-30\nfamily:\n  colour: blue\n"
        "events:\n  - id: e1\n    type: assessment-request\n    date: 2026-13-01\n",
        encoding="utf-8",
    )
    result = es("check", "--plan", str(path), "--today", TODAY)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Problema:" in result.stderr
    assert "tiene 3 problemas:" in result.stderr or "problemas" in result.stderr
    assert "ese día no existe: febrero de 2019 tiene 28 días" in result.stderr
    assert "no existe el mes 13" in result.stderr
    assert "tipo de evento desconocido: 'assessment-request'." in result.stderr
    assert "Advertencia:" in result.stderr
    assert "clave desconocida" in result.stderr
    assert english_left(result.stderr) == []


def test_check_ok_counts_events_with_the_plural_rule(plan: str) -> None:
    result = es("check", "--plan", plan, "--today", TODAY)
    assert result.exit_code == 0
    assert " ".join(result.stdout.split()).endswith(": correcto (4 eventos).")


def test_a_missing_plan_is_one_spanish_message(tmp_path: Path) -> None:
    result = es("deadlines", "--plan", str(tmp_path / "none.yaml"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Problema: No hay ningún archivo de plan en")
    assert english_left(result.stderr) == []


def test_events_and_add_in_spanish(plan: str) -> None:
    events = es("events", "--plan", plan, "--today", TODAY)
    assert events.exit_code == 0
    assert events.stdout.split()[:3] == ["ID", "Fecha", "Tipo"]
    added = es("add", "records-requested", "2026-11-20", "--plan", plan, "--today", TODAY)
    assert added.exit_code == 0
    assert added.stdout.startswith("Se agregó e5: records-requested el 2026-11-20.")
    bad = es("add", "iep-meeting", "2026-11-31", "--plan", plan, "--today", TODAY)
    assert bad.exit_code == 1
    assert "FECHA: se esperaba AAAA-MM-DD" in bad.stderr
    assert "noviembre de 2026 tiene 30 días" in bad.stderr


@pytest.mark.parametrize(
    ("answer", "removed"),
    [("s", True), ("sí", True), ("Si", True), ("n", False), ("no", False), ("", False)],
)
def test_remove_asks_in_spanish(
    plan: str, monkeypatch: pytest.MonkeyPatch, answer: str, removed: bool
) -> None:
    monkeypatch.setattr(planfile, "interactive", lambda: True)
    result = es("remove", "e2", "--plan", plan, stdin=answer + "\n")
    assert result.exit_code == 0, result.output
    assert "¿Eliminar e2 (" in result.stdout
    assert "[s/N]" in result.stdout
    if removed:
        assert "Se eliminó e2. La versión anterior está en" in result.stdout
        assert "id: e2" not in Path(plan).read_text(encoding="utf-8")
    else:
        assert "No se eliminó nada." in result.stdout
        assert "id: e2" in Path(plan).read_text(encoding="utf-8")


def test_remove_asks_again_after_an_answer_it_does_not_know(
    plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planfile, "interactive", lambda: True)
    result = es("remove", "e2", "--plan", plan, stdin="x\ns\n")
    assert result.exit_code == 0
    assert "Responda s (sí) o n (no)." in result.stderr
    assert "Se eliminó e2." in result.stdout


def test_init_asks_the_language_first_then_everything_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planfile, "interactive", lambda: True)
    path = tmp_path / "nuevo.yaml"
    answers = [
        "es",  # Language / Idioma
        "Sofía Núñez",
        "2019-02-30",  # no such day: asked again
        "2019-05-14",
        "Escuela Lincoln",
        "123 Main St, Fresno",
        "Fresno Unified",
        "",  # regional center: skipped
        "Ana Núñez",
        "hermana",  # not a value the plan takes: asked again
        "parent",
        "456 Oak Ave, Fresno",
        "559-555-0100",
        "ana@example.org",
        "",  # family language: the questions' language
        "lectura, habla; atención",
    ]
    result = run("init", "--plan", str(path), "--today", TODAY, stdin="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Language / Idioma (en = English, es = español)")
    assert "Nombre del niño o la niña:" in result.stdout
    assert "Su número de teléfono" in result.stdout
    assert "\n  parent = padre o madre\n  guardian = tutor legal\n" in result.stdout
    assert "febrero de 2019 tiene 28 días" in result.stderr
    assert "Responda con una de estas opciones:" in result.stderr
    assert f"Se creó {path} (solo usted puede leerlo)." in result.stdout
    text = path.read_text(encoding="utf-8")
    assert "language: es" in text
    assert "relationship: parent" in text
    assert 'phone: "559-555-0100"' in text
    assert 'address: "123 Main St, Fresno"' in text
    assert 'concerns: ["lectura", "habla", "atención"]' in text
    check = run("check", "--plan", str(path), "--today", TODAY)
    assert check.exit_code == 0, check.output


def test_init_options_for_scripts(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    result = es(
        "init", "--plan", str(path), "--yes", "--today", TODAY, "--name", "Leo",
        "--birth-date", "2024-06-01", "--phone", "555-0100", "--email", "a@b.org",
        "--school-address", "1 School Rd", "--school", "Lincoln", "--relationship", "guardian",
        "--family-language", "en", "--concerns", "reading, speech",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    text = path.read_text(encoding="utf-8")
    assert "language: en" in text
    assert "relationship: guardian" in text
    assert 'concerns: ["reading", "speech"]' in text
    again = es("init", "--plan", str(path), "--yes", "--name", "Leo", "--birth-date", "2024-06-01")
    assert again.exit_code == 1
    assert "ya existe; plancli no lo va a sobrescribir" in again.stderr


# ---- choosing the language


@pytest.mark.parametrize(
    "env", [{"PLANCLI_LANG": "es"}, {"LANG": "es_MX.UTF-8"}, {"LC_ALL": "es_US.UTF-8"}]
)
def test_the_environment_chooses_spanish(env: dict[str, str]) -> None:
    result = run("deadlines", "--plan", MAYA, "--today", TODAY, env=env)
    assert result.exit_code == 0
    assert result.stdout.startswith("Vence")


def test_lang_wins_over_the_environment_and_english_is_the_default() -> None:
    assert run("deadlines", "--plan", MAYA, "--today", TODAY).stdout.startswith("Due")
    result = run(
        "deadlines", "--plan", MAYA, "--today", TODAY, "--lang", "en", env={"PLANCLI_LANG": "es"}
    )
    assert result.stdout.startswith("Due")


def test_an_unknown_lang_is_a_usage_error() -> None:
    result = run("rules", "--lang", "fr")
    assert result.exit_code == 2
    assert "'fr' is not a language plancli speaks" in result.stderr


def test_letter_lang_also_sets_the_interface_language(tmp_path: Path) -> None:
    result = run("letter", "eval-request", "--plan", str(tmp_path / "none.yaml"), "--lang", "es")
    assert result.exit_code == 1
    assert result.stderr.startswith("Problema: No hay ningún archivo de plan")


# ---- scripts see the same data in both languages


@pytest.mark.parametrize(
    "args",
    [
        ("deadlines", "--plan", MAYA, "--today", TODAY, "--all", "--format", "json"),
        ("deadlines", "--plan", LEO, "--today", TODAY, "--all", "--format", "json"),
        ("deadlines", "--plan", MAYA, "--today", TODAY, "--all", "--format", "csv"),
        ("rules", "--format", "json"),
        ("rules", "--format", "csv"),
    ],
)
def test_json_and_csv_do_not_change_with_the_language(args: tuple[str, ...]) -> None:
    english = run(*args)
    spanish = run(*args, "--lang", "es")
    assert english.exit_code == spanish.exit_code == 0
    assert spanish.stdout == english.stdout
    if "json" in args:
        json.loads(spanish.stdout)


# ---- no English left over


@pytest.mark.parametrize(
    "args",
    [
        ("deadlines", "--plan", MAYA, "--today", TODAY, "--all"),
        ("deadlines", "--plan", LEO, "--today", "2027-03-01", "--all"),
        ("remind", "--plan", LEO, "--today", "2027-03-01", "--within", "400"),
        ("explain", "e1", "--plan", MAYA, "--today", TODAY),
        ("explain", "e1", "--plan", LEO, "--today", "2027-03-01"),
        ("check", "--plan", MAYA, "--today", TODAY),
        ("rules", "-v", "--system", "early-start"),
    ],
)
def test_no_english_left_in_spanish_output(args: tuple[str, ...]) -> None:
    result = es(*args)
    assert result.exit_code == 0, result.output
    out = result.stdout.split("Fuentes en desacuerdo")[0]  # the catalogue's notes on sources
    assert english_left(out) == [], out
    assert english_left(result.stderr) == []
