"""Request letters (SPEC §6), in English or Spanish, as text or as a document.

Where things are (each module has one reason to change; docs/letters.md, "Adding a letter"):

- `catalogue`: the letters as data (`Letter`, `LetterField`, `Authority`, `LETTERS`).
- `wording`: every phrase the code composes, one class per language.
- `values`: `--set` values and the plan's sender, child and recipient, as templates read them.
- `counts`: what a letter states about a date the deadline engine computed.
- `specifics`: what one letter computes that no other does, registered by the letter's name.
- `templates`: finding and rendering templates (the only module importing jinja2; sandbox).
- `layout`: a rendered letter as a `plancli.documents.Document` (HTML, DOCX, PDF).
- `render`: `render_letter`, `available_letters`, `letter_bytes`.

Dates a letter states come from the deadline engine, counted as if the letter were delivered on
its date; citations and what a missed deadline required come from the rule catalogue.
"""

from __future__ import annotations

from plancli.documents import FONT_FILES
from plancli.letters.catalogue import LETTERS, LETTERS_BY_NAME, Authority, Letter, LetterField
from plancli.letters.render import (
    OUTPUT_SUFFIXES,
    Delivery,
    LetterInfo,
    RenderedLetter,
    available_letters,
    letter_bytes,
    render_letter,
    to_pdf,
)
from plancli.letters.templates import builtin_folder as _builtin_folder
from plancli.letters.values import age_on
from plancli.letters.wording import full_date, long_date
from plancli.rules import AGENCY_OWNERS, ALL_RULES, EVENT_HAPPENED

# Who a letter can hold to an overdue deadline (`missed-deadline`).
ADDRESSABLE = AGENCY_OWNERS

# What a missed-deadline letter says each rule required, and what happened on a trigger's
# date, as (English, Spanish): read-only views of the rules' own wording (`Rule.missed_action`,
# `plancli.rules.EVENT_HAPPENED`), where it is kept.
MISSED_ACTIONS: dict[str, tuple[str, str]] = {
    rule.id: (rule.missed_action.en, rule.missed_action.es)
    for rule in ALL_RULES
    if rule.missed_action is not None
}
MISSED_TRIGGERS: dict[str, tuple[str, str]] = {
    event_type: (phrase.en, phrase.es) for event_type, phrase in EVENT_HAPPENED.items()
}

__all__ = [
    "ADDRESSABLE",
    "FONT_FILES",
    "LETTERS",
    "LETTERS_BY_NAME",
    "MISSED_ACTIONS",
    "MISSED_TRIGGERS",
    "OUTPUT_SUFFIXES",
    "Authority",
    "Letter",
    "LetterField",
    "Delivery",
    "LetterInfo",
    "RenderedLetter",
    "_builtin_folder",
    "age_on",
    "available_letters",
    "full_date",
    "letter_bytes",
    "long_date",
    "render_letter",
    "to_pdf",
]
