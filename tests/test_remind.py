"""`plancli remind`: the cron digest (issue 4). Empty exactly when nothing is due."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from plancli import digest, store
from plancli.cli import app
from plancli.deadlines import OPEN_STATUSES, deadlines_for
from tests.conftest import PlanWriter

EXAMPLES = Path(__file__).parent.parent / "examples"
MAYA = EXAMPLES / "maya-iep.yaml"
LEO = EXAMPLES / "leo-early-start.yaml"
D = date.fromisoformat

NOTICE = """\
  - id: e1
    type: notice-of-action-received
    date: 2026-10-01
    effective_date: 2026-11-01
"""
REQUEST = """\
  - id: e1
    type: assessment-requested
    date: 2026-09-03
"""


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env)


def test_prints_nothing_at_all_when_nothing_is_due() -> None:
    # Maya: the assessment plan is due 2026-09-18, 14 days after 2026-09-04.
    result = run("remind", "--plan", str(MAYA), "--today", "2026-09-04")
    assert result.exit_code == 0
    assert result.stdout == ""  # not even a newline: cron sends no mail
    assert result.stderr == ""


def test_due_within_the_window_is_listed_with_the_law_and_next_step(
    write_plan: PlanWriter,
) -> None:
    plan = write_plan(REQUEST)
    result = run("remind", "--plan", str(plan), "--today", "2026-09-11")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("plancli reminder for Test Child, 2026-09-11: 0 overdue, 1 due within")
    assert "- 2026-09-18 (in 7 days): District sends a proposed assessment plan" in out
    assert "Owed by: district" in out
    assert "Law: Cal. Educ. Code §§ 56321(a), 56043(a)" in out
    assert f"plancli add assessment-plan-received YYYY-MM-DD --plan {plan}" in out
    assert f"plancli explain assessment-plan:e1 --plan {plan}" in out
    assert "\x1b[" not in out
    assert result.stderr == ""


def test_within_is_a_window_in_days(write_plan: PlanWriter) -> None:
    plan = str(write_plan(REQUEST))
    # 2026-09-18 is 8 days after 2026-09-10: outside the default 7, inside --within 8.
    assert run("remind", "--plan", plan, "--today", "2026-09-10").stdout == ""
    result = run("remind", "--plan", plan, "--today", "2026-09-10", "--within", "8")
    assert "2026-09-18 (in 8 days)" in result.stdout
    # --within 0: overdue and due today only.
    assert run("remind", "--plan", plan, "--today", "2026-09-17", "--within", "0").stdout == ""
    result = run("remind", "--plan", plan, "--today", "2026-09-18", "--within", "0")
    assert "DUE TODAY" in result.stdout
    assert "(due today)" in result.stdout


def test_overdue_first_and_the_missed_deadline_letter(write_plan: PlanWriter) -> None:
    plan = write_plan(
        REQUEST
        + """\
  - id: e2
    type: records-requested
    date: 2026-09-28
"""
    )
    result = run("remind", "--plan", str(plan), "--today", "2026-10-01")
    assert result.exit_code == 0, result.output
    out = result.stdout
    # school-records: 5 business days from 2026-09-28 is 2026-10-05 (due within 7 days).
    assert out.index("OVERDUE") < out.index("2026-09-18") < out.index("DUE WITHIN 7 DAYS")
    assert out.index("DUE WITHIN 7 DAYS") < out.index("2026-10-05")
    assert "2026-09-18 (13 days late): District sends a proposed assessment plan" in out
    assert f"plancli letter missed-deadline --set rule=assessment-plan --plan {plan}" in out
    assert "1 overdue, 1 due within 7 days." in out.splitlines()[0]


def test_parent_owed_lanterman_deadlines_suggest_the_appeal_letter(write_plan: PlanWriter) -> None:
    plan = write_plan(NOTICE)
    # aid-paid-pending: 30 days, but no later than the effective date 2026-11-01 -> 2026-10-31.
    result = run("remind", "--plan", str(plan), "--today", "2026-10-28")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Last day to appeal and keep current services during the appeal" in out
    assert "Owed by: parent" in out
    assert "plancli letter appeal-request --set notice=e1" in out
    assert "missed-deadline" not in out


def test_overdue_parent_deadline_does_not_suggest_a_letter_to_the_agency(
    write_plan: PlanWriter,
) -> None:
    plan = write_plan(NOTICE)
    result = run("remind", "--plan", str(plan), "--today", "2026-11-03", "--within", "30")
    # SPEC §4 as amended by issue 9: the aid-paid-pending date (2026-10-31) has lapsed, which
    # is not open, so the digest leaves it out; the appeal itself (2026-11-30) is still open.
    assert "Last day to appeal and keep current services" not in result.stdout
    assert "file your appeal by 2026-11-30" in result.stdout
    assert "plancli add appeal-filed YYYY-MM-DD" in result.stdout
    assert "missed-deadline" not in result.stdout


def test_estimated_overdue_date_is_made_exact_before_the_letter() -> None:
    """Leo has no school calendar: assessment-plan (e8) is an estimate, which the
    missed-deadline letter refuses; the digest says first what makes the date exact."""
    result = run("remind", "--plan", str(LEO), "--today", "2026-12-01")
    assert result.exit_code == 0, result.output
    items = result.stdout.split("\n- ")
    estimated = next(i for i in items if "District sends a proposed assessment plan" in i)
    assert "(estimated)" in estimated
    step = estimated.split("Next step: ", 1)[1]
    fix = "First make it exact: add your district's school calendar to the plan"
    letter = "plancli letter missed-deadline --set rule=assessment-plan"
    assert fix in step
    assert step.index("this date is estimated") < step.index(fix) < step.index(letter)
    assert "Then, if it is still overdue, ask in writing" in step
    # Why: the letter refuses the estimate, as the step says.
    refused = run("letter", *letter.split()[2:], "--plan", str(LEO), "--date", "2026-12-01")
    assert refused.exit_code == 1
    assert "is estimated" in refused.stderr
    # An exact overdue date still goes straight to the letter.
    exact = next(i for i in items if "transition planning is starting" in i)
    # transition-notice has a met-by type now (SPEC §4, issue 9): record it if it happened.
    assert (
        "Next step: ask in writing, citing the law (if it did happen, record it instead):" in exact
    )
    assert "make it exact" not in exact


def test_plan_from_the_environment_as_cron_runs_it(write_plan: PlanWriter) -> None:
    plan = write_plan(REQUEST)
    result = run("remind", "--today", "2026-09-11", env={"PLANCLI_PLAN": str(plan)})
    assert result.exit_code == 0
    assert "District sends a proposed assessment plan" in result.stdout


def test_missing_plan_is_an_error_on_stderr(tmp_path: Path) -> None:
    result = run("remind", "--plan", str(tmp_path / "nope.yaml"), "--today", "2026-09-11")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "nope.yaml" in result.stderr
    assert "Traceback" not in result.output


def test_the_crontab_line_works_in_an_empty_environment(
    tmp_path: Path, write_plan: PlanWriter
) -> None:
    """cron runs with almost no environment: no PATH, no HOME, no LANG (README)."""
    plan = write_plan(REQUEST)
    script = Path(sys.executable).parent / "plancli"
    assert script.exists(), "the plancli script of this virtual environment"
    command = [str(script), "remind", "--within", "7", "--today", "2026-09-11"]
    done = subprocess.run(
        command, env={"PLANCLI_PLAN": str(plan)}, capture_output=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    assert "District sends a proposed assessment plan" in done.stdout.decode("utf-8")
    assert "§§ 56321(a)" in done.stdout.decode("utf-8")
    quiet = subprocess.run(
        [*command[:-1], "2026-09-04"],
        env={"PLANCLI_PLAN": str(plan)},
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, b"", b"")


# --------------------------------------------------------------------------------------------
# The property: the digest is empty exactly when nothing is overdue or due within the window.

PLANS = [
    digest.PlanDeadlines(store.load_plan(path), str(path), (), plan_arg=str(path))
    for path in (MAYA, LEO)
]


def _something_due(path: Path, today: date, within: int) -> bool:
    """SPEC §1/§4, independently of `select`: open, due within DAYS (overdue included), and
    not an age-based date more than a year past."""
    return any(
        d.status in OPEN_STATUSES
        and d.days_left <= within
        and not (d.rule.age is not None and (today - d.due).days > 365)
        for d in deadlines_for(store.load_plan(path), today)
    )


@settings(max_examples=150, deadline=None)
@given(
    today=st.dates(min_value=D("2025-05-01"), max_value=D("2028-09-30")),
    within=st.integers(min_value=0, max_value=30),
    which=st.sampled_from([0, 1]),
)
def test_digest_is_empty_exactly_when_nothing_is_due(today: date, within: int, which: int) -> None:
    source = PLANS[which]
    plan = digest.PlanDeadlines(
        source.plan, source.path, deadlines_for(source.plan, today), plan_arg=source.plan_arg
    )
    text = digest.digest_text([plan], today, within)
    assert (text != "") == _something_due(Path(source.path), today, within)
    if text:
        assert text.endswith("\n")
        assert f"{today.isoformat()}:" in text.splitlines()[0]


@settings(max_examples=15, deadline=None)
@given(today=st.dates(min_value=D("2026-08-20"), max_value=D("2027-01-31")))
def test_cli_output_is_empty_exactly_when_nothing_is_due(today: date) -> None:
    result = run("remind", "--plan", str(MAYA), "--today", today.isoformat())
    assert result.exit_code == 0
    assert (result.stdout != "") == _something_due(MAYA, today, 7)


def test_every_listed_deadline_is_due_within_the_window() -> None:
    today = D("2026-11-20")
    plan = digest.PlanDeadlines(
        PLANS[1].plan, str(LEO), deadlines_for(PLANS[1].plan, today), plan_arg=None
    )
    items = digest.due_items([plan], today, 7)
    assert items
    assert all(i.deadline.due <= today + timedelta(days=7) for i in items)
    assert all(i.deadline.is_open for i in items)
    statuses = [i.deadline.days_left < 0 for i in items]
    assert statuses == sorted(statuses, reverse=True)  # overdue first
