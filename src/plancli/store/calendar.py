"""Writing a new `calendar` section into the plan's YAML document, keeping what the user wrote.

`plancli calendar ...` computes the new section as plain data (`plancli.calendar_edit`);
this module makes the round-trip document say the same thing with the fewest changes: a
school year, break or closure day that is still there keeps its node (and so its comments
and layout), a removed one is deleted, a new one is inserted in date order. New breaks are
written in flow style, one line each, as SPEC §2 shows them; new closure days get their name
as a comment when the list is written one date a line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

# The key that identifies an entry of each list: a year by its first day, a break by its
# first day and name. Two entries with the same key are the same one, edited.
_ENTRY_KEYS = {"years": ("first_day",), "breaks": ("first", "name")}
# Where a new `calendar` section goes: before the first of these keys (SPEC §2's order).
_AFTER_CALENDAR = ("regional_center", "events")


def set_calendar(
    document: Any, data: Mapping[str, Any], names: Sequence[tuple[date, str]] = ()
) -> None:
    """Make the document's `calendar` section equal `data` (plain mappings, lists, text)."""
    from ruamel.yaml.comments import CommentedMap

    current = document.get("calendar")
    if not data:
        if "calendar" in document:
            del document["calendar"]
        return
    named = {day.isoformat(): name for day, name in names}
    if isinstance(current, CommentedMap):
        _sync_map(current, data, named)
        return
    fresh = _fresh_map(data, named)
    keys = list(document)
    position = next((keys.index(k) for k in _AFTER_CALENDAR if k in keys), len(keys))
    if "calendar" in document:
        document["calendar"] = fresh
    else:
        document.insert(position, "calendar", fresh)


def _sync_map(node: Any, data: Mapping[str, Any], named: Mapping[str, str]) -> None:
    for key in [k for k in node if k not in data]:
        del node[key]
    for key, value in data.items():
        old = node.get(key)
        if plain(old) == value:
            continue
        if isinstance(value, list) and _is_seq(old):
            _sync_seq(old, value, key, named)
        elif isinstance(value, dict) and _is_map(old):
            _sync_map(old, value, named)
        else:
            node[key] = _fresh(value, key, named)


def _sync_seq(node: Any, items: list[Any], key: str, named: Mapping[str, str]) -> None:
    """Delete the entries that went, edit the ones that changed, insert the new ones."""
    wanted = [_entry_key(item, key) for item in items]
    for index in range(len(node) - 1, -1, -1):
        if _entry_key(plain(node[index]), key) not in wanted:
            del node[index]
    for index, item in enumerate(items):
        existing = [i for i in range(len(node)) if _entry_key(plain(node[i]), key) == wanted[index]]
        if existing:
            at = existing[0]
            if at != index:  # out of order in the file: moved (its comments may stay behind)
                moved = node[at]
                del node[at]
                node.insert(index, moved)
            if plain(node[index]) != item:
                if isinstance(item, dict) and _is_map(node[index]):
                    _sync_map(node[index], item, named)
                else:
                    node[index] = _fresh(item, key, named)
            continue
        node.insert(index, _fresh(item, key, named))
    if key == "holidays" and not node.fa.flow_style():
        for index, item in enumerate(items):
            if isinstance(item, str) and item in named:  # the feed's name, old or new day
                _name_day(node, index, named[item])


def _entry_key(item: Any, key: str) -> Any:
    fields = _ENTRY_KEYS.get(key)
    if fields and isinstance(item, dict):
        return tuple(item.get(f) for f in fields)
    return item


def _fresh(value: Any, key: str, named: Mapping[str, str]) -> Any:
    if isinstance(value, dict):
        return _fresh_map(value, named, flow=key == "breaks" and _one_line(value))
    if isinstance(value, list):
        return _fresh_seq(value, key, named)
    return value


def _fresh_map(data: Mapping[str, Any], named: Mapping[str, str], *, flow: bool = False) -> Any:
    from ruamel.yaml.comments import CommentedMap

    node = CommentedMap()
    for key, value in data.items():
        node[key] = _fresh(value, key, named)
    if flow:
        node.fa.set_flow_style()
    return node


def _fresh_seq(items: list[Any], key: str, named: Mapping[str, str]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    node = CommentedSeq(_fresh(item, key, named) for item in items)
    if key == "holidays":
        if any(isinstance(i, str) and i in named for i in items):
            node.fa.set_block_style()  # one date a line, each with its name as a comment
            for index, item in enumerate(items):
                if isinstance(item, str) and item in named:
                    _name_day(node, index, named[item])
        else:
            node.fa.set_flow_style()
    else:
        node.fa.set_block_style()
    return node


# `calendar.holidays` entries are written `    - 2027-02-12` (plancli's indentation): their
# names line up two spaces after the date.
_NAME_COLUMN = len("    - 2027-02-12  ")
# A break longer than this on one line is written as a block: ruamel would fold it mid-way.
_FLOW_WIDTH = 90


def _name_day(node: Any, index: int, name: str) -> None:
    node.ca.items.pop(index, None)
    node.yaml_add_eol_comment("# " + " ".join(name.split()), index, column=_NAME_COLUMN)


def _one_line(data: Mapping[str, Any]) -> bool:
    return len("        - {" + ", ".join(f"{k}: {v}" for k, v in data.items()) + "}") <= _FLOW_WIDTH


def _is_map(node: Any) -> bool:
    return isinstance(node, Mapping)


def _is_seq(node: Any) -> bool:
    from ruamel.yaml.comments import CommentedSeq

    return isinstance(node, CommentedSeq)


def plain(value: Any) -> Any:
    """A calendar section (round-trip YAML or plain) as plain data: dicts, lists, ISO dates."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
