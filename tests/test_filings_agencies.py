"""Filings and agencies as data (SPEC §6.2): every address and requirement has a source."""

from __future__ import annotations

import re
from datetime import date

import pytest

from plancli.rules import EVENT_TYPES, RULES_BY_ID, Shows
from plancli.rules.agencies import AGENCIES, AGENCIES_BY_ID, Agency
from plancli.rules.filings import (
    FILINGS,
    FILINGS_BY_ID,
    Filing,
    earliest_allowed,
    within_time_limit,
)

URL = re.compile(r"^https?://\S+$")


@pytest.mark.parametrize("agency", AGENCIES, ids=lambda a: a.id)
def test_every_agency_has_a_source_and_a_way_to_reach_it(agency: Agency) -> None:
    assert agency.sources
    for source in agency.sources:
        assert URL.match(source.url)
        assert source.quote.strip()
    assert agency.read_on == date(2026, 11, 29)
    assert agency.mail or agency.online, "a filing needs somewhere to go"
    if not agency.mail:
        assert agency.note, "say why there is no mailing address"


def test_agency_addresses_as_read() -> None:
    assert AGENCIES_BY_ID["cde-special-education"].mail[-2:] == (
        "1430 N Street, Suite 2401",
        "Sacramento, CA 95814",
    )
    assert AGENCIES_BY_ID["oah-special-education"].mail[-1] == "Sacramento, CA 95833"
    assert AGENCIES_BY_ID["dds-early-start-complaints"].email == "appeals@dds.ca.gov"
    assert AGENCIES_BY_ID["dds-early-start-complaints"].forms == ("DS 1827",)
    assert AGENCIES_BY_ID["oah-early-start"].forms == ("DS 1802",)
    assert AGENCIES_BY_ID["dds-appeals"].forms == ("DS 1821",)
    ocr = AGENCIES_BY_ID["ocr"]
    assert ocr.online == "https://ocrcas.ed.gov/"
    assert ocr.note is not None
    assert "closed in March 2025" in ocr.note
    assert not any("San Francisco" in line for line in ocr.mail)


SPEC_FILINGS = {
    # name: (recorded trigger, decision rule, time limit in SPEC §6.2)
    "compliance-complaint": (
        "compliance-complaint-filed",
        "compliance-complaint-decision",
        "1 year",
    ),
    "due-process-request": ("due-process-filed", "hearing-decision", "2 years"),
    "rights-complaint": ("rights-complaint-filed", "rights-complaint-response", None),
    "early-start-complaint": (
        "early-start-complaint-filed",
        "early-start-complaint-decision",
        "1 year",
    ),
    "early-start-due-process-request": (
        "early-start-due-process-filed",
        "early-start-hearing-decision",
        None,
    ),
    "ocr-complaint": ("ocr-complaint-filed", None, "180 days"),
}


@pytest.mark.parametrize("filing", FILINGS, ids=lambda f: f.id)
def test_filing_matches_spec(filing: Filing) -> None:
    recorded, decision, limit = SPEC_FILINGS[filing.id]
    assert filing.recorded_as == recorded
    assert recorded in EVENT_TYPES
    assert filing.decision_rule == decision
    if decision is not None:
        assert RULES_BY_ID[decision].triggers == (recorded,)
    assert (None if filing.time_limit is None else str(filing.time_limit.period)) == limit


@pytest.mark.parametrize("filing", FILINGS, ids=lambda f: f.id)
def test_filing_requirements_are_cited(filing: Filing) -> None:
    assert filing.sources
    assert filing.required
    keys = [item.key for item in filing.required]
    assert len(keys) == len(set(keys))
    for item in filing.required:
        assert item.text.strip()
        assert item.citation.strip()
    if filing.time_limit is not None:
        assert URL.match(filing.time_limit.source.url)


def test_law_text_backs_the_state_complaints() -> None:
    for name in ("compliance-complaint", "due-process-request", "early-start-complaint"):
        assert FILINGS_BY_ID[name].sources[0].shows is Shows.LAW_TEXT
    assert "5 CCR 3202(b)(1)" in FILINGS_BY_ID["compliance-complaint"].required[0].citation


@pytest.mark.parametrize(
    ("name", "filed_on", "earliest"),
    [
        ("compliance-complaint", date(2026, 11, 29), date(2025, 11, 29)),
        ("compliance-complaint", date(2028, 2, 29), date(2027, 2, 28)),  # leap day clamps
        ("due-process-request", date(2026, 11, 29), date(2024, 11, 29)),
        ("early-start-complaint", date(2026, 3, 1), date(2025, 3, 1)),
        # 2026-11-29 back 29 → Oct 31, 31 → Sep 30 (60), 30 → Aug 31 (90), 31 → Jul 31 (121),
        # 31 → Jun 30 (152), 28 → Jun 2 (180).
        ("ocr-complaint", date(2026, 11, 29), date(2026, 6, 2)),
        ("rights-complaint", date(2026, 11, 29), None),
        ("early-start-due-process-request", date(2026, 11, 29), None),
    ],
)
def test_earliest_allowed(name: str, filed_on: date, earliest: date | None) -> None:
    assert earliest_allowed(FILINGS_BY_ID[name], filed_on) == earliest


def test_within_time_limit_edges() -> None:
    cde = FILINGS_BY_ID["compliance-complaint"]
    assert within_time_limit(cde, date(2025, 11, 29), date(2026, 11, 29))
    assert not within_time_limit(cde, date(2025, 11, 28), date(2026, 11, 29))
    assert within_time_limit(FILINGS_BY_ID["rights-complaint"], date(1990, 1, 1), date(2026, 1, 1))
