"""The plan file survives everything (issue 5, SPEC §7): failed writes, backups, permissions,
versions, hostile input, privacy, and `plancli check` reporting every problem at once.

Concurrency and SIGKILL tests are in test_concurrency.py; generated cases in test_fuzz.py.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from plancli import store
from plancli.cli import app
from plancli.errors import PlanFileError, PlanWriteError
from plancli.model import PLAN_VERSION
from plancli.store import edit as store_edit
from tests.conftest import CALENDAR_YAML, PlanWriter

EXAMPLES = Path(__file__).parent.parent / "examples"
ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env, input="")


def assert_clean_failure(result: Result, *phrases: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    for phrase in phrases:
        assert phrase in result.stderr.replace("\n", " "), result.stderr


def add_one(path: Path, event_id: str = "e9", on: str = "2026-10-01") -> None:
    store.update_plan(
        path,
        lambda doc, plan: store.append_event(doc, {"id": event_id, "type": "note", "date": on}),
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def versions(path: Path) -> list[Path]:
    return [path, *(store.backup_path(path, n) for n in range(store.BACKUPS))]


# --------------------------------------------------------------------------------------------
# A write that fails changes nothing


def _fail(number: int) -> Callable[..., Any]:
    def fail(*args: object, **kwargs: object) -> Any:
        raise OSError(number, os.strerror(number))

    return fail


class _FailingFile:
    """An open file whose writes fail like a full disk."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def fileno(self) -> int:
        return int(self.handle.fileno())

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        pass


@pytest.mark.parametrize(
    ("target", "failure", "reason"),
    [
        ("write", errno.ENOSPC, "No space left on device"),  # the disk fills while writing
        ("fsync", errno.ENOSPC, "No space left on device"),  # ... or when flushing
        ("fsync", errno.EIO, "Input/output error"),
        ("mkstemp", errno.EACCES, "Permission denied"),  # a read-only folder
        ("mkstemp", errno.EROFS, "Read-only file system"),
        ("replace", errno.EROFS, "Read-only file system"),
    ],
)
def test_a_failed_write_changes_nothing(
    write_plan: PlanWriter,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    failure: int,
    reason: str,
) -> None:
    path = write_plan("  - {id: e1, type: iep-meeting, date: 2026-09-03}\n")
    add_one(path, "e2")
    add_one(path, "e3")  # now plan.yaml, .bak and .bak.1 exist
    before = snapshot(path.parent)
    if target == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FailingFile(real_fdopen(*a, **k)))
    elif target == "fsync":
        monkeypatch.setattr(os, "fsync", _fail(failure))
    elif target == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", _fail(failure))
    else:
        monkeypatch.setattr(os, "replace", _fail(failure))
    with pytest.raises(PlanWriteError) as caught:
        add_one(path, "e4")
    message = str(caught.value)
    assert reason in message
    assert "Nothing was changed" in message
    monkeypatch.undo()
    assert snapshot(path.parent) == before  # plan, backups, lock: byte for byte; no temp file
    assert [e.id for e in store.load_plan(path).events] == ["e1", "e2", "e3"]


def test_the_command_reports_a_full_disk(
    write_plan: PlanWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_plan()
    before = path.read_bytes()
    monkeypatch.setattr(os, "fsync", _fail(errno.ENOSPC))
    result = run("add", "note", "2026-10-01", "--plan", str(path))
    assert_clean_failure(result, "No space left on device", "Nothing was changed")
    assert path.read_bytes() == before


FULL_DISK = """
import resource, runpy, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
limit = int(sys.argv.pop(1))
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
sys.argv[0] = "plancli"
runpy.run_module("plancli", run_name="__main__")
"""


@pytest.mark.skipif(not hasattr(os, "setuid"), reason="POSIX resource limits")
def test_a_real_process_that_cannot_write_the_file_changes_nothing(
    write_plan: PlanWriter,
) -> None:
    """A file-size limit makes the kernel refuse the write, as a full disk would (even for
    root, who ignores permissions)."""
    path = write_plan("  - {id: e1, type: iep-meeting, date: 2026-09-03}\n")
    add_one(path, "e2")
    before = snapshot(path.parent)
    size = path.stat().st_size
    command = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(size), "add", "note", "2026-10-01"]
        + ["--plan", str(path), "--note", "a note long enough to need more room"],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )
    assert command.returncode == 1, command.stderr
    assert "File too large" in command.stderr
    assert "Nothing was changed" in command.stderr
    assert "Traceback" not in command.stderr
    assert snapshot(path.parent) == before


READ_ONLY = """
import ctypes, os, runpy, sys

if os.geteuid() == 0:  # root writes anywhere: drop the capabilities that let it (Linux)
    libc = ctypes.CDLL(None, use_errno=True)

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [(name, ctypes.c_uint32) for name in ("effective", "permitted", "inherit")]

    header, data = Header(0x20080522, 0), (Data * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        sys.exit(77)
    keep = ~((1 << 1) | (1 << 2) | (1 << 3))  # CAP_DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER
    data[0].effective &= keep
    data[0].permitted &= keep
    if libc.capset(ctypes.byref(header), data) != 0:
        sys.exit(77)
sys.argv[0] = "plancli"
runpy.run_module("plancli", run_name="__main__")
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux capabilities")
def test_a_read_only_folder_is_an_error_with_nothing_lost(tmp_path: Path) -> None:
    """A real process on a folder it may read but not write (as root too: it drops the
    capabilities that let root write anywhere)."""
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "plan.yaml"
    path.write_text(
        "version: 1\nchild: {name: X, birth_date: 2019-05-14}\nevents:\n"
        "  - {id: e1, type: iep-meeting, date: 2026-09-03}\n",
        encoding="utf-8",
    )
    add_one(path, "e2")
    before = snapshot(folder)
    folder.chmod(0o555)
    try:
        command = subprocess.run(
            [sys.executable, "-c", READ_ONLY, "add", "note", "2026-10-01", "--note", "x"]
            + ["--plan", str(path)],
            capture_output=True,
            text=True,
            env=ENV,
            timeout=60,
        )
    finally:
        folder.chmod(0o700)
    if command.returncode == 77:
        pytest.skip("cannot drop root's capabilities here")
    assert command.returncode == 1, command.stderr
    assert "Permission denied" in command.stderr
    assert "Nothing was changed" in command.stderr
    assert "Traceback" not in command.stderr
    assert snapshot(folder) == before


def test_a_lock_that_cannot_be_created_is_an_error(
    write_plan: PlanWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plancli import files

    path = write_plan()
    before = path.read_bytes()
    monkeypatch.setattr(files._PosixLock, "acquire", _fail(errno.EROFS))
    monkeypatch.setattr(files._PortableLock, "acquire", _fail(errno.EROFS))
    with pytest.raises(PlanWriteError, match="Cannot lock .*Read-only file system"):
        add_one(path)
    assert path.read_bytes() == before


def test_a_change_that_would_alter_other_data_is_refused(
    write_plan: PlanWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The round-trip rewrite is checked against the plan: only the change may differ."""
    path = write_plan(
        "  - {id: e1, type: iep-meeting, date: 2026-09-03}\n"
        "  - {id: e2, type: note, date: 2026-09-04}\n"
    )
    before = path.read_bytes()
    real_dump = store_edit._dump
    monkeypatch.setattr(store_edit, "_dump", lambda doc: real_dump(doc).replace("Test Child", "X"))
    with pytest.raises(PlanWriteError, match="without altering other parts"):
        store.update_plan(path, lambda doc, plan: store.remove_event(doc, "e2"))
    assert path.read_bytes() == before


def test_yaml_plancli_cannot_rewrite_is_an_error(
    write_plan: PlanWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_plan("  - {id: e1, type: iep-meeting, date: 2026-09-03}\n")
    before = path.read_bytes()

    class Broken:
        def load(self, text: str) -> Any:
            raise ValueError("something ruamel cannot read")

    monkeypatch.setattr(store_edit, "_round_trip", Broken)
    result = run("remove", "e1", "--yes", "--plan", str(path))
    assert_clean_failure(result, "cannot rewrite", "Nothing was changed")
    assert path.read_bytes() == before


# --------------------------------------------------------------------------------------------
# Backups and permissions


def test_three_previous_versions_are_kept_owner_only(write_plan: PlanWriter) -> None:
    path = write_plan()
    texts = [path.read_text(encoding="utf-8")]
    for n in range(1, 6):
        add_one(path, f"e{n}")
        texts.append(path.read_text(encoding="utf-8"))
    current, *backups = versions(path)
    assert current.read_text(encoding="utf-8") == texts[-1]
    assert [b.read_text(encoding="utf-8") for b in backups] == [texts[-2], texts[-3], texts[-4]]
    assert not store.backup_path(path, store.BACKUPS).exists()
    for version in versions(path):
        assert stat.S_IMODE(version.stat().st_mode) == 0o600
        assert version.stat().st_nlink == 1  # a backup never shares the live file's data
        store.load_plan(version)


def test_backups_without_hard_links(
    write_plan: PlanWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system without hard links (FAT, some network drives): the backup is a copy."""
    path = write_plan()
    before = path.read_bytes()
    monkeypatch.setattr(os, "link", _fail(errno.EPERM))
    add_one(path)
    assert store.backup_path(path).read_bytes() == before
    assert stat.S_IMODE(store.backup_path(path).stat().st_mode) == 0o600
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_hand_made_plan_readable_by_others_becomes_owner_only(write_plan: PlanWriter) -> None:
    path = write_plan()
    path.chmod(0o644)
    add_one(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.backup_path(path).stat().st_mode) == 0o600


def test_created_files_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "plan.yaml"
    old_umask = os.umask(0)
    try:
        result = run(
            "init", "--plan", str(path), "--yes", "--name", "A", "--birth-date", "2020-01-02"
        )
        assert result.exit_code == 0, result.output
        add_one(path, "e1")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700  # the folder init created
    lock = Path(str(path) + ".lock")
    with store.locked(path):
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600
        assert lock.stat().st_size == 0  # the lock file holds nothing
    assert not lock.exists()  # and is gone once released
    assert stat.S_IMODE(store.backup_path(path).stat().st_mode) == 0o600


def test_write_atomically_keeps_its_signature_and_mode(tmp_path: Path) -> None:
    """Other commands (letters, exports) write their files with it."""
    out = tmp_path / "letter.txt"
    store.write_atomically(out, "hello\n", backup=False)
    store.write_atomically(out, "hello again\n")
    assert out.read_text(encoding="utf-8") == "hello again\n"
    assert store.backup_path(out).read_text(encoding="utf-8") == "hello\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with pytest.raises(PlanWriteError, match="Nothing was written"):
        store.write_atomically(tmp_path / "no" / "such" / "letter.txt", "x")


def test_no_lock_file_is_left_after_a_command(write_plan: PlanWriter) -> None:
    path = write_plan()
    assert run("add", "note", "2026-10-01", "--plan", str(path)).exit_code == 0
    assert run("remove", "e1", "--yes", "--plan", str(path)).exit_code == 0
    assert not Path(str(path) + ".lock").exists()


def test_a_change_that_changes_nothing_writes_nothing(write_plan: PlanWriter) -> None:
    path = write_plan("  - {id: e1, type: note, date: 2026-09-03}\n")
    before = snapshot(path.parent)
    store.update_plan(path, lambda doc, plan: None)
    store.update_plan(path, lambda doc, plan: doc.get("events"))  # reads the document only
    after = snapshot(path.parent)
    assert after == before  # no new version, no backup, no lock file left


def test_a_change_made_on_the_document_itself(write_plan: PlanWriter) -> None:
    """Changes that do not go through append_event/remove_event: ruamel's round trip."""
    path = write_plan("  - {id: e1, type: note, date: 2026-09-03}  # first\n")

    def change(document: Any, plan: object) -> None:
        document["family"] = {"language": "es"}
        document["events"][0]["note"] = "called the school"

    plan = store.update_plan(path, change)
    assert plan.family.language == "es"
    assert plan.events[0].note == "called the school"
    assert "# first" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "seconds"), [("0.5", 0.5), ("0", 0.0), ("", 10.0), ("soon", 10.0), ("-1", 10.0)]
)
def test_lock_timeout_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, seconds: float
) -> None:
    monkeypatch.setenv("PLANCLI_LOCK_TIMEOUT", value)
    assert store.lock_timeout() == seconds


def test_locks_nest_in_one_process(write_plan: PlanWriter) -> None:
    path = write_plan()
    with store.locked(path), store.locked(path):
        add_one(path)
    assert store.load_plan(path).event("e9") is not None


# --------------------------------------------------------------------------------------------
# Versions


def test_a_newer_plan_is_refused_by_every_command(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 2\nchild: {name: X, birth_date: 2019-05-14}\nnew_section: {a: 1}\n"
        "events: [{id: e1, type: something-new, date: 2026-09-03}]\n",
        encoding="utf-8",
    )
    before = path.read_bytes()
    for command in (
        ["deadlines"],
        ["events"],
        ["check"],
        ["explain", "e1"],
        ["add", "note", "2026-10-01"],
        ["remove", "e1", "--yes"],
    ):
        result = run(*command, "--plan", str(path))
        assert_clean_failure(result, "written by a newer plancli (plan version 2", "Update plancli")
        # One paragraph: the rest is not second-guessed, and there is no line to fix.
        assert "problem" not in result.stderr
        assert "Fix these lines" not in result.stderr
        assert path.read_bytes() == before


@pytest.mark.parametrize("value", ["3", "99999999999999999999", "9" * 5000])
def test_absurd_versions_are_refused(tmp_path: Path, value: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(f"version: {value}\nchild: {{name: X, birth_date: 2019-05-14}}\n")
    with pytest.raises(PlanFileError, match="newer plancli"):
        store.load_plan(path)


@pytest.mark.parametrize("value", ["-1", "1.5", "one", "²", "[1]"])
def test_versions_that_are_not_numbers(tmp_path: Path, value: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(f"version: {value}\nchild: {{name: X, birth_date: 2019-05-14}}\n")
    with pytest.raises(PlanFileError, match="version: expected a whole number"):
        store.load_plan(path)


VERSION_0 = """\
# Maya's plan, from before plancli wrote `version:`
child:
  name: Maya Lopez   # as on the birth certificate
  birthdate: 2019-05-14
events:
  - id: e1
    kind: assessment-requested   # hand-delivered
    date: 2026-09-03
  - id: e2
    kind: assessment-plan-received
    date: 2026-09-16
"""


def test_every_older_version_has_a_migration() -> None:
    assert set(store.MIGRATIONS) == set(range(PLAN_VERSION))


def test_a_version_0_plan_is_read_and_saved_migrated(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(VERSION_0, encoding="utf-8")
    loaded = store.read_plan(path)
    assert [e.type for e in loaded.plan.events] == [
        "assessment-requested",
        "assessment-plan-received",
    ]
    assert loaded.plan.child.birth_date == date(2019, 5, 14)
    assert loaded.warnings[0].startswith("version: no `version:` line")
    result = run("check", "--plan", str(path), "--today", "2026-10-01")
    assert result.exit_code == 0, result.output
    assert "Warning" in result.stderr
    assert "saves it as version 1" in result.stderr
    assert path.read_text(encoding="utf-8") == VERSION_0  # reading never writes
    result = run("add", "note", "2026-10-01", "--plan", str(path), "--today", "2026-10-01")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == (
        "# Maya's plan, from before plancli wrote `version:`\n"
        "version: 1\n"
        "child:\n"
        "  name: Maya Lopez   # as on the birth certificate\n"
        "  birth_date: 2019-05-14\n"
        "events:\n"
        "  - id: e1\n"
        "    type: assessment-requested   # hand-delivered\n"
        "    date: 2026-09-03\n"
        "  - id: e2\n"
        "    type: assessment-plan-received\n"
        "    date: 2026-09-16\n"
        "  - id: e3\n"
        "    type: note\n"
        "    date: 2026-10-01\n"
    )
    assert store.backup_path(path).read_text(encoding="utf-8") == VERSION_0
    assert store.read_plan(path).warnings == ()


def test_an_explicit_version_0_migrates_too(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("version: 0\n" + VERSION_0, encoding="utf-8")
    add_one(path, "e3")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("version: 1\n")
    assert "kind:" not in text


def test_kind_is_an_ordinary_field_in_a_current_plan(write_plan: PlanWriter) -> None:
    path = write_plan("  - {id: e1, type: note, kind: phone call, date: 2026-09-03}\n")
    event = store.load_plan(path).events[0]
    assert event.type == "note"
    assert event.text_field("kind") == "phone call"


# --------------------------------------------------------------------------------------------
# Hostile and broken input (the fuzz tests generate more)


def test_tabs_get_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("version: 1\nchild:\n\tname: X\n\tbirth_date: 2019-05-14\n")
    result = run("events", "--plan", str(path))
    assert_clean_failure(result, "line 3, column 1", "a tab: YAML indents with spaces")


def test_control_characters_are_named(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("version: 1\nchild: {name: X\x00Y, birth_date: 2019-05-14}\n")
    result = run("check", "--plan", str(path))
    assert_clean_failure(result, "line 2, column 16: control character U+0000")


def test_bom_and_crlf_load_and_stay_crlf_when_adding(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    text = "\ufeffversion: 1\r\nchild: {name: X, birth_date: 2019-05-14}\r\nevents:\r\n"
    text += "  - {id: e1, type: note, date: 2026-09-03}\r\n"
    path.write_bytes(text.encode("utf-8"))
    assert store.load_plan(path).events[0].id == "e1"
    result = run("add", "note", "2026-10-01", "--plan", str(path))
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    assert data.startswith(text.encode("utf-8"))
    assert data.count(b"\r\n") == data.count(b"\n")


def test_a_4_mb_plan_loads_and_a_huge_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    note = "n" * 4_000_000
    path.write_text(
        f"version: 1\nchild: {{name: X, birth_date: 2019-05-14}}\nevents:\n"
        f"  - {{id: e1, type: note, date: 2026-09-03, note: {note}}}\n"
    )
    started = time.monotonic()
    assert store.load_plan(path).events[0].note == note
    result = run("check", "--plan", str(path), "--today", "2026-10-01")
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 20
    path.write_text("x: " + "y" * (store.MAX_PLAN_BYTES + 1))
    assert_clean_failure(run("events", "--plan", str(path)), "a plan file is small")


@pytest.mark.parametrize(
    ("yaml", "phrase"),
    [
        ("a: " + "[" * 200 + "]" * 200, "nested more than 64 levels deep"),
        ("a: " + "{b: " * 200 + "}" * 200, "nested more than 64 levels deep"),
        ("child: !!python/object/apply:os.system [echo hi]", "the YAML tag"),
        ("child: !!binary aGk=", "tag:yaml.org,2002:binary is not allowed"),
        ("child: !custom {}", "the YAML tag !custom is not allowed"),
        ("child: {name: X}\nchild: {name: Y}", "the key 'child' appears a second time"),
        ("version: 1\n---\nversion: 1", "a plan file holds one YAML document"),
    ],
)
def test_yaml_that_cannot_be_a_plan(tmp_path: Path, yaml: str, phrase: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(yaml + "\n", encoding="utf-8")
    result = run("check", "--plan", str(path))
    assert_clean_failure(result, phrase)


def test_an_alias_bomb_in_the_events_is_cheap(tmp_path: Path) -> None:
    lines = ["x0: &x0 [a, a, a, a, a, a, a, a, a, a]"]
    lines += [f"x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 10) + "]" for i in range(1, 15)]
    path = tmp_path / "plan.yaml"
    path.write_text(
        "\n".join(lines) + "\nversion: 1\nchild: {name: X, birth_date: 2019-05-14}\n"
        "events: [*x14, {id: e1, type: note, date: 2026-01-01, note: *x14}]\n"
    )
    started = time.monotonic()
    result = run("check", "--plan", str(path))
    assert_clean_failure(result, "events[0]: expected a section", "events[1].note: expected")
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("count", str(10**100), "1" + "0" * 100),  # stays text, never a huge number
        ("count", "123", 123),
        ("count", "²", "²"),  # a digit to Unicode, not to int()
        ("count", "١٢", "١٢"),
        ("urgent", "TRUE", True),
    ],
)
def test_event_fields_of_any_size(
    write_plan: PlanWriter, field: str, value: str, expected: object
) -> None:
    path = write_plan(f"  - {{id: e1, type: note, date: 2026-09-03, {field}: '{value}'}}\n")
    assert store.load_plan(path).events[0].fields[field] == expected


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        ("9999-12-31", "is not a plausible date (1900 to 2199)"),
        ("0001-01-01", "is not a plausible date"),
        ("0000-01-01", "there is no year 0000"),
        ("2026-13-01", "there is no month 13"),
        ("2026-02-30", "February 2026 has 28 days"),
        ("99999-01-01", "expected YYYY-MM-DD"),
        ("２０２６-０１-０１", "expected YYYY-MM-DD"),
    ],
)
def test_absurd_event_dates(write_plan: PlanWriter, value: str, phrase: str) -> None:
    path = write_plan(f"  - {{id: e1, type: note, date: '{value}'}}\n")
    assert_clean_failure(run("check", "--plan", str(path)), phrase)


@pytest.mark.parametrize("today", ["0001-01-01", "9999-12-31", "1900-01-01", "2199-12-31"])
def test_today_at_the_ends_of_the_calendar(today: str) -> None:
    for example in ("maya-iep.yaml", "leo-early-start.yaml"):
        plan = str(EXAMPLES / example)
        for command in (
            ["deadlines", "--all"],
            ["deadlines", "--format", "json", "--within", "99999999999"],
            ["deadlines", "--format", "csv"],
            ["explain", "e1"],
            ["explain", "assessment-plan"],
        ):
            result = run(*command, "--plan", plan, "--today", today)
            assert result.exit_code == 0, (command, result.output)
        result = run("check", "--plan", plan, "--today", today)
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["add", "note", "9999-12-31"], "is after today"),
        (["add", "note", "0001-01-01"], "is not a plausible date"),
        (["add", "note", "2026-10-01", "--field", "until=9999-12-31"], "not a plausible date"),
        (["add", "note", "2026-10-01", "--note", "bad \udcff byte"], "not Unicode text"),
        (["add", "note", "2026-10-01", "--field", "x=\udcff"], "not Unicode text"),
    ],
)
def test_absurd_arguments_change_nothing(
    write_plan: PlanWriter, args: list[str], phrase: str
) -> None:
    path = write_plan("  - {id: e1, type: iep-meeting, date: 2026-09-03}\n")
    before = path.read_bytes()
    assert_clean_failure(run(*args, "--plan", str(path)), phrase)
    assert path.read_bytes() == before


def test_counting_past_the_end_of_the_calendar_is_an_error_not_a_crash() -> None:
    from plancli.deadlines import count_period, deadline_as_if
    from plancli.errors import PlancliError
    from plancli.rules import RULES_BY_ID

    plan = store.load_plan(EXAMPLES / "maya-iep.yaml")
    for rule in RULES_BY_ID.values():
        if rule.period is None:
            continue
        with pytest.raises(PlancliError, match="goes past the year 9990"):
            deadline_as_if(rule, plan, date(9999, 12, 31))
        assert count_period(rule.period, date(2199, 12, 31), plan.calendar).due.year >= 2199


def test_a_failed_change_leaves_no_lock_file_next_to_a_missing_plan(tmp_path: Path) -> None:
    result = run("add", "note", "2026-10-01", "--plan", str(tmp_path / "missing.yaml"))
    assert_clean_failure(result, "No plan file")
    assert list(tmp_path.iterdir()) == []


def test_init_values_cannot_inject_yaml(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    result = run(
        "init",
        "--plan",
        str(path),
        "--yes",
        "--name",
        "A",
        "--birth-date",
        "2020-01-01\n  nickname: injected",
    )
    assert_clean_failure(result, "Birth date: expected YYYY-MM-DD")
    assert not path.exists()
    result = run(
        "init", "--plan", str(path), "--yes", "--name", "A\udcff", "--birth-date", "2020-01-01"
    )
    assert_clean_failure(result, "not Unicode text")
    assert not path.exists()


def test_a_symlinked_plan_is_written_where_it_lives(write_plan: PlanWriter, tmp_path: Path) -> None:
    real = write_plan()
    link = tmp_path / "link" / "plan.yaml"
    link.parent.mkdir()
    link.symlink_to(real)
    result = run("add", "note", "2026-10-01", "--plan", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert store.load_plan(real).events[0].type == "note"
    assert store.backup_path(real).exists()
    assert not store.backup_path(link).exists()
    with store.locked(link):  # one lock, whichever name is used
        assert Path(str(real) + ".lock").exists()
        assert not Path(str(link) + ".lock").exists()
    assert not Path(str(real) + ".lock").exists()  # and none left behind


def test_paths_that_are_not_plan_files(tmp_path: Path) -> None:
    assert_clean_failure(run("events", "--plan", str(tmp_path)), "this is a folder")
    assert_clean_failure(run("add", "note", "2026-10-01", "--plan", str(tmp_path)), "a folder")
    started = time.monotonic()
    assert_clean_failure(run("events", "--plan", "/dev/zero"), "not a regular file")
    assert time.monotonic() - started < 5
    assert_clean_failure(run("events", "--plan", str(tmp_path / "missing.yaml")), "No plan file")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("init", "--plan", str(blocker / "plan.yaml"), "--yes", "--name", "A")
    assert result.exit_code == 1
    result = run(
        "init",
        "--plan",
        str(blocker / "plan.yaml"),
        "--yes",
        "--name",
        "A",
        "--birth-date",
        "2020-01-01",
    )
    assert_clean_failure(result, "Cannot create the folder")


def test_init_creates_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "plan.yaml"
    result = run("init", "--plan", str(path), "--yes", "--name", "A", "--birth-date", "2020-01-02")
    assert result.exit_code == 0, result.output
    assert store.load_plan(path).child.name == "A"


def test_a_rewrite_keeps_every_odd_scalar_as_written(write_plan: PlanWriter) -> None:
    """Removing an event re-emits the file: values are never re-typed (`yes`, `+12`, `~`)."""
    odd = (
        "family:\n"
        "  phone: +15595550100\n"
        "  email: yes\n"
        "extra: {a: ~, b: 0x1F, c: 1_000, d: 2026-02-30, e: True, f: 012, g: .inf}\n"
    )
    path = write_plan(
        "  - {id: e1, type: note, date: 2026-09-03, note: 2026-02-30}\n"
        "  - {id: e2, type: note, date: 2026-09-04, note: +12}\n",
        extra=odd,
    )
    before = path.read_text(encoding="utf-8")
    result = run("remove", "e1", "--yes", "--plan", str(path))
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert after == before.replace(
        "  - {id: e1, type: note, date: 2026-09-03, note: 2026-02-30}\n", ""
    )


def test_adding_appends_text_and_keeps_the_file_byte_for_byte(write_plan: PlanWriter) -> None:
    path = write_plan(
        '  - {id: e1, type: note, date: 2026-09-03, note: "kept  as   written"}  # c\n'
        "# a last comment\n",
        extra="odd:   {a: yes}\n",
    )
    before = path.read_text(encoding="utf-8")
    add_one(path, "e2")
    assert path.read_text(encoding="utf-8") == before + (
        "  - id: e2\n    type: note\n    date: 2026-10-01\n"
    )


def test_an_event_list_plancli_cannot_append_to_is_rewritten(write_plan: PlanWriter) -> None:
    """A flow-style list, or events that are not the last section: the round-trip path."""
    path = write_plan("  [{id: e1, type: note, date: 2026-09-03}]\n", extra="")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("family: {language: es}\n")
    add_one(path, "e2")
    plan = store.load_plan(path)
    assert [e.id for e in plan.events] == ["e1", "e2"]
    assert plan.family.language == "es"


# --------------------------------------------------------------------------------------------
# `plancli check`: every problem, at once, each with what to do


def test_check_reports_every_kind_of_problem_at_once(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 1\nchild:\n  name: Test Child\n  birth_date: 2019-05-14\n"
        + CALENDAR_YAML.replace(
            "        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}\n",
            "        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}\n"
            "        - {name: Holiday week, first: 2026-12-28, last: 2027-01-05}\n",
        )
        + "events:\n"
        "  - {id: e1, type: asessment-requested, date: 2026-09-03}\n"
        "  - {id: e2, type: iep-meeting, date: 2026-02-30}\n"
        "  - {id: e3, type: iep-meeting, date: 2018-01-01}\n"
        "  - {id: e4, type: assessment-plan-received, date: 2026-09-01, answers: e5}\n"
        "  - {id: e5, type: assessment-requested, date: 2026-09-05}\n"
        "  - {id: e6, type: extension-agreed, date: 2026-09-02, rule: initial-iep,"
        " until: 2026-12-01}\n"
        "  - {id: e7, type: extension-agreed, date: 2026-09-10, rule: assessment-plan,"
        " until: 2026-09-01}\n"
        "  - {id: e8, type: note, date: 2027-01-01}\n",
        encoding="utf-8",
    )
    before = path.read_bytes()
    result = run("check", "--plan", str(path), "--today", "2026-10-01")
    assert_clean_failure(result)
    problems = [line.strip() for line in result.stderr.splitlines()[1:-1]]
    assert problems == [
        "calendar (2026-27 school year): the breaks 'Winter break' (2026-12-21 to 2027-01-01) "
        "and 'Holiday week' (2026-12-28 to 2027-01-05) overlap; merge them into one break or "
        "correct the dates",
        "events[0].type: unknown event type 'asessment-requested'. Did you mean: "
        "assessment-requested, assessment-refused, assessment-completed? `plancli add --help` "
        "lists them",
        "events[1].date: expected YYYY-MM-DD, got '2026-02-30' (there is no such day: February "
        "2026 has 28 days)",
        "events[2].date: 2018-01-01 is before the child's birth date (child.birth_date); check "
        "the year",
        "events[3].date: this assessment-plan-received (2026-09-01) comes before the "
        "assessment-requested of 2026-09-05 (event e5) it answers; check both dates, or the "
        "`answers` id",
        "events[5].rule: the extension is for initial-iep, but no assessment-consent-given event "
        "comes on or before it; add that event or correct the rule",
        "events[6].until: 2026-09-01 is before the assessment-requested of 2026-09-05 (event "
        "e5) whose deadline it extends; check the date",
        "events[7].date: 2027-01-01 is after today (2026-10-01); record events once they have "
        "happened",
    ]
    assert result.stderr.startswith(f"Error: {path} has 8 problems:")
    assert path.read_bytes() == before


def test_check_flags_a_birth_date_in_the_future(write_plan: PlanWriter) -> None:
    path = write_plan(birth="2030-01-01")
    result = run("check", "--plan", str(path), "--today", "2026-10-01")
    assert_clean_failure(result, "child.birth_date: 2030-01-01 is after today")
    assert run("deadlines", "--plan", str(path), "--today", "2026-10-01").exit_code == 0


def test_overlapping_breaks_still_give_dates(write_plan: PlanWriter) -> None:
    from plancli.deadlines import deadlines_for

    path = write_plan(
        "  - {id: e1, type: assessment-requested, date: 2026-12-10}\n",
        extra="",
    )
    text = path.read_text(encoding="utf-8").replace(
        "        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}\n",
        "        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}\n"
        "        - {name: Closure, first: 2026-12-14, last: 2026-12-24}\n",
    )
    path.write_text(text, encoding="utf-8")
    plan = store.load_plan(path)
    (due,) = [d for d in deadlines_for(plan, date(2026, 12, 10)) if d.rule.id == "assessment-plan"]
    assert due.due > date(2027, 1, 1)


# --------------------------------------------------------------------------------------------
# Privacy


SECRET_PLAN = """\
version: 1
child:
  name: Quentin Zabriskie-Secret
  birth_date: 2019-05-14
  concerns: [autism-secret-diagnosis]
family:
  parent_name: Parent Secretname
  address: "742 Secret Terrace"
  phone: "555-SECRET"
  language: xx
events:
  - {id: e1, type: asessment-requested, date: 2026-09-03, note: Secret medical note}
  - {id: e2, type: iep-meeting, date: 2018-01-01, note: Another secret note}
  - {id: e3, type: note, date: 2026-02-30, note: Third secret note}
"""


def test_error_messages_never_show_personal_data(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    secrets = ["Quentin", "Zabriskie", "autism", "Secretname", "742", "555-SECRET", "medical"]
    secrets += ["Another secret", "Third secret"]
    for content in (SECRET_PLAN, SECRET_PLAN.replace("language: xx", "language: es\n  x: [")):
        path.write_text(content, encoding="utf-8")
        for command in (
            ["check"],
            ["deadlines"],
            ["events"],
            ["explain", "e1"],
            ["add", "note", "2026-10-01"],
            ["remove", "e1", "--yes"],
        ):
            today = [] if command[0] in ("events", "remove") else ["--today", "2026-10-01"]
            result = run(*command, "--plan", str(path), *today)
            assert result.exit_code == 1, result.output
            for secret in secrets:
                assert secret not in result.stdout + result.stderr, (command, secret)


PRIVACY_RUN = """
import runpy, sys
sys.argv = ["plancli", *sys.argv[1:]]
try:
    runpy.run_module("plancli", run_name="__main__")
except SystemExit as done:
    if done.code not in (0, None):
        raise
"""


def test_nothing_is_written_outside_the_plan_folder(tmp_path: Path) -> None:
    home, work, temp, plans = (tmp_path / name for name in ("home", "work", "temp", "plans"))
    for folder in (home, work, temp):
        folder.mkdir()
    path = plans / "plan.yaml"
    env = {
        **ENV,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "TMPDIR": str(temp),
    }
    commands = [
        [
            "init",
            "--plan",
            str(path),
            "--yes",
            "--name",
            "Private Name",
            "--birth-date",
            "2019-05-14",
        ],
        ["add", "assessment-requested", "2026-09-03", "--plan", str(path), "--note", "private"],
        ["add", "note", "2026-09-04", "--plan", str(path)],
        ["remove", "e2", "--yes", "--plan", str(path)],
        ["deadlines", "--plan", str(path), "--format", "json"],
        ["explain", "e1", "--plan", str(path)],
        ["events", "--plan", str(path)],
        ["check", "--plan", str(path)],
    ]
    for command in commands:
        done = subprocess.run(
            [sys.executable, "-c", PRIVACY_RUN, *command],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, (command, done.stderr)
    for folder in (home, work, temp):
        assert list(folder.rglob("*")) == [], folder
    assert sorted(p.name for p in plans.iterdir()) == [
        "plan.yaml",
        "plan.yaml.bak",
        "plan.yaml.bak.1",
        "plan.yaml.bak.2",
    ]
    for p in plans.iterdir():
        assert stat.S_IMODE(p.stat().st_mode) == 0o600
