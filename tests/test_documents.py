"""documents.py: any Document as .txt/.html/.docx/.pdf, laid out from its blocks, never from its
words; and the letters package's layout (letters.layout), which reads its own words."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from plancli import documents
from plancli.documents import (
    Bullets,
    Document,
    Heading,
    Paragraph,
    SignatureGroup,
    Subject,
    document_bytes,
)
from plancli.letters.layout import letter_document, letter_title
from plancli.letters.specifics import ADDRESSED_BY, VALUES_FOR
from plancli.letters.wording import WORDINGS

DAY = date(2026, 12, 8)

# Words no language uses, so nothing can depend on them.
DOC = Document(
    lang="es",
    title="Cronología",
    day=DAY,
    text="plain text as written\n",
    blocks=(
        Heading("Cronología <1>"),
        Paragraph(("primera línea", Subject("Tema: algo"), "última & fin")),
        Bullets(("uno", "dos")),
        SignatureGroup((Paragraph(("Saludos",)), Paragraph(("___", "Nombre")))),
    ),
)


def test_txt_and_md_are_the_documents_text() -> None:
    assert document_bytes(DOC, ".txt") == b"plain text as written\n"
    assert document_bytes(DOC, ".MD") == b"plain text as written\n"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match=r"\.exe"):
        document_bytes(DOC, ".exe")


def test_html_from_blocks_escapes_every_text() -> None:
    html = document_bytes(DOC, ".html").decode()
    assert '<html lang="es">' in html
    assert "<title>Cronología</title>" in html
    assert "<h1>Cronología &lt;1&gt;</h1>" in html
    assert "<p>primera línea<br>\nTema: algo<br>\núltima &amp; fin</p>" in html
    assert "<ul>\n  <li>uno</li>\n  <li>dos</li>\n</ul>" in html
    assert "<p>Saludos</p>\n<p>___<br>\nNombre</p>\n</body>" in html


def test_docx_marks_the_subject_and_heading_by_kind() -> None:
    import docx

    word = docx.Document(io.BytesIO(document_bytes(DOC, ".docx")))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in word.paragraphs]
    assert paragraphs == [
        ("Heading 1", "Cronología <1>"),
        ("Normal", "primera línea\nTema: algo\núltima & fin"),
        ("List Bullet", "uno"),
        ("List Bullet", "dos"),
        ("Normal", "Saludos"),
        ("Normal", "___\nNombre"),
    ]
    runs = word.paragraphs[1].runs
    assert [run.bold for run in runs] == [False, True, False]
    assert word.core_properties.language == "es"
    assert word.core_properties.title == "Cronología"


def test_docx_leaves_out_what_xml_cannot_hold() -> None:
    bad = Document("en", "T\x07", DAY, "", (Paragraph(("a\x07b\ufffe",)), Bullets(("c\x1b",))))
    with zipfile.ZipFile(io.BytesIO(document_bytes(bad, ".docx"))) as archive:
        body = archive.read("word/document.xml").decode()
    assert ">ab<" in body
    assert ">c<" in body


def _pdf_pages(data: bytes) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_pdf_keeps_a_signature_group_on_one_page() -> None:
    """Filler that ends near the foot of page 1: the group moves to page 2 whole."""
    for lines in range(30, 42):
        filler = tuple(Paragraph((f"line {i}",)) for i in range(lines))
        group = SignatureGroup(
            (Paragraph(("Closing words",)), Paragraph(("Sign here", "The signer")))
        )
        pages = _pdf_pages(documents.to_pdf(Document("en", "T", DAY, "", (*filler, group))))
        on = [i for i, page in enumerate(pages) if "Closing words" in page]
        assert on == [i for i, page in enumerate(pages) if "The signer" in page], lines
    assert on == [1]  # the last filler leaves no room on page 1: the group moved


def test_pdf_prints_subject_headings_and_bullets() -> None:
    (page,) = _pdf_pages(documents.to_pdf(DOC))
    for text in ("Cronología <1>", "Tema: algo", "•  uno", "Nombre"):
        assert text in page


def test_layout_keeps_the_last_paragraph_with_the_closing() -> None:
    """The letter's last paragraph, and a short line of thanks, go with the closing; so does
    everything after the signature (an authorization, copy lines)."""
    text = (
        "Re: x\n\nBody.\n\nPlease confirm.\n\nThank you.\n\nSincerely,\n\nSignature: ___\n\n"
        "Ana\n\nCopy: Director\n"
    )
    document = letter_document(text, lang="en", title="x", day=DAY)
    group = document.blocks[-1]
    assert isinstance(group, SignatureGroup)
    assert group.blocks[0] == Paragraph(("Please confirm.",))
    assert group.blocks[-1] == Paragraph(("Copy: Director",))
    assert document.blocks[1] == Paragraph(("Body.",))


def test_pdf_numbers_the_pages_of_a_long_document() -> None:
    filler = tuple(Paragraph((f"line {i}",)) for i in range(40))
    long = Document(
        "es", "T", DAY, "", filler, running_head="Maya · hoy", page_label="Página {page} de {pages}"
    )
    pages = _pdf_pages(documents.to_pdf(long))
    assert len(pages) == 2
    assert "Página 1 de 2" in pages[0]
    assert "Página 2 de 2" in pages[1]
    assert "Maya · hoy" in pages[1]
    assert "Maya · hoy" not in pages[0]
    short = Document(
        "es", "T", DAY, "", filler[:3], running_head="Maya", page_label="Página {page} de {pages}"
    )
    assert "Página" not in _pdf_pages(documents.to_pdf(short))[0]


def test_pdf_refuses_a_character_its_fonts_lack() -> None:
    bad = Document("en", "T", DAY, "", (Paragraph(("Name: 王",)),))
    with pytest.raises(documents.UnprintableError) as raised:
        documents.to_pdf(bad)
    assert raised.value.character == "王"
    assert raised.value.context == "Name: 王"
    # Control characters print nothing: left out, not an error.
    documents.to_pdf(Document("en", "T", DAY, "", (Paragraph(("a\x07b\x1b",)),)))


def test_documents_module_never_reads_words() -> None:
    """Layout comes from the blocks: no language's layout words appear in the documents
    package."""
    folder = Path(documents.__file__).parent
    source = "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.py")))
    for words in WORDINGS.values():
        for marker in (words.subject_prefix, words.closing, words.signature_label):
            assert marker not in source, marker


@pytest.mark.parametrize("lang", sorted(WORDINGS))
def test_letter_layout_reads_the_letters_own_words(lang: str) -> None:
    w = WORDINGS[lang]
    text = (
        f"{w.subject_prefix}Asking\nChild: A\n\nBody.\n\n- one\n- two\n\n{w.closing}\n\n"
        f"{w.signature_label} ____\n\nAna\nParent\n"
    )
    document = letter_document(text, lang=lang, title="Asking", day=DAY)
    assert document.text == text
    assert document.blocks == (
        Paragraph((Subject(f"{w.subject_prefix}Asking"), "Child: A")),
        Paragraph(("Body.",)),
        Bullets(("one", "two")),
        SignatureGroup(
            (
                Paragraph((w.closing,)),
                Paragraph((f"{w.signature_label} ____",)),
                Paragraph(("Ana", "Parent")),
            )
        ),
    )
    assert letter_title(text, "name") == "Asking"
    assert letter_title("No subject\n", "name") == "name"


def test_a_letter_without_a_signature_line_has_no_group() -> None:
    document = letter_document("Hello.\n\nBye.\n", lang="en", title="t", day=DAY)
    assert document.blocks == (Paragraph(("Hello.",)), Paragraph(("Bye.",)))


def test_letter_specifics_are_registered_for_catalogue_letters() -> None:
    from plancli.letters import LETTERS_BY_NAME

    assert set(VALUES_FOR) | set(ADDRESSED_BY) <= set(LETTERS_BY_NAME)
    # A letter to one of two recipients, and the appeal: addressed to DDS, copied to the
    # regional center the plan names.
    assert set(ADDRESSED_BY) == {
        name for name, letter in LETTERS_BY_NAME.items() if letter.recipient.count(" or ")
    } | {"appeal-request"} | {name for name, letter in LETTERS_BY_NAME.items() if letter.filing}
