"""Any document plancli writes (a letter now; a chronology or a filing next) as a file.

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


Block = Heading | Paragraph | Bullets | SignatureGroup


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


def _flat(blocks: tuple[Block, ...]) -> list[Heading | Paragraph | Bullets]:
    """The blocks in reading order, with a signature group's own blocks in its place."""
    found: list[Heading | Paragraph | Bullets] = []
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

    body = []
    for block in _flat(document.blocks):
        if isinstance(block, Bullets):
            items = "".join(f"  <li>{escape(item)}</li>\n" for item in block.items)
            body.append(f"<ul>\n{items}</ul>")
        elif isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            body.append(f"<h{level}>{escape(block.text)}</h{level}>")
        else:
            body.append("<p>" + "<br>\n".join(escape(_text(line)) for line in block.lines) + "</p>")
    style = (
        "body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 40em; margin: 2em auto; "
        "line-height: 1.45; }"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(document.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(document.title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


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
    for block in _flat(document.blocks):
        if isinstance(block, Bullets):
            for item in block.items:
                word.add_paragraph(_xml(item), style="List Bullet")
        elif isinstance(block, Heading):
            word.add_heading(_xml(block.text), level=min(max(block.level, 1), 9))
        else:
            paragraph = word.add_paragraph()
            for i, line in enumerate(block.lines):
                run = paragraph.add_run(_xml(_text(line)))
                run.bold = isinstance(line, Subject)
                if i < len(block.lines) - 1:
                    run.add_break()
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()


# --------------------------------------------------------------------------------------------
# PDF

FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
_PDF_LINE = 5.6  # mm: the line height of 11 pt text
_PDF_GAP = 3  # mm between paragraphs
_HEADING_SIZE = {1: 14, 2: 12}  # pt; deeper levels print at the text's 11 pt, in bold


def to_pdf(document: Document) -> bytes:
    """A US Letter PDF (fpdf2) in DejaVu Sans, which prints Spanish letters, § and quotes."""
    from contextlib import ExitStack

    from fpdf import FPDF

    pdf = FPDF(format="Letter", unit="mm")
    pdf.set_margins(25, 22, 25)
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.set_title(document.title)
    pdf.set_lang(document.lang)
    pdf.set_creator("plancli")
    day = document.day
    pdf.set_creation_date(datetime(day.year, day.month, day.day, tzinfo=UTC))
    with ExitStack() as stack:
        fonts = resources.files("plancli") / "fonts"
        for style, filename in FONT_FILES.items():
            path = stack.enter_context(resources.as_file(fonts / filename))
            pdf.add_font("DejaVuSans", style, str(path))
        pdf.add_page()
        for block in document.blocks:
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
        return bytes(pdf.output())


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
    for style, indent, text in cells:
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
