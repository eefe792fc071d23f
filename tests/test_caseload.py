"""Caseload mode (SPEC §1): several --plan or a folder; one bad file does not stop the rest.

Also `plancli deadlines --format csv` (SPEC §5): a csv-module round trip, and the file form.
"""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import icalendar
import pytest
import vobject
from typer.testing import CliRunner, Result

from plancli.cli import app
from plancli.report import CSV_FIELDS
from tests.conftest import CALENDAR_YAML

TODAY = "2026-10-05"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env)


def plan_text(name: str, birth: str, events: str, *, calendar: bool = True) -> str:
    text = f"version: 1\nchild:\n  name: {name}\n  birth_date: {birth}\n"
    return text + (CALENDAR_YAML if calendar else "") + "events:\n" + events


ANA = plan_text(
    "Ana Ruiz",
    "2018-03-02",
    "  - id: e1\n    type: assessment-requested\n    date: 2026-09-03\n",
)
BEN = plan_text(
    "Ben Okafor",
    "2016-07-20",
    "  - id: e1\n    type: notice-of-action-received\n    date: 2026-10-01\n"
    "    effective_date: 2026-11-01\n",
    calendar=False,
)
BROKEN = "version: 1\nchild:\n  name: Broken\n  birth_date: 2019-02-30\nevents: [\n"


@pytest.fixture
def caseload(tmp_path: Path) -> Path:
    folder = tmp_path / "families"
    folder.mkdir()
    (folder / "ana.yaml").write_text(ANA, encoding="utf-8")
    (folder / "ben.yml").write_text(BEN, encoding="utf-8")
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "notes.txt").write_text("not a plan", encoding="utf-8")
    return folder


def assert_broken_reported(result: Result) -> None:
    assert result.exit_code == 1, result.output
    assert "broken.yaml" in result.stderr
    assert "Traceback" not in result.output
    assert "ana.yaml" not in result.stderr
    assert "ben.yml" not in result.stderr


def test_deadlines_table_has_a_child_column(caseload: Path) -> None:
    result = run("deadlines", "--plan", str(caseload), "--today", TODAY)
    assert_broken_reported(result)
    lines = result.stdout.splitlines()
    assert lines[0].split()[0] == "Child"
    assert any(line.startswith("Ana Ruiz") for line in lines)
    assert any(line.startswith("Ben Okafor") for line in lines)


def test_deadlines_json_has_child_and_plan(caseload: Path) -> None:
    result = run("deadlines", "--plan", str(caseload), "--today", TODAY, "--format", "json")
    assert_broken_reported(result)
    rows = json.loads(result.stdout)["deadlines"]
    assert {r["child"] for r in rows} == {"Ana Ruiz", "Ben Okafor"}
    assert {Path(r["plan"]).name for r in rows} == {"ana.yaml", "ben.yml"}


def test_plan_given_several_times(caseload: Path) -> None:
    result = run(
        "deadlines",
        "--plan",
        str(caseload / "ana.yaml"),
        "--plan",
        str(caseload / "broken.yaml"),
        "--plan",
        str(caseload / "ben.yml"),
        "--today",
        TODAY,
        "--format",
        "json",
    )
    assert_broken_reported(result)
    assert {r["child"] for r in json.loads(result.stdout)["deadlines"]} == {
        "Ana Ruiz",
        "Ben Okafor",
    }


def test_remind_names_the_child_and_plan_and_goes_on(caseload: Path) -> None:
    result = run("remind", "--plan", str(caseload), "--today", TODAY, "--within", "30")
    assert_broken_reported(result)
    out = result.stdout
    assert out.startswith(f"plancli reminder, {TODAY}: ")
    assert "(2 children)" in out.splitlines()[0]
    assert f"Child: Ana Ruiz (plan: {caseload / 'ana.yaml'})" in out
    assert f"Child: Ben Okafor (plan: {caseload / 'ben.yml'})" in out
    # Commands carry the plan they are about.
    assert f"--plan {caseload / 'ana.yaml'}" in out
    assert f"plancli explain aid-paid-pending:e1 --plan {caseload / 'ben.yml'}" in out


def test_remind_with_a_broken_file_and_nothing_due_prints_only_the_error(caseload: Path) -> None:
    result = run("remind", "--plan", str(caseload), "--today", "2026-08-01")
    assert_broken_reported(result)
    assert result.stdout == ""


def test_remind_on_a_folder_without_plans_is_an_error(tmp_path: Path) -> None:
    result = run("remind", "--plan", str(tmp_path), "--today", TODAY)
    assert result.exit_code == 1
    assert "without plan files" in result.stderr
    assert result.stdout == ""


def test_export_ics_caseload(caseload: Path) -> None:
    result = run("export", "ics", "--plan", str(caseload), "--today", TODAY)
    assert_broken_reported(result)
    data = result.stdout_bytes
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    titles = [str(e["SUMMARY"]) for e in events]
    assert any(t.endswith("(Ana Ruiz)") for t in titles)
    assert any(t.endswith("(Ben Okafor)") for t in titles)
    assert len(vobject.readOne(data.decode("utf-8")).vevent_list) == len(events)
    assert len({str(e["UID"]) for e in events}) == len(events)
    expected = run("deadlines", "--plan", str(caseload), "--today", TODAY, "--format", "json")
    assert len(events) == len(json.loads(expected.stdout)["deadlines"])
    assert all("Child: " in str(e["DESCRIPTION"]) for e in events)


# --------------------------------------------------------------------------------------------
# CSV (SPEC §5)


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_round_trip_single_plan(caseload: Path) -> None:
    plan = str(caseload / "ana.yaml")
    result = run("deadlines", "--plan", plan, "--today", TODAY, "--format", "csv", "--all")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert not text.startswith("\ufeff")  # stdout is for scripts: no byte-order mark
    assert text.splitlines()[0] == ",".join(CSV_FIELDS[2:])
    rows = read_csv(text)
    records = json.loads(
        run("deadlines", "--plan", plan, "--today", TODAY, "--format", "json", "--all").stdout
    )["deadlines"]
    assert len(rows) == len(records) > 0
    for row, record in zip(rows, records, strict=True):
        assert row["rule"] == record["rule"]
        assert row["due"] == record["due"]
        assert row["citation"] == record["citation"]  # "§" survives
        assert int(row["days_left"]) == record["days_left"]
        assert row["trigger_event"] == (record["trigger"]["event"] or "")
        assert row["trigger_date"] == record["trigger"]["date"]
        assert row["estimated"] == ("yes" if record["estimated"] else "no")
        assert row["notes"] == "; ".join(record["notes"])


def test_csv_caseload_has_child_and_plan_columns(caseload: Path) -> None:
    result = run("deadlines", "--plan", str(caseload), "--today", TODAY, "--format", "csv")
    assert_broken_reported(result)
    rows = read_csv(result.stdout)
    assert list(rows[0]) == list(CSV_FIELDS)
    assert {r["child"] for r in rows} == {"Ana Ruiz", "Ben Okafor"}
    # Ben has no school calendar: his notes (several, joined) are kept in one cell.
    assert all("\n" not in r["notes"] for r in rows)


def test_csv_file_opens_in_a_spreadsheet(caseload: Path, tmp_path: Path) -> None:
    target = tmp_path / "deadlines.csv"
    args = ["deadlines", "--plan", str(caseload / "ana.yaml"), "--today", TODAY]
    result = run(*args, "--format", "csv", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads "§" right
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with target.open(encoding="utf-8-sig", newline="") as stream:
        from_file = list(csv.DictReader(stream))
    assert from_file == read_csv(run(*args, "--format", "csv").stdout)
    assert b"\r\n" in data  # RFC 4180 line ends
    again = run(*args, "--format", "csv", "--output", str(target))
    assert again.exit_code == 1
    assert "already exists" in again.stderr
    assert target.read_bytes() == data


def test_json_and_table_to_a_file_have_no_byte_order_mark(caseload: Path, tmp_path: Path) -> None:
    args = ["deadlines", "--plan", str(caseload / "ana.yaml"), "--today", TODAY]
    result = run(*args, "--format", "json", "-o", str(tmp_path / "d.json"))
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["today"] == TODAY
    result = run(*args, "-o", str(tmp_path / "d.txt"))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "d.txt").read_text(encoding="utf-8")
    assert text.startswith("Due")
    assert "\x1b[" not in text
