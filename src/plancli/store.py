"""The plan file (SPEC §2, §7): the only module that reads or writes it.

Reading parses YAML with every scalar as text (ruamel's base loader: no implicit dates,
booleans or arbitrary objects), then validates by hand into frozen dataclasses, collecting
every problem with its key path. Writing re-reads the file with ruamel's round-trip loader so
the user's comments and key order survive, changes it, checks the result validates, and
replaces the file atomically with an owner-only file, keeping the previous version as
``<name>.bak``. Every read-modify-write holds a lock next to the file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from plancli.daycount import Break, SchoolCalendar, SchoolYear
from plancli.errors import (
    PlancliError,
    PlanExistsError,
    PlanFileError,
    PlanNotFoundError,
    PlanWriteError,
    suggestion,
)
from plancli.model import (
    PLAN_VERSION,
    Child,
    Event,
    Family,
    FieldValue,
    Plan,
    RegionalCenter,
    School,
)

MAX_PLAN_BYTES = 5_000_000  # a plan is a few kilobytes; refuse anything absurd before parsing
LOCK_TIMEOUT_SECONDS = 10.0
FILE_MODE = 0o600  # the plan holds a child's health and disability information
LANGUAGES = ("en", "es")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EVENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")
_TRUE, _FALSE = ("true", "yes", "on"), ("false", "no", "off")
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)

TOP_KEYS = ("version", "child", "family", "school", "calendar", "regional_center", "events")
EVENT_KEYS = ("id", "type", "date", "note")


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    plan: Plan
    warnings: tuple[str, ...]


# --------------------------------------------------------------------------------------------
# Reading


def read_text(path: Path) -> str:
    try:
        if path.is_dir():
            raise PlanFileError(
                str(path),
                ["this is a folder, not a plan file"],
                hint="Give the path of a .yaml plan file with --plan.",
            )
        size = path.stat().st_size
        if size > MAX_PLAN_BYTES:
            raise PlanFileError(
                str(path),
                [f"the file is {size} bytes; a plan file is small"],
                hint="Check that --plan names your plan file.",
            )
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise PlanNotFoundError(
            f"No plan file at {path}. Create one with `plancli init --plan {path}`, or point "
            "--plan (or the PLANCLI_PLAN environment variable) at your plan file."
        ) from None
    except UnicodeDecodeError as error:
        raise PlanFileError(
            str(path),
            [f"byte {error.start}: not UTF-8 text"],
            hint="Save the file as UTF-8 text in your editor.",
        ) from None
    except OSError as error:
        raise PlancliError(
            f"Cannot read {path}: {error.strerror}. Check the path and that you may read the file."
        ) from None


def parse_yaml(text: str, path: str) -> Any:
    """YAML → plain dicts, lists and strings. Syntax errors name the line and column.

    Every scalar stays text: validation decides what is a date or a flag. No tag constructs
    anything, and an alias is the same object as its anchor (no expansion), so neither
    arbitrary objects nor "billion laughs" can come out of a plan file.
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return _plain_data(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        what = error.problem or error.context or "not valid YAML"
        raise PlanFileError(
            path,
            [f"{where}YAML syntax error: {what}"],
            hint=(
                "Fix that line in a text editor (check indentation, colons and brackets), then "
                "run `plancli check`."
            ),
        ) from None
    except _StructureError as error:
        raise PlanFileError(path, [str(error)]) from None
    except (YAMLError, RecursionError, ValueError, TypeError):
        raise PlanFileError(path, ["YAML error: not a valid plan file"]) from None


class _StructureError(Exception):
    """YAML that parses but cannot be a plan (duplicate or non-text keys, several documents)."""


def _plain_data(text: str) -> Any:
    """Build plain Python data from the parser's events (ruamel's C parser when installed).

    This is 5x faster than ruamel's base loader, whose Python resolver and constructor run for
    every scalar; a caseload of hundreds of plans is read in a fraction of a second.
    """
    import ruamel.yaml.events as ev

    root: Any = None
    stack: list[tuple[Any, list[Any]]] = []  # (container, [pending mapping key or None])
    anchors: dict[str, Any] = {}
    documents = 0
    for event in _events(text):
        kind = type(event)
        if kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _StructureError(
                    f"line {event.start_mark.line + 1}: a plan file holds one "
                    "YAML document; remove the `---` and what follows"
                )
            continue
        if kind in (ev.MappingEndEvent, ev.SequenceEndEvent):
            stack.pop()
            continue
        if kind is ev.ScalarEvent:
            value: Any = event.value
        elif kind is ev.MappingStartEvent:
            value = {}
        elif kind is ev.SequenceStartEvent:
            value = []
        elif kind is ev.AliasEvent:
            if event.anchor not in anchors:
                raise _StructureError(
                    f"line {event.start_mark.line + 1}: unknown alias *{event.anchor}"
                )
            value = anchors[event.anchor]
        else:
            continue
        if kind is not ev.AliasEvent and event.anchor:
            anchors[event.anchor] = value
        if not stack:
            root = value
        else:
            _add(stack[-1], value, event)
        if kind in (ev.MappingStartEvent, ev.SequenceStartEvent):
            stack.append((value, [None]))
    return root


def _add(top: tuple[Any, list[Any]], value: Any, event: Any) -> None:
    container, pending = top
    if isinstance(container, list):
        container.append(value)
        return
    line = event.start_mark.line + 1
    if pending[0] is None:
        if not isinstance(value, str):
            raise _StructureError(f"line {line}: a key must be plain text")
        if value in container:
            raise _StructureError(
                f"line {line}: the key '{value[:40]}' appears twice in the same section; keep one"
            )
        pending[0] = value
    else:
        container[pending[0]] = value
        pending[0] = None


def _events(text: str) -> Iterator[Any]:
    try:
        from _ruamel_yaml import CParser
    except ImportError:  # pure-Python fallback (no C compiler / other interpreters)
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)
        return
    parser = CParser(text)
    while True:
        event = parser.get_event()
        yield event
        if type(event).__name__ == "StreamEndEvent":
            return


def load_plan(path: Path) -> Plan:
    return read_plan(path).plan


def read_plan(path: Path) -> LoadedPlan:
    text = read_text(path)
    return plan_from_text(text, str(path))


def plan_from_text(text: str, path: str) -> LoadedPlan:
    data = parse_yaml(text, path)
    checker = _Checker(path)
    plan = checker.plan(data)
    if checker.problems or plan is None:
        raise PlanFileError(path, checker.problems or ["the file is empty"])
    return LoadedPlan(plan, tuple(checker.warnings))


def _show(value: object) -> str:
    """A short, safe rendering of a bad value (never a whole nested structure)."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


class _Checker:
    """Walks the parsed YAML into a Plan, collecting every problem as `path: message`."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    # -- scalars ------------------------------------------------------------------------

    def text(
        self, data: Mapping[str, Any], key: str, where: str, *, required: bool = False
    ) -> str | None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(f"{where}{key}", "missing; add it")
            return None
        if not isinstance(value, str):
            self.problem(f"{where}{key}", f"expected text, got {_show(value)}")
            return None
        return value

    def date_value(self, value: Any, where: str) -> date | None:
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
            hint = ""
            if isinstance(value, str) and re.fullmatch(r"\d{2}-\d{1,2}-\d{1,2}", value.strip()):
                hint = " (write the year with four digits)"
            self.problem(where, f"expected YYYY-MM-DD, got {_show(value)}{hint}")
            return None
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            self.problem(where, f"expected YYYY-MM-DD, got {_show(value)} (there is no such day)")
            return None
        if not EARLIEST <= day <= LATEST:
            self.problem(where, f"{day.isoformat()} is not a plausible date (1900 to 2199)")
            return None
        return day

    def date_key(
        self, data: Mapping[str, Any], key: str, where: str, *, required: bool = True
    ) -> date | None:
        if data.get(key) in (None, ""):
            if required:
                self.problem(f"{where}{key}", "missing; add a date as YYYY-MM-DD")
            return None
        return self.date_value(data[key], f"{where}{key}")

    def flag(self, data: Mapping[str, Any], key: str, where: str) -> bool:
        value = data.get(key)
        if value is None or value == "":
            return False
        if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
            return value.strip().lower() in _TRUE
        self.problem(f"{where}{key}", f"expected true or false, got {_show(value)}")
        return False

    def mapping(self, data: Any, where: str, *, required: bool = False) -> dict[str, Any] | None:
        if data is None or data == "":
            if required:
                self.problem(where, "missing; add this section")
            return None
        if not isinstance(data, dict):
            self.problem(where, f"expected a section of `key: value` lines, got {_show(data)}")
            return None
        return data

    def unknown_keys(self, data: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in data:
            if key not in known:
                self.warnings.append(
                    f"{where}{key}: unknown key, ignored.{suggestion(str(key), known)}"
                )

    # -- sections -----------------------------------------------------------------------

    def plan(self, data: Any) -> Plan | None:
        if data is None or data == "":
            self.problem("(file)", "the file is empty; run `plancli init` to create a plan")
            return None
        if not isinstance(data, dict):
            self.problem("(file)", "expected `key: value` sections (version, child, events)")
            return None
        self.version(data.get("version"))
        self.unknown_keys(data, TOP_KEYS, "")
        child = self.child(self.mapping(data.get("child"), "child", required=True))
        family = self.family(self.mapping(data.get("family"), "family"))
        school = self.school(self.mapping(data.get("school"), "school"))
        calendar = self.calendar(self.mapping(data.get("calendar"), "calendar"))
        center = self.center(self.mapping(data.get("regional_center"), "regional_center"))
        events = self.events(data.get("events"), child.birth_date if child else None)
        if child is None:
            return None
        return Plan(
            child=child,
            events=events,
            family=family,
            school=school,
            calendar=calendar,
            regional_center=center,
        )

    def version(self, value: Any) -> None:
        if value is None:
            self.warnings.append("version: missing; assuming version 1 (add `version: 1`).")
            return
        if not isinstance(value, str) or not value.isdigit():
            self.problem("version", f"expected a whole number, got {_show(value)}")
        elif int(value) > PLAN_VERSION:
            self.problem(
                "version",
                f"this plan was written by a newer plancli (version "
                f"{int(value)}; this plancli reads up to {PLAN_VERSION}); upgrade "
                "plancli with `pip install --upgrade plancli`",
            )
        elif int(value) < 1:
            self.problem("version", f"expected 1, got {_show(value)}")

    def child(self, data: dict[str, Any] | None) -> Child | None:
        if data is None:
            return None
        self.unknown_keys(data, ("name", "birth_date", "concerns"), "child.")
        name = self.text(data, "name", "child.", required=True)
        birth = self.date_key(data, "birth_date", "child.")
        concerns = self.text_list(data.get("concerns"), "child.concerns")
        if name is None or birth is None:
            return None
        return Child(name=name, birth_date=birth, concerns=concerns)

    def text_list(self, value: Any, where: str) -> tuple[str, ...]:
        if value is None or value == "":
            return ()
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(";") if part.strip())
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        self.problem(where, "expected a list of short texts, e.g. [reading, speech]")
        return ()

    def family(self, data: dict[str, Any] | None) -> Family:
        if data is None:
            return Family()
        keys = ("parent_name", "address", "phone", "email", "language")
        self.unknown_keys(data, keys, "family.")
        values = {key: self.text(data, key, "family.") for key in keys}
        language = values["language"]
        if language is not None and language not in LANGUAGES:
            self.problem("family.language", f"expected en or es, got {_show(language)}")
            values["language"] = None
        return Family(**values)

    def school(self, data: dict[str, Any] | None) -> School | None:
        if data is None:
            return None
        keys = ("name", "district", "contact", "address")
        self.unknown_keys(data, keys, "school.")
        return School(**{key: self.text(data, key, "school.") for key in keys})

    def center(self, data: dict[str, Any] | None) -> RegionalCenter | None:
        if data is None:
            return None
        keys = ("name", "service_coordinator", "uci", "address")
        self.unknown_keys(data, (*keys, "hcbs_waiver"), "regional_center.")
        texts = {key: self.text(data, key, "regional_center.") for key in keys}
        return RegionalCenter(
            **texts, hcbs_waiver=self.flag(data, "hcbs_waiver", "regional_center.")
        )

    def calendar(self, data: dict[str, Any] | None) -> SchoolCalendar | None:
        if data is None:
            return None
        self.unknown_keys(data, ("years", "holidays"), "calendar.")
        years: list[SchoolYear] = []
        raw_years = data.get("years")
        if raw_years not in (None, ""):
            if isinstance(raw_years, list):
                for i, raw in enumerate(raw_years):
                    year = self.school_year(raw, f"calendar.years[{i}]")
                    if year is not None:
                        years.append(year)
            else:
                self.problem("calendar.years", "expected a list of school years")
        years.sort(key=lambda y: y.first_day)
        for before, after in zip(years, years[1:], strict=False):
            if after.first_day <= before.last_day:
                self.problem(
                    "calendar.years",
                    f"the school years starting "
                    f"{before.first_day.isoformat()} and {after.first_day.isoformat()} "
                    "overlap",
                )
        holidays: set[date] = set()
        raw_holidays = data.get("holidays")
        if isinstance(raw_holidays, list):
            for i, raw in enumerate(raw_holidays):
                day = self.date_value(raw, f"calendar.holidays[{i}]")
                if day is not None:
                    holidays.add(day)
        elif raw_holidays not in (None, ""):
            self.problem("calendar.holidays", "expected a list of dates, e.g. [2027-02-12]")
        return SchoolCalendar(years=tuple(years), holidays=frozenset(holidays))

    def school_year(self, raw: Any, where: str) -> SchoolYear | None:
        data = self.mapping(raw, where, required=True)
        if data is None:
            return None
        self.unknown_keys(data, ("first_day", "last_day", "breaks", "name"), f"{where}.")
        first = self.date_key(data, "first_day", f"{where}.")
        last = self.date_key(data, "last_day", f"{where}.")
        breaks: list[Break] = []
        raw_breaks = data.get("breaks")
        if isinstance(raw_breaks, list):
            for i, raw_break in enumerate(raw_breaks):
                brk = self.school_break(raw_break, f"{where}.breaks[{i}]", first, last)
                if brk is not None:
                    breaks.append(brk)
        elif raw_breaks not in (None, ""):
            self.problem(f"{where}.breaks", "expected a list of breaks")
        if first is None or last is None:
            return None
        if last <= first:
            self.problem(f"{where}.last_day", "must be after first_day")
            return None
        return SchoolYear(first, last, tuple(sorted(breaks, key=lambda b: b.first)))

    def school_break(
        self, raw: Any, where: str, first_day: date | None, last_day: date | None
    ) -> Break | None:
        data = self.mapping(raw, where, required=True)
        if data is None:
            return None
        self.unknown_keys(data, ("name", "first", "last"), f"{where}.")
        name = self.text(data, "name", f"{where}.") or "School break"
        first = self.date_key(data, "first", f"{where}.")
        last = self.date_key(data, "last", f"{where}.")
        if first is None or last is None:
            return None
        if last < first:
            self.problem(f"{where}.last", "must be on or after first")
            return None
        if first_day and last_day and not (first_day <= first and last <= last_day):
            self.problem(
                where, "the break must fall inside its school year (between first_day and last_day)"
            )
            return None
        return Break(name, first, last)

    def events(self, raw: Any, birth: date | None) -> tuple[Event, ...]:
        if raw is None or raw == "":
            return ()
        if not isinstance(raw, list):
            self.problem("events", "expected a list of events (lines starting with `- id:`)")
            return ()
        events: list[Event] = []
        seen: set[str] = set()
        for i, item in enumerate(raw):
            event = self.event(item, f"events[{i}]", birth)
            if event is None:
                continue
            if event.id in seen:
                self.problem(
                    f"events[{i}].id",
                    f"{_show(event.id)} is used twice; give each event its own id",
                )
                continue
            seen.add(event.id)
            events.append(event)
        return tuple(events)

    def event(self, raw: Any, where: str, birth: date | None) -> Event | None:
        from plancli.rules import EVENT_TYPES, EXTENSION_EVENT, RULES_BY_ID

        data = self.mapping(raw, where, required=True)
        if data is None:
            return None
        event_id = self.text(data, "id", f"{where}.", required=True)
        if event_id is not None and not _EVENT_ID.fullmatch(event_id):
            self.problem(
                f"{where}.id",
                f"expected a short id of letters and digits such as e4, got {_show(event_id)}",
            )
            event_id = None
        event_type = self.text(data, "type", f"{where}.", required=True)
        if event_type is not None and event_type not in EVENT_TYPES:
            self.problem(
                f"{where}.type",
                f"unknown event type {_show(event_type)}."
                f"{suggestion(event_type, EVENT_TYPES)} `plancli add --help` lists them",
            )
            event_type = None
        day = self.date_key(data, "date", f"{where}.")
        if day is not None and birth is not None and day < birth:
            self.problem(
                f"{where}.date",
                f"{day.isoformat()} is before the child's birth date "
                "(child.birth_date); check the year",
            )
        note = self.text(data, "note", f"{where}.")
        parsed = {
            key: self.field_value(value, f"{where}.{key}")
            for key, value in data.items()
            if key not in EVENT_KEYS
        }
        fields = {key: value for key, value in parsed.items() if value is not None}
        if event_type == EXTENSION_EVENT:
            rule = fields.get("rule")
            if not isinstance(rule, str):
                self.problem(
                    f"{where}.rule",
                    "an extension-agreed event needs `rule:` (the rule id whose date was extended)",
                )
            elif rule not in RULES_BY_ID:
                self.problem(
                    f"{where}.rule", f"no rule {_show(rule)}.{suggestion(rule, list(RULES_BY_ID))}"
                )
            if not isinstance(fields.get("until"), date):
                self.problem(
                    f"{where}.until",
                    "an extension-agreed event needs `until:` (the agreed date, YYYY-MM-DD)",
                )
        if event_id is None or event_type is None or day is None:
            return None
        from types import MappingProxyType

        return Event(event_id, event_type, day, note, MappingProxyType(fields))

    def field_value(self, value: Any, where: str) -> FieldValue | None:
        """An event-specific field: a date, true/false, a whole number, or text."""
        if isinstance(value, dict | list):
            self.problem(where, "expected a single value, not a list or section")
            return None
        if value is None or value == "":
            return None
        text = str(value).strip()
        key = where.rsplit(".", 1)[-1]
        if (
            key in ("effective_date", "until")
            or key.endswith("_date")
            or (_ISO_DATE.fullmatch(text))
        ):
            return self.date_value(text, where)
        if key == "urgent" or text.lower() in ("true", "false"):
            if text.lower() in _TRUE + _FALSE:
                return text.lower() in _TRUE
            self.problem(where, f"expected true or false, got {_show(value)}")
            return None
        if text.isdigit() and len(text) < 10 and not text.startswith("0"):
            return int(text)
        return text


# --------------------------------------------------------------------------------------------
# Writing


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the plan's lock for a read-modify-write; a lock held too long is an error."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS, mode=FILE_MODE)
    try:
        with lock:
            yield
    except Timeout:
        raise PlanWriteError(
            f"{path} is being changed by another plancli (its lock {path}.lock has been held "
            f"for over {LOCK_TIMEOUT_SECONDS:.0f} seconds). Try again in a moment; if no other "
            f"plancli is running, delete {path}.lock."
        ) from None
    except PermissionError:
        raise PlanWriteError(
            f"Cannot lock {path}: the folder is not writable. Nothing was changed."
        ) from None


def write_atomically(path: Path, text: str, *, backup: bool = True) -> None:
    """Replace `path` with `text` so a crash leaves the old or the new file, never half of one.

    The previous version is kept as `<name>.bak` (owner-only). Raises PlanWriteError with the
    plan untouched when the disk is full or the folder is read-only.
    """
    import tempfile

    data = text.encode("utf-8")
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name: str | None = None
    try:
        if backup and path.exists():
            _replace_with(path.with_name(path.name + ".bak"), path.read_bytes(), folder)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
        _sync_folder(folder)
    except OSError as error:
        raise PlanWriteError(
            f"Could not write {path}: {error.strerror or error}. The plan file was not changed; "
            "free some disk space or check the folder's permissions, then try again."
        ) from None
    finally:
        if tmp_name is not None:
            with _suppress_os_error():
                os.unlink(tmp_name)


def _replace_with(target: Path, data: bytes, folder: Path) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with _suppress_os_error():
            os.unlink(tmp)
        raise


@contextmanager
def _suppress_os_error() -> Iterator[None]:
    with suppress(OSError):
        yield


def _sync_folder(folder: Path) -> None:
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


def create_plan(path: Path, text: str) -> Plan:
    """Write a new plan file; refuses to overwrite one that exists."""
    if path.exists():
        raise PlanExistsError(
            f"{path} already exists; plancli will not overwrite it. Use it as "
            "it is, or choose another path with --plan."
        )
    loaded = plan_from_text(text, str(path))  # never write a file plancli cannot read back
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise PlanWriteError(f"Cannot create the folder {path.parent}: {error.strerror}.") from None
    write_atomically(path, text, backup=False)
    return loaded.plan


def update_plan(path: Path, change: Callable[[Any, Plan], None]) -> Plan:
    """Lock, re-read, apply `change` to the round-trip YAML document, validate, write.

    `change(document, plan)` edits the ruamel document in place; it may raise PlancliError to
    abandon the change (the file is then untouched).
    """
    with locked(path):
        text = read_text(path)
        plan = plan_from_text(text, str(path)).plan
        document = _round_trip().load(text)
        change(document, plan)
        new_text = _dump(document)
        try:
            updated = plan_from_text(new_text, str(path)).plan
        except PlanFileError as error:
            raise PlanFileError(
                str(path),
                error.problems,
                hint=(
                    "Nothing was changed: the plan would not be valid with this change. Correct "
                    "the command and run it again."
                ),
            ) from None
        write_atomically(path, new_text)
    return updated


def _round_trip() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _dump(document: Any) -> str:
    import io

    stream = io.StringIO()
    _round_trip().dump(document, stream)
    return stream.getvalue()


def append_event(document: Any, event: Mapping[str, FieldValue | None]) -> None:
    """Add an event mapping at the end of the document's `events` list (block style)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    events = document.get("events")
    if not isinstance(events, CommentedSeq):
        events = CommentedSeq()
        document["events"] = events
    if not events:
        events.fa.set_block_style()
    events.append(CommentedMap((k, v) for k, v in event.items() if v is not None))


def remove_event(document: Any, event_id: str) -> None:
    events = document.get("events") or []
    for index, item in enumerate(events):
        if isinstance(item, Mapping) and str(item.get("id")) == event_id:
            del events[index]
            return
    raise PlancliError(f"No event '{event_id}' in the plan; `plancli events` lists them.")
