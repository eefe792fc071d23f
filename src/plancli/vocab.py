"""Words plancli reads from people, in one place: the plan's languages and yes/no answers.

Plan fields (`urgent: yes`), `--field`/`--set` values and prompts all accept the same words,
so a family never meets an answer that one command takes and another refuses.
"""

from __future__ import annotations

import unicodedata

LANGUAGES = ("en", "es")  # letters and interface; `family.language` takes one of these

# Compared after NFC normalisation and casefold: "Sí", "SI" and "si" are all yes.
TRUE_WORDS = ("true", "yes", "sí", "si", "1", "on")
FALSE_WORDS = ("false", "no", "0", "off")


def yes_no(text: str) -> bool | None:
    """True or False for a yes/no word, None for anything else."""
    answer = unicodedata.normalize("NFC", text.strip()).casefold()
    if answer in TRUE_WORDS:
        return True
    if answer in FALSE_WORDS:
        return False
    return None


# A question's one-letter answers: "y" (yes) in English, "s" (sí) in Spanish, "n" in both.
# Both letters are taken in either language: an advocate may switch languages mid-session.
ANSWER_YES_LETTERS = ("y", "s")
ANSWER_NO_LETTERS = ("n",)
LIST_SEPARATORS = (",", ";")  # "reading, speech; attention" is three concerns


def answer_yes_no(text: str, *, default: bool | None = None) -> bool | None:
    """The answer to a yes/no question: y/s/n or a yes/no word; empty means `default`.

    None (ask again) for anything else, so "x" or a stray digit never removes an event.
    """
    answer = unicodedata.normalize("NFC", text.strip()).casefold()
    if not answer:
        return default
    if answer in ANSWER_YES_LETTERS:
        return True
    if answer in ANSWER_NO_LETTERS:
        return False
    return yes_no(answer)


def list_answer(text: str) -> tuple[str, ...]:
    """The items of a list typed on one line, split at commas or semicolons, blanks dropped."""
    for separator in LIST_SEPARATORS[1:]:
        text = text.replace(separator, LIST_SEPARATORS[0])
    return tuple(item.strip() for item in text.split(LIST_SEPARATORS[0]) if item.strip())
