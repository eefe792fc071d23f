"""The filings of SPEC §6.2 as letters: golden files in both languages, allegations from the
plan's violations inside each filing's time limit (older ones left out with one warning), the
filing's last day, the proof of service, the agency's address and source, --record, --list.

Dates worked out by hand (letter date 2026-12-08):
  records-requested 2025-11-03 (Mon), 5 business days: Nov 4, 5, 6, 7, 10 -> due 2025-11-10;
    not met: outside the compliance complaint's year (earliest 2025-12-08), inside the due
    process request's two years (last day 2027-11-10).
  records-requested 2026-09-01 (Tue), 5 business days: Sep 2, 3, 4, (Labor Day 7), 8, 9 ->
    due 2026-09-09; met 2026-09-15: 6 days late. Compliance complaint's last day 2027-09-09.
  504-evaluation-requested 2026-05-01 + 60 days -> 2026-06-30; 161 days late on 2026-12-08;
    OCR's 180 days from the due date: Jul 31, Aug 31, Sep 30, Oct 31, Nov 30 (153) + 27 ->
    2026-12-27.
  rc-intake-requested 2026-10-01, 15 working days: Oct 2; 5-9; (Columbus Day 12) 13-16;
    19-23 -> due 2026-10-23; 46 days late.
  early-start-referral 2026-08-01 + 45 days -> 2026-09-15; IFSP meeting 2026-10-01: 16 days
    late; DDS's year: last day 2027-09-15.

Rewrite the golden files with `pytest tests/test_filings.py --update-golden`, then read them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plancli import store
from plancli.cli import app
from plancli.letters import LETTERS_BY_NAME
from plancli.rules.agencies import AGENCIES_BY_ID
from plancli.rules.filings import FILINGS, FILINGS_BY_ID

GOLDEN = Path(__file__).parent / "golden" / "filings"
DATE = "2026-12-08"
NAMES = [filing.id for filing in FILINGS]

SCHOOL_AGE = """\
version: 1
child:
  name: Sofía Núñez
  birth_date: 2019-05-14
family:
  parent_name: Ana Núñez
  parent_role: mother
  address: "123 Main St, Fresno, CA 93701"
  phone: "559-555-0100"
  language: es
school:
  name: Lincoln Elementary
  district: Fresno Unified School District
  address: "2020 Tulare St, Fresno, CA 93721"
  special_education_director: Dr. Rosa Vega
regional_center:
  name: Central Valley Regional Center
  service_coordinator: Luis Ortega
  uci: "1234567"
  address: "456 Center Ave, Fresno, CA 93722"
events:
  - {id: e1, type: records-requested, date: 2025-11-03}
  - {id: e2, type: records-requested, date: 2026-09-01}
  - {id: e3, type: records-received, date: 2026-09-15, answers: e2}
  - {id: e4, type: 504-evaluation-requested, date: 2026-05-01}
  - {id: e5, type: rc-intake-requested, date: 2026-10-01}
"""

TODDLER = """\
version: 1
child:
  name: Leo Díaz
  birth_date: 2025-03-10
family:
  parent_name: Rosa Díaz
  parent_role: mother
  address: "45 Olive Ave, San Jose, CA 95110"
regional_center:
  name: San Andreas Regional Center
  service_coordinator: Marta Ruiz
  address: "6203 San Ignacio Ave, San Jose, CA 95119"
events:
  - {id: e1, type: early-start-referral, date: 2026-08-01}
  - {id: e2, type: ifsp-meeting, date: 2026-10-01, answers: e1}
"""

PLAN_OF = {
    "compliance-complaint": SCHOOL_AGE,
    "due-process-request": SCHOOL_AGE,
    "rights-complaint": SCHOOL_AGE,
    "ocr-complaint": SCHOOL_AGE,
    "early-start-complaint": TODDLER,
    "early-start-due-process-request": TODDLER,
}
REMEDY = {
    "en": {
        "SCHOOL": "remedy=Give me copies of Sofía's records within 5 business days and train "
        "staff on the records timeline.",
        "TODDLER": "remedy=Provide the speech therapy Leo missed while he waited.",
    },
    "es": {
        "SCHOOL": "remedy=Que me entreguen copias de los expedientes de Sofía dentro de 5 días "
        "hábiles y que capaciten al personal sobre el plazo.",
        "TODDLER": "remedy=Que le den a Leo la terapia del habla que no recibió mientras esperaba.",
    },
}


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def filing_args(name: str, plan: Path, lang: str, *extra: str) -> list[str]:
    kind = "TODDLER" if PLAN_OF[name] is TODDLER else "SCHOOL"
    sets = ["--set", REMEDY[lang][kind]]
    return ["letter", name, "--plan", str(plan), "--date", DATE, "--lang", lang, *sets, *extra]


def plan_for(name: str, tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN_OF[name], encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", NAMES)
def test_golden_filing(
    name: str, lang: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    result = run(*filing_args(name, plan_for(name, tmp_path), lang))
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"{name}.{lang}.txt"
    if request.config.getoption("--update-golden"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    assert "None" not in result.stdout
    assert "{{" not in result.stdout


def test_violation_outside_the_time_limit_is_left_out_and_named_once(tmp_path: Path) -> None:
    """The 2025-11-10 records deadline passed before 2025-12-08, a year before the letter:
    not in the compliance complaint, named in one warning; the due process request (two
    years) alleges it."""
    plan = plan_for("compliance-complaint", tmp_path)
    result = run(*filing_args("compliance-complaint", plan, "en"))
    assert result.exit_code == 0, result.output
    assert "2025-11-10" not in result.stdout
    assert "Allegation 1:" in result.stdout
    assert "Allegation 2:" not in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning")]
    assert len(warnings) == 1
    assert "school-records (due 2025-11-10)" in warnings[0]
    assert "before 2025-12-08" in warnings[0]
    process = run(*filing_args("due-process-request", plan, "en"))
    assert "Due: Monday, November 10, 2025 (2025-11-10)." in process.stdout
    assert "Met: not met; 393 days late" in process.stdout
    assert "Warning" not in process.stderr


@pytest.mark.parametrize(
    ("name", "oldest", "last"),
    [
        ("compliance-complaint", "2026-09-09", "2027-09-09"),
        ("due-process-request", "2025-11-10", "2027-11-10"),
        ("ocr-complaint", "2026-06-30", "2026-12-27"),
        ("early-start-complaint", "2026-09-15", "2027-09-15"),
    ],
)
def test_the_filings_last_day(name: str, oldest: str, last: str, tmp_path: Path) -> None:
    text = run(*filing_args(name, plan_for(name, tmp_path), "en")).stdout
    assert "passed on" in text
    assert f"({oldest}); " in text
    assert f"({last}), the last day" in text
    es = run(*filing_args(name, plan_for(name, tmp_path), "es")).stdout
    assert f"({last}), el último día" in es


@pytest.mark.parametrize("name", ["rights-complaint", "early-start-due-process-request"])
def test_a_filing_without_a_time_limit_states_no_last_day(name: str, tmp_path: Path) -> None:
    text = run(*filing_args(name, plan_for(name, tmp_path), "en")).stdout
    assert "Time limit:" not in text


@pytest.mark.parametrize(
    ("name", "decides"),
    [
        ("compliance-complaint", "(2027-02-06)"),  # 60 days
        ("due-process-request", "(2027-02-21)"),  # 75 days; resolution meeting: 15
        ("rights-complaint", "(2027-01-07)"),  # 20 working days (Dec 25, Jan 1 skipped)
        ("early-start-complaint", "(2027-02-06)"),  # 60 days
        ("early-start-due-process-request", "(2027-01-07)"),  # 30 days
    ],
)
def test_the_agencys_time_to_decide(name: str, decides: str, tmp_path: Path) -> None:
    assert decides in run(*filing_args(name, plan_for(name, tmp_path), "en")).stdout


def test_due_process_request_has_a_proof_of_service_page(tmp_path: Path) -> None:
    plan = plan_for("due-process-request", tmp_path)
    for lang, heading in (("en", "PROOF OF SERVICE"), ("es", "CONSTANCIA DE ENTREGA")):
        text = run(*filing_args("due-process-request", plan, lang)).stdout
        letter, proof = text.split("\f")
        assert heading in proof
        assert "Fresno Unified School District\n2020 Tulare St, Fresno, CA 93721" in proof
        assert "penalty of perjury" in proof or "pena de perjurio" in proof
    pdf = tmp_path / "request.pdf"
    args = filing_args("due-process-request", plan, "en", "--output", str(pdf))
    assert run(*args).exit_code == 0
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert "PROOF OF SERVICE" in pages[-1]
    assert "PROOF OF SERVICE" not in "".join(pages[:-1])
    assert "Sincerely" not in pages[-1]  # the proof of service is a page of its own
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


@pytest.mark.parametrize("name", NAMES)
def test_agency_address_in_the_filing_and_its_source_after_it(name: str, tmp_path: Path) -> None:
    result = run(*filing_args(name, plan_for(name, tmp_path), "en"))
    agency = FILINGS_BY_ID[name].agency
    if agency is None:  # the regional center's director
        assert "Director\nCentral Valley Regional Center\n456 Center Ave" in result.stdout
        return
    assert "\n".join(agency.mail) in result.stdout
    advice = " ".join(result.stderr.split())
    assert agency.sources[0].url in advice
    assert "check it before sending" in advice
    assert "plancli chronology --output case.pdf" in advice


def test_ocr_complaint_has_a_guide_to_the_online_form(tmp_path: Path) -> None:
    text = run(*filing_args("ocr-complaint", plan_for("ocr-complaint", tmp_path), "en")).stdout
    guide = text.split("\f")[1]
    online = AGENCIES_BY_ID["ocr"].online
    assert online is not None
    assert online in guide
    assert "closed in 2025" in guide
    assert "the last day for this complaint is December 27, 2026 (2026-12-27)" in guide


@pytest.mark.parametrize("name", NAMES)
def test_record_adds_the_filings_event(name: str, tmp_path: Path) -> None:
    plan = plan_for(name, tmp_path)
    result = run(*filing_args(name, plan, "en", "--record", "--today", DATE))
    assert result.exit_code == 0, result.output
    event = store.load_plan(plan).events[-1]
    assert event.type == FILINGS_BY_ID[name].recorded_as == LETTERS_BY_NAME[name].records
    assert event.date.isoformat() == DATE


def test_list_shows_the_filings() -> None:
    result = run("letter", "--list")
    assert result.exit_code == 0
    for name in NAMES:
        row = next(line for line in result.stdout.splitlines() if line.startswith(name + " "))
        assert row.rstrip().endswith("en, es")


def test_nothing_to_allege_stops_and_says_why(tmp_path: Path) -> None:
    plan = plan_for("early-start-complaint", tmp_path)
    plan.write_text(TODDLER.replace("2026-10-01, answers", "2026-09-10, answers"))
    result = run(*filing_args("early-start-complaint", plan, "en"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "nothing to allege" in result.stderr
    assert "--set facts=" in " ".join(result.stderr.split())


def test_family_facts_make_a_filing_without_a_computed_allegation(tmp_path: Path) -> None:
    plan = plan_for("ocr-complaint", tmp_path)
    plan.write_text(SCHOOL_AGE.replace("2026-05-01", "2026-11-20"))
    facts = "facts=On 2026-11-02 the school kept Sofía out of the field trip."
    result = run(*filing_args("ocr-complaint", plan, "en", "--set", facts))
    assert result.exit_code == 0, result.output
    assert "Allegation 1" not in result.stdout
    assert "The facts, in my own words: On 2026-11-02" in result.stdout
    assert "plancli cannot check" in " ".join(result.stderr.split())


def test_an_adult_students_filing_needs_the_student(tmp_path: Path) -> None:
    plan = plan_for("compliance-complaint", tmp_path)
    plan.write_text(SCHOOL_AGE.replace("2019-05-14", "2008-05-14"))
    result = run(*filing_args("compliance-complaint", plan, "en"))
    assert result.exit_code == 1
    assert "56041.5" in result.stderr
