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
from plancli.i18n import _
from plancli.letters import templates
from plancli.letters.catalogue import LETTERS, LETTERS_BY_NAME, Letter
from plancli.letters.counts import letter_response
from plancli.letters.layout import letter_document, letter_title
from plancli.letters.specifics import ADDRESSED_BY, VALUES_FOR
from plancli.letters.values import EARLY_START_AGE, Draft, Section, date_section, first_name
from plancli.letters.wording import wording
from plancli.model import FieldValue, Plan
from plancli.rules import EVENT_FIELDS, RULES_BY_ID, System
from plancli.rules.agencies import DDS_APPEALS
from plancli.vocab import LANGUAGES

OUTPUT_SUFFIXES = documents.FORMATS


@dataclass(frozen=True, slots=True)
class Delivery:
    """What the advice printed after a letter needs (SPEC §6.1: how to send it and keep
    proof), as data the command words in the interface's language."""

    recipient: str  # "district", "regional center" or "dds"
    replies: tuple[str, ...]  # event types that record the answer (`plancli add TYPE ...`)
    services_continue_by: date | None = None  # appeal-request: DDS must have it by this date
    online: str | None = None  # an online form that takes the same request
    filing: str | None = None  # a filing of SPEC §6.2: its id in `rules.filings.FILINGS_BY_ID`


@dataclass(frozen=True, slots=True)
class RenderedLetter:
    """A rendered letter, and the event `--record` adds (None unless asked for). A letter in
    two languages (`es+en`) has one part per language, the first language first."""

    name: str
    lang: str
    date: date
    text: str
    title: str
    warnings: tuple[str, ...] = ()
    record: Mapping[str, FieldValue] | None = None
    parts: tuple[tuple[str, str], ...] = ()  # (language, text) of each version
    running_head: tuple[str, ...] = ()  # per part: the child's name and the date
    delivery: Delivery | None = None

    @property
    def document(self) -> documents.Document:
        """The letter as a document, for its .html, .docx and .pdf files."""
        if len(self.parts) < 2:
            head = self.running_head[0] if self.running_head else ""
            return letter_document(
                self.text, lang=self.lang, title=self.title, day=self.date, running_head=head
            )
        parts = tuple(
            letter_document(
                text,
                lang=lang,
                title=self.title,
                day=self.date,
                running_head=head,
                heading=wording(lang).version,
            )
            for (lang, text), head in zip(self.parts, self.running_head, strict=True)
        )
        first = self.parts[0][0]
        return documents.Document(
            lang=first, title=self.title, day=self.date, text=self.text, blocks=(), parts=parts
        )


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
            name,
            _("(your template)"),
            _("your own letter, from {folder}").format(folder=user_dir),
            tuple(sorted(langs)),
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
    received: date | None = None,
) -> RenderedLetter:
    """Render letter `name` for `plan`, dated `on` (counted as delivered that day).

    Args:
        lang: "en" or "es"; default: the plan's family.language, else English.
        values: the `--set KEY=VALUE` pairs, in order (a list field given twice adds up).
        templates_dir: a folder of the user's templates, rendered in the sandbox.
        record: also return the event `--record` adds.
        received: the day the recipient received the letter, when later than its date: the
            recorded event is dated that day (`--received`).

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
            _(
                "There is no letter '{name}'.{suggestion} `plancli letter --list` lists the "
                "letters."
            ).format(name=name[:60], suggestion=suggestion(name, names))
        )
    languages = tuple((lang or plan.family.language or "en").split("+"))
    for language in languages:
        if language not in LANGUAGES:
            raise LetterError(
                _("Letters are written in en or es, not {value}: give --lang en or es.").format(
                    value=repr(language)
                )
            )
    if len(set(languages)) != len(languages) or len(languages) > 2:
        raise LetterError(
            _("--lang {value}: give one language, or two different ones (es+en, en+es).").format(
                value="+".join(languages)
            )
        )
    for language in languages:
        template = f"{name}.{language}{templates.TEMPLATE_SUFFIX}"
        if template not in user_templates and templates.load_builtin(template) is None:
            raise LetterError(
                _(
                    "The letter {name} has no {lang} version ({template}): give --lang with "
                    "another language, or add that template to your --templates folder."
                ).format(name=name, lang=language, template=template)
            )
    if record and (letter is None or letter.records is None):
        raise LetterError(
            _(
                "--record: the letter {name} starts no deadline that plancli tracks, so there "
                "is no event to record. Leave out --record; to keep a note of it, use `plancli "
                'add note DATE --note "..."`. Nothing was written.'
            ).format(name=name)
        )
    drafts, texts = [], []
    for language in languages:
        draft = Draft(letter, name, plan, on, language)
        draft.languages = languages
        draft.parse(values)
        context = _context(draft, letter) if letter is not None else _own_letter_context(draft)
        template = f"{name}.{language}{templates.TEMPLATE_SUFFIX}"
        texts.append(templates.render(template, context, user_dir))
        draft.english_warning()
        drafts.append(draft)
    warnings = tuple(dict.fromkeys(w for draft in drafts for w in draft.warnings))
    parts = tuple(zip(languages, texts, strict=True))
    if len(parts) == 1:
        text = texts[0]
    else:
        text = "\n".join(f"# {wording(lang).version}\n\n{body}" for lang, body in parts)
    child = plan.child.name
    return RenderedLetter(
        name=name,
        lang=languages[0],
        date=on,
        text=text,
        title=letter_title(texts[0], name),
        warnings=warnings,
        record=_record(drafts[0], letter, received) if record and letter is not None else None,
        parts=parts,
        running_head=tuple(f"{child} · {wording(lang).long_date(on)}" for lang in languages),
        delivery=_delivery(drafts[0], letter) if letter is not None else None,
    )


def _delivery(draft: Draft, letter: Letter) -> Delivery:
    """What the advice after the letter needs: who must receive it, how to record the answer."""
    kind = "dds" if letter.name == "appeal-request" else letter.recipient
    if letter.recipient == "district or regional center":
        missed = draft.values.get("rule")
        system = RULES_BY_ID[missed].system if missed in RULES_BY_ID else None
        kind = "district" if system in (System.IEP, System.SECTION_504) else "regional center"
    replies: tuple[str, ...] = ()
    if letter.rules and letter.name != "appeal-request":
        replies = RULES_BY_ID[letter.rules[0]].met_by
    by = None
    if letter.name == "appeal-request":
        pending = draft.facts.get("services_continue_by")
        by = pending if isinstance(pending, date) else None
    online = DDS_APPEALS.online if kind == "dds" else None
    filing = letter.name if letter.filing else None
    return Delivery(kind, replies, services_continue_by=by, online=online, filing=filing)


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
    _check_system(draft, letter)
    addressed_by = ADDRESSED_BY.get(letter.name)
    if addressed_by is not None:
        extra, kind = addressed_by(draft)
    else:
        extra, kind = {}, letter.recipient
    recipient = draft.recipient(kind)
    writer = draft.writer(kind)
    sender = draft.sender()
    draft.fail_if_missing()
    extra.update(letter_response(draft))
    values_for = VALUES_FOR.get(letter.name)
    if values_for is not None:
        extra.update(values_for(draft))
    law = Section(
        "law",
        {key: draft.words.citation(authority.citation) for key, authority in letter.authorities},
    )
    school = draft.plan.school
    director = school.special_education_director if school is not None else None
    return {
        **_common(draft, sender),
        **extra,
        "recipient": recipient,
        "law": law,
        "writer": writer,
        "access": draft.access(),
        "director": director or None,
    }


def _check_system(draft: Draft, letter: Letter) -> None:
    """A child under three on the letter's date is served by Early Start (Part C), not by the
    Lanterman Act's IPP and fair hearing (DDS's appeals page; letters-law.md: dds-under-three):
    a Lanterman letter would cite the wrong law, unless `--set system=rc` says otherwise."""
    system = draft.values.get("system")
    if system is not None and str(system).strip().casefold() != "rc":
        raise LetterError(
            _(
                "--set system={value}: the only value is rc (the child's services are "
                "Lanterman Act services). Nothing was written."
            ).format(value=str(system)[:20])
        )
    if not letter.lanterman or system is not None or draft.age >= EARLY_START_AGE:
        return
    raise LetterError(
        _(
            "{first} is under three on {date}, so {first}'s services are Early Start "
            "services, not Lanterman Act services: the letter {name} would cite the wrong law "
            "(Early Start disputes go to DDS and OAH under 17 CCR 52170-52174). To ask for a "
            "review of the IFSP, use `plancli letter ifsp-review-request`; to complain that "
            "the regional center broke an Early Start rule, `plancli letter "
            "early-start-complaint`; to dispute a decision about services, `plancli letter "
            "early-start-due-process-request`. If {first}'s services really are Lanterman "
            "Act services, add --set system=rc. Nothing was written."
        ).format(
            first=first_name(draft.plan.child.name), date=draft.on.isoformat(), name=letter.name
        )
    )


def _own_letter_context(draft: Draft) -> dict[str, Any]:
    """A user's own letter: the plan's values, its `--set` values as text, and the open
    deadlines (`deadlines`), to the district if the plan has a school."""
    kind = "district" if draft.plan.school is not None else "regional center"
    recipient = draft.recipient(kind, required=False)
    writer = draft.writer(kind)
    sender = draft.sender()
    draft.fail_if_missing()
    context = _common(draft, sender)
    school = draft.plan.school
    director = school.special_education_director if school is not None else None
    context.update(writer=writer, access=draft.access(), director=director or None)
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


def _record(draft: Draft, letter: Letter, received: date | None) -> dict[str, FieldValue]:
    """The event `--record` adds: the letter's event type, dated as the letter says (or the
    day it was received), with the yes/no values that event reads (urgent)."""
    assert letter.records is not None
    day = draft.values[letter.records_on] if letter.records_on else draft.on
    if received is not None:
        if letter.records_on:
            raise LetterError(
                _(
                    "--received: the event the letter {name} records is dated {field}, not "
                    "the day the letter arrives; leave out --received. Nothing was written."
                ).format(name=letter.name, field=letter.records_on)
            )
        if received < draft.on:
            raise LetterError(
                _(
                    "--received {received} is before the letter's date ({on}): a letter is "
                    "received on or after its date. Nothing was written."
                ).format(received=received.isoformat(), on=draft.on.isoformat())
            )
        day = received
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
            _("Cannot write a {kind}: --output must end in {suffixes}.").format(
                kind=suffix or _("file without an extension"), suffixes=", ".join(OUTPUT_SUFFIXES)
            )
        )
    try:
        return documents.document_bytes(letter.document, suffix)
    except documents.UnprintableError as error:
        raise _unprintable(error) from None


def to_pdf(letter: RenderedLetter) -> bytes:
    """The letter as a PDF (`documents.to_pdf` of its document)."""
    try:
        return documents.to_pdf(letter.document)
    except documents.UnprintableError as error:
        raise _unprintable(error) from None


def _unprintable(error: documents.UnprintableError) -> LetterError:
    import unicodedata

    character = error.character
    name = unicodedata.name(character, "")
    return LetterError(
        _(
            "The PDF fonts cannot print the character '{character}' (U+{code:04X}{name}) in "
            '"{context}". Nothing was written. Write the letter as .docx or .html, which use '
            "your computer's fonts, or change that text in the plan or the --set value."
        ).format(
            character=character,
            code=ord(character),
            name=f" {name}" if name else "",
            context=error.context[:60],
        )
    )
