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
