"""`remind --notify`: the desktop notifier, run with an argument list (SPEC §10)."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from plancli.notify import MAX_BODY, Notifier, Run, find_notifier, notify

TRICKY = 'Due "today" $(touch pwned) `id`; -x'


def fake_notify_send(folder: Path, exit_code: int = 0) -> Path:
    """A `notify-send` that records its arguments as JSON, one call per line."""
    log = folder / "calls.jsonl"
    script = folder / "notify-send"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"with open({str(log)!r}, 'a', encoding='utf-8') as f:\n"
        "    f.write(json.dumps(sys.argv[1:]) + '\\n')\n"
        f"sys.exit({exit_code})\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return log


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX script stands in for notify-send")
def test_fake_notify_send_on_path_gets_title_and_body_as_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = fake_notify_send(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert notify("plancli: 2 deadlines due", TRICKY, platform="linux") is True
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert calls == [["--app-name=plancli", "--", "plancli: 2 deadlines due", TRICKY]]
    assert not (Path.cwd() / "pwned").exists()
    assert not (tmp_path / "pwned").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX script stands in for notify-send")
def test_a_failing_notifier_reports_not_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_notify_send(tmp_path, exit_code=1)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert notify("t", "b", platform="linux") is False


def test_no_notifier_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder
    assert find_notifier(platform="linux") is None
    assert notify("t", "b", platform="linux") is False


@pytest.mark.parametrize(
    ("platform", "found", "name"),
    [
        ("linux", {"notify-send": "/usr/bin/notify-send"}, "notify-send"),
        ("freebsd14", {"notify-send": "/usr/local/bin/notify-send"}, "notify-send"),
        ("darwin", {"osascript": "/usr/bin/osascript"}, "osascript"),
        ("win32", {"powershell": r"C:\WINDOWS\powershell.exe"}, "toast"),
        ("win32", {"pwsh": r"C:\pwsh.exe"}, "toast"),
        ("darwin", {"notify-send": "/opt/bin/notify-send"}, None),
    ],
)
def test_find_notifier_per_platform(platform: str, found: dict[str, str], name: str | None) -> None:
    notifier = find_notifier(found.get, platform)
    assert (notifier.name if notifier else None) == name


def record(calls: list[tuple[list[str], dict[str, str]]], code: int = 0) -> Run:
    def run(command: Sequence[str], env: Mapping[str, str]) -> int:
        calls.append((list(command), dict(env)))
        return code

    return run


def test_osascript_reads_title_and_body_from_its_arguments() -> None:
    calls: list[tuple[list[str], dict[str, str]]] = []
    shown = notify(
        "Title",
        TRICKY,
        which={"osascript": "/usr/bin/osascript"}.get,
        run=record(calls),
        platform="darwin",
    )
    assert shown is True
    ((command, env),) = calls
    assert command[-2:] == ["Title", TRICKY]
    assert all(TRICKY not in part for part in command[:-1])  # never inside the script
    assert env == {}


def test_windows_toast_passes_text_through_the_environment() -> None:
    calls: list[tuple[list[str], dict[str, str]]] = []
    notify("Title", TRICKY, which={"powershell": "ps.exe"}.get, run=record(calls), platform="win32")
    ((command, env),) = calls
    assert command[:4] == ["ps.exe", "-NoProfile", "-NonInteractive", "-Command"]
    assert all(TRICKY not in part for part in command)
    assert env == {"PLANCLI_NOTIFY_TITLE": "Title", "PLANCLI_NOTIFY_BODY": TRICKY}


def test_long_bodies_are_cut_and_titles_are_one_line() -> None:
    calls: list[tuple[list[str], dict[str, str]]] = []
    notify(
        "two\nlines",
        "x" * 5000,
        which={"notify-send": "ns"}.get,
        run=record(calls),
        platform="linux",
    )
    ((command, _),) = calls
    assert command[-2] == "two lines"
    assert len(command[-1]) == MAX_BODY
    assert command[-1].endswith("…")


def test_a_notifier_that_cannot_start_reports_not_shown() -> None:
    def broken(command: Sequence[str], env: Mapping[str, str]) -> int:
        raise OSError("exec format error")

    assert notify("t", "b", which={"notify-send": "ns"}.get, run=broken, platform="linux") is False


def test_notifier_command_is_a_list_for_every_kind() -> None:
    for notifier in (
        Notifier("notify-send", "ns"),
        Notifier("osascript", "osa"),
        Notifier("toast", "ps"),
    ):
        command, env = notifier.command("T", "B")
        assert isinstance(command, list)
        assert all(isinstance(part, str) for part in command)
        assert isinstance(env, dict)
    assert os.environ.get("PLANCLI_NOTIFY_TITLE") is None  # never set in this process
