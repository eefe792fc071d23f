"""The last English left under `--lang es` (a native reader's review): the calendar commands'
refusals, break names with their Spanish gloss, the rules' conflict notes, `letter --list`,
the `summary` column headers, and the count `export ics` reports (in both languages)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plancli import calendar_edit, calendar_import, i18n, report
from plancli.calendar_import import ImportedCalendar, IncompleteYear
from plancli.cli import app
from plancli.errors import PlancliError
from plancli.letters.catalogue import LETTERS, RECIPIENT_WORDS
from plancli.rules import ALL_RULES

EXAMPLES = Path(__file__).parent.parent / "examples"
MAYA = str(EXAMPLES / "maya-iep.yaml")
TODAY = "2026-11-23"
NO_LANGUAGE = {"PLANCLI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", "COLUMNS": ""}
PLAN = (
    "version: 1\n"
    "child:\n"
    "  name: Test Child\n"
    "  birth_date: 2019-05-14\n"
    "calendar:\n"
    "  years:\n"
    "    - first_day: 2026-08-12\n"
    "      last_day: 2027-06-03\n"
    "      breaks:\n"
    "        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}\n"
    "        - {name: Semana de receso, first: 2027-03-29, last: 2027-04-02}\n"
    "events: []\n"
)


@pytest.fixture
def spanish() -> None:
    i18n.set_language("es")


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env=NO_LANGUAGE)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


# -- 1. the calendar commands' refusals


def test_add_break_last_before_first_in_spanish(plan: Path) -> None:
    result = run(
        "calendar", "add-break", "Winter break", "2026-12-21", "2026-12-01", "-p", str(plan),
        "--lang", "es",
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout == ""
    assert " ".join(result.stderr.split()) == (
        "Problema: add-break: el último día (LAST, 2026-12-01) es anterior al primero (FIRST, "
        "2026-12-21); indique primero el primer día y después el último No se cambió nada."
    )
    assert plan.read_text(encoding="utf-8") == PLAN


def test_add_break_last_before_first_in_english_is_unchanged(plan: Path) -> None:
    result = run(
        "calendar", "add-break", "Winter break", "2026-12-21", "2026-12-01", "-p", str(plan)
    )
    assert result.exit_code == 1
    assert (
        "add-break: LAST (2026-12-01) is before FIRST (2026-12-21); give the first day, then "
        "the last\nNothing was changed." in result.stderr
    )


def test_a_break_outside_every_year_lists_the_years_in_spanish(spanish: None) -> None:
    section = {"years": [{"first_day": "2026-08-12", "last_day": "2027-06-03"}]}
    with pytest.raises(calendar_edit.CalendarError) as caught:
        calendar_edit.add_break(section, "Spring break", date(2027, 7, 5), date(2027, 7, 9))
    assert str(caught.value) == (
        "add-break: ningún año escolar del plan abarca del 2027-07-05 al 2027-07-09; el plan "
        "tiene 2026-27 (2026-08-12 a 2027-06-03). Las vacaciones deben caer dentro de su año "
        "escolar (entre first_day y last_day): agregue primero el año (`plancli calendar "
        "add-year PRIMERO ÚLTIMO`) o corrija las fechas\nNo se cambió nada."
    )


def test_several_problems_and_two_breaks_of_one_name_in_spanish(spanish: None) -> None:
    error = calendar_edit.CalendarError(["uno", "dos"])
    assert str(error) == "El calendario tendría estos problemas:\n  uno\n  dos\nNo se cambió nada."
    breaks = [
        {"name": "Receso", "first": "2026-11-23", "last": "2026-11-27"},
        {"name": "Receso", "first": "2027-03-29", "last": "2027-04-02"},
    ]
    section = {"years": [{"first_day": "2026-08-12", "last_day": "2027-06-03", "breaks": breaks}]}
    with pytest.raises(calendar_edit.CalendarError) as caught:
        calendar_edit.remove(section, "receso")
    assert str(caught.value) == (
        "remove: 2 periodos de vacaciones se llaman 'receso' (fechas de inicio: 2026-11-23, "
        "2027-03-29); indique el primer día del que quiere quitar, en lugar de su nombre\n"
        "No se cambió nada."
    )


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [
        (None, None, "import: el calendario no indica ningún primer ni último día de clases"),
        (None, date(2027, 6, 3), "import: el calendario indica un último día de clases, pero"),
        (date(2026, 8, 12), None, "import: el calendario indica un primer día de clases, pero"),
    ],
)
def test_a_feed_without_a_whole_year_says_so_in_spanish(
    spanish: None, first: date | None, last: date | None, words: str
) -> None:
    incomplete = (IncompleteYear("2026-27", first, last),) if first or last else ()
    with pytest.raises(calendar_edit.CalendarError) as caught:
        calendar_edit.merge_import({}, ImportedCalendar(None, (), (), (), incomplete))
    assert str(caught.value).startswith(words)
    assert str(caught.value).endswith(
        "`plancli calendar add-year PRIMERO ÚLTIMO`\nNo se cambió nada."
    )


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"hello", "no empieza con BEGIN:VCALENDAR"),
        (b"BEGIN:VCALENDAR\x00", "contiene datos binarios"),
    ],
)
def test_a_file_that_is_not_a_feed_in_spanish(spanish: None, data: bytes, why: str) -> None:
    with pytest.raises(PlancliError) as caught:
        calendar_import.read_feed(data)
    assert str(caught.value).startswith(f"Este archivo no es un calendario iCalendar ({why}).")


# -- 2. break names with the glossary's gloss


def test_calendar_shows_the_district_name_and_the_gloss_in_spanish(plan: Path) -> None:
    result = run("calendar", "-p", str(plan), "--lang", "es")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert (
        "  «Winter break», vacaciones de invierno: 2026-12-21 a 2027-01-01 (10 días de clases)"
        in lines
    )
    # A name the glossary does not know (here already Spanish) is shown as typed.
    assert "  Semana de receso: 2027-03-29 a 2027-04-02 (5 días de clases)" in lines


def test_calendar_in_english_shows_the_name_as_typed(plan: Path) -> None:
    result = run("calendar", "-p", str(plan))
    assert "  Winter break: 2026-12-21 to 2027-01-01 (10 school days)" in result.stdout.splitlines()


# -- 3. the rules' conflict notes


def test_every_conflict_note_has_a_spanish_translation() -> None:
    catalog = i18n.load_catalog("es")
    notes = [rule for rule in ALL_RULES if rule.conflict]
    assert len(notes) >= 30
    untranslated = [r.id for r in notes if catalog.gettext(r.conflict or "") == r.conflict]
    assert untranslated == []


def test_every_variant_condition_has_a_spanish_translation() -> None:
    catalog = i18n.load_catalog("es")
    whens = [v.when for rule in ALL_RULES for v in rule.variants]
    assert whens
    assert [w for w in whens if catalog.gettext(w) == w] == []


def test_explain_shows_the_conflict_note_in_spanish_without_the_english_label() -> None:
    result = run("explain", "school-records", "-p", MAYA, "--today", TODAY, "--lang", "es")
    assert result.exit_code == 0, result.output
    assert (
        "  Fuentes en desacuerdo o sin confirmar: El Código de Educación no define los «business "
        "days» (días hábiles); plancli cuenta de lunes a viernes, salvo los días feriados "
        "federales y de las oficinas del estado de California y los cierres que indica el plan."
        in result.stdout
    )
    assert "nota en inglés" not in result.stdout
    assert "The Education Code" not in result.stdout


def test_rules_verbose_shows_the_conflict_notes_in_spanish() -> None:
    result = run("rules", "-v", "--lang", "es")
    assert result.exit_code == 0
    assert "nota en inglés" not in result.stdout
    assert "plancli counts" not in result.stdout
    assert "El plazo cambió el 2023-03-01 (la SB 188)" in result.stdout


def test_a_note_without_a_translation_is_labelled_as_english(spanish: None) -> None:
    assert report.conflict_text("A note no catalog has.") == (
        "Fuentes en desacuerdo o sin confirmar (nota en inglés): A note no catalog has."
    )


def test_the_conflict_line_in_english_is_unchanged() -> None:
    assert report.conflict_text("Why.") == "Sources disagree / unconfirmed: Why."


# -- 4. letter --list


def test_letter_list_in_spanish_translates_recipients_and_requests() -> None:
    result = run("letter", "--list", "--lang", "es")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    for words in (
        "distrito o centro regional",
        "DDS (con copia al centro regional)",
        "una reunión del IPP en un plazo de 30 días (7 si es urgente)",
        "copias de todos los expedientes escolares en un plazo de 5 días hábiles",
    ):
        assert words in out
    assert "within" not in out


def test_every_letter_recipient_and_request_has_a_spanish_translation() -> None:
    catalog = i18n.load_catalog("es")
    texts = {letter.purpose for letter in LETTERS} | set(RECIPIENT_WORDS)
    texts |= {letter.recipient for letter in LETTERS}
    assert [t for t in sorted(texts) if catalog.gettext(t) == t] == []


# -- 5. summary's column headers agree


def test_summary_headers_in_spanish_are_plural_and_agree() -> None:
    result = run("summary", "-p", MAYA, "--today", TODAY, "--lang", "es")
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[1]
    assert header.split("  ")[0] == "Niño"
    for word in ("Vencidas", "Vencen hoy", "Vencen pronto", "Cumplidas tarde", "Promesas"):
        assert word in header
    assert "Vencida " not in header


def test_summary_headers_in_english_are_unchanged() -> None:
    result = run("summary", "-p", MAYA, "--today", TODAY)
    header = result.stdout.splitlines()[1]
    for word in ("Child", "Overdue", "Due today", "Due soon", "Met late", "Promises", "Next due"):
        assert word in header


# -- 6. export ics counts what it wrote


def test_export_ics_counts_open_deadlines_and_cancellations(tmp_path: Path) -> None:
    # Maya on 2026-11-23: four open deadlines (two due today, two age rules ahead) and two met
    # in the last 90 days (assessment-plan met 2026-09-16, 68 days before; the parent's
    # 15-day review window, met by consent on 2026-09-24, 60 days before): cancelled events.
    target = tmp_path / "maya.ics"
    result = run("export", "ics", "-p", MAYA, "--today", TODAY, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert (
        result.stdout.split()
        == (
            f"Wrote 4 open deadlines and 2 cancellations of deadlines met in the last 90 days to "
            f"{target} (readable only by you). Import it into your calendar; importing a newer "
            "export updates the same events and removes the reminders of deadlines already met."
        ).split()
    )
    data = target.read_bytes()
    assert data.count(b"BEGIN:VEVENT") == 6
    assert data.count(b"STATUS:CANCELLED") == 2


def test_export_ics_counts_in_spanish(tmp_path: Path) -> None:
    target = tmp_path / "maya.ics"
    result = run("export", "ics", "-p", MAYA, "--today", TODAY, "-o", str(target), "--lang", "es")
    assert result.exit_code == 0, result.output
    assert " ".join(result.stdout.split()).startswith(
        "Se escribieron 4 fechas límite pendientes y 2 cancelaciones de fechas límite cumplidas "
        f"en los últimos 90 días en {target} (solo usted puede leerlo)."
    )


def test_export_ics_without_cancellations_keeps_the_old_words(tmp_path: Path) -> None:
    # On 2027-01-01 both met deadlines are more than 90 days old (107 and 99 days).
    target = tmp_path / "maya.ics"
    result = run("export", "ics", "-p", MAYA, "--today", "2027-01-01", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout.split()[:4] == ["Wrote", "4", "open", "deadlines"]
    assert "cancellation" not in result.stdout
    assert target.read_bytes().count(b"STATUS:CANCELLED") == 0


def test_no_translation_writes_de_el_or_a_el() -> None:
    """Spanish contracts "de el" and "a el" (del, al); a term replaced across the catalog
    ("notificación" -> "aviso") once left "la recepción de el aviso de acción"."""
    import re

    from babel.messages.pofile import read_po

    from plancli.i18n_tools import po_path

    with po_path("es").open("rb") as stream:
        catalog = read_po(stream, locale="es")
    found = [
        text
        for message in catalog
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
        if isinstance(text, str) and re.search(r"\b(?:de|a) el\b", text)
    ]
    assert found == []
