"""Rendering a letter: its values put together, its template rendered, and its files.

Pure: takes a Plan and the letter's date and returns a `RenderedLetter` (or the bytes of a
file); it never prints and never writes a file. Every problem is a LetterError that says what is
missing and how to give it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from plancli import documents
from plancli.deadlines import deadlines_for
from plancli.errors import LetterError, UnknownNameError, suggestion
from plancli.letters import templates
from plancli.letters.catalogue import LETTERS, LETTERS_BY_NAME, Letter
from plancli.letters.counts import letter_response
from plancli.letters.layout import letter_document, letter_title
from plancli.letters.specifics import ADDRESSED_BY, VALUES_FOR
from plancli.letters.values import Draft, Section, date_section
from plancli.model import FieldValue, Plan
from plancli.rules import EVENT_FIELDS
from plancli.vocab import LANGUAGES

OUTPUT_SUFFIXES = documents.FORMATS


@dataclass(frozen=True, slots=True)
class RenderedLetter:
    """A rendered letter, and the event `--record` adds (None unless asked for)."""

    name: str
    lang: str
    date: date
    text: str
    title: str
    warnings: tuple[str, ...] = ()
    record: Mapping[str, FieldValue] | None = None

    @property
    def document(self) -> documents.Document:
        """The letter as a document, for its .html, .docx and .pdf files."""
        return letter_document(self.text, lang=self.lang, title=self.title, day=self.date)


@dataclass(frozen=True, slots=True)
class LetterInfo:
    """A row of `plancli letter --list`."""

    name: str
    recipient: str
    purpose: str
    languages: tuple[str, ...]


def available_letters(templates_dir: Path | None = None) -> list[LetterInfo]:
    """Every letter there is a template for: the catalogue's, then the user's own."""
    user_dir = templates.user_folder(templates_dir)
    languages: dict[str, set[str]] = {}
    for template in [*templates.builtin_names(), *templates.user_names(user_dir)]:
        parts = templates.split_name(template)
        if parts is not None:
            languages.setdefault(parts[0], set()).add(parts[1])
    rows = [
        LetterInfo(
            letter.name,
            letter.recipient,
            letter.purpose,
            tuple(sorted(languages.get(letter.name, set()))),
        )
        for letter in LETTERS
    ]
    rows += [
        LetterInfo(
            name, "(your template)", f"your own letter, from {user_dir}", tuple(sorted(langs))
        )
        for name, langs in sorted(languages.items())
        if name not in LETTERS_BY_NAME
    ]
    return rows


def render_letter(
    name: str,
    plan: Plan,
    *,
    on: date,
    lang: str | None = None,
    values: Sequence[tuple[str, str]] = (),
    templates_dir: Path | None = None,
    record: bool = False,
) -> RenderedLetter:
    """Render letter `name` for `plan`, dated `on` (counted as delivered that day).

    Args:
        lang: "en" or "es"; default: the plan's family.language, else English.
        values: the `--set KEY=VALUE` pairs, in order (a list field given twice adds up).
        templates_dir: a folder of the user's templates, rendered in the sandbox.
        record: also return the event `--record` adds.

    Raises:
        UnknownNameError: no such letter (suggests the closest names).
        LetterError: a missing or wrong value, or a template that cannot be rendered.
    """
    user_dir = templates.user_folder(templates_dir)
    letter = LETTERS_BY_NAME.get(name)
    user_templates = templates.user_names(user_dir)
    if letter is None and (
        not templates.NAME.fullmatch(name)
        or not any(t.startswith(f"{name}.") for t in user_templates)
    ):
        names = [info.name for info in available_letters(templates_dir)]
        raise UnknownNameError(
            f"There is no letter '{name[:60]}'.{suggestion(name, names)} "
            "`plancli letter --list` lists the letters."
        )
    language = lang or plan.family.language or "en"
    if language not in LANGUAGES:
        raise LetterError(
            f"Letters are written in en or es, not {language!r}: give --lang en or es."
        )
    template = f"{name}.{language}{templates.TEMPLATE_SUFFIX}"
    if template not in user_templates and templates.load_builtin(template) is None:
        raise LetterError(
            f"The letter {name} has no {language} version ({template}): give --lang with another "
            "language, or add that template to your --templates folder."
        )
    if record and (letter is None or letter.records is None):
        raise LetterError(
            f"--record: the letter {name} starts no deadline that plancli tracks, so there is "
            "no event to record. Leave out --record; to keep a note of it, use `plancli add note "
            'DATE --note "..."`. Nothing was written.'
        )
    draft = Draft(letter, name, plan, on, language)
    draft.parse(values)
    context = _context(draft, letter) if letter is not None else _own_letter_context(draft)
    text = templates.render(template, context, user_dir)
    return RenderedLetter(
        name=name,
        lang=language,
        date=on,
        text=text,
        title=letter_title(text, name),
        warnings=tuple(draft.warnings),
        record=_record(draft, letter) if record and letter is not None else None,
    )


def _common(draft: Draft, sender: Section) -> dict[str, Any]:
    """What every template sees."""
    return {
        "lang": draft.lang,
        "letter": Section("letter", {"name": draft.name}),
        "date": date_section("date", draft.on, draft.lang),
        "sender": sender,
        "child": draft.child(),
        "fields": draft.fields(),
    }


def _context(draft: Draft, letter: Letter) -> dict[str, Any]:
    """A catalogue letter's values: every one is checked before anything is computed."""
    draft.require_fields()
    addressed_by = ADDRESSED_BY.get(letter.name)
    if addressed_by is not None:
        extra, kind = addressed_by(draft)
    else:
        extra, kind = {}, letter.recipient
    recipient = draft.recipient(kind)
    sender = draft.sender()
    draft.fail_if_missing()
    extra.update(letter_response(draft))
    values_for = VALUES_FOR.get(letter.name)
    if values_for is not None:
        extra.update(values_for(draft))
    law = Section("law", {key: authority.citation for key, authority in letter.authorities})
    return {**_common(draft, sender), **extra, "recipient": recipient, "law": law}


def _own_letter_context(draft: Draft) -> dict[str, Any]:
    """A user's own letter: the plan's values, its `--set` values as text, and the open
    deadlines (`deadlines`), to the district if the plan has a school."""
    kind = "district" if draft.plan.school is not None else "regional center"
    recipient = draft.recipient(kind, required=False)
    sender = draft.sender()
    draft.fail_if_missing()
    context = _common(draft, sender)
    if recipient is not None:
        context["recipient"] = recipient
    context["deadlines"] = [
        Section(
            "deadline",
            {
                "rule": d.rule.id,
                "title": d.rule.title,
                "citation": d.rule.citation,
                "status": str(d.status),
                "due": date_section("deadline.due", d.due, draft.lang),
            },
        )
        for d in deadlines_for(draft.plan, draft.on)
        if d.is_open
    ]
    return context


def _record(draft: Draft, letter: Letter) -> dict[str, FieldValue]:
    """The event `--record` adds: the letter's event type, dated as the letter says, with the
    yes/no values that event reads (urgent)."""
    assert letter.records is not None
    day = draft.values[letter.records_on] if letter.records_on else draft.on
    event: dict[str, FieldValue] = {"type": letter.records, "date": day}
    event["note"] = f"plancli letter {letter.name}, dated {draft.on.isoformat()}"
    reads = EVENT_FIELDS.get(letter.records, frozenset())
    for spec in letter.fields:
        if spec.kind == "flag" and spec.name in reads and draft.values.get(spec.name):
            event[spec.name] = True
    return event


def letter_bytes(letter: RenderedLetter, suffix: str) -> bytes:
    """The letter as the contents of a .txt, .md, .html, .docx or .pdf file."""
    if suffix.lower() not in OUTPUT_SUFFIXES:
        raise LetterError(
            f"Cannot write a {suffix or 'file without an extension'}: --output must end in "
            f"{', '.join(OUTPUT_SUFFIXES)}."
        )
    return documents.document_bytes(letter.document, suffix)


def to_pdf(letter: RenderedLetter) -> bytes:
    """The letter as a PDF (`documents.to_pdf` of its document)."""
    return documents.to_pdf(letter.document)
