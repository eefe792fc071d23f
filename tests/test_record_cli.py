"""The case record on the command line (SPEC §8): contacts and promises in every output,
`plancli chronology` in every format read back, `plancli summary` for a caseload.

Dates worked out by hand: the plan below, today 2027-01-10.
- e1 assessment-requested 2026-09-03: assessment-plan due 09-03 + 15 days (no break in the
  count) = 2026-09-18; nothing received: overdue, 114 days late on 2027-01-10 (Sep 19..30 = 12,
  Oct 31, Nov 30, Dec 31, Jan 10: 114); complaint_by the anniversary, 2027-09-18.
- e2 records-requested Tue 2026-09-08: school-records due 5 business days later (9, 10, 11,
  14, 15) = 2026-09-15; e4 records-received 09-17: met late, 2 days; complaint_by 2027-09-15.
- e3 contact 2026-09-10, Principal Kim promised the assessment plan by 2026-09-17: a
  commitment, overdue 115 days on 2027-01-10, no complaint_by (a promise is not law).
- e5 rc-intake-requested Thu 2026-10-01: rc-intake due 15 business days later: Oct 2 (1),
  5-9 (2-6), 13-16 (7-10; Mon 10-12 is Columbus Day, a federal holiday), 19-23 (11-15) =
  2026-10-23; overdue.
- e6 contact 2026-11-02, Ms. Ruiz promised to schedule the intake by 2026-11-09; e7 note
  2026-11-05 answers e6: the promise is met.
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plancli.cli import app

TODAY = "2027-01-10"

PLAN = """\
version: 1
child:
  name: Maya Lopez
  birth_date: 2019-05-14
school:
  district: Fresno Unified School District
regional_center:
  name: Central Valley Regional Center
calendar:
  years:
    - first_day: 2026-08-12
      last_day: 2027-06-02
      breaks:
        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}
events:
  - {id: e1, type: assessment-requested, date: 2026-09-03, note: Hand-delivered; stamped copy.}
  - {id: e2, type: records-requested, date: 2026-09-08}
  - id: e3
    type: contact
    date: 2026-09-10
    with: Principal Kim
    channel: phone
    direction: received
    promised: send the assessment plan
    promised_by: 2026-09-17
  - {id: e4, type: records-received, date: 2026-09-17}
  - {id: e5, type: rc-intake-requested, date: 2026-10-01}
  - id: e6
    type: contact
    date: 2026-11-02
    with: Ms. Ruiz
    channel: email
    direction: sent
    promised: schedule the intake
    promised_by: 2026-11-09
  - {id: e7, type: note, date: 2026-11-05, answers: e6, note: Intake scheduled by email.}
"""
EVERY_DATE = (
    "2026-09-03",
    "2026-09-08",
    "2026-09-10",
    "2026-09-15",
    "2026-09-17",
    "2026-09-18",
    "2026-10-01",
    "2026-11-02",
    "2026-11-05",
    "2026-11-09",
    TODAY,
)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "maya.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env={"PLANCLI_LANG": "en", "NO_COLOR": "1"})


# --- contacts and promises -------------------------------------------------------------------


def test_add_contact_with_a_promise_prints_the_promise(plan: Path) -> None:
    result = run(
        "add", "contact", "2027-01-08", "--plan", str(plan), "--today", TODAY,
        "--field", "with=Director Osei", "--field", "channel=meeting",
        "--field", "promised=send the IEP draft", "--field", "promised_by=2027-01-15",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "Added e8: contact on 2027-01-08." in result.stdout
    # 01-08 + 7 = 01-15, 5 days after 01-10: due soon.
    assert "2027-01-15" in result.stdout
    assert "send the IEP draft" in result.stdout
    assert "promise (not law)" in result.stdout


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (["channel=fax"], "events[7].channel: 'fax' is not one of phone, email"),
        (["promised=call back"], "events[7].promised_by: a promise needs the date"),
        (["promised_by=2027-01-01", "with=Kim"], "is before the contact itself (2027-01-08)"),
        (["promised_by=2027-01-20"], "events[7].with: say who made the promise"),
        (["system=school"], "events[7].system: 'school' is not one of iep, 504, rc"),
    ],
)
def test_a_bad_contact_changes_nothing(plan: Path, fields: list[str], message: str) -> None:
    before = plan.read_bytes()
    args = [a for f in fields for a in ("--field", f)]
    result = run("add", "contact", "2027-01-08", "--plan", str(plan), "--today", TODAY, *args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    assert plan.read_bytes() == before


def test_an_answer_dated_before_the_contact_is_a_problem(plan: Path) -> None:
    plan.write_text(
        PLAN + "  - {id: e8, type: note, date: 2026-09-01, answers: e3}\n", encoding="utf-8"
    )
    result = run("check", "--plan", str(plan), "--today", TODAY)
    assert result.exit_code == 1
    assert "events[7].answers: event e3 is dated 2026-09-10, after this event (2026-09-01)" in (
        " ".join(result.stderr.split())
    )


def test_keeping_a_promise_also_meets_the_law(plan: Path) -> None:
    """The plan received on 09-16, answering the call: it keeps Kim's promise (due 09-17)
    and still meets `assessment-plan` (due 09-18), though `answers` names the contact."""
    plan.write_text(
        PLAN + "  - {id: e8, type: assessment-plan-received, date: 2026-09-16, answers: e3}\n",
        encoding="utf-8",
    )
    result = run("deadlines", "--plan", str(plan), "--today", TODAY, "--all", "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = {d["id"]: d for d in json.loads(result.stdout)["deadlines"]}
    assert (found["commitment:e3"]["status"], found["commitment:e3"]["met_on"]) == (
        "met",
        "2026-09-16",
    )
    assert found["assessment-plan:e1"]["status"] == "met"


def test_commitments_in_deadlines_json_and_csv(plan: Path) -> None:
    result = run("deadlines", "--plan", str(plan), "--today", TODAY, "--all", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    found = {d["id"]: d for d in json.loads(result.stdout)["deadlines"]}
    kim = found["commitment:e3"]
    assert {k: kim[k] for k in ("rule", "kind", "owed_by", "due", "status", "citation")} == {
        "rule": "commitment",
        "kind": "commitment",
        "owed_by": "Principal Kim",
        "due": "2026-09-17",
        "status": "overdue",
        "citation": "",
    }
    assert (kim["days_late"], kim["complaint_by"], kim["source"]) == (115, None, None)
    ruiz = found["commitment:e6"]
    assert (ruiz["status"], ruiz["met_on"], ruiz["met_by"]) == ("met", "2026-11-05", "e7")
    assert found["assessment-plan:e1"]["complaint_by"] == "2027-09-18"

    result = run("deadlines", "--plan", str(plan), "--today", TODAY, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    promise = next(r for r in rows if r["rule"] == "commitment")
    assert (promise["kind"], promise["due"], promise["owed_by"]) == (
        "commitment",
        "2026-09-17",
        "Principal Kim",
    )
    assert not any(r["rule"] == "commitment" and r["due"] == "2026-11-09" for r in rows)  # met


def test_commitments_in_remind(plan: Path) -> None:
    result = run("remind", "--plan", str(plan), "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    text = result.stdout
    assert "- 2026-09-17 (115 days late): Promise: send the assessment plan" in text
    assert "Owed by: Principal Kim" in text
    assert "Law: promise (not law)" in text
    assert "Principal Kim promised this by 2026-09-17. Ask in writing" in " ".join(text.split())
    assert "plancli add contact YYYY-MM-DD --field answers=e3" in text


def test_commitments_in_export_ics(plan: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "ics", "--plan", str(plan), "--today", TODAY], env={"PLANCLI_LANG": "en"}
    )
    assert result.exit_code == 0, result.stderr
    text = result.stdout.replace("\r\n", "\n").replace("\n ", "")  # unfold RFC 5545 lines
    assert "SUMMARY:Overdue promise of Principal Kim: send the assessment plan (Maya Lopez)" in (
        text
    )
    assert "DTSTART;VALUE=DATE:20260917" in text
    assert "A promise recorded in the plan\\, not a legal deadline." in text
    # The promise kept on 11-05 (66 days before today) goes out cancelled (SPEC §1).
    assert "SUMMARY:Done: schedule the intake (Maya Lopez)" in text


def test_explain_a_commitment(plan: Path) -> None:
    result = run("explain", "commitment:e3", "--plan", str(plan), "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("commitment:e3: send the assessment plan\n")
    assert "Promised on 2026-09-10 (contact, event e3) by Principal Kim" in result.stdout
    assert "Law: none. This is a promise recorded on contact e3" in " ".join(result.stdout.split())
    every = run("explain", "commitment", "--plan", str(plan), "--today", TODAY)
    assert every.exit_code == 0, every.stderr
    assert "commitment:e3:" in every.stdout
    assert "commitment:e6:" in every.stdout


# --- chronology --------------------------------------------------------------------------------


def test_chronology_on_a_pipe_fits_80_columns(plan: Path) -> None:
    result = run("chronology", "--plan", str(plan), "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:2] == ["Case record: Maya Lopez", f"As of {TODAY}"]
    assert max(len(line) for line in lines) <= 80
    for day in EVERY_DATE:
        assert day in result.stdout, day
    violations = " ".join(result.stdout.split("VIOLATIONS", 1)[1].split())
    assert "Due 2026-09-18, overdue, Days late: 114; File a complaint by: 2027-09-18" in violations
    assert "Due 2026-09-15, met late, Days late: 2; File a complaint by: 2027-09-15" in violations
    assert "send the assessment plan" not in violations  # a promise is not a violation


def test_chronology_from_to(plan: Path) -> None:
    result = run(
        "chronology", "--plan", str(plan), "--today", TODAY,
        "--from", "2026-09-10", "--to", "2026-09-16",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    dated = [line[:10] for line in result.stdout.splitlines() if line[:4] == "2026"]
    assert dated == ["2026-09-10", "2026-09-15"]
    assert "Dates: 2026-09-10 – 2026-09-16" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-10-01", "--to", "2026-09-01"], "--from 2026-10-01 is after --to"),
        (["--output", "record.txt"], "must end in .md, .csv, .html, .pdf, .docx"),
    ],
)
def test_chronology_bad_options(plan: Path, args: list[str], message: str) -> None:
    result = run("chronology", "--plan", str(plan), "--today", TODAY, *args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in " ".join(result.stderr.split())


def test_chronology_bad_date_is_a_usage_error(plan: Path) -> None:
    result = run("chronology", "--plan", str(plan), "--from", "2026-13-01")
    assert result.exit_code == 2
    assert "expected YYYY-MM-DD" in result.stderr


def test_chronology_refuses_to_overwrite_and_the_plan(plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "record.md"
    target.write_text("mine", encoding="utf-8")
    result = run("chronology", "--plan", str(plan), "--today", TODAY, "--output", str(target))
    assert result.exit_code == 1
    assert "already exists; plancli will not overwrite it" in " ".join(result.stderr.split())
    assert target.read_text(encoding="utf-8") == "mine"
    forced = run(
        "chronology", "--plan", str(plan), "--today", TODAY, "--output", str(target), "--force"
    )
    assert forced.exit_code == 0, forced.stderr
    assert target.read_text(encoding="utf-8").startswith("# Case record: Maya Lopez")
    before = plan.read_bytes()
    renamed = plan.with_suffix(".md")
    plan.rename(renamed)
    result = run("chronology", "--plan", str(renamed), "--output", str(renamed), "--force")
    assert result.exit_code == 1
    assert "is a plan file; choose another --output" in " ".join(result.stderr.split())
    assert renamed.read_bytes() == before


def _write(plan: Path, name: str, *more: str) -> Path:
    target = plan.parent / name
    result = run(
        "chronology", "--plan", str(plan), "--today", TODAY, "--output", str(target), *more
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "(readable only by you)" in result.stdout or "(solo usted puede leerlo)" in result.stdout
    if os.name == "posix":
        assert target.stat().st_mode & 0o077 == 0
    return target


def test_chronology_markdown(plan: Path) -> None:
    text = _write(plan, "r.md").read_text(encoding="utf-8")
    assert text.startswith("# Case record: Maya Lopez\n")
    for day in EVERY_DATE:
        assert day in text, day
    assert "| 2026-09-17 | Promise: send the assessment plan | Special education (IEP) |" in text
    assert "## Violations" in text


def test_chronology_csv_reads_back(plan: Path) -> None:
    raw = _write(plan, "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    promise = next(r for r in rows if r["kind"] == "promise" and r["event"] == "e3")
    assert (promise["due"], promise["status"], promise["days_late"]) == (
        "2026-09-17",
        "overdue",
        "115",
    )
    assert promise["complaint_by"] == ""
    plan_row = next(r for r in rows if r["kind"] == "deadline" and r["event"] == "e1")
    assert (plan_row["status"], plan_row["days_late"], plan_row["complaint_by"]) == (
        "overdue",
        "114",
        "2027-09-18",
    )


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.append(dict(attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_chronology_html_reads_back(plan: Path) -> None:
    page = _write(plan, "r.html").read_text(encoding="utf-8")
    parser = _Page()
    parser.feed(page)
    text = " ".join(parser.text)
    for day in (*EVERY_DATE, "2027-09-18", "2027-09-15"):
        assert day in text, day
    assert "script" not in parser.tags
    assert "link" not in parser.tags
    assert {"svg", "table", "figure", "figcaption"} <= set(parser.tags)
    svg = parser.attrs[parser.tags.index("svg")]
    assert (svg["role"], svg["aria-labelledby"]) == ("img", "tl-title tl-desc")
    assert "@media print" in page
    assert "Winter break, 2026-12-19 – 2027-01-03" in text  # the shaded pause, with its title


def test_chronology_pdf_reads_back(plan: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(_write(plan, "r.pdf"))
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape, for the timeline
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for day in EVERY_DATE:
        assert day in text, day
    assert "Timeline: Maya Lopez" in text
    assert "Today 2027-01-10" in text
    assert "File a complaint by: 2027-09-18" in text
    assert f"Page 1 of {len(reader.pages)}" in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Case record: Maya Lopez"


def test_chronology_docx_reads_back(plan: Path) -> None:
    from docx import Document

    word = Document(str(_write(plan, "r.docx")))
    (table,) = word.tables
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == ["Date", "What", "System", "Details"]
    assert [row[0] for row in cells[1:]] == [
        "2026-09-03",
        "2026-09-08",
        "2026-09-10",
        "2026-09-15",
        "2026-09-17",
        "2026-09-17",
        "2026-09-18",
        "2026-10-01",
        "2026-10-23",
        "2026-11-02",
        "2026-11-05",
        "2026-11-09",
    ]
    paragraphs = [p.text for p in word.paragraphs]
    assert paragraphs[0] == "Case record: Maya Lopez"
    assert any("File a complaint by: 2027-09-18" in p for p in paragraphs)


def test_chronology_in_spanish(plan: Path) -> None:
    target = _write(plan, "r.html", "--lang", "es")
    page = target.read_text(encoding="utf-8")
    assert '<html lang="es">' in page
    assert "Registro del caso: Maya Lopez" in page
    assert "Incumplimientos" in page
    assert "El distrito envía la propuesta de plan de evaluación" in page  # the rule's title
    assert "vencida" in page  # a "fecha límite", as in `plancli deadlines`
    assert "cumplida tarde" in page
    assert "Presentar la queja a más tardar el: 2027-09-18" in page
    assert "Promesa: send the assessment plan" in page  # the family's own words, as written
    result = run(
        "chronology", "--plan", str(plan), "--today", TODAY, "--lang", "es", "--output",
        str(plan.parent / "r.pdf"),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Se escribió el registro del caso en" in result.stdout
    from pypdf import PdfReader

    text = " ".join(PdfReader(plan.parent / "r.pdf").pages[0].extract_text().split())
    assert "Línea de tiempo: Maya Lopez" in text
    assert "Hoy 2027-01-10" in text
    assert "Página 1 de " in text


# --- summary -----------------------------------------------------------------------------------

LEO = """\
version: 1
child: {name: Leo Park, birth_date: 2024-03-03}
events:
  - {id: e1, type: early-start-referral, date: 2026-12-01}
"""


@pytest.fixture
def caseload(plan: Path) -> Path:
    folder = plan.parent / "caseload"
    folder.mkdir()
    (folder / "maya.yaml").write_text(PLAN, encoding="utf-8")
    (folder / "maya-2.yaml").write_text(PLAN.replace("2019-05-14", "2020-02-02"), "utf-8")
    (folder / "leo.yaml").write_text(LEO, encoding="utf-8")
    (folder / "broken.yaml").write_text("version: 1\nchild: [\n", encoding="utf-8")
    return folder


def test_summary_json_reports_the_broken_plan_and_shows_the_others(caseload: Path) -> None:
    result = run("summary", "--plan", str(caseload), "--today", TODAY, "--format", "json")
    assert result.exit_code == 1
    assert "broken.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert data["today"] == TODAY
    rows = {Path(r["plan"]).name: r for r in data["children"]}
    assert set(rows) == {"leo.yaml", "maya.yaml", "maya-2.yaml"}
    # Maya: assessment-plan and rc-intake overdue, school-records met late, Kim's promise open.
    assert {k: rows["maya.yaml"][k] for k in ("overdue", "met_late", "open_promises")} == {
        "overdue": 2,
        "met_late": 1,
        "open_promises": 1,
    }
    assert rows["maya.yaml"]["district"] == "Fresno Unified School District"
    # Leo: referral 2026-12-01 + 45 days = 2027-01-15 (initial-ifsp), 5 days ahead: due soon;
    # the transition conference, 90 days before the third birthday (2027-03-03): 2026-12-03,
    # after the referral, so owed, and overdue.
    assert {k: rows["leo.yaml"][k] for k in ("overdue", "due_soon", "next_due")} == {
        "overdue": 1,
        "due_soon": 1,
        "next_due": "2027-01-15",
    }


def test_summary_table_tells_same_names_apart(caseload: Path) -> None:
    result = run("summary", "--plan", str(caseload), "--today", TODAY)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"Caseload as of {TODAY}"
    assert lines[1].split()[:2] == ["Child", "Plan"]
    assert any(line.startswith("Maya Lopez (maya.yaml)") for line in lines)
    assert any(line.startswith("Maya Lopez (maya-2.yaml)") for line in lines)
    assert any(line.startswith("Leo Park ") for line in lines)
    assert "broken.yaml" in result.stderr


def test_summary_csv(caseload: Path) -> None:
    (caseload / "broken.yaml").unlink()
    result = run("summary", "--plan", str(caseload), "--today", TODAY, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "child",
        "plan",
        "district",
        "regional_center",
        "overdue",
        "due_today",
        "due_soon",
        "met_late",
        "open_promises",
        "next_due",
    ]
    leo = next(r for r in rows if r["child"] == "Leo Park")
    assert (leo["district"], leo["overdue"], leo["next_due"]) == ("", "1", "2027-01-15")


def test_summary_of_one_plan(plan: Path) -> None:
    result = run("summary", "--plan", str(plan), "--today", TODAY, "--format", "json")
    assert result.exit_code == 0, result.stderr
    (row,) = json.loads(result.stdout)["children"]
    assert (row["child"], row["next_due"]) == ("Maya Lopez", "2035-05-14")  # 16th birthday


def test_new_commands_have_help() -> None:
    for name in ("chronology", "summary"):
        result = run(name, "--help")
        assert result.exit_code == 0
        assert "--plan" in result.stdout
    assert date(2027, 1, 10).isoformat() == TODAY
