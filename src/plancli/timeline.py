"""The case record as one self-contained HTML page with an SVG timeline (SPEC §8).

No network, no scripts: inline CSS (with a print stylesheet) and inline SVG. The drawing has
a lane per system, events as marks, each deadline as a bar from its trigger to its due date
coloured by status, school breaks that pause the clock shaded, today marked, and a legend. A
screen reader gets the same facts: the SVG has role="img", a title and a description, every
mark has its own title, and a table below repeats the data. Words come from
`chronology.WORDS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from plancli import daycount
from plancli.chronology import Record, Row, RowKind, row_details, row_title, words
from plancli.deadlines import Status
from plancli.model import Plan
from plancli.rules import System

STATUS_COLOURS = {
    Status.MET: "#2e7d32",
    Status.MET_LATE: "#b8860b",
    Status.OVERDUE: "#c62828",
    Status.DUE_TODAY: "#e65100",
    Status.DUE_SOON: "#1565c0",
    Status.UPCOMING: "#78909c",
}
EVENT_COLOUR = "#37474f"
OTHER_LANE = "other"

WIDTH, LABEL, LANE, TOP, PAD_DAYS = 960, 170, 64, 28, 7

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #212121; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #9e9e9e; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eeeeee; }
svg { max-width: 100%; height: auto; }
.legend span { display: inline-block; margin-right: 1.2em; }
.swatch { display: inline-block; width: 1em; height: 0.8em; margin-right: 0.3em; }
@media print {
  body { margin: 0; font-size: 10pt; }
  svg { width: 100%; page-break-inside: avoid; }
  tr { page-break-inside: avoid; }
  h2 { page-break-after: avoid; }
  .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


@dataclass(frozen=True, slots=True)
class Scale:
    start: date
    end: date

    def x(self, day: date) -> float:
        span = max((self.end - self.start).days, 1)
        return LABEL + (day - self.start).days / span * (WIDTH - LABEL - 10)


def lanes_of(record: Record) -> list[str]:
    """The systems present in the record, in SPEC order, then contacts and notes."""
    present = {row.system for row in record.rows}
    lanes = [s.value for s in System if s in present]
    return [*lanes, OTHER_LANE] if None in present else lanes


def to_html(record: Record, plan: Plan, lang: str = "en") -> str:
    w = words(lang)
    child = escape(plan.child.name)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        f"<title>{escape(w['title'])}: {child}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{escape(w['title'])}: {child}</h1>",
        f"<p>{escape(w['today'])} {record.today.isoformat()}</p>",
        f"<h2>{escape(w['timeline'])}</h2>",
        to_svg(record, plan, lang),
        _legend(w),
        _table(record, w),
        _violations(record, w),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def to_svg(record: Record, plan: Plan, lang: str = "en") -> str:
    """The timeline alone: well-formed XML, usable inside the HTML page or on its own."""
    w = words(lang)
    scale = _scale(record)
    lanes = lanes_of(record) or [OTHER_LANE]
    height = TOP + LANE * len(lanes) + 24
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="tl-title tl-desc">',
        f'<title id="tl-title">{escape(w["timeline"])}: {escape(plan.child.name)}</title>',
        f'<desc id="tl-desc">{escape(w["timeline_desc"])}</desc>',
    ]
    out += _pauses(plan, scale, height, w)
    out += _lanes_and_axis(lanes, scale, height, w)
    y_of = {lane: TOP + LANE * i for i, lane in enumerate(lanes)}
    bars = 0
    for row in record.rows:
        lane_y = y_of[row.system.value if row.system else OTHER_LANE]
        if row.deadline is not None:
            out.append(_bar(row, scale, lane_y + 26 + 8 * (bars % 4), w))
            bars += 1
        else:
            out.append(_mark(row, scale, lane_y + 14, w))
    x = scale.x(record.today)
    out.append(
        f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - 20}" stroke="#d50000" '
        f'stroke-width="2" stroke-dasharray="4 3"><title>{escape(w["today_mark"])} '
        f"{record.today.isoformat()}</title></line>"
    )
    out.append(
        f'<text x="{x + 3:.1f}" y="{TOP - 10}" font-size="11" fill="#d50000">'
        f"{escape(w['today_mark'])} {record.today.isoformat()}</text>"
    )
    out.append("</svg>")
    return "\n".join(out)


def _scale(record: Record) -> Scale:
    days = [record.today] + [row.date for row in record.rows]
    days += [row.deadline.trigger.date for row in record.rows if row.deadline is not None]
    return Scale(min(days) - timedelta(days=PAD_DAYS), max(days) + timedelta(days=PAD_DAYS))


def _pauses(plan: Plan, scale: Scale, height: int, w: dict[str, str]) -> list[str]:
    if plan.calendar is None:
        return []
    shaded = []
    for pause in daycount.school_pauses(plan.calendar):
        first, last = max(pause.first, scale.start), min(pause.last, scale.end)
        if first > last:
            continue
        x1, x2 = scale.x(first), scale.x(last + timedelta(days=1))
        shaded.append(
            f'<rect x="{x1:.1f}" y="{TOP}" width="{max(x2 - x1, 1):.1f}" '
            f'height="{height - TOP - 24}" fill="#e0e0e0" fill-opacity="0.7">'
            f"<title>{escape(w['paused'])}: {escape(pause.reason)}, {pause.first.isoformat()} – "
            f"{pause.last.isoformat()}</title></rect>"
        )
    return shaded


def _lanes_and_axis(lanes: list[str], scale: Scale, height: int, w: dict[str, str]) -> list[str]:
    out = []
    for i, lane in enumerate(lanes):
        y = TOP + LANE * i
        out.append(
            f'<line x1="{LABEL}" y1="{y + LANE}" x2="{WIDTH - 10}" y2="{y + LANE}" '
            'stroke="#bdbdbd" stroke-width="1"/>'
        )
        out.append(f'<text x="4" y="{y + 20}" font-size="12">{escape(w[lane])}</text>')
    for tick in _month_ticks(scale):
        x = scale.x(tick)
        out.append(
            f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{height - 20}" stroke="#eeeeee"/>'
        )
        out.append(
            f'<text x="{x + 2:.1f}" y="{height - 6}" font-size="10" fill="#616161">'
            f"{tick.isoformat()[:7]}</text>"
        )
    return out


def _month_ticks(scale: Scale) -> list[date]:
    tick = date(scale.start.year, scale.start.month, 1)
    ticks = []
    while tick <= scale.end:
        if tick >= scale.start:
            ticks.append(tick)
        tick = daycount.add_months(tick, 1)
    step = max(1, len(ticks) // 12)  # at most about a dozen labels
    return ticks[::step]


def _mark(row: Row, scale: Scale, y: int, w: dict[str, str]) -> str:
    x = scale.x(row.date)
    label = f"{row.date.isoformat()} {w[row.kind.value]}: {row_title(row, w)}"
    shape = (
        f'<rect x="{x - 5:.1f}" y="{y - 5}" width="10" height="10" fill="{EVENT_COLOUR}">'
        if row.kind is RowKind.LETTER
        else f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="{EVENT_COLOUR}">'
    )
    closing = "</rect>" if row.kind is RowKind.LETTER else "</circle>"
    return f"{shape}<title>{escape(label)}</title>{closing}"


def _bar(row: Row, scale: Scale, y: int, w: dict[str, str]) -> str:
    d = row.deadline
    assert d is not None
    x1, x2 = scale.x(d.trigger.date), scale.x(d.due)
    colour = STATUS_COLOURS[d.status]
    dash = ' stroke-dasharray="3 2"' if row.kind is RowKind.PROMISE else ""
    label = (
        f"{w[row.kind.value]}: {d.rule.title}, {d.trigger.date.isoformat()} – "
        f"{d.due.isoformat()} ({w[d.status.value]})"
    )
    return (
        f'<rect x="{x1:.1f}" y="{y}" width="{max(x2 - x1, 2):.1f}" height="6" fill="{colour}" '
        f'stroke="{colour}"{dash}><title>{escape(label)}</title></rect>'
    )


def _legend(w: dict[str, str]) -> str:
    items = [
        f'<span><span class="swatch" style="background:{colour}"></span>'
        f"{escape(w[status.value])}</span>"
        for status, colour in STATUS_COLOURS.items()
    ]
    items.append(
        f'<span><span class="swatch" style="background:{EVENT_COLOUR}"></span>'
        f"{escape(w['event'])} / {escape(w['letter'])}</span>"
    )
    items.append(
        f'<span><span class="swatch" style="background:#e0e0e0"></span>{escape(w["paused"])}</span>'
    )
    items.append(
        f'<span><span class="swatch" style="background:#d50000"></span>'
        f"{escape(w['today_mark'])}</span>"
    )
    return f'<p class="legend"><strong>{escape(w["legend"])}:</strong> {"".join(items)}</p>'


def _table(record: Record, w: dict[str, str]) -> str:
    head = "".join(
        f'<th scope="col">{escape(w[key])}</th>' for key in ("date", "what", "system", "details")
    )
    body = []
    for row in record.rows:
        system = w[row.system.value] if row.system else ""
        body.append(
            f"<tr><td>{row.date.isoformat()}</td>"
            f"<td>{escape(w[row.kind.value])}: {escape(row_title(row, w))}</td>"
            f"<td>{escape(system)}</td><td>{escape(row_details(row, w))}</td></tr>"
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _violations(record: Record, w: dict[str, str]) -> str:
    if not record.violations:
        return f"<h2>{escape(w['violations'])}</h2><p>{escape(w['no_violations'])}</p>"
    items = []
    for v in record.violations:
        d = v.deadline
        by = v.complaint_by.isoformat() if v.complaint_by else "—"
        items.append(
            f"<li>{escape(d.rule.title)} ({escape(d.rule.citation)}): {escape(w['due'])} "
            f"{d.due.isoformat()}, {escape(w[d.status.value])}, {escape(w['days_late'])} "
            f"{v.days_late}; {escape(w['complaint_by'])} {by}</li>"
        )
    return f"<h2>{escape(w['violations'])}</h2><ul>{''.join(items)}</ul>"
