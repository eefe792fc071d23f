"""Reports: a document with tables and a drawn timeline (the case record, SPEC §8), as .docx
and .pdf; the HTML page with its SVG drawing is `plancli.timeline`."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from typing import Any

from plancli.documents.pages import (
    _PDF_GAP,
    FONT_FILES,
    Bullets,
    Heading,
    Paragraph,
    _pdf_block,
    _text,
    _xml,
)

# --------------------------------------------------------------------------------------------
# Reports: a document with tables and a drawn timeline (the case record, SPEC §8)
#
# Kept apart from `Document` and its renderers (letters): a report is laid out on a wide page
# and adds two kinds of block. The blocks are data in any language; the drawing's every mark
# carries the words its caller chose.


@dataclass(frozen=True, slots=True)
class Table:
    """Rows under a header row; `widths` are relative column widths."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Mark:
    """An event on the timeline: a dot, or a square for a letter sent."""

    day: date
    label: str
    square: bool = False


@dataclass(frozen=True, slots=True)
class Bar:
    """A deadline on the timeline, from `first` (its trigger) to `last` (its due date).

    `track`: which of its lane's stacked rows it is drawn on (bars that overlap in time get
    different tracks); `dashed`: a promise rather than law."""

    first: date
    last: date
    colour: str  # "#rrggbb"
    label: str
    track: int = 0
    dashed: bool = False


@dataclass(frozen=True, slots=True)
class Lane:
    label: str
    marks: tuple[Mark, ...]
    bars: tuple[Bar, ...]

    @property
    def tracks(self) -> int:
        return max((bar.track + 1 for bar in self.bars), default=0)


@dataclass(frozen=True, slots=True)
class Shade:
    """A span drawn shaded across every lane (a school break that pauses the clock)."""

    first: date
    last: date
    label: str


@dataclass(frozen=True, slots=True)
class Timeline:
    """A drawn timeline: lanes of marks and bars between `start` and `end`, shaded spans,
    a line on `today`, and a legend of (label, colour). `title` and `description` are its
    text equivalent."""

    title: str
    description: str
    start: date
    end: date
    lanes: tuple[Lane, ...]
    shades: tuple[Shade, ...]
    today: date
    today_label: str
    legend: tuple[tuple[str, str], ...]
    ticks: tuple[date, ...]  # the dates labelled on the axis

    def fraction(self, day: date) -> float:
        """Where `day` falls between start (0.0) and end (1.0)."""
        span = max((self.end - self.start).days, 1)
        return (day - self.start).days / span


ReportBlock = Heading | Paragraph | Bullets | Table | Timeline


@dataclass(frozen=True, slots=True)
class Report:
    """A wide document (landscape pages): headings, paragraphs, lists, tables, a timeline.
    `footer` is printed at the foot of every PDF page, before `page_words` ("Page {page} of
    {pages}", in the document's language)."""

    lang: str
    title: str
    day: date
    blocks: tuple[ReportBlock, ...]
    footer: str = ""
    page_words: str = "Page {page} of {pages}"


REPORT_FORMATS = (".docx", ".pdf")


def report_bytes(report: Report, suffix: str) -> bytes:
    """The report as a .pdf or .docx file's contents (ValueError for another suffix)."""
    match suffix.lower():
        case ".pdf":
            return report_pdf(report)
        case ".docx":
            return report_docx(report)
    raise ValueError(f"no report format for {suffix!r}; one of {', '.join(REPORT_FORMATS)}")


def report_docx(report: Report) -> bytes:
    """A Word document: the tables as Word tables; the timeline as its text equivalent (a
    word processor cannot redraw it; the PDF and the HTML page carry the drawing)."""
    from docx import Document as WordDocument
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    word = WordDocument()
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(279.4), Mm(215.9)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    word.styles["Normal"].font.size = Pt(10)
    props = word.core_properties
    stamp = datetime(report.day.year, report.day.month, report.day.day, tzinfo=UTC)
    props.title, props.author, props.last_modified_by = _xml(report.title), "", ""
    props.language, props.created, props.modified = report.lang, stamp, stamp
    for block in report.blocks:
        if isinstance(block, Table):
            _docx_table(word, block)
        elif isinstance(block, Timeline):
            word.add_paragraph(_xml(f"{block.title}. {block.description}"))
        elif isinstance(block, Bullets):
            for item in block.items:
                word.add_paragraph(_xml(item), style="List Bullet")
        elif isinstance(block, Heading):
            word.add_heading(_xml(block.text), level=min(max(block.level, 1), 9))
        else:
            word.add_paragraph(_xml("\n".join(_text(line) for line in block.lines)))
    if report.footer:
        section.footer.paragraphs[0].text = _xml(report.footer)
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()


def _docx_table(word: Any, block: Table) -> None:
    from docx.shared import Mm

    table = word.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    usable = 279.4 - 30
    total = sum(block.widths)
    for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(_xml(text)).bold = True
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = _xml(text)
    for column, width in zip(table.columns, block.widths, strict=True):
        for cell in column.cells:
            cell.width = Mm(usable * width / total)


_REPORT_MARGIN = 12  # mm
_LANE_LABEL = 42  # mm for the lane names at the left of the drawing
_MARK_ROW = 7  # mm: the row of event marks at the top of a lane
_TRACK = 3.2  # mm per stacked row of bars
_AXIS = 8  # mm under the lanes for the dates


def report_pdf(report: Report) -> bytes:
    """A landscape US Letter PDF (fpdf2, DejaVu Sans): the timeline drawn with lines and
    rectangles, tables with their header row repeated on every page, numbered pages."""
    from contextlib import ExitStack

    from fpdf import FPDF

    footer, page_words = report.footer, report.page_words

    class _Pages(FPDF):
        def footer(self) -> None:
            self.set_y(-10)
            self.set_font("DejaVuSans", "", 7)
            self.set_text_color(90, 90, 90)
            pages = page_words.format(page=self.page_no(), pages="{nb}")  # fpdf2 fills {nb}
            self.cell(0, 4, f"{footer}   {pages}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = _Pages(orientation="landscape", format="Letter", unit="mm")
    pdf.set_margins(_REPORT_MARGIN, _REPORT_MARGIN, _REPORT_MARGIN)
    pdf.set_auto_page_break(auto=True, margin=14)
    pdf.set_title(report.title)
    pdf.set_lang(report.lang)
    pdf.set_creator("plancli")
    day = report.day
    pdf.set_creation_date(datetime(day.year, day.month, day.day, tzinfo=UTC))
    with ExitStack() as stack:
        fonts = resources.files("plancli") / "fonts"
        for style, filename in FONT_FILES.items():
            path = stack.enter_context(resources.as_file(fonts / filename))
            pdf.add_font("DejaVuSans", style, str(path))
        pdf.add_page()
        for block in report.blocks:
            if isinstance(block, Table):
                _pdf_table(pdf, block)
            elif isinstance(block, Timeline):
                _pdf_timeline(pdf, block)
            else:
                _pdf_block(pdf, block)
            pdf.ln(_PDF_GAP)
        return bytes(pdf.output())


def _pdf_table(pdf: Any, block: Table) -> None:
    pdf.set_font("DejaVuSans", "", 8)
    pdf.set_draw_color(150, 150, 150)
    pdf.set_fill_color(255, 255, 255)  # the drawing's last colour must not fill the cells
    with pdf.table(
        col_widths=block.widths,
        text_align="LEFT",
        line_height=3.8,
        padding=1,
        headings_style=_heading_style(),
        repeat_headings=1,
    ) as table:
        for cells in (block.headers, *block.rows):
            row = table.row()
            for text in cells:
                row.cell(text)


def _heading_style() -> Any:
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD", fill_color=(235, 235, 235))


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _pdf_timeline(pdf: Any, block: Timeline) -> None:
    """The same drawing as the HTML page's SVG: lanes, shaded breaks, bars, marks, today."""
    lane_heights = [_MARK_ROW + _TRACK * lane.tracks + 3 for lane in block.lanes]
    height = sum(lane_heights) + _AXIS + 6
    if pdf.will_page_break(height + 12):
        pdf.add_page()
    _pdf_block(pdf, Heading(block.title, 2))
    top: float = pdf.get_y() + 4
    left: float = pdf.l_margin + _LANE_LABEL
    right: float = pdf.w - pdf.r_margin
    bottom = top + sum(lane_heights)

    def x(day: date) -> float:
        return left + block.fraction(day) * (right - left)

    pdf.set_fill_color(224, 224, 224)
    for shade in block.shades:
        x1, x2 = x(shade.first), x(_next_day(shade.last))
        pdf.rect(x1, top, max(x2 - x1, 0.3), bottom - top, style="F")
    pdf.set_font("DejaVuSans", "", 6.5)
    pdf.set_draw_color(225, 225, 225)
    pdf.set_line_width(0.2)
    for tick in block.ticks:
        pdf.line(x(tick), top, x(tick), bottom)
        pdf.text(x(tick) + 0.5, bottom + 4, tick.isoformat()[:7])
    y = top
    for lane, lane_height in zip(block.lanes, lane_heights, strict=True):
        _pdf_lane(pdf, lane, y, x)
        y += lane_height
        pdf.set_draw_color(189, 189, 189)
        pdf.line(pdf.l_margin, y, right, y)
    today = x(block.today)
    pdf.set_draw_color(213, 0, 0)
    pdf.set_line_width(0.5)
    with pdf.local_context(dash_pattern={"dash": 1.2, "gap": 0.8}):
        pdf.line(today, top - 2, today, bottom)
    pdf.set_text_color(213, 0, 0)
    pdf.set_font("DejaVuSans", "B", 7)
    label = f"{block.today_label} {block.today.isoformat()}"
    width = pdf.get_string_width(label)
    near_end = today + 0.8 + width > right
    pdf.text(today - 0.8 - width if near_end else today + 0.8, top - 1, label)
    pdf.set_text_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.set_y(bottom + _AXIS)
    _pdf_legend(pdf, block.legend)


def _next_day(day: date) -> date:
    return date.fromordinal(day.toordinal() + 1)


def _pdf_lane(pdf: Any, lane: Lane, top: float, x: Any) -> None:
    pdf.set_font("DejaVuSans", "B", 7.5)
    pdf.set_xy(pdf.l_margin, top + 1)
    pdf.multi_cell(_LANE_LABEL - 2, 3.2, lane.label, align="L")
    for bar in lane.bars:
        r, g, b = _rgb(bar.colour)
        x1, x2 = x(bar.first), x(bar.last)
        y = top + _MARK_ROW + _TRACK * bar.track
        pdf.set_fill_color(r, g, b)
        pdf.set_draw_color(r, g, b)
        if bar.dashed:
            with pdf.local_context(dash_pattern={"dash": 0.8, "gap": 0.6}):
                pdf.rect(x1, y, max(x2 - x1, 0.8), 2.0, style="D")
        else:
            pdf.rect(x1, y, max(x2 - x1, 0.8), 2.0, style="F")
        pdf.rect(x2 - 0.4, y - 0.5, 0.8, 3.0, style="F")  # the due date, marked
    pdf.set_fill_color(55, 71, 79)
    for mark in lane.marks:
        cx = x(mark.day)
        if mark.square:
            pdf.rect(cx - 1.2, top + 2.3, 2.4, 2.4, style="F")
        else:
            pdf.circle(cx, top + 3.5, 1.2, style="F")


def _pdf_legend(pdf: Any, legend: tuple[tuple[str, str], ...]) -> None:
    pdf.set_font("DejaVuSans", "", 7.5)
    x, y = pdf.l_margin, pdf.get_y()
    for label, colour in legend:
        width = pdf.get_string_width(label) + 9
        if x + width > pdf.w - pdf.r_margin:
            x, y = pdf.l_margin, y + 5
        pdf.set_fill_color(*_rgb(colour))
        pdf.rect(x, y + 0.6, 4, 2.8, style="F")
        pdf.text(x + 5, y + 3.2, label)
        x += width
    pdf.set_y(y + 6)
