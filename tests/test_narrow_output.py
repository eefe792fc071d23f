"""Readable at 80 columns: no line over 80 (but a single web address) and no word split
across lines in `rules`, `letter --list`, `explain`; caseload rows a few lines each."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from plancli import planfiles, view
from plancli.cli import app
from plancli.narrow import fit_line, fit_table
from plancli.rules import ALL_RULES

EXAMPLES = Path(__file__).parent.parent / "examples"
MAYA = str(EXAMPLES / "maya-iep.yaml")


def run(*args: str, columns: int) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def words(text: str) -> set[str]:
    return set(text.split())


def assert_readable(narrow: str, allowed: set[str], width: int = 80) -> None:
    for line in narrow.splitlines():
        assert len(line) <= width or len(line.split()) == 1, line  # a URL stays whole
        unknown = set(line.split()) - allowed
        assert not unknown, (unknown, line)  # a fragment of a split word is not a word


@pytest.mark.parametrize(
    "command",
    [
        ["rules"],
        ["letter", "--list"],
        ["explain", "assessment-plan"],
        ["explain", "assessment-plan", "--plan", MAYA, "--today", "2026-11-23"],
        ["explain", "e1", "--plan", MAYA, "--today", "2026-11-23"],
    ],
)
def test_plain_output_at_80_columns_breaks_no_word(command: list[str]) -> None:
    wide = run(*command, columns=10_000)
    narrow = run(*command, columns=80)
    headers = (
        "System: Trigger: Period: Counting: Owed by: Law: Source: To: Asks for: Languages: "
        "Values (--set KEY=VALUE; * required):"
    )
    assert_readable(narrow, words(wide) | words(headers))
    assert words(narrow) - words(headers) <= words(wide)
    header_words = words(headers.replace(":", "")) | {"Rule", "Letter"}
    assert words(wide) <= words(narrow) | header_words  # nothing lost


def test_rules_blocks_are_four_lines_a_rule() -> None:
    narrow = run("rules", columns=80)
    assert narrow.startswith(
        "assessment-plan\n"
        "  System: iep   Trigger: assessment-requested   Period: 15 days\n"
        "  Counting: school-tolled + end-of-year   Owed by: district\n"
        "  Law: Cal. Educ. Code §§ 56321(a), 56043(a)   Source: law-text (conflict)\n"
        "assessment-plan-review\n"
    )


def test_rules_on_a_terminal_80_wide_are_the_same_blocks() -> None:
    shown = view.rules_for_terminal(list(ALL_RULES), 80)
    assert isinstance(shown, str)
    console = Console(file=io.StringIO(), width=80)
    console.print(shown, markup=False, soft_wrap=True)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    cells = json.loads(view.rules_json(list(ALL_RULES)))
    allowed = words(json.dumps(cells, ensure_ascii=False)) | words(text.split("\n")[0])
    allowed |= words(" ".join(f"{h}:" for h in view.RULE_HEADERS))
    allowed |= {w for v in view._rule_cells(list(ALL_RULES)) for c in v for w in c.split()}
    assert_readable(text, allowed)
    assert not isinstance(view.rules_for_terminal(list(ALL_RULES), 400), str)  # wide: a table


def test_caseload_rows_take_three_lines_at_80_columns() -> None:
    now = date(2026, 11, 23)
    loaded = planfiles.load_plans([EXAMPLES], now)
    rows = [
        (one.plan.child.name, Path(one.path), d)
        for one in loaded.plans
        for d in one.deadlines
        if d.is_open
    ]
    console = Console(file=io.StringIO(), width=80)
    console.print(view.deadlines_table(rows, now, caseload=True))
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    body = [line for line in lines if line.startswith("│")]
    assert all(len(line) <= 80 for line in lines)
    assert len(body) <= 3 * len(rows)
    assert "Leo Martinez: District sends a" in "\n".join(lines)


def test_fit_line_keeps_long_words_whole_and_hangs_continuations() -> None:
    assert fit_line("  Source: " + "x" * 90, 80) == ["  Source:", "    " + "x" * 90]
    assert fit_line("short", 80) == ["short"]
    assert fit_table(["A", "B"], [["one", "two"]], 80) == "A    B\none  two"
    assert fit_table(["A", "B"], [["one", "two " * 30]], 40) == "\n".join(
        [
            "one",
            "  B: two two two two two two two two two",
            *(["    two two two two two two two two two"] * 2),
            "    two two two",
        ]
    )


def run_both(*args: str, columns: int) -> tuple[str, str]:
    """stdout and stderr of a command that succeeds, with the terminal `columns` wide."""
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


@pytest.mark.parametrize("lang", ["en", "es"])
def test_remind_at_80_columns_breaks_no_word(lang: str) -> None:
    # The walk-through found "(estimate|d)" and "pida|lo": the digest is plain text, so the
    # terminal cut it wherever the column ended. From cron (no terminal) it stays unfolded.
    command = ("remind", "--plan", MAYA, "--today", "2026-12-01", "--lang", lang)
    wide = run(*command, columns=10_000)
    narrow = run(*command, columns=80)
    assert max(len(line) for line in wide.splitlines()) > 80  # the test can fail
    assert_readable(narrow, words(wide))
    assert words(narrow) == words(wide)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_letter_advice_and_warning_at_80_columns_break_no_word(lang: str, tmp_path: Path) -> None:
    # After `letter --output`, the estimate warning (stderr) and how to send the letter
    # (stdout) were single long lines the terminal cut mid-word ("e|very", "cop|ia").
    def letter(columns: int, name: str) -> tuple[str, str]:
        output = str(tmp_path / f"{name}.txt")
        return run_both(
            *("letter", "eval-request", "--plan", MAYA, "--today", "2026-11-23"),
            *("--lang", lang, "--output", output),
            columns=columns,
        )

    wide_out, wide_err = letter(10_000, "wide")
    narrow_out, narrow_err = letter(80, "narrow")
    assert max(len(line) for line in (wide_out + wide_err).splitlines()) > 80
    assert "\n" not in wide_err.strip()  # one line per paragraph for a script or a log
    allowed = words(wide_out + wide_err) | words(str(tmp_path / "narrow.txt"))
    assert_readable(narrow_out, allowed)
    assert_readable(narrow_err, allowed)


def test_warning_at_80_columns_breaks_no_word(tmp_path: Path) -> None:
    def add(columns: int) -> str:
        plan = tmp_path / f"plan{columns}.yaml"
        plan.write_bytes(Path(MAYA).read_bytes())
        field = ("--field", "urgnet=true", "--plan", str(plan), "--today", "2026-11-23")
        return run_both("add", "rc-intake-completed", "2026-10-01", *field, columns=columns)[1]

    wide, narrow = add(10_000), add(80)
    assert wide.startswith("Warning: --field urgnet:")
    assert len(wide.splitlines()[0]) > 80
    assert_readable(narrow, words(wide))
