"""Errors a user can fix. Each message says what is wrong and what to do next.

Only ``cli.py`` turns these into exit code 1; core code raises them and never prints.
Messages never quote the plan's personal data (names, notes, addresses): at most a key path
and the offending scalar, so an error report can be shared safely.
"""

from __future__ import annotations

from collections.abc import Sequence

from plancli.i18n import _, ngettext


class PlancliError(Exception):
    """A problem the user can fix; the message is shown as is."""


class PlanNotFoundError(PlancliError):
    """The plan file does not exist."""


class PlanFileError(PlancliError):
    """The plan file cannot be read or is not valid; lists every problem found."""

    def __init__(self, path: str, problems: Sequence[str], *, hint: str = "") -> None:
        self.path = path
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = [
            ngettext("{path} has {n} problem:", "{path} has {n} problems:", count).format(
                path=path, n=count
            )
        ]
        lines += [f"  {problem}" for problem in self.problems]
        lines.append(
            hint
            or _(
                "Fix these lines in the file (any text editor will do), then run "
                "`plancli check` to confirm."
            )
        )
        super().__init__("\n".join(lines))


class NewerPlanError(PlanFileError):
    """The plan was written by a newer plancli: one paragraph (update plancli), no lines to
    fix, since editing the file (its version number) would make this plancli misread it."""

    def __init__(self, path: str, shown: str, version: int) -> None:
        message = _(
            "{path} was written by a newer plancli (plan version {shown}; this plancli reads "
            "up to version {version}). Update plancli, then run the command again: in "
            "plancli's folder, run `git pull`, then `pip install -e .` again. Do not change "
            "the version number in the file: the newer plancli may have written things this "
            "one would misread."
        ).format(path=path, shown=shown, version=version)
        self.path = path
        self.problems = (message,)
        PlancliError.__init__(self, message)


class UnknownNameError(PlancliError):
    """An unknown event type, rule, event id or letter; suggests the closest names."""


class UnknownLanguageError(PlancliError):
    """`--lang` names a language plancli does not speak."""


class PlanExistsError(PlancliError):
    """Refusing to overwrite an existing file."""


class PlanWriteError(PlancliError):
    """The plan file could not be written; the previous version is untouched."""


class LetterError(PlancliError):
    """A letter cannot be written (missing field, unknown template, output exists)."""


def suggestion(word: str, choices: Sequence[str]) -> str:
    """' Did you mean: a, b?' for the closest choices, or '' when none is close."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.5)
    if not close:
        close = [c for c in choices if word and (word in c or c in word)][:3]
    return " " + _("Did you mean: {names}?").format(names=", ".join(close)) if close else ""
