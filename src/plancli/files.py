"""File safety for everything plancli writes: the plan's lock, atomic replacement with
backups, owner-only permissions, and private output files (letters, calendars, CSV).

A crash, a kill or a full disk leaves the old file or the new one, never a mix. The previous
versions of a plan are kept as `<name>.bak`, `<name>.bak.1` and `<name>.bak.2`.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from plancli.errors import PlancliError, PlanExistsError, PlanWriteError

LOCK_TIMEOUT_SECONDS = 10.0
LOCK_TIMEOUT_ENV = "PLANCLI_LOCK_TIMEOUT"  # seconds; for scripts (and tests) that cannot wait
BACKUPS = 3  # <name>.bak (the previous version), <name>.bak.1, <name>.bak.2
FILE_MODE = 0o600  # the plan holds a child's health and disability information


_HELD = threading.local()  # plans whose lock this thread holds (so `locked` can be nested)


def lock_timeout() -> float:
    """Seconds to wait for another plancli's lock: PLANCLI_LOCK_TIMEOUT, else 10."""
    value = os.environ.get(LOCK_TIMEOUT_ENV, "")
    try:
        seconds = float(value)
    except ValueError:
        return LOCK_TIMEOUT_SECONDS
    return seconds if 0 <= seconds < 86_400 else LOCK_TIMEOUT_SECONDS


def _real_path(path: Path) -> Path:
    """The file a path names, through symlinks: a symlinked plan is written where it lives."""
    try:
        return Path(os.path.realpath(path))
    except (ValueError, OSError):
        raise PlancliError(
            f"{str(path)[:200]!r} is not a usable file name. Check --plan."
        ) from None


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the plan's lock (`<name>.lock`, owner-only) for a read-modify-write.

    Every plancli that changes a plan holds it, so concurrent writers (a person and a cron
    job) take turns. A lock held longer than `lock_timeout()` is an error, not a hang. The
    kernel releases the lock of a process that dies, so a crash never leaves the plan locked.
    Nesting in one thread is allowed (the inner `locked` does nothing). The lock file is
    removed when the lock is released (POSIX; see `_PosixLock`), so none is left beside
    the plan.
    """
    key = str(_real_path(path))
    held: set[str] = _HELD.__dict__.setdefault("paths", set())
    if key in held:
        yield
        return
    timeout = lock_timeout()
    lock = _PosixLock(key + ".lock") if os.name == "posix" else _PortableLock(key + ".lock")
    try:
        acquired = lock.acquire(timeout)
    except OSError as error:
        raise PlanWriteError(
            f"Cannot lock {path} ({error.strerror or error}): its folder must exist and be "
            "writable. Nothing was changed."
        ) from None
    if not acquired:
        raise PlanWriteError(
            f"{path} is being changed by another plancli: its lock {path}.lock has been held "
            f"for over {timeout:g} seconds. Nothing was changed. Try again in a moment; if no "
            f"other plancli is running, delete {path}.lock."
        )
    held.add(key)
    try:
        yield
    finally:
        held.discard(key)
        lock.release()


class _PosixLock:
    """flock(2) on `<name>.lock`, deleted by its holder just before it lets go.

    Deleting a lock file is safe only with a check on the other side: a plancli that was
    waiting on the old file gets the lock of a file no longer in the folder, while a newcomer
    creates a new one and locks that. So after taking the lock each plancli checks that the
    file it holds is still the one named `<name>.lock`, and starts again if not; only one
    plancli at a time can hold the lock of the file that is there.
    """

    POLL_SECONDS = 0.005

    def __init__(self, name: str) -> None:
        self.name = name
        self.fd: int | None = None

    def acquire(self, timeout: float) -> bool:
        import fcntl
        import time

        deadline = time.monotonic() + timeout
        while True:
            fd = os.open(self.name, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
            try:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            os.close(fd)
                            return False
                        time.sleep(self.POLL_SECONDS)
                if self._still_named(fd):
                    self.fd = fd
                    return True
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # its holder deleted that file meanwhile: lock the one there now

    def _still_named(self, fd: int) -> bool:
        try:
            now = os.stat(self.name)
        except FileNotFoundError:
            return False
        held = os.fstat(fd)
        return (now.st_ino, now.st_dev) == (held.st_ino, held.st_dev)

    def release(self) -> None:
        import fcntl

        fd, self.fd = self.fd, None
        if fd is None:
            return
        try:
            with suppress(OSError):
                os.unlink(self.name)  # while still held: see the class's docstring
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


class _PortableLock:
    """`filelock` where there is no flock (Windows, whose lock file it deletes itself)."""

    def __init__(self, name: str) -> None:
        from filelock import FileLock

        self.lock = FileLock(name, mode=FILE_MODE)

    def acquire(self, timeout: float) -> bool:
        from filelock import Timeout

        try:
            self.lock.acquire(timeout=timeout)
        except Timeout:
            return False
        return True

    def release(self) -> None:
        self.lock.release()


def backup_path(path: Path, generation: int = 0) -> Path:
    """`<name>.bak` (the previous version), then `<name>.bak.1`, `<name>.bak.2` (older)."""
    return path.with_name(path.name + (".bak" if generation == 0 else f".bak.{generation}"))


def write_atomically(path: Path, text: str, *, backup: bool = True) -> None:
    """Replace `path` with `text` so a crash leaves the old or the new file, never half of one.

    The new text goes to an owner-only temporary file in the same folder, is flushed to disk,
    and only then renamed over `path` (one atomic step). With `backup`, the previous versions
    are kept as `<name>.bak`, `.bak.1` and `.bak.2` (owner-only). A full disk or a read-only
    folder raises PlanWriteError with `path` untouched. A symlink is written through.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise PlanWriteError(
            f"Could not write {path}: the text has a character that is not valid Unicode "
            f"(U+{ord(text[error.start]):04X}; a wrongly encoded command-line argument?). "
            "Nothing was changed; retype that text and try again."
        ) from None
    target = _real_path(path)
    folder = target.parent
    existed = False
    tmp_name: str | None = None
    try:
        existed = target.exists()
        tmp_name = _write_temp(folder, target.name, data)
        if backup:
            _keep_backups(target, folder)
        os.replace(tmp_name, target)
        tmp_name = None
        _sync_folder(folder)
    except OSError as error:
        outcome = f"Nothing was changed: {path} is as it was" if existed else "Nothing was written"
        raise PlanWriteError(
            f"Could not write {path}: {error.strerror or error}. {outcome}. Free some disk "
            "space or check that you may write to its folder, then try again."
        ) from None
    finally:
        if tmp_name is not None:
            with suppress(OSError):
                os.unlink(tmp_name)


def _keep_backups(path: Path, folder: Path) -> None:
    """Shift `.bak` → `.bak.1` → `.bak.2` (the oldest goes) and keep `path` as `.bak`.

    The current file becomes the backup by a hard link (no copy, nothing to flush: its data
    is already on disk); where the filesystem has no hard links, it is copied.
    """
    if not path.is_file():
        return
    for generation in range(BACKUPS - 1, 0, -1):
        older = backup_path(path, generation - 1)
        if older.exists():
            os.replace(older, backup_path(path, generation))
    newest = backup_path(path)
    link = folder / f".{newest.name}.{os.urandom(4).hex()}.tmp"
    try:
        os.link(path, link)
    except OSError:
        _replace_with(newest, path.read_bytes(), folder)
        return
    try:
        os.chmod(link, FILE_MODE)
        os.replace(link, newest)
    except BaseException:
        with suppress(OSError):
            os.unlink(link)
        raise


def _write_temp(folder: Path, name: str, data: bytes) -> str:
    """`data` in a new owner-only file of `folder`, flushed to disk; returns its name.

    The temp name starts with at most 40 characters of `name`, so a long (legal) file name
    cannot make it too long. On failure nothing is left behind.
    """
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{name[:40]}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _replace_with(target: Path, data: bytes, folder: Path) -> None:
    tmp = _write_temp(folder, target.name, data)
    try:
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def write_private_file(path: Path, data: bytes, *, force: bool) -> None:
    """Write an output file (letter, calendar, CSV) atomically, readable by its owner only.

    Refuses to replace an existing file unless `force`; without it the final step is a hard
    link, which fails if the file appeared meanwhile, so nothing is ever overwritten. A
    folder or a device is never replaced.
    """
    exists_message = (
        f"{path} already exists; plancli will not overwrite it. "
        "Add --force to replace it, or choose another --output."
    )
    try:
        if path.is_dir():
            raise PlancliError(f"{path} is a folder; give a file name, e.g. --output out.ics.")
        if path.exists() and not force:
            raise PlanExistsError(exists_message)
        if path.exists() and not path.is_file():  # a device or pipe: never replaced by a file
            raise PlancliError(f"{path} is not a regular file; choose another --output.")
        if not path.parent.is_dir():
            raise PlancliError(
                f"The folder {path.parent} does not exist; create it or choose another --output."
            )
        temp = _write_temp(path.parent, path.name, data)
        try:
            if force:
                os.replace(temp, path)
            else:
                _link_new(temp, path)
        finally:
            with suppress(OSError):
                os.unlink(temp)
    except FileExistsError:
        raise PlanExistsError(exists_message) from None
    except OSError as error:
        raise PlancliError(
            f"Could not write {path}: {error.strerror or error}. Check the folder and the "
            "free space, or choose another --output."
        ) from None


def _link_new(temp: str, path: Path) -> None:
    """Put `temp` in place as `path` only if no `path` exists (FileExistsError otherwise)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(temp, path)


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entries, so the rename survives a power cut (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale_temp_files(path: Path) -> None:
    """Delete temporary files a killed plancli left next to `path`.

    Called with the plan's lock held: every plancli writes a plan only under its lock, so a
    temporary file of this plan that exists now belongs to a process that died mid-write.
    """
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(?:bak\.)?[A-Za-z0-9_]{{8}}\.tmp")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if pattern.fullmatch(name):
            with suppress(OSError):
                os.unlink(path.parent / name)
