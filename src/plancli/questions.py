"""The questions plancli asks people (SPEC §9), as data: `init`'s interview and yes/no hints.

The prompts are marked with `N_()` and translated by the caller with `_()` when asked, because
`init` asks for the language first and only then asks everything else in it. The first
question is asked in both languages, before plancli knows which one the person reads.
Answers are read with `plancli.vocab` (`answer_yes_no`, `list_answer`).
"""

from __future__ import annotations

from dataclasses import dataclass

from plancli.i18n import N_, _


@dataclass(frozen=True, slots=True)
class Question:
    """One question of `init`: where the answer goes in the plan, and how it is asked."""

    key: str  # the plan key the answer fills ("child.name"); "language" is the interface's own
    option: str  # the `init` option that answers it without asking (for scripts)
    prompt: str  # English, marked with N_(); shown as `_(question.prompt)`
    required: bool = False  # asked again until answered; otherwise Enter skips it
    choices: tuple[str, ...] = ()  # the values the plan accepts, when it accepts only some
    is_list: bool = False  # several answers on one line, separated by commas


# Asked first, in both languages: the answer chooses the language of every later question.
LANGUAGE_QUESTION = Question(
    key="language",
    option="--lang",
    prompt="Language / Idioma (en = English, es = español)",
    required=True,
    choices=("en", "es"),
)

# `family.relationship` values (SPEC §6.1) and how each reads in a question's choices.
RELATIONSHIP_LABELS: dict[str, str] = {
    "parent": N_("mother or father"),
    "guardian": N_("legal guardian"),
    "foster-parent": N_("foster parent"),
    "educational-rights-holder": N_("educational rights holder"),
    "conservator": N_("conservator"),
    "student": N_("the student (18 or older)"),
    "other": N_("other"),
}

INIT_QUESTIONS: tuple[Question, ...] = (
    Question("child.name", "--name", N_("Child's name"), required=True),
    Question(
        "child.birth_date", "--birth-date", N_("Child's birth date (YYYY-MM-DD)"), required=True
    ),
    Question("school.name", "--school", N_("School (optional)")),
    Question("school.address", "--school-address", N_("School's address (optional)")),
    Question("school.district", "--district", N_("School district (optional)")),
    Question("regional_center.name", "--regional-center", N_("Regional center (optional)")),
    Question("family.parent_name", "--parent-name", N_("Your name (for letters)")),
    Question(
        "family.relationship",
        "--relationship",
        N_("Your relationship to the child"),
        choices=tuple(RELATIONSHIP_LABELS),
    ),
    Question("family.address", "--address", N_("Your mailing address (for letters)")),
    Question("family.phone", "--phone", N_("Your phone number (for letters)")),
    Question("family.email", "--email", N_("Your email address (for letters)")),
    Question(
        "family.language",
        "--family-language",
        N_("Language of the family's letters (en = English, es = español)"),
        choices=("en", "es"),
    ),
    Question(
        "child.concerns",
        "--concerns",
        N_("Areas of concern, separated by commas (for letters)"),
        is_list=True,
    ),
)


# Words people type for a choice instead of the plan's value (`madre` for `parent`), in
# either language: an answer in the person's own words is taken, never refused.
# Languages as people name them, in either language (`init`'s first question and the family's
# language).
SPOKEN_LANGUAGES = {
    "english": "en",
    "inglés": "en",
    "ingles": "en",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
}
_CHOICE_WORDS: dict[str, dict[str, str]] = {
    "family.relationship": {
        "mother": "parent",
        "father": "parent",
        "madre": "parent",
        "padre": "parent",
        "mamá": "parent",
        "mama": "parent",
        "papá": "parent",
        "papa": "parent",
        "guardian": "guardian",
        "tutor": "guardian",
        "tutora": "guardian",
        "tutora legal": "guardian",
        "foster parent": "foster-parent",
        "padre de crianza": "foster-parent",
        "madre de crianza": "foster-parent",
        "curadora": "conservator",
        "estudiante": "student",
        "otro": "other",
        "otra": "other",
    },
    "family.language": SPOKEN_LANGUAGES,
}


def choice_of(question: Question, answer: str) -> str | None:
    """The plan's value for an answer to a question with choices, or None if it is none.

    Takes the value itself (`parent`), its words in the interface language (`padre o
    madre`) and the everyday words of `_CHOICE_WORDS` (`madre`), in any case.
    """
    said = answer.strip().casefold()
    for value in question.choices:
        if said == value.casefold():
            return value
        label = RELATIONSHIP_LABELS.get(value)
        if label is not None and said in (label.casefold(), _(label).casefold()):
            return value
    found = _CHOICE_WORDS.get(question.key, {}).get(said)
    return found if found in question.choices else None


def yes_no_hint(*, default: bool | None) -> str:
    """The answers a yes/no question takes, the default in capitals: "[y/N]", "[s/N]"."""
    if default is None:
        return _("[y/n]")
    return _("[Y/n]") if default else _("[y/N]")


def choice_words(value: str) -> str | None:
    """A choice's words in the interface language ("mother or father" for `parent`), or None
    when the value says it already (`other`, and `en`/`es`, which have no words)."""
    label = _(RELATIONSHIP_LABELS[value]) if value in RELATIONSHIP_LABELS else value
    return None if label.casefold() == value.replace("-", " ") else label


def choice_labels(question: Question) -> list[str]:
    """Each choice as typed, with its words in the interface language when they differ.

    "parent (mother or father)", "parent (madre o padre)"; "conservator" alone in English.
    """
    labels = []
    for value in question.choices:
        words = choice_words(value)
        labels.append(value if words is None else f"{value} ({words})")
    return labels
