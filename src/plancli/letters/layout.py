"""A rendered letter as a `documents.Document`: the letters package reads its own words.

The templates write a letter as plain text; the layout words of each language (`Wording`:
"Re: ", "Sincerely,", "Signature:", ...) say which line is the subject and which paragraphs are
the closing and signature, so `documents` can lay them out without reading any words. A user's
template is read the same way, in either language.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from plancli.documents import (
    Block,
    Bullets,
    Document,
    Heading,
    Line,
    PageBreak,
    Paragraph,
    SignatureGroup,
    Subject,
)
from plancli.letters.wording import WORDINGS

_SUBJECT_PREFIXES = tuple(w.subject_prefix for w in WORDINGS.values())
_CLOSINGS = tuple(w.closing for w in WORDINGS.values())
_SIGNATURE_LABELS = tuple(w.signature_label for w in WORDINGS.values())

_SHORT_LINE = 40  # characters: a line of thanks, not a paragraph of its own
PAGE_BREAK = "\f"  # a line of its own in a template: what follows starts a new page
_Chunk = tuple[str, list[str]]  # ("para", lines) or ("list", items)


def letter_title(text: str, name: str) -> str:
    """The letter's subject (the text after "Re: "), or its name when it has none."""
    for line in text.splitlines():
        for prefix in _SUBJECT_PREFIXES:
            if line.startswith(prefix):
                return line.removeprefix(prefix).strip()
    return name


def letter_document(
    text: str,
    *,
    lang: str,
    title: str,
    day: date,
    running_head: str = "",
    heading: str = "",
) -> Document:
    """The letter's text as typed blocks: paragraphs (the subject line marked), bullet lists,
    and, kept on one page, the last paragraph, the closing, the signature line, the sender's
    name and what follows it (an authorization line, copy lines). `heading`: a heading atop
    the letter (its language, in a document with both)."""
    chunks = list(_chunks(text))
    blocks: list[Block] = [_block(kind, lines) for kind, lines in chunks]
    together = _signature_chunks(chunks)
    if together is not None:
        inner = [_block(*chunks[i]) for i in together]
        group = SignatureGroup(tuple(b for b in inner if not isinstance(b, PageBreak)))
        blocks[together.start : together.stop] = [group]
    if heading:
        blocks.insert(0, Heading(heading, level=2))
    page_label = WORDINGS[lang].page_label if lang in WORDINGS else ""
    return Document(
        lang=lang,
        title=title,
        day=day,
        text=text,
        blocks=tuple(blocks),
        running_head=running_head,
        page_label=page_label,
    )


def _block(kind: str, lines: list[str]) -> Paragraph | Bullets | PageBreak:
    if kind == "break":
        return PageBreak()
    if kind == "list":
        return Bullets(tuple(lines))
    return Paragraph(tuple(_line(line) for line in lines))


def _line(line: str) -> Line:
    """A subject line keeps its "Re: ": the reader sees it as the letter has it."""
    return Subject(line) if line.startswith(_SUBJECT_PREFIXES) else line


def _chunks(text: str) -> Iterator[_Chunk]:
    """Paragraphs ('para', lines) and bullet lists ('list', items) of a letter's text."""
    kind, lines = "", list[str]()
    # Split on line ends only: `splitlines` would also split on the page break itself.
    for raw in [*text.replace("\r\n", "\n").split("\n"), ""]:
        line = "" if raw == PAGE_BREAK else raw.rstrip()
        now = "" if not line.strip() else ("list" if line.lstrip().startswith("- ") else "para")
        if raw == PAGE_BREAK:
            now = "break"
        if now != kind and lines:
            yield kind, lines
            lines = []
        kind = now
        if now == "list":
            lines.append(line.lstrip()[2:].strip())
        elif now == "para":
            lines.append(line)
        elif now == "break":
            yield now, []
            kind = ""


def _signature_chunks(chunks: Sequence[_Chunk]) -> range | None:
    """The chunks a page keeps together: the closing ("Sincerely,"), the signature line and
    the paragraph under it (the sender's name), or None when the letter has no signature line."""
    # The letter's own signature: a page of its own after it (a proof of service) has its own.
    end = next((i for i, (kind, _) in enumerate(chunks) if kind == "break"), len(chunks))
    signs = [
        i
        for i, (kind, lines) in enumerate(chunks[:end])
        if kind == "para" and any(line.startswith(_SIGNATURE_LABELS) for line in lines)
    ]
    if not signs:
        return None
    sign = signs[-1]
    first = sign
    if sign > 0 and chunks[sign - 1][0] == "para" and chunks[sign - 1][1][-1] in _CLOSINGS:
        first = sign - 1
        # The letter's last paragraph goes with its closing, never alone on a page; a short
        # line of thanks takes the paragraph before it too.
        for _ in range(2):
            if first == 0 or chunks[first - 1][0] != "para":
                break  # a list before the closing stays where it falls
            first -= 1
            lines = chunks[first][1]
            if len(lines) > 1 or len(lines[0]) > _SHORT_LINE:
                break
    # Everything after the signature line (the name, an authorization, copy lines), up to a
    # page of its own (a proof of service).
    return range(first, end)
