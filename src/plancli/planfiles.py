"""Which plan files a command reads, and reading them all with their deadlines.

`--plan` names one plan file, several, or a folder of plans (caseload mode). Nothing here
prints: a plan that cannot be read comes back as a message, and the CLI says it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from plancli import report, store
from plancli.deadlines import deadlines_for
from plancli.digest import PlanDeadlines
from plancli.errors import PlancliError
from plancli.i18n import _


def default_plan_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("plancli", appauthor=False) / "plan.yaml"


def one_plan(path: Path | None) -> Path:
    return path if path is not None else default_plan_path()


def plan_paths(paths: Sequence[Path] | None) -> list[Path]:
    """--plan values, with every *.yaml plan of a named folder (caseload mode)."""
    if not paths:
        return [default_plan_path()]
    found: list[Path] = []
    for path in paths:
        if is_folder(path):  # not path.is_dir(): a name too long would raise
            found += sorted(p for p in path.glob("*.yaml") if p.is_file())
            found += sorted(p for p in path.glob("*.yml") if p.is_file())
        else:
            found.append(path)
    return found


def is_caseload(paths: Sequence[Path] | None) -> bool:
    return bool(paths) and (len(paths or ()) > 1 or any(is_folder(p) for p in paths or ()))


def is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long, a NUL byte ...: not a folder
        return False


@dataclass(frozen=True, slots=True)
class Loaded:
    """The plans read, with their deadlines, and a message for each that could not be."""

    plans: list[PlanDeadlines] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def load_plans(paths: Sequence[Path] | None, now: date) -> Loaded:
    """Every plan of --plan with all its deadlines, for `deadlines`, `remind`, `export ics`.

    One plan: an unreadable file stops here (its message is the only error). Caseload mode
    (several --plan, or a folder): a bad file, or a folder without plans, is an error and the
    others are still read. Call inside `kept_out_of_gc`.
    """
    import gc

    loaded = Loaded(errors=empty_folders(paths))
    caseload = is_caseload(paths)
    for path in plan_paths(paths):
        try:
            one = store.load_plan(path)
        except PlancliError as error:
            loaded.errors.append(str(error))
            if not caseload:
                break
            continue
        loaded.plans.append(
            PlanDeadlines(
                one, str(path), deadlines_for(one, now), plan_arg=str(path) if paths else None
            )
        )
        gc.freeze()  # see kept_out_of_gc
    return loaded


def empty_folders(paths: Sequence[Path] | None) -> list[str]:
    """A message for each folder of --plan that holds no plan file (SPEC §7: an error)."""
    from plancli.i18n import _

    messages = []
    for folder in paths or ():
        if not is_folder(folder) or plan_paths([folder]):
            continue
        if folder.suffix.lower() in (".yaml", ".yml"):
            messages.append(
                _(
                    "{folder} is a folder, not a plan file, and it holds no plan files; give "
                    "the path of your plan file (or of a folder of plans) with --plan."
                ).format(folder=report.printable(str(folder)))
            )
        else:
            messages.append(
                _(
                    "{folder} is a folder without plan files (*.yaml or *.yml); give the "
                    "folder of your plans or a plan file with --plan."
                ).format(folder=report.printable(str(folder)))
            )
    return messages


@contextmanager
def kept_out_of_gc() -> Iterator[None]:
    """For `load_plans`, which freezes what it has read after each plan (O(1)).

    Every plan read stays in memory until the output is written; CPython's cycle collector
    would scan them all again and again as they pile up (5,000 plans: 4.7 s of 15 s, and
    growing faster than the caseload). Frozen objects are still freed by reference counting;
    on the way out they are handed back to the collector. See docs/performance.md.
    """
    import gc

    try:
        yield
    finally:
        gc.unfreeze()


def refuse_plan_as_output(output: Path, plan_files: Sequence[Path]) -> None:
    """Every plan given, also one that could not be read: --force must not replace it."""
    if any(same_file(output, p) for p in plan_files):
        raise PlancliError(
            _("{output} is a plan file; choose another --output.").format(output=output)
        )


def same_file(one: Path, other: Path) -> bool:
    """Do two paths name the same file? Not Path.resolve(): a symlink loop raises there."""
    return os.path.realpath(one) == os.path.realpath(other)
