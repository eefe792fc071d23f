"""The plan file (SPEC §2, §7): the only module that reads or writes it.

Reading parses YAML with every scalar as text (no implicit dates, booleans or numbers, no tags,
no arbitrary objects), then validates by hand into frozen dataclasses, collecting every problem
with its key path. A plan from an older plancli is migrated in memory (`MIGRATIONS`) and saved in
the current layout the next time it is written; one from a newer plancli is refused.

Writing holds a lock next to the file (`locked`), re-reads the file, applies the change, checks
that the result validates and that nothing but the change differs, and replaces the file
atomically with an owner-only file (`write_atomically`): a crash, a kill or a full disk leaves
the old file or the new one, never a mix. The previous versions are kept as `<name>.bak`,
`<name>.bak.1` and `<name>.bak.2`. Adding events appends text to the file, so the user's
comments, layout and spelling stay byte for byte; other changes go through ruamel's round-trip
loader, which keeps comments and key order.
"""

from __future__ import annotations

import os
import re
import stat
import threading
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from plancli.daycount import Break, SchoolCalendar, SchoolYear
from plancli.errors import (
    PlancliError,
    PlanExistsError,  # noqa: F401  (re-exported: `from plancli.store import PlanExistsError`)
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
from plancli.rules import EVENT_TYPES, EXTENSION_EVENT, RULES_BY_ID
from plancli.vocab import LANGUAGES, yes_no

MAX_PLAN_BYTES = 5_000_000  # a plan is a few kilobytes; refuse anything absurd before parsing
MAX_NESTING = 64  # a plan nests 5 levels deep; deeper YAML is refused before anything walks it
LOCK_TIMEOUT_SECONDS = 10.0
LOCK_TIMEOUT_ENV = "PLANCLI_LOCK_TIMEOUT"  # seconds; for scripts (and tests) that cannot wait
BACKUPS = 3  # <name>.bak (the previous version), <name>.bak.1, <name>.bak.2
FILE_MODE = 0o600  # the plan holds a child's health and disability information
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TWO_DIGIT_YEAR = re.compile(r"\d{2}-\d{1,2}-\d{1,2}", re.ASCII)
_EVENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)
# Tags that only say what the value already is; any other tag is refused (SPEC §7).
_PLAIN_TAGS = ("!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")

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
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise PlanFileError(
                str(path),
                ["this is a folder, not a plan file"],
                hint="Give the path of a .yaml plan file with --plan.",
            )
        if not stat.S_ISREG(info.st_mode):
            raise PlanFileError(
                str(path),
                ["this is not a regular file (a device, pipe or socket)"],
                hint="Give the path of a .yaml plan file with --plan.",
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_PLAN_BYTES + 1)
        if len(raw) > MAX_PLAN_BYTES:
            raise PlanFileError(
                str(path),
                [f"the file is over {MAX_PLAN_BYTES} bytes; a plan file is small"],
                hint="Check that --plan names your plan file.",
            )
        return raw.decode("utf-8")
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
            f"Cannot read {path}: {error.strerror or error}. Check the path and that you may "
            "read the file."
        ) from None


def parse_yaml(text: str, path: str) -> Any:
    """YAML → plain dicts, lists and strings. Syntax errors name the line and column.

    Every scalar stays text: validation decides what is a date or a flag. Tags are refused, and
    an alias is the same object as its anchor (no expansion), so neither arbitrary objects nor
    "billion laughs" can come out of a plan file.
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    bad = _first_surrogate(text)
    if bad is not None:
        raise PlanFileError(
            path,
            [f"{_where(text, bad)}a character that is not Unicode text (U+{ord(text[bad]):04X})"],
            hint="Retype that text, or save the file as UTF-8 text in your editor.",
        )
    try:
        return _plain_data(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        what = error.problem or error.context or "not valid YAML"
        if mark is not None and _tab_near(text, mark.line, mark.column):
            what += " (a tab: YAML indents with spaces, never tabs; replace the tab with spaces)"
        raise PlanFileError(
            path,
            [f"{where}YAML syntax error: {what}"],
            hint=(
                "Fix that line in a text editor (check indentation, colons and brackets), then "
                "run `plancli check`."
            ),
        ) from None
    except ReaderError as error:
        position = error.position if isinstance(error.position, int) else -1
        code = error.character if isinstance(error.character, int) else 0
        where = _where(text, position) if 0 <= position < len(text) else ""
        raise PlanFileError(
            path,
            [f"{where}control character U+{code:04X} is not allowed in a YAML file"],
            hint="Remove that character in a text editor, then run `plancli check`.",
        ) from None
    except _StructureError as error:
        raise PlanFileError(path, [str(error)]) from None
    except (YAMLError, RecursionError, ValueError, TypeError):
        raise PlanFileError(path, ["YAML error: not a valid plan file"]) from None


def _first_surrogate(text: str) -> int | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def _where(text: str, index: int) -> str:
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    return f"line {line + 1}, column {column + 1}: "


def _tab_near(text: str, line: int, column: int) -> bool:
    """Whether the YAML error is about a tab (at the mark, or in the line's indentation)."""
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return False
    current = lines[line]
    indent = current[: len(current) - len(current.lstrip(" \t"))]
    return "\t" in indent or current[column : column + 1] == "\t"


class _StructureError(Exception):
    """YAML that parses but cannot be a plan (duplicate or non-text keys, tags, several
    documents, absurd nesting)."""


def _plain_data(text: str) -> Any:
    """Build plain Python data from the parser's events (ruamel's C parser when installed).

    This is 5x faster than ruamel's base loader, whose Python resolver and constructor run for
    every scalar; a caseload of hundreds of plans is read in a fraction of a second. It is also
    never recursive, so no nesting depth can exhaust the stack.
    """
    import ruamel.yaml.events as ev

    root: Any = None
    stack: list[tuple[Any, list[Any]]] = []  # (container, [pending mapping key or None])
    anchors: dict[str, Any] = {}
    documents = 0
    next_event = _event_reader(text)
    while True:
        event = next_event()
        kind = type(event)
        if kind is ev.StreamEndEvent:
            break
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
                    f"line {event.start_mark.line + 1}: unknown alias *{event.anchor[:40]}"
                )
            value = anchors[event.anchor]
        else:
            continue
        if kind is not ev.AliasEvent:
            tag = event.tag
            if tag is not None and tag not in _PLAIN_TAGS:
                raise _StructureError(
                    f"line {event.start_mark.line + 1}: the YAML tag {str(tag)[:40]} is not "
                    "allowed in a plan file; remove it (values are plain text)"
                )
            if event.anchor:
                anchors[event.anchor] = value
        if not stack:
            root = value
        else:
            _add(stack[-1], value, event)
        if kind in (ev.MappingStartEvent, ev.SequenceStartEvent):
            if len(stack) >= MAX_NESTING:
                raise _StructureError(
                    f"line {event.start_mark.line + 1}: nested more than {MAX_NESTING} levels "
                    "deep; a plan file needs a few"
                )
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


def _event_reader(text: str) -> Callable[[], Any]:
    """The parser's `get_event`: the next event each call, ending with a StreamEndEvent."""
    try:
        from _ruamel_yaml import CParser
    except ImportError:  # pure-Python fallback (no C compiler / other interpreters)
        from ruamel.yaml import YAML

        pure: Callable[[], Any] = iter(YAML(typ="safe", pure=True).parse(text)).__next__
        return pure
    fast: Callable[[], Any] = CParser(text).get_event
    return fast


def load_plan(path: Path) -> Plan:
    return read_plan(path).plan


def read_plan(path: Path) -> LoadedPlan:
    text = read_text(path)
    return plan_from_text(text, str(path))


def plan_from_text(text: str, path: str) -> LoadedPlan:
    return _plan_from_data(parse_yaml(text, path), path)


def _plan_from_data(data: Any, path: str) -> LoadedPlan:
    notes = migrate(data)
    checker = _Checker(path)
    plan = checker.plan(data)
    if checker.problems or plan is None:
        raise PlanFileError(path, checker.problems or ["the file is empty"])
    return LoadedPlan(plan, (*notes, *checker.warnings))


@dataclass(frozen=True, slots=True)
class Inspection:
    """What `plancli check` needs: every problem, and what could be read despite them."""

    plan: Plan | None  # None when the file has problems
    events: tuple[Event, ...]  # every event that is well formed, even when others are not
    event_index: Mapping[str, int]  # event id → its position in the file's `events` list
    birth_date: date | None
    calendar: SchoolCalendar | None
    problems: tuple[str, ...]
    warnings: tuple[str, ...]


def inspect_plan(path: Path) -> Inspection:
    """Read a plan for `plancli check`, keeping what is readable when parts are not.

    Raises PlancliError only when there is nothing to inspect: no file, not UTF-8 text, not
    YAML.
    """
    text = read_text(path)
    data = parse_yaml(text, str(path))
    notes = migrate(data)
    checker = _Checker(str(path))
    plan = checker.plan(data)
    if plan is None and not checker.problems:
        checker.problem("(file)", "the file is empty; run `plancli init` to create a plan")
    return Inspection(
        plan=plan if not checker.problems else None,
        events=checker.events_read,
        event_index=MappingProxyType(dict(checker.event_index)),
        birth_date=checker.birth_date,
        calendar=checker.calendar_read,
        problems=tuple(checker.problems),
        warnings=(*notes, *checker.warnings),
    )


def _show(value: object) -> str:
    """A short, safe rendering of a bad value (never a whole nested structure)."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _no_such_day(text: str) -> str:
    """Why YYYY-MM-DD is not a date: '(there is no such day: February 2026 has 28 days)'."""
    import calendar as _stdcal  # only on this error path

    year, month, day = (int(part) for part in text.split("-"))
    if year == 0:
        return " (there is no year 0000)"
    if not 1 <= month <= 12:
        return f" (there is no month {month:02d}; months are 01 to 12)"
    days = _stdcal.monthrange(year, month)[1]
    if day == 0 or day > days:
        return f" (there is no such day: {_stdcal.month_name[month]} {year} has {days} days)"
    return " (there is no such day)"


# --------------------------------------------------------------------------------------------
# Versions: a plan written by an older plancli is migrated when read, and saved migrated.


Migration = Callable[[MutableMapping[Any, Any]], None]


def _from_version_0(data: MutableMapping[Any, Any]) -> None:
    """Version 0 is a plan from before `version:` existed: its events named their type `kind:`
    and the child's birth date was `birthdate:`. Renames both (a mapping that already has the
    new key keeps the old one, which is then an ordinary extra key)."""
    child = data.get("child")
    if isinstance(child, MutableMapping) and "birthdate" in child and "birth_date" not in child:
        _rename_key(child, "birthdate", "birth_date")
    events = data.get("events")
    if isinstance(events, list):
        for item in events:
            if isinstance(item, MutableMapping) and "kind" in item and "type" not in item:
                _rename_key(item, "kind", "type")


# from_version → (what changed, the function that brings a plan to from_version + 1)
MIGRATIONS: dict[int, tuple[str, Migration]] = {
    0: (
        "events name their type `type:` (was `kind:`), `child.birth_date` (was `birthdate`)",
        _from_version_0,
    ),
}


def plan_version(data: Any) -> int | None:
    """The plan's `version` (0 when it has none), or None when it is not a version number."""
    if not isinstance(data, Mapping):
        return None
    value = data.get("version")
    if value is None or value == "":
        return 0
    if not isinstance(value, str) or not value.isascii() or not value.strip().isdigit():
        return None
    digits = value.strip()
    return int(digits) if len(digits) <= 9 else 10**9


def migrate(data: Any) -> list[str]:
    """Bring a plan from an older plancli to PLAN_VERSION in place; returns what was done.

    `data` is plain data or a ruamel round-trip document: both are mutable mappings. A plan of
    the current version, a newer one, or one with no readable version is left as it is (the
    validation reports the last two).
    """
    version = plan_version(data)
    if version is None or version >= PLAN_VERSION:
        return []
    assert isinstance(data, MutableMapping)
    steps = []
    for number in range(version, PLAN_VERSION):
        what, step = MIGRATIONS[number]
        step(data)
        steps.append(what)
    _set_version(data, PLAN_VERSION)
    found = "no `version:` line: a plan from an older plancli (version 0)"
    if version:
        found = f"version {version}: a plan from an older plancli"
    return [
        f"version: {found}; read as version {PLAN_VERSION} ({'; '.join(steps)}). The next "
        f"change plancli makes saves it as version {PLAN_VERSION}, keeping the old file as .bak."
    ]


def _set_version(data: MutableMapping[Any, Any], version: int) -> None:
    if "version" in data or not hasattr(data, "insert"):
        data["version"] = str(version)
    else:
        data.insert(0, "version", str(version))


def _rename_key(data: MutableMapping[Any, Any], old: str, new: str) -> None:
    """Rename a key in place, keeping its position in a round-trip document."""
    if hasattr(data, "insert"):
        position = list(data).index(old)
        comments = getattr(data, "ca", None)
        comment = comments.items.pop(old, None) if comments is not None else None
        value = data.pop(old)
        data.insert(position, new, value)
        if comment is not None:
            comments.items[new] = comment  # type: ignore[union-attr]
    else:
        data[new] = data.pop(old)


# --------------------------------------------------------------------------------------------
# Validation


class _Checker:
    """Walks the parsed YAML into a Plan, collecting every problem as `path: message`."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[str] = []
        self.warnings: list[str] = []
        # What `plancli check` reads even when the plan as a whole has problems:
        self.events_read: tuple[Event, ...] = ()
        self.event_index: dict[str, int] = {}
        self.birth_date: date | None = None
        self.calendar_read: SchoolCalendar | None = None

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
            if isinstance(value, str) and _TWO_DIGIT_YEAR.fullmatch(value.strip()):
                hint = " (write the year with four digits)"
            self.problem(where, f"expected YYYY-MM-DD, got {_show(value)}{hint}")
            return None
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            self.problem(
                where, f"expected YYYY-MM-DD, got {_show(value)}{_no_such_day(value.strip())}"
            )
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
        answer = yes_no(value) if isinstance(value, str) else None
        if answer is not None:
            return answer
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
        if not self.version(data):
            return None  # a newer plancli's plan: its other keys may mean what we cannot know
        self.unknown_keys(data, TOP_KEYS, "")
        child = self.child(self.mapping(data.get("child"), "child", required=True))
        family = self.family(self.mapping(data.get("family"), "family"))
        school = self.school(self.mapping(data.get("school"), "school"))
        calendar = self.calendar(self.mapping(data.get("calendar"), "calendar"))
        center = self.center(self.mapping(data.get("regional_center"), "regional_center"))
        events = self.events(data.get("events"), self.birth_date)
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

    def version(self, data: Mapping[str, Any]) -> bool:
        """Older versions were migrated before this runs (`migrate`); newer ones are refused.

        False when the rest of the plan should not be read (a newer plancli wrote it)."""
        number = plan_version(data)
        if number is None:
            self.problem("version", f"expected a whole number, got {_show(data.get('version'))}")
        elif number > PLAN_VERSION:
            shown = str(number) if number < 10**9 else _show(data.get("version"))
            self.problem(
                "version",
                f"this plan was written by a newer plancli (version {shown}; this plancli "
                f"reads up to {PLAN_VERSION}); upgrade plancli (in its folder: `git pull`, "
                "then `pip install -e .` again) (do not edit the version number: a newer "
                "plancli may have written things this one would misread)",
            )
            return False
        elif number < PLAN_VERSION:  # only when a migration is missing: never in a release
            self.problem("version", f"no migration from version {number}; upgrade plancli")
        return True

    def child(self, data: dict[str, Any] | None) -> Child | None:
        if data is None:
            return None
        self.unknown_keys(data, ("name", "birth_date", "concerns"), "child.")
        name = self.text(data, "name", "child.", required=True)
        birth = self.date_key(data, "birth_date", "child.")
        self.birth_date = birth
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
        self.unknown_keys(data, (*keys, "hcbs_waiver", "closures"), "regional_center.")
        texts = {key: self.text(data, key, "regional_center.") for key in keys}
        return RegionalCenter(
            **texts,
            hcbs_waiver=self.flag(data, "hcbs_waiver", "regional_center."),
            closures=self.date_list(data, "closures", "regional_center."),
        )

    def calendar(self, data: dict[str, Any] | None) -> SchoolCalendar | None:
        if data is None:
            return None
        self.unknown_keys(data, ("years", "holidays", "in_session"), "calendar.")
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
        self.calendar_read = SchoolCalendar(
            years=tuple(years),
            holidays=frozenset(holidays),
            in_session=self.date_list(data, "in_session", "calendar."),
        )
        return self.calendar_read

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
            self.event_index[event.id] = i
            events.append(event)
        self.events_read = tuple(events)
        self.answers(self.events_read)
        return self.events_read

    # -- SPEC §2/§3.3/§3.5/§4 keys of issue 9: closure and in-session dates, `answers` ----

    def date_list(self, data: Mapping[str, Any], key: str, where: str) -> frozenset[date]:
        """A list of dates (`calendar.in_session`, `regional_center.closures`)."""
        raw = data.get(key)
        if raw in (None, ""):
            return frozenset()
        if not isinstance(raw, list):
            self.problem(f"{where}{key}", "expected a list of dates, e.g. [2026-10-12]")
            return frozenset()
        days = (self.date_value(value, f"{where}{key}[{i}]") for i, value in enumerate(raw))
        return frozenset(day for day in days if day is not None)

    def answers(self, events: tuple[Event, ...]) -> None:
        """`answers: ID` names an event of this plan that starts a deadline this event meets."""
        from plancli.rules import ALL_RULES, BIRTH_DATE

        by_id = {e.id: e for e in events}
        for event in events:
            answered = event.answers
            if answered is None:
                continue
            where = f"events[{self.event_index[event.id]}].answers"
            target = by_id.get(answered)
            if target is None:
                self.problem(
                    where,
                    f"there is no event {_show(answered)} in this plan; give the id of the "
                    "event this one responds to (`plancli events` lists them)",
                )
                continue
            starts = sorted(
                {t for r in ALL_RULES if event.type in r.met_by for t in r.triggers} - {BIRTH_DATE}
            )
            if target.type not in starts:
                expected = " or ".join(starts) if starts else "no event: it meets no deadline"
                self.problem(
                    where,
                    f"event {answered} is a {target.type}, but a {event.type} answers "
                    f"{expected}; correct the id or remove `answers`",
                )

    def event(self, raw: Any, where: str, birth: date | None) -> Event | None:
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
        if event_type is not None:
            from plancli.rules import field_warnings

            self.warnings += [f"{where}.{w}" for w in field_warnings(event_type, fields)]
        effective = fields.get("effective_date")
        if isinstance(effective, date) and day is not None and effective < day:
            self.problem(
                f"{where}.effective_date",
                f"{effective.isoformat()} is before the event's date {day.isoformat()}; an "
                "action takes effect after its notice is received: check both dates",
            )
        if event_id is None or event_type is None or day is None:
            return None
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
            answer = yes_no(text)
            if answer is not None:
                return answer
            self.problem(where, f"expected true or false, got {_show(value)}")
            return None
        if text.isascii() and text.isdigit() and len(text) < 10 and not text.startswith("0"):
            return int(text)
        return text


# --------------------------------------------------------------------------------------------
# Locking


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
    Nesting in one thread is allowed (the inner `locked` does nothing).
    """
    from filelock import FileLock, Timeout

    key = str(_real_path(path))
    held: set[str] = _HELD.__dict__.setdefault("paths", set())
    if key in held:
        yield
        return
    timeout = lock_timeout()
    lock = FileLock(key + ".lock", timeout=timeout, mode=FILE_MODE)
    try:
        lock.acquire()
    except Timeout:
        raise PlanWriteError(
            f"{path} is being changed by another plancli: its lock {path}.lock has been held "
            f"for over {timeout:g} seconds. Nothing was changed. Try again in a moment; if no "
            f"other plancli is running, delete {path}.lock."
        ) from None
    except OSError as error:
        raise PlanWriteError(
            f"Cannot lock {path} ({error.strerror or error}): its folder must exist and be "
            "writable. Nothing was changed."
        ) from None
    held.add(key)
    try:
        yield
    finally:
        held.discard(key)
        lock.release()


# --------------------------------------------------------------------------------------------
# Writing


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


def create_plan(path: Path, text: str) -> Plan:
    """Write a new plan file; refuses to overwrite one that exists."""

    def refuse_if_exists() -> None:
        try:
            exists = path.exists() or path.is_symlink()
        except OSError as error:  # a name too long, a folder we may not look into
            raise PlanWriteError(
                f"Cannot create {path}: {error.strerror or error}. Nothing was written."
            ) from None
        if exists:
            raise PlanExistsError(
                f"{path} already exists; plancli will not overwrite it. Use it as "
                "it is, or choose another path with --plan."
            )

    refuse_if_exists()
    try:
        loaded = plan_from_text(text, str(path))  # never write a file plancli cannot read back
    except PlanFileError as error:
        raise PlanFileError(
            str(path),
            error.problems,
            hint="Nothing was written: correct these values and run the command again.",
        ) from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise PlanWriteError(
            f"Cannot create the folder {path.parent}: {error.strerror or error}. Nothing was "
            "written."
        ) from None
    with locked(path):
        refuse_if_exists()
        write_atomically(path, text, backup=False)
    return loaded.plan


def update_plan(path: Path, change: Callable[[Any, Plan], None], *, write: bool = True) -> Plan:
    """Lock, re-read, apply `change`, check the result, write atomically; returns the new plan.

    `change(document, plan)` edits the plan's YAML document in place, with `append_event`
    and `remove_event` or as a ruamel round-trip mapping; it may raise PlancliError to abandon
    the change. Whatever goes wrong, the file is then untouched. A change made only with
    `append_event` and `remove_event` is checked to differ from the old plan by exactly those
    events; adding events appends text to the file. A plan in an older layout is saved in
    the current one. With `write=False`, everything but the write: the same errors, the file
    untouched (to check a change before doing something that cannot be undone).
    """
    global _LAST_WRITE
    name = str(path)
    read_text(path)  # no plan there (or a folder, ...): say so before creating its lock file
    with locked(path):
        target = _real_path(path)
        _remove_stale_temp_files(target)
        text = read_text(path)
        version: int | None = PLAN_VERSION
        if _LAST_WRITE is not None and _LAST_WRITE[:2] == (str(target), text):
            data, old = _LAST_WRITE[2], _LAST_WRITE[3]
        else:
            data = parse_yaml(text, name)
            version = plan_version(data)
            old = _plan_from_data(data, name).plan  # migrates `data` in place when older
        document = _Document(
            text, name, migrate_on_load=version is not None and version < PLAN_VERSION
        )
        change(document, old)
        if not document.is_loaded and not document.appended:
            return old  # nothing to write
        appended = _appended_text(text, data, document)
        new_text = appended[0] if appended else _dump_for(document.load(), name)
        if new_text == text:
            return old
        try:
            new_data = appended[1] if appended else parse_yaml(new_text, name)
            updated = _plan_from_data(new_data, name).plan
        except PlanFileError as error:
            raise PlanFileError(
                name,
                error.problems,
                hint=(
                    "Nothing was changed: the plan would not be valid with this change. Correct "
                    "the command and run it again."
                ),
            ) from None
        _check_change(document, old, updated, name)
        if not write:
            return updated
        _LAST_WRITE = None
        write_atomically(target, new_text)
        _LAST_WRITE = (str(target), new_text, new_data, updated)
    return updated


# The file, text, parsed data and plan of this process's last write: a process that changes
# a plan many times in a row (a script, a cron job) skips re-parsing what it just wrote. Used
# only when the file's text is still exactly that text.
_LAST_WRITE: tuple[str, str, Any, Plan] | None = None


class _Document(MutableMapping[Any, Any]):
    """The plan's YAML document as `update_plan` hands it to a change; parsed on first use.

    `append_event` and `remove_event` record what they do, so `update_plan` can check that the
    new file differs from the old one by exactly that. Any other use reads the ruamel
    round-trip document (a `CommentedMap`) and is then trusted as it is.
    """

    def __init__(self, text: str, path: str, *, migrate_on_load: bool) -> None:
        self._text = text
        self._path = path
        self._migrate = migrate_on_load
        self._loaded: Any = None
        self.appended: list[dict[str, FieldValue]] = []
        self.removed: list[str] = []
        self.other_changes = False

    @property
    def is_loaded(self) -> bool:
        return self._loaded is not None

    @property
    def migrates(self) -> bool:
        """The file is in an older layout, so the whole document is written in the new one."""
        return self._migrate

    def load(self) -> Any:
        if self._loaded is None:
            document = _round_trip_load(self._text, self._path)
            if self._migrate:
                migrate(document)
            for event in self.appended:
                _append_to(document, event)
            self._loaded = document
        return self._loaded

    def append(self, event: dict[str, FieldValue]) -> None:
        self.appended.append(event)
        if self._loaded is not None:
            _append_to(self._loaded, event)

    def remove(self, event_id: str) -> None:
        _remove_from(self.load(), event_id)
        self.removed.append(event_id)

    def _use(self) -> Any:
        self.other_changes = True
        return self.load()

    def __getitem__(self, key: Any) -> Any:
        return self._use()[key]

    def __setitem__(self, key: Any, value: Any) -> None:
        self._use()[key] = value

    def __delitem__(self, key: Any) -> None:
        del self._use()[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._use())

    def __len__(self) -> int:
        return len(self._use())

    def __contains__(self, key: object) -> bool:
        return key in self._use()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._use(), name)  # CommentedMap's own methods: insert, ca, ...


def _appended_text(text: str, data: Any, document: _Document) -> tuple[str, Any] | None:
    """The file with the new events appended as text, and its data, when that is exactly the
    change.

    Applies when the change only added events and `events:` is the file's last section, a
    block list (the layout plancli writes). The result must parse to the old data plus the
    new events, or None is returned and the document is re-emitted instead.
    """
    if document.is_loaded or document.migrates or not document.appended:
        return None
    if not isinstance(data, dict):
        return None
    if not data or list(data)[-1] != "events":
        return None
    existing = data["events"]
    if not isinstance(existing, list) or not existing:
        return None
    from ruamel.yaml.comments import CommentedMap

    fresh = CommentedMap()
    for event in document.appended:
        _append_to(fresh, event)
    fragment = _dump(fresh)
    header, _, body = fragment.partition("\n")
    if header != "events:" or not body:
        return None
    base = text if not text or text.endswith("\n") else text + "\n"
    if base.endswith("\r\n"):
        body = body.replace("\n", "\r\n")
    new_text = base + body
    try:
        new_data = parse_yaml(new_text, "")
        added = parse_yaml(fragment, "")["events"]
    except PlanFileError:
        return None
    # Events of a valid plan are flat mappings of text, so this comparison is cheap and safe.
    if not isinstance(new_data, dict) or list(new_data) != list(data):
        return None
    if new_data["events"] != [*existing, *added]:
        return None
    return new_text, new_data


def _check_change(document: _Document, old: Plan, new: Plan, path: str) -> None:
    """Refuse a write that would change more than the events the change added or removed."""
    if document.other_changes:
        return
    kept = tuple(e for e in old.events if e.id not in document.removed)
    tail = new.events[len(kept) :]
    wanted = [
        (str(e.get("id")), str(e.get("type")), _as_text(e.get("date"))) for e in document.appended
    ]
    same = (
        new.child == old.child
        and new.family == old.family
        and new.school == old.school
        and new.calendar == old.calendar
        and new.regional_center == old.regional_center
        and new.events[: len(kept)] == kept
        and [(e.id, e.type, e.date.isoformat()) for e in tail] == wanted
    )
    if not same:
        raise PlanWriteError(
            f"plancli could not make this change to {path} without altering other parts of "
            "it, so nothing was changed. Make the change by hand in a text editor, then run "
            "`plancli check`."
        )


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _round_trip_load(text: str, path: str) -> Any:
    from collections.abc import MutableMapping as Mutable

    try:
        document = _round_trip().load(text)
    except Exception as error:  # ruamel raises many types; none may escape as a traceback
        raise _cannot_rewrite(path, error) from None
    if not isinstance(document, Mutable):
        raise _cannot_rewrite(path, None)
    return document


def _dump_for(document: Any, path: str) -> str:
    try:
        return _dump(document)
    except Exception as error:  # as above: the plan stays untouched, with a message
        raise _cannot_rewrite(path, error) from None


def _cannot_rewrite(path: str, error: BaseException | None) -> PlanWriteError:
    why = f" ({type(error).__name__})" if error is not None else ""
    return PlanWriteError(
        f"plancli cannot rewrite {path} safely: its YAML uses a form plancli does not "
        f"write{why}. Nothing was changed. Make this change by hand in a text editor, then "
        "run `plancli check`."
    )


def _round_trip_classes() -> tuple[type, type]:
    """A resolver that reads every plain scalar as text, and a representer that writes dates,
    flags and numbers as text: the file's `yes`, `+12` or `2026-02-30` stay exactly as they
    are (plancli reads scalars as text too), and no value is ever re-typed."""
    global _RT_CLASSES
    if _RT_CLASSES is None:
        from ruamel.yaml.representer import RoundTripRepresenter
        from ruamel.yaml.resolver import VersionedResolver

        class TextResolver(VersionedResolver):
            @property
            def versioned_resolver(self) -> Any:
                return {}

        class TextRepresenter(RoundTripRepresenter):
            pass

        def as_text(representer: Any, value: Any) -> Any:
            return representer.represent_str(_as_text(value))

        for kind in (date, bool, int):
            TextRepresenter.add_representer(kind, as_text)
        _RT_CLASSES = (TextResolver, TextRepresenter)
    return _RT_CLASSES


_RT_CLASSES: tuple[type, type] | None = None


def _round_trip() -> Any:
    from ruamel.yaml import YAML

    resolver, representer = _round_trip_classes()
    yaml = YAML(typ="rt", pure=True)
    yaml.Resolver = resolver
    yaml.Representer = representer
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
    values = {key: value for key, value in event.items() if value is not None}
    for key, value in values.items():
        bad = _first_surrogate(value) if isinstance(value, str) else None
        if bad is not None:
            raise PlancliError(
                f"The event's {key} has a character that is not Unicode text "
                f"(U+{ord(value[bad]):04X}: a wrongly encoded command-line argument?). "  # type: ignore[index]
                "Nothing was changed; retype that text and try again."
            )
    if isinstance(document, _Document):
        document.append(values)
    else:
        _append_to(document, values)


def _append_to(document: Any, values: Mapping[str, FieldValue]) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    events = document.get("events")
    if not isinstance(events, CommentedSeq):
        events = CommentedSeq()
        document["events"] = events
    if not events:
        events.fa.set_block_style()
    events.append(CommentedMap(values.items()))


def remove_event(document: Any, event_id: str) -> None:
    if isinstance(document, _Document):
        document.remove(event_id)
    else:
        _remove_from(document, event_id)


def _remove_from(document: Any, event_id: str) -> None:
    events = document.get("events")
    if isinstance(events, list):
        for index, item in enumerate(events):
            if isinstance(item, Mapping) and str(item.get("id")) == event_id:
                del events[index]
                return
    raise PlancliError(f"No event '{event_id}' in the plan; `plancli events` lists them.")
