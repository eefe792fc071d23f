"""Commands that read a plan and show its deadlines: deadlines, explain, rules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from plancli import arguments, planfiles, store, view
from plancli.cli.base import (
    ForceOption,
    FormatOption,
    LangOption,
    OnePlanOption,
    OutputOption,
    PlanOption,
    SystemOption,
    TodayOption,
    app,
    load_plans,
    out,
    plain_output,
    reporting_errors,
    show_deadlines,
    today_of,
    write_text,
)
from plancli.deadlines import deadlines_for, select
from plancli.i18n import N_
from plancli.narrow import fit_text, terminal_width
from plancli.rules import (
    ALL_RULES,
    RULES_BY_ID,
)
from plancli.view import DeadlineRow, Format

# --------------------------------------------------------------------------------------------
# deadlines


@app.command()
def deadlines(
    plan: PlanOption = None,
    lang: LangOption = None,
    today: TodayOption = None,
    within: Annotated[
        int | None,
        typer.Option(
            min=0,
            help=N_("Only open deadlines due within DAYS (overdue included)."),
            metavar="DAYS",
        ),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help=N_("Include met deadlines and old age-based dates."))
    ] = False,
    system: SystemOption = None,
    output_format: FormatOption = Format.TABLE,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """What is due, soonest first, with who owes it and the law (the main job).

    A CSV file written with --output opens cleanly in Excel too.
    """
    now = today_of(today)
    caseload = planfiles.is_caseload(plan)
    with planfiles.kept_out_of_gc():
        plans, failed = load_plans(plan, now)
        rows: list[DeadlineRow] = [
            (one.plan.child.name if caseload else None, Path(one.path), d)
            for one in plans
            for d in select(one.deadlines, now, within=within, include_met=show_all, system=system)
        ]
    rows.sort(key=lambda row: (row[2].due, row[0] or "", row[2].rule.id))
    if output is None:
        show_deadlines(rows, now, output_format, caseload=caseload)
    else:
        with reporting_errors():
            data = view.deadlines_file(rows, now, output_format, caseload=caseload)
            planfiles.refuse_plan_as_output(output, planfiles.plan_paths(plan))
            store.write_private_file(output, data, force=force)
    if failed:
        raise typer.Exit(code=1)


# --------------------------------------------------------------------------------------------
# explain, rules


@app.command()
def explain(
    name: Annotated[
        str,
        typer.Argument(
            metavar="RULE_OR_DEADLINE",
            help=N_("A rule id (assessment-plan), an event id (e1), or both (assessment-plan:e1)."),
        ),
    ],
    plan: OnePlanOption = None,
    lang: LangOption = None,
    today: TodayOption = None,
) -> None:
    """How a date was counted, step by step, and the law behind it."""
    now = today_of(today)
    with reporting_errors():
        rule_id, _sep, event_id = name.partition(":")
        if rule_id in RULES_BY_ID and not event_id:
            rule = RULES_BY_ID[rule_id]
            write_text(fit_text(view.explain_rule_text(rule), terminal_width()))
            path = planfiles.one_plan(plan)
            if plan is None and not path.exists():
                return
            loaded = store.load_plan(path)
            found = [d for d in deadlines_for(loaded, now) if d.rule.id == rule_id]
            if not found:
                write_text(view.no_date_yet_text(rule))
            text = view.explain_deadlines_text(found, loaded, after_rule=True)
            write_text(fit_text(text, terminal_width()))
            return
        loaded = store.load_plan(planfiles.one_plan(plan))
        found = arguments.deadlines_named(loaded, now, name)
        text = view.explain_deadlines_text(found, loaded, after_rule=False)
        write_text(fit_text(text, terminal_width()))


@app.command()
def rules(
    system: SystemOption = None,
    lang: LangOption = None,
    output_format: FormatOption = Format.TABLE,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help=N_("Every field of every rule, with sources and quotes.")
        ),
    ] = False,
) -> None:
    """The rule catalogue: trigger, period, counting, who owes it, and the law."""
    chosen = [r for r in ALL_RULES if system is None or r.system is system]
    if output_format is Format.JSON:
        out.print(view.rules_json(chosen), markup=False, soft_wrap=True)
    elif output_format is Format.CSV:
        write_text(view.rules_csv(chosen))
    elif verbose:
        write_text(view.rules_verbose_text(chosen))
    elif plain_output(sys.stdout):
        write_text(view.rules_plain(chosen, terminal_width()) + "\n")
    else:
        shown = view.rules_for_terminal(chosen, out.width)
        out.print(shown, markup=False, soft_wrap=True) if isinstance(shown, str) else out.print(
            shown
        )
