"""Letters (SPEC §6): golden files of every letter in both languages, missing values, output
files read back, --record, user templates and the sandbox, and the installed wheel.

Rewrite the golden files after a deliberate change with `pytest tests/test_letters.py
--update-golden`, then read the diff.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plancli import letters, store
from plancli.cli import app
from plancli.deadlines import deadline_as_if
from plancli.errors import LetterError, UnknownNameError
from plancli.letters import LETTERS, LETTERS_BY_NAME, full_date, long_date
from plancli.letters.wording import wording
from plancli.rules import ALL_RULES, EVENT_TYPES, RULES_BY_ID, Kind
from tests.conftest import PlanWriter

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "letters"
DATE = "2026-12-08"
# The filings of SPEC §6.2 have their own tests (tests/test_filings.py).
NAMES = [letter.name for letter in LETTERS if not letter.filing]
MAYA = ROOT / "examples" / "maya-iep.yaml"

# A made-up family: every name, address and number is invented. Accented names on purpose.
LETTER_PLAN = """\
version: 1
child:
  name: Sofía Núñez
  birth_date: 2019-05-14
  concerns: [reading, speech and language]
family:
  parent_name: Ana Núñez
  address: "123 Main St, Fresno, CA 93701"
  phone: "559-555-0100"
  email: ana@example.org
  language: es
school:
  name: Lincoln Elementary
  district: Fresno Unified School District
  contact: Principal Jane Kim
  address: "2020 Tulare St, Fresno, CA 93721"
regional_center:
  name: Central Valley Regional Center
  service_coordinator: Luis Ortega
  uci: "1234567"
  address: "456 Center Ave, Fresno, CA 93722"
calendar:
  years:
    - first_day: 2026-08-12
      last_day: 2027-06-03
      breaks:
        - {name: Thanksgiving break, first: 2026-11-23, last: 2026-11-27}
        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}
        - {name: Spring break, first: 2027-03-29, last: 2027-04-02}
    - first_day: 2027-08-11
      last_day: 2028-06-01
  holidays: [2027-02-12]
events:
  - id: e1
    type: assessment-requested
    date: 2026-09-03
  - id: e2
    type: notice-of-action-received
    date: 2026-11-20
    effective_date: 2026-12-21
"""

# The --set values each letter is rendered with in the golden files.
SETS: dict[str, list[str]] = {
    "iep-meeting-request": ["reason=Sofía's progress in reading"],
    "iee-request": ["assessment=psychoeducational assessment of October 2026"],
    "iep-partial-consent": [
        "meeting_date=2026-12-01",
        "agreed=speech therapy twice a week; reading support in class",
        "disagreed=placement in a special day class",
    ],
    "recording-notice": ["meeting_date=2026-12-15", "meeting_time=3:30 PM"],
    "ipp-meeting-request": ["reason=respite care hours"],
    "partial-agreement": [
        "meeting_date=2026-12-01",
        "agreed=respite care, 30 hours a month",
        "disagreed=social skills program",
    ],
    "appeal-request": ["action=Reducing speech therapy from two sessions a week to one."],
    "missed-deadline": ["rule=assessment-plan"],
}

# The same values as a Spanish-speaking family types them, for the Spanish golden files.
SETS_ES: dict[str, list[str]] = {
    **SETS,
    "iep-meeting-request": ["reason=el progreso de Sofía en lectura"],
    "iee-request": ["assessment=evaluación psicoeducativa de octubre de 2026"],
    "iep-partial-consent": [
        "meeting_date=2026-12-01",
        "agreed=terapia del habla dos veces por semana; apoyo de lectura en el salón",
        "disagreed=colocación en una clase especial",
    ],
    "ipp-meeting-request": ["reason=las horas de servicios de relevo"],
    "partial-agreement": [
        "meeting_date=2026-12-01",
        "agreed=servicios de relevo, 30 horas al mes",
        "disagreed=programa de habilidades sociales",
    ],
    "appeal-request": [
        "action=Reducir la terapia del habla de dos sesiones por semana a una.",
        "remedy=Que Sofía siga recibiendo dos sesiones de terapia del habla por semana.",
    ],
    "ifsp-review-request": ["reason=los avances de Sofía en el habla"],
}
SETS["appeal-request"] = [
    *SETS["appeal-request"],
    "remedy=Keep Sofía's speech therapy at two sessions a week.",
]
SETS["ifsp-review-request"] = ["reason=Sofía's progress in speech"]

# The response date each letter states (counted from DATE by the deadline engine), and the
# citations it must carry. Dates checked by hand against the plan's calendar:
#   15 school-tolled days from 2026-12-08: Dec 9-18 (10), winter break paused Dec 19 - Jan 3,
#   Jan 4-8 (5) -> 2027-01-08. 5 business days: Dec 9, 10, 11, 14, 15 -> 2026-12-15.
#   15 working days skip Christmas Day -> 2026-12-30.
EXPECTED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "eval-request": (("2027-01-08",), ("Cal. Educ. Code §§ 56321(a), 56043(a)", "§ 56029")),
    "iep-meeting-request": (("2027-01-23",), ("Cal. Educ. Code §§ 56343.5, 56043(l)",)),
    "records-request": (("2026-12-15",), ("Cal. Educ. Code §§ 56504, 56043(n)", "§ 49069.7")),
    "iee-request": ((), ("34 CFR 300.502(b)", "Cal. Educ. Code § 56329(b)")),
    "iep-partial-consent": (("2026-12-01",), ("Cal. Educ. Code § 56346(e)",)),
    "recording-notice": (("2026-12-15",), ("Cal. Educ. Code § 56341.1(g)",)),
    # 60 days run from consent, not from the letter: no date is stated (SPEC §6.1).
    "504-eval-request": ((), ("34 CFR 104.35",)),
    "rc-intake-request": (
        ("2026-12-30",),
        ("Welf. & Inst. Code § 4642(a)(2)", "Welf. & Inst. Code § 4643(a)"),
    ),
    "ipp-meeting-request": (("2027-01-07",), ("Welf. & Inst. Code § 4646.5(b)",)),
    "partial-agreement": (
        ("2026-12-16",),
        (
            "Welf. & Inst. Code § 4646(h)",
            "Welf. & Inst. Code § 4646(g)-(h)",
            "Welf. & Inst. Code § 4710",
        ),
    ),
    "appeal-request": (
        ("2027-01-19", "2026-12-20"),
        ("Welf. & Inst. Code § 4710.5(a)", "Welf. & Inst. Code § 4715(a)"),
    ),
    "missed-deadline": (("2026-09-18",), ("Cal. Educ. Code §§ 56321(a), 56043(a)",)),
    "ifsp-review-request": ((), ("34 CFR 303.342(b); 17 CCR 52102",)),
}
WRITTEN = {
    "en": ("December 8, 2026", "May 14, 2019"),
    "es": ("8 de diciembre de 2026", "14 de mayo de 2019"),
}


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env)


@pytest.fixture
def letter_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(LETTER_PLAN, encoding="utf-8")
    return path


def letter_args(name: str, plan: Path, lang: str, *extra: str) -> list[str]:
    values = (SETS_ES if lang.startswith("es") else SETS).get(name, [])
    sets = [arg for value in values for arg in ("--set", value)]
    return ["letter", name, "--plan", str(plan), "--date", DATE, "--lang", lang, *sets, *extra]


def cited(citation: str, lang: str) -> tuple[str, ...]:
    """A citation as a letter in `lang` may write it: English as the catalogue has it; Spanish
    the Spanish way ("el artículo 56321(a) del Código de Educación de California"), or in
    parentheses without the article and with the code's acronym in brackets."""
    if lang == "en":
        return (citation,)
    if citation.startswith("§ "):
        return (f"{citation[2:]} del Código",)
    spanish = wording("es").citation(citation)
    bare = spanish.replace(", y el ", "; ").replace(", y los ", "; ").replace("; el ", "; ")
    bare = bare.removeprefix("el ").removeprefix("los ")
    for acronym in ("CFR", "CCR", "USC"):
        bare = bare.replace(f"({acronym})", f"[{acronym}]")
    return spanish, bare


def flat(text: str) -> str:
    """Text with every run of whitespace as one space (PDF lines wrap anywhere)."""
    return re.sub(r"\s+", " ", text)


# --------------------------------------------------------------------------------------------
# Golden files: every letter in both languages


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", NAMES)
def test_golden_letter(
    name: str, lang: str, letter_plan: Path, request: pytest.FixtureRequest
) -> None:
    result = run(*letter_args(name, letter_plan, lang))
    assert result.exit_code == 0, result.output
    # No warning; the advice on sending it follows the letter, on stderr (not in the letter),
    # in the language `--lang` chose for the letter and the terminal alike.
    assert "Warning" not in result.stderr
    assert "Advertencia" not in result.stderr
    advice = {"en": "How to send it and keep proof of the date", "es": "Cómo enviarla y guardar"}
    assert result.stderr.lstrip().startswith(advice[lang])
    golden = GOLDEN / f"{name}.{lang}.txt"
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", NAMES)
def test_letter_states_names_dates_and_law(name: str, lang: str, letter_plan: Path) -> None:
    text = run(*letter_args(name, letter_plan, lang)).stdout
    letter_date, birth = WRITTEN[lang]
    assert text.startswith(letter_date + "\n")
    for needed in ("Sofía Núñez", birth, "Ana Núñez", "123 Main St, Fresno, CA 93701"):
        assert needed in text
    recipient = LETTERS_BY_NAME[name].recipient
    if recipient == "regional center":
        assert "Central Valley Regional Center\n456 Center Ave, Fresno, CA 93722" in text
        assert "1234567" in text  # UCI
    elif recipient.startswith("DDS"):
        dds = "Department of Developmental Services (DDS)" if lang == "en" else "Departamento de"
        assert f"\n\n{dds}" in text
        assert "1234567" in text  # UCI
    else:
        assert "Fresno Unified School District\n2020 Tulare St, Fresno, CA 93721" in text
    dates, citations = EXPECTED[name]
    for iso in dates:
        assert f"({iso})" in text
    for citation in citations:
        assert any(form in flat(text) for form in cited(citation, lang)), (citation, lang)
    confirm = "confirm in writing" if lang == "en" else "me confirme por escrito"
    signature = "Signature: ____" if lang == "en" else "Firma: ____"
    assert confirm in text
    assert signature in text
    assert "None" not in text
    assert "{{" not in text
    assert "{%" not in text


def test_response_dates_are_those_of_plancli_deadlines(letter_plan: Path) -> None:
    """--record then `plancli deadlines`: the engine gives the date the letter stated."""
    for name, rule in (
        ("eval-request", "assessment-plan"),
        ("iep-meeting-request", "iep-meeting-on-request"),
        ("records-request", "school-records"),
        ("rc-intake-request", "rc-intake"),
        ("ipp-meeting-request", "ipp-meeting-on-request"),
        ("partial-agreement", "ipp-follow-up-meeting"),
    ):
        result = run(*letter_args(name, letter_plan, "en", "--record", "--today", DATE))
        assert result.exit_code == 0, result.output
        listed = json.loads(
            run("deadlines", "--plan", str(letter_plan), "--today", DATE, "--format", "json").stdout
        )["deadlines"]
        recorded = store.load_plan(letter_plan).events[-1].id
        due = [d["due"] for d in listed if (d["rule"], d["trigger"]["event"]) == (rule, recorded)]
        assert len(due) == 1, (name, rule, listed)
        assert f"({due[0]})" in result.stdout, name


def test_section_504_is_a_benchmark_not_a_deadline(letter_plan: Path) -> None:
    """The 60 days run from consent (SPEC §6.1): no date counted from the letter."""
    for lang, phrases in (
        ("en", ("does not set a number of days", "reasonable time", "within 60 days of the")),
        ("es", ("no fija un número de días", "plazo razonable", "60 días siguientes al consen")),
    ):
        text = flat(run(*letter_args("504-eval-request", letter_plan, lang)).stdout)
        for phrase in phrases:
            assert phrase in text
        assert "2027-02-06" not in text  # 60 days from the letter: not the benchmark
        assert "104.36" in text


def test_iee_request_invents_no_number(letter_plan: Path) -> None:
    text = run(*letter_args("iee-request", letter_plan, "en")).stdout
    body = text.split("To whom")[-1].split("Dear")[-1]
    assert "without unnecessary delay" in body
    assert not re.search(r"within \d+ (business )?days", body)


def test_spanish_dates_and_usted(letter_plan: Path) -> None:
    text = run(*letter_args("eval-request", letter_plan, "es")).stdout
    assert "el viernes 8 de enero de 2027 (2027-01-08)" in text
    assert (
        "las vacaciones de invierno («Winter break»), junto con los fines de semana anterior y "
        "posterior (del 19 de diciembre de 2026 al 3 de enero de 2027)"
    ) in flat(text)
    assert "Le pido que me envíe" in text
    assert not re.search(r"\b(tú|te pido|tienes)\b", text)


def test_language_defaults_to_the_plan(letter_plan: Path) -> None:
    result = run("letter", "records-request", "--plan", str(letter_plan), "--date", DATE)
    assert result.stdout.startswith("8 de diciembre de 2026\n")
    text = letter_plan.read_text(encoding="utf-8").replace("  language: es\n", "")
    letter_plan.write_text(text, encoding="utf-8")
    result = run("letter", "records-request", "--plan", str(letter_plan), "--date", DATE)
    assert result.stdout.startswith("December 8, 2026\n")


def test_bad_language_is_a_usage_error(letter_plan: Path) -> None:
    result = run("letter", "eval-request", "--plan", str(letter_plan), "--lang", "fr")
    assert result.exit_code == 2
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("day", "en", "es", "full_en", "full_es"),
    [
        (
            date(2026, 11, 23),
            "November 23, 2026",
            "23 de noviembre de 2026",
            "Monday, November 23, 2026",
            "lunes 23 de noviembre de 2026",
        ),
        (
            date(2027, 1, 1),
            "January 1, 2027",
            "1 de enero de 2027",
            "Friday, January 1, 2027",
            "viernes 1 de enero de 2027",
        ),
        (
            date(2026, 9, 19),
            "September 19, 2026",
            "19 de septiembre de 2026",
            "Saturday, September 19, 2026",
            "sábado 19 de septiembre de 2026",
        ),
    ],
)
def test_written_dates(day: date, en: str, es: str, full_en: str, full_es: str) -> None:
    assert long_date(day, "en") == en
    assert long_date(day, "es") == es
    assert full_date(day, "en") == full_en
    assert full_date(day, "es") == full_es


# --------------------------------------------------------------------------------------------
# The catalogue


def test_catalogue_matches_spec() -> None:
    assert NAMES == [
        "eval-request",
        "iep-meeting-request",
        "records-request",
        "iee-request",
        "iep-partial-consent",
        "recording-notice",
        "504-eval-request",
        "rc-intake-request",
        "ipp-meeting-request",
        "partial-agreement",
        "appeal-request",
        "ifsp-review-request",
        "missed-deadline",
    ]
    recipients = (
        "district",
        "regional center",
        "district or regional center",
        "DDS (copy to the regional center)",
    )
    for letter in LETTERS:
        if letter.filing:
            continue
        assert letter.recipient in recipients
        assert all(rule in RULES_BY_ID for rule in letter.rules), letter.name
        assert letter.records is None or letter.records in EVENT_TYPES, letter.name
        for lang in ("en", "es"):
            assert (ROOT / "templates" / "letters" / f"{letter.name}.{lang}.md.j2").is_file()
    starts = {
        "eval-request": "assessment-requested",
        "iep-meeting-request": "iep-meeting-requested",
        "records-request": "records-requested",
        "504-eval-request": "504-evaluation-requested",
        "rc-intake-request": "rc-intake-requested",
        "ipp-meeting-request": "ipp-meeting-requested",
        "appeal-request": "appeal-filed",
        "ifsp-review-request": "ifsp-review-requested",
    }
    for name, event in starts.items():
        assert LETTERS_BY_NAME[name].records == event
    for name in ("iee-request", "iep-partial-consent", "recording-notice", "missed-deadline"):
        assert LETTERS_BY_NAME[name].records is None
    # A letter that starts a rule's clock records that rule's trigger.
    for letter in LETTERS:
        if letter.records and letter.rules and letter.name != "appeal-request":
            assert letter.records in RULES_BY_ID[letter.rules[0]].triggers, letter.name


def test_missed_deadline_covers_every_rule_a_letter_can_address() -> None:
    for rule in ALL_RULES:
        if rule.owed_by not in letters.ADDRESSABLE:
            continue
        assert rule.id in letters.MISSED_ACTIONS, rule.id
        if rule.age is None:
            for trigger in rule.triggers:
                assert trigger in letters.MISSED_TRIGGERS, (rule.id, trigger)


def test_templates_folder_is_the_package_folder() -> None:
    """templates/letters is what the package ships (src/plancli/templates links to it)."""
    link = ROOT / "src" / "plancli" / "templates"
    assert link.resolve() == (ROOT / "templates").resolve()


def test_list(letter_plan: Path) -> None:
    result = run("letter", "--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Letter", "To", "Asks", "for", "Languages"]
    for name in NAMES:
        row = next(line for line in lines if line.startswith(name + " "))
        assert row.rstrip().endswith("en, es")
    assert "regional center" in result.stdout


# --------------------------------------------------------------------------------------------
# Missing and wrong values


def test_missing_plan_values_are_named_with_how_to_set_them(write_plan: PlanWriter) -> None:
    path = write_plan(calendar=False)
    result = run("letter", "eval-request", "--plan", str(path), "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout == ""
    message = flat(result.stderr)
    for key in ("family.parent_name", "family.address", "school.district"):
        assert key in message
    assert "under `family:`" in message
    assert "concerns" in message
    assert "--set concerns=" in message
    assert "Nothing was written" in message


def test_missing_regional_center_is_named(write_plan: PlanWriter) -> None:
    extra = 'family:\n  parent_name: Ana\n  address: "1 A St, Fresno, CA"\n'
    path = write_plan(extra=extra)
    result = run("letter", "ipp-meeting-request", "--plan", str(path))
    assert result.exit_code == 1
    assert "regional_center.name" in result.stderr


def test_recipient_without_address_is_a_warning(letter_plan: Path) -> None:
    """Letters are often handed over or emailed: no address for the recipient is no blank."""
    text = letter_plan.read_text(encoding="utf-8")
    letter_plan.write_text(text.replace('  address: "456 Center Ave, Fresno, CA 93722"\n', ""))
    for lang in ("en", "es"):
        result = run(*letter_args("rc-intake-request", letter_plan, lang))
        assert result.exit_code == 0, result.output
        prefix = {"en": "Warning:", "es": "Advertencia:"}[lang]  # `--lang` chooses both
        assert f"{prefix} regional_center.address" in flat(result.stderr)
        assert "Luis Ortega\nCentral Valley Regional Center\n\n" in result.stdout


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("recording-notice", "meeting_date"),
        ("iep-partial-consent", "agreed"),
        ("partial-agreement", "disagreed"),
        ("appeal-request", "action"),
    ],
)
def test_missing_letter_field_fails_with_its_name(name: str, field: str, letter_plan: Path) -> None:
    sets = [v for v in SETS.get(name, []) if not v.startswith(field + "=")]
    args = ["letter", name, "--plan", str(letter_plan), "--date", DATE]
    result = run(*args, *[a for v in sets for a in ("--set", v)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{field}:" in result.stderr
    assert f"--set {field}=" in flat(result.stderr)


def test_missing_field_is_a_letter_error() -> None:
    plan = store.plan_from_text(LETTER_PLAN, "plan.yaml").plan
    with pytest.raises(LetterError, match="meeting_date"):
        letters.render_letter("recording-notice", plan, on=date(2026, 12, 8))


def test_every_letter_with_minimal_plan_has_no_blank(tmp_path: Path) -> None:
    """Only the values a letter requires: no phone, email, contact, coordinator or UCI."""
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 1\nchild: {name: Leo Díaz, birth_date: 2023-04-02}\n"
        'family: {parent_name: Rosa Díaz, address: "45 Olive Ave, San Jose, CA 95110"}\n'
        'school: {district: San Jose Unified School District, address: "855 Lenzen Ave"}\n'
        'regional_center: {name: San Andreas Regional Center, address: "6203 San Ignacio Ave"}\n'
        "events:\n"
        "  - {id: e1, type: notice-of-action-received, date: 2026-11-02}\n"
        "  - {id: e2, type: rc-intake-requested, date: 2026-10-01}\n",
        encoding="utf-8",
    )
    for name in NAMES:
        sets = [v for v in SETS.get(name, []) if not v.startswith("rule=")]
        sets += ["concerns=speech"] if name.endswith(("eval-request", "intake-request")) else []
        sets += ["rule=rc-intake"] if name == "missed-deadline" else []
        for lang in ("en", "es"):
            args = ["letter", name, "--plan", str(path), "--date", DATE, "--lang", lang]
            result = run(*args, *[a for v in sets for a in ("--set", v)])
            assert result.exit_code == 0, (name, lang, result.output)
            text = result.stdout
            assert "None" not in text
            assert "Phone" not in text
            assert "Teléfono" not in text
            assert ("To whom it may concern:" if lang == "en" else "A quien corresponda:") in text
            assert not re.search(r"\( *\)|: *\n\n\n|\n{3,}| ,|,,", text), (name, lang)


def test_estimated_date_is_not_argued_in_the_letter(tmp_path: Path) -> None:
    """Without a school calendar the count is an estimate: the letter states the law's period
    and no date; the warning goes to the terminal, once (SPEC §6.1)."""
    path = tmp_path / "plan.yaml"
    plan = LETTER_PLAN.split("calendar:")[0] + "events: []\n"
    path.write_text(plan, encoding="utf-8")
    result = run("letter", "eval-request", "--plan", str(path), "--date", DATE, "--lang", "en")
    assert result.exit_code == 0
    assert "2026-12-23" not in result.stdout  # 15 calendar days: not stated
    assert "calendar day" not in result.stdout
    assert "within 15 days of receiving this letter" in result.stdout
    assert flat(result.stderr).count("The assessment-plan date (2026-12-23) is an estimate") == 1


def test_end_of_year_rule(letter_plan: Path, tmp_path: Path) -> None:
    """A referral 10 days or fewer before the last day: due 10 days after the next first day."""
    args = ["letter", "eval-request", "--plan", str(letter_plan), "--lang", "en"]
    result = run(*args, "--date", "2027-05-28")
    assert result.exit_code == 0, result.output
    assert "within 10 days after the next school year begins" in result.stdout
    assert "(2027-08-21)" in result.stdout
    # Without the next school year in the calendar, no date can be stated.
    short = tmp_path / "short.yaml"
    short.write_text(
        LETTER_PLAN.replace("    - first_day: 2027-08-11\n      last_day: 2028-06-01\n", "")
    )
    result = run("letter", "eval-request", "--plan", str(short), "--date", "2027-05-28")
    assert result.exit_code == 1
    assert "2027-28 school year" in result.stderr
    assert result.stdout == ""


def test_unknown_letter_suggests_names(letter_plan: Path) -> None:
    result = run("letter", "eval-requst", "--plan", str(letter_plan))
    assert result.exit_code == 1
    assert "Did you mean: eval-request" in result.stderr
    assert "plancli letter --list" in result.stderr
    assert result.stdout == ""
    with pytest.raises(UnknownNameError):
        letters.render_letter("../../etc/passwd", store.load_plan(letter_plan), on=date.today())


def test_no_name_is_a_usage_error() -> None:
    assert run("letter").exit_code == 2


def test_unused_set_key_is_a_warning(letter_plan: Path) -> None:
    result = run(*letter_args("records-request", letter_plan, "en", "--set", "color=blue"))
    assert result.exit_code == 0
    assert "Warning: --set color" in result.stderr
    assert result.stdout.startswith("December 8, 2026")


@pytest.mark.parametrize(
    ("sets", "message"),
    [
        (["meeting_date=2026-02-30"], "expected a date as YYYY-MM-DD"),
        (["meeting_date=2026-12-08"], "at least 24 hours before the meeting"),
        (["oops"], "expected KEY=VALUE"),
    ],
)
def test_wrong_values(sets: list[str], message: str, letter_plan: Path) -> None:
    args = ["letter", "recording-notice", "--plan", str(letter_plan), "--date", DATE]
    result = run(*args, *[a for v in sets for a in ("--set", v)])
    assert result.exit_code == 1
    assert message in flat(result.stderr)
    assert result.stdout == ""


def test_partial_consent_for_a_future_meeting_is_a_warning(letter_plan: Path) -> None:
    args = ["letter", "iep-partial-consent", "--plan", str(letter_plan), "--date", DATE]
    sets = ["meeting_date=2026-12-20", "agreed=speech", "disagreed=placement"]
    result = run(*args, *[a for v in sets for a in ("--set", v)])
    assert result.exit_code == 0
    assert "Warning: meeting_date 2026-12-20 is after the letter's date" in flat(result.stderr)
    before = letter_plan.read_bytes()
    result = run(*args, "--today", DATE, "--record", *[a for v in sets for a in ("--set", v)])
    assert result.exit_code == 1  # iep-partial-consent records nothing
    sets = ["meeting_date=2026-12-20", "agreed=respite", "disagreed=camp"]
    args[1] = "partial-agreement"
    result = run(*args, "--today", DATE, "--record", *[a for v in sets for a in ("--set", v)])
    assert result.exit_code == 1
    assert "after today" in result.stderr
    assert letter_plan.read_bytes() == before


def test_urgent_ipp_meeting_is_due_in_seven_days(letter_plan: Path) -> None:
    result = run(*letter_args("ipp-meeting-request", letter_plan, "en", "--set", "urgent=yes"))
    assert result.exit_code == 0
    assert "Urgent request" in result.stdout
    assert "within 7 days" in result.stdout
    assert "(2026-12-15)" in result.stdout


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "This request is urgent: Sofía's health, safety or placement at home is "),
        ("es", "Esta solicitud es urgente: la salud, la seguridad o la permanencia en el hogar "),
    ],
)
def test_urgent_reason_names_the_person_once(lang: str, sentence: str, letter_plan: Path) -> None:
    result = run(*letter_args("ipp-meeting-request", letter_plan, lang, "--set", "urgent=yes"))
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if line.startswith(sentence[:30]))
    assert line.startswith(sentence)
    assert line.count("Sofía") == 1
    assert "Núñez" not in line  # the first name after the first mention


@pytest.mark.parametrize(
    ("value", "urgent"),
    [
        *[(v, True) for v in ("sí", "SÍ", "Sí", "si", "SI", "yes", "Yes", "true", "TRUE", "1")],
        ("si\u0301", True),  # "sí" typed with a combining accent
        (" on ", True),
        *[(v, False) for v in ("no", "NO", "No", "false", "False", "0", "off")],
    ],
)
def test_flag_accepts_yes_and_no_in_english_and_spanish(
    value: str, urgent: bool, letter_plan: Path
) -> None:
    result = run(*letter_args("ipp-meeting-request", letter_plan, "es", "--set", f"urgent={value}"))
    assert result.exit_code == 0, result.output
    assert ("Solicitud urgente" in result.stdout) is urgent
    assert ("(2026-12-15)" in result.stdout) is urgent  # 7 days, not 30


@pytest.mark.parametrize("value", ["maybe", "sí no", "y", "2", ""])
def test_flag_refuses_other_values_and_names_the_accepted_ones(
    value: str, letter_plan: Path
) -> None:
    result = run(*letter_args("ipp-meeting-request", letter_plan, "en", "--set", f"urgent={value}"))
    assert result.exit_code == 1
    assert result.stdout == ""
    message = flat(result.stderr)
    assert f"--set urgent: expected yes or no, got {value!r}" in message
    for accepted in ("true", "yes", "sí", "si", "1", "false", "no", "0"):
        assert re.search(rf"(?<![\w]){accepted}(?![\w])", message), accepted


# Sofía at 22 on the letters' date: a regional center consumer, or a student up to 22.
ADULT_PLAN = LETTER_PLAN.replace("birth_date: 2019-05-14", "birth_date: 2004-05-14")


def render_all(plan_text: str, tmp_path: Path) -> Iterator[tuple[str, str, letters.RenderedLetter]]:
    """Every letter in both languages, with the golden files' values, for a plan's text."""
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text, encoding="utf-8")
    plan = store.load_plan(path)
    for name in NAMES:
        values = [(k, v) for k, _, v in (s.partition("=") for s in SETS.get(name, []))]
        for lang in ("en", "es"):
            on = date.fromisoformat(DATE)
            yield name, lang, letters.render_letter(name, plan, on=on, lang=lang, values=values)


def test_letters_for_an_adult_do_not_write_as_for_a_minor(tmp_path: Path) -> None:
    """An adult student signs (family.relationship: student): no parent's words anywhere."""
    student = ADULT_PLAN.replace("  parent_name: Ana Núñez\n", "  relationship: student\n")
    for name, lang, letter in render_all(student, tmp_path):
        text = letter.text
        for minor in ("Child:", "Menor:", "parent of", "as a parent", "madre", "padre de"):
            assert minor.casefold() not in text.casefold(), (name, lang, minor)
        if lang == "en":
            assert (
                "\nSincerely,\n\nSignature: ______________________________\n\nSofía Núñez\n" in text
            )
        else:
            assert (
                "\nAtentamente,\n\nFirma: ______________________________\n\nSofía Núñez\n" in text
            )
        if name not in ("iep-partial-consent", "recording-notice", "missed-deadline"):
            assert f"\n{'I am' if lang == 'en' else 'Soy'} Sofía Núñez" in text, (name, lang)


@pytest.mark.parametrize(
    ("birth", "adult"),
    [("2008-12-08", True), ("2008-12-09", False), ("2004-05-14", True), ("2019-05-14", False)],
)
def test_adult_from_the_18th_birthday_on_the_letters_date(
    birth: str, adult: bool, letter_plan: Path
) -> None:
    letter_plan.write_text(LETTER_PLAN.replace("2019-05-14", birth), encoding="utf-8")
    result = run(*letter_args("records-request", letter_plan, "en"))
    # An adult's education rights are the adult's own: a parent's letter is refused.
    assert result.exit_code == (1 if adult else 0)
    assert ("Cal. Educ. Code § 56041.5" in flat(result.stderr)) is adult
    authorized = run(
        *letter_args("records-request", letter_plan, "en"), "--set", "student_authorizes=yes"
    )
    assert authorized.exit_code == 0
    text = authorized.stdout
    assert ("\nStudent: Sofía Núñez" in text) is adult
    assert ("\nChild: Sofía Núñez" in text) is not adult
    assert ("I am a parent of Sofía Núñez" in text) is not adult
    assert ("I, Sofía Núñez, am 18 or older" in text) is adult


def test_age_on_a_birthday_and_on_february_29() -> None:
    assert letters.age_on(date(2004, 5, 14), date(2022, 5, 14)) == 18
    assert letters.age_on(date(2004, 5, 14), date(2022, 5, 13)) == 17
    assert letters.age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert letters.age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18


@pytest.mark.parametrize(
    ("winter", "holidays", "en", "es"),
    [
        # Listed Monday to Friday: the pause takes in the weekends on both sides.
        (
            "first: 2026-12-21, last: 2027-01-01",
            "",
            "Winter break, with the weekends around it (December 19, 2026 to January 3, 2027)",
            "las vacaciones de invierno («Winter break»), junto con los fines de semana anterior "
            "y posterior (del 19 de diciembre de 2026 al 3 de enero de 2027)",
        ),
        # Listed from the Saturday: only the weekend after it is added.
        (
            "first: 2026-12-19, last: 2027-01-01",
            "",
            "Winter break, with the weekend after it (December 19, 2026 to January 3, 2027)",
            "(«Winter break»), junto con el fin de semana siguiente (del 19 de diciembre",
        ),
        # Listed with its weekends: the dates are the district's own.
        (
            "first: 2026-12-19, last: 2027-01-03",
            "",
            "Winter break (December 19, 2026 to January 3, 2027)",
            "(«Winter break») (del 19 de diciembre de 2026 al 3 de enero de 2027)",
        ),
        # A closure day listed in the plan after the weekend: not only weekends.
        (
            "first: 2026-12-21, last: 2027-01-01",
            "2027-01-04, ",
            "Winter break, with the days off around it (December 19, 2026 to January 4, 2027)",
            "(«Winter break»), junto con los días sin clases anteriores y posteriores (del 19 "
            "de diciembre de 2026 al 4 de enero de 2027)",
        ),
    ],
)
def test_not_counted_break_says_when_it_includes_the_days_around_it(
    winter: str, holidays: str, en: str, es: str, letter_plan: Path
) -> None:
    text = LETTER_PLAN.replace("first: 2026-12-21, last: 2027-01-01", winter)
    text = text.replace("holidays: [2027-02-12]", f"holidays: [{holidays}2027-02-12]")
    letter_plan.write_text(text, encoding="utf-8")
    for lang, expected in (("en", en), ("es", es)):
        result = run(*letter_args("eval-request", letter_plan, lang))
        assert result.exit_code == 0, result.output
        assert expected in flat(result.stdout), lang


def test_missed_deadline_lists_overdue_deadlines(letter_plan: Path) -> None:
    args = ["letter", "missed-deadline", "--plan", str(letter_plan), "--date", DATE]
    result = run(*args)
    assert result.exit_code == 1
    assert "assessment-plan (due 2026-09-18, event e1)" in result.stderr
    assert "--set rule=" in result.stderr
    result = run(*args, "--set", "rule=school-records")
    assert result.exit_code == 1
    assert "not an overdue deadline" in result.stderr
    assert "assessment-plan (due 2026-09-18" in result.stderr
    result = run(*args, "--set", "rule=asessment-plan")
    assert result.exit_code == 1
    assert "Did you mean: assessment-plan" in result.stderr
    # A parent's own deadline cannot be held against the regional center.
    result = run(*args[:4], "--date", "2027-03-01", "--set", "rule=fair-hearing-request")
    assert result.exit_code == 1


def test_missed_deadline_needs_trigger_when_overdue_twice(letter_plan: Path) -> None:
    text = LETTER_PLAN + "  - {id: e3, type: assessment-requested, date: 2026-10-05}\n"
    letter_plan.write_text(text, encoding="utf-8")
    args = ["letter", "missed-deadline", "--plan", str(letter_plan), "--date", DATE]
    result = run(*args, "--set", "rule=assessment-plan")
    assert result.exit_code == 1
    assert "--set trigger=" in result.stderr
    result = run(*args, "--set", "rule=assessment-plan", "--set", "trigger=e3", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "On October 5, 2026" in result.stdout


def test_missed_deadline_refuses_an_estimate(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    events = "events:\n  - {id: e1, type: assessment-requested, date: 2026-09-03}\n"
    path.write_text(LETTER_PLAN.split("calendar:")[0] + events, encoding="utf-8")
    args = ["letter", "missed-deadline", "--plan", str(path), "--date", DATE]
    result = run(*args, "--set", "rule=assessment-plan")
    assert result.exit_code == 1
    assert "estimated" in result.stderr


def test_missed_guideline_is_called_a_benchmark(letter_plan: Path) -> None:
    text = LETTER_PLAN + "  - {id: e3, type: 504-evaluation-requested, date: 2026-09-01}\n"
    letter_plan.write_text(text, encoding="utf-8")
    args = ["letter", "missed-deadline", "--plan", str(letter_plan), "--date", DATE]
    result = run(*args, "--set", "rule=section-504-evaluation", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "does not set a number of days" in result.stdout
    assert "within 60 days of the parent's written consent" in flat(result.stdout)
    assert "(2026-10-31)" in result.stdout
    # The next step: an OCR complaint, 180 days after the due date (SPEC §5).
    assert "Office for Civil Rights (OCR)" in flat(result.stdout)
    assert "(2027-04-29)" in result.stdout


def test_appeal_request_needs_a_notice(write_plan: PlanWriter) -> None:
    extra = (
        'family: {parent_name: Ana, address: "1 A St"}\n'
        'regional_center: {name: Central Valley Regional Center, address: "2 B St"}\n'
    )
    path = write_plan(extra=extra)
    result = run("letter", "appeal-request", "--plan", str(path), "--set", "action=x")
    assert result.exit_code == 1
    assert "notice-of-action-received" in result.stderr


def test_appeal_request_after_the_windows(letter_plan: Path) -> None:
    args = ["letter", "appeal-request", "--plan", str(letter_plan), "--lang", "en"]
    result = run(*args, "--date", "2027-02-01", "--set", "action=x")
    assert result.exit_code == 0
    assert "I ask that this appeal be accepted" in result.stdout
    assert "aid paid pending" not in result.stdout
    assert "Warning:" in result.stderr


# --------------------------------------------------------------------------------------------
# Output files


def _read_docx(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def _read_pdf(data: bytes) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_docx_and_pdf_read_back(name: str, letter_plan: Path) -> None:
    plan = store.load_plan(letter_plan)
    lang = "es" if NAMES.index(name) % 2 else "en"
    values = [tuple(v.split("=", 1)) for v in SETS.get(name, [])]
    rendered = letters.render_letter(
        name,
        plan,
        on=date.fromisoformat(DATE),
        lang=lang,
        values=[(k, v) for k, v in values],
    )
    dates, citations = EXPECTED[name]
    for reader, suffix in ((_read_docx, ".docx"), (_read_pdf, ".pdf")):
        text = flat(reader(letters.letter_bytes(rendered, suffix)))
        assert "Sofía Núñez" in text, suffix
        assert WRITTEN[lang][0] in text, suffix
        for iso in dates:
            assert iso in text, (suffix, iso)
        for citation in citations:
            assert any(form in text for form in cited(citation, lang)), (suffix, citation)


def pages_with(pages: list[list[str]], wanted: str, *, whole: bool = True) -> list[int]:
    """The pages (0-based) with a line that is `wanted` (or, not `whole`, starts with it)."""
    return [
        i
        for i, lines in enumerate(pages)
        if any(line.strip() == wanted if whole else line.startswith(wanted) for line in lines)
    ]


ADULT_SIGNS = ADULT_PLAN.replace("  parent_name: Ana Núñez\n", "  relationship: student\n")


@pytest.mark.slow
@pytest.mark.parametrize("plan_text", [LETTER_PLAN, ADULT_SIGNS], ids=["child", "adult"])
def test_pdf_keeps_the_closing_and_signature_on_one_page(plan_text: str, tmp_path: Path) -> None:
    """From "Sincerely," to the line under the sender's name: never split across pages."""
    import pypdf

    moved = 0
    for name, lang, letter in render_all(plan_text, tmp_path):
        reader = pypdf.PdfReader(io.BytesIO(letters.to_pdf(letter)))
        pages = [page.extract_text().splitlines() for page in reader.pages]
        label = "Signature: ___" if lang == "en" else "Firma: ___"
        # The last line of the letter: a copy line, or the signer's name or role.
        last_line = letter.text.rstrip("\n").rsplit("\n", 1)[1]
        closing_line = "Sincerely," if lang == "en" else "Atentamente,"
        closing = pages_with(pages, closing_line)
        signature = pages_with(pages, label, whole=False)
        last = pages_with(pages, last_line)[-1:]
        assert len(closing) == len(signature) == len(last) == 1, (name, lang, pages)
        assert closing == signature == last, (name, lang, closing, signature, last)
        moved += closing[0] > 0
    assert moved  # some letters end on a second page: the test sees that case


@pytest.mark.slow
def test_pdf_font_has_every_character_letters_use() -> None:
    """fpdf2's core fonts are latin-1 only; the bundled DejaVu Sans covers what letters print."""
    import importlib
    from importlib import resources

    tt_lib = importlib.import_module("fontTools.ttLib")
    needed = "áéíóúüñÁÉÍÓÚÜÑ¿¡«»§“”‘’–—•€"
    for filename in letters.FONT_FILES.values():
        with resources.as_file(resources.files("plancli") / "fonts" / filename) as path:
            cmap = tt_lib.TTFont(str(path)).getBestCmap()
        assert [c for c in needed if ord(c) not in cmap] == [], filename
    assert (resources.files("plancli") / "fonts" / "LICENSE").is_file()


@pytest.mark.slow
def test_output_files(letter_plan: Path, tmp_path: Path) -> None:
    for suffix in (".txt", ".md", ".html", ".docx", ".pdf"):
        target = tmp_path / f"letter{suffix}"
        result = run(*letter_args("eval-request", letter_plan, "en", "--output", str(target)))
        assert result.exit_code == 0, result.output
        assert f"Wrote {target}" in result.stdout
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = (tmp_path / "letter.txt").read_text(encoding="utf-8")
    assert text == (tmp_path / "letter.md").read_text(encoding="utf-8")
    assert text == run(*letter_args("eval-request", letter_plan, "en")).stdout
    html = (tmp_path / "letter.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<li>speech and language</li>" in html
    assert "(2027-01-08)" in html
    assert not list(tmp_path.glob(".letter*"))  # no temporary file left behind


def test_output_refuses_to_overwrite(letter_plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"keep me")
    result = run(*letter_args("eval-request", letter_plan, "en", "--output", str(target)))
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert "--force" in result.stderr
    assert target.read_bytes() == b"keep me"
    result = run(
        *letter_args("eval-request", letter_plan, "en", "--output", str(target), "--force")
    )
    assert result.exit_code == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_output_refuses_the_plan_and_unknown_formats(letter_plan: Path, tmp_path: Path) -> None:
    before = letter_plan.read_bytes()
    result = run(*letter_args("eval-request", letter_plan, "en", "-o", str(letter_plan), "--force"))
    assert result.exit_code == 1
    assert letter_plan.read_bytes() == before
    result = run(*letter_args("eval-request", letter_plan, "en", "-o", str(tmp_path / "a.rtf")))
    assert result.exit_code == 1
    assert ".docx" in result.stderr
    assert not (tmp_path / "a.rtf").exists()


def test_html_escapes_plan_data(letter_plan: Path, tmp_path: Path) -> None:
    text = letter_plan.read_text(encoding="utf-8").replace(
        "Lincoln Elementary", '"<script>alert(1)</script> & Co"'
    )
    letter_plan.write_text(text, encoding="utf-8")
    target = tmp_path / "letter.html"
    result = run(*letter_args("eval-request", letter_plan, "en", "-o", str(target)))
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_nothing_written_when_a_value_is_missing(letter_plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "letter.pdf"
    before = letter_plan.read_bytes()
    args = ["letter", "recording-notice", "--plan", str(letter_plan), "-o", str(target)]
    result = run(*args, "--record")
    assert result.exit_code == 1
    assert not target.exists()
    assert letter_plan.read_bytes() == before


# --------------------------------------------------------------------------------------------
# --record


def test_record_adds_the_event_and_prints_its_deadlines(letter_plan: Path) -> None:
    result = run(*letter_args("eval-request", letter_plan, "en", "--record", "--today", DATE))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("December 8, 2026")  # stdout is the letter alone
    assert "Recorded e3: assessment-requested on 2026-12-08" in result.stderr
    assert "2027-01-08" in result.stderr
    plan = store.load_plan(letter_plan)
    event = plan.events[-1]
    assert (event.id, event.type, event.date) == ("e3", "assessment-requested", date(2026, 12, 8))
    assert Path(str(letter_plan) + ".bak").exists()


def test_record_with_output_prints_on_stdout(letter_plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "letter.docx"
    args = letter_args("ipp-meeting-request", letter_plan, "en", "--set", "urgent=true")
    result = run(*args, "--record", "--today", DATE, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "Recorded e3: ipp-meeting-requested" in result.stdout
    assert "2026-12-15" in result.stdout
    event = store.load_plan(letter_plan).events[-1]
    assert event.type == "ipp-meeting-requested"
    assert event.flag("urgent")


def test_record_partial_agreement_is_dated_the_meeting(letter_plan: Path) -> None:
    result = run(*letter_args("partial-agreement", letter_plan, "en", "--record", "--today", DATE))
    assert result.exit_code == 0, result.output
    event = store.load_plan(letter_plan).events[-1]
    assert (event.type, event.date) == ("ipp-partial-agreement", date(2026, 12, 1))


def test_record_appeal_meets_the_appeal_windows(letter_plan: Path) -> None:
    result = run(*letter_args("appeal-request", letter_plan, "en", "--record", "--today", DATE))
    assert result.exit_code == 0, result.output
    assert "fair-hearing-request" in result.stderr
    assert store.load_plan(letter_plan).events[-1].type == "appeal-filed"


def test_record_refused_without_an_event_or_in_the_future(letter_plan: Path) -> None:
    before = letter_plan.read_bytes()
    result = run(*letter_args("iee-request", letter_plan, "en", "--record", "--today", DATE))
    assert result.exit_code == 1
    assert "no event to record" in result.stderr
    assert result.stdout == ""
    result = run(
        *letter_args("eval-request", letter_plan, "en", "--record", "--today", "2026-12-01")
    )
    assert result.exit_code == 1
    assert "after today" in result.stderr
    assert letter_plan.read_bytes() == before


# --------------------------------------------------------------------------------------------
# User templates and the sandbox


def test_user_template_overrides_a_builtin(letter_plan: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "eval-request.en.md.j2").write_text(
        "Custom for {{ child.name }}: {{ response.due.iso }} {{ date | fulldate }}\n",
        encoding="utf-8",
    )
    result = run(*letter_args("eval-request", letter_plan, "en", "--templates", str(folder)))
    assert result.exit_code == 0, result.output
    assert result.stdout == "Custom for Sofía Núñez: 2027-01-08 Tuesday, December 8, 2026\n"
    # The environment variable does the same; the Spanish letter is still the built-in one.
    env = {"PLANCLI_TEMPLATES": str(folder)}
    assert run(*letter_args("eval-request", letter_plan, "en"), env=env).stdout.startswith("Custom")
    spanish = run(*letter_args("eval-request", letter_plan, "es"), env=env)
    assert spanish.stdout == (GOLDEN / "eval-request.es.txt").read_text(encoding="utf-8")


def test_user_template_adds_a_letter(letter_plan: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thank-you.en.md.j2").write_text(
        '{% extends "_base.en.md.j2" %}{% block subject %}Thanks{% endblock %}'
        "{% block body %}Thank you, {{ fields.who }}.{% endblock %}",
        encoding="utf-8",
    )
    listed = run("letter", "--list", "--templates", str(folder))
    assert "thank-you" in listed.stdout
    args = ["letter", "thank-you", "--plan", str(letter_plan), "--date", DATE, "--lang", "en"]
    result = run(*args, "--templates", str(folder), "--set", "who=Ms. Kim")
    assert result.exit_code == 0, result.output
    assert "Re: Thanks" in result.stdout
    assert "Thank you, Ms. Kim." in result.stdout
    assert "Dear Principal Kim:" in result.stdout
    result = run(*args, "--templates", str(folder))
    assert result.exit_code == 1
    assert "fields.who" in result.stderr


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ child.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ 'x' * 1000000000 }}",
        "{% for i in range(10**9) %}x{% endfor %}",
    ],
)
def test_sandbox_refuses_python_internals(source: str, letter_plan: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "eval-request.en.md.j2").write_text(source + "\n", encoding="utf-8")
    result = run(*letter_args("eval-request", letter_plan, "en", "--templates", str(folder)))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Error:" in result.stderr
    assert "Traceback" not in result.output


def test_template_syntax_error_names_the_line(letter_plan: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "eval-request.en.md.j2").write_text("ok\n{% if %}\n", encoding="utf-8")
    result = run(*letter_args("eval-request", letter_plan, "en", "--templates", str(folder)))
    assert result.exit_code == 1
    assert "eval-request.en.md.j2, line 2" in result.stderr


def test_templates_folder_must_exist(letter_plan: Path, tmp_path: Path) -> None:
    missing = str(tmp_path / "nope")
    result = run(*letter_args("eval-request", letter_plan, "en", "--templates", missing))
    assert result.exit_code == 1
    assert "no such folder" in result.stderr


# --------------------------------------------------------------------------------------------
# Start-up time and packaging


def test_deadlines_does_not_import_jinja2_docx_or_fpdf() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from plancli.cli import app\n"
        f"r = CliRunner().invoke(app, ['deadlines', '--plan', {str(MAYA)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'jinja2', 'docx', 'fpdf'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_as_if_uses_the_engine() -> None:
    """The date a letter states is `deadline_as_if` on the letter's date (same engine)."""
    plan = store.plan_from_text(LETTER_PLAN, "plan.yaml").plan
    rule = RULES_BY_ID["assessment-plan"]
    due = deadline_as_if(rule, plan, date(2026, 12, 8)).due
    text = letters.render_letter("eval-request", plan, on=date(2026, 12, 8), lang="en").text
    assert f"({due.isoformat()})" in text
    assert rule.kind is Kind.DEADLINE


@pytest.mark.slow
def test_installed_wheel_renders_letters_from_another_folder(tmp_path: Path) -> None:
    """Build the wheel, check the templates and fonts are in it, and render from its copy."""
    source = tmp_path / "source"
    source.mkdir()
    for item in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / item, source / item)
    shutil.copytree(ROOT / "src", source / "src", symlinks=True)
    shutil.copytree(ROOT / "templates", source / "templates")
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(source), "-w", str(wheels)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if build.returncode != 0 and "Could not find a version" in build.stderr:
        pytest.skip("no package index for the build backend (setuptools): " + build.stderr[-200:])
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("plancli-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "installed")
    for letter in LETTERS:
        for lang in ("en", "es"):
            assert f"plancli/templates/letters/{letter.name}.{lang}.md.j2" in names
    assert "plancli/templates/letters/_base.en.md.j2" in names
    assert {"plancli/fonts/DejaVuSans.ttf", "plancli/fonts/LICENSE"} <= names
    plan = tmp_path / "plan.yaml"
    plan.write_text(LETTER_PLAN, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "installed")}
    env.pop("PLANCLI_TEMPLATES", None)
    command = [sys.executable, "-m", "plancli", "letter", "eval-request", "--plan", str(plan)]
    command += ["--date", DATE, "--lang", "en", "-o", str(elsewhere / "letter.pdf")]
    probe = [sys.executable, "-c", "import plancli; print(plancli.__file__)"]
    where = subprocess.run(probe, cwd=elsewhere, env=env, capture_output=True, text=True)
    assert where.stdout.startswith(str(tmp_path / "installed")), where.stdout
    done = subprocess.run(command, cwd=elsewhere, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "2027-01-08" in flat(_read_pdf((elsewhere / "letter.pdf").read_bytes()))


def test_every_recipient_is_marked_for_translation() -> None:
    """`letter --list` translates each letter's recipient: each one of the Recipient type
    must be in RECIPIENT_WORDS (the marked list), or Spanish shows it in English."""
    from typing import get_args

    from plancli.letters.catalogue import RECIPIENT_WORDS, Recipient

    assert set(get_args(Recipient)) == set(RECIPIENT_WORDS)
