"""`plancli init` ends with the crontab line for its plan; `plancli remind --notify`."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plancli import cron
from plancli.cli import app
from tests.conftest import PlanWriter


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env)


def test_init_prints_the_crontab_line_with_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    script = tmp_path / "bin dir" / "plancli"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "argv", [str(script), "init"])
    result = run("init", "-p", "plan.yaml", "--name", "Ana", "--birth-date", "2019-05-14", "--yes")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    # Each command on its own line, indented (cron ignores the indent), never folded.
    assert result.stdout.endswith(
        "\nTo get an email each morning when something is due, open your crontab:\n"
        "  crontab -e\n"
        "and add this line:\n"
        f"  0 7 * * * '{script}' remind --within 7 --plan {tmp_path}/plan.yaml\n"
        "For a desktop notification instead, run:\n"
        "  plancli remind --notify --plan plan.yaml\n"
    )


def test_without_the_script_the_line_runs_the_module() -> None:
    command = cron.plancli_command("/x/plancli/__main__.py", "/usr/bin/python3")
    assert command == "/usr/bin/python3 -m plancli"
    line = cron.crontab_line(Path("/home/ana/my plans/plan.yaml"), command)
    assert line == (
        "0 7 * * * /usr/bin/python3 -m plancli remind --within 7 --plan "
        "'/home/ana/my plans/plan.yaml'"
    )


@pytest.fixture
def fake_notify_send(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A `notify-send` on PATH that records its arguments, one a line."""
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "notified.txt"
    program = folder / "notify-send"
    program.write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "{log}"\n')
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return {"PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}, log


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="notify-send is the Linux one")
def test_remind_notify_shows_the_digest(
    write_plan: PlanWriter, fake_notify_send: tuple[dict[str, str], Path]
) -> None:
    env, log = fake_notify_send
    plan = write_plan("  - {id: e1, type: assessment-requested, date: 2026-09-03}\n")
    args = ("remind", "--notify", "-p", str(plan), "--today", "2026-09-15")
    plain = run(*args[:1], *args[2:])
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == plain.stdout  # the digest is printed as without --notify
    title = result.stdout.splitlines()[0]
    assert title == "plancli reminder for Test Child, 2026-09-15: 0 overdue, 1 due within 7 days."
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["--app-name=plancli", "--", title]
    assert lines[3] == "DUE WITHIN 7 DAYS"
    assert any("2026-09-18" in line for line in lines)


def test_remind_notify_is_silent_when_nothing_is_due(
    write_plan: PlanWriter, fake_notify_send: tuple[dict[str, str], Path]
) -> None:
    env, log = fake_notify_send
    plan = write_plan("  - {id: e1, type: assessment-requested, date: 2026-09-03}\n")
    result = run("remind", "--notify", "-p", str(plan), "--today", "2026-08-01", env=env)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == ""
    assert not log.exists()


def test_remind_notify_without_a_notifier_says_so_once(
    write_plan: PlanWriter, tmp_path: Path
) -> None:
    plan = write_plan("  - {id: e1, type: assessment-requested, date: 2026-09-03}\n")
    empty = tmp_path / "nothing"
    empty.mkdir()
    env = {"PATH": str(empty)}
    result = run("remind", "--notify", "-p", str(plan), "--today", "2026-09-15", env=env)
    assert result.exit_code == 0
    assert result.stdout.startswith("plancli reminder for Test Child")
    assert result.stderr == (
        "No desktop notifier found (notify-send, osascript or PowerShell); the digest is "
        "printed above only.\n"
    )
