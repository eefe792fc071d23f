"""The command line: exit codes, stdout and stderr checked separately (SPEC §1, §7)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from plancli.cli import app
from tests.conftest import PlanWriter

EXAMPLES = Path(__file__).parent.parent / "examples"
MAYA = str(EXAMPLES / "maya-iep.yaml")
LEO = str(EXAMPLES / "leo-early-start.yaml")


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env, input=stdin)


def test_every_command_has_help() -> None:
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert {"init", "add", "events", "remove", "deadlines", "explain", "rules", "check"} <= set(
        commands
    )
    for name, command in commands.items():
        assert command.help, name


def test_deadlines_json_shape() -> None:
    result = run("deadlines", "--plan", MAYA, "--today", "2026-11-23", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["today"] == "2026-11-23"
    first = data["deadlines"][0]
    assert set(first) >= {
        "rule",
        "title",
        "system",
        "kind",
        "due",
        "status",
        "days_left",
        "owed_by",
        "trigger",
        "citation",
        "estimated",
        "notes",
    }
    assert set(first["trigger"]) == {"event", "type", "date"}


def test_deadlines_plain_text_when_piped() -> None:
    result = run("deadlines", "--plan", MAYA, "--today", "2026-11-23")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split() == [
        "Due",
        "Days",
        "left",
        "Status",
        "What",
        "Owed",
        "by",
        "Law",
    ]
    assert "\x1b[" not in result.stdout


def test_plan_from_environment() -> None:
    result = run("events", env={"PLANCLI_PLAN": MAYA})
    assert result.exit_code == 0
    assert "assessment-requested" in result.stdout


def test_init_add_remove_round_trip(tmp_path: Path) -> None:
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
        "--language",
        "es",
    )
    assert result.exit_code == 0, result.output
    assert f"Created {plan}" in result.stdout
    assert stat.S_IMODE(Path(plan).stat().st_mode) == 0o600
    result = run(
        "add",
        "assessment-requested",
        "2026-09-03",
        "--plan",
        plan,
        "--note",
        "hand-delivered",
        "--today",
        "2026-09-04",
    )
    assert result.exit_code == 0, result.output
    assert "Added e1: assessment-requested on 2026-09-03." in result.stdout
    assert "2026-09-18" in result.stdout  # 15 days, estimated without a calendar
    result = run("events", "--plan", plan)
    assert "e1" in result.stdout
    assert "hand-delivered" in result.stdout
    result = run("remove", "e1", "--plan", plan, "--yes")
    assert result.exit_code == 0
    assert "e1" not in run("events", "--plan", plan).stdout


def test_add_with_fields(tmp_path: Path, write_plan: PlanWriter) -> None:
    plan = str(write_plan())
    result = run(
        "add",
        "rc-intake-completed",
        "2026-10-01",
        "--plan",
        plan,
        "--field",
        "urgent=true",
        "--today",
        "2026-10-01",
    )
    assert result.exit_code == 0, result.output
    assert "2026-11-30" in result.stdout  # 60 days when urgent (WIC 4643(a))
    assert "urgent: true" in Path(plan).read_text(encoding="utf-8")


def test_init_refuses_to_overwrite(write_plan: PlanWriter) -> None:
    plan = write_plan()
    before = plan.read_bytes()
    result = run("init", "--plan", str(plan), "--yes", "--name", "X", "--birth-date", "2020-01-01")
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert result.stdout == ""
    assert plan.read_bytes() == before


# --------------------------------------------------------------------------------------------
# Bad input (SPEC §7): one message on stderr, exit 1, no traceback, plan file untouched.


def assert_clean_failure(result: Result, *phrases: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    for phrase in phrases:
        assert phrase in result.stderr.replace("\n", " "), result.stderr


@pytest.mark.parametrize(
    "command",
    [["deadlines"], ["events"], ["check"], ["explain", "e1"], ["add", "iep-meeting", "2026-01-01"]],
)
def test_missing_plan_file(tmp_path: Path, command: list[str]) -> None:
    result = run(*command, "--plan", str(tmp_path / "missing.yaml"))
    assert_clean_failure(result, "No plan file at", "plancli init")


@pytest.mark.parametrize(
    ("content", "phrases"),
    [
        (
            "version: 1\nchild: {name: X, birth_date: 2020-02-30}\nevents: [\n",
            ["line 4, column 1: YAML syntax error"],
        ),
        (
            "version: 1\nchild: {name: X, birth_date: 2020-02-30}\nevents: []\n",
            ["child.birth_date: expected YYYY-MM-DD, got '2020-02-30'"],
        ),
        (
            "version: 1\nchild: {name: X, birth_date: 20-02-03}\nevents: []\n",
            ["write the year with four digits"],
        ),
        ("version: 2\nchild: {name: X, birth_date: 2020-02-03}\nevents: []\n", ["newer plancli"]),
        (
            "version: 1\nchild: {name: X, birth_date: 2020-02-03}\n"
            "events:\n  - {id: e1, type: iep-meting, date: 2026-01-01}\n"
            "  - {id: e2, type: iep-meeting, date: 2019-01-01}\n",
            [
                "events[0].type: unknown event type 'iep-meting'. Did you mean: iep-meeting",
                "events[1].date: 2019-01-01 is before the child's birth date",
            ],
        ),
        ("- just\n- a list\n", ["expected `key: value` sections"]),
        ("", ["the file is empty"]),
    ],
)
def test_bad_plan_files(tmp_path: Path, content: str, phrases: list[str]) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(content, encoding="utf-8")
    before = plan.read_bytes()
    for command in (
        ["deadlines"],
        ["check"],
        ["events"],
        ["add", "iep-meeting", "2026-01-01"],
        ["remove", "e1", "--yes"],
        ["explain", "e1"],
    ):
        result = run(*command, "--plan", str(plan))
        assert_clean_failure(result, *phrases)
        assert plan.read_bytes() == before


def test_add_unknown_type_suggests(write_plan: PlanWriter) -> None:
    plan = write_plan()
    before = plan.read_bytes()
    result = run("add", "asessment-requested", "2026-09-03", "--plan", str(plan))
    assert_clean_failure(
        result,
        "TYPE: unknown event type 'asessment-requested'",
        "Did you mean: assessment-requested",
    )
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["add", "iep-meeting", "2026-02-30"], "DATE: expected YYYY-MM-DD, got '2026-02-30'"),
        (["add", "iep-meeting", "26-02-03"], "DATE: expected YYYY-MM-DD, got '26-02-03'"),
        (["add", "iep-meeting", "2001-01-01"], "is before the child's birth date"),
        (["add", "iep-meeting", "2001-01-01"], "Nothing was changed"),
        (["add", "iep-meeting", "2026-01-01", "--field", "oops"], "expected KEY=VALUE"),
        (
            [
                "add",
                "extension-agreed",
                "2026-01-01",
                "--field",
                "rule=initial-iepp",
                "--field",
                "until=2026-03-01",
            ],
            "Did you mean: initial-ipp, initial-iep",
        ),
        (["remove", "e9", "--yes"], "No event 'e9'"),
        (["remove", "e1"], "add --yes"),
        (["explain", "asessment-plan"], "Did you mean: assessment-plan"),
    ],
)
def test_bad_arguments(write_plan: PlanWriter, args: list[str], phrase: str) -> None:
    plan = write_plan("  - {id: e1, type: iep-meeting, date: 2026-09-03}\n")
    before = plan.read_bytes()
    result = run(*args, "--plan", str(plan))
    assert_clean_failure(result, phrase)
    assert plan.read_bytes() == before


def test_usage_errors_exit_2(write_plan: PlanWriter) -> None:
    plan = str(write_plan())
    assert run("deadlines", "--plan", plan, "--today", "2026-13-01").exit_code == 2
    assert run("deadlines", "--plan", plan, "--format", "xml").exit_code == 2
    assert run("deadlines", "--plan", plan, "--system", "ifsp").exit_code == 2
    assert run("no-such-command").exit_code == 2


def test_check_reports_every_problem(write_plan: PlanWriter) -> None:
    plan = write_plan(
        "  - {id: e1, type: assessment-plan-received, date: 2026-09-01, answers: e4}\n"
        "  - {id: e2, type: extension-agreed, date: 2026-09-02, rule: initial-iep,"
        " until: 2026-12-01}\n"
        "  - {id: e3, type: iep-meeting, date: 2027-09-02}\n"
        "  - {id: e4, type: assessment-requested, date: 2026-09-05}\n"
    )
    result = run("check", "--plan", str(plan), "--today", "2026-10-01")
    assert_clean_failure(
        result,
        "has 3 problems",
        "events[0].date: this assessment-plan-received (2026-09-01) comes before the "
        "assessment-requested of 2026-09-05 (event e4) it answers",
        "events[1].rule: the extension is for initial-iep, but no assessment-consent-given",
        "events[2].date: 2027-09-02 is after today",
    )


def test_check_ok() -> None:
    result = run("check", "--plan", MAYA, "--today", "2026-11-23")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{MAYA}: OK (4 events)."


def test_rules_csv_has_the_fields_of_rules_json() -> None:
    import csv
    import io

    result = run("rules", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    table = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    records = json.loads(run("rules", "--format", "json").stdout)
    from plancli.rules import ALL_RULES

    assert len(table) == len(records) == len(ALL_RULES)
    assert list(table[0]) == list(records[0])  # same fields, same order
    for row, record in zip(table, records, strict=True):
        for key in ("id", "title", "system", "kind", "period", "owed_by", "citation", "summary"):
            assert row[key] == record[key], (record["id"], key)
        assert row["trigger_types"] == "; ".join(record["trigger_types"])
        assert row["met_by"] == "; ".join(record["met_by"])
        assert row["conflict"] == (record["conflict"] or "")
        assert row["sources"].split("\n")[0].startswith(record["sources"][0]["url"] + " (")
        assert len(row["sources"].split("\n")) == len(record["sources"])
    assert table[0]["id"] == records[0]["id"]


def test_rules_csv_of_one_system() -> None:
    import csv
    import io

    result = run("rules", "--format", "csv", "--system", "504")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0][:3] == ["id", "title", "system"]
    assert len(rows) > 2
    assert {row[2] for row in rows[1:]} == {"504"}


def test_only_cli_imports_typer_and_only_cli_and_view_import_rich() -> None:
    import ast

    source = Path(__file__).parent.parent / "src" / "plancli"
    for module in sorted(source.rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {
            (node.module or "").split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
        }
        where = module.relative_to(source).as_posix()
        in_cli = where.startswith("cli/")
        if not in_cli:
            assert "typer" not in names, where
        if not in_cli and where != "view.py":
            assert "rich" not in names, where


def test_every_command_is_found_where_main_looks_for_it() -> None:
    """`main` imports only the module of the command being run (start-up time): every command
    of the whole app must be listed in COMMAND_MODULES under the module that registers it."""
    import plancli.cli as cli_package
    from plancli.cli import COMMAND_MODULES

    app = cli_package.app
    names = {c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands}
    names |= {g.name for g in app.registered_groups}
    assert names == set(COMMAND_MODULES)
    for command in app.registered_commands:
        module = command.callback.__module__.rsplit(".", 1)[-1]
        assert COMMAND_MODULES[command.name or command.callback.__name__] == module
