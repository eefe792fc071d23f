"""Documents laid out as pages of text (letters and filings) as .txt, .md, .html, .docx, .pdf.

A `Document` is data: its language, title, date, plain text and typed blocks (paragraphs,
bullet lists, headings, a signature group). Whoever builds one decides what each block is
from what it knows (the letters package owns its words); this module only lays the blocks out
and never reads the words, so a document in any language prints the same way.

Pure: it returns the bytes of a .txt, .md, .html, .docx or .pdf file and writes nothing
(`store.write_private_file` does). python-docx and fpdf2 are imported inside the functions that
use them, so that start-up does not pay for them.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from typing import Any

FORMATS = (".txt", ".md", ".html", ".docx", ".pdf")


@dataclass(frozen=True, slots=True)
class Subject:
    """A document's subject line (what it is about), printed in bold in a .docx and a .pdf."""

    text: str


Line = str | Subject


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Lines printed one under the other (line breaks, not new paragraphs)."""

    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bulleted list, one item per entry."""

    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; level 1 is the largest."""

    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class SignatureGroup:
    """The closing, the signature line and the signer's name: a page never splits them."""

    blocks: tuple[Heading | Paragraph | Bullets, ...]


@dataclass(frozen=True, slots=True)
class PageBreak:
    """What follows starts a new page (a filing's proof of service, a guide to a form)."""


Block = Heading | Paragraph | Bullets | SignatureGroup | PageBreak


@dataclass(frozen=True, slots=True)
class Document:
    """A document ready to print. `text` is its plain-text (Markdown) form, written to .txt and
    .md as it is; `blocks` is the same content by kind, for the other formats. `day` dates the
    files' metadata, so the same document always gives the same bytes."""

    lang: str
    title: str
    day: date
    text: str
    blocks: tuple[Block, ...]
    # A document longer than a page: the line printed atop every page but the first (the
    # child's name and the date), and the page number's words, "Page {page} of {pages}".
    running_head: str = ""
    page_label: str = ""
    # A document in several languages: each part is a document of its own language, printed
    # one after the other, each from a new page and numbered on its own (`blocks` unused).
    parts: tuple[Document, ...] = ()


class UnprintableError(ValueError):
    """A character the bundled PDF fonts have no glyph for (never dropped silently)."""

    def __init__(self, character: str, context: str) -> None:
        super().__init__(character)
        self.character = character
        self.context = context  # the text it is in, for the message


def document_bytes(document: Document, suffix: str) -> bytes:
    """The document as the contents of a file with this suffix (one of FORMATS, any case).

    Raises:
        ValueError: another suffix (callers check it against FORMATS first, to say so).
    """
    match suffix.lower():
        case ".txt" | ".md":
            return document.text.encode("utf-8")
        case ".html":
            return to_html(document).encode("utf-8")
        case ".docx":
            return to_docx(document)
        case ".pdf":
            return to_pdf(document)
    raise ValueError(f"no document format for {suffix!r}; one of {', '.join(FORMATS)}")


def _flat(blocks: tuple[Block, ...]) -> list[Heading | Paragraph | Bullets | PageBreak]:
    """The blocks in reading order, with a signature group's own blocks in its place."""
    found: list[Heading | Paragraph | Bullets | PageBreak] = []
    for block in blocks:
        if isinstance(block, SignatureGroup):
            found.extend(block.blocks)
        else:
            found.append(block)
    return found


def _text(line: Line) -> str:
    return line.text if isinstance(line, Subject) else line


# --------------------------------------------------------------------------------------------
# HTML


def to_html(document: Document) -> str:
    """A small, self-contained HTML page; every piece of text is escaped."""
    from html import escape

    if document.parts:
        sections = [
            f'<section lang="{escape(part.lang)}">\n' + _html_body(part) + "\n</section>"
            for part in document.parts
        ]
        body_text = "\n".join(sections)
    else:
        body_text = _html_body(document)
    style = (
        "body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 40em; margin: 2em auto; "
        "line-height: 1.45; }"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(document.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(document.title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        + body_text
        + "\n</body>\n</html>\n"
    )


def _html_body(document: Document) -> str:
    from html import escape

    body = []
    for block in _flat(document.blocks):
        if isinstance(block, PageBreak):
            body.append('<hr style="break-after: page">')
        elif isinstance(block, Bullets):
            items = "".join(f"  <li>{escape(item)}</li>\n" for item in block.items)
            body.append(f"<ul>\n{items}</ul>")
        elif isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            body.append(f"<h{level}>{escape(block.text)}</h{level}>")
        else:
            body.append("<p>" + "<br>\n".join(escape(_text(line)) for line in block.lines) + "</p>")
    return "\n".join(body)


# --------------------------------------------------------------------------------------------
# DOCX

# What XML 1.0, so a .docx, cannot hold (python-docx raises ValueError): control characters
# other than tab and line ends (a --set value or a plan's "\a" escape may carry them), lone
# surrogates, U+FFFE and U+FFFF. Left out of the document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


def to_docx(document: Document) -> bytes:
    """A Word document (python-docx) a parent can edit, print and sign."""
    from docx import Document as WordDocument
    from docx.shared import Pt

    word = WordDocument()
    normal = word.styles["Normal"]
    normal.font.size = Pt(11)
    props = word.core_properties
    stamp = datetime(document.day.year, document.day.month, document.day.day, tzinfo=UTC)
    props.title = _xml(document.title)
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.language = document.lang
    props.created = stamp
    props.modified = stamp
    _docx_default_language(word, document.lang)
    for i, part in enumerate(document.parts or (document,)):
        if i:
            from docx.enum.text import WD_BREAK

            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _docx_blocks(word, part)
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()


def _language_tag(lang: str) -> str:
    """The language tag Word and PDF readers use: US English and US Spanish."""
    return {"en": "en-US", "es": "es-US"}.get(lang, lang)


def _docx_set_language(properties: Any, lang: str) -> None:
    """<w:lang w:val="es-US"/> in a run's (or a style's) properties: spelling and screen
    readers follow it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    found = properties.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        properties.append(found)
    found.set(qn("w:val"), _language_tag(lang))


def _docx_default_language(word: Any, lang: str) -> None:
    """The document's default language (docDefaults and the Normal style): the template
    python-docx starts from says en-US."""
    from docx.oxml.ns import qn

    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
        _docx_set_language(run_defaults.find(qn("w:rPr")), lang)
    _docx_set_language(word.styles["Normal"].element.get_or_add_rPr(), lang)


def _docx_blocks(word: Any, document: Document) -> None:
    """A document's blocks, each run tagged with the document's language."""

    def tagged(run: Any) -> Any:
        _docx_set_language(run._r.get_or_add_rPr(), document.lang)
        return run

    for block in _flat(document.blocks):
        if isinstance(block, PageBreak):
            from docx.enum.text import WD_BREAK

            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, Bullets):
            for item in block.items:
                for run in word.add_paragraph(_xml(item), style="List Bullet").runs:
                    tagged(run)
        elif isinstance(block, Heading):
            heading = word.add_heading(_xml(block.text), level=min(max(block.level, 1), 9))
            for run in heading.runs:
                tagged(run)
        else:
            paragraph = word.add_paragraph()
            for i, line in enumerate(block.lines):
                run = tagged(paragraph.add_run(_xml(_text(line))))
                run.bold = isinstance(line, Subject)
                if i < len(block.lines) - 1:
                    run.add_break()


# --------------------------------------------------------------------------------------------
# PDF

FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
_PDF_LINE = 5.6  # mm: the line height of 11 pt text
_PDF_GAP = 3  # mm between paragraphs
_HEADING_SIZE = {1: 14, 2: 12}  # pt; deeper levels print at the text's 11 pt, in bold


def to_pdf(document: Document) -> bytes:
    """A US Letter PDF (fpdf2) in DejaVu Sans, which prints Spanish letters, § and quotes.

    A part longer than a page numbers its pages ("Page 1 of 2", its `page_label`) with its
    `running_head` atop every page but the first. Both sit in the margins, so a first pass
    without them gives the pages of each part, and the second prints them.

    Raises:
        UnprintableError: a character the fonts cannot print (the caller says which).
    """
    parts = document.parts or (document,)
    _check_printable(parts)
    starts, total, _ = _pdf_pages(document, parts, None)
    counts = [end - start for start, end in zip(starts, [*starts[1:], total + 1], strict=True)]
    return _pdf_pages(document, parts, (starts, counts))[2]


@cache
def _font_characters() -> frozenset[int]:
    """The code points every bundled font can print."""
    from fpdf import FPDF

    pdf = FPDF()
    covered: frozenset[int] | None = None
    with _fonts(pdf):
        for font in pdf.fonts.values():
            points = frozenset(getattr(font, "cmap", {}))
            covered = points if covered is None else covered & points
    return covered or frozenset()


# Control characters and non-characters print nothing: a PDF leaves them out, as a .docx does
# (`_NOT_XML`). Any other character the fonts lack is an error, never a silent gap.
_NOT_PRINTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _printed(text: str) -> str:
    return _NOT_PRINTED.sub("", text)


def _check_printable(parts: tuple[Document, ...]) -> None:
    covered = _font_characters()
    for part in parts:
        for text in (part.running_head, part.page_label, *_texts(part.blocks)):
            for character in _printed(text):
                if character not in "\n\t" and ord(character) not in covered:
                    raise UnprintableError(character, _printed(text))


def _texts(blocks: tuple[Block, ...]) -> list[str]:
    found: list[str] = []
    for block in _flat(blocks):
        if isinstance(block, PageBreak):
            continue
        if isinstance(block, Bullets):
            found.extend(block.items)
        elif isinstance(block, Heading):
            found.append(block.text)
        else:
            found.extend(_text(line) for line in block.lines)
    return found


def _fonts(pdf: Any) -> Any:
    """A context in which the bundled fonts are added to `pdf`."""
    from contextlib import ExitStack

    stack = ExitStack()
    fonts = resources.files("plancli") / "fonts"
    for style, filename in FONT_FILES.items():
        path = stack.enter_context(resources.as_file(fonts / filename))
        pdf.add_font("DejaVuSans", style, str(path))
    return stack


def _pdf_pages(
    document: Document,
    parts: tuple[Document, ...],
    numbering: tuple[list[int], list[int]] | None,
) -> tuple[list[int], int, bytes]:
    """Lay the parts out; return the first page of each part, the page count and the PDF.
    With `numbering` (first pages and page counts of the parts), print the page numbers and
    running heads of every part longer than a page."""
    from fpdf import FPDF

    class _Pages(FPDF):
        def _part(self) -> tuple[Document, int, int] | None:
            if numbering is None:
                return None
            starts, counts = numbering
            index = max(i for i, start in enumerate(starts) if start <= self.page_no())
            if counts[index] < 2:
                return None
            return parts[index], self.page_no() - starts[index] + 1, counts[index]

        def header(self) -> None:
            found = self._part()
            if found is None or found[1] == 1 or not found[0].running_head:
                return
            self.set_font("DejaVuSans", "", 9)
            self.set_y(10)
            self.cell(0, 5, _printed(found[0].running_head), align="L")
            self.set_y(self.t_margin)

        def footer(self) -> None:
            found = self._part()
            if found is None or not found[0].page_label:
                return
            part, page, pages = found
            self.set_font("DejaVuSans", "", 9)
            self.set_y(-15)
            self.cell(0, 5, part.page_label.format(page=page, pages=pages), align="C")

    pdf = _Pages(format="Letter", unit="mm")
    pdf.set_margins(25, 22, 25)
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.set_title(document.title)
    pdf.set_lang(_language_tag(document.lang))
    pdf.set_creator("plancli")
    day = document.day
    pdf.set_creation_date(datetime(day.year, day.month, day.day, tzinfo=UTC))
    starts: list[int] = []
    with _fonts(pdf):
        for part in parts:
            pdf.add_page()
            starts.append(pdf.page_no())
            _pdf_part(pdf, part)
        data = bytes(pdf.output())
    return starts, pdf.page_no(), data


def _pdf_part(pdf: Any, document: Document) -> None:
    for block in document.blocks:
        if isinstance(block, PageBreak):
            pdf.add_page()
            continue
        if not isinstance(block, SignatureGroup):
            _pdf_block(pdf, block)
            pdf.ln(_PDF_GAP)
            continue
        if pdf.get_y() > pdf.t_margin:
            # The whole group on one page: when it does not fit on this one, it starts the
            # next.
            gaps = _PDF_GAP * (len(block.blocks) - 1)
            height = gaps + sum(_pdf_block(pdf, inner, measure=True) for inner in block.blocks)
            if pdf.will_page_break(height):
                pdf.add_page()
        for inner in block.blocks:
            _pdf_block(pdf, inner)
            pdf.ln(_PDF_GAP)


def _pdf_block(pdf: Any, block: Heading | Paragraph | Bullets, *, measure: bool = False) -> float:
    """Write one block; with `measure`, write nothing and return its height in mm (0 when
    written)."""
    height = 0.0
    size, line_height = 11, _PDF_LINE
    if isinstance(block, Bullets):
        cells = [("", 4, f"•  {item}") for item in block.items]
    elif isinstance(block, Heading):
        size = _HEADING_SIZE.get(block.level, 11)
        line_height = _PDF_LINE * size / 11
        cells = [("B", 0, block.text)]
    else:
        cells = [("B" if isinstance(line, Subject) else "", 0, _text(line)) for line in block.lines]
    for style, indent, raw in cells:
        text = _printed(raw)
        pdf.set_font("DejaVuSans", style, size)
        width = pdf.epw - indent
        if measure:
            wrapped = pdf.multi_cell(
                width, line_height, text, align="L", dry_run=True, output="LINES"
            )
            height += line_height * len(wrapped)
            continue
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width, line_height, text, align="L", new_x="LMARGIN", new_y="NEXT")
    return height
