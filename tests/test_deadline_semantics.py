"""What a careful user expects where SPEC §4 is silent; every date worked out by hand."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from plancli.cli import app
from tests.conftest import PlanWriter


def deadlines(plan: str, today: str, *extra: str) -> list[dict[str, Any]]:
    args = ["deadlines", "--plan", plan, "--today", today, "--format", "json", *extra]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)["deadlines"]
    return found


def one(found: list[dict[str, Any]], rule: str) -> dict[str, Any]:
    (match,) = [d for d in found if d["rule"] == rule]
    return match


SPLIT_BREAKS = """\
calendar:
  years:
    - first_day: 2026-08-12
      last_day: 2027-06-03
      breaks:
        - {name: Winter break 1, first: 2026-12-21, last: 2026-12-25}
        - {name: Winter break 2, first: 2026-12-28, last: 2027-01-01}
        - {name: Ski week, first: 2027-02-15, last: 2027-02-19}
        - {name: Spring break, first: 2027-03-01, last: 2027-03-05}
"""


def test_breaks_listed_back_to_back_are_one_vacation(write_plan: PlanWriter) -> None:
    """Two five-day breaks with only a weekend between them are a ten-day vacation: paused.

    2026-12-14 + 15 days: Dec 15-18 = 4; paused Sat Dec 19 - Sun Jan 3; Jan 4 = day 5 ...
    Jan 14 = day 15. Listed literally (two breaks of five weekdays) it would be 2026-12-29.
    """
    plan = write_plan(
        "  - {id: e1, type: assessment-requested, date: 2026-12-14}\n",
        calendar=False,
        extra=SPLIT_BREAKS,
    )
    found = deadlines(str(plan), "2026-12-15")
    assert one(found, "assessment-plan")["due"] == "2027-01-14"
    result = CliRunner().invoke(
        app, ["explain", "assessment-plan:e1", "--plan", str(plan), "--today", "2026-12-15"]
    )
    assert (
        "  Paused — Winter break 1 and Winter break 2: 2026-12-19 to 2027-01-03 not counted"
        in result.stdout.splitlines()
    )


def test_breaks_with_school_days_between_stay_apart(write_plan: PlanWriter) -> None:
    """Ski week and spring break have a school week between them: each is five days, counted.

    2027-02-12 + 15 days = 2027-02-27 (calendar days, nothing paused).
    """
    plan = write_plan(
        "  - {id: e1, type: assessment-requested, date: 2027-02-12}\n",
        calendar=False,
        extra=SPLIT_BREAKS,
    )
    assert one(deadlines(str(plan), "2027-02-13"), "assessment-plan")["due"] == "2027-02-27"


EARLY_START = (
    "  - {id: e1, type: early-start-referral, date: 2025-06-02}\n"
    "  - {id: e2, type: ifsp-meeting, date: 2025-07-10}\n"
    "  - {id: e3, type: ifsp-meeting, date: 2026-07-09}\n"
)


def test_early_start_dates_after_the_third_birthday_say_so(write_plan: PlanWriter) -> None:
    """Born 2024-03-10: Early Start ends 2027-03-10 (34 CFR 303.21(a)).

    ifsp-annual-meeting from e3: 2027-07-09, after it; ifsp-periodic-review: 2027-01-09, before.
    """
    plan = write_plan(EARLY_START, birth="2024-03-10", calendar=False)
    found = deadlines(str(plan), "2026-11-23")
    annual = one(found, "ifsp-annual-meeting")
    assert annual["due"] == "2027-07-09"
    assert any(
        n.startswith("Early Start ends at the third birthday (2027-03-10") for n in annual["notes"]
    )
    review = one(found, "ifsp-periodic-review")
    assert review["due"] == "2027-01-09"
    assert not any("Early Start ends" in n for n in review["notes"])


def test_early_start_is_not_listed_once_the_child_is_three(write_plan: PlanWriter) -> None:
    plan = write_plan(EARLY_START, birth="2024-03-10", calendar=False)
    assert [d for d in deadlines(str(plan), "2027-07-05") if d["system"] == "early-start"] == []
    everything = deadlines(str(plan), "2027-07-05", "--all")
    assert one(everything, "transition-notice")["status"] == "overdue"  # still there with --all
    remind = CliRunner().invoke(app, ["remind", "--plan", str(plan), "--today", "2027-07-05"])
    assert remind.exit_code == 0
    # Only the district's duty under Part B is left: an IEP in place by the third birthday.
    assert "District has an IEP in place by the child's third birthday" in remind.stdout
    assert "IFSP" not in remind.stdout
    assert "transition" not in remind.stdout.lower()


def test_an_extension_cannot_shorten_the_law(write_plan: PlanWriter) -> None:
    """Consent 2026-09-24 + 60 school-tolled days = 2026-11-23 (no long break in between)."""
    plan = write_plan(
        "  - {id: e1, type: assessment-consent-given, date: 2026-09-24}\n"
        "  - {id: e2, type: extension-agreed, date: 2026-10-01, rule: initial-iep,"
        " until: 2026-11-01}\n"
    )
    iep = one(deadlines(str(plan), "2026-10-02"), "initial-iep")
    assert iep["due"] == "2026-11-23"
    assert any("an extension can only add time" in n for n in iep["notes"])


def test_an_event_after_today_has_not_happened(write_plan: PlanWriter) -> None:
    """A meeting recorded ahead of time meets the deadline only once its day has come."""
    plan = write_plan(
        "  - {id: e1, type: assessment-consent-given, date: 2026-09-24}\n"
        "  - {id: e2, type: iep-meeting, date: 2026-11-20}\n"
    )
    assert one(deadlines(str(plan), "2026-11-10"), "initial-iep")["status"] == "upcoming"
    assert one(deadlines(str(plan), "2026-11-21", "--all"), "initial-iep")["status"] == "met"


def test_the_parents_window_is_a_right_not_a_deadline(write_plan: PlanWriter) -> None:
    """Plan received 2026-10-01: at least until 2026-10-16 to decide; no date to miss."""
    plan = write_plan("  - {id: e1, type: assessment-plan-received, date: 2026-10-01}\n")
    assert "assessment-plan-review" not in [d["rule"] for d in deadlines(str(plan), "2026-11-01")]
    window = one(deadlines(str(plan), "2026-11-01", "--all"), "assessment-plan-review")
    assert window["due"] == "2026-10-16"
    late = write_plan(
        "  - {id: e1, type: assessment-plan-received, date: 2026-10-01}\n"
        "  - {id: e2, type: assessment-consent-given, date: 2026-10-20}\n",
        name="late.yaml",
    )
    assert (
        one(deadlines(str(late), "2026-11-01", "--all"), "assessment-plan-review")["status"]
        == "met"
    )


def test_a_parents_limit_lapsed_years_ago_is_not_listed(write_plan: PlanWriter) -> None:
    """Notice 2023-01-10 (before 2023-03-01): 30 days, 2023-02-09; over a year past."""
    plan = write_plan(
        "  - {id: e1, type: notice-of-action-received, date: 2023-01-10}\n", calendar=False
    )
    assert [d for d in deadlines(str(plan), "2026-11-23") if d["owed_by"] == "parent"] == []
    lapsed = one(deadlines(str(plan), "2026-11-23", "--all"), "fair-hearing-request")
    assert lapsed["due"] == "2023-02-09"
