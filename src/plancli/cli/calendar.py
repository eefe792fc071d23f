"""`plancli calendar ...`: show, edit and import the school calendar (SPEC §10).

Every edit is a `calendar_edit` function run inside `store.update_plan`: the plan's lock,
the whole-plan check and the atomic write with a backup, as for `plancli add`. A refusal
(a break outside its year, overlapping years, LAST before FIRST) exits 1 with the plan
untouched. An import is first computed without writing (`write=False`), shown, and written
only once the user says yes (`--yes` for scripts).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from plancli import calendar_edit, calendar_view, planfiles, report, store
from plancli.calendar_edit import Edit
from plancli.cli.base import (
    LangOption,
    OnePlanOption,
    TodayOption,
    YesOption,
    app,
    confirm,
    path_value,
    reporting_errors,
    write_text,
)
from plancli.cli.helptext import PlancliGroup
from plancli.errors import PlancliError
from plancli.hints import parse_date
from plancli.i18n import N_, _
from plancli.model import Plan
from plancli.narrow import fit_text, terminal_width

calendar_app = typer.Typer(
    cls=PlancliGroup,
    name="calendar",
    invoke_without_command=True,
    help=N_(
        "Show, edit and import the school calendar (the district's school years, breaks and "
        "closure days), without editing YAML."
    ),
)
app.add_typer(calendar_app, name="calendar")


FirstArgument = Annotated[
    str, typer.Argument(metavar="FIRST", help=N_("The first day, YYYY-MM-DD."), show_default=False)
]
LastArgument = Annotated[
    str, typer.Argument(metavar="LAST", help=N_("The last day, YYYY-MM-DD."), show_default=False)
]


def _plan_path(ctx: typer.Context, plan: Path | None) -> Path:
    """--plan given after the subcommand, else before it (`plancli calendar -p X add-year`)."""
    given = plan if plan is not None else (ctx.obj or {}).get("plan")
    return planfiles.one_plan(given)


def _edit(path: Path, make: Callable[[Any], Edit], *, write: bool = True) -> tuple[Edit, Plan]:
    """Run one calendar edit through the plan's safe write path; the edit and the new plan."""
    done: list[Edit] = []

    def change(document: Any, _plan: Plan) -> None:
        edit = make(document.get("calendar"))
        store.set_calendar(document, edit.data, edit.closure_names)
        done.append(edit)

    updated = store.update_plan(path, change, write=write)
    return done[-1], updated


def _report(path: Path, edit: Edit) -> None:
    write_text(fit_text(calendar_view.changes_text(edit.changes), terminal_width()))
    backup = report.printable(f"{path}.bak")
    write_text(
        _("Saved in {plan}; the previous version is in {backup}.").format(
            plan=report.printable(str(path)), backup=backup
        )
        + "\n"
    )


@calendar_app.callback(invoke_without_command=True)
def show(
    ctx: typer.Context,
    plan: OnePlanOption = None,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    """Show the school years, breaks (* when they pause the clock), closure days."""
    ctx.obj = {"plan": plan}
    if ctx.invoked_subcommand is not None:
        return
    path = planfiles.one_plan(plan)
    with reporting_errors():
        loaded = store.load_plan(path)
    view = calendar_edit.describe(loaded.calendar)
    text = calendar_view.show_text(view, report.printable(str(path)))
    write_text(fit_text(text, terminal_width()))


@calendar_app.command("add-year")
def add_year(
    ctx: typer.Context,
    first: FirstArgument,
    last: LastArgument,
    plan: OnePlanOption = None,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    """Add a school year: its first and last day of instruction."""
    path = _plan_path(ctx, plan)
    with reporting_errors():
        start, end = parse_date(first, "FIRST"), parse_date(last, "LAST")
        edit, _plan = _edit(path, lambda section: calendar_edit.add_year(section, start, end))
    _report(path, edit)


@calendar_app.command("add-break")
def add_break(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help=N_('e.g. "Winter break".'))],
    first: FirstArgument,
    last: LastArgument,
    plan: OnePlanOption = None,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    """Add a break (FIRST and LAST are the first and last weekday without school)."""
    path = _plan_path(ctx, plan)
    with reporting_errors():
        start, end = parse_date(first, "FIRST"), parse_date(last, "LAST")
        edit, _plan = _edit(
            path, lambda section: calendar_edit.add_break(section, name, start, end)
        )
    _report(path, edit)


@calendar_app.command("add-closure")
def add_closure(
    ctx: typer.Context,
    day: Annotated[str, typer.Argument(metavar="DATE", help=N_("The day, YYYY-MM-DD."))],
    name: Annotated[
        str | None, typer.Option("--name", help=N_("What the day is, e.g. 'Lincoln Day'."))
    ] = None,
    plan: OnePlanOption = None,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    """Add a single day the district is closed (a local holiday, a furlough day)."""
    path = _plan_path(ctx, plan)
    with reporting_errors():
        on = parse_date(day, "DATE")
        edit, _plan = _edit(path, lambda section: calendar_edit.add_closure(section, on, name))
    _report(path, edit)


@calendar_app.command("remove")
def remove(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            metavar="TARGET",
            help=N_("A school year (2026-27), a break (its name or first day) or a closure day."),
        ),
    ],
    plan: OnePlanOption = None,
    yes: YesOption = False,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    """Remove a school year, a break or a closure day (asks first; --yes for scripts)."""
    path = _plan_path(ctx, plan)
    with reporting_errors():
        make = lambda section: calendar_edit.remove(section, target)  # noqa: E731
        preview, _plan = _edit(path, make, write=False)
        if not yes and not confirm(calendar_view.remove_question(preview.changes[0])):
            write_text(_("Nothing was written.") + "\n")
            return
        edit, _plan = _edit(path, make)
    _report(path, edit)


@calendar_app.command("import")
def import_feed(
    ctx: typer.Context,
    feed: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.ics",
            parser=path_value,
            help=N_("The district's calendar feed, downloaded as an .ics file."),
        ),
    ],
    plan: OnePlanOption = None,
    yes: YesOption = False,
    replace: Annotated[
        bool,
        typer.Option("--replace", help=N_("Replace a school year the plan already has.")),
    ] = False,
    today: TodayOption = None,
    lang: LangOption = None,
) -> None:
    """Read a district's calendar feed (.ics), show what it found, and add it (asks first)."""
    from plancli.calendar_import import read_feed

    path = _plan_path(ctx, plan)
    with reporting_errors():
        imported = read_feed(_feed_bytes(feed))
        make = lambda section: calendar_edit.merge_import(  # noqa: E731
            section, imported, replace=replace
        )
        preview, updated = _edit(path, make, write=False)
        view = calendar_edit.describe(updated.calendar)
        found = calendar_view.import_text(imported, view, preview.changes)
        write_text(fit_text(found, terminal_width()))
        question = _("Write this calendar to {plan}?").format(plan=report.printable(str(path)))
        if not yes and not confirm(question):
            write_text(_("Nothing was written.") + "\n")
            return
        edit, _plan = _edit(path, make)
    backup = report.printable(f"{path}.bak")
    write_text(
        _("Saved in {plan}; the previous version is in {backup}.").format(
            plan=report.printable(str(path)), backup=backup
        )
        + "\n"
    )


def _feed_bytes(feed: Path) -> bytes:
    """The feed file's bytes, refusing a folder, a device or an absurd size before reading."""
    import stat

    from plancli.calendar_import import MAX_FEED_BYTES

    shown = report.printable(str(feed))
    try:
        info = feed.stat()
        if stat.S_ISDIR(info.st_mode):
            raise PlancliError(
                _("{file} is a folder; give the calendar file (.ics) you downloaded.").format(
                    file=shown
                )
            )
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FEED_BYTES:
            raise PlancliError(
                _(
                    "{file} is not a calendar file (it is not a regular file of at most "
                    "{mb} MB); give the .ics file you downloaded."
                ).format(file=shown, mb=MAX_FEED_BYTES // 1_000_000)
            )
        with feed.open("rb") as handle:
            return handle.read(MAX_FEED_BYTES + 1)
    except FileNotFoundError:
        raise PlancliError(
            _(
                "No file at {file}. Download the district's calendar as an .ics file "
                '("Subscribe", "Export" or "iCal" on its calendar page) and give its path.'
            ).format(file=shown)
        ) from None
