"""Real processes against one plan file: concurrent writers, a held lock, SIGKILL mid-write.

No mocks: every test here starts Python processes that use plancli as a cron job would, and
checks the plan file on disk afterwards (issue 5, SPEC §7).
"""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plancli import store
from plancli.errors import PlanWriteError

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and flock"),
]

PLAN = (
    "# a plan edited by hand and by cron\n"
    "version: 1\n"
    "child:\n"
    "  name: Test Child  # kept\n"
    "  birth_date: 2019-05-14\n"
    "events: []\n"
)

ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def python(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or ENV,
    )


def temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


# --------------------------------------------------------------------------------------------
# Two writers at once


ADDER = """
import sys
from datetime import date, timedelta
from pathlib import Path
from plancli import store
from plancli.model import next_event_id

path, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
ids = []

def add(document, plan):
    new_id = next_event_id(plan.events)  # inside the lock, as `plancli add` does
    ids.append(new_id)
    store.append_event(
        document,
        {"id": new_id, "type": "note", "date": date(2026, 1, 1) + timedelta(days=len(ids)),
         "note": f"{tag} {len(ids)}"},
    )

print("ready", flush=True)
sys.stdin.readline()
for _ in range(count):
    store.update_plan(path, add)
print(" ".join(ids))
"""


def test_two_processes_adding_200_events_each_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    writers = [python(ADDER, str(path), tag, "200") for tag in ("cron", "parent")]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
    started = time.monotonic()
    for writer in writers:  # both start at the same moment
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    outputs = [writer.communicate(timeout=120) for writer in writers]
    elapsed = time.monotonic() - started
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    plan = store.load_plan(path)
    assert len(plan.events) == 400
    assert len({e.id for e in plan.events}) == 400
    assert {e.id for e in plan.events} == {f"e{n}" for n in range(1, 401)}
    for tag, (out, _) in zip(("cron", "parent"), outputs, strict=True):
        notes = [e.note for e in plan.events if e.note and e.note.startswith(tag + " ")]
        assert notes == [f"{tag} {n}" for n in range(1, 201)]  # each writer's order kept
        assert len(out.split()) == 200
    text = path.read_text(encoding="utf-8")
    assert text.startswith(PLAN.replace("events: []\n", "events:\n"))  # comments kept
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(store.load_plan(store.backup_path(path)).events) == 399
    assert temp_files(tmp_path) == []
    print(f"400 concurrent adds in {elapsed:.1f} s")


CLI_ADDER = """
import sys
from plancli.cli import app

path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
for n in range(count):
    app(["add", "note", "2026-01-01", "--plan", path, "--note", f"{tag} {n}",
         "--today", "2026-01-02"], standalone_mode=False)
"""


def test_two_plancli_add_loops_get_unique_ids(tmp_path: Path) -> None:
    """The command itself: `plancli add` computes the next id inside the lock."""
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    writers = [python(CLI_ADDER, str(path), tag, "40") for tag in ("a", "b")]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.count("Added e") == 40
    plan = store.load_plan(path)
    assert sorted(e.id for e in plan.events) == sorted(f"e{n}" for n in range(1, 81))


# --------------------------------------------------------------------------------------------
# A lock held too long


HOLDER = """
import sys, time
from pathlib import Path
from plancli import store

with store.locked(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.readline()
"""


def test_a_lock_held_too_long_is_a_clear_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    before = path.read_bytes()
    holder = python(HOLDER, str(path))
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "locked\n"
        lock = Path(str(path) + ".lock")
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600
        monkeypatch.setenv("PLANCLI_LOCK_TIMEOUT", "0.3")
        started = time.monotonic()
        with pytest.raises(PlanWriteError, match="being changed by another plancli") as caught:
            store.update_plan(path, lambda document, plan: None)
        assert time.monotonic() - started < 3
        assert "0.3 seconds" in str(caught.value)
        assert "Nothing was changed" in str(caught.value)
        # The command: exit 1 with the message, in a separate process.
        command = subprocess.run(
            [sys.executable, "-m", "plancli", "add", "note", "2026-01-01", "--plan", str(path)],
            capture_output=True,
            text=True,
            env={**ENV, "PLANCLI_LOCK_TIMEOUT": "0.2"},
            timeout=60,
        )
        assert command.returncode == 1
        assert "being changed by another plancli" in command.stderr
        assert "Traceback" not in command.stderr
        assert path.read_bytes() == before
    finally:
        assert holder.stdin is not None
        holder.stdin.write("done\n")
        holder.stdin.flush()
        holder.communicate(timeout=30)
    # Released: the next writer gets it at once.
    store.update_plan(
        path, lambda d, p: store.append_event(d, {"id": "e1", "type": "note", "date": "2026-01-01"})
    )
    assert len(store.load_plan(path).events) == 1


def test_a_killed_lock_holder_does_not_block(tmp_path: Path) -> None:
    """The kernel drops the lock of a dead process: no stale lock after a crash."""
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    holder = python(HOLDER, str(path))
    assert holder.stdout is not None
    assert holder.stdout.readline() == "locked\n"
    holder.kill()
    holder.communicate(timeout=30)
    started = time.monotonic()
    store.update_plan(
        path, lambda d, p: store.append_event(d, {"id": "e1", "type": "note", "date": "2026-01-01"})
    )
    assert time.monotonic() - started < 2


# --------------------------------------------------------------------------------------------
# SIGKILL at any moment of a write


# A fork server: imports plancli once, then forks one writer per request, so each kill costs
# milliseconds instead of an interpreter start. Each writer writes in a loop until killed.
FORK_SERVER = """
import os, sys
from pathlib import Path
from plancli import store
from plancli.model import next_event_id

mode, path = sys.argv[1], Path(sys.argv[2])
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[3:]]

def add(document, plan):
    store.append_event(document, {"id": next_event_id(plan.events), "type": "note",
                                  "date": "2026-01-01", "note": "x" * 200})

for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            n = 0
            while True:
                if mode == "write":
                    store.write_atomically(path, texts[n % len(texts)])
                else:
                    store.update_plan(path, add)
                n += 1
        finally:
            os._exit(3)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(status, flush=True)
"""


def big_plan(events: int, note: str) -> str:
    lines = [PLAN.replace("events: []\n", "events:\n")]
    for n in range(1, events + 1):
        lines.append(
            f"  - id: e{n}\n    type: note\n    date: 2026-01-01\n    note: {note} {n:05d}\n"
        )
    return "".join(lines)


def kill_writers(mode: str, path: Path, texts: list[Path], kills: int) -> int:
    """Start `kills` writers one after the other, SIGKILL each at a random moment, and check
    the plan after each kill. Returns how many kills left a new temporary file behind (a kill
    in the middle of a write)."""
    rng = random.Random(5)
    server = python(FORK_SERVER, mode, str(path), *map(str, texts))
    assert server.stdin is not None
    assert server.stdout is not None
    mid_write = 0
    seen: set[Path] = set()
    known = {p.read_text(encoding="utf-8") for p in texts}
    try:
        for _ in range(kills):
            server.stdin.write("go\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            time.sleep(rng.uniform(0.002, 0.06))
            os.kill(pid, signal.SIGKILL)
            status = int(server.stdout.readline())
            assert os.WIFSIGNALED(status), "the writer stopped before it was killed"
            text = path.read_text(encoding="utf-8")
            plan = store.load_plan(path)  # always a whole, valid plan
            if mode == "write":
                assert text in known  # exactly the old or the new content
            else:
                ids = [e.id for e in plan.events]
                assert ids == [f"e{n}" for n in range(1, len(ids) + 1)]
            leftovers = temp_files(path.parent)
            mid_write += bool(set(leftovers) - seen)
            seen.update(leftovers)
            for leftover in leftovers:  # what a killed writer leaves is owner-only too
                assert stat.S_IMODE(leftover.stat().st_mode) == 0o600
        for backup in path.parent.glob(path.name + ".bak*"):
            assert stat.S_IMODE(backup.stat().st_mode) == 0o600
            store.load_plan(backup)
    finally:
        server.stdin.close()
        server.wait(timeout=30)
        server.stdout.close()
        if server.stderr is not None:
            server.stderr.close()
    return mid_write


def test_sigkill_during_atomic_writes_leaves_old_or_new_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    texts = []
    for name, note in (("a.txt", "first version"), ("b.txt", "second version, longer")):
        source = tmp_path / "sources" / name
        source.parent.mkdir(exist_ok=True)
        source.write_text(big_plan(1500, note), encoding="utf-8")  # about 150 KB
        texts.append(source)
    path.write_text(texts[0].read_text(encoding="utf-8"), encoding="utf-8")
    mid_write = kill_writers("write", path, texts, kills=40)
    assert mid_write > 0, "no kill landed in the middle of a write"
    print(f"40 kills, {mid_write} in the middle of a write")
    assert temp_files(tmp_path)
    store.update_plan(  # the next plancli change removes what the killed writers left
        path,
        lambda d, p: store.append_event(d, {"id": "e9999", "type": "note", "date": "2026-01-02"}),
    )
    assert temp_files(tmp_path) == []


def test_sigkill_during_updates_keeps_a_valid_plan_and_cleans_up(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(big_plan(500, "event"), encoding="utf-8")
    kill_writers("update", path, [], kills=30)
    before = len(store.load_plan(path).events)
    store.update_plan(
        path,
        lambda d, p: store.append_event(
            d, {"id": f"e{before + 1}", "type": "note", "date": "2026-01-02"}
        ),
    )
    assert temp_files(tmp_path) == []  # the next write removes what killed writers left
    assert len(store.load_plan(path).events) == before + 1
