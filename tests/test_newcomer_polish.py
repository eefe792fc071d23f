"""What a newcomer's walk through the README found, each in English and Spanish: exit code,
stdout and stderr checked separately."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plancli.cli import app, planfile
from plancli.rules.filings import FILINGS_BY_ID
from tests.test_filings import filing_args, plan_for

EXAMPLES = Path(__file__).parent.parent / "examples"
MAYA = str(EXAMPLES / "maya-iep.yaml")
LEO = str(EXAMPLES / "leo-early-start.yaml")
FEED = Path(__file__).parent / "data" / "calendars" / "edlio-rio-claro-2026-27.ics"
NO_LANGUAGE = {"PLANCLI_LANG": "", "LANG": "C", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def run(*args: str, stdin: str | None = None, columns: str = "") -> Result:
    env = {**NO_LANGUAGE, "COLUMNS": columns}
    return CliRunner().invoke(app, list(args), input=stdin, env=env)


# ---- 1. remind: an estimated date points to the `plancli calendar` commands


@pytest.mark.parametrize(
    ("lang", "fix", "commands"),
    [
        (
            "en",
            "First make it exact: add your district's school calendar to the plan: import the "
            "district's calendar feed (an .ics file from its website), or add each school year "
            "and its breaks (the `plancli calendar` commands below).",
            [
                "plancli calendar import FILE.ics",
                "plancli calendar add-year FIRST LAST",
                "plancli calendar add-break NAME FIRST LAST",
            ],
        ),
        (
            "es",
            "Primero obtenga la fecha exacta: agregue al plan el calendario escolar de su "
            "distrito: importe el calendario que publica el distrito (un archivo .ics de su "
            "sitio web), o agregue cada año escolar y sus vacaciones (con los comandos "
            "`plancli calendar` de abajo).",
            [
                "plancli calendar import ARCHIVO.ics",
                "plancli calendar add-year PRIMERO ÚLTIMO",
                "plancli calendar add-break NOMBRE PRIMERO ÚLTIMO",
            ],
        ),
    ],
)
def test_remind_points_an_estimate_to_the_calendar_commands(
    lang: str, fix: str, commands: list[str]
) -> None:
    result = run("remind", "--plan", LEO, "--today", "2026-12-01", "--lang", lang)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "calendar:`" not in result.stdout  # no more "under `calendar:`" in the YAML
    item = next(i for i in result.stdout.split("\n- ") if "assessment-plan:e8" in i)
    assert fix in item.replace("\n    ", " ")
    lines = item.splitlines()
    listed = [f"    {c} --plan {LEO}" for c in commands]
    letter = f"    plancli letter missed-deadline --set rule=assessment-plan --plan {LEO}"
    start = lines.index(listed[0])
    assert lines[start : start + 4] == [*listed, letter]  # the fix first, then the letter


# ---- 2. init's last message: each command on its own line, prose folded at spaces


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Created plan.yaml (readable only by you).\n"
            "\n"
            "Next, to record what happened:\n"
            "  plancli add assessment-requested YYYY-MM-DD --plan plan.yaml\n"
            "then, to see the deadlines it starts:\n"
            "  plancli deadlines --plan plan.yaml\n"
            "\n"
            "To get an email each morning when something is due, open your crontab:\n"
            "  crontab -e\n"
            "and add this line:\n"
            "  0 7 * * * {cron}\n"
            "For a desktop notification instead, run:\n"
            "  plancli remind --notify --plan plan.yaml\n",
        ),
        (
            "es",
            "Se creó plan.yaml (solo usted puede leerlo).\n"
            "\n"
            "Después, para registrar lo que pasó:\n"
            "  plancli add assessment-requested AAAA-MM-DD --plan plan.yaml\n"
            "y luego, para ver las fechas límite que inicia:\n"
            "  plancli deadlines --plan plan.yaml\n"
            "\n"
            "Para recibir un correo cada mañana cuando algo esté por vencer, abra su crontab:\n"
            "  crontab -e\n"
            "y agregue esta línea:\n"
            "  0 7 * * * {cron}\n"
            "Para recibir en cambio una notificación en el escritorio, ejecute:\n"
            "  plancli remind --notify --plan plan.yaml\n",
        ),
    ],
)
def test_init_puts_each_command_on_its_own_line_at_80_columns(
    lang: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plancli import cron

    monkeypatch.chdir(tmp_path)
    args = ("init", "-p", "plan.yaml", "--name", "Ana", "--birth-date", "2019-05-14", "--yes")
    result = run(*args, "--lang", lang, columns="80")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    line = cron.crontab_line(tmp_path / "plan.yaml").removeprefix(cron.SCHEDULE + " ")
    assert result.stdout == expected.format(cron=line)
    prose = [x for x in result.stdout.splitlines() if not x.startswith("  ")]
    assert all(len(x) <= 80 for x in prose)


# ---- 3 and 6. init's questions: the relationship as a list, the same language labels


@pytest.mark.parametrize(
    ("lang", "question", "choices", "letters"),
    [
        (
            "en",
            "Your relationship to the child:",
            [
                "  parent = mother or father",
                "  guardian = legal guardian",
                "  foster-parent",
                "  educational-rights-holder",
                "  conservator",
                "  student = the student (18 or older)",
                "  other",
                "Your answer (Enter to skip): parent",
            ],
            "Language of the family's letters (en = English, es = español) [en]: ",
        ),
        (
            "es",
            "Su relación con el niño o la niña:",
            [
                "  parent = padre o madre",
                "  guardian = tutor legal",
            ],
            "Idioma de las cartas de la familia (en = English, es = español) [es]: ",
        ),
    ],
)
def test_init_asks_the_relationship_with_one_choice_a_line(
    lang: str,
    question: str,
    choices: list[str],
    letters: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(planfile, "interactive", lambda: True)
    answers = [lang, "Ana", "2019-05-14", "", "", "", "", "Rosa", "parent", "", "", "", "", ""]
    path = tmp_path / "plan.yaml"
    result = run("init", "-p", str(path), "--today", "2026-11-23", stdin="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    start = lines.index(question)
    assert lines[start + 1 : start + 1 + len(choices)] == choices
    assert all(len(x) <= 80 for x in lines[start : start + 9])
    assert lines.count(question) == 1  # answered at once: asked once
    # The letters' language reads as the first question does.
    assert "Language / Idioma (en = English, es = español)" in result.stdout
    assert letters in result.stdout
    assert "relationship: parent" in path.read_text(encoding="utf-8")


# ---- 4. a plan from a newer plancli: one paragraph, update plancli


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "en",
            "Error: {path} was written by a newer plancli (plan version 7; this plancli reads "
            "up to version 1). Update plancli, then run the command again: in plancli's folder, "
            "run `git pull`, then `pip install -e .` again. Do not change the version number in "
            "the file: the newer plancli may have written things this one would misread.\n",
        ),
        (
            "es",
            "Problema: {path} lo escribió una versión más nueva de plancli (versión del plan: 7; "
            "esta versión lee hasta la 1). Actualice plancli y vuelva a ejecutar el comando: en "
            "la carpeta de plancli, ejecute `git pull` y luego otra vez `pip install -e .`. No "
            "cambie el número de versión en el archivo: la versión más nueva puede haber escrito "
            "cosas que esta leería mal.\n",
        ),
    ],
)
@pytest.mark.parametrize("command", ["deadlines", "check"])
def test_a_newer_plan_is_one_paragraph_saying_update_plancli(
    lang: str, message: str, command: str, tmp_path: Path
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("version: 7\nchild: {name: X, birth_date: 2019-05-14}\n", encoding="utf-8")
    before = path.read_bytes()
    result = run(command, "--plan", str(path), "--lang", lang)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == message.format(path=path)
    assert path.read_bytes() == before


# ---- 5. --lang before the command's name


@pytest.mark.parametrize("lang", [["--lang", "es"], ["--lang=es"]])
@pytest.mark.parametrize(
    ("command", "spanish"),
    [
        (["deadlines", "--plan", MAYA, "--today", "2026-11-23"], "Vence"),
        (["calendar", "--plan", MAYA], "Calendario escolar de"),
        (["calendar", "add-year", "2029-08-10", "2030-06-01", "--plan", "{plan}"], "Se agregó"),
    ],
)
def test_lang_before_the_command_name(
    lang: list[str], command: list[str], spanish: str, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("version: 1\nchild: {name: X, birth_date: 2019-05-14}\n", encoding="utf-8")
    args = [a.format(plan=plan) for a in command]
    before = run(*lang, *args)
    plan.write_text("version: 1\nchild: {name: X, birth_date: 2019-05-14}\n", encoding="utf-8")
    after = run(*args, *lang)
    assert before.exit_code == 0, before.output
    assert before.stderr == ""
    assert spanish in before.stdout
    assert before.stdout == after.stdout


def test_lang_before_export_ics(tmp_path: Path) -> None:
    ics = tmp_path / "maya.ics"
    args = ["export", "ics", "--plan", MAYA, "--today", "2026-11-23", "-o", str(ics)]
    result = run("--lang", "es", *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.startswith("Se escribieron 4 fechas límite pendientes")
    assert "Siguiente paso" in ics.read_text(encoding="utf-8")


def test_lang_before_the_command_name_still_refuses_an_unknown_language() -> None:
    result = run("--lang", "xx", "deadlines", "--plan", MAYA)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'xx' is not a language plancli speaks" in result.stderr
    assert "No such option" not in result.stderr


# ---- 7. the calendar's yes/no questions say what they take


@pytest.mark.parametrize(
    ("lang", "hint", "saved"),
    [
        ("en", "Answer y (yes) or n (no).\n", "Saved in"),
        ("es", "Responda s (sí) o n (no).\n", "Guardado en"),
    ],
)
def test_calendar_import_says_how_to_answer(
    lang: str, hint: str, saved: str, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("version: 1\nchild: {name: X, birth_date: 2019-05-14}\n", encoding="utf-8")
    yes = "y" if lang == "en" else "s"
    result = run(
        "calendar", "import", str(FEED), "-p", str(plan), "--lang", lang, stdin=f"x\n{yes}\n"
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == hint  # once, for the one answer it did not understand
    assert saved in result.stdout
    assert "first_day: 2026-08-19" in plan.read_text(encoding="utf-8")


def test_calendar_remove_says_how_to_answer(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("version: 1\nchild: {name: X, birth_date: 2019-05-14}\n", encoding="utf-8")
    assert run("calendar", "add-year", "2026-08-12", "2027-06-03", "-p", str(plan)).exit_code == 0
    before = plan.read_bytes()
    result = run("calendar", "remove", "2026-27", "-p", str(plan), stdin="maybe\nn\n")
    assert result.exit_code == 0, result.output
    assert result.stderr == "Answer y (yes) or n (no).\n"
    assert result.stdout.endswith("Nothing was written.\n")
    assert plan.read_bytes() == before


# ---- 8. a filing's sources: one address a line


@pytest.mark.parametrize(
    ("lang", "read_on"),
    [("en", "plancli read this address on"), ("es", "plancli tomó esta dirección el")],
)
def test_filing_advice_lists_one_source_address_a_line(
    lang: str, read_on: str, tmp_path: Path
) -> None:
    name = "compliance-complaint"
    sources = [s.url for s in FILINGS_BY_ID[name].agency.sources]  # type: ignore[union-attr]
    assert len(sources) == 3
    result = CliRunner().invoke(
        app, filing_args(name, plan_for(name, tmp_path), lang), env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()  # the filing itself
    lines = result.stderr.splitlines()
    first = lines.index(f"    {sources[0]}")
    assert lines[first : first + 3] == [f"    {url}" for url in sources]
    assert lines[first - 1].endswith(":")  # the sentence that names them ends before them
    assert read_on in " ".join(result.stderr.split())


def test_main_finds_the_command_past_a_leading_lang() -> None:
    from plancli.cli import _command_word

    assert _command_word(["--lang", "es", "deadlines", "--today", "2026-11-23"]) == "deadlines"
    assert _command_word(["--lang=es", "export", "ics"]) == "export"
    assert _command_word(["deadlines", "--lang", "es"]) == "deadlines"
    assert _command_word(["--lang"]) == ""
