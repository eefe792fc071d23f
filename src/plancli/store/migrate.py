"""Versions: a plan written by an older plancli is migrated when read, and saved migrated."""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

from plancli.model import PLAN_VERSION

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
