"""The glossary: the data module and docs/glossary-es.md say the same thing, once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plancli.glossary import GROUPS, SOURCES, cite_es, concern_es

DOC = Path(__file__).resolve().parent.parent / "docs" / "glossary-es.md"
_GROUP_HEADING = re.compile(r"^## .*<!-- group: ([a-z-]+) -->\s*$")


def _doc_groups() -> dict[str, list[tuple[str, str, str, str]]]:
    """The rows of each group table of the doc: (English, Spanish, source, note)."""
    groups: dict[str, list[tuple[str, str, str, str]]] = {}
    current: str | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = _GROUP_HEADING.match(line)
        if heading:
            current = heading.group(1)
            groups[current] = []
        elif line.startswith("## "):
            current = None
        elif current and line.startswith("| ") and not line.startswith(("| ---", "| English")):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            assert len(cells) == 4, line
            groups[current].append((cells[0], cells[1], cells[2], cells[3]))
    return groups


def test_doc_and_module_list_the_same_terms_in_the_same_groups() -> None:
    module = {key: [(t.en, t.es, t.source, t.note) for t in terms] for key, terms in GROUPS.items()}
    assert _doc_groups() == module


def test_no_english_term_appears_twice() -> None:
    seen: dict[str, str] = {}
    for key, terms in GROUPS.items():
        for term in terms:
            folded = term.en.casefold()
            assert folded not in seen, f"{term.en!r} in {key} and in {seen[folded]}"
            seen[folded] = key


def test_every_term_names_a_known_source_and_sources_have_addresses() -> None:
    for terms in GROUPS.values():
        for term in terms:
            assert term.source in SOURCES, term
            assert term.es.strip()
            assert term.en.strip()
    for key, source in SOURCES.items():
        assert key == "translator" or source.address.startswith("http"), key


def test_doc_lists_every_source_address() -> None:
    text = DOC.read_text(encoding="utf-8")
    for source in SOURCES.values():
        assert source.address in text


def test_spanish_terms_never_use_slashed_gender_forms() -> None:
    for terms in GROUPS.values():
        for term in terms:
            assert "/" not in term.es, term


@pytest.mark.parametrize(
    ("typed", "spanish"),
    [
        ("reading", "lectura"),
        ("Speech and language", "habla y lenguaje"),
        ("  fine   MOTOR ", "motricidad fina"),
        ("attention.", "atención"),
        ("behavior", "conducta"),
        ("sensory processing", "procesamiento sensorial"),
    ],
)
def test_concern_es_translates_what_a_plan_lists(typed: str, spanish: str) -> None:
    assert concern_es(typed) == spanish


def test_concern_es_is_none_for_an_unknown_concern() -> None:
    assert concern_es("trouble with the bus driver") is None


@pytest.mark.parametrize(
    ("code", "section", "spanish"),
    [
        (
            "Cal. Educ. Code",
            "56321(a)",
            "el artículo 56321(a) del Código de Educación de California",
        ),
        (
            "34 CFR",
            "300.503",
            "el título 34 del Código de Regulaciones Federales (CFR), sección 300.503",
        ),
        (
            "Welf. & Inst. Code",
            "4715(a)",
            "el artículo 4715(a) del Código de Bienestar e Instituciones de California",
        ),
        (
            "20 USC",
            "1415(b)",
            "el título 20 del Código de los Estados Unidos (USC), artículo 1415(b)",
        ),
        (
            "17 CCR",
            "52102",
            "el título 17 del Código de Regulaciones de California (CCR), sección 52102",
        ),
    ],
)
def test_cite_es_writes_law_the_spanish_way(code: str, section: str, spanish: str) -> None:
    assert cite_es(code, section) == spanish


def test_cite_es_refuses_a_code_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="Health & Safety Code"):
        cite_es("Health & Safety Code", "1234")


def test_break_es_glosses_a_district_break_name() -> None:
    from plancli.glossary import break_es

    assert break_es("Winter break") == "vacaciones de invierno"
    assert break_es("Thanksgiving Break") == "vacaciones de Acción de Gracias"
    assert break_es("Ski week") is None
