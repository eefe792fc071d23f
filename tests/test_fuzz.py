"""Hypothesis fuzzing of plan files and command lines (issue 5, SPEC §7).

Every generated case runs a real command in-process and must end in exit 0, or exit 1 or 2
with a message on stderr — never a traceback — and must leave the plan file byte for byte as
it was unless the command succeeded and writes. Three generators: mutated and random YAML
text, well-shaped plans with values of the wrong type, and random command lines for every
command.

CI runs about 2,400 cases. For a long local run, set PLANCLI_FUZZ_EXAMPLES (cases per test):

    PLANCLI_FUZZ_EXAMPLES=50000 python -m pytest tests/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from plancli import store
from plancli.cli import app
from plancli.rules import EVENT_TYPES, RULES_BY_ID

pytestmark = pytest.mark.slow  # fuzzing: `pytest -m "not slow"` leaves it out of the inner loop

EXAMPLE = Path(__file__).parent.parent / "examples" / "maya-iep.yaml"
BASE = EXAMPLE.read_text(encoding="utf-8")
WRITING_COMMANDS = {"add", "remove", "init"}
COMMANDS = ("add", "remove", "deadlines", "explain", "check", "events", "rules", "init")


def examples(default: int) -> Callable[[Any], Any]:
    count = int(os.environ.get("PLANCLI_FUZZ_EXAMPLES", "0") or 0) or default
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Path]:
    """A folder for the cases; Typer's command is built once (it is most of an invoke's cost)."""
    import typer.main
    import typer.testing

    command = typer.main.get_command(app)
    folder = Path(tempfile.mkdtemp(prefix="plancli-fuzz-"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", lambda _: command)
        yield folder
    shutil.rmtree(folder, ignore_errors=True)


def fresh(sandbox: Path) -> Path:
    """The case folder, emptied, with an empty `home` (so nothing can reach the real one)."""
    case = sandbox / "case"
    (case / "home").mkdir(parents=True, exist_ok=True)
    for entry in os.scandir(case):
        if entry.name == "home":
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)
    return case


def invoke(case: Path, args: list[str]) -> Result:
    env = {
        "PLANCLI_PLAN": str(case / "plan.yaml"),
        "PLANCLI_LOCK_TIMEOUT": "5",
        "NO_COLOR": "1",
        "HOME": str(case / "home"),
        "XDG_DATA_HOME": str(case / "home" / "data"),
        "XDG_CONFIG_HOME": str(case / "home" / "config"),
        "XDG_CACHE_HOME": str(case / "home" / "cache"),
    }
    cwd = os.getcwd()
    os.chdir(case)  # a relative path in the generated arguments stays inside the case folder
    try:
        return CliRunner().invoke(app, args, env=env, input="")
    finally:
        os.chdir(cwd)


def assert_graceful(result: Result, args: list[str], before: bytes | None, plan: Path) -> None:
    """Exit 0/1/2, no traceback, a message for a failure, the plan untouched unless written."""
    shown = repr(args)[:300]
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        shown,
        result.exception,
    )
    assert result.exit_code in (0, 1, 2), (shown, result.exit_code, result.output[-500:])
    assert "Traceback" not in result.stdout + result.stderr, shown
    if result.exit_code != 0:
        assert result.stderr.strip(), (shown, "a failure without a message")
    after = plan.read_bytes() if plan.is_file() else None
    writes = result.exit_code == 0 and args[:1] and args[0] in WRITING_COMMANDS
    if not writes:
        assert after == before, (shown, "the plan changed although the command did not succeed")
    elif after is not None:
        store.load_plan(plan)  # whatever a successful command wrote reads back


def run_on_plan(sandbox: Path, content: bytes, args: list[str]) -> None:
    case = fresh(sandbox)
    plan = case / "plan.yaml"
    plan.write_bytes(content)
    result = invoke(case, [*args, "--plan", str(plan)] if args[0] != "rules" else args)
    assert_graceful(result, args, content, plan)


# --------------------------------------------------------------------------------------------
# (a) YAML text: the example plan mutated, or nothing like a plan at all

ODD_SCALARS = [
    "2026-02-30",
    "0000-01-01",
    "99999-01-01",
    "9999-12-31",
    "0001-01-01",
    "1899-12-31",
    "26-09-03",
    "2026-9-3",
    "２０２６-０１-０１",
    "yes",
    "~",
    "null",
    "''",
    '"\\t\\u0000"',
    str(10**100),
    "9" * 5000,
    "-1",
    "0x1F",
    "+12",
    "²",
    "e1",
    "e" + "9" * 40,
    "assessment-requested",
    "extension-agreed",
    "initial-iep",
    "note",
    "&anchor value",
    "*anchor",
    "*nowhere",
    "!!python/object/apply:os.system [echo hi]",
    "!!binary aGk=",
    "!custom x",
    "[a, b]",
    "{a: 1}",
    "[",
    "{",
    "|\n  block\n  text",
    ">-\n  folded",
    "x\ty",
    "é Ω 😀 \u202e",
    "\u00a0",
    "x" * 20000,
    "'unterminated",
    "a: b: c",
    "- item",
    "? complex",
]


def line_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(ODD_SCALARS),
        st.text(max_size=40),
        st.from_regex(r"[ \t]{0,6}[a-z_]{1,12}:[ \t]?[^\n]{0,30}", fullmatch=True),
        st.from_regex(r"[ \t]{0,6}- [^\n]{0,30}", fullmatch=True),
    )


def alias_bomb(depth: int, width: int, key: str = "bomb") -> str:
    lines = [f"{key}0: &{key}0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, depth):
        lines.append(f"{key}{i}: &{key}{i} [" + ", ".join([f"*{key}{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@st.composite
def mutated_plan(draw: st.DrawFn) -> bytes:
    lines = BASE.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(lines)))
        op = draw(
            st.sampled_from(
                ["insert", "value", "delete", "duplicate", "tab", "indent", "bomb", "event"]
            )
        )
        if op == "insert":
            lines.insert(at, draw(line_text()) + "\n")
        elif op == "value" and at < len(lines) and ":" in lines[at]:
            key = lines[at].split(":", 1)[0]
            lines[at] = f"{key}: {draw(st.sampled_from(ODD_SCALARS))}\n"
        elif op == "delete" and at < len(lines):
            del lines[at]
        elif op == "duplicate" and at < len(lines):
            lines.insert(at, lines[at])
        elif op == "tab" and at < len(lines):
            lines[at] = "\t" + lines[at].lstrip(" ")
        elif op == "indent" and at < len(lines):
            lines[at] = " " * draw(st.integers(0, 9)) + lines[at].lstrip(" ")
        elif op == "bomb":
            lines.insert(0, alias_bomb(draw(st.integers(2, 12)), draw(st.integers(2, 12))))
        elif op == "event":
            field = draw(st.sampled_from(["date", "type", "id", "until", "rule", "urgent", "x"]))
            value = draw(st.sampled_from(ODD_SCALARS))
            lines.append(
                f"  - id: e{draw(st.integers(0, 99))}\n    type: extension-agreed\n"
                f"    date: 2026-10-01\n    {field}: {value}\n"
            )
    text = "".join(lines)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8)) + data[cut:]
    return data


plan_text = st.one_of(
    mutated_plan(),
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(line_text(), max_size=12).map(lambda ls: "\n".join(ls).encode("utf-8", "replace")),
)

any_command = st.sampled_from(
    [
        ["check"],
        ["deadlines", "--all", "--format", "json"],
        ["deadlines", "--today", "9999-12-31"],
        ["deadlines", "--today", "0001-01-01", "--all"],
        ["events"],
        ["explain", "e1"],
        ["explain", "assessment-plan"],
        ["add", "iep-meeting", "2026-12-01"],
        [
            "add",
            "extension-agreed",
            "2026-12-01",
            "--field",
            "rule=initial-iep",
            "--field",
            "until=2027-01-15",
        ],
        ["remove", "e2", "--yes"],
    ]
)


@examples(1000)
@given(content=plan_text, args=any_command)
def test_broken_plan_files(sandbox: Path, content: bytes, args: list[str]) -> None:
    run_on_plan(sandbox, content, args)


# --------------------------------------------------------------------------------------------
# (b) Plans of the right shape with values of the wrong type


def nested(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)


wrong = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**40), max_value=10**40),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=20),
        st.sampled_from(ODD_SCALARS),
        st.dates().map(str),
    ),
    nested,
    max_leaves=6,
)
date_like = st.one_of(st.dates().map(str), st.sampled_from(ODD_SCALARS[:10]), wrong)
event_type = st.one_of(st.sampled_from(EVENT_TYPES), st.text(max_size=25), wrong)
event = st.fixed_dictionaries(
    {
        "id": st.one_of(st.from_regex(r"e[0-9]{1,3}", fullmatch=True), wrong),
        "type": event_type,
        "date": date_like,
    },
    optional={
        "note": wrong,
        "until": date_like,
        "rule": st.one_of(st.sampled_from(sorted(RULES_BY_ID)), wrong),
        "urgent": wrong,
        "effective_date": date_like,
        "kind": event_type,
    },
)
school_year = st.fixed_dictionaries(
    {"first_day": date_like, "last_day": date_like},
    optional={
        "breaks": st.lists(
            st.fixed_dictionaries({"name": wrong, "first": date_like, "last": date_like}),
            max_size=4,
        )
        | wrong
    },
)
plan_data = st.fixed_dictionaries(
    {
        "child": st.one_of(
            st.fixed_dictionaries(
                {"name": st.one_of(st.text(max_size=30), wrong), "birth_date": date_like},
                optional={"concerns": wrong, "birthdate": date_like},
            ),
            wrong,
        ),
        "events": st.one_of(st.lists(event, max_size=8), wrong),
    },
    optional={
        "version": st.one_of(st.sampled_from([0, 1, 2, "1", "x", 10**30, -1]), wrong),
        "family": st.one_of(
            st.fixed_dictionaries({"language": wrong, "parent_name": wrong}), wrong
        ),
        "school": wrong,
        "calendar": st.one_of(
            st.fixed_dictionaries(
                {"years": st.one_of(st.lists(school_year, max_size=3), wrong)},
                optional={"holidays": st.one_of(st.lists(date_like, max_size=3), wrong)},
            ),
            wrong,
        ),
        "regional_center": st.one_of(
            st.fixed_dictionaries({"hcbs_waiver": wrong, "name": wrong}), wrong
        ),
    },
)


def as_yaml(data: Any, style: int) -> str:
    if style == 0:
        return json.dumps(data, indent=2, ensure_ascii=False, default=str)
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = style == 2
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


@examples(700)
@given(data=plan_data, style=st.integers(0, 2), args=any_command)
def test_plans_with_wrong_types(sandbox: Path, data: Any, style: int, args: list[str]) -> None:
    text = as_yaml(data, style)
    run_on_plan(sandbox, text.encode("utf-8", "surrogatepass"), args)


# --------------------------------------------------------------------------------------------
# (c) Command lines: every command, random options and values


word = st.one_of(
    st.sampled_from(ODD_SCALARS),
    st.sampled_from(EVENT_TYPES),
    st.sampled_from(sorted(RULES_BY_ID)),
    st.sampled_from(["e1", "e2", "e4", "e99", "assessment-plan:e1", "iep", "504", "rc"]),
    st.text(max_size=30),
    st.integers(-(10**30), 10**30).map(str),
    st.dates().map(str),
)
option = st.sampled_from(
    [
        "--today",
        "--within",
        "--all",
        "--system",
        "--format",
        "--note",
        "--field",
        "--yes",
        "--name",
        "--birth-date",
        "--parent-name",
        "--language",
        "--school",
        "--district",
        "--regional-center",
        "--verbose",
        "--help",
        "-p",
        "--plan",
    ]
)
field = st.builds(
    lambda k, v: f"{k}={v}",
    st.sampled_from(["urgent", "until", "rule", "effective_date", "x", "id", "", "a_date"]),
    word,
)


@st.composite
def command_line(draw: st.DrawFn) -> tuple[list[str], str]:
    command = draw(st.sampled_from(COMMANDS))
    args = [command]
    if command == "add":
        args += [draw(st.one_of(st.sampled_from(EVENT_TYPES), word)), draw(word)]
    elif command in ("remove", "explain"):
        args.append(draw(word))
    for _ in range(draw(st.integers(0, 6))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            args.append(draw(option))
        elif choice == 1:
            args += ["--field", draw(field)]
        else:
            args += [draw(option), draw(word)]
    where = draw(st.sampled_from(["plan", "plan", "plan", "new", "deep", "folder", "devnull"]))
    return args, where


@examples(700)
@given(line=command_line())
def test_command_lines(sandbox: Path, line: tuple[list[str], str]) -> None:
    args, where = line
    case = fresh(sandbox)
    plan = case / "plan.yaml"
    plan.write_text(BASE, encoding="utf-8")
    target = {
        "plan": plan,
        "new": case / "new.yaml",
        "deep": case / "no" / "such" / "folder" / "plan.yaml",
        "folder": case,
        "devnull": Path(os.devnull),
    }[where]
    # An explicit --plan in the generated options must stay inside the case folder.
    args = [str(case / "other.yaml") if a.startswith("/") else a for a in args]
    result = invoke(case, [*args, "--plan", str(target)])
    assert_graceful(result, args, BASE.encode("utf-8"), plan)
    assert not any((case / "home").iterdir()), "something was written to the home folder"
