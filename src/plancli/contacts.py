"""The `contact` event (SPEC §8): a call, email, letter, meeting or visit, as data.

A contact records who (`with`, `role`), how (`channel`, `direction`), what was said
(`summary`, `document`) and any promise made (`promised`, `promised_by`); `system` (optional)
puts a promise in a system's lane when plancli cannot tell it from the events around it.
`contact_problems` returns every problem with its path (`events[3].channel: ...`) for the
store's validator, in the same form as the rest of `plancli check`; `answers` is checked there
for every event. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from plancli.i18n import _

CONTACT_EVENT = "contact"

CHANNELS = ("phone", "email", "letter", "meeting", "in-person", "portal", "text")
DIRECTIONS = ("sent", "received")
TEXT_FIELDS = ("with", "role", "summary", "document", "promised")
DATE_FIELDS = ("promised_by",)
SYSTEMS = ("iep", "504", "rc", "early-start")  # plancli.rules.System's values
CHOICE_FIELDS: dict[str, tuple[str, ...]] = {
    "channel": CHANNELS,
    "direction": DIRECTIONS,
    "system": SYSTEMS,
}
CONTACT_FIELDS: frozenset[str] = frozenset((*TEXT_FIELDS, *DATE_FIELDS, *CHOICE_FIELDS))


def contact_problems(path: str, event_date: date, fields: Mapping[str, object]) -> list[str]:
    """Every problem of the contact event at `path` (`events[3]`), each with its path.

    An unknown key is not a problem here: `rules.field_warnings` warns about it.
    """
    problems: list[str] = []
    for key, choices in CHOICE_FIELDS.items():
        value = fields.get(key)
        if value is not None and value not in choices:
            problems.append(
                _(
                    "{path}.{key}: '{value}' is not one of {choices}; write one of them, "
                    "e.g. `--field {key}={first}`"
                ).format(
                    path=path, key=key, value=value, choices=", ".join(choices), first=choices[0]
                )
            )
    for key in TEXT_FIELDS:
        value = fields.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(
                _("{path}.{key}: write some text, or leave {key} out").format(path=path, key=key)
            )
    problems += _promise_problems(path, event_date, fields)
    return problems


def _promise_problems(path: str, event_date: date, fields: Mapping[str, object]) -> list[str]:
    promised, promised_by = fields.get("promised"), fields.get("promised_by")
    if promised_by is None:
        if promised is not None:
            return [
                _(
                    "{path}.promised_by: a promise needs the date it was promised by, "
                    "e.g. `--field promised_by=YYYY-MM-DD`"
                ).format(path=path)
            ]
        return []
    problems = []
    if not isinstance(promised_by, date):
        problems.append(
            _("{path}.promised_by: '{value}' is not a date; write YYYY-MM-DD").format(
                path=path, value=promised_by
            )
        )
    elif promised_by < event_date:
        problems.append(
            _(
                "{path}.promised_by: {promised_by} is before the contact itself ({day}); "
                "check the date"
            ).format(path=path, promised_by=promised_by.isoformat(), day=event_date.isoformat())
        )
    if fields.get("with") is None:
        problems.append(
            _('{path}.with: say who made the promise, e.g. `--field with="Ms. Kim"`').format(
                path=path
            )
        )
    return problems
