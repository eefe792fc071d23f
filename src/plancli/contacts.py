"""The `contact` event (SPEC §8): a call, email, letter, meeting or visit, as data.

A contact records who (`with`, `role`), how (`channel`, `direction`), what was said
(`summary`, `document`) and any promise made (`promised`, `promised_by`); `system` (optional)
puts a promise in a system's lane when plancli cannot tell it from the events around it.
`contact_problems` returns every problem with its path (`events[3].channel: ...`) for the
store's validator, in the same form as the rest of `plancli check`; `answers` is checked there
for every event. `contact_title` and `contact_details` word a contact for people ("Phone call
received from Principal Kim"), in the language asked for. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from plancli.i18n import N_, _, translate

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


# --------------------------------------------------------------------------------------------
# A contact in words (the case record). Each (channel, direction) is one whole phrase, so that
# Spanish can agree in gender ("Llamada telefónica recibida", "Correo electrónico recibido").
# A meeting or a visit has no direction; a missing channel or direction has its own phrase.

_WHAT: dict[tuple[str | None, str | None], str] = {
    ("phone", "received"): N_("Phone call received"),
    ("phone", "sent"): N_("Phone call made"),
    ("phone", None): N_("Phone call"),
    ("email", "received"): N_("Email received"),
    ("email", "sent"): N_("Email sent"),
    ("email", None): N_("Email"),
    ("letter", "received"): N_("Letter received"),
    ("letter", "sent"): N_("Letter sent"),
    ("letter", None): N_("Letter"),
    ("portal", "received"): N_("Portal message received"),
    ("portal", "sent"): N_("Portal message sent"),
    ("portal", None): N_("Portal message"),
    ("text", "received"): N_("Text message received"),
    ("text", "sent"): N_("Text message sent"),
    ("text", None): N_("Text message"),
    ("meeting", None): N_("Meeting"),
    ("in-person", None): N_("Conversation in person"),
    (None, "received"): N_("Contact received"),
    (None, "sent"): N_("Contact made"),
    (None, None): N_("Contact"),
}
# Who, after the phrase: from whom it came, to whom it went, or with whom.
_WHO = {
    "received": N_("{what} from {who}"),
    "sent": N_("{what} to {who}"),
    None: N_("{what} with {who}"),
}
_NO_DIRECTION = ("meeting", "in-person")


def _in(lang: str, message: str) -> str:
    return translate(message, lang)


def _choice(fields: Mapping[str, object], key: str) -> str | None:
    value = fields.get(key)
    return value if isinstance(value, str) and value in CHOICE_FIELDS[key] else None


def contact_title(fields: Mapping[str, object], lang: str = "en") -> str:
    """What the contact was and with whom: "Phone call received from Principal Kim (principal)"."""
    channel = _choice(fields, "channel")
    direction = None if channel in _NO_DIRECTION else _choice(fields, "direction")
    what = _in(lang, _WHAT[(channel, direction)])
    who, role = fields.get("with"), fields.get("role")
    if not isinstance(who, str) or not who.strip():
        return what
    if isinstance(role, str) and role.strip():
        who = f"{who} ({role})"
    return _in(lang, _WHO[direction]).format(what=what, who=who)


def contact_details(fields: Mapping[str, object], lang: str = "en") -> list[str]:
    """What was said, the document, and the promise, each worded as a person writes it.

    With `contact_title`, this words every field of CONTACT_FIELDS but `system` (a lane).
    """
    parts = []
    summary, document = fields.get("summary"), fields.get("document")
    if isinstance(summary, str) and summary.strip():
        parts.append(summary)
    if isinstance(document, str) and document.strip():
        parts.append(_in(lang, N_("Document: {document}")).format(document=document))
    promised, promised_by = fields.get("promised"), fields.get("promised_by")
    if isinstance(promised_by, date):
        what = promised if isinstance(promised, str) else _in(lang, N_("something"))
        parts.append(
            _in(lang, N_("Promised: {what}, by {day}")).format(
                what=what, day=promised_by.isoformat()
            )
        )
    elif isinstance(promised, str):
        parts.append(_in(lang, N_("Promised: {what}")).format(what=promised))
    return parts
