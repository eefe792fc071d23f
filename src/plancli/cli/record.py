"""The case record: `plancli chronology` (one child) and `plancli summary` (a caseload).

SPEC §8. The record and the counts are computed by plancli.chronology and plancli.summary;
this module reads the options, picks the renderer and writes the result (files readable by
their owner only, never overwritten without --force).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from plancli import planfiles, report, store
from plancli.cli.base import (
    ForceOption,
    FormatOption,
    LangOption,
    OnePlanOption,
    OutputOption,
    PlanOption,
    TodayOption,
    app,
    load_plans,
    out,
    parse_today,
    plain_output,
    reporting_errors,
    say,
    today_of,
    write_text,
)
from plancli.errors import PlancliError
from plancli.i18n import N_, _, pgettext
from plancli.view import Format

CHRONOLOGY_FORMATS = (".md", ".csv", ".html", ".pdf", ".docx")


def _day_option(name: str, help_text: str) -> Any:
    return typer.Option(name, metavar="YYYY-MM-DD", callback=parse_today, help=help_text)


@app.command()
def chronology(
    plan: OnePlanOption = None,
    today: TodayOption = None,
    first: Annotated[
        str | None, _day_option("--from", N_("Only what is dated on or after this day."))
    ] = None,
    last: Annotated[
        str | None, _day_option("--to", N_("Only what is dated on or before this day."))
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """The case record in date order: events, letters, deadlines, promises, violations.

    FILE's extension chooses the format: .md, .csv, .html (with a drawn timeline; prints
    well), .pdf (the same timeline drawn) or .docx. Without --output: a table.
    """
    from plancli import chronology as record_module
    from plancli.deadlines import deadlines_for
    from plancli.i18n import current_language

    now = today_of(today)
    language = current_language()  # --lang's callback chose it (SPEC §9)
    with reporting_errors():
        since, until = _as_day(first), _as_day(last)
        if since is not None and until is not None and since > until:
            raise PlancliError(
                _("--from {first} is after --to {last}; give the earlier date first.").format(
                    first=since.isoformat(), last=until.isoformat()
                )
            )
        path = planfiles.one_plan(plan)
        if output is not None:
            _check_output(output, path, force=force)
        loaded = store.load_plan(path)
        found = deadlines_for(loaded, now)
        record = record_module.build_record(loaded, found, now, first=since, last=until)
        if output is None:
            _show_record(record, loaded.child.name, language)
            return
        data = _record_bytes(record, loaded, output.suffix.lower(), language)
        store.write_private_file(output, data, force=force)
    say(
        out,
        _("Wrote the case record to {path} (readable only by you).").format(
            path=report.printable(str(output))
        ),
    )


def _as_day(value: Any) -> date | None:
    return value if isinstance(value, date) else None


def _check_output(output: Path, plan_path: Path, *, force: bool) -> None:
    """Refuse a bad --output before anything is computed (writing re-checks, atomically)."""
    if output.suffix.lower() not in CHRONOLOGY_FORMATS:
        raise PlancliError(
            _(
                "--output {path}: the file name must end in {suffixes} (the extension "
                "chooses the format)."
            ).format(path=report.printable(str(output)), suffixes=", ".join(CHRONOLOGY_FORMATS))
        )
    planfiles.refuse_plan_as_output(output, [plan_path])
    if output.exists() and not force and not output.is_dir():
        raise PlancliError(
            _(
                "{path} already exists; plancli will not overwrite it. Add --force to replace "
                "it, or choose another --output."
            ).format(path=report.printable(str(output)))
        )


def _record_bytes(record: Any, loaded: Any, suffix: str, lang: str) -> bytes:
    from plancli import chronology, documents, timeline

    match suffix:
        case ".md":
            return chronology.to_markdown(record, loaded.child.name, lang).encode("utf-8")
        case ".csv":
            # A byte-order mark, as `deadlines --output x.csv`: Excel reads the file as UTF-8.
            return ("\ufeff" + chronology.to_csv(record)).encode("utf-8")
        case ".html":
            return timeline.to_html(record, loaded, lang).encode("utf-8")
    return documents.report_bytes(timeline.to_report(record, loaded, lang), suffix)


def _show_record(record: Any, child: str, lang: str) -> None:
    """A Rich table on a colour terminal; otherwise plain lines folded at 80 columns."""
    from plancli import chronology

    if plain_output(sys.stdout):
        write_text(chronology.to_text(record, child, lang))
        return
    from rich.table import Table

    w = chronology.words(lang)
    title, *rest = chronology.heading_lines(record, child, w)
    table = Table(title=" — ".join([title, *rest]), title_justify="left", show_lines=True)
    table.add_column(w["date"], no_wrap=True)
    table.add_column(w["what"], ratio=3, overflow="fold")
    table.add_column(w["system"], ratio=1, overflow="fold")
    table.add_column(w["details"], ratio=4, overflow="fold")
    for cells in chronology.table_cells(record, w, lang):
        table.add_row(*cells)
    out.print(table, markup=False)
    out.print(f"\n{w['violations']}", style="bold", markup=False)
    if not record.violations:
        out.print(w["no_violations"], markup=False)
    for violation in record.violations:
        out.print(f"- {chronology.violation_text(violation, w, lang)}", markup=False)


# --------------------------------------------------------------------------------------------
# summary


def summary_headers() -> list[str]:
    """The columns of `plancli summary`, in the interface language. The context keeps these
    headers apart from the same English words elsewhere (a status "Overdue" is one deadline;
    a column of counts is several: "Vencidas", next to "Vencen hoy")."""
    return [
        pgettext("summary column", "Child"),
        pgettext("summary column", "Plan"),
        pgettext("summary column", "District"),
        pgettext("summary column", "Regional center"),
        pgettext("summary column", "Overdue"),
        pgettext("summary column", "Due today"),
        pgettext("summary column", "Due soon"),
        pgettext("summary column", "Met late"),
        pgettext("summary column", "Promises"),
        pgettext("summary column", "Next due"),
    ]


@app.command()
def summary(
    plan: PlanOption = None,
    lang: LangOption = None,
    today: TodayOption = None,
    output_format: FormatOption = Format.TABLE,
) -> None:
    """One row per child: overdue, due today, due soon, met late, promises, next due date.

    Give --plan a folder of plans, or --plan several times. A plan that cannot be read is
    reported and the others are still shown (exit 1 at the end).
    """
    from plancli import summary as summary_module

    now = today_of(today)
    with planfiles.kept_out_of_gc():
        plans, failed = load_plans(plan, now)
        rows = summary_module.summary_rows(
            ((one.plan, report.printable(one.path), one.deadlines) for one in plans), now
        )
    if output_format is Format.JSON:
        write_text(summary_module.summary_json(rows, now) + "\n")
    elif output_format is Format.CSV:
        write_text(summary_module.summary_csv(rows))
    else:
        _summary_table(rows, now)
    if failed:
        raise typer.Exit(code=1)


def _summary_cells(rows: Any) -> list[list[str]]:
    return [
        [
            row.label,
            Path(row.plan).name,
            row.district or "—",
            row.regional_center or "—",
            str(row.overdue),
            str(row.due_today),
            str(row.due_soon),
            str(row.met_late),
            str(row.open_promises),
            row.next_due.isoformat() if row.next_due else "—",
        ]
        for row in rows
    ]


def _summary_table(rows: Any, now: date) -> None:
    headers = summary_headers()
    cells = _summary_cells(rows)
    title = _("Caseload as of {today}").format(today=now.isoformat())
    if not rows:
        out.print(_("No plans to summarize."), markup=False)
        return
    if plain_output(sys.stdout):
        write_text(f"{title}\n{report.plain_table(headers, cells)}\n")
        return
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for i, header in enumerate(headers):
        numeric = 4 <= i <= 8
        table.add_column(header, justify="right" if numeric else "left", overflow="fold")
    for row, line in zip(rows, cells, strict=True):
        style = "bold red" if row.overdue or row.due_today else ""
        table.add_row(*line, style=style)
    out.print(table, markup=False)
