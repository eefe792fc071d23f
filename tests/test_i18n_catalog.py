"""The message catalogs: complete, compiled, and the rule catalogue in Spanish (SPEC §9).

When one of these fails after a message changed: `python -m plancli.i18n_tools update`,
translate the new entries in src/plancli/locale/es/LC_MESSAGES/plancli.po, then
`python -m plancli.i18n_tools compile`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from functools import cache
from gettext import GNUTranslations

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from plancli import i18n_tools
from plancli.i18n import _, load_catalog, set_language
from plancli.rules import ALL_RULES, Rule

UPDATE = "run `python -m plancli.i18n_tools update`, translate, then `... compile`"


@cache
def fresh() -> Catalog:
    return i18n_tools.extract_catalog()


@cache
def committed_po(language: str) -> Catalog:
    with i18n_tools.po_path(language).open("rb") as stream:
        return read_po(stream, locale=language)


def ids(catalog: Catalog) -> set[tuple[str, str | None]]:
    """(msgid, context) of each message; a plural message by its singular."""
    return {(_singular(message.id), message.context) for message in catalog if message.id}


def _singular(msgid: object) -> str:
    return str(msgid[0] if isinstance(msgid, tuple | list) else msgid)


@pytest.fixture
def spanish() -> Iterator[None]:
    previous = set_language("es")
    yield
    set_language(previous)


@pytest.mark.parametrize("language", i18n_tools.TRANSLATED)
def test_every_extracted_message_has_a_translation(language: str) -> None:
    missing = i18n_tools.untranslated(language)
    assert not missing, f"{language}: no translation for {missing}; {UPDATE}"


def test_the_extraction_finds_marked_messages_and_rule_texts() -> None:
    """Guards the test above against an extraction that silently finds nothing."""
    found = {message.id for message in fresh()}
    assert "Did you mean: {names}?" in found
    assert ("{path} has {n} problem:", "{path} has {n} problems:") in found
    assert "Child's name" in found  # N_() in questions.py
    assert ALL_RULES[0].title in found  # the rule extractor
    assert ALL_RULES[-1].summary in found


def test_the_template_is_up_to_date_with_the_source() -> None:
    with i18n_tools.TEMPLATE.open("rb") as stream:
        template = read_po(stream)
    assert ids(template) == ids(fresh()), f"plancli.pot is stale: {UPDATE}"


@pytest.mark.parametrize("language", i18n_tools.TRANSLATED)
def test_the_catalog_has_no_message_the_source_no_longer_has(language: str) -> None:
    extra = ids(committed_po(language)) - ids(fresh())
    assert not extra, f"{language}: messages no longer in the source: {extra}; {UPDATE}"


@pytest.mark.parametrize("language", i18n_tools.TRANSLATED)
def test_the_compiled_catalog_is_not_stale(language: str) -> None:
    recompiled = GNUTranslations(io.BytesIO(i18n_tools.compiled(language)))
    committed = load_catalog(language)  # as the program reads it, from the package
    assert committed._catalog == recompiled._catalog, (  # type: ignore[attr-defined]
        f"locale/{language}/LC_MESSAGES/plancli.mo differs from plancli.po: "
        "run `python -m plancli.i18n_tools compile`"
    )


def test_spanish_plural_forms_come_from_the_catalog_header() -> None:
    catalog = committed_po("es")
    assert catalog.num_plurals == 3  # CLDR's Spanish: one, many (millions), other
    translations = load_catalog("es")
    forms = [
        translations.ngettext("{path} has {n} problem:", "{path} has {n} problems:", n)
        for n in (0, 1, 2, 1_000_000)
    ]
    assert forms == [
        "{path} tiene {n} problemas:",
        "{path} tiene {n} problema:",
        "{path} tiene {n} problemas:",
        "{path} tiene {n} problemas:",
    ]


def _translations(language: str) -> Iterator[tuple[str, str]]:
    for message in committed_po(language):
        if not message.id:
            continue
        msgid = message.id[-1] if isinstance(message.id, tuple | list) else message.id
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        for string in strings:
            yield str(msgid), str(string)


PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def test_translations_keep_every_placeholder() -> None:
    for msgid, string in _translations("es"):
        assert sorted(PLACEHOLDER.findall(string)) == sorted(PLACEHOLDER.findall(msgid)), msgid


# Forms the shared glossary (docs/glossary-es.md) rules out, and what it writes instead.
NOT_THE_GLOSSARY = {
    "madre/padre": "madre o padre, or a neutral form",
    "estimado/a": "a neutral salutation",
    "notificación de acción": "aviso de acción (the settled term for the notice of action)",
    "días calendario": "días naturales",
    "días laborables": "días hábiles",
    "plan de educación individualizado": "Programa de Educación Individualizado (IEP)",
}


def test_spanish_follows_the_glossary() -> None:
    for msgid, string in _translations("es"):
        assert string != msgid, f"copied, not translated: {msgid!r}"
        for wrong, right in NOT_THE_GLOSSARY.items():
            assert wrong not in string.casefold(), f"{msgid!r}: write {right!r}, not {wrong!r}"


@pytest.mark.usefixtures("spanish")
@pytest.mark.parametrize("rule", ALL_RULES, ids=[rule.id for rule in ALL_RULES])
def test_every_rule_has_its_spanish_title_and_statement(rule: Rule) -> None:
    texts = [rule.title, rule.summary, *(variant.when for variant in rule.variants)]
    for text in texts:
        spanish = _(text)
        assert spanish != text, f"{rule.id}: no Spanish for {text!r}; {UPDATE}"
        assert spanish.strip() == spanish
        assert spanish[0].isupper() == text[0].isupper()
    # Acronyms families meet in English documents stay next to the Spanish name.
    for acronym in ("IEP", "IPP", "IFSP", "OCR", "OAH", "DDS", "HCBS"):
        english = sum(acronym in text for text in texts)
        assert sum(acronym in _(text) for text in texts) >= english, (rule.id, acronym)
