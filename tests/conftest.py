"""Shared fixtures: a real-looking district calendar and a plan-file writer; the hypothesis
profiles."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from plancli.daycount import Break, SchoolCalendar, SchoolYear

D = date.fromisoformat

# CI runs the same examples every time (a failure there reproduces anywhere with
# HYPOTHESIS_PROFILE=ci), with no deadline: a shared, loaded machine must not turn a slow
# example into a failure. Elsewhere hypothesis keeps its defaults and explores new examples.
settings.register_profile("ci", derandomize=True, deadline=None, database=None, print_blob=True)
settings.register_profile("dev")
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files under tests/golden/ from the current output.",
    )


def maya_calendar() -> SchoolCalendar:
    """The calendar of examples/maya-iep.yaml (2026-27 and 2027-28)."""
    return SchoolCalendar(
        years=(
            SchoolYear(
                D("2026-08-12"),
                D("2027-06-03"),
                (
                    Break("Thanksgiving break", D("2026-11-23"), D("2026-11-27")),
                    Break("Winter break", D("2026-12-21"), D("2027-01-01")),
                    Break("Spring break", D("2027-03-29"), D("2027-04-02")),
                ),
            ),
            SchoolYear(
                D("2027-08-11"),
                D("2028-06-01"),
                (
                    Break("Thanksgiving break", D("2027-11-22"), D("2027-11-26")),
                    Break("Winter break", D("2027-12-20"), D("2027-12-31")),
                    Break("Spring break", D("2028-04-03"), D("2028-04-07")),
                ),
            ),
        ),
        holidays=frozenset({D("2027-02-12"), D("2028-02-11")}),
    )


CALENDAR_YAML = """\
calendar:
  years:
    - first_day: 2026-08-12
      last_day: 2027-06-03
      breaks:
        - {name: Thanksgiving break, first: 2026-11-23, last: 2026-11-27}
        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}
        - {name: Spring break, first: 2027-03-29, last: 2027-04-02}
    - first_day: 2027-08-11
      last_day: 2028-06-01
      breaks:
        - {name: Thanksgiving break, first: 2027-11-22, last: 2027-11-26}
        - {name: Winter break, first: 2027-12-20, last: 2027-12-31}
        - {name: Spring break, first: 2028-04-03, last: 2028-04-07}
  holidays: [2027-02-12, 2028-02-11]
"""

PlanWriter = Callable[..., Path]


@pytest.fixture
def write_plan(tmp_path: Path) -> PlanWriter:
    """Write a plan file from YAML event lines; returns its path."""

    def write(
        events: str = "",
        *,
        birth: str = "2019-05-14",
        extra: str = "",
        calendar: bool = True,
        name: str = "plan.yaml",
    ) -> Path:
        text = f"version: 1\nchild:\n  name: Test Child\n  birth_date: {birth}\n"
        text += CALENDAR_YAML if calendar else ""
        text += extra
        text += "events:\n" + events if events else "events: []\n"
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """A Spanish command sets the process's language: every test starts and ends in English."""
    from plancli import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")
