"""Plain text that reads at the terminal's width (80 columns and up) without breaking a word.

A terminal cuts a line that is too long wherever the column ends, often mid-word. So long
lines are wrapped here at spaces, each continuation indented under its line, and a table too
wide for the terminal becomes one block per row ("Header: value" fields packed on a few
lines). A word longer than the whole width (a web address) stays whole on its own line.
Pure: the width is an argument.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence

from plancli.report import plain_table

FIELD_GAP = "   "
INDENT = "  "


def terminal_width() -> int | None:
    """The width to write for: COLUMNS, else the terminal's (also when piped into a pager
    on one); None for a file, a script or cron, where one line per item stays searchable."""
    import os
    import sys

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    try:  # piped into `head` or `less` by someone at a terminal: that terminal's width
        return os.get_terminal_size(sys.stderr.fileno()).columns if sys.stderr.isatty() else None
    except (OSError, ValueError):
        return None


def fit_line(line: str, width: int, *, hang: int = 2) -> list[str]:
    """One line wrapped at spaces; continuations indented `hang` more than the line."""
    if len(line) <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip(" "))]
    return textwrap.wrap(
        line.strip(),
        width=width,
        initial_indent=indent,
        subsequent_indent=indent + " " * hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [line]


def fit_text(text: str, width: int | None, *, hang: int = 2) -> str:
    """Every line of `text` wrapped to `width` (a trailing newline is kept); None: as is.
    `hang=0` keeps continuations flush (prose above indented commands)."""
    if width is None:
        return text
    lines = [part for line in text.split("\n") for part in fit_line(line, width, hang=hang)]
    return "\n".join(lines)


def fit_table(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int | None) -> str:
    """The aligned table when it fits in `width` (or `width` is None); else a block a row."""
    table = plain_table(headers, rows)
    if width is None or max((len(line) for line in table.split("\n")), default=0) <= width:
        return table
    return "\n".join(line for row in rows for line in row_block(headers, row, width))


def row_block(headers: Sequence[str], row: Sequence[str], width: int) -> list[str]:
    """A row as its first cell, then its other fields packed as `Header: value` lines."""
    lines = fit_line(row[0], width)
    current = ""
    for header, cell in zip(headers[1:], row[1:], strict=True):
        if not cell:
            continue
        field = f"{header}: {cell}"
        joined = f"{current}{FIELD_GAP}{field}" if current else INDENT + field
        if len(joined) <= width:
            current = joined
            continue
        if current:
            lines.append(current)
        current = INDENT + field
        if len(current) > width:
            lines += fit_line(current, width, hang=2)
            current = ""
    if current:
        lines.append(current)
    return lines
