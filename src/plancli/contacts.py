"""The `contact` event (SPEC §8): a call, email, letter, meeting or visit, as data.

A contact records who (`with`, `role`), how (`channel`, `direction`), what was said
(`summary`, `document`) and any promise made (`promised`, `promised_by`). `contact_problems`
returns every problem with its path (`events[3].channel: ...`) for the store's validator, in
the same form as the rest of `plancli check`. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

CONTACT_EVENT = "contact"

CHANNELS = ("phone", "email", "letter", "meeting", "in-person", "portal", "text")
DIRECTIONS = ("sent", "received")
TEXT_FIELDS = ("with", "role", "summary", "document", "promised")
DATE_FIELDS = ("promised_by",)
CHOICE_FIELDS: dict[str, tuple[str, ...]] = {"channel": CHANNELS, "direction": DIRECTIONS}
CONTACT_FIELDS: frozenset[str] = frozenset((*TEXT_FIELDS, *DATE_FIELDS, *CHOICE_FIELDS))


def contact_problems(
    index: int, event_date: date, fields: Mapping[str, object], *, event_ids: frozenset[str]
) -> list[str]:
    """Every problem of the contact event at `events[index]`, each with its path.

    `event_ids`: the plan's event ids (so that `answers` on a contact can be checked too).
    An unknown key is not a problem here: `rules.field_warnings` warns about it.
    """
    path = f"events[{index}]"
    problems: list[str] = []
    for key, choices in CHOICE_FIELDS.items():
        value = fields.get(key)
        if value is not None and value not in choices:
            problems.append(
                f"{path}.{key}: '{value}' is not one of {', '.join(choices)}; "
                f"write one of them, e.g. `--field {key}={choices[0]}`"
            )
    for key in TEXT_FIELDS:
        value = fields.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(f"{path}.{key}: write some text, or leave {key} out")
    problems += _promise_problems(path, event_date, fields)
    answers = fields.get("answers")
    if answers is not None and answers not in event_ids:
        problems.append(f"{path}.answers: there is no event '{answers}' in this plan")
    return problems


def _promise_problems(path: str, event_date: date, fields: Mapping[str, object]) -> list[str]:
    promised, promised_by = fields.get("promised"), fields.get("promised_by")
    if promised_by is None:
        if promised is not None:
            return [
                f"{path}.promised_by: a promise needs the date it was promised by, "
                "e.g. `--field promised_by=YYYY-MM-DD`"
            ]
        return []
    problems = []
    if not isinstance(promised_by, date):
        problems.append(f"{path}.promised_by: '{promised_by}' is not a date; write YYYY-MM-DD")
    elif promised_by < event_date:
        problems.append(
            f"{path}.promised_by: {promised_by.isoformat()} is before the contact itself "
            f"({event_date.isoformat()}); check the date"
        )
    if fields.get("with") is None:
        problems.append(f'{path}.with: say who made the promise, e.g. `--field with="Ms. Kim"`')
    return problems
