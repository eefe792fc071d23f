"""Editing a plan file while keeping the user's comments, layout and spelling.

Writing holds a lock next to the file (`files.locked`), re-reads the file, applies the change,
checks that the result validates and that nothing but the change differs, and replaces the
file atomically (`files.write_atomically`). Adding events appends text to the file, so the
user's comments, layout and spelling stay byte for byte; other changes go through ruamel's
round-trip loader, which keeps comments and key order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from plancli.errors import PlancliError, PlanExistsError, PlanFileError, PlanWriteError
from plancli.files import _real_path, _remove_stale_temp_files, locked, write_atomically
from plancli.i18n import _
from plancli.model import PLAN_VERSION, FieldValue, Plan, next_event_id
from plancli.store.load import _plan_from_data, plan_from_text
from plancli.store.migrate import migrate, plan_version
from plancli.store.read import _first_surrogate, parse_yaml, read_text


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


@dataclass(frozen=True, slots=True)
class AddedEvent:
    """What `add_event` did: the new event's id, and the plan with it."""

    id: str
    plan: Plan


class DuplicateEventError(PlancliError):
    """A second event of the same type on the same date (SPEC §7): `force` records it."""


def add_event(
    path: Path,
    event: Mapping[str, FieldValue | None],
    *,
    write: bool = True,
    force: bool = False,
) -> AddedEvent:
    """Append `event` with the plan's next free id (chosen under the lock); see `update_plan`.

    An event of the same type on the same date already in the plan is refused (a request
    typed twice would show every deadline twice and `check` would say OK) unless `force`.
    With `write=False`, the same checks and nothing written (the id is the one it would get).
    """
    new_id = ""

    def change(document: Any, current: Plan) -> None:
        nonlocal new_id
        if not force:
            _refuse_duplicate(current, event)
        new_id = next_event_id(current.events)
        append_event(document, {"id": new_id, **event})

    updated = update_plan(path, change, write=write)
    return AddedEvent(new_id, updated)


def _refuse_duplicate(plan: Plan, event: Mapping[str, FieldValue | None]) -> None:
    """A second event of the same type on the same date; a `note` (a log line, which starts
    and meets nothing) only when its text is the same too."""
    from plancli.rules import NOTE_EVENT

    day = event.get("date")
    shown = day.isoformat() if isinstance(day, date) else str(day)
    same = next(
        (
            e
            for e in plan.events
            if e.type == event.get("type")
            and e.date.isoformat() == shown
            and (e.type != NOTE_EVENT or (e.note or None) == (event.get("note") or None))
        ),
        None,
    )
    if same is not None:
        raise DuplicateEventError(
            _(
                "The plan already has {id}: {type} on {date}. Nothing was changed. If it "
                "really happened twice that day, run the command again with --force to record "
                "a second one."
            ).format(id=same.id, type=same.type, date=shown)
        )
