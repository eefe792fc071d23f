"""What each command shows: plain text, CSV and JSON as strings or bytes, Rich tables for a
colour terminal. cli.py writes what these return; nothing here prints or reads a file.

Rich is imported only inside the functions that build a Rich table or fold text as the
terminal console does, so plain output (pipes, cron, JSON) never loads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from plancli import report
from plancli.deadlines import Deadline, Status
from plancli.i18n import N_, _
from plancli.model import Event, Plan
from plancli.rules import Kind, Rule
from plancli.wording import (
    counting_label,
    kind_label,
    owner_label,
    period_words,
    rule_period_words,
    status_label,
    trigger_words,
)

DeadlineRow = tuple[str | None, Path, Deadline]  # (child's name in a caseload, plan, deadline)


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


STATUS_STYLE = {
    Status.OVERDUE: "bold red",
    Status.DUE_TODAY: "bold red",
    Status.DUE_SOON: "yellow",
    Status.UPCOMING: "",
    Status.MET: "green",
    Status.MET_LATE: "green",
}


def folded(text: str) -> str:
    """`text` as the terminal console prints a message: folded at the terminal's width (80
    when there is none), with a newline. Messages have always been printed this way, to the
    screen and into output files alike."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, highlight=False).print(text, markup=False)
    return buffer.getvalue()


def lines_text(lines: Sequence[str]) -> str:
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# deadlines


def deadlines_text(rows: Sequence[DeadlineRow], now: date, fmt: Format, *, caseload: bool) -> str:
    """`plancli deadlines` as plain text: JSON, CSV, or the aligned table with its notes."""
    records = [
        report.deadline_record(
            d, child=child, plan=report.printable(str(path)) if caseload else None
        )
        for child, path, d in rows
    ]
    if fmt is Format.JSON:
        return report.deadlines_json(now, records) + "\n"
    if fmt is Format.CSV:
        return report.deadlines_csv(records, caseload=caseload)
    if not rows:
        return folded(
            _(
                "Nothing to show as of {today}. `plancli deadlines --all` "
                "includes met deadlines; `plancli add` records what happened."
            ).format(today=now.isoformat())
        )
    headers, table_rows = _deadline_cells(rows, caseload=caseload)
    notes = deadline_notes(rows, caseload=caseload)
    return report.plain_table(headers, table_rows) + "\n" + notes


def deadlines_file(rows: Sequence[DeadlineRow], now: date, fmt: Format, *, caseload: bool) -> bytes:
    """`plancli deadlines --output FILE`: the plain text stdout would get, as UTF-8 bytes.

    A CSV file starts with a UTF-8 byte-order mark: Excel opens a CSV without one in the
    legacy Windows code page and garbles every "§" of the citations and every accented name.
    LibreOffice, Numbers, Google Sheets and Python (encoding="utf-8-sig") read it correctly.
    Standard output gets no mark: scripts read it (SPEC §5), and for most of them a mark
    would become part of the first column's name.
    """
    text = deadlines_text(rows, now, fmt, caseload=caseload)
    return ("\ufeff" + text if fmt is Format.CSV else text).encode("utf-8")


def deadline_notes(rows: Sequence[DeadlineRow], *, caseload: bool) -> str:
    children = _child_labels(rows) if caseload else None
    return report.notes_text([d for _child, _path, d in rows], children)


def _child_labels(rows: Sequence[DeadlineRow]) -> list[str]:
    """Each row's child, told apart by plan file when two children share a name (SPEC §8)."""
    labels = report.child_labels((c, str(p)) for c, p, _d in rows if c is not None)
    return [labels[c, str(p)] if c is not None else "" for c, p, _d in rows]


def deadlines_table(rows: Sequence[DeadlineRow], now: date, *, caseload: bool) -> Any:
    """The Rich table of a colour terminal (print `deadline_notes` after it)."""
    from rich.markup import escape
    from rich.table import Table

    if caseload:
        return _caseload_table(rows, now)
    headers, table_rows = _deadline_cells(rows, caseload=caseload)
    # On a terminal, days left go under the status, so "What" keeps room in 80 columns.
    table = Table(
        title=_("Deadlines as of {today}").format(today=now.isoformat()), title_justify="left"
    )
    skip = 2 if caseload else 1  # the "Days left" column: under the status on a terminal
    ratios = {skip + 2: 3, skip + 3: 1, skip + 4: 2}  # What, Owed by, Law
    for i, header in enumerate(headers):
        if i == skip:
            continue
        table.add_column(
            header,
            overflow="fold",
            no_wrap=i in (skip - 1, skip + 1),  # Due, Status
            ratio=ratios.get(i),
        )
    for (_child, _path, d), cells in zip(rows, table_rows, strict=True):
        status = cells[skip + 1]
        if d.is_open and d.days_left != 0:  # "due today" already says when
            status += "\n" + report.days_in_words(d.days_left)
        shown = [*cells[:skip], status, *cells[skip + 2 :]]
        table.add_row(*(escape(c) for c in shown), style=STATUS_STYLE[d.status])
    return table


def _caseload_table(rows: Sequence[DeadlineRow], now: date) -> Any:
    """A caseload on a terminal: three columns, so a row takes a few lines at 80 columns —
    the date over its status, the child over what is owed, who owes it over the law."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(
        title=_("Deadlines as of {today}").format(today=now.isoformat()),
        title_justify="left",
        expand=True,
    )
    table.add_column(_("Due"), no_wrap=True)
    table.add_column(_("Child: what"), ratio=3)
    table.add_column(_("Owed by: law"), ratio=2)
    for child, (_plan_child, _path, d) in zip(_child_labels(rows), rows, strict=True):
        when = report.days_in_words(d.days_left) if d.is_open else report.days_left_text(d)
        table.add_row(
            escape(f"{d.due.isoformat()}\n{status_label(d.status)}\n{when}"),
            escape(f"{child}: {report.what_text(d)}"),
            escape(f"{owner_label(d.rule.owed_by)}: {report.law_text(d.rule)}"),
            style=STATUS_STYLE[d.status],
        )
    return table


def _deadline_cells(
    rows: Sequence[DeadlineRow], *, caseload: bool
) -> tuple[list[str], list[list[str]]]:
    headers = [_("Due"), _("Days left"), _("Status"), _("What"), _("Owed by"), _("Law")]
    if caseload:
        headers.insert(0, _("Child"))
    table_rows = []
    for child, (_name, _path, d) in zip(_child_labels(rows), rows, strict=True):
        row = [
            d.due.isoformat(),
            report.days_left_text(d),
            status_label(d.status),
            report.what_text(d),
            owner_label(d.rule.owed_by),
            report.law_text(d.rule),
        ]
        table_rows.append(([child] if caseload else []) + row)
    return headers, table_rows


def meets_text(met: Sequence[Deadline]) -> str:
    """What a recorded event meets, when it starts no deadline."""
    return _("It starts no deadline; it meets: {deadlines}.").format(
        deadlines=", ".join(
            _("{rule} (due {date})").format(rule=d.rule.id, date=d.due.isoformat()) for d in met
        )
    )


# --------------------------------------------------------------------------------------------
# explain, rules


def explain_rule_text(rule: Rule) -> str:
    return lines_text(report.rule_lines(rule))


def explain_deadlines_text(found: Sequence[Deadline], plan: Plan, *, after_rule: bool) -> str:
    """Each deadline's counting, step by step; a blank line between them (and after the
    rule's own text, `after_rule`)."""
    blocks = [lines_text(report.deadline_lines(d, plan)) for d in found]
    if after_rule:
        return "".join("\n" + block for block in blocks)
    return "\n".join(blocks)


def no_date_yet_text(rule: Rule) -> str:
    return folded(
        "\n"
        + _("The plan has no {events} event, so this rule has no date yet.").format(
            events=_(" or ").join(rule.triggers)
        )
    )


RULE_HEADERS = (
    N_("Rule"),
    N_("System"),
    N_("Trigger"),
    N_("Period"),
    N_("Counting"),
    N_("Owed by"),
    N_("Law"),
    N_("Source"),
)


def rules_json(chosen: Sequence[Rule]) -> str:
    import json

    return json.dumps([report.rule_record(r) for r in chosen], ensure_ascii=False, indent=2)


def rules_csv(chosen: Sequence[Rule]) -> str:
    """`plancli rules --format csv`: the fields of `--format json`, one rule a row.

    A list is one cell, its items separated by "; "; each source is a line of its cell:
    `URL (law-text|secondary): quote`.
    """
    import csv
    import io

    records = [report.rule_record(r) for r in chosen]
    fields = list(report.rule_record(chosen[0])) if chosen else _RULE_FIELDS
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=fields)
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_cell(key, value) for key, value in record.items()})
    return stream.getvalue()


# The header of an empty CSV: the keys of report.rule_record, in its order.
_RULE_FIELDS = [
    "id",
    "title",
    "system",
    "kind",
    "trigger",
    "trigger_types",
    "period",
    "counting",
    "owed_by",
    "met_by",
    "citation",
    "summary",
    "sources",
    "confirmation",
    "conflict",
]


def _csv_cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if key == "sources":
        return "\n".join(f"{s['url']} ({s['shows']}): {s['quote']}" for s in value)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def rules_verbose_text(chosen: Sequence[Rule]) -> str:
    return lines_text([line for r in chosen for line in (*report.rule_lines(r), "")])


def _rule_cells(chosen: Sequence[Rule]) -> list[list[str]]:
    return [
        [
            r.id,
            str(r.system),
            trigger_words(r),
            _short_period(r),
            counting_label(r.counting_text),
            owner_label(r.owed_by),
            r.citation,
            _confirmation(r),
        ]
        for r in chosen
    ]


def _confirmation(rule: Rule) -> str:
    """'law-text' or 'secondary' (the JSON values) in English; words in Spanish."""
    confirmation = report.rule_record(rule)["confirmation"]
    text = _(_CONFIRMATION_LABELS[confirmation]) if _translated() else confirmation
    return text + (" " + _("(conflict)") if rule.conflict else "")


_CONFIRMATION_LABELS = {"law-text": N_("law text"), "secondary": N_("secondary source")}


def _translated() -> bool:
    from plancli.i18n import DEFAULT_LANGUAGE, current_language

    return current_language() != DEFAULT_LANGUAGE


def rules_plain(chosen: Sequence[Rule], width: int | None = None) -> str:
    """The catalogue as aligned columns, or one block per rule when `width` is narrower."""
    from plancli.narrow import fit_table

    return fit_table([_(h) for h in RULE_HEADERS], _rule_cells(chosen), width)


def rules_for_terminal(chosen: Sequence[Rule], width: int) -> Any:
    """A Rich table when its columns fit in `width` without breaking words, else text."""
    from plancli.narrow import fit_table

    text = fit_table([_(h) for h in RULE_HEADERS], _rule_cells(chosen), width)
    return rules_table(chosen) if "\n  " not in text else text


def rules_table(chosen: Sequence[Rule]) -> Any:
    from rich.markup import escape
    from rich.table import Table

    table = Table(
        title=_("plancli rules (plancli explain RULE for sources and quotes)"),
        title_justify="left",
    )
    for header in RULE_HEADERS:
        table.add_column(_(header), overflow="fold")
    for row in _rule_cells(chosen):
        table.add_row(*(escape(c) for c in row))
    return table


def _short_period(rule: Rule) -> str:
    """The table's period: the rule's own, with a pointer when variants replace it."""
    if rule.age is not None or rule.period is None:
        return rule_period_words(rule)
    text = period_words(rule.period) + (" " + _("(varies: see explain)") if rule.variants else "")
    # A guideline has no binding number, and a window is the parent's right: say so here.
    return text if rule.kind is Kind.DEADLINE else f"{text} ({kind_label(str(rule.kind))})"


# --------------------------------------------------------------------------------------------
# init, events


PLAN_TEMPLATE = """\
# plancli plan file: one per child. Edit it by hand or with `plancli add`.
# Dates are YYYY-MM-DD. Lines starting with # are comments and are kept.
version: 1
child:
  name: {name}
  birth_date: {birth_date}
  concerns: {concerns}    # e.g. [reading, speech and language]: used in letters
family:
  parent_name: {parent_name}
{relationship}  address: {address}
  phone: {phone}
  email: {email}
  language: {language}    # en or es: the language of letters
{school}{center}# calendar:   # your district's school calendar: needed for exact IEP dates
#   years:
#     - first_day: 2026-08-12
#       last_day: 2027-06-03
#       breaks:
#         - {{name: Winter break, first: 2026-12-21, last: 2027-01-01}}
#   holidays: []          # extra district closure days
events: []
"""


def _yaml_text(value: str) -> str:
    """A value as a YAML scalar that always reads back as the same text."""
    import json

    return json.dumps(value, ensure_ascii=False)


def new_plan_text(
    *,
    name: str,
    birth_date: str,
    language: str,
    parent_name: str | None = None,
    relationship: str | None = None,
    address: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    concerns: Sequence[str] = (),
    school: str | None = None,
    school_address: str | None = None,
    district: str | None = None,
    regional_center: str | None = None,
) -> str:
    """The commented plan file `plancli init` writes."""
    return PLAN_TEMPLATE.format(
        name=_yaml_text(name),
        # Digits and dashes as typed (the plan reads `2020-01-01`); anything else quoted, so
        # it cannot add YAML lines and the plan check names what is wrong with it.
        birth_date=birth_date
        if birth_date[:1].isdigit() and set(birth_date) <= set("0123456789-")
        else _yaml_text(birth_date),
        parent_name=_yaml_text(parent_name) if parent_name else "",
        address=_yaml_text(address) if address else "",
        phone=_yaml_text(phone) if phone else "",
        email=_yaml_text(email) if email else "",
        relationship=f"  relationship: {relationship}\n" if relationship else "",
        concerns="[" + ", ".join(_yaml_text(c.strip()) for c in concerns if c.strip()) + "]",
        language=language,
        school=(
            f"school:\n  name: {_yaml_text(school or '')}\n"
            f"  district: {_yaml_text(district or '')}\n"
            + (f"  address: {_yaml_text(school_address)}\n" if school_address else "")
        )
        if school or district or school_address
        else "",
        center=(f"regional_center:\n  name: {_yaml_text(regional_center)}\n  hcbs_waiver: false\n")
        if regional_center
        else "",
    )


def created_text(path: Path, *, plan_given: bool, width: int | None = None) -> str:
    """After `plancli init`: where the plan is and what to run next. The prose is folded at
    `width`; each command is on its own line, indented, never folded (a command to copy must
    not be wrapped in the middle of a path)."""
    from plancli.narrow import fit_text

    where = f" --plan {report.printable(str(path))}" if plan_given else ""
    created = _("Created {path} (readable only by you).").format(path=report.printable(str(path)))
    lines = [
        fit_text(created, width, hang=0),
        "",
        fit_text(_("Next, to record what happened:"), width, hang=0),
        f"  plancli add assessment-requested {_('YYYY-MM-DD')}{where}",
        fit_text(_("then, to see the deadlines it starts:"), width, hang=0),
        f"  plancli deadlines{where}",
    ]
    return "\n".join(lines) + "\n"


def events_text(events: Sequence[Event], now: date) -> str | None:
    """The recorded events, oldest first (* = after today); None when there are none."""
    rows = [
        [
            e.id,
            e.date.isoformat() + ("*" if e.date > now else ""),
            e.type,
            ", ".join(f"{key}={report.field_text(value)}" for key, value in e.fields.items()),
            e.note or "",
        ]
        for e in events
    ]
    if not rows:
        return None
    headers = [_("Id"), _("Date"), _("Type"), _("Fields"), _("Note")]
    return report.plain_table(headers, rows) + "\n"


# --------------------------------------------------------------------------------------------
# letter


# Who each catalogue letter is addressed to (`Letter.recipient`), as `letter --list` shows it.
def letter_list_text(
    rows: Sequence[Any], catalogue: Sequence[Any], width: int | None = None
) -> str:
    """`plancli letter --list`: the letters, then the values each takes (one block per
    letter when the columns do not fit in `width`)."""
    from plancli.narrow import fit_table

    # Recipients and requests are marked in the letters' catalogue (N_); shown translated.
    table = [[i.name, _(i.recipient), _(i.purpose), ", ".join(i.languages) or "-"] for i in rows]
    headers = [_("Letter"), _("To"), _("Asks for"), _("Languages")]
    listing = fit_table(headers, table, width) + "\n"
    return listing + _letter_fields_text(catalogue, width)


def _letter_fields_text(catalogue: Sequence[Any], width: int | None = None) -> str:
    """The values each letter takes, for `plancli letter --list`."""
    from plancli.narrow import fit_table

    rows = []
    for entry in catalogue:
        fields = [
            f.name
            + ("*" if f.required else "")
            + (" " + _("(default: {key})").format(key=f.default_from) if f.default_from else "")
            for f in entry.fields
        ]
        rows.append([entry.name, ", ".join(fields) or "-"])
    headers = [_("Letter"), _("Values (--set KEY=VALUE; * required)")]
    table = fit_table(headers, rows, width)
    return "\n" + table + "\n"
