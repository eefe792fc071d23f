"""The case record as a Spanish-speaking user sees it on the command line (SPEC §8, §9):
`chronology` in words in every format, `summary --lang es`, the terminal's last newline.

The plan and its hand-worked dates are those of tests/test_record_cli.py (today 2027-01-10).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plancli.cli import app
from tests.test_record_cli import PLAN, TODAY


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "maya.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env={"PLANCLI_LANG": "en", "NO_COLOR": "1"})


RAW = ("assessment-requested", "records-requested", "rc-intake-requested", "contact", "note")


def test_chronology_in_spanish_words_every_row(plan: Path) -> None:
    result = run("chronology", "--plan", str(plan), "--today", TODAY, "--lang", "es")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    text = " ".join(result.stdout.split())
    for raw in (*RAW, "channel:", "direction:", "with:", "Le corresponde a: district"):
        assert raw not in text, raw
    assert "2026-09-03 El distrito recibió la solicitud de evaluación (carta enviada)" in text
    assert (
        "2026-09-10 Llamada telefónica recibida de Principal Kim [Contactos y notas] "
        "Prometió: send the assessment plan, a más tardar el 2026-09-17"
    ) in text
    assert "2026-11-02 Correo electrónico enviado a Ms. Ruiz" in text
    assert "2026-11-05 Nota [Contactos y notas] Intake scheduled by email. En respuesta a e6" in (
        text
    )
    # The promise Principal Kim made is overdue (la promesa: vencida); Ms. Ruiz's was kept.
    assert "Estado: vencida sin cumplir; Se inició con: e3 2026-09-10;" in text
    assert "Estado: cumplida; Se inició con: e6 2026-11-02; Cumplida el: 2026-11-05" in text
    # The rc-intake deadline is the regional center's (el plazo: vencido).
    assert "Estado: vencida; Se inició con: e5 2026-10-01; Responsable: centro regional;" in text


def test_chronology_in_english_words_every_row(plan: Path) -> None:
    result = run("chronology", "--plan", str(plan), "--today", TODAY)
    text = " ".join(result.stdout.split())
    assert "2026-09-03 The district received the request for assessment (letter sent)" in text
    assert "2026-09-17 The school records were received" in text
    assert "Promised: send the assessment plan, by 2026-09-17" in text
    assert "Status: not kept by its date;" in text


def test_chronology_on_a_terminal_ends_with_a_newline(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plancli.cli import record

    monkeypatch.setattr(record, "plain_output", lambda stream: False)  # the Rich table
    for lang in ("en", "es"):
        result = run("chronology", "--plan", str(plan), "--today", TODAY, "--lang", lang)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.endswith("\n")
        assert not result.stdout.endswith("\n\n")
    piped = run("chronology", "--plan", str(plan), "--today", TODAY, "--to", "2026-09-05")
    assert piped.stdout.endswith("No agency deadline is overdue or was met late.\n")


def test_chronology_html_and_pdf_in_spanish(plan: Path) -> None:
    from pypdf import PdfReader

    for name in ("r.html", "r.pdf"):
        result = run(
            "chronology", "--plan", str(plan), "--today", TODAY, "--lang", "es",
            "--output", str(plan.parent / name),
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
    page = (plan.parent / "r.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="es">')
    for words in (
        "<h2>Línea de tiempo</h2>",
        "<strong>Leyenda:</strong>",
        ">Educación especial (IEP)</text>",  # a lane's name in the drawing
        '<th scope="col">Fecha</th><th scope="col">Qué</th>',
        "<h2>Incumplimientos</h2>",
        "Llamada telefónica recibida de Principal Kim",
    ):
        assert words in page, words
    shown = re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.DOTALL)
    for raw in (*RAW, "Owed by", "Status:", "district;"):
        assert raw not in shown, raw
    reader = PdfReader(plan.parent / "r.pdf")
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert f"Página 1 de {len(reader.pages)}" in text
    assert "Page " not in text
    assert "El distrito recibió la solicitud de evaluación (carta enviada)" in text


def test_summary_in_spanish(plan: Path) -> None:
    result = run("summary", "--plan", str(plan), "--today", TODAY, "--lang", "es")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Casos al 2027-01-10"
    assert lines[1].split() == [
        "Niño", "Archivo", "del", "plan", "Distrito", "Centro", "regional", "Vencidas",
        "Vencen", "hoy", "Vencen", "pronto", "Cumplidas", "tarde", "Promesas", "Próximo",
        "vencimiento",
    ]  # fmt: skip
    # Overdue: assessment-plan and rc-intake; met late: school-records; Kim's promise open.
    assert lines[2].split()[-6:] == ["2", "0", "0", "1", "1", "2035-05-14"]


def test_summary_json_and_csv_do_not_change_with_the_language(plan: Path) -> None:
    for fmt in ("json", "csv"):
        args = ("summary", "--plan", str(plan), "--today", TODAY, "--format", fmt)
        assert run(*args, "--lang", "es").stdout == run(*args).stdout


@pytest.mark.parametrize("command", ["summary", "chronology"])
def test_an_unknown_language_is_a_usage_error(plan: Path, command: str) -> None:
    result = run(command, "--plan", str(plan), "--lang", "fr")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'fr' is not a language plancli speaks" in result.stderr
