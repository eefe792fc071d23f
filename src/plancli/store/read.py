"""Safe YAML reading (SPEC §7): a plan file's bytes → plain dicts, lists and strings.

Every scalar stays text (no implicit dates, booleans or numbers, no tags, no arbitrary
objects); the file's size and nesting depth are bounded before anything walks it; a syntax
error names its line and column.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plancli.errors import PlancliError, PlanFileError, PlanNotFoundError
from plancli.i18n import _

MAX_PLAN_BYTES = 5_000_000  # a plan is a few kilobytes; refuse anything absurd before parsing
MAX_NESTING = 64  # a plan nests 5 levels deep; deeper YAML is refused before anything walks it

# Tags that only say what the value already is; any other tag is refused (SPEC §7).
_PLAIN_TAGS = ("!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def read_text(path: Path) -> str:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise PlanFileError(
                str(path),
                [_("this is a folder, not a plan file")],
                hint=_("Give the path of a .yaml plan file with --plan."),
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
            _(
                "No plan file at {path}. Create one with `plancli init --plan {path}`, or point "
                "--plan (or the PLANCLI_PLAN environment variable) at your plan file."
            ).format(path=path)
        ) from None
    except UnicodeDecodeError as error:
        raise PlanFileError(
            str(path),
            [f"byte {error.start}: not UTF-8 text"],
            hint="Save the file as UTF-8 text in your editor.",
        ) from None
    except OSError as error:
        raise PlancliError(
            _(
                "Cannot read {path}: {reason}. Check the path and that you may read the file."
            ).format(path=path, reason=error.strerror or error)
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
        where = _where_text(mark.line, mark.column) if mark else ""
        what = error.problem or error.context or _("not valid YAML")
        if mark is not None and _tab_near(text, mark.line, mark.column):
            what += " " + _(
                "(a tab: YAML indents with spaces, never tabs; replace the tab with spaces)"
            )
        raise PlanFileError(
            path,
            [where + _("YAML syntax error: {what}").format(what=what)],
            hint=(
                _(
                    "Fix that line in a text editor (check indentation, colons and brackets), "
                    "then run `plancli check`."
                )
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
    return _where_text(line, column)


def _where_text(line: int, column: int) -> str:
    return _("line {line}, column {column}: ").format(line=line + 1, column=column + 1)


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
