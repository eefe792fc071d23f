"""`plancli explain` and `plancli rules`: the narrative of a count, and the entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from plancli.cli import app
from tests.conftest import PlanWriter

ROOT = Path(__file__).parent.parent
MAYA = str(ROOT / "examples" / "maya-iep.yaml")


def explain(*args: str) -> list[str]:
    result = CliRunner().invoke(app, ["explain", *args])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout.splitlines()


def test_school_tolled_pause_is_named(write_plan: PlanWriter) -> None:
    plan = write_plan("  - {id: e1, type: assessment-requested, date: 2026-12-10}\n")
    lines = explain("assessment-plan:e1", "--plan", str(plan), "--today", "2026-12-11")
    assert lines[:9] == [
        "assessment-plan:e1: District sends a proposed assessment plan",
        "  Owed by: district   Status: upcoming, 30 days left",
        "  Day 0 is 2026-12-10 (assessment-requested, event e1); counting starts the next day.",
        "  Period: 15 days (school-tolled counting).",
        "  Paused — Winter break: 2026-12-19 to 2027-01-03 not counted",
        "  Counted 2026-12-11 to 2026-12-18: 8 days",
        "  Counted 2027-01-04 to 2027-01-10: 7 days",
        "  Result: due 2027-01-10 (Sunday).",
        "  Estimated: no — the plan has everything this count needs.",
    ]
    assert lines[9] == (
        "  Note: 2027-01-10 is a Sunday; plancli does not move the date, but the district may "
        "argue that Code Civ. Proc. § 12a extends it to the next business day, 2027-01-11"
    )
    assert "  Law: Cal. Educ. Code §§ 56321(a), 56043(a)" in lines
    sources = [line for line in lines if line.startswith("  Source: ")]
    assert len(sources) == len(set(sources)) >= 1


def test_business_days_day_by_day(write_plan: PlanWriter) -> None:
    plan = write_plan("  - {id: e1, type: records-requested, date: 2026-11-20}\n")
    lines = explain("e1", "--plan", str(plan), "--today", "2026-12-02")
    start = lines.index("  Day by day (weekends not shown):")
    assert lines[start + 1 : start + 8] == [
        "    2026-11-23 Mon: day 1",
        "    2026-11-24 Tue: day 2",
        "    2026-11-25 Wed: day 3",
        "    2026-11-26: not counted (Thanksgiving Day)",
        "    2026-11-27: not counted (Day after Thanksgiving)",
        "    2026-11-30 Mon: day 4",
        "    2026-12-01 Tue: day 5",
    ]
    assert lines[1] == "  Owed by: district   Status: overdue, 1 day late"


def test_estimated_count_says_why(write_plan: PlanWriter) -> None:
    plan = write_plan(
        "  - {id: e1, type: assessment-consent-given, date: 2026-09-24}\n", calendar=False
    )
    lines = explain("initial-iep:e1", "--plan", str(plan), "--today", "2026-10-01")
    assert "  Estimated: yes — see the notes for why and how to make it exact." in lines
    assert any("add your district's calendar" in line for line in lines)


def test_extension_shows_both_dates(write_plan: PlanWriter) -> None:
    plan = write_plan(
        "  - {id: e1, type: assessment-consent-given, date: 2026-09-24}\n"
        "  - {id: e2, type: extension-agreed, date: 2026-10-20, rule: initial-iep,"
        " until: 2026-12-15}\n"
    )
    lines = explain("initial-iep:e1", "--plan", str(plan), "--today", "2026-10-21")
    assert "  Result: due 2026-11-23 (Monday)." in lines
    assert (
        "  Extension: by agreement (event e2, 2026-10-20) the date is now 2026-12-15; the "
        "law's date was 2026-11-23."
    ) in lines


def test_explain_rule_shows_conflict_and_sources() -> None:
    lines = explain("fair-hearing-request", "--plan", MAYA)
    assert lines[0].startswith("fair-hearing-request: ")
    assert any(line.startswith("  Period: 60 days; 30 days when") for line in lines)
    assert any(line.startswith("  Sources disagree / unconfirmed: ") for line in lines)
    assert any(
        line.startswith("  Source (the law's own text): ")
        or line.startswith("  Source (a secondary statement): ")
        for line in lines
    )
    assert lines[-1] == (
        "The plan has no notice-of-action-received event, so this rule has no date yet."
    )


def test_rules_json_lists_every_rule_with_sources() -> None:
    result = CliRunner().invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    rules = json.loads(result.stdout)
    assert len(rules) == 38
    for rule in rules:
        assert rule["citation"]
        assert rule["sources"]
        assert rule["confirmation"] in ("law-text", "secondary")


def test_console_script_builds_only_the_command_run() -> None:
    """`main()` (the installed script) gives the same output as the full app."""
    plancli = str(Path(sys.executable).parent / "plancli")  # the installed console script
    args = ["deadlines", "--plan", MAYA, "--today", "2026-11-23", "--format", "json"]
    script = subprocess.run([plancli, *args], capture_output=True, text=True, check=False)
    assert script.returncode == 0, script.stderr
    assert script.stdout == CliRunner().invoke(app, args).stdout
    usage = subprocess.run(
        [plancli, "deadlines", "--bogus"], capture_output=True, text=True, check=False
    )
    assert usage.returncode == 2
    assert "Usage: plancli deadlines [OPTIONS]" in usage.stderr
    top = subprocess.run([plancli], capture_output=True, text=True, check=False)
    assert "deadlines" in top.stdout + top.stderr
