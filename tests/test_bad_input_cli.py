"""SPEC §7's bad input on the command line: the same hints as `plancli check` gives for the
file, duplicates refused (add and letter --record), empty folders and odd --plan values."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plancli.cli import app
from tests.conftest import PlanWriter

EXAMPLES = Path(__file__).parent.parent / "examples"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def refused(result: Result, message: str) -> None:
    """Exit 1, nothing on stdout, exactly one error paragraph on stderr."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert " ".join(result.stderr.split()) == message


# ---- a second event of the same type on the same date


def test_add_refuses_a_second_identical_event_naming_the_first(write_plan: PlanWriter) -> None:
    plan = write_plan("  - {id: e1, type: assessment-requested, date: 2026-09-03}\n")
    before = plan.read_bytes()
    result = run(
        "add", "assessment-requested", "2026-09-03", "-p", str(plan), "--today", "2026-10-01"
    )
    refused(
        result,
        "Error: The plan already has e1: assessment-requested on 2026-09-03. Nothing was "
        "changed. If it really happened twice that day, run the command again with --force to "
        "record a second one.",
    )
    assert plan.read_bytes() == before


def test_add_force_records_the_second_one(write_plan: PlanWriter) -> None:
    plan = write_plan("  - {id: e1, type: assessment-requested, date: 2026-09-03}\n")
    result = run(
        "add", "assessment-requested", "2026-09-03", "--force", "-p", str(plan),
        "--today", "2026-10-01",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Added e2: assessment-requested on 2026-09-03.")
    assert plan.read_text(encoding="utf-8").count("type: assessment-requested") == 2


def test_same_type_another_day_and_another_note_are_not_duplicates(
    write_plan: PlanWriter,
) -> None:
    plan = write_plan(
        "  - {id: e1, type: assessment-requested, date: 2026-09-03}\n"
        "  - {id: e2, type: note, date: 2026-09-03, note: called the school}\n"
    )
    today = ("--today", "2026-10-01", "-p", str(plan))
    assert run("add", "assessment-requested", "2026-09-04", *today).exit_code == 0
    assert run("add", "note", "2026-09-03", "--note", "emailed", *today).exit_code == 0
    refused(
        run("add", "note", "2026-09-03", "--note", "called the school", *today),
        "Error: The plan already has e2: note on 2026-09-03. Nothing was changed. If it really "
        "happened twice that day, run the command again with --force to record a second one.",
    )


def test_letter_record_refuses_a_duplicate_and_writes_no_letter(tmp_path: Path) -> None:
    plan = tmp_path / "maya.yaml"
    shutil.copy(EXAMPLES / "maya-iep.yaml", plan)
    before = plan.read_bytes()
    letter = tmp_path / "letter.txt"
    args = ["letter", "eval-request", "--record", "-p", str(plan), "--date", "2026-09-03"]
    result = run(*args, "--today", "2026-10-01", "--output", str(letter))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert "The plan already has e1: assessment-requested on 2026-09-03." in result.stderr
    assert plan.read_bytes() == before
    assert not letter.exists()
    forced = run(*args, "--today", "2026-10-01", "--output", str(letter), "--force")
    assert forced.exit_code == 0, forced.output
    assert "Recorded e" in forced.stdout
    assert plan.read_text(encoding="utf-8").count("type: assessment-requested") == 2


# ---- dates and event types typed on the command line, worded as `plancli check` words them


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("11/20/2026", "expected YYYY-MM-DD, got '11/20/2026' (write it as 2026-11-20)"),
        ("2018-3-14", "expected YYYY-MM-DD, got '2018-3-14' (write it as 2018-03-14)"),
        ("26-11-16", "expected YYYY-MM-DD, got '26-11-16' (write the year with four digits)"),
        (
            "03/04/2026",
            "expected YYYY-MM-DD, got '03/04/2026' (write it as 2026-03-04 for March 4 or "
            "2026-04-03 for April 3)",
        ),
    ],
)
def test_a_date_gets_the_same_hint_on_the_command_line_and_in_the_file(
    write_plan: PlanWriter, typed: str, hint: str
) -> None:
    plan = write_plan()
    before = plan.read_bytes()
    refused(run("add", "iep-meeting", typed, "-p", str(plan)), f"Error: DATE: {hint}.")
    assert plan.read_bytes() == before
    bad = write_plan(f"  - {{id: e1, type: iep-meeting, date: '{typed}'}}\n", name="bad.yaml")
    checked = run("check", "-p", str(bad))
    assert checked.exit_code == 1
    assert f"events[0].date: {hint}" in checked.stderr


@pytest.mark.parametrize("typed", ["ASSESSMENT-REQUESTED", "Assessment_Requested"])
def test_an_event_type_in_capitals(write_plan: PlanWriter, typed: str) -> None:
    plan = write_plan()
    hint = (
        f"unknown event type '{typed}'. Did you mean: assessment-requested? `plancli add "
        "--help` lists them"
    )
    refused(run("add", typed, "2026-09-03", "-p", str(plan)), f"Error: TYPE: {hint}.")
    bad = write_plan(f"  - {{id: e1, type: {typed}, date: 2026-09-03}}\n", name="bad.yaml")
    assert f"events[0].type: {hint}" in " ".join(run("check", "-p", str(bad)).stderr.split())


# ---- folders and odd values given as --plan


@pytest.mark.parametrize(
    "command",
    [["check"], ["deadlines"], ["remind"], ["export", "ics", "--output", "OUT"]],
)
def test_an_empty_folder_is_an_error_with_no_output_file(
    tmp_path: Path, command: list[str]
) -> None:
    empty = tmp_path / "plans"
    empty.mkdir()
    out = tmp_path / "out.ics"
    args = [str(out) if a == "OUT" else a for a in command]
    result = run(*args, "-p", str(empty), "--today", "2026-10-01")
    refused(
        result,
        f"Error: {empty} is a folder without plan files (*.yaml or *.yml); give the folder of "
        "your plans or a plan file with --plan.",
    )
    assert not out.exists()


def test_a_folder_named_like_a_plan_file_is_one_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    result = run("deadlines", "-p", str(folder), "--today", "2026-10-01")
    refused(
        result,
        f"Error: {folder} is a folder, not a plan file, and it holds no plan files; give the "
        "path of your plan file (or of a folder of plans) with --plan.",
    )
    assert "Nothing to show" not in result.output


def test_an_empty_folder_beside_a_good_plan_still_shows_the_plan(
    write_plan: PlanWriter, tmp_path: Path
) -> None:
    plan = write_plan("  - {id: e1, type: assessment-requested, date: 2026-09-03}\n")
    empty = tmp_path / "plans"
    empty.mkdir()
    result = run("deadlines", "-p", str(empty), "-p", str(plan), "--today", "2026-10-01")
    assert result.exit_code == 1
    assert "assessment-plan" not in result.stderr
    assert "Test Child" in result.stdout
    assert "folder without plan files" in result.stderr


@pytest.mark.parametrize("command", [["deadlines"], ["check"], ["add", "note", "2026-01-01"]])
def test_a_nul_byte_in_plan_is_a_usage_error_not_a_traceback(command: list[str]) -> None:
    result = run(*command, "-p", "--today", "-p", "\x00")
    assert result.exit_code == 2
    assert not isinstance(result.exception, ValueError)
    words = " ".join(result.stderr.replace("│", " ").split())
    assert "a file name cannot contain a NUL character" in words


# ---- YAML mistakes named at their line, never with advice that deletes data

PLAN_HEAD = "version: 1\nchild:\n  name: A\n  birth_date: 2019-01-01\n"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "events:\n  - id: e1\n    type: note\n    date: 2026-01-01\n"
            "    id: e2\n    type: note\n    date: 2026-01-02\n",
            "line 9: the key 'id' appears a second time in the same section (first on line 6). "
            "If a new entry (a new event) starts on line 9, it is missing its `- `: write "
            "`- id: ...` there, lined up with the `- ` of the entry above; otherwise correct "
            "the key's name",
        ),
        (
            "events:\n  - id: e1\n    type: note\n    date 2026-01-01\n",
            "line 8: no colon after the key: write `key: value` (a colon and a space after the "
            "key), e.g. `name: Ana`",
        ),
        (
            "events:\n  - id: e1\n    type: note\n    date: 2026-01-01\n  id: e2\n",
            "line 9, column 3: this line is not part of the list above it: if a new entry (a "
            "new event) starts here, begin it with `- ` lined up with the other entries; "
            "otherwise indent it like the lines of the entry above",
        ),
    ],
)
def test_yaml_mistakes_point_at_their_line(tmp_path: Path, body: str, problem: str) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_HEAD + body, encoding="utf-8")
    result = run("check", "-p", str(plan))
    assert result.exit_code == 1
    assert f"  {problem}\n" in result.stderr.replace(str(plan), "P")
    assert "keep one" not in result.stderr


def test_a_missing_colon_is_reported_on_its_own_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("version: 1\nchild:\n  name A\n  birth_date: 2019-01-01\nevents: []\n")
    result = run("check", "-p", str(plan))
    assert result.exit_code == 1
    assert "  line 3: no colon after the key" in result.stderr


def test_a_latin1_file_names_the_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN_HEAD.replace("name: A", "name: Jos\xe9").encode("latin-1"))
    result = run("deadlines", "-p", str(plan))
    refused(
        result,
        f"Error: {plan} has 1 problem: line 3, column 12: not UTF-8 text (the file was "
        "probably saved as Latin-1 or Windows-1252; an accented letter is the usual cause) "
        "Save the file as UTF-8 text in your editor, then run `plancli check`.",
    )
