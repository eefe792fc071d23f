"""Hypothesis fuzzing of the commands that write files: `letter`, `remind`, `export ics`.

The same contract as tests/test_fuzz.py (exit 0, or 1 or 2 with a message on stderr, never a
traceback), over the example plans and the broken plans of test_fuzz, plus what SPEC §6-§7 say
about files:

- a command that fails writes nothing: the --output file does not exist afterwards unless it
  existed before, and then its bytes are unchanged. The one exception is the documented
  caseload behaviour of `export ics` (README, docs/remind-export.md): with several plans, a bad
  one is reported, the calendar of the others is written, and the exit status is 1;
- every file plancli writes is readable by its owner only (mode 0o600);
- the plan file's bytes are unchanged unless `letter --record` succeeded;
- nothing else in the folder changes, and no temporary file is left behind.

CI runs 1,350 cases (600 letter, 400 remind, 350 export ics; about 15 s). For a long local
run, set PLANCLI_FUZZ_EXAMPLES (cases per test):

    PLANCLI_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz_outputs.py -p no:cacheprovider
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from typer.testing import Result

from plancli import letters, store
from plancli.cli import app
from plancli.letters import LETTERS
from tests.test_fuzz import as_yaml, examples, fresh, invoke, plan_data, plan_text

EXAMPLES = Path(__file__).parent.parent / "examples"
MAYA = (EXAMPLES / "maya-iep.yaml").read_bytes()
LEO = (EXAMPLES / "leo-early-start.yaml").read_bytes()
# Leo's plan with a school calendar and Maya's with a notice of action: more letters render.
NOTICE = b"""\
  - id: e9
    type: notice-of-action-received
    date: 2026-11-02
    effective_date: 2026-12-01
"""
MAYA_NOTICE = MAYA + NOTICE
LETTER_NAMES = tuple(letter.name for letter in LETTERS)
FIELD_NAMES = tuple(sorted({f.name for letter in LETTERS for f in letter.fields}))
BUILTIN_TEMPLATES = tuple(
    sorted(p.name for p in letters._builtin_folder().iterdir() if p.name.endswith(".md.j2"))
)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Path]:
    """A folder for the cases; Typer's command is built once (it is most of an invoke's cost)."""
    import typer.main
    import typer.testing

    command = typer.main.get_command(app)
    folder = Path(tempfile.mkdtemp(prefix="plancli-fuzz-out-"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", lambda _: command)
        yield folder
    shutil.rmtree(folder, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# Files in the case folder, before and after


Entry = tuple[Any, ...]


def snapshot(root: Path) -> dict[str, Entry]:
    """Every file, folder and symlink under `root` (home excluded): bytes and mode."""
    found: dict[str, Entry] = {}
    for folder, dirs, files in os.walk(root):
        if os.path.relpath(folder, root) == "home":
            dirs[:] = []
            continue
        for name in [*dirs, *files]:
            path = os.path.join(folder, name)
            key = os.path.relpath(path, root)
            if key == "home":
                continue
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                found[key] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                found[key] = ("dir",)
            else:
                found[key] = ("file", Path(path).read_bytes(), stat.S_IMODE(info.st_mode))
    return found


def assert_graceful(result: Result, args: list[str]) -> str:
    """Exit 0/1/2, no traceback, a message for a failure; returns the arguments, shown."""
    shown = repr(args)[:400]
    event(f"exit {result.exit_code}")  # pytest --hypothesis-show-statistics shows the mix
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        shown,
        repr(result.exception),
    )
    assert result.exit_code in (0, 1, 2), (shown, result.exit_code, result.output[-500:])
    assert "Traceback" not in result.stdout + result.stderr, shown
    if result.exit_code != 0:
        assert result.stderr.strip(), (shown, "a failure without a message")
    return shown


def assert_files(
    shown: str,
    before: dict[str, Entry],
    after: dict[str, Entry],
    *,
    output: str | None = None,
    output_written: bool = False,
    plan: str | None = None,
    plan_written: bool = False,
) -> None:
    """Only the output (when written) and the plan (after --record) may change; 0o600 both."""
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        assert new is not None, (shown, f"{key} was deleted")
        if key == output and output_written:
            assert new[0] == "file", (shown, key, new[0])
            assert new[2] == 0o600, (shown, f"{key} has mode {new[2]:o}")
            assert new[1], (shown, f"{key} is empty")
        elif plan is not None and plan_written and (key == plan or key.startswith(plan + ".bak")):
            assert new[0] == "file", (shown, key, new[0])
            assert new[2] == 0o600, (shown, f"{key} has mode {new[2]:o}")
        elif key.endswith(".lock") and old is None:
            assert new[0] == "file", (shown, key)  # a plan's lock file
            assert new[2] == 0o600, (shown, f"{key} has mode {new[2]:o}")
        else:
            what = "created" if old is None else "changed"
            raise AssertionError((shown, f"{key} was {what}", new[0], output, plan))


def key_of(case: Path, path: str) -> str:
    return os.path.relpath(os.path.abspath(os.path.join(case, path)), case)


# --------------------------------------------------------------------------------------------
# Plans, output files, values


def chance(draw: st.DrawFn, tenths: int) -> bool:
    """True `tenths` times in ten (st.integers would favour its bounds)."""
    return bool(draw(st.sampled_from([True] * tenths + [False] * (10 - tenths))))


def mostly(draw: st.DrawFn, good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> Any:
    """`good` nine times in ten: enough cases get past the first check to reach the rest."""
    return draw(good if chance(draw, 9) else bad)


# Text as a command line can carry it: no NUL (argv is C strings); bytes that are not UTF-8
# arrive as lone surrogates (Python decodes argv with surrogateescape).
argv_text = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)
not_utf8 = st.binary(min_size=1, max_size=12).map(
    lambda b: b.replace(b"\x00", b"").decode("utf-8", "surrogateescape")
)
long_text = st.builds(
    lambda piece, n: (piece * n)[:n],
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=5
    ),
    st.integers(300, 20_000),
)


@st.composite
def odd_text_plan(draw: st.DrawFn) -> bytes:
    """An example plan whose names and addresses hold any character YAML can escape (JSON
    strings are YAML): control characters, U+FFFE, right-to-left marks, emoji, long text."""
    text = MAYA if draw(st.booleans()) else LEO
    for key, value in (
        (b"name: Maya Lopez", b"name: "),
        (b"name: Leo Martinez", b"name: "),
        (b"parent_name: Ana Lopez", b"parent_name: "),
        (b"parent_name: Rosa Martinez", b"parent_name: "),
        (b"name: Lincoln Elementary", b"name: "),
        (b'address: "45 Olive Ave, San Jose, CA 95110"', b"address: "),
    ):
        if key in text and draw(st.booleans()):
            odd = draw(st.one_of(st.text(min_size=1, max_size=30), long_text))
            text = text.replace(key, value + yaml_string(odd).encode())
    return text


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar of any text (\\u escapes where YAML allows no raw byte)."""
    quoted = json.dumps(text, ensure_ascii=False)
    return re.sub("[\x7f-\x9f\ufeff\ufffe\uffff]", lambda m: f"\\u{ord(m[0]):04x}", quoted)


valid_plan = st.one_of(
    st.sampled_from([MAYA, LEO, MAYA_NOTICE]),
    st.sampled_from([MAYA, LEO, MAYA_NOTICE]),
    st.sampled_from([MAYA, LEO, MAYA_NOTICE]),
    odd_text_plan(),
)
broken_plan = st.one_of(
    plan_text,
    st.builds(lambda data, style: as_yaml(data, style).encode(), plan_data, st.integers(0, 2)),
)
any_plan = st.one_of(valid_plan, valid_plan, valid_plan, broken_plan)

NEAR = st.one_of(
    st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)).map(str),
    st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)).map(str),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)).map(str),
)
a_date = st.one_of(
    NEAR,
    NEAR,
    st.dates().map(str),
    st.sampled_from(["0001-01-01", "9999-12-31", "1900-01-01", "2199-12-31", "2026-02-30"]),
    st.sampled_from(["26-09-03", "2026-9-3", "", "today", "２０２６-１０-０１", "2026-10-01T00"]),
)
SET_VALUES = [
    "",
    " ",
    ";",
    "; ;",
    "a; b; c",
    "reading; speech and language",
    "true",
    "false",
    "yes",
    "maybe",
    "e1",
    "e7",
    "e9",
    "e99",
    "assessment-plan",
    "initial-iep",
    "school-records",
    "ipp-meeting",
    "2026-11-23",
    "2026-12-08",
    "2026-02-30",
    "0001-01-01",
    "9999-12-31",
    "3:30 PM",
    "<script>alert(1)</script>",
    "{{ sender }}",
    "- bullet\n- two",
    "Re: subject",
    "line\nbreak\r\nand\x0bvertical\x0cfeed\x1c\x85\u2028",
    "\x07\x1b[31mred\x1b[0m",
    "é Ω 😀 \u202e 中文 \ufeff \ufffe \uffff",
]
set_value = st.one_of(
    st.sampled_from(SET_VALUES),
    argv_text,
    st.lists(argv_text, max_size=6).map("; ".join),
    long_text,
    st.dates().map(str),
    not_utf8,
)
set_key = st.one_of(
    st.sampled_from(FIELD_NAMES),
    st.sampled_from(FIELD_NAMES),
    st.sampled_from(FIELD_NAMES),
    st.sampled_from(FIELD_NAMES),
    st.sampled_from(["x", "concerns ", " reason", "REASON", "é", "__class__", "a b"]),
    st.one_of(
        st.sampled_from(["", " "]),
        argv_text.filter(lambda t: "=" not in t),
        not_utf8,
    ),
)
set_pair = st.one_of(
    st.builds(lambda k, v: f"{k}={v}", set_key, set_value),
    st.builds(lambda k, v: f"{k}={v}", set_key, set_value),
    st.builds(lambda k, v: f"{k}={v}", set_key, set_value),
    st.builds(lambda k, v: f"{k}={v}", set_key, set_value),
    st.builds(lambda k, v: f"{k}={v}", set_key, set_value),
    st.sampled_from(["concerns", "=x", "==", "rule"]),
)
SUFFIXES = [".txt", ".md", ".html", ".docx", ".pdf", ".exe", "", ".PDF", ".Md", ".tar.gz"]
stem = st.one_of(
    st.just("out"),
    st.just("out"),
    st.just("out"),
    argv_text.filter(lambda t: "/" not in t and t not in (".", "..")),
    not_utf8.filter(lambda t: "/" not in t),
    st.integers(200, 245).map(lambda n: "L" * n),
)
OUTPUT_KINDS = ["new"] * 12 + ["exists", "folder", "no-folder", "plan", "plan-link", "dangling"]


@dataclass
class Folder:
    """What to put in the case folder before the command runs."""

    files: dict[str, bytes] = field(default_factory=dict)
    folders: list[str] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)

    def make(self, case: Path) -> None:
        for name in self.folders:
            (case / name).mkdir(parents=True, exist_ok=True)
        for name, data in self.files.items():
            (case / name).parent.mkdir(parents=True, exist_ok=True)
            (case / name).write_bytes(data)
        for name, target in self.links.items():
            os.symlink(target, case / name)


@st.composite
def output_target(
    draw: st.DrawFn, folder: Folder, plan: str, suffixes: list[str]
) -> tuple[str, str]:
    """An --output value and its kind; what it needs is added to `folder`."""
    kind = draw(st.sampled_from(OUTPUT_KINDS))
    name = draw(stem) + draw(st.sampled_from(suffixes))
    taken = {"", ".", "..", "home", "tpl", "no", *folder.files, *folder.folders, *folder.links}
    if name in taken:
        name = "o-" + name
    if kind == "new" and not chance(draw, 9) and chance(draw, 5):
        name = "L" * draw(st.integers(256, 300)) + name  # too long for the file system
    if kind == "plan":
        return plan, kind
    if kind == "no-folder":
        return f"no/such/{name}", kind
    if kind == "exists":
        folder.files[name] = draw(st.binary(min_size=1, max_size=30))
    elif kind == "folder":
        folder.folders.append(name)
    elif kind == "plan-link":
        folder.links[name] = plan
    elif kind == "dangling":
        folder.links[name] = "nowhere" + name[-8:]
    absolute = draw(st.booleans())
    return (f"{{case}}/{name}" if absolute else name), kind


# --------------------------------------------------------------------------------------------
# letter

HOSTILE = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ lipsum.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ sender.__class__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ '{0.__class__}'.format(sender) }}",
    "{{ 'abc'|attr('__class__') }}",
    "{% for k, v in sender.items() %}{{ k }}={{ v }}\n{% endfor %}",
    "{{ fields.nope }}",
    "{{ nope }}",
    "{{ nope.deeper }}",
    "{{ none }}",
    "{{ 1/0 }}",
    "{{ 'x' * 100001 }}",
    "{{ 'x' * 1000 * 1000 }}",
    "{{ [0] * 1000 * 1000 }}",
    "{{ 2 ** 65 }}",
    "{{ ((10 ** 60) ** 60) ** 2 }}",
    "{{ range(10 ** 9)|list }}",
    "{{ range(1, 100000)|sum }}",
    "{% include 'eval-request.en.md.j2' %}",
    "{% include 'eval-request.es.md.j2' %}",
    "{% extends 'eval-request.en.md.j2' %}",
    "{% extends '_base.en.md.j2' %}",
    "{% extends '_base.es.md.j2' %}{% block body %}{{ child.name }}{% endblock %}",
    "{% extends 'missing.j2' %}",
    "{% include 'nope' ignore missing %}",
    "{% import '_macros.en.md.j2' as m %}{{ m.nope() }}",
    "{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}",
    "{{ date|longdate }} {{ date|fulldate }}",
    "{{ 'x'|longdate }}",
    "{{ 99999|longdate }}",
    "{{ none|longdate }}",
    "{{ {'iso': '2026-02-30'}|longdate }}",
    "{{ '0001-01-01'|fulldate }}",
    "{{ 5|bullets }}",
    "{{ 'a; b'|bullets }}",
    "{{ [none, 1, 'x']|bullets }}",
    "{{ recipient.lines|join('\n') }}",
    "{{ response.due.long }}",
    "{{ missed.action }}",
    "{{ '%s' % sender }}",
    "{{ fields|tojson }}",
    "{{ date|tojson }}",
    "{% set x = namespace(a=1) %}{{ x.a }}",
    "{{ [1, 'a']|sort }}",
    "{{ (1e308 * 10)|int }}",
    "{{ 'x'|wordwrap(0) }}",
    "{{ 'x'|slice(0)|list }}",
    "{{ 'x'|truncate(-1) }}",
    "{{ []|first }}",
    "{% for x in 'ab' %}{% break %}{% endfor %}",
    "{% do x %}",
    "{{ sender }} {{ child }} {{ fields }} {{ law }} {{ deadlines }} {{ recipient }}",
    "Re: {{ letter.name }}\n\n- {{ child.name }}\n- {{ date.long }}\n",
    "{{",
    "{%",
    "{% if %}",
    "{% for %}",
    "{{ }}",
    "{% endfor %}",
    "{# unclosed",
    "{% raw %}{{{% endraw %}",
    "\x00\x07 é 😀",
    "",
]
TEMPLATE_NAMES = [
    *BUILTIN_TEMPLATES,
    "my-letter.en.md.j2",
    "my-letter.es.md.j2",
    "my-letter.fr.md.j2",
    "My-Letter.en.md.j2",
    "_private.en.md.j2",
    "x.en.md.j2",
]


@st.composite
def template_text(draw: st.DrawFn) -> bytes:
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return draw(st.binary(max_size=60))
    if choice == 1:
        text = draw(st.text(max_size=80))
    elif choice <= 3:
        text = "\n".join(draw(st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=3)))
    else:  # a built-in template with a hostile piece somewhere in it
        base = (letters._builtin_folder() / draw(st.sampled_from(BUILTIN_TEMPLATES))).read_text(
            encoding="utf-8"
        )
        at = draw(st.integers(0, len(base)))
        text = base[:at] + draw(st.sampled_from(HOSTILE)) + base[at:]
    return text.encode("utf-8", "surrogatepass")


@dataclass
class Line:
    """A generated command line and what the case folder needs for it."""

    args: list[str]
    folder: Folder
    plan: str | None = None  # the plan file's name (letter)
    output: str | None = None
    output_kind: str | None = None
    caseload: bool = False
    plans: list[str] = field(default_factory=list)  # plan files given (remind, export ics)


# Values a letter's fields take, so that most letters render; `set_value` then spoils some.
GOOD_VALUES: dict[str, st.SearchStrategy[str]] = {
    "concerns": st.sampled_from(["reading; math", "speech", "lectura; habla", "a;b;;c"]),
    "reason": st.sampled_from(["To discuss reading.", "Hablar del IEP", "x"]),
    "assessment": st.sampled_from(["psychoeducational assessment of October 2026"]),
    "meeting_date": NEAR,
    "meeting_time": st.sampled_from(["3:30 PM", "15:30"]),
    "agreed": st.sampled_from(["speech therapy; reading support", "OT"]),
    "disagreed": st.sampled_from(["placement", "less OT; no aide"]),
    "urgent": st.sampled_from(["true", "false", "yes", "no"]),
    "action": st.sampled_from(["Reducing speech therapy from 2 to 1 session a week"]),
    "notice": st.sampled_from(["e7", "e9", "e1"]),
    "aid_paid_pending": st.sampled_from(["true", "false"]),
    "rule": st.sampled_from(
        ["initial-iep", "school-records", "assessment-plan", "ipp-meeting-on-request", "rc-intake"]
    ),
    "trigger": st.sampled_from(["e3", "e4", "e8", "e1"]),
    "remedy": st.sampled_from(["Keep speech therapy at two sessions a week", "x"]),
    "facts": st.sampled_from(["On 2026-10-02 the principal said no.", "x"]),
    "right": st.sampled_from(["The right to an IPP meeting when I asked for one"]),
    "local_steps": st.sampled_from(["I wrote to the service coordinator on 2026-10-01"]),
    "interpreter": st.sampled_from(["es", "vi", "Vietnamese", "mixteco", "en"]),
    "student_authorizes": st.sampled_from(["true", "false"]),
    "system": st.sampled_from(["rc", "RC", "iep"]),
}
# Letter dates on which the example plans have overdue deadlines (for missed-deadline).
OVERDUE_DATES = ["2026-12-15", "2027-01-20", "2027-03-15", "2027-09-01"]


def plausible(text: str) -> bool:
    """A date plancli counts from (1900 to 2199)."""
    try:
        return 1900 <= date.fromisoformat(text).year <= 2199
    except ValueError:
        return False


@st.composite
def letter_line(draw: st.DrawFn) -> Line:
    folder = Folder()
    plan = draw(st.sampled_from(["plan.yaml", "plan.yaml", "plan.md", "plan.txt", "p\udce9.yaml"]))
    where = mostly(draw, st.just("plan"), st.sampled_from(["missing", "folder"]))
    if where == "plan":
        folder.files[plan] = mostly(draw, valid_plan, broken_plan)
    elif where == "folder":
        folder.folders.append(plan)
    name = mostly(
        draw,
        st.sampled_from(LETTER_NAMES),
        st.one_of(
            st.sampled_from(["my-letter", "x", "Eval-Request", "eval_request", "_base", "a" * 70]),
            argv_text,
        ),
    )
    args = ["letter", name, "--plan", plan]
    if not chance(draw, 9) and chance(draw, 3):
        args.append("--list")
    on = mostly(draw, st.one_of(NEAR, st.sampled_from(OVERDUE_DATES)), a_date)
    if chance(draw, 8):
        args += ["--date", on]
    else:
        on = date.today().isoformat()
    if chance(draw, 7):
        args += ["--today", mostly(draw, st.sampled_from(["2199-12-31", "2027-06-30"]), a_date)]
    lang = mostly(draw, st.sampled_from([None, "en", "es"]), argv_text)
    if lang is not None:
        args += ["--lang", lang]
    letter = letters.LETTERS_BY_NAME.get(name)
    if letter is not None and chance(draw, 7):
        for spec in letter.fields:
            if chance(draw, 9):
                good = GOOD_VALUES[spec.name]
                if spec.kind in ("text", "list") and draw(st.booleans()):
                    good = set_value  # what a person may type, or paste
                elif spec.kind == "date" and plausible(on) and chance(draw, 7):
                    days = draw(st.integers(1, 40)) * (1 if name == "recording-notice" else -1)
                    good = st.just(str(date.fromisoformat(on) + timedelta(days=days)))
                args += ["--set", f"{spec.name}={draw(good)}"]
    for pair in draw(st.lists(set_pair, max_size=3)) if chance(draw, 4) else []:
        args += ["--set", pair]
    line = Line(args, folder, plan=plan)
    if chance(draw, 6):
        suffixes = SUFFIXES[:5] if chance(draw, 8) else SUFFIXES
        output, kind = draw(output_target(folder, plan, suffixes))
        args += ["--output", output]
        line.output, line.output_kind = output, kind
    if draw(st.booleans()):
        args.append("--force")
    if chance(draw, 4 if letter is not None and letter.records else 1):
        args.append("--record")
    templates = draw(st.sampled_from(["none"] * 6 + ["tpl"] * 3 + ["empty", "file", "missing"]))
    if templates == "tpl":
        for template in draw(st.lists(st.sampled_from(TEMPLATE_NAMES), min_size=1, max_size=4)):
            folder.files[f"tpl/{template}"] = draw(template_text())
        odd = draw(st.sampled_from(TEMPLATE_NAMES))  # a template that cannot be read as one
        if f"tpl/{odd}" not in folder.files and chance(draw, 2):
            if chance(draw, 5):
                folder.links[f"tpl/{odd}"] = odd  # a symlink loop
            else:
                folder.folders.append(f"tpl/{odd}")
        args += ["--templates", "tpl"]
    elif templates == "empty":
        folder.folders.append("tpl")
        args += ["--templates", "tpl"]
    elif templates == "file":
        args += ["--templates", plan]
    elif templates == "missing":
        args += ["--templates", "no-such-folder"]
    return line


def run_letter(sandbox: Path, line: Line) -> None:
    case = fresh(sandbox)
    line.folder.make(case)
    args = [a.replace("{case}", str(case)) for a in line.args]
    output = line.output.replace("{case}", str(case)) if line.output else None
    before = snapshot(case)
    result = invoke(case, args)
    shown = assert_graceful(result, args)
    plan = key_of(case, line.plan or "plan.yaml")
    out = key_of(case, output) if output is not None else None
    existed = out is not None and out in before
    ok = result.exit_code == 0 and "--list" not in args  # --list writes nothing
    if existed and "--force" not in args:
        assert not ok, (shown, "an existing --output replaced without --force")
    record_ok = ok and "--record" in args
    assert_files(
        shown,
        before,
        snapshot(case),
        output=out,
        output_written=ok,
        plan=plan,
        plan_written=record_ok,
    )
    if record_ok:
        store.load_plan(case / plan)  # what --record wrote reads back
    if ok and output is not None:
        assert (case / output).is_file(), shown
        assert not (case / output).is_symlink(), shown


@pytest.mark.slow
@examples(600)
@given(line=letter_line())
def test_letter_command_lines(sandbox: Path, line: Line) -> None:
    run_letter(sandbox, line)


# --------------------------------------------------------------------------------------------
# remind and export ics: several --plan (files, folders, missing, broken)


@st.composite
def plan_list(draw: st.DrawFn, folder: Folder) -> tuple[list[str], bool]:
    """1-4 --plan values (or none: the default plan); and whether it is a caseload."""
    count = draw(st.sampled_from([0, 1, 1, 1, 2, 2, 3, 4]))
    if count == 0:
        folder.files["plan.yaml"] = draw(any_plan)
        return [], False
    paths: list[str] = []
    caseload = count > 1
    for i in range(count):
        kind = draw(
            st.sampled_from(["plan"] * 8 + ["missing", "folder", "folder", "empty", "loop", "odd"])
        )
        name = f"p{i}.yaml"
        if kind == "odd":
            name = draw(
                st.sampled_from([f"-p{i}.yaml", f"p {i}.yml", f"pé{i}.yaml", f"p{i}\udce9.yaml"])
            )
        if kind in ("plan", "odd"):
            folder.files[name] = draw(any_plan)
        elif kind == "folder":
            name = f"d{i}"
            caseload = True
            folder.folders.append(name)
            suffixes = st.lists(st.sampled_from([".yaml", ".yml", ".txt"]), min_size=1, max_size=4)
            for j, suffix in enumerate(draw(suffixes)):
                folder.files[f"{name}/q{j}{suffix}"] = draw(any_plan)
            if draw(st.booleans()):
                folder.folders.append(f"{name}/sub.yaml")
        elif kind == "empty":
            name = f"d{i}"
            caseload = True
            folder.folders.append(name)
        elif kind == "loop":
            folder.links[name] = name
        paths.append(name)
    if draw(st.booleans()):
        paths = [f"{{case}}/{p}" for p in paths]
    return paths, caseload


# Day counts: 0, small, past what a date can hold (a timedelta ends at 999,999,999 days, a C
# int at 2**31), and, one time in ten, negative or not a number (a usage error).
day_count = st.one_of(
    st.integers(0, 400),
    st.sampled_from([0, 1, 7, 366, 10**6, 999_999_999, 10**9, 2**31, 2**63, 10**30]),
    st.integers(0, 10**40),
).map(str)
not_a_day_count = st.one_of(st.integers(-(10**40), -1).map(str), argv_text)


@st.composite
def int_arg(draw: st.DrawFn) -> str:
    return str(mostly(draw, day_count, not_a_day_count))


@st.composite
def remind_line(draw: st.DrawFn) -> Line:
    folder = Folder()
    paths, caseload = draw(plan_list(folder))
    args = ["remind"]
    for path in paths:
        args += ["--plan", path]
    if chance(draw, 7):
        args += ["--within", draw(int_arg())]
    if chance(draw, 7):
        args += ["--today", mostly(draw, NEAR, a_date)]
    return Line(args, folder, caseload=caseload)


@pytest.mark.slow
@examples(400)
@given(line=remind_line())
def test_remind_command_lines(sandbox: Path, line: Line) -> None:
    case = fresh(sandbox)
    line.folder.make(case)
    args = [a.replace("{case}", str(case)) for a in line.args]
    before = snapshot(case)
    result = invoke(case, args)
    shown = assert_graceful(result, args)
    assert_files(shown, before, snapshot(case))  # remind writes nothing
    if result.exit_code == 0:
        assert result.stdout == "" or result.stdout.startswith("plancli reminder"), shown


@st.composite
def export_line(draw: st.DrawFn) -> Line:
    folder = Folder()
    paths, caseload = draw(plan_list(folder))
    args = ["export", "ics"]
    for path in paths:
        args += ["--plan", path]
    given = [p.removeprefix("{case}/") for p in paths] or ["plan.yaml"]
    line = Line(args, folder, caseload=caseload, plans=given)
    if chance(draw, 6):
        plan = paths[0] if paths else "plan.yaml"
        output, kind = draw(output_target(folder, plan, [".ics", ".ics", ".txt", ""]))
        args += ["--output", output]
        line.output, line.output_kind = output, kind
    if draw(st.booleans()):
        args.append("--force")
    alarms = draw(st.sampled_from([0, 0, 1, 2, 3]))
    for _ in range(alarms):
        args += ["--alarm", draw(int_arg())]
    if chance(draw, 3 if not alarms else 1):
        args.append("--no-alarms")
    if chance(draw, 7):
        args += ["--today", mostly(draw, NEAR, a_date)]
    return line


@pytest.mark.slow
@examples(350)
@given(line=export_line())
def test_export_ics_command_lines(sandbox: Path, line: Line) -> None:
    case = fresh(sandbox)
    line.folder.make(case)
    args = [a.replace("{case}", str(case)) for a in line.args]
    output = line.output.replace("{case}", str(case)) if line.output else None
    before = snapshot(case)
    result = invoke(case, args)
    shown = assert_graceful(result, args)
    out = key_of(case, output) if output is not None else None
    # Caseload mode writes the other plans' calendar when one plan is bad, then exits 1.
    written = result.exit_code == 0 or (result.exit_code == 1 and line.caseload)
    if out is not None and out in before and "--force" not in args:
        written = False
    if out is not None and out in line.plans:
        written = False  # never a plan file, even one that could not be read
    after = snapshot(case)
    assert_files(shown, before, after, output=out, output_written=written)
    if output is None and result.exit_code == 0:
        assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n"), shown
    elif out is not None and after.get(out) != before.get(out):
        assert after[out][1].startswith(b"BEGIN:VCALENDAR\r\n"), shown


# --------------------------------------------------------------------------------------------
# Regressions: one test for each crash this fuzzing found

LATIN1 = os.fsdecode(b"caf\xe9")  # a name or value in Latin-1 bytes, as argv hands it over


def run(case: Path, *args: str) -> Result:
    (case / "home").mkdir(exist_ok=True)
    return invoke(case, list(args))


def test_alarm_days_past_any_date_are_left_out(tmp_path: Path) -> None:
    """--alarm 1000000 raised OverflowError (due - 10**6 days is before year 1), 10**9 and
    10**30 too (timedelta, C int); they are alarms that could never fire, like a past one."""
    (tmp_path / "plan.yaml").write_bytes(MAYA)
    result = run(
        tmp_path, "export", "ics", "--today", "2026-10-05", "--alarm", "7",
        "--alarm", "1000000", "--alarm", str(10**9), "--alarm", str(10**30),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    reminders = result.stdout_bytes.count(b"BEGIN:VEVENT") - result.stdout_bytes.count(
        b"STATUS:CANCELLED"  # met in the last 90 days: cancelled, no alarm (SPEC §1, issue 9)
    )
    assert result.stdout_bytes.count(b"TRIGGER:-P7D") == reminders
    assert b"TRIGGER:-P1000000D" not in result.stdout_bytes


def test_plan_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """A plan named in Latin-1 bytes: remind, export ics (the commands it prints, the caseload
    line, the UID of two files for one child), check and deadlines raised UnicodeEncodeError."""
    name = f"{LATIN1}.yaml"
    (tmp_path / name).write_bytes(MAYA)
    (tmp_path / "copy.yaml").write_bytes(MAYA)  # the same child twice: UIDs mix in the path
    both = ["--plan", name, "--plan", "copy.yaml", "--today", "2026-11-20"]
    remind = run(tmp_path, "remind", "--within", "30", *both)
    assert remind.exit_code == 0, remind.output
    assert "--plan 'caf\\udce9.yaml'" in remind.stdout
    ics = run(tmp_path, "export", "ics", *both, "--output", f"{LATIN1}.ics")
    assert ics.exit_code == 0, ics.output
    assert "caf\\udce9.ics" in ics.stdout
    assert b"plan: caf\\\\udce9.yaml" in (tmp_path / f"{LATIN1}.ics").read_bytes()
    check = run(tmp_path, "check", "--plan", name)
    assert check.exit_code == 0, check.output
    assert check.stdout.startswith("caf\\udce9.yaml: OK")
    deadlines = run(tmp_path, "deadlines", "--format", "json", *both)
    assert deadlines.exit_code == 0, deadlines.output
    plans = {d["plan"] for d in json.loads(deadlines.stdout)["deadlines"]}
    assert plans == {"caf\\udce9.yaml", "copy.yaml"}


def test_letter_value_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    """--set reason=<Latin-1 bytes> wrote a letter to stdout with the raw bytes, and raised
    UnicodeEncodeError for an --output file."""
    (tmp_path / "plan.yaml").write_bytes(MAYA)
    for output in ([], ["--output", "out.pdf"]):
        result = run(
            tmp_path, "letter", "iep-meeting-request", "--set", f"reason={LATIN1}", *output
        )
        assert result.exit_code == 1, result.output
        assert "not Unicode text (U+DCE9" in result.stderr
        assert not (tmp_path / "out.pdf").exists()


def test_letter_output_name_that_is_not_utf8(tmp_path: Path) -> None:
    """`Wrote <name>` raised UnicodeEncodeError after the file was written."""
    (tmp_path / "plan.yaml").write_bytes(MAYA)
    result = run(tmp_path, "letter", "records-request", "--output", f"{LATIN1}.md")
    assert result.exit_code == 0, result.output
    assert "Wrote caf\\udce9.md" in result.stdout
    assert stat.S_IMODE((tmp_path / f"{LATIN1}.md").stat().st_mode) == 0o600


def test_record_that_the_plan_refuses_writes_no_letter(tmp_path: Path) -> None:
    """--record of an event dated before the child's birth: the plan refused it (exit 1) after
    the --output file had been written."""
    (tmp_path / "plan.yaml").write_bytes(MAYA)
    result = run(
        tmp_path, "letter", "records-request", "--date", "2010-01-01", "--record",
        "--output", "out.txt",
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "before the child's birth date" in result.stderr
    assert not (tmp_path / "out.txt").exists()
    assert (tmp_path / "plan.yaml").read_bytes() == MAYA
    stdout = run(tmp_path, "letter", "records-request", "--date", "2010-01-01", "--record")
    assert stdout.exit_code == 1
    assert stdout.stdout == ""  # nor a letter on stdout


def test_output_name_near_the_file_system_limit(tmp_path: Path) -> None:
    """A 250-character name is legal, but the temporary file `.NAME.xxxxxxxx.tmp` was not."""
    (tmp_path / "plan.yaml").write_bytes(MAYA)
    name = "L" * 246 + ".txt"
    result = run(tmp_path, "letter", "records-request", "--output", name)
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).is_file()
    ics = run(tmp_path, "export", "ics", "--output", "I" * 246 + ".ics")
    assert ics.exit_code == 0, ics.output


@pytest.mark.parametrize("output", ["out.docx", "out.pdf", "out.html"])
def test_control_characters_in_a_letter(output: str, tmp_path: Path) -> None:
    """python-docx raised ValueError for a control character (a --set value, or a plan's YAML
    escape such as "\\a"); XML cannot hold one, so the .docx leaves it out."""
    plan = MAYA.replace(b"name: Maya Lopez", b'name: "Maya\\a \\x1b[31mLopez\\ufffe"')
    (tmp_path / "plan.yaml").write_bytes(plan)
    result = run(
        tmp_path, "letter", "iep-meeting-request", "--set", "reason=a\x07b\x1f\x0bc",
        "--output", output,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    if output.endswith(".docx"):
        import zipfile

        with zipfile.ZipFile(tmp_path / output) as docx:
            body = docx.read("word/document.xml").decode()
        assert "Maya [31mLopez" in body
        assert "\x07" not in body


def test_symlink_loop_as_output_or_plan(tmp_path: Path) -> None:
    """Path.resolve() raised RuntimeError ("Symlink loop") for a loop given as --output
    (letter, export ics) or as the plan of a letter with --output."""
    (tmp_path / "plan.yaml").write_bytes(MAYA)
    for name in ("loop.md", "loop.ics", "loop.yaml"):
        os.symlink(name, tmp_path / name)
    for args in (
        ["letter", "records-request", "--output", "loop.md"],
        ["export", "ics", "--output", "loop.ics"],
        ["letter", "records-request", "--plan", "loop.yaml", "--output", "out.md"],
    ):
        result = run(tmp_path, *args)
        assert result.exit_code == 1, (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), args
        assert result.stderr.startswith("Error:"), (args, result.stderr)
    assert not (tmp_path / "out.md").exists()


def test_export_never_replaces_a_plan_it_could_not_read(tmp_path: Path) -> None:
    """Caseload export with --output naming a plan that does not load (a YAML typo) and
    --force: the calendar of the others replaced that plan file."""
    broken = MAYA.replace(b"events:", b"events:\n\t- x")
    (tmp_path / "a.yaml").write_bytes(broken)
    (tmp_path / "b.yaml").write_bytes(LEO)
    result = run(
        tmp_path, "export", "ics", "--plan", "a.yaml", "--plan", "b.yaml",
        "--output", "a.yaml", "--force",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "a.yaml is a plan file" in result.stderr
    assert (tmp_path / "a.yaml").read_bytes() == broken


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ 'ab' * 60000 }}", "repeating text"),  # 120,000 characters: 'x' * 99999 * 99999
        ("{{ [1, 2, 3] * 40000 }}", "repeating text"),  # would be 10 GB the same way
        ("{{ (((9 ** 64) ** 64) ** 64) ** 64 }}", "power this large"),  # 6 MB, then 400 MB
    ],
)
def test_sandbox_limits_the_size_of_results(source: str, message: str, tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_bytes(MAYA)
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "records-request.en.md.j2").write_text(source, encoding="utf-8")
    result = run(tmp_path, "letter", "records-request", "--lang", "en", "--templates", "tpl")
    assert result.exit_code == 1, result.output
    assert message in result.stderr
