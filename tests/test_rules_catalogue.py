"""Integrity of the rule catalogue (SPEC §4): the data, not the date arithmetic.

The table below is SPEC §4 written out by hand, so a change to a rule's contract fields fails
here until the SPEC and this table are changed with it.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from plancli.daycount import Counting
from plancli.rules import (
    AGENCY_OWNERS,
    ALL_RULES,
    BIRTH_DATE,
    EVENT_HAPPENED,
    EVENT_TYPES,
    RULES_BY_ID,
    AgeOffset,
    EndOfYear,
    Kind,
    Period,
    Phrase,
    Rule,
    Shows,
    System,
    Variant,
)

AGE = "age"  # the counting column of SPEC §4 for birthday-based rules

# rule id: (system, trigger types, period amount, counting, owed by, met by) — SPEC §4.
SPEC_TABLE: dict[str, tuple[str, tuple[str, ...], int | None, str, str, tuple[str, ...]]] = {
    "assessment-plan": (
        "iep",
        ("assessment-requested",),
        15,
        "school-tolled",
        "district",
        ("assessment-plan-received", "assessment-refused"),
    ),
    "assessment-plan-review": (
        "iep",
        ("assessment-plan-received",),
        15,
        "calendar",
        "parent",
        ("assessment-consent-given",),
    ),
    "initial-iep": (
        "iep",
        ("assessment-consent-given",),
        60,
        "school-tolled",
        "district",
        ("iep-meeting",),
    ),
    "iep-meeting-on-request": (
        "iep",
        ("iep-meeting-requested",),
        30,
        "school-tolled",
        "district",
        ("iep-meeting",),
    ),
    "school-records": (
        "iep",
        ("records-requested",),
        5,
        "business",
        "district",
        ("records-received",),
    ),
    "annual-iep-review": ("iep", ("iep-meeting",), 1, "years", "district", ("iep-meeting",)),
    "triennial-reassessment": (
        "iep",
        ("assessment-completed",),
        3,
        "years",
        "district",
        ("assessment-completed",),
    ),
    # SPEC §4 as amended by issue 9: age-based dates must be closable.
    "transition-plan": ("iep", (BIRTH_DATE,), None, AGE, "district", ("transition-plan-included",)),
    "rights-at-majority": (
        "iep",
        (BIRTH_DATE,),
        None,
        AGE,
        "district",
        ("rights-at-majority-informed",),
    ),
    "iep-by-age-3": ("iep", (BIRTH_DATE,), None, AGE, "district", ("iep-meeting",)),
    "manifestation-review": (
        "iep",
        ("discipline-placement-change",),
        10,
        "school-days",
        "district",
        ("manifestation-review-held",),
    ),
    "resolution-meeting": (
        "iep",
        ("due-process-filed",),
        15,
        "calendar",
        "district",
        ("resolution-meeting-held",),
    ),
    "hearing-decision": (
        "iep",
        ("due-process-filed",),
        75,
        "calendar",
        "hearing office (OAH)",
        ("hearing-decision-received",),
    ),
    "court-appeal": (
        "iep",
        ("hearing-decision-received",),
        90,
        "calendar",
        "parent",
        ("court-appeal-filed",),
    ),
    "compliance-complaint-decision": (
        "iep",
        ("compliance-complaint-filed",),
        60,
        "calendar",
        "California Dept. of Education",
        ("complaint-decision-received",),
    ),
    "due-process-time-limit": (
        "iep",
        ("dispute-known",),
        2,
        "years",
        "parent",
        ("due-process-filed",),
    ),
    "section-504-evaluation": (
        "504",
        ("504-evaluation-requested",),
        60,
        "calendar",
        "district",
        ("504-meeting",),
    ),
    "ocr-complaint": (
        "504",
        ("discrimination-occurred",),
        180,
        "calendar",
        "parent",
        ("ocr-complaint-filed",),
    ),
    "rc-intake": (
        "rc",
        ("rc-intake-requested",),
        15,
        "business",
        "regional center",
        ("rc-intake-completed",),
    ),
    "rc-assessment": (
        "rc",
        ("rc-intake-completed",),
        120,
        "calendar",
        "regional center",
        ("rc-assessment-completed",),
    ),
    "initial-ipp": (
        "rc",
        ("rc-assessment-completed",),
        60,
        "calendar",
        "regional center",
        ("ipp-meeting",),
    ),
    "ipp-meeting-on-request": (
        "rc",
        ("ipp-meeting-requested",),
        30,
        "calendar",
        "regional center",
        ("ipp-meeting",),
    ),
    "ipp-review": ("rc", ("ipp-meeting",), 3, "years", "regional center", ("ipp-meeting",)),
    "ipp-follow-up-meeting": (
        "rc",
        ("ipp-partial-agreement",),
        15,
        "calendar",
        "regional center",
        ("ipp-meeting",),
    ),
    "fair-hearing-request": (
        "rc",
        ("notice-of-action-received",),
        60,
        "calendar",
        "parent",
        ("appeal-filed",),
    ),
    "aid-paid-pending": (
        "rc",
        ("notice-of-action-received",),
        30,
        "calendar",
        "parent",
        ("appeal-filed",),
    ),
    "hearing-decision-implementation": (
        "rc",
        ("rc-hearing-decision-received",),
        30,
        "calendar",
        "regional center",
        ("rc-decision-implemented",),
    ),
    "rights-complaint-response": (
        "rc",
        ("rights-complaint-filed",),
        20,
        "business",
        "regional center director",
        ("rights-complaint-response-received",),
    ),
    "initial-ifsp": (
        "early-start",
        ("early-start-referral",),
        45,
        "calendar",
        "regional center",
        ("ifsp-meeting",),
    ),
    "ifsp-services-start": (
        "early-start",
        ("ifsp-consent-given",),
        45,
        "calendar",
        "regional center",
        ("ifsp-services-started",),
    ),
    "ifsp-periodic-review": (
        "early-start",
        ("ifsp-meeting", "ifsp-review"),
        6,
        "months",
        "regional center",
        ("ifsp-review", "ifsp-meeting"),
    ),
    "ifsp-annual-meeting": (
        "early-start",
        ("ifsp-meeting",),
        1,
        "years",
        "regional center",
        ("ifsp-meeting",),
    ),
    "transition-notice": (
        "early-start",
        (BIRTH_DATE,),
        None,
        AGE,
        "regional center",
        ("transition-notice-received",),
    ),
    "transition-conference": (
        "early-start",
        (BIRTH_DATE,),
        None,
        AGE,
        "regional center",
        ("transition-conference-held",),
    ),
    "rights-complaint-referral": (
        "rc",
        ("rights-complaint-response-received",),
        15,
        "business",
        "parent",
        ("rights-complaint-referred",),
    ),
    "rights-complaint-dds-decision": (
        "rc",
        ("rights-complaint-referred",),
        45,
        "calendar",
        "Dept. of Developmental Services",
        ("rights-complaint-decision-received",),
    ),
    "early-start-complaint-decision": (
        "early-start",
        ("early-start-complaint-filed",),
        60,
        "calendar",
        "Dept. of Developmental Services",
        ("complaint-decision-received",),
    ),
    "early-start-hearing-decision": (
        "early-start",
        ("early-start-due-process-filed",),
        30,
        "calendar",
        "hearing office (OAH)",
        ("hearing-decision-received",),
    ),
}

# rule id: citation, exactly as in the citation column of SPEC §4.
SPEC_CITATIONS: dict[str, str] = {
    "assessment-plan": "Cal. Educ. Code §§ 56321(a), 56043(a)",
    "assessment-plan-review": "Cal. Educ. Code §§ 56321(c)(4), 56043(b)",
    "initial-iep": "Cal. Educ. Code §§ 56344(a), 56043(c), 56302.1",
    "iep-meeting-on-request": "Cal. Educ. Code §§ 56343.5, 56043(l)",
    "school-records": "Cal. Educ. Code §§ 56504, 56043(n)",
    "annual-iep-review": "Cal. Educ. Code §§ 56343(d), 56043(j); 34 CFR 300.324(b)(1)",
    "triennial-reassessment": "Cal. Educ. Code §§ 56381(a)(2), 56043(k); 34 CFR 300.303(b)(2)",
    "transition-plan": "34 CFR 300.320(b); Cal. Educ. Code § 56345(a)(8)",
    "rights-at-majority": "34 CFR 300.320(c); Cal. Educ. Code § 56041.5",
    "iep-by-age-3": "Cal. Educ. Code § 56426.9(b); 34 CFR 300.124(b)",
    "manifestation-review": "34 CFR 300.530(e)",
    "resolution-meeting": "34 CFR 300.510(a)",
    "hearing-decision": "34 CFR 300.510(b), 300.515(a)",
    "court-appeal": "Cal. Educ. Code § 56505(k); 20 USC 1415(i)(2)(B)",
    "compliance-complaint-decision": "34 CFR 300.152(a); Cal. Educ. Code § 56500.2",
    "due-process-time-limit": "Cal. Educ. Code § 56505(l); 20 USC 1415(f)(3)(C)",
    "section-504-evaluation": (
        "34 CFR 104.35; OCR uses the state's 60-day timeline as a benchmark"
    ),
    "ocr-complaint": "34 CFR 100.7(b), 104.61",
    "rc-intake": "Welf. & Inst. Code § 4642(a)(2)",
    "rc-assessment": "Welf. & Inst. Code § 4643(a)",
    "initial-ipp": "Welf. & Inst. Code § 4646(c)",
    "ipp-meeting-on-request": "Welf. & Inst. Code § 4646.5(b)",
    "ipp-review": "Welf. & Inst. Code § 4646.5(b)",
    "ipp-follow-up-meeting": "Welf. & Inst. Code § 4646(h)",
    "fair-hearing-request": "Welf. & Inst. Code § 4710.5(a)",
    "aid-paid-pending": "Welf. & Inst. Code § 4715(a)",
    "hearing-decision-implementation": "Welf. & Inst. Code § 4713.5",
    "rights-complaint-response": "Welf. & Inst. Code § 4731(b)",
    "initial-ifsp": "Gov. Code § 95020(b); 17 CCR 52086(a); 34 CFR 303.310(a)",
    "ifsp-services-start": "17 CCR 52109(b)",
    "ifsp-periodic-review": "34 CFR 303.342(b)(1); 17 CCR 52102",
    "ifsp-annual-meeting": "34 CFR 303.342(c)",
    "transition-notice": "17 CCR 52112(a)",
    "transition-conference": "34 CFR 303.209(c)(1), (d)(2); 17 CCR 52112",
    "rights-complaint-referral": "Welf. & Inst. Code § 4731(c)",
    "rights-complaint-dds-decision": "Welf. & Inst. Code § 4731(c)",
    "early-start-complaint-decision": "17 CCR 52170–52171; 34 CFR 303.433(a)",
    "early-start-hearing-decision": "17 CCR 52172–52174; 34 CFR 303.437(a)",
}

SPEC_OWED_BY = {
    "district",
    "parent",
    "regional center",
    "regional center director",
    "hearing office (OAH)",
    "California Dept. of Education",
    "Dept. of Developmental Services",
}

RECURRING = {
    "annual-iep-review",
    "triennial-reassessment",
    "ipp-review",
    "ifsp-periodic-review",
    "ifsp-annual-meeting",
}

# Rules whose sources disagree or leave a point unconfirmed: each must say what plancli follows.
MUST_EXPLAIN_CONFLICT = {
    "assessment-plan",
    "initial-iep",
    "iep-meeting-on-request",
    "annual-iep-review",
    "triennial-reassessment",
    "school-records",
    "rc-intake",
    "rights-complaint-response",
    "transition-conference",
    "fair-hearing-request",
    "aid-paid-pending",
    "ifsp-periodic-review",
    "hearing-decision",
    "rights-complaint-referral",
    "rights-complaint-dds-decision",
    "early-start-complaint-decision",
    "early-start-hearing-decision",
}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https?://\S+$")


def _rule(rule_id: str) -> Rule:
    return RULES_BY_ID[rule_id]


def test_catalogue_has_exactly_the_spec_rules() -> None:
    ids = [rule.id for rule in ALL_RULES]
    assert len(ids) == len(set(ids)), "duplicate rule ids"
    assert set(ids) == set(SPEC_TABLE)
    assert set(SPEC_CITATIONS) == set(SPEC_TABLE)
    assert len(ALL_RULES) == 38


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_rule_is_documented(rule: Rule) -> None:
    assert SLUG.match(rule.id), rule.id
    assert rule.title.strip()
    assert rule.title == rule.title.strip()
    assert rule.summary.strip()
    assert rule.citation.strip()
    assert rule.sources, "every rule needs at least one public source"
    for source in rule.sources:
        assert URL.match(source.url), source.url
        assert "..." not in source.url, "truncated address"
        assert "…" not in source.url, "truncated address"
        assert source.quote.strip()
        assert isinstance(source.shows, Shows)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_law_text_sources_come_first(rule: Rule) -> None:
    shows = [source.shows for source in rule.sources]
    assert shows == sorted(shows, key=lambda s: s is not Shows.LAW_TEXT)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_age_rules_have_age_and_no_period(rule: Rule) -> None:
    if rule.age is not None:
        assert rule.period is None
        assert rule.triggers == (BIRTH_DATE,)
        assert not rule.variants
        assert rule.end_of_year is None
    else:
        assert rule.period is not None
        assert BIRTH_DATE not in rule.triggers
        assert rule.period.amount > 0


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_owed_by_is_a_spec_value(rule: Rule) -> None:
    assert rule.owed_by in SPEC_OWED_BY


def _written_in_both_languages(phrase: Phrase | None) -> bool:
    """Both languages have words, and `{child}` is the only name they fill in."""
    if phrase is None:
        return False
    for lang in ("en", "es"):
        words = phrase.words(lang, child="Maya")
        if not words.strip() or "{" in words or "}" in words:
            return False
    return phrase.en != phrase.es


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_rule_owed_by_an_agency_says_what_a_missed_deadline_letter_states(rule: Rule) -> None:
    """A missed-deadline letter can be written about every deadline of a district or regional
    center: the rule says what the agency had to do and what happened on its trigger date, in
    English and Spanish. Other owers (parent, hearing office) are never written to."""
    if rule.owed_by not in AGENCY_OWNERS:
        assert rule.missed_action is None
        return
    assert _written_in_both_languages(rule.missed_action)
    if rule.age is None:
        for trigger in rule.triggers:
            assert _written_in_both_languages(EVENT_HAPPENED.get(trigger)), trigger


def test_event_wording_is_for_event_types_plancli_knows() -> None:
    assert set(EVENT_HAPPENED) <= set(EVENT_TYPES)
    assert (
        Phrase("by {child}'s birthday", "antes del cumpleaños de {child}").words(
            "es", child="Sofía"
        )
        == "antes del cumpleaños de Sofía"
    )
    assert Phrase("a", "b").words("en") == "a"


def test_kinds_match_spec() -> None:
    kinds = {rule.id: rule.kind for rule in ALL_RULES}
    assert [i for i, k in kinds.items() if k is Kind.WINDOW] == ["assessment-plan-review"]
    assert [i for i, k in kinds.items() if k is Kind.GUIDELINE] == ["section-504-evaluation"]
    assert all(
        k is Kind.DEADLINE
        for i, k in kinds.items()
        if i not in {"assessment-plan-review", "section-504-evaluation"}
    )
    assert _rule("assessment-plan-review").owed_by_parent


@pytest.mark.parametrize("rule_id", sorted(SPEC_TABLE))
def test_rule_matches_spec_row(rule_id: str) -> None:
    system, triggers, amount, counting, owed_by, met_by = SPEC_TABLE[rule_id]
    rule = _rule(rule_id)
    assert rule.system == System(system)
    assert rule.triggers == triggers
    if counting == AGE:
        assert rule.period is None
        assert rule.counting_text == AGE
    else:
        assert rule.period is not None
        assert rule.period.amount == amount
        assert rule.period.counting == Counting(counting)
    assert rule.owed_by == owed_by
    assert rule.met_by == met_by


@pytest.mark.parametrize("rule_id", sorted(SPEC_CITATIONS))
def test_citation_matches_spec(rule_id: str) -> None:
    assert _rule(rule_id).citation == SPEC_CITATIONS[rule_id]


def test_recurring_rules() -> None:
    assert {rule.id for rule in ALL_RULES if rule.recurring} == RECURRING


def test_spec_title_of_assessment_plan() -> None:
    # SPEC §5 shows this title in the JSON example.
    assert _rule("assessment-plan").title == "District sends a proposed assessment plan"


def test_end_of_year_rules() -> None:
    assert _rule("assessment-plan").end_of_year == EndOfYear(within=10, days=10)
    assert _rule("initial-iep").end_of_year == EndOfYear(
        within=30, days=30, consent_before_next_year=True, referral_type="assessment-requested"
    )
    with_end_of_year = {rule.id for rule in ALL_RULES if rule.end_of_year is not None}
    assert with_end_of_year == {"assessment-plan", "initial-iep"}
    school_tolled = {
        rule.id
        for rule in ALL_RULES
        if rule.period is not None and rule.period.counting is Counting.SCHOOL_TOLLED
    }
    assert school_tolled == {"assessment-plan", "initial-iep", "iep-meeting-on-request"}


def test_age_offsets() -> None:
    assert _rule("transition-plan").age == AgeOffset(years=16)
    assert _rule("rights-at-majority").age == AgeOffset(years=17)
    assert _rule("iep-by-age-3").age == AgeOffset(years=3, shown_with="early-start")
    assert _rule("transition-notice").age == AgeOffset(years=3, months_before=6)
    assert _rule("transition-conference").age == AgeOffset(years=3, days_before=90)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_every_variant_has_exactly_one_condition(rule: Rule) -> None:
    for variant in rule.variants:
        conditions = [variant.event_flag, variant.plan_flag, variant.triggered_before]
        assert sum(condition is not None for condition in conditions) == 1, variant
        assert variant.when.strip()
        assert variant.period.amount > 0


def test_variants_match_spec() -> None:
    variants = {rule.id: rule.variants for rule in ALL_RULES if rule.variants}
    calendar = Counting.CALENDAR
    sb_188 = date(2023, 3, 1)
    assert set(variants) == {
        "rc-assessment",
        "ipp-meeting-on-request",
        "ipp-review",
        "fair-hearing-request",
        "aid-paid-pending",
    }
    (urgent_assessment,) = variants["rc-assessment"]
    assert urgent_assessment.period == Period(60, calendar)
    assert urgent_assessment.event_flag == "urgent"
    (urgent_meeting,) = variants["ipp-meeting-on-request"]
    assert urgent_meeting.period == Period(7, calendar)
    assert urgent_meeting.event_flag == "urgent"
    (waiver,) = variants["ipp-review"]
    assert waiver.period == Period(1, Counting.YEARS)
    assert waiver.plan_flag == "hcbs_waiver"
    (old_appeal,) = variants["fair-hearing-request"]
    assert old_appeal.period == Period(30, calendar)
    assert old_appeal.triggered_before == sb_188
    (old_aid,) = variants["aid-paid-pending"]
    assert old_aid.period == Period(10, calendar)
    assert old_aid.triggered_before == sb_188
    assert _rule("aid-paid-pending").period == Period(30, calendar, cap_field="effective_date")
    assert all(isinstance(v, Variant) for vs in variants.values() for v in vs)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_conflict_is_none_or_a_sentence(rule: Rule) -> None:
    if rule.conflict is not None:
        assert rule.conflict.strip()
        assert rule.conflict == rule.conflict.strip()


@pytest.mark.parametrize("rule_id", sorted(MUST_EXPLAIN_CONFLICT))
def test_known_conflicts_are_explained(rule_id: str) -> None:
    conflict = _rule(rule_id).conflict
    assert conflict is not None
    assert "plancli" in conflict


def test_event_types_cover_spec() -> None:
    spec_types = {
        event_type
        for _system, triggers, _amount, _counting, _owed, met_by in SPEC_TABLE.values()
        for event_type in (*triggers, *met_by)
        if event_type != BIRTH_DATE
    }
    assert spec_types <= set(EVENT_TYPES)
    assert "extension-agreed" in EVENT_TYPES
    assert "note" in EVENT_TYPES
    assert BIRTH_DATE not in EVENT_TYPES
    assert len(EVENT_TYPES) == len(set(EVENT_TYPES))
