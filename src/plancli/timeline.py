"""The case record drawn and laid out (SPEC §8): the timeline, the HTML page, the PDF/DOCX.

`drawing(record, plan, lang)` is the timeline as data (`documents.Timeline`): a lane per
system, events as marks, each deadline as a bar from its trigger to its due date coloured by
status, school breaks that pause the clock shaded, today marked, a legend. The HTML page draws
it in SVG (`to_svg`), the PDF with fpdf2's lines and rectangles (`documents.report_pdf`), so
the two show the same picture.

The page is one self-contained file: no network, no scripts, inline CSS with a print
stylesheet. A screen reader gets the same facts: the SVG has role="img", a title and a
description, every mark has its own title, and the table below repeats the data. Words come
from `chronology.words(lang)`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from html import escape

from plancli import daycount
from plancli.chronology import (
    Record,
    Row,
    RowKind,
    heading_lines,
    kind_title,
    status_words,
    table_cells,
    translated,
    violation_text,
    words,
)
from plancli.deadlines import Status
from plancli.documents import (
    Bar,
    Bullets,
    Heading,
    Lane,
    Mark,
    Paragraph,
    Report,
    ReportBlock,
    Shade,
    Table,
    Timeline,
)
from plancli.i18n import N_
from plancli.model import Plan
from plancli.rules import System

STATUS_COLOURS = {
    Status.MET: "#2e7d32",
    Status.MET_LATE: "#b8860b",
    Status.OVERDUE: "#c62828",
    Status.DUE_TODAY: "#e65100",
    Status.DUE_SOON: "#1565c0",
    Status.UPCOMING: "#78909c",
    Status.LAPSED: "#8d6e63",
    Status.NOT_OWED: "#bdbdbd",
}
EVENT_COLOUR = "#37474f"
PAUSE_COLOUR = "#e0e0e0"
TODAY_COLOUR = "#d50000"
OTHER_LANE = "other"
PAD_DAYS = 7

# The SVG's own units (it scales to the page's width).
WIDTH, LABEL, TOP, MARK_ROW, TRACK, LANE_GAP, AXIS = 960, 170, 30, 22, 9, 8, 24

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #212121; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #9e9e9e; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eeeeee; }
td.date { white-space: nowrap; }
svg { width: 100%; max-width: 1400px; height: auto; display: block; }
figure { margin: 0; }
.legend { list-style: none; padding: 0; }
.legend li { display: inline-block; margin-right: 1.2em; }
.swatch { display: inline-block; width: 1em; height: 0.8em; margin-right: 0.3em;
  border: 1px solid #757575; }
.violations li { margin-bottom: 0.4em; }
.note { font-size: 0.85em; color: #424242; }
@media print {
  @page { size: letter landscape; margin: 12mm; }
  body { margin: 0; font-size: 9pt; }
  svg { width: 100%; page-break-inside: avoid; }
  tr, li { page-break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { page-break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def lanes_of(record: Record) -> list[str]:
    """The systems present in the record, in SPEC order, then contacts and notes."""
    present = {row.system for row in record.rows}
    lanes = [s.value for s in System if s in present]
    return [*lanes, OTHER_LANE] if None in present else lanes


# --------------------------------------------------------------------------------------------
# The drawing, as data


def drawing(record: Record, plan: Plan, lang: str = "en") -> Timeline:
    w = words(lang)
    start, end = _span(record)
    lanes = []
    for lane in lanes_of(record) or [OTHER_LANE]:
        rows = [r for r in record.rows if (r.system.value if r.system else OTHER_LANE) == lane]
        marks = tuple(
            Mark(r.date, f"{r.date.isoformat()} {kind_title(r, w, lang)}", r.kind is RowKind.LETTER)
            for r in rows
            if r.deadline is None
        )
        lanes.append(Lane(w[lane], marks, _packed(_bars(rows, w, lang))))
    legend = [(w[s.value], colour) for s, colour in STATUS_COLOURS.items() if s in _shown(record)]
    legend += [
        (f"{w['event']} / {w['letter']}", EVENT_COLOUR),
        (w["promise_legend"], "#9e9e9e"),
        (w["paused"], PAUSE_COLOUR),
        (w["today_mark"], TODAY_COLOUR),
    ]
    return Timeline(
        title=f"{w['timeline']}: {plan.child.name}",
        description=w["timeline_desc"],
        start=start,
        end=end,
        lanes=tuple(lanes),
        shades=tuple(_pauses(plan, start, end, w)),
        today=record.today,
        today_label=w["today_mark"],
        legend=tuple(legend),
        ticks=tuple(_month_ticks(start, end)),
    )


def _shown(record: Record) -> set[Status]:
    return {r.deadline.status for r in record.rows if r.deadline is not None}


def _span(record: Record) -> tuple[date, date]:
    days = [record.today] + [row.date for row in record.rows]
    days += [row.deadline.trigger.date for row in record.rows if row.deadline is not None]
    if record.first is not None:
        days.append(record.first)
    if record.last is not None:
        days.append(record.last)
    return min(days) - timedelta(days=PAD_DAYS), max(days) + timedelta(days=PAD_DAYS)


def _bars(rows: list[Row], w: dict[str, str], lang: str) -> list[Bar]:
    bars = []
    for row in rows:
        d = row.deadline
        if d is None:
            continue
        label = (
            f"{kind_title(row, w, lang)}, {d.trigger.date.isoformat()} – {d.due.isoformat()} "
            f"({status_words(d, w, lang)})"
        )
        first = min(d.trigger.date, d.due)
        colour = STATUS_COLOURS[d.status]
        bars.append(Bar(first, d.due, colour, label, dashed=row.kind is RowKind.PROMISE))
    return bars


def _packed(bars: list[Bar]) -> tuple[Bar, ...]:
    """Each bar on the first track where it does not overlap the one before it in time."""
    ends: list[date] = []
    packed = []
    for bar in sorted(bars, key=lambda b: (b.first, b.last)):
        track = next((i for i, end in enumerate(ends) if end < bar.first), len(ends))
        if track == len(ends):
            ends.append(bar.last)
        else:
            ends[track] = bar.last
        packed.append(
            Bar(bar.first, bar.last, bar.colour, bar.label, track=track, dashed=bar.dashed)
        )
    return tuple(packed)


def _pauses(plan: Plan, start: date, end: date, w: dict[str, str]) -> list[Shade]:
    if plan.calendar is None:
        return []
    shades = []
    for pause in daycount.school_pauses(plan.calendar):
        first, last = max(pause.first, start), min(pause.last, end)
        if first <= last:
            label = (
                f"{w['paused']}: {pause.reason}, {pause.first.isoformat()} – "
                f"{pause.last.isoformat()}"
            )
            shades.append(Shade(first, last, label))
    return shades


def _month_ticks(start: date, end: date) -> list[date]:
    tick = date(start.year, start.month, 1)
    ticks = []
    while tick <= end:
        if tick >= start:
            ticks.append(tick)
        tick = daycount.add_months(tick, 1)
    step = max(1, -(-len(ticks) // 12))  # at most about a dozen labels
    return ticks[::step]


# --------------------------------------------------------------------------------------------
# SVG and the HTML page


def to_svg(record: Record, plan: Plan, lang: str = "en") -> str:
    """The timeline alone: well-formed XML, usable inside the HTML page or on its own."""
    return svg_of(drawing(record, plan, lang))


def svg_of(tl: Timeline) -> str:
    heights = [MARK_ROW + TRACK * lane.tracks + LANE_GAP for lane in tl.lanes]
    bottom = TOP + sum(heights)
    height = bottom + AXIS

    def x(day: date) -> float:
        return LABEL + tl.fraction(day) * (WIDTH - LABEL - 10)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="tl-title tl-desc" '
        'font-family="DejaVu Sans, Arial, sans-serif">',
        f'<title id="tl-title">{escape(tl.title)}</title>',
        f'<desc id="tl-desc">{escape(tl.description)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
    ]
    for shade in tl.shades:
        x1, x2 = x(shade.first), x(shade.last + timedelta(days=1))
        out.append(
            f'<rect x="{x1:.1f}" y="{TOP}" width="{max(x2 - x1, 1):.1f}" '
            f'height="{bottom - TOP}" fill="{PAUSE_COLOUR}" fill-opacity="0.8">'
            f"<title>{escape(shade.label)}</title></rect>"
        )
    for tick in tl.ticks:
        out.append(
            f'<line x1="{x(tick):.1f}" y1="{TOP}" x2="{x(tick):.1f}" y2="{bottom}" '
            'stroke="#e6e6e6"/>'
        )
        out.append(
            f'<text x="{x(tick) + 2:.1f}" y="{bottom + 15}" font-size="11" fill="#424242">'
            f"{tick.isoformat()[:7]}</text>"
        )
    y = TOP
    for lane, lane_height in zip(tl.lanes, heights, strict=True):
        out += _svg_lane(lane, y, x)
        y += lane_height
        out.append(
            f'<line x1="0" y1="{y}" x2="{WIDTH - 10}" y2="{y}" stroke="#bdbdbd" stroke-width="1"/>'
        )
    today = x(tl.today)
    label = f"{tl.today_label} {tl.today.isoformat()}"
    anchor = "end" if today > WIDTH - 150 else "start"
    shift = -4 if anchor == "end" else 4
    out.append(
        f'<line x1="{today:.1f}" y1="{TOP - 12}" x2="{today:.1f}" y2="{bottom}" '
        f'stroke="{TODAY_COLOUR}" stroke-width="2" stroke-dasharray="5 3">'
        f"<title>{escape(label)}</title></line>"
    )
    out.append(
        f'<text x="{today + shift:.1f}" y="{TOP - 16}" font-size="12" font-weight="bold" '
        f'text-anchor="{anchor}" fill="{TODAY_COLOUR}">{escape(label)}</text>'
    )
    out.append("</svg>")
    return "\n".join(out)


def _svg_lane(lane: Lane, top: int, x: Callable[[date], float]) -> list[str]:
    out = [
        f'<text x="6" y="{top + 16}" font-size="13" font-weight="bold">{escape(lane.label)}</text>'
    ]
    for bar in lane.bars:
        x1, x2 = x(bar.first), x(bar.last)
        y = top + MARK_ROW + TRACK * bar.track
        fill = "#ffffff" if bar.dashed else bar.colour
        dash = ' stroke-dasharray="4 2"' if bar.dashed else ""
        out.append(
            f'<rect x="{x1:.1f}" y="{y}" width="{max(x2 - x1, 2):.1f}" height="6" '
            f'fill="{fill}" stroke="{bar.colour}" stroke-width="1.5"{dash}>'
            f"<title>{escape(bar.label)}</title></rect>"
        )
        out.append(
            f'<rect x="{x2 - 1.5:.1f}" y="{y - 2}" width="3" height="10" fill="{bar.colour}"/>'
        )
    for mark in lane.marks:
        cx = x(mark.day)
        shape, closing = (
            (
                f'<rect x="{cx - 5:.1f}" y="{top + 6}" width="10" height="10" '
                f'fill="{EVENT_COLOUR}">',
                "</rect>",
            )
            if mark.square
            else (
                f'<circle cx="{cx:.1f}" cy="{top + 11}" r="5" fill="{EVENT_COLOUR}">',
                "</circle>",
            )
        )
        out.append(f"{shape}<title>{escape(mark.label)}</title>{closing}")
    return out


def to_html(record: Record, plan: Plan, lang: str = "en") -> str:
    w = words(lang)
    tl = drawing(record, plan, lang)
    title, *rest = heading_lines(record, plan.child.name, w)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style></head><body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        *(f"<p>{escape(line)}</p>" for line in rest),
        "</header><main>",
        f"<h2>{escape(w['timeline'])}</h2>",
        f"<figure>{svg_of(tl)}",
        f"<figcaption>{_legend(tl, w)}</figcaption></figure>",
        _violations(record, w, lang),
        f"<h2>{escape(w['record'])}</h2>",
        _table(record, w, lang),
        f'</main><footer><p class="note">{escape(w["not_advice"])}</p></footer>',
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _legend(tl: Timeline, w: dict[str, str]) -> str:
    items = "".join(
        f'<li><span class="swatch" style="background:{colour}" aria-hidden="true"></span>'
        f"{escape(label)}</li>"
        for label, colour in tl.legend
    )
    return f'<strong>{escape(w["legend"])}:</strong> <ul class="legend">{items}</ul>'


def _table(record: Record, w: dict[str, str], lang: str) -> str:
    head = "".join(
        f'<th scope="col">{escape(w[key])}</th>' for key in ("date", "what", "system", "details")
    )
    body = [
        f'<tr><td class="date">{day}</td><td>{escape(what)}</td><td>{escape(system)}</td>'
        f"<td>{escape(details)}</td></tr>"
        for day, what, system, details in table_cells(record, w, lang)
    ]
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _violations(record: Record, w: dict[str, str], lang: str) -> str:
    heading = f"<h2>{escape(w['violations'])}</h2>"
    if not record.violations:
        return f"{heading}<p>{escape(w['no_violations'])}</p>"
    items = "".join(f"<li>{escape(violation_text(v, w, lang))}</li>" for v in record.violations)
    return f'{heading}<p>{escape(w["violations_intro"])}</p><ul class="violations">{items}</ul>'


# --------------------------------------------------------------------------------------------
# The PDF and DOCX document


def to_report(record: Record, plan: Plan, lang: str = "en") -> Report:
    """The record as a `documents.Report`: heading, timeline, violations, the table."""
    w = words(lang)
    title, *rest = heading_lines(record, plan.child.name, w)
    blocks: list[ReportBlock] = [Heading(title, 1), Paragraph(tuple(rest))]
    blocks.append(drawing(record, plan, lang))
    blocks.append(Heading(w["violations"], 2))
    if record.violations:
        blocks.append(Paragraph((w["violations_intro"],)))
        blocks.append(Bullets(tuple(violation_text(v, w, lang) for v in record.violations)))
    else:
        blocks.append(Paragraph((w["no_violations"],)))
    blocks.append(Heading(w["record"], 2))
    cells = tuple(tuple(row) for row in table_cells(record, w, lang))
    headers = tuple(w[key] for key in ("date", "what", "system", "details"))
    blocks.append(Table(headers, cells, (11, 34, 17, 58)))
    blocks.append(Paragraph((w["not_advice"],)))
    return Report(
        lang=lang,
        title=title,
        day=record.today,
        blocks=tuple(blocks),
        footer=f"{title} — {w['today']} {record.today.isoformat()}",
        page_words=translated(N_("Page {page} of {pages}"), lang),
    )


__all__ = ["drawing", "lanes_of", "svg_of", "to_html", "to_report", "to_svg"]
