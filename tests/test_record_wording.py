"""What a person reads in the case record: every event type in plain words (EN/ES), contacts
worded, owners and statuses in Spanish with the right agreement (SPEC §8, §9)."""

from __future__ import annotations

from datetime import date

import pytest

from plancli.chronology import (
    RowKind,
    build_record,
    letter_events,
    table_cells,
    to_markdown,
    to_text,
    words,
)
from plancli.contacts import CHANNELS, contact_details, contact_title
from plancli.deadlines import deadlines_for
from plancli.letters.catalogue import LETTERS
from plancli.model import Child, Event, FieldValue, Plan
from plancli.rules import EVENT_TYPES
from plancli.rules.events import EVENT_LABELS, event_label
from plancli.timeline import to_html, to_report

TODAY = date(2027, 1, 10)
CHILD = Child("Maya Lopez", date(2019, 5, 14))


def test_every_event_type_has_a_label_in_english_and_spanish() -> None:
    missing = [t for t in EVENT_TYPES if t not in EVENT_LABELS]
    assert not missing, f"no label for {missing}: add them to plancli.rules.events.EVENT_LABELS"
    assert not set(EVENT_LABELS) - set(EVENT_TYPES), "a label for an event type that is gone"
    for event_type, phrase in EVENT_LABELS.items():
        assert phrase.en.strip(), event_type
        assert phrase.es.strip(), event_type
        assert phrase.en != phrase.es, f"{event_type}: the Spanish label is the English one"
        assert event_type not in phrase.en, event_type
        assert event_type not in phrase.es, event_type


def test_event_label() -> None:
    assert event_label("assessment-requested") == (
        "The district received the request for assessment"
    )
    assert event_label("assessment-requested", "es") == (
        "El distrito recibió la solicitud de evaluación"
    )
    assert event_label("no-such-type", "es") == "no-such-type"


def test_a_letter_sent_is_what_the_letters_catalogue_records() -> None:
    # From the catalogue's `records`; the partial-agreement letter is dated by the meeting
    # it follows, so its event is the meeting, not a letter sent.
    assert letter_events() == {
        "assessment-requested",
        "iep-meeting-requested",
        "records-requested",
        "504-evaluation-requested",
        "rc-intake-requested",
        "ipp-meeting-requested",
        "appeal-filed",
        "ifsp-review-requested",
        # the filings of SPEC §6.2
        "compliance-complaint-filed",
        "due-process-filed",
        "rights-complaint-filed",
        "early-start-complaint-filed",
        "early-start-due-process-filed",
        "ocr-complaint-filed",
    }
    assert "ipp-partial-agreement" in {letter.records for letter in LETTERS}


def _one_event_record(event_type: str, lang: str) -> str:
    plan = Plan(child=CHILD, events=(Event("e1", event_type, date(2026, 9, 3)),))
    record = build_record(plan, deadlines_for(plan, TODAY), TODAY)
    (row,) = [r for r in record.rows if r.event is not None]
    cells = table_cells(record, words(lang), lang)
    return next(c[1] for c, r in zip(cells, record.rows, strict=True) if r is row)


@pytest.mark.parametrize("event_type", EVENT_TYPES)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_event_type_is_worded_in_the_record(event_type: str, lang: str) -> None:
    what = _one_event_record(event_type, lang)
    if event_type != "contact":
        label = EVENT_LABELS[event_type].words(lang)
        assert what.startswith(label)
    assert event_type not in what


def test_a_letter_row_says_it_was_a_letter() -> None:
    assert _one_event_record("assessment-requested", "en") == (
        "The district received the request for assessment (letter sent)"
    )
    assert _one_event_record("assessment-requested", "es") == (
        "El distrito recibió la solicitud de evaluación (carta enviada)"
    )
    assert _one_event_record("iep-meeting", "es") == "Se celebró la reunión del equipo del IEP"


KIM: dict[str, FieldValue] = {
    "with": "Principal Kim",
    "role": "principal",
    "channel": "phone",
    "direction": "received",
    "summary": "She will look into it",
    "promised": "send the assessment plan",
    "promised_by": date(2026, 9, 17),
}


@pytest.mark.parametrize(
    ("fields", "english", "spanish"),
    [
        (
            KIM,
            "Phone call received from Principal Kim (principal)",
            "Llamada telefónica recibida de Principal Kim (principal)",
        ),
        (
            {"with": "Ms. Ruiz", "channel": "email", "direction": "sent"},
            "Email sent to Ms. Ruiz",
            "Correo electrónico enviado a Ms. Ruiz",
        ),
        (
            {"with": "Ms. Ruiz", "channel": "meeting", "direction": "sent"},
            "Meeting with Ms. Ruiz",
            "Reunión con Ms. Ruiz",
        ),
        ({"channel": "letter", "direction": "received"}, "Letter received", "Carta recibida"),
        ({"channel": "text"}, "Text message", "Mensaje de texto"),
        ({"with": "Mr. Diaz"}, "Contact with Mr. Diaz", "Contacto con Mr. Diaz"),
        ({"channel": "fax"}, "Contact", "Contacto"),  # not a channel: check reports it
    ],
)
def test_contact_title(fields: dict[str, object], english: str, spanish: str) -> None:
    assert contact_title(fields) == english
    assert contact_title(fields, "es") == spanish


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("direction", ["sent", "received", None])
def test_every_channel_and_direction_is_worded_in_spanish(
    channel: str, direction: str | None
) -> None:
    fields = {"with": "Ms. Ruiz", "channel": channel, "direction": direction}
    spanish = contact_title(fields, "es")
    english = {"call", "Email", "message", "sent", "received", "made", "from", "to", "with"}
    assert not english & set(spanish.split()), spanish
    assert spanish.endswith("Ms. Ruiz")
    assert spanish != contact_title(fields)


def test_contact_details() -> None:
    kim = {**KIM, "document": "call log"}
    assert contact_details(kim) == [
        "She will look into it",
        "Document: call log",
        "Promised: send the assessment plan, by 2026-09-17",
    ]
    assert contact_details(kim, "es") == [
        "She will look into it",
        "Documento: call log",
        "Prometió: send the assessment plan, a más tardar el 2026-09-17",
    ]


# A promise kept (e3 answers e2), one overdue, and a district deadline overdue.
PLAN = Plan(
    child=CHILD,
    events=(
        Event("e1", "records-requested", date(2026, 9, 8)),
        Event("e2", "contact", date(2026, 9, 10), fields={**KIM}),
        Event(
            "e3",
            "contact",
            date(2026, 9, 14),
            note="Plan came by email.",
            fields={
                "with": "Principal Kim",
                "channel": "email",
                "direction": "received",
                "answers": "e2",
                "promised": "call back",
                "promised_by": date(2026, 9, 20),
            },
        ),
    ),
)


def _text(lang: str) -> str:
    record = build_record(PLAN, deadlines_for(PLAN, TODAY), TODAY)
    return to_text(record, PLAN.child.name, lang, width=400)


def test_spanish_record_has_no_raw_ids_owners_or_english_statuses() -> None:
    text = _text("es")
    for raw in ("records-requested", "contact", "channel", "direction", "with:", "district"):
        assert raw not in text
    # e1 Tue 2026-09-08 + 5 business days = 09-15; no records-received: overdue.
    assert (
        "Fecha límite: El distrito permite a los padres ver y copiar los expedientes escolares"
        in text
    )
    assert "Estado: vencida; Se inició con: e1 2026-09-08; Responsable: distrito;" in text
    # A promise agrees with "la promesa": kept by e3 on 09-14; e3's own promise is overdue.
    assert "Estado: cumplida; Se inició con: e2 2026-09-10; Cumplida el: 2026-09-14" in text
    assert "Estado: vencida sin cumplir; Se inició con: e3 2026-09-14" in text
    assert "2026-09-14  Correo electrónico recibido de Principal Kim [Contactos y notas]" in text
    assert "Plan came by email. Prometió: call back, a más tardar el 2026-09-20; " in text
    assert "En respuesta a e2" in text


def test_english_record_words_the_same() -> None:
    text = _text("en")
    assert "Status: overdue; Started by: e1 2026-09-08; Owed by: district;" in text
    assert "Status: kept; Started by: e2 2026-09-10; Kept on: 2026-09-14" in text
    assert "Status: not kept by its date; Started by: e3 2026-09-14" in text
    assert "2026-09-10  Phone call received from Principal Kim (principal)" in text
    assert "In answer to e2" in text


def test_markdown_and_html_in_spanish() -> None:
    record = build_record(PLAN, deadlines_for(PLAN, TODAY), TODAY)
    md = to_markdown(record, PLAN.child.name, "es")
    assert "| Llamada telefónica recibida de Principal Kim (principal) |" in md
    html = to_html(record, PLAN, "es")
    assert html.startswith('<!DOCTYPE html>\n<html lang="es">')
    assert "records-requested" not in html
    assert "Owed by" not in html
    report = to_report(record, PLAN, "es")
    assert report.lang == "es"
    assert [r.kind for r in record.rows].count(RowKind.LETTER) == 1
