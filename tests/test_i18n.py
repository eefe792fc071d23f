"""The interface language (SPEC §9): resolution, switching, translation, plurals, answers."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from plancli import i18n
from plancli.errors import PlanFileError, UnknownLanguageError, suggestion
from plancli.i18n import _, language_of, ngettext, pgettext, resolve_language, set_language
from plancli.questions import (
    INIT_QUESTIONS,
    LANGUAGE_QUESTION,
    RELATIONSHIP_LABELS,
    choice_labels,
    yes_no_hint,
)
from plancli.vocab import LANGUAGES, answer_yes_no, list_answer


@pytest.fixture
def spanish() -> Iterator[None]:
    previous = set_language("es")
    yield
    set_language(previous)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("es", "es"),
        ("ES", "es"),
        ("es_MX.UTF-8", "es"),
        ("es-419", "es"),
        ("es_US@euro", "es"),
        (" en ", "en"),
        ("en_US.UTF-8", "en"),
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("fr_FR.UTF-8", None),
        ("espanol", None),
        ("", None),
    ],
)
def test_language_of(value: str, expected: str | None) -> None:
    assert language_of(value) == expected


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        (None, {}, "en"),
        ("es", {}, "es"),
        ("en", {"PLANCLI_LANG": "es", "LANG": "es_MX.UTF-8"}, "en"),  # --lang wins
        (None, {"PLANCLI_LANG": "es", "LANG": "en_US.UTF-8"}, "es"),  # then PLANCLI_LANG
        (None, {"PLANCLI_LANG": "en", "LANG": "es_MX.UTF-8"}, "en"),
        (None, {"PLANCLI_LANG": "fr", "LANG": "es_MX.UTF-8"}, "en"),  # unknown: English
        (None, {"PLANCLI_LANG": "  ", "LANG": "es_MX.UTF-8"}, "es"),  # blank: not set
        (None, {"LANG": "es_MX.UTF-8"}, "es"),
        (None, {"LANG": "es"}, "es"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        (None, {"LC_ALL": "es_AR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "es"),
        # POSIX: the first variable that is set decides, even when it is not Spanish.
        (None, {"LC_ALL": "C", "LANG": "es_MX.UTF-8"}, "en"),
        (None, {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "es_MX.UTF-8"}, "es"),
    ],
)
def test_resolve_language(option: str | None, environ: dict[str, str], expected: str) -> None:
    assert resolve_language(option, environ) == expected


def test_an_explicit_unknown_language_is_an_error_that_says_what_to_use() -> None:
    with pytest.raises(UnknownLanguageError) as caught:
        resolve_language("fr", {"LANG": "es_MX.UTF-8"})
    assert str(caught.value) == (
        "'fr' is not a language plancli speaks. Use --lang en or --lang es."
    )


def test_resolve_language_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PLANCLI_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert resolve_language() == "es"
    monkeypatch.setenv("PLANCLI_LANG", "en")
    assert resolve_language() == "en"


def test_english_is_the_default_and_returns_the_source_text() -> None:
    assert i18n.current_language() == "en"
    assert _("Did you mean: {names}?") == "Did you mean: {names}?"
    assert pgettext("answer", "yes") == "yes"


def test_set_language_returns_the_previous_language_and_switches_back() -> None:
    assert set_language("es") == "en"
    try:
        assert i18n.current_language() == "es"
        assert _("Did you mean: {names}?") == "¿Quiso decir: {names}?"
    finally:
        assert set_language("en") == "es"
    assert _("Did you mean: {names}?") == "Did you mean: {names}?"


def test_set_language_refuses_a_language_plancli_does_not_speak() -> None:
    with pytest.raises(UnknownLanguageError, match="'fr' is not one of en, es"):
        set_language("fr")
    assert i18n.current_language() == "en"


@pytest.mark.usefixtures("spanish")
def test_a_message_without_a_translation_is_shown_in_english() -> None:
    assert _("A message nobody has marked") == "A message nobody has marked"
    assert pgettext("answer", "A word nobody has marked") == "A word nobody has marked"
    assert ngettext("{n} thing", "{n} things", 2) == "{n} things"


def test_the_catalog_is_read_once_per_process() -> None:
    assert i18n.load_catalog("es") is i18n.load_catalog("es")


def test_english_never_opens_a_catalog() -> None:
    """The English start-up pays nothing for Spanish: no .mo file is opened."""
    code = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: opened.append(str(args[0]))"
        " if event == 'open' and str(args[0]).endswith('.mo') else None)\n"
        "from plancli import i18n\n"
        "from plancli.errors import PlanFileError\n"
        "i18n.set_language(i18n.resolve_language(None, {'LANG': 'en_US.UTF-8'}))\n"
        "str(PlanFileError('plan.yaml', ['x', 'y']))\n"
        "print(opened, 'gettext' in sys.modules and i18n.load_catalog.cache_info().currsize)\n"
        "i18n.set_language('es')\n"
        "print([name.rsplit('/', 4)[-4:] for name in opened])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    english, spanish = result.stdout.splitlines()
    assert english in ("[] 0", "[] False")
    assert spanish == "[['locale', 'es', 'LC_MESSAGES', 'plancli.mo']]"


@pytest.mark.parametrize(
    ("n", "english", "spanish"),
    [
        (0, "plan.yaml has 0 problems:", "plan.yaml tiene 0 problemas:"),
        (1, "plan.yaml has 1 problem:", "plan.yaml tiene 1 problema:"),
        (2, "plan.yaml has 2 problems:", "plan.yaml tiene 2 problemas:"),
        (21, "plan.yaml has 21 problems:", "plan.yaml tiene 21 problemas:"),
    ],
)
def test_plural_forms_follow_the_catalog(n: int, english: str, spanish: str) -> None:
    singular, plural = "{path} has {n} problem:", "{path} has {n} problems:"
    assert ngettext(singular, plural, n).format(path="plan.yaml", n=n) == english
    previous = set_language("es")
    try:
        assert ngettext(singular, plural, n).format(path="plan.yaml", n=n) == spanish
        first_line = str(PlanFileError("plan.yaml", ["line"] * n)).splitlines()[0]
        assert first_line == spanish
    finally:
        set_language(previous)


def test_plan_file_error_in_english_is_worded_as_before() -> None:
    assert str(PlanFileError("p.yaml", ["child.name: missing"])) == (
        "p.yaml has 1 problem:\n"
        "  child.name: missing\n"
        "Fix these lines in the file (any text editor will do), then run `plancli check` to "
        "confirm."
    )


@pytest.mark.usefixtures("spanish")
def test_plan_file_error_in_spanish() -> None:
    assert str(PlanFileError("p.yaml", ["a", "b"])) == (
        "p.yaml tiene 2 problemas:\n"
        "  a\n"
        "  b\n"
        "Corrija estas líneas en el archivo (sirve cualquier editor de texto) y luego ejecute "
        "`plancli check` para confirmarlo."
    )
    assert suggestion("iep-meting", ["iep-meeting", "ipp-meeting"]) == (
        " ¿Quiso decir: iep-meeting, ipp-meeting?"
    )
    assert suggestion("zzz", ["iep-meeting"]) == ""


# --- answers to questions (SPEC §9: s, sí, si, n, no) -------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("s", True),
        ("S", True),
        ("sí", True),
        ("SÍ", True),
        ("si", True),
        ("Si", True),
        ("si\u0301", True),  # "sí" typed with a combining accent (NFD)
        ("  sí  ", True),
        ("y", True),
        ("yes", True),
        ("n", False),
        ("N", False),
        ("no", False),
        ("NO", False),
        ("x", None),
        ("sip", None),
        ("nop", None),
        ("2", None),
        ("s n", None),
    ],
)
def test_answer_yes_no(typed: str, expected: bool | None) -> None:
    assert answer_yes_no(typed) is expected
    assert answer_yes_no(typed, default=not expected) is expected


@pytest.mark.parametrize("default", [True, False, None])
def test_an_empty_answer_is_the_default(default: bool | None) -> None:
    assert answer_yes_no("", default=default) is default
    assert answer_yes_no("   ", default=default) is default


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "reading, speech and language, attention",
            ("reading", "speech and language", "attention"),
        ),
        ("reading; attention", ("reading", "attention")),
        ("lectura, habla; atención", ("lectura", "habla", "atención")),
        ("reading,, ,attention, ", ("reading", "attention")),
        ("reading", ("reading",)),
        ("", ()),
        (" , ; ", ()),
    ],
)
def test_list_answer_accepts_commas_and_semicolons(typed: str, expected: tuple[str, ...]) -> None:
    assert list_answer(typed) == expected


@pytest.mark.parametrize(
    ("default", "english", "spanish"),
    [(None, "[y/n]", "[s/n]"), (True, "[Y/n]", "[S/n]"), (False, "[y/N]", "[s/N]")],
)
def test_yes_no_hint(default: bool | None, english: str, spanish: str) -> None:
    assert yes_no_hint(default=default) == english
    previous = set_language("es")
    try:
        assert yes_no_hint(default=default) == spanish
    finally:
        set_language(previous)


# --- init's questions ----------------------------------------------------------------------


def test_init_asks_language_first_then_the_questions_of_spec_9() -> None:
    assert LANGUAGE_QUESTION.choices == LANGUAGES
    assert "Language" in LANGUAGE_QUESTION.prompt
    assert "Idioma" in LANGUAGE_QUESTION.prompt
    keys = [question.key for question in INIT_QUESTIONS]
    assert keys[:2] == ["child.name", "child.birth_date"]
    for key in (
        "school.name",
        "school.address",
        "school.district",
        "regional_center.name",
        "family.phone",
        "family.email",
        "family.relationship",
        "family.language",
    ):
        assert key in keys
    assert len(set(keys)) == len(keys)
    options = [question.option for question in (LANGUAGE_QUESTION, *INIT_QUESTIONS)]
    assert len(set(options)) == len(options)
    assert all(option.startswith("--") for option in options)
    required = [question.key for question in INIT_QUESTIONS if question.required]
    assert required == ["child.name", "child.birth_date"]
    assert [q.key for q in INIT_QUESTIONS if q.is_list] == ["child.concerns"]


def test_relationships_are_the_values_of_spec_6_1() -> None:
    assert tuple(RELATIONSHIP_LABELS) == (
        "parent",
        "guardian",
        "foster-parent",
        "educational-rights-holder",
        "conservator",
        "student",
        "other",
    )


def test_init_questions_in_spanish() -> None:
    by_key = {question.key: question for question in INIT_QUESTIONS}
    relationship = by_key["family.relationship"]
    assert choice_labels(relationship)[:3] == [
        "parent (mother or father)",
        "guardian (legal guardian)",
        "foster-parent",
    ]
    assert "conservator" in choice_labels(relationship)
    previous = set_language("es")
    try:
        assert _(by_key["child.name"].prompt) == "Nombre del niño o la niña"
        assert _(by_key["school.address"].prompt) == "Dirección de la escuela (opcional)"
        assert choice_labels(relationship)[:4] == [
            "parent (padre o madre)",
            "guardian (tutor legal)",
            "foster-parent (padre o madre de crianza)",
            "educational-rights-holder (titular de los derechos educativos)",
        ]
        assert choice_labels(by_key["family.language"]) == ["en", "es"]
    finally:
        set_language(previous)
