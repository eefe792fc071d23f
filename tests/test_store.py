"""The plan file: validation messages, comment-keeping writes, permissions, backups."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from plancli import store
from plancli.errors import PlanExistsError, PlanFileError, PlanNotFoundError
from tests.conftest import PlanWriter


def problems_of(path: Path) -> tuple[str, ...]:
    with pytest.raises(PlanFileError) as caught:
        store.load_plan(path)
    return caught.value.problems


def test_example_plans_load() -> None:
    root = Path(__file__).parent.parent / "examples"
    maya = store.load_plan(root / "maya-iep.yaml")
    assert maya.child.birth_date == date(2019, 5, 14)
    assert maya.calendar is not None
    assert len(maya.calendar.years) == 2
    assert maya.family.language == "es"
    leo = store.load_plan(root / "leo-early-start.yaml")
    assert leo.event("e7") is not None
    assert leo.event("e7").date_field("effective_date") == date(2026, 12, 1)  # type: ignore[union-attr]


def test_every_problem_is_reported_with_its_path(write_plan: PlanWriter) -> None:
    path = write_plan(
        "  - {id: e1, type: assessment-requested, date: 2026-02-30}\n"
        "  - {id: e2, type: assesment-requested, date: 2026-09-03}\n"
        "  - {id: e3, type: iep-meeting, date: 26-09-03}\n"
        "  - {id: e4, type: iep-meeting, date: 2010-01-01}\n"
        "  - {id: e4, type: iep-meeting, date: 2026-10-01}\n"
        "  - {id: e6, date: 2026-10-01}\n"
    )
    problems = problems_of(path)
    assert problems == (
        "events[0].date: expected YYYY-MM-DD, got '2026-02-30' (there is no such day: February "
        "2026 has 28 days)",
        "events[1].type: unknown event type 'assesment-requested'. Did you mean: "
        "assessment-requested, assessment-refused, assessment-completed? `plancli add --help` "
        "lists them",
        "events[2].date: expected YYYY-MM-DD, got '26-09-03' (write the year with four digits)",
        "events[3].date: 2010-01-01 is before the child's birth date (child.birth_date); "
        "check the year",
        "events[4].id: 'e4' is used twice; give each event its own id",
        "events[5].type: missing; add it",
    )


def test_missing_child_and_wrong_types(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 1\nchild: Maya\nevents: {a: 1}\nregional_center:\n  hcbs_waiver: maybe\n",
        encoding="utf-8",
    )
    assert problems_of(path) == (
        "child: expected a section of `key: value` lines, got 'Maya'",
        "regional_center.hcbs_waiver: expected true or false, got 'maybe'",
        "events: expected a list of events (lines starting with `- id:`)",
    )


def test_newer_version_is_refused(write_plan: PlanWriter, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 9\nchild: {name: X, birth_date: 2020-01-01}\nevents: []\n", encoding="utf-8"
    )
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path} was written by a newer plancli (plan version 9;")


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 1\nchild: {name: X, birth_date: 2020-02-28}\nevents: [\n", encoding="utf-8"
    )
    (problem,) = problems_of(path)
    assert problem.startswith("line 4, column 1: YAML syntax error")


def test_duplicate_keys_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 1\nchild: {name: X, birth_date: 2020-02-28}\nchild: {}\n", encoding="utf-8"
    )
    assert problems_of(path) == (
        "line 3: the key 'child' appears a second time in the same section (first on line 2). "
        "Correct the key's name, or check which of the two lines holds the right value",
    )


def test_no_arbitrary_objects(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "version: 1\nchild: !!python/object/apply:os.system [echo hi]\n", encoding="utf-8"
    )
    with pytest.raises(PlanFileError):
        store.load_plan(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanNotFoundError, match="plancli init"):
        store.load_plan(tmp_path / "nope.yaml")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"version: 1\nchild: {name: \xff}\n")
    assert problems_of(path) == (
        "line 2, column 15: not UTF-8 text (the file was probably saved as Latin-1 or "
        "Windows-1252; an accented letter is the usual cause)",
    )


def test_write_keeps_comments_order_and_makes_a_backup(write_plan: PlanWriter) -> None:
    path = write_plan(
        "  # the first letter, hand-delivered\n"
        "  - id: e1  # keep this comment\n"
        "    type: assessment-requested\n"
        "    date: 2026-09-03\n"
    )
    before = path.read_text(encoding="utf-8")
    store.update_plan(
        path,
        lambda doc, plan: store.append_event(
            doc, {"id": "e2", "type": "assessment-plan-received", "date": date(2026, 9, 10)}
        ),
    )
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))
    assert "# keep this comment" in after
    assert "# the first letter" in after
    assert after.endswith("  - id: e2\n    type: assessment-plan-received\n    date: 2026-09-10\n")
    assert Path(str(path) + ".bak").read_text(encoding="utf-8") == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(str(path) + ".bak").stat().st_mode) == 0o600


def test_first_event_goes_in_block_style(write_plan: PlanWriter) -> None:
    path = write_plan()
    store.update_plan(
        path,
        lambda doc, plan: store.append_event(
            doc, {"id": "e1", "type": "iep-meeting", "date": date(2026, 9, 10), "note": "a: b"}
        ),
    )
    assert path.read_text(encoding="utf-8").endswith(
        "events:\n  - id: e1\n    type: iep-meeting\n    date: 2026-09-10\n    note: 'a: b'\n"
    )
    assert store.load_plan(path).events[0].note == "a: b"


def test_create_refuses_to_overwrite_and_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "plan.yaml"
    store.create_plan(path, "version: 1\nchild: {name: X, birth_date: 2020-01-01}\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(PlanExistsError):
        store.create_plan(path, "version: 1\nchild: {name: Y, birth_date: 2020-01-01}\n")
    assert "X" in path.read_text(encoding="utf-8")


def test_a_change_that_breaks_the_plan_is_not_written(write_plan: PlanWriter) -> None:
    path = write_plan("  - {id: e1, type: iep-meeting, date: 2026-09-03}\n")
    before = path.read_bytes()
    with pytest.raises(PlanFileError):
        store.update_plan(
            path,
            lambda doc, plan: store.append_event(
                doc, {"id": "e2", "type": "iep-meeting", "date": date(2001, 1, 1)}
            ),
        )
    assert path.read_bytes() == before


def test_aliases_are_shared_not_expanded(tmp_path: Path) -> None:
    """A 'billion laughs' plan loads at once: aliases are references, never copies."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    path = tmp_path / "plan.yaml"
    path.write_text(
        "\n".join(lines) + "\nversion: 1\nchild: {name: X, birth_date: 2020-01-01}\n",
        encoding="utf-8",
    )
    plan = store.load_plan(path)
    assert plan.child.name == "X"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("version: 1\n---\nversion: 1\n", "line 2: a plan file holds one YAML document"),
        ("? [a, b]\n: 1\n", "line 1: a key must be plain text"),
        ("a: *nothing\n", "line 1: unknown alias *nothing"),
    ],
)
def test_yaml_that_cannot_be_a_plan(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    (found,) = problems_of(path)
    assert problem in found


def test_pure_python_parser_gives_the_same_data(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    example = Path(__file__).parent.parent / "examples" / "maya-iep.yaml"
    text = example.read_text(encoding="utf-8")
    with_c = store.parse_yaml(text, "x")
    real_import = builtins.__import__

    def no_c_parser(name: str, *args: object, **kwargs: object) -> object:
        if name == "_ruamel_yaml":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_c_parser)
    assert store.parse_yaml(text, "x") == with_c
    assert with_c["events"][0]["date"] == "2026-09-03"


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("until", "2026-12-15", date(2026, 12, 15)),
        ("effective_date", " 2026-11-01 ", date(2026, 11, 1)),
        ("note_date", "2026-01-02", date(2026, 1, 2)),  # any key ending in _date
        ("x", "2026-01-02", date(2026, 1, 2)),  # text that is a date is a date
        ("urgent", "yes", True),
        ("urgent", "no", False),
        ("x", "TRUE", True),
        ("x", "false", False),
        ("x", "12", 12),
        ("x", "012", "012"),  # a leading zero: an identifier, kept as text
        ("x", "1234567890", "1234567890"),  # ten digits: a phone number, not a count
        ("rule", "initial-iep", "initial-iep"),
        ("x", "", None),
    ],
)
def test_event_fields_are_typed_in_one_place(key: str, text: str, value: object) -> None:
    """The plan file and `plancli add --field` type a field with this one function."""
    assert store.read_field(key, text) == value
    assert type(store.read_field(key, text)) is type(value)


@pytest.mark.parametrize(
    ("key", "text", "problem"),
    [
        ("until", "soon", "expected YYYY-MM-DD, got 'soon'"),
        ("until", "2026-02-30", "(there is no such day: February 2026 has 28 days)"),
        ("until", "26-02-03", "(write the year with four digits)"),
        ("x", "1850-01-01", "1850-01-01 is not a plausible date (1900 to 2199)"),
        ("urgent", "maybe", "expected true or false, got 'maybe'"),
    ],
)
def test_field_problems(key: str, text: str, problem: str) -> None:
    with pytest.raises(store.ValueProblem) as caught:
        store.read_field(key, text)
    assert problem in str(caught.value)


def test_dates_after_today() -> None:
    today = date(2026, 11, 23)
    assert store.birth_date_after_today(today, today) is None
    assert store.birth_date_after_today(date(2026, 11, 24), today) == (
        "2026-11-24 is after today (2026-11-23); check the year"
    )
    assert store.event_after_today(date(2026, 11, 23), today) is None
    assert store.event_after_today(date(2027, 1, 1), today) == (
        "2027-01-01 is after today (2026-11-23); record events once they have happened"
    )
    assert store.read_date("9999-12-31", plausible=False) == date(9999, 12, 31)
    with pytest.raises(store.ValueProblem, match="not a plausible date"):
        store.read_date("9999-12-31")


def test_add_event_returns_the_new_id(write_plan: PlanWriter) -> None:
    path = write_plan("  - {id: e1, type: iep-meeting, date: 2026-09-03}\n")
    checked = store.add_event(path, {"type": "note", "date": date(2026, 9, 4)}, write=False)
    assert checked.id == "e2"
    assert [e.id for e in store.load_plan(path).events] == ["e1"]  # nothing written
    added = store.add_event(path, {"type": "note", "date": date(2026, 9, 4), "note": "hi"})
    assert added.id == "e2"
    assert [(e.id, e.note) for e in added.plan.events] == [("e1", None), ("e2", "hi")]
    assert store.load_plan(path) == added.plan
