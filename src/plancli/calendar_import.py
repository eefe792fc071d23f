"""A district's published iCalendar feed read into school years, breaks and closures (SPEC §10).

Pure apart from parsing the bytes it is given: no clock, no file access, no printing. The
result is data (`ImportedCalendar`); the command words it, asks, and writes through `store`.

How a feed is read:
    * An all-day event ends the day before its DTEND (RFC 5545 §3.6.1: DTEND is exclusive);
      one with no DTEND (and no DURATION) lasts its DTSTART day.
    * A timed event is read in America/Los_Angeles, whatever zone it is stamped in, so that
      `DTSTART:20261124T080000Z` (local midnight written in UTC) is 2026-11-24; it lasts to
      the local day of the last instant before its end.
    * Titles are classified in English and Spanish (`classify`): first day, last day, a
      closure, or noise (minimum days, back-to-school night, end of a trimester ...).
    * Closures lasting several days, or touching one another day after day, become one break;
      a single weekday closure becomes a `calendar.holidays` day. Closures are kept only
      inside a school year found in the feed; everything left out is listed with the reason.
    * School years run from a first day to the next last day; an event from July to
      December belongs to the school year starting that year, one from January to June to the
      year before (a year-round district starting in July is still one year).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from plancli.daycount import Break, SchoolYear, school_year_label
from plancli.errors import PlancliError
from plancli.i18n import _
from plancli.store import EARLIEST, LATEST  # the dates a plan may hold

LOCAL_ZONE = "America/Los_Angeles"  # California districts publish in Pacific time
MAX_FEED_BYTES = 10_000_000  # a district's multi-year feed is a few hundred kilobytes
MAX_EVENTS = 20_000
ONE_DAY = timedelta(days=1)


class Kind(StrEnum):
    """What an event's title says about school."""

    FIRST_DAY = "first-day"
    LAST_DAY = "last-day"
    CLOSURE = "closure"  # students have no school: a break, a holiday, a non-student day
    NOISE = "noise"  # about the school day, not its closure: minimum day, picture day ...
    UNKNOWN = "unknown"  # no word plancli recognises


class Reason(StrEnum):
    """Why an event of the feed is not in the imported calendar (each command words it)."""

    NOT_A_CLOSURE = "not-a-closure"  # a noise title: school is in session
    UNRECOGNISED = "unrecognised"  # a title plancli cannot classify
    OUTSIDE_SCHOOL_YEAR = "outside-school-year"  # summer, or a year the feed does not bound
    WEEKEND = "weekend"  # a one-day closure on a Saturday or Sunday changes no count
    DUPLICATE = "duplicate"  # inside a break or closure already found
    MERGED = "merged"  # part of a longer run of days off, named after another of its events
    OTHER_FIRST_DAY = "other-first-day"  # a later first day of the same year
    OTHER_LAST_DAY = "other-last-day"  # an earlier last day of the same year
    RECURRING = "recurring"  # an RRULE event: its days are not listed one by one
    CANCELLED = "cancelled"
    BAD_DATE = "bad-date"  # no readable DTSTART, or a date no plan can hold


class Missing(StrEnum):
    """Why a feed gives nothing to write."""

    NO_FIRST_OR_LAST_DAY = "no-first-or-last-day"
    NO_FIRST_DAY = "no-first-day"
    NO_LAST_DAY = "no-last-day"


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One VEVENT as read: its title, its local first and last day, and what it says."""

    title: str
    first: date
    last: date
    kind: Kind
    order: int  # position in the feed, to keep ties stable


@dataclass(frozen=True, slots=True)
class Closure:
    """A single weekday without school (a `calendar.holidays` date)."""

    day: date
    name: str


@dataclass(frozen=True, slots=True)
class Ignored:
    """An event left out of the calendar, and why."""

    title: str
    first: date | None
    last: date | None
    reason: Reason


@dataclass(frozen=True, slots=True)
class IncompleteYear:
    """A school year the feed opens or closes but not both (it is not imported)."""

    label: str
    first_day: date | None
    last_day: date | None


@dataclass(frozen=True, slots=True)
class ImportedCalendar:
    """What a feed gives: whole school years with their breaks, closures, and what was left."""

    name: str | None  # X-WR-CALNAME, when the feed has one
    years: tuple[SchoolYear, ...]
    closures: tuple[Closure, ...]
    ignored: tuple[Ignored, ...]
    incomplete: tuple[IncompleteYear, ...] = ()

    @property
    def missing(self) -> Missing | None:
        """Set when the feed has no whole school year: nothing is to be written."""
        if self.years:
            return None
        has_first = any(y.first_day for y in self.incomplete)
        has_last = any(y.last_day for y in self.incomplete)
        if has_first and not has_last:
            return Missing.NO_LAST_DAY
        if has_last and not has_first:
            return Missing.NO_FIRST_DAY
        return Missing.NO_FIRST_OR_LAST_DAY

    @property
    def holidays(self) -> tuple[date, ...]:
        return tuple(c.day for c in self.closures)


# --------------------------------------------------------------------------------------------
# Titles


def normalise(title: str) -> str:
    """Lower case, accents off, punctuation to spaces: 'Día  Festivo!' → 'dia festivo'."""
    text = unicodedata.normalize("NFKD", title).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _words(*phrases: str) -> re.Pattern[str]:
    """A pattern matching any phrase as whole words of a normalised title."""
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b")


# Not the students' first or last day: a teachers' day, or a term inside the year.
_NOT_THE_YEAR = _words(
    r"teachers?", "staff", "certificated", "classified", "maestros?", "personal",
    "semester", "trimester", "quarter", "term", "grading period", "semestre", "trimestre",
    "periodo", "seniors?", "graduation", "graduacion", "summer", "verano",
)  # fmt: skip
_FIRST_DAY = _words(
    r"first (?:full )?day (?:of|for) (?:school|students|instruction|classes|class)",
    "first student day", "first day of the school year", "school (?:begins|starts)",
    "classes (?:begin|start)", r"primer dia de (?:clases|escuela|instruccion)",
    "inicio de clases", "(?:comienzan|empiezan|inician) (?:las )?clases",
)  # fmt: skip
_LAST_DAY = _words(
    r"last day (?:of|for) (?:school|students|instruction|classes|class)",
    "last student day", "last day of the school year", "end of (?:the )?school year",
    r"ultimo dia de (?:clases|escuela|instruccion)", "fin del (?:ano|ciclo) escolar",
)  # fmt: skip
# Events about a school day that still happens, or about something else: checked before the
# closure words, so that "Holiday Concert" or "End of Trimester 1" (which may span a break)
# is not read as a closure.
_NOISE = _words(
    "minimum day", "early (?:release|dismissal|out)", "late start", "short(?:ened)? day",
    "back to school", "open house", "night", "concert", "performance", "program", "assembly",
    "festival", "fair", "party", "luncheon", "feast", "dance", "rally", "parade",
    "daylight sav(?:ing|ings)", "time (?:begins|ends|change)",
    r"(?:end|start|beginning|begin) of (?:the )?(?:\w+ )?(?:semester|trimester|quarter|term"
    r"|grading period|marking period)",
    "grades? due", "report cards?", "progress reports?", "picture (?:day|retakes?)",
    "photo day", "testing", "exams?", "finals", "conferences?", "registration",
    "(?:school|classes) resumes?", "resume", "(?:break|recess|vacation) (?:begins|ends)",
    "board meeting", "summer school", "escuela de verano", "dia minimo", "salida temprana",
    "noche", "horario de verano",
    r"(?:fin|inicio) del? (?:\w+ )?(?:semestre|trimestre|periodo)", "dia de fotos",
    "regreso a clases", "reanudan las clases", "conferencias?", "examenes",
)  # fmt: skip
_CLOSURE = _words(
    "recess", "break", "vacation", "no school", "no classes", "no students?",
    "non ?student days?", "student free days?", "pupil free days?", "holidays?",
    "(?:staff|professional) development", r"teacher (?:work ?days?|in ?service|prep)",
    "work ?days?", "in ?service", "furlough", "schools? (?:are )?closed", "closure", "day off",
    "vacaciones", "receso", "no hay clases", "sin clases", "dia festivo", "dia feriado",
    "feriado", "dia no lectivo", "asueto", "escuelas cerradas", "desarrollo profesional",
    "dia sin estudiantes",
)  # fmt: skip
# Days on which California public schools close by law (Cal. Educ. Code § 37220(a)), so a
# bare "Veterans Day" is a closure even without "no school" in its title. Holidays a district
# may keep open (Columbus Day, Cesar Chavez Day, Native American Day ...) count only with a
# closure word. https://codes.findlaw.com/ca/education-code/edc-sect-37220/ (statute text)
_SCHOOL_HOLIDAYS = _words(
    "new year(?: s|s)? day", "martin luther king", "mlk", "lincoln(?: s)? (?:birth)?day",
    "washington(?: s)? (?:birth)?day", "presidents?(?: s)? day", "memorial day",
    "independence day", "labor day", "veterans?(?: s)? day", "thanksgiving", "christmas",
    "ano nuevo", "dia de los presidentes", "dia de los caidos", "dia del trabajo",
    "dia de (?:los )?veteranos", "dia de accion de gracias", "navidad",
)  # fmt: skip


def classify(title: str) -> Kind:
    """What a title says about school, in English or Spanish."""
    text = normalise(title)
    if not _NOT_THE_YEAR.search(text):
        if _FIRST_DAY.search(text):
            return Kind.FIRST_DAY
        if _LAST_DAY.search(text):
            return Kind.LAST_DAY
    if _NOISE.search(text):
        return Kind.NOISE
    if _CLOSURE.search(text) or _SCHOOL_HOLIDAYS.search(text):
        return Kind.CLOSURE
    return Kind.UNKNOWN


# --------------------------------------------------------------------------------------------
# Reading the feed


def read_feed(data: bytes) -> ImportedCalendar:
    """The school calendar in an iCalendar feed's bytes; PlancliError if they are not one."""
    calendar = _parse(data)
    name = _text(calendar.get("X-WR-CALNAME")) or None
    events: list[FeedEvent] = []
    ignored: list[Ignored] = []
    for order, component in enumerate(calendar.walk("VEVENT")):
        if order >= MAX_EVENTS:
            raise PlancliError(
                _(
                    "The file has more than {n} events: it is not a school calendar. Download "
                    "the district's calendar feed (.ics) and try again."
                ).format(n=MAX_EVENTS)
            )
        read = _read_event(component, order)
        if isinstance(read, Ignored):
            ignored.append(read)
        else:
            events.append(read)
    return assemble(events, ignored, name)


def _parse(data: bytes) -> Any:
    def refuse(why: str) -> PlancliError:
        return PlancliError(
            _(
                "This file is not an iCalendar feed ({why}). Download the district's calendar "
                'as an .ics file ("Subscribe", "Export" or "iCal" on its calendar page) and '
                "try again."
            ).format(why=why)
        )

    if len(data) > MAX_FEED_BYTES:
        raise refuse(_("it is over {mb} MB").format(mb=MAX_FEED_BYTES // 1_000_000))
    if b"\x00" in data:
        raise refuse(_("it holds binary data"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # some vendors export Windows-1252
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise refuse(_("it does not start with BEGIN:VCALENDAR"))
    from icalendar import Calendar  # heavy: only when a feed is read

    try:
        return Calendar.from_ical(text)
    except Exception as error:  # the parser raises several types; none may escape
        raise refuse(_("line unreadable: {error}").format(error=type(error).__name__)) from None


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _read_event(component: Any, order: int) -> FeedEvent | Ignored:
    title = _text(component.get("SUMMARY"))
    if _text(component.get("STATUS")).upper() == "CANCELLED":
        return Ignored(title, None, None, Reason.CANCELLED)
    span = _span(component)
    if span is None:
        return Ignored(title, None, None, Reason.BAD_DATE)
    first, last = span
    if component.get("RRULE") is not None or component.get("RECURRENCE-ID") is not None:
        return Ignored(title, first, last, Reason.RECURRING)
    return FeedEvent(title, first, last, classify(title), order)


def _span(component: Any) -> tuple[date, date] | None:
    """The event's first and last local day, or None without a usable start."""
    start = _moment(component.get("DTSTART"))
    if start is None:
        return None
    end = _moment(component.get("DTEND"))
    if end is None:
        duration = getattr(component.get("DURATION"), "dt", None)
        if isinstance(duration, timedelta):
            end = start + duration
    if end is not None and isinstance(end, datetime) != isinstance(start, datetime):
        end = None  # a date start with a timed end (or the reverse): trust the start only
    try:
        first, last = _days_of(start, end)
    except (OverflowError, ValueError):
        return None
    if first < EARLIEST or last > LATEST:
        return None
    return first, last


def _days_of(start: date, end: date | None) -> tuple[date, date]:
    if isinstance(start, datetime):
        begins = _local(start)
        ends = _local(end) if isinstance(end, datetime) else None
        if ends is None or ends <= begins:
            return begins.date(), begins.date()  # RFC 5545: no end means the start's instant
        return begins.date(), max(begins.date(), (ends - timedelta(microseconds=1)).date())
    if end is None or end <= start:
        return start, start  # RFC 5545: an all-day event without an end lasts its day
    return start, end - ONE_DAY  # an all-day DTEND is the day after the last


def _moment(prop: Any) -> date | None:
    value = getattr(prop, "dt", None)
    return value if isinstance(value, date) else None


def _local(moment: datetime) -> datetime:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(LOCAL_ZONE)
    if moment.tzinfo is None:  # a floating time: the district's own wall clock
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


# --------------------------------------------------------------------------------------------
# From events to a calendar


def school_year_start(day: date) -> int:
    """The year a school year containing `day` starts: July to June."""
    return day.year if day.month >= 7 else day.year - 1


def assemble(
    events: list[FeedEvent], ignored: list[Ignored], name: str | None = None
) -> ImportedCalendar:
    """Group classified events into school years, breaks and closures."""
    left = list(ignored)
    years, incomplete = _years(events, left)
    closures = [e for e in events if e.kind is Kind.CLOSURE]
    for event in events:
        if event.kind is Kind.NOISE:
            left.append(Ignored(event.title, event.first, event.last, Reason.NOT_A_CLOSURE))
        elif event.kind is Kind.UNKNOWN:
            left.append(Ignored(event.title, event.first, event.last, Reason.UNRECOGNISED))
    whole_years: list[SchoolYear] = []
    one_days: list[Closure] = []
    for year in years:
        inside = [c for c in closures if year.first_day <= c.first and c.last <= year.last_day]
        breaks, days = _breaks_and_days(inside, left)
        whole_years.append(SchoolYear(year.first_day, year.last_day, tuple(breaks)))
        one_days += days
    for closure in closures:
        if not any(y.first_day <= closure.first and closure.last <= y.last_day for y in years):
            left.append(
                Ignored(closure.title, closure.first, closure.last, Reason.OUTSIDE_SCHOOL_YEAR)
            )
    left.sort(key=lambda i: (i.first or date.min, i.title))
    return ImportedCalendar(
        name=name,
        years=tuple(whole_years),
        closures=tuple(sorted(one_days, key=lambda c: c.day)),
        ignored=tuple(left),
        incomplete=tuple(incomplete),
    )


def _years(
    events: list[FeedEvent], left: list[Ignored]
) -> tuple[list[SchoolYear], list[IncompleteYear]]:
    """The earliest first day and the latest last day of each school year found."""
    firsts: dict[int, list[FeedEvent]] = {}
    lasts: dict[int, list[FeedEvent]] = {}
    for event in events:
        if event.kind is Kind.FIRST_DAY:
            firsts.setdefault(school_year_start(event.first), []).append(event)
        elif event.kind is Kind.LAST_DAY:
            lasts.setdefault(school_year_start(event.last), []).append(event)
    years: list[SchoolYear] = []
    incomplete: list[IncompleteYear] = []
    for start in sorted(set(firsts) | set(lasts)):
        first = min(firsts.get(start, []), key=lambda e: (e.first, e.order), default=None)
        last = max(lasts.get(start, []), key=lambda e: (e.last, -e.order), default=None)
        for other in firsts.get(start, []):
            if first is not None and other.first != first.first:
                left.append(Ignored(other.title, other.first, other.last, Reason.OTHER_FIRST_DAY))
        for other in lasts.get(start, []):
            if last is not None and other.last != last.last:
                left.append(Ignored(other.title, other.first, other.last, Reason.OTHER_LAST_DAY))
        if first is None or last is None or last.last <= first.first:
            incomplete.append(
                IncompleteYear(
                    school_year_label(start),
                    first.first if first else None,
                    last.last if last else None,
                )
            )
            continue
        years.append(SchoolYear(first.first, last.last))
    return years, incomplete


def _breaks_and_days(
    closures: list[FeedEvent], left: list[Ignored]
) -> tuple[list[Break], list[Closure]]:
    """Closures of one year: runs of consecutive days off as breaks, lone weekdays as days.

    Events that overlap or follow one another day after day are one run (a feed may list
    "Thanksgiving Recess" and "Thanksgiving Day" separately, or one break in English and in
    Spanish). Days separated by a weekend stay apart: whether such days make one vacation
    changes a school-tolled count, and the feed does not say.
    """
    runs: list[list[FeedEvent]] = []
    for event in sorted(closures, key=lambda e: (e.first, -(e.last - e.first).days, e.order)):
        if runs and event.first <= max(e.last for e in runs[-1]) + ONE_DAY:
            runs[-1].append(event)
        else:
            runs.append([event])
    breaks: list[Break] = []
    days: list[Closure] = []
    for run in runs:
        first, last = run[0].first, max(e.last for e in run)
        # The run is named by its longest event (the first of those in date order).
        named = max(run, key=lambda e: ((e.last - e.first).days, -e.first.toordinal(), -e.order))
        for event in run:
            if event is not named:
                inside = named.first <= event.first and event.last <= named.last
                reason = Reason.DUPLICATE if inside else Reason.MERGED
                left.append(Ignored(event.title, event.first, event.last, reason))
        if first == last:
            if first.weekday() >= 5:
                left.append(Ignored(named.title, first, last, Reason.WEEKEND))
            else:
                days.append(Closure(first, named.title))
        else:
            breaks.append(Break(named.title, first, last))
    return breaks, days
