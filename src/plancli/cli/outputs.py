"""Commands for cron and calendars: remind, export ics."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated

import typer

from plancli import digest, narrow, planfiles, report, store
from plancli.cli.base import (
    ForceOption,
    LangOption,
    OutputOption,
    PlanOption,
    TodayOption,
    app,
    err,
    load_plans,
    out,
    reporting_errors,
    say,
    today_of,
    write_text,
)
from plancli.cli.helptext import PlancliGroup
from plancli.i18n import N_, _, ngettext

# ---- remind


@app.command()
def remind(
    plan: PlanOption = None,
    lang: LangOption = None,
    today: TodayOption = None,
    within: Annotated[
        int,
        typer.Option(min=0, metavar="DAYS", help=N_("Also list open deadlines due within DAYS.")),
    ] = 7,
    desktop: Annotated[
        bool,
        typer.Option(
            "--notify",
            help=N_(
                "Also show the digest as a desktop notification (for a computer that cannot "
                "send cron mail)."
            ),
        ),
    ] = False,
) -> None:
    """Digest for cron mail: overdue, then due within DAYS, each with the next step.

    Prints nothing at all when nothing is overdue or due within DAYS, so cron sends no mail.

    Exit 0 either way, 1 for errors (a caseload's bad plan: after the others are processed).
    """
    now = today_of(today)
    with planfiles.kept_out_of_gc():
        plans, failed = load_plans(plan, now)
        text = digest.digest_text(plans, now, within, caseload=planfiles.is_caseload(plan))
        write_text(narrow.fit_text(text, narrow.terminal_width()))
    if desktop and text:
        notify_desktop(text)
    if failed:
        raise typer.Exit(code=1)


def notify_desktop(text: str) -> None:
    """`remind --notify`: the digest's first line as the title, the rest as the body."""
    from plancli import notify
    from plancli.i18n import _

    title, _sep, body = text.partition("\n")
    if notify.find_notifier() is None:
        message = _(
            "No desktop notifier found (notify-send, osascript or PowerShell); the digest "
            "is printed above only."
        )
    elif not notify.notify(title, body.strip()):
        message = _("The desktop notifier did not show the digest; it is printed above.")
    else:
        return
    say(err, message)


# ---- export

export_app = typer.Typer(
    cls=PlancliGroup,
    name="export",
    no_args_is_help=True,
    help=N_("Export the open deadlines for other programs: `plancli export ics` for calendars."),
)
app.add_typer(export_app, name="export")


@export_app.command("ics")
def export_ics(
    plan: PlanOption = None,
    lang: LangOption = None,
    today: TodayOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    alarm: Annotated[
        list[int] | None,
        typer.Option(
            "--alarm",
            min=0,
            metavar="DAYS",
            help=N_(
                "An alarm DAYS days before each due date; repeat for several "
                "(default: --alarm 7 --alarm 1)."
            ),
        ),
    ] = None,
    no_alarms: Annotated[bool, typer.Option("--no-alarms", help=N_("No alarms at all."))] = False,
) -> None:
    """Calendar file (iCalendar, .ics) of the open deadlines, with alarms.

    One all-day event per open deadline, on its due date; met deadlines are left out.

    Each event keeps its UID from one export to the next: importing again updates it.
    """
    from datetime import UTC, datetime, time

    from plancli import ics

    if alarm and no_alarms:
        raise typer.BadParameter(_("give --alarm or --no-alarms, not both"))
    if isinstance(today, date):
        # Reproducible: the same --today gives the same file, byte for byte.
        now, stamp = today, datetime.combine(today, time(0), tzinfo=UTC)
    else:
        stamp = datetime.now(UTC).replace(microsecond=0)  # the clock, read once
        now = stamp.astimezone().date()
    caseload = planfiles.is_caseload(plan)
    with planfiles.kept_out_of_gc():
        plans, failed = load_plans(plan, now)
        name = (
            _("plancli caseload")
            if caseload or len(plans) != 1
            else f"plancli: {plans[0].plan.child.name}"
        )
        data = ics.calendar_bytes(
            plans,
            now,
            stamp=stamp,
            alarms=() if no_alarms else tuple(alarm or ics.DEFAULT_ALARMS),
            caseload=caseload,
            name=name,
        )
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        with reporting_errors():
            planfiles.refuse_plan_as_output(output, planfiles.plan_paths(plan))
            store.write_private_file(output, data, force=force)
        opened, cancelled = ics.event_counts(plans, now)
        say(out, _written_text(opened, cancelled, report.printable(str(output))))
    if failed:
        raise typer.Exit(code=1)


def _written_text(opened: int, cancelled: int, file: str) -> str:
    """What `export ics` wrote: the open deadlines, and the cancelled events of deadlines met
    lately that the file also holds (so a calendar drops their old reminders)."""
    from plancli.ics import CANCEL_DAYS

    if not cancelled:
        return ngettext(
            "Wrote {n} open deadline to {file} (readable only by you). Import it into your "
            "calendar; importing a newer export updates the same events.",
            "Wrote {n} open deadlines to {file} (readable only by you). Import it into your "
            "calendar; importing a newer export updates the same events.",
            opened,
        ).format(n=opened, file=file)
    deadlines = ngettext("{n} open deadline", "{n} open deadlines", opened).format(n=opened)
    cancellations = ngettext(
        "{n} cancellation of a deadline met in the last {days} days",
        "{n} cancellations of deadlines met in the last {days} days",
        cancelled,
    ).format(n=cancelled, days=CANCEL_DAYS)
    return _(
        "Wrote {deadlines} and {cancellations} to {file} (readable only by you). Import it "
        "into your calendar; importing a newer export updates the same events and removes "
        "the reminders of deadlines already met."
    ).format(deadlines=deadlines, cancellations=cancellations, file=file)
