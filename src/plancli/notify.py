"""A desktop notification for `plancli remind --notify` (SPEC §10), for a laptop without cron mail.

The notifier is found on PATH (`notify-send` on Linux and the BSDs, `osascript` on macOS,
PowerShell's toast on Windows) and run with an argument list, never through a shell: the
title and body are data, so a note containing quotes or `$(...)` is shown, not run. Whether
the notification was shown is returned; nothing is printed. `which` and `run` are
parameters so that tests can give a fake notifier.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

APP_NAME = "plancli"
TIMEOUT_SECONDS = 10.0
MAX_BODY = 1000  # notification bubbles show a few lines; the full digest stays on stdout

Which = Callable[[str], str | None]
Run = Callable[[Sequence[str], Mapping[str, str]], int]

# AppleScript reads the title and body from its own arguments (`on run argv`), never from
# text spliced into the script.
_APPLESCRIPT = (
    "on run argv",
    "display notification (item 2 of argv) with title (item 1 of argv)",
    "end run",
)
# PowerShell reads them from the environment for the same reason, and escapes them as XML.
_TOAST = (
    "$ErrorActionPreference = 'Stop';"
    "[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications,"
    " ContentType = WindowsRuntime] > $null;"
    "[Windows.Data.Xml.Dom.XmlDocument, Windows.Data.Xml.Dom.XmlDocument,"
    " ContentType = WindowsRuntime] > $null;"
    "$t = [Security.SecurityElement]::Escape($env:PLANCLI_NOTIFY_TITLE);"
    "$b = [Security.SecurityElement]::Escape($env:PLANCLI_NOTIFY_BODY);"
    "$x = New-Object Windows.Data.Xml.Dom.XmlDocument;"
    "$x.LoadXml(\"<toast><visual><binding template='ToastGeneric'><text>$t</text>"
    '<text>$b</text></binding></visual></toast>");'
    "$n = [Windows.UI.Notifications.ToastNotification]::new($x);"
    "[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier('plancli')"
    ".Show($n)"
)


@dataclass(frozen=True, slots=True)
class Notifier:
    """A found notifier: how to run it for one title and body."""

    name: str
    program: str  # its full path

    def command(self, title: str, body: str) -> tuple[list[str], dict[str, str]]:
        """The argument list and the extra environment that show `title` and `body`."""
        if self.name == "notify-send":
            # `--` ends the options: a title starting with "-" is shown, not parsed.
            return [self.program, f"--app-name={APP_NAME}", "--", title, body], {}
        if self.name == "osascript":
            script = [part for line in _APPLESCRIPT for part in ("-e", line)]
            return [self.program, *script, title, body], {}
        command = [self.program, "-NoProfile", "-NonInteractive", "-Command", _TOAST]
        return command, {"PLANCLI_NOTIFY_TITLE": title, "PLANCLI_NOTIFY_BODY": body}


def find_notifier(which: Which = shutil.which, platform: str = sys.platform) -> Notifier | None:
    """The desktop notifier of this system, or None when there is none."""
    if platform == "darwin":
        names: tuple[str, ...] = ("osascript",)
    elif platform in ("win32", "cygwin"):
        names = ("powershell", "pwsh")
    else:
        names = ("notify-send",)
    for name in names:
        program = which(name)
        if program:
            return Notifier("toast" if name in ("powershell", "pwsh") else name, program)
    return None


def _run(command: Sequence[str], extra_env: Mapping[str, str]) -> int:
    env = {**os.environ, **extra_env} if extra_env else None
    done = subprocess.run(  # an argument list, no shell
        list(command),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    return done.returncode


def notify(
    title: str,
    body: str,
    *,
    which: Which = shutil.which,
    run: Run = _run,
    platform: str = sys.platform,
) -> bool:
    """Show a desktop notification; True when the notifier ran and said it succeeded."""
    notifier = find_notifier(which, platform)
    if notifier is None:
        return False
    if len(body) > MAX_BODY:
        body = body[: MAX_BODY - 1] + "…"
    command, extra_env = notifier.command(_one_line(title), body)
    try:
        return run(command, extra_env) == 0
    except (OSError, subprocess.SubprocessError, ValueError):
        return False  # a broken or hanging notifier: the digest is still printed


def _one_line(text: str) -> str:
    return " ".join(text.split())
