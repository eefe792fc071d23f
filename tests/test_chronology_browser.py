"""The chronology page in a real browser (issue 11): headless Chromium renders it, the
screenshot is not blank, and the DOM it built holds every date of the record.

Skipped, with the reason, where Chromium is not installed (`.ci/run` installs Debian's
`chromium` when it runs as root). Slow: it starts a browser twice.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from datetime import date
from pathlib import Path

import pytest

from plancli.chronology import build_record
from plancli.daycount import Break, SchoolCalendar, SchoolYear
from plancli.deadlines import deadlines_for
from plancli.model import Child, Event, Plan
from plancli.timeline import to_html

pytestmark = pytest.mark.slow

TODAY = date(2027, 1, 10)
PLAN = Plan(
    child=Child("Maya Lopez", date(2019, 5, 14)),
    calendar=SchoolCalendar(
        years=(
            SchoolYear(
                date(2026, 8, 12),
                date(2027, 6, 2),
                (Break("Winter break", date(2026, 12, 21), date(2027, 1, 1)),),
            ),
        )
    ),
    events=(
        Event("e1", "assessment-requested", date(2026, 9, 3)),
        Event("e2", "records-requested", date(2026, 9, 8)),
        Event(
            "e3",
            "contact",
            date(2026, 9, 10),
            fields={
                "with": "Principal Kim",
                "promised": "send it",
                "promised_by": date(2026, 9, 17),
            },
        ),
        Event("e4", "records-received", date(2026, 9, 17)),
        Event("e5", "rc-intake-requested", date(2026, 10, 1)),
    ),
)
# Every row's date, today, and the complaint_by of the two violations (iep: the anniversary).
DATES = (
    "2026-09-03",
    "2026-09-08",
    "2026-09-10",
    "2026-09-15",
    "2026-09-17",
    "2026-09-18",
    "2026-10-01",
    "2026-10-23",
    "2027-01-10",
    "2027-09-15",
    "2027-09-18",
)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium); .ci/run installs it")


def _browser(*args: str) -> subprocess.CompletedProcess[str]:
    command = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def png_colours(data: bytes) -> set[tuple[int, ...]]:
    """The distinct pixel colours of an 8-bit RGB or RGBA PNG (Chromium's screenshots)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", header[:10])
    assert depth == 8
    assert colour_type in (2, 6)
    size = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * size
    previous = bytearray(stride)
    colours: set[tuple[int, ...]] = set()
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        row = _unfilter(line[0], bytearray(line[1:]), previous, size)
        if y % 4 == 0:  # a sample of the rows is enough to tell a drawing from a blank page
            colours.update(tuple(row[i : i + 3]) for i in range(0, stride, size * 2))
        previous = row
    return colours


def _unfilter(kind: int, row: bytearray, prior: bytearray, size: int) -> bytearray:
    for i in range(len(row)):
        left = row[i - size] if i >= size else 0
        up = prior[i]
        corner = prior[i - size] if i >= size else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            estimate = left + up - corner
            pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
            best = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
            row[i] = (row[i] + best) & 0xFF
    return row


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    record = build_record(PLAN, deadlines_for(PLAN, TODAY), TODAY)
    assert len(record.violations) == 3  # the test is about a plan with violations
    path = tmp_path_factory.mktemp("chronology") / "record.html"
    path.write_text(to_html(record, PLAN), encoding="utf-8")
    return path


def test_the_screenshot_is_not_blank(page: Path) -> None:
    shot = page.with_suffix(".png")
    result = _browser(f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    colours = png_colours(shot.read_bytes())
    # A blank page has one colour; a page of text alone about 70 (anti-aliased greys, measured
    # with this Chromium). The drawing adds the status colours and their blends: about 330.
    assert len(colours) > 150
    reds = {c for c in colours if c[0] > 150 and c[1] < 80 and c[2] < 80}
    assert reds, "no red: the overdue bars and the today line are missing"


def test_the_dom_holds_every_date(page: Path) -> None:
    result = _browser("--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert "<svg" in dom
    for day in DATES:
        assert day in dom, day


def test_png_colours_reads_a_tiny_png() -> None:
    """The reader itself, on a 2×1 RGB PNG made here: one red, one white pixel."""
    raw = b"\x00" + bytes((255, 0, 0, 255, 255, 255))
    body = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", body) + chunk(b"IDAT", zlib.compress(raw))
    png += chunk(b"IEND", b"")
    assert png_colours(png) == {(255, 0, 0)}  # every second pixel of every fourth row
