"""The crontab line `plancli init` prints for the plan it made (SPEC §1, issue 13).

cron runs with almost no environment: no PATH to find `plancli`, no PLANCLI_PLAN, another
working folder. So the line carries absolute paths: the plancli program that is running now
and the plan file just written, each quoted for the shell. Pure apart from reading how this
process was started (passed in by the caller in tests).
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from plancli.i18n import _

REMIND_WITHIN_DAYS = 7
SCHEDULE = "0 7 * * *"  # every morning at 7


def plancli_command(argv0: str | None = None, python: str | None = None) -> str:
    """The absolute command that runs this plancli: its script, else `python -m plancli`."""
    script = Path(argv0 if argv0 is not None else sys.argv[0])
    if script.name in ("plancli", "plancli.exe") and script.exists():
        return shlex.quote(os.path.abspath(script))
    return f"{shlex.quote(python or sys.executable)} -m plancli"


def crontab_line(plan: Path, command: str | None = None) -> str:
    """`0 7 * * * /abs/plancli remind --within 7 --plan /abs/plan.yaml`."""
    program = command if command is not None else plancli_command()
    where = shlex.quote(os.path.abspath(plan))
    return f"{SCHEDULE} {program} remind --within {REMIND_WITHIN_DAYS} --plan {where}"


def crontab_text(
    plan: Path, command: str | None = None, width: int | None = None, *, where: str = ""
) -> str:
    """What `plancli init` prints last: the sentences folded at `width`, each command on its
    own line, indented and never folded (a line break inside the crontab line would break
    the crontab; cron ignores the indent). `where` is the ` --plan PATH` the notification
    command needs (empty for the default plan)."""
    from plancli.narrow import fit_text

    lines = [
        "",
        fit_text(
            _("To get an email each morning when something is due, open your crontab:"),
            width,
            hang=0,
        ),
        "  crontab -e",
        fit_text(_("and add this line:"), width, hang=0),
        "  " + crontab_line(plan, command),
        fit_text(_("For a desktop notification instead, run:"), width, hang=0),
        f"  plancli remind --notify{where}",
    ]
    return "\n".join(lines) + "\n"
