"""The CLI guides a parent past the usual slips: future dates, typos in fields, missing data."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from plancli.cli import app
from tests.conftest import PlanWriter


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_add_refuses_a_date_after_today(write_plan: PlanWriter) -> None:
    plan = write_plan()
    before = plan.read_bytes()
    result = run("add", "iep-meeting", "2026-12-01", "--plan", str(plan), "--today", "2026-11-23")
    assert result.exit_code == 1
    assert "DATE 2026-12-01 is after today (2026-11-23)" in result.stderr
    assert result.stdout == ""
    assert plan.read_bytes() == before


def test_add_warns_about_a_field_plancli_does_not_read(write_plan: PlanWriter) -> None:
    plan = write_plan()
    result = run(
        "add",
        "rc-intake-completed",
        "2026-10-01",
        "--field",
        "urgnet=true",
        "--plan",
        str(plan),
        "--today",
        "2026-10-02",
    )
    assert result.exit_code == 0
    assert (
        "Warning: --field urgnet: plancli does not use this field on rc-intake-completed "
        "events; it is kept but changes no date. Did you mean: urgent?"
    ) in result.stderr
    assert "2027-01-29" in result.stdout  # 120 days, since the field was not `urgent`


def test_add_says_where_urgent_belongs(write_plan: PlanWriter) -> None:
    plan = write_plan()
    result = run(
        "add",
        "rc-intake-requested",
        "2026-10-01",
        "--field",
        "urgent=true",
        "--plan",
        str(plan),
        "--today",
        "2026-10-02",
    )
    assert result.exit_code == 0
    assert (
        "plancli reads urgent on ipp-meeting-requested and rc-intake-completed events"
        in result.stderr.replace("\n", " ")
    )


def test_add_warns_about_an_extension_nothing_takes(write_plan: PlanWriter) -> None:
    plan = write_plan()
    result = run(
        "add",
        "extension-agreed",
        "2026-10-20",
        "--field",
        "rule=initial-iep",
        "--field",
        "until=2026-12-15",
        "--plan",
        str(plan),
        "--today",
        "2026-10-21",
    )
    assert result.exit_code == 0
    assert "Warning: no initial-iep deadline of this plan takes this extension" in (
        result.stderr.replace("\n", " ")
    )


def test_check_flags_field_typos_and_an_effective_date_before_the_notice(
    write_plan: PlanWriter,
) -> None:
    plan = write_plan(
        "  - {id: e1, type: notice-of-action-received, date: 2027-05-01,"
        " effective_date: 2027-04-01}\n"
        "  - {id: e2, type: notice-of-action-received, date: 2027-05-02,"
        " effective-date: 2027-06-01}\n"
    )
    result = run("check", "--plan", str(plan), "--today", "2027-06-01")
    assert result.exit_code == 1
    text = result.stderr.replace("\n", " ")
    assert "events[0].effective_date: 2027-04-01 is before the event's date 2027-05-01" in text
    assert "events[1].effective-date: plancli does not use this field" in text
    assert "Did you mean: effective_date?" in text


def test_init_refuses_a_birth_date_after_today(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    result = run(
        "init",
        "--plan",
        str(plan),
        "--yes",
        "--name",
        "X",
        "--birth-date",
        "2030-01-01",
        "--today",
        "2026-11-23",
    )
    assert result.exit_code == 1
    assert "Birth date 2030-01-01 is after today (2026-11-23)" in result.stderr
    assert not plan.exists()


def test_init_keeps_what_letters_need_and_points_at_the_plan(tmp_path: Path) -> None:
    plan = str(tmp_path / "plan.yaml")
    result = run(
        "init",
        "--plan",
        plan,
        "--yes",
        "--name",
        "Sam Lee",
        "--birth-date",
        "2018-04-02",
        "--parent-name",
        "Kim Lee",
        "--address",
        "1 Oak St, Fresno, CA 93701",
        "--concerns",
        "reading; attention",
        "--school",
        "Lincoln Elementary",
        "--district",
        "Fresno Unified School District",
    )
    assert result.exit_code == 0, result.output
    assert f"\n  plancli add assessment-requested YYYY-MM-DD --plan {plan}\n" in result.stdout
    letter = run("letter", "eval-request", "--plan", plan, "--date", "2026-09-03")
    assert letter.exit_code == 0, letter.output
    assert "1 Oak St, Fresno, CA 93701" in letter.stdout
    assert "- reading\n- attention" in letter.stdout


def test_deadlines_output_never_replaces_a_plan(write_plan: PlanWriter) -> None:
    plan = write_plan("  - {id: e1, type: iep-meeting, date: 2026-09-03}\n")
    before = plan.read_bytes()
    result = run(
        "deadlines", "--plan", str(plan), "--output", str(plan), "--force", "--today", "2026-10-01"
    )
    assert result.exit_code == 1
    assert "is a plan file; choose another --output" in result.stderr
    assert plan.read_bytes() == before


def test_output_onto_a_device_is_refused(write_plan: PlanWriter, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run(
        "deadlines",
        "--plan",
        str(write_plan()),
        "--output",
        str(fifo),
        "--force",
        "--today",
        "2026-10-01",
    )
    assert result.exit_code == 1
    assert "is not a regular file" in result.stderr
    assert not fifo.is_file()
