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
                [_("this is not a regular file (a device, pipe or socket)")],
                hint=_("Give the path of a .yaml plan file with --plan."),
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_PLAN_BYTES + 1)
        if len(raw) > MAX_PLAN_BYTES:
            raise PlanFileError(
                str(path),
                [
                    _("the file is over {size} bytes; a plan file is small").format(
                        size=MAX_PLAN_BYTES
                    )
                ],
                hint=_("Check that --plan names your plan file."),
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
        before = error.object[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise PlanFileError(
            str(path),
            [
                _(
                    "line {line}, column {column}: not UTF-8 text (the file was probably saved "
                    "as Latin-1 or Windows-1252; an accented letter is the usual cause)"
                ).format(line=line, column=column)
            ],
            hint=_("Save the file as UTF-8 text in your editor, then run `plancli check`."),
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
        raise PlanFileError(
            path,
            [_syntax_problem(text, error)],
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


def _syntax_problem(text: str, error: Any) -> str:
    """A YAML syntax error worded at the line where the mistake is.

    The parser stops where it notices the mistake, often a line later: `name Ana` without
    its colon is read as text that goes on to the next line, whose colon is then "not
    allowed". A line without a colon just before is named instead, with what to write.
    """
    from plancli.i18n import _

    mark = error.problem_mark or error.context_mark
    what = error.problem or error.context or _("not valid YAML")
    if "expected ':'" in what and error.context_mark is not None:
        mark = error.context_mark  # "while scanning a simple key": the key without a colon
    if mark is None:
        return _("YAML syntax error: {what}").format(what=what)
    line = mark.line
    if what.startswith("mapping values are not allowed") or "expected ':'" in what:
        bare = _line_without_colon(text, line)
        if bare is not None:
            return _(
                "line {line}: no colon after the key: write `key: value` (a colon and a "
                "space after the key), e.g. `name: Ana`"
            ).format(line=bare + 1)
    where = _("line {line}, column {column}: ").format(line=line + 1, column=mark.column + 1)
    if "expected '-' indicator" in what:
        return where + _(
            "this line is not part of the list above it: if a new entry (a new event) starts "
            "here, begin it with `- ` lined up with the other entries; otherwise indent it like "
            "the lines of the entry above"
        )
    if _tab_near(text, line, mark.column):
        what += _(" (a tab: YAML indents with spaces, never tabs; replace the tab with spaces)")
    return where + _("YAML syntax error: {what}").format(what=what)


def _line_without_colon(text: str, line: int) -> int | None:
    """The nearest line at or before `line` holding text and no `key:` (comments skipped)."""
    lines = text.splitlines()
    for number in range(min(line, len(lines) - 1), -1, -1):
        content = lines[number].split(" #", 1)[0].strip()
        if not content or content.startswith("#"):
            continue
        content = content.removeprefix("- ").strip()
        if ":" not in content and not content.startswith(("{", "[", '"', "'")):
            return number
        if number < line:
            return None  # the line before has its colon: the mistake is elsewhere
    return None


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
    # (container, [pending mapping key or None, {key: line}], is an entry of a list)
    stack: list[tuple[Any, list[Any], bool]] = []
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
            in_list = bool(stack) and isinstance(stack[-1][0], list)
            stack.append((value, [None, {}], in_list))
    return root


def _twice(key: str, line: int, first: int | None, *, in_list: bool) -> str:
    """A key seen twice in one mapping. Never "keep one": following that advice deletes data
    when the real mistake is a missing `- ` (two events read as one)."""
    from plancli.i18n import _

    text = _("line {line}: the key '{key}' appears a second time in the same section").format(
        line=line, key=key[:40]
    )
    if first is not None:
        text += " " + _("(first on line {first})").format(first=first)
    if in_list:
        return text + _(
            ". If a new entry (a new event) starts on line {line}, it is missing its `- `: "
            "write `- {key}: ...` there, lined up with the `- ` of the entry above; otherwise "
            "correct the key's name"
        ).format(line=line, key=key[:40])
    return text + _(
        ". Correct the key's name, or check which of the two lines holds the right value"
    )


def _add(top: tuple[Any, list[Any], bool], value: Any, event: Any) -> None:
    container, pending, _ = top
    if isinstance(container, list):
        container.append(value)
        return
    line = event.start_mark.line + 1
    if pending[0] is None:
        if not isinstance(value, str):
            raise _StructureError(f"line {line}: a key must be plain text")
        if value in container:
            raise _StructureError(_twice(value, line, pending[1].get(value), in_list=top[2]))
        pending[0] = value
        pending[1][value] = line
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
