"""What `plancli letter` says on the terminal, in both languages (SPEC §9): the refusals and the
warnings are Spanish with `--lang es`, with no English sentence left, and unchanged with
`--lang en`. Exit code, stdout and stderr are checked separately.

The plan is the golden files' (tests/test_letters.py, LETTER_PLAN; letter dated 2026-12-08).
Dates worked out by hand: assessment-requested on 2026-09-03 plus 15 calendar days (no school
calendar: an estimate) is 2026-09-18.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plancli.cli import app
from plancli.vocab import FALSE_WORDS, TRUE_WORDS
from tests.test_letters import DATE, LETTER_PLAN

NO_LANGUAGE = {"PLANCLI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}
TODDLER = LETTER_PLAN.replace("birth_date: 2019-05-14", "birth_date: 2024-01-09")  # 2 on DATE
ADULT = LETTER_PLAN.replace("birth_date: 2019-05-14", "birth_date: 2004-05-14")  # 22 on DATE
NO_CALENDAR = (
    LETTER_PLAN.split("calendar:")[0]
    + "events:\n  - {id: e1, type: assessment-requested, date: 2026-09-03}\n"
)
NO_SCHOOL_ADDRESS = LETTER_PLAN.replace('  address: "2020 Tulare St, Fresno, CA 93721"\n', "")
NO_CONCERNS = LETTER_PLAN.replace("  concerns: [reading, speech and language]\n", "")
NO_CONCERNS_NOR_SENDER = NO_CONCERNS.replace("  parent_name: Ana Núñez\n", "")

# Words only an English sentence has. Codes (`...`, --set values, ids, key paths, event types),
# quoted values and examples are taken out first: they stay English on purpose.
_ENGLISH_TEXT = (
    "the is are was were and with for from of to in on or it this that which your you has "
    "have does not nothing written letter letters give add missing value values warning error "
    "after before under date expected got there such"
)
ENGLISH_WORDS = frozenset(_ENGLISH_TEXT.split())


def english_left(text: str) -> set[str]:
    """The English words of `text` outside code, quotes, options, identifiers and the yes/no
    words a flag accepts (typed as they are: "on", "yes")."""
    for words in (TRUE_WORDS, FALSE_WORDS):
        text = text.replace(", ".join(words), " ")
    text = re.sub(r"`[^`]*`|\"[^\"]*\"|'[^']*'|«[^»]*»", " ", text)
    text = re.sub(r"--\S+|\S+=\S*|\b\w+(?:[-_.]\w+)+\b", " ", text)
    return {word for word in re.findall(r"[A-Za-z]+", text) if word.casefold() in ENGLISH_WORDS}


def letter(tmp_path: Path, plan: str, name: str, lang: str, *extra: str) -> Result:
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    args = ["letter", name, "--plan", str(path), "--date", DATE, "--lang", lang, *extra]
    return CliRunner().invoke(app, args, env=NO_LANGUAGE)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# (plan, letter, --set values, the Spanish message, the English message): every one refused.
REFUSALS = {
    "missing-value": (
        NO_CONCERNS,
        "eval-request",
        (),
        "Problema: A la carta eval-request le falta 1 valor: concerns: las áreas que le "
        "preocupan, separadas por punto y coma. Indique el valor con --set "
        'concerns="reading; speech and language" o agréguelo al plan como `concerns: [...]` '
        "debajo de `child:`. No se escribió nada; agregue los valores que faltan y vuelva a "
        "ejecutar el comando.",
        "Error: The letter eval-request needs 1 value that is missing: concerns: the areas of "
        "concern, separated by semicolons. Give it with --set "
        'concerns="reading; speech and language", or add it to the plan as `concerns: [...]` '
        "under `child:`. Nothing was written; add the missing values and run the command again.",
    ),
    "missing-values": (
        NO_CONCERNS_NOR_SENDER,
        "eval-request",
        (),
        "A la carta eval-request le faltan 2 valores:",
        "The letter eval-request needs 2 values that are missing:",
    ),
    "plan-value": (
        NO_CONCERNS_NOR_SENDER,
        "eval-request",
        (),
        "family.parent_name: su nombre, tal como firma la carta: agregue `parent_name: Su "
        "Nombre` debajo de `family:` en el archivo de plan.",
        "family.parent_name: your name, as you sign the letter: add `parent_name: Your Name` "
        "under `family:` in the plan file.",
    ),
    "unknown-letter": (
        LETTER_PLAN,
        "eval-requst",
        (),
        "Problema: No existe la carta 'eval-requst'. ¿Quiso decir: eval-request, "
        "504-eval-request, appeal-request? `plancli letter --list` muestra las cartas.",
        "Error: There is no letter 'eval-requst'. Did you mean: eval-request, "
        "504-eval-request, appeal-request? `plancli letter --list` lists the letters.",
    ),
    "toddler": (
        TODDLER,
        "ipp-meeting-request",
        (),
        "Sofía tiene menos de tres años el 2026-12-08, así que los servicios de Sofía son de "
        "Early Start y no de la Ley Lanterman",
        "Sofía is under three on 2026-12-08, so Sofía's services are Early Start services, "
        "not Lanterman Act services",
    ),
    "adult-student": (
        ADULT,
        "eval-request",
        (),
        "Sofía tiene 18 años o más el 2026-12-08, así que los derechos educativos de Sofía "
        "pertenecen a Sofía",
        "Sofía is 18 or older on 2026-12-08, so Sofía's education rights belong to Sofía",
    ),
    "estimated-date": (
        NO_CALENDAR,
        "missed-deadline",
        ("rule=assessment-plan",),
        "Problema: La fecha de assessment-plan (2026-09-18) es estimada, así que plancli no "
        "puede asegurar que ya pasó: el plan no tiene calendario escolar",
        "Error: The assessment-plan date (2026-09-18) is estimated, so plancli cannot say for "
        "sure that it has passed: the plan has no school calendar",
    ),
    "overdue-listed": (
        NO_CALENDAR,
        "missed-deadline",
        (),
        "indíquela con --set rule=REGLA. Las fechas límite vencidas de este plan el 2026-12-08 "
        "son: assessment-plan (vence el 2026-09-18, evento e1). No se escribió nada.",
        "give it with --set rule=RULE. The overdue deadlines of this plan on 2026-12-08 are: "
        "assessment-plan (due 2026-09-18, event e1). Nothing was written.",
    ),
    "bad-flag": (
        LETTER_PLAN,
        "ipp-meeting-request",
        ("urgent=maybe",),
        "Problema: --set urgent: se esperaba sí o no, pero dice 'maybe'. Se acepta para sí: "
        "true, yes, sí, si, 1, on; para no: false, no, 0, off (en mayúsculas o minúsculas).",
        "Error: --set urgent: expected yes or no, got 'maybe'. Accepted for yes: true, yes, "
        "sí, si, 1, on; for no: false, no, 0, off (in any case).",
    ),
    "bad-date": (
        LETTER_PLAN,
        "recording-notice",
        ("meeting_date=2026-02-30",),
        "Problema: --set meeting_date: se esperaba una fecha en formato AAAA-MM-DD, pero dice "
        "'2026-02-30'.",
        "Error: --set meeting_date: expected a date as YYYY-MM-DD, got '2026-02-30'.",
    ),
    "no-equals": (
        LETTER_PLAN,
        "eval-request",
        ("concerns",),
        "Problema: --set 'concerns': se esperaba CLAVE=VALOR, por ejemplo "
        '--set concerns="lectura; habla".',
        "Error: --set 'concerns': expected KEY=VALUE, e.g. --set concerns=\"reading; speech\".",
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_refusal_in_spanish(case: str, tmp_path: Path) -> None:
    plan, name, sets, spanish, _english = REFUSALS[case]
    result = letter(tmp_path, plan, name, "es", *[a for s in sets for a in ("--set", s)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert spanish in flat(result.stderr)
    assert english_left(result.stderr) == set(), result.stderr


@pytest.mark.parametrize("case", list(REFUSALS))
def test_refusal_in_english_unchanged(case: str, tmp_path: Path) -> None:
    plan, name, sets, _spanish, english = REFUSALS[case]
    result = letter(tmp_path, plan, name, "en", *[a for s in sets for a in ("--set", s)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert english in flat(result.stderr)


# (plan, --set values, the Spanish warning, the English warning): the letter is still written.
WARNINGS = {
    "no-recipient-address": (
        NO_SCHOOL_ADDRESS,
        (),
        "Advertencia: school.address no está en el plan, así que la carta no tiene la dirección "
        'del destinatario; para enviarla por correo, agregue `address: "..."` debajo de '
        "`school:` en el archivo de plan.",
        "Warning: school.address is not in the plan, so the letter has no address for the "
        'recipient; to mail it, add `address: "..."` under `school:` in the plan file.',
    ),
    "unknown-set-key": (
        LETTER_PLAN,
        ("foo=bar",),
        "Advertencia: --set foo: la carta eval-request no lo usa (sus valores: concerns, "
        "interpreter, student_authorizes); se ignora.",
        "Warning: --set foo: the letter eval-request does not use it (its fields: concerns, "
        "interpreter, student_authorizes); ignored.",
    ),
}


@pytest.mark.parametrize("case", list(WARNINGS))
def test_warning_in_spanish(case: str, tmp_path: Path) -> None:
    plan, sets, spanish, _english = WARNINGS[case]
    result = letter(tmp_path, plan, "eval-request", "es", *[a for s in sets for a in ("--set", s)])
    assert result.exit_code == 0, result.output
    assert "8 de diciembre de 2026" in result.stdout  # the letter, in Spanish
    warning = result.stderr.split("\n\n")[0]  # the advice on sending it follows
    assert flat(warning) == spanish
    assert english_left(warning) == set()


@pytest.mark.parametrize("case", list(WARNINGS))
def test_warning_in_english_unchanged(case: str, tmp_path: Path) -> None:
    plan, sets, _spanish, english = WARNINGS[case]
    result = letter(tmp_path, plan, "eval-request", "en", *[a for s in sets for a in ("--set", s)])
    assert result.exit_code == 0, result.output
    assert "December 8, 2026" in result.stdout
    assert flat(result.stderr.split("\n\n")[0]) == english


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "es",
            "Problema: Plantilla mine.es.md.j2, línea 1: fields.nada no tiene valor. La plantilla "
            "usa un valor que esta carta no tiene: revise que el nombre esté bien escrito, o "
            "indíquelo con --set o en el plan. No se escribió nada.",
        ),
        (
            "en",
            "Error: Template mine.en.md.j2, line 1: fields.nada has no value. The template uses "
            "a value this letter does not have: check the name for a typo, or give it with --set "
            "or in the plan. Nothing was written.",
        ),
    ],
)
def test_user_template_error(lang: str, message: str, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / f"mine.{lang}.md.j2").write_text("Hola {{ fields.nada }}\n", encoding="utf-8")
    result = letter(tmp_path, LETTER_PLAN, "mine", lang, "--templates", str(folder))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert flat(result.stderr).strip() == message


def test_letter_list_in_spanish() -> None:
    result = CliRunner().invoke(app, ["letter", "--list", "--lang", "es"], env=NO_LANGUAGE)
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Carta", "Para", "Pide", "Idiomas"]
    assert "Valores (--set CLAVE=VALOR; * obligatorio)" in result.stdout
    assert "concerns* (si no se indica: child.concerns)" in result.stdout
    row = next(line for line in lines if line.startswith("appeal-request "))
    assert "DDS (con copia al centro regional)" in row
    assert "audiencia imparcial" in row
    assert english_left(result.stdout) == set()


def test_english_words_are_found() -> None:
    """The scan itself: an English sentence is caught, codes and quotes are not."""
    assert english_left("Nothing was written.") == {"Nothing", "was", "written"}
    assert english_left('No se escribió nada: `the plan` --set a="the" family.address') == set()
