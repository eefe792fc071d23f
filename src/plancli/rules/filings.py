"""The filings of SPEC §6.2 as data: who takes each, what it must contain, its time limit.

Each required item carries the citation that requires it, so a filing can be checked for
completeness and can tell the family why a line is there. `within_time_limit` says whether a
violation may still be alleged; the letters that write these filings read everything here.
Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from plancli import daycount
from plancli.daycount import Counting
from plancli.rules import Period, Shows, Source, System
from plancli.rules.agencies import (
    CDE_SPECIAL_EDUCATION,
    DDS_EARLY_START_COMPLAINTS,
    OAH_EARLY_START,
    OAH_SPECIAL_EDUCATION,
    OCR,
    Agency,
)


@dataclass(frozen=True, slots=True)
class Required:
    """One thing the filing must contain, and the law that says so."""

    key: str  # a stable name: letters and checks refer to it
    text: str
    citation: str


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """How far back a violation may be: counted from the violation to the day of filing."""

    period: Period
    citation: str
    source: Source
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Filing:
    """A filing of SPEC §6.2 (the letter name is its id)."""

    id: str
    system: System
    agency: Agency | None  # None: the regional center's own director (WIC 4731(b))
    recorded_as: str  # the trigger event `--record` adds
    required: tuple[Required, ...]
    time_limit: TimeLimit | None
    decision_rule: str | None  # the §4 rule that gives the agency's own time to decide
    copy_to: str | None  # who gets a copy at the same time (or is served first)
    sources: tuple[Source, ...]
    note: str | None = None


_STATEMENT = "statement"
_FACTS = "facts"
_SIGNATURE = "signature-and-contact"
_CHILD = "child-name-and-address"
_SCHOOL = "school"
_PROBLEM = "problem-and-facts"
_RESOLUTION = "proposed-resolution"

_300_153 = "34 CFR 300.153(b)"
_56500_2 = "Cal. Educ. Code § 56500.2(c)"
_3202 = "5 CCR 3202(b)"
_300_508 = "34 CFR 300.508(b)"
_56502 = "Cal. Educ. Code § 56502(c)(1)"
_303_434 = "34 CFR 303.434(b)"

_CASETEXT_300_153 = (
    "https://casetext.com/regulation/code-of-federal-regulations/title-34-education/"
    "subtitle-b-regulations-of-the-offices-of-the-department-of-education/chapter-iii-office-"
    "of-special-education-and-rehabilitative-services-department-of-education/part-300-"
    "assistance-to-states-for-the-education-of-children-with-disabilities/subpart-b-state-"
    "eligibility/state-complaint-procedures/section-300153-filing-a-complaint"
)
_WESTLAW_5_CCR_3202 = "https://govt.westlaw.com/calregs/Document/I70195581A98F48FBAC8B24E63CFCC497"
_CASETEXT_17_CCR_52170 = (
    "https://casetext.com/regulation/california-code-of-regulations/title-17-public-health/"
    "division-2-health-and-welfare-agency-department-of-developmental-services-regulations/"
    "chapter-2-early-intervention-services/subchapter-5-procedural-safeguards/"
    "article-3-complaint-process/section-52170-complaint-procedures"
)

COMPLIANCE_COMPLAINT = Filing(
    id="compliance-complaint",
    system=System.IEP,
    agency=CDE_SPECIAL_EDUCATION,
    recorded_as="compliance-complaint-filed",
    required=(
        Required(
            _STATEMENT,
            "A statement that the district (or other public agency) has violated a requirement "
            "of Part B of IDEA, its regulations or Part 30 of the Education Code",
            f"{_300_153}(1); {_56500_2}(1); {_3202}(1)",
        ),
        Required(_FACTS, "The facts on which the statement is based", f"{_300_153}(2); {_3202}(2)"),
        Required(
            _SIGNATURE,
            "The complainant's signature (handwritten, typed or electronic) and contact "
            "information",
            f"{_300_153}(3); {_3202}(3); 5 CCR 3200(c)",
        ),
        Required(
            _CHILD, "The child's name and the address of the child's residence", f"{_300_153}(4)(i)"
        ),
        Required(_SCHOOL, "The name of the school the child attends", f"{_300_153}(4)(ii)"),
        Required(
            _PROBLEM,
            "A description of the nature of the child's problem, including the facts",
            f"{_300_153}(4)(iv)",
        ),
        Required(
            _RESOLUTION,
            "A proposed resolution, to the extent known at the time of filing",
            f"{_300_153}(4)(v)",
        ),
    ),
    time_limit=TimeLimit(
        Period(1, Counting.YEARS),
        "34 CFR 300.153(c); 5 CCR 3202(c)",
        Source(
            _CASETEXT_300_153,
            Shows.LAW_TEXT,
            "The complaint must allege a violation that occurred not more than one year prior "
            "to the date that the complaint is received",
        ),
    ),
    decision_rule="compliance-complaint-decision",
    copy_to="district",
    sources=(
        Source(
            _CASETEXT_300_153,
            Shows.LAW_TEXT,
            "The party filing the complaint must forward a copy of the complaint to the LEA or "
            "public agency serving the child at the same time the party files the complaint "
            "with the SEA.",
        ),
        Source(
            _WESTLAW_5_CCR_3202,
            Shows.LAW_TEXT,
            "an organization or individual may file a signed written complaint with the CDE "
            "under the procedures described in 34 CFR sections 300.151-152.",
        ),
        Source(
            "https://instalawyer.io/laws/california-code/section-565002",
            Shows.LAW_TEXT,
            "The party filing the complaint shall forward a copy of the complaint to the local "
            "educational agency or public agency serving the child at the same time",
        ),
        Source(
            "https://www.cde.ca.gov/sp/se/lr/om062620.asp",
            Shows.SECONDARY,
            "The applicable state regulations now appear at 5 CCR sections 3200 through 3205",
        ),
    ),
    note="Since July 1, 2020 special-education complaints follow 5 CCR 3200–3205, not 5 CCR 4600.",
)

DUE_PROCESS_REQUEST = Filing(
    id="due-process-request",
    system=System.IEP,
    agency=OAH_SPECIAL_EDUCATION,
    recorded_as="due-process-filed",
    required=(
        Required(
            _CHILD,
            "The child's name and the address of the child's residence",
            f"{_300_508}(1)-(2); {_56502}(A); 20 USC 1415(b)(7)(A)(ii)(I)",
        ),
        Required(
            _SCHOOL, "The name of the school the child attends", f"{_300_508}(3); {_56502}(A)"
        ),
        Required(
            _PROBLEM,
            "A description of the nature of the child's problem relating to the proposed or "
            "refused initiation or change, including the facts",
            f"{_300_508}(5); {_56502}(C)",
        ),
        Required(
            _RESOLUTION,
            "A proposed resolution, to the extent known at the time",
            f"{_300_508}(6); {_56502}(D)",
        ),
        Required(
            "served-on-district",
            "A copy given to the other party at the same time, shown by a proof of service",
            "Cal. Educ. Code § 56502(c)(1)",
        ),
    ),
    time_limit=TimeLimit(
        Period(2, Counting.YEARS),
        "Cal. Educ. Code § 56505(l); 20 USC 1415(f)(3)(C)",
        Source(
            "https://sites.ed.gov/idea/statute-chapter-33/subchapter-ii/1415/f/3/C",
            Shows.LAW_TEXT,
            "within 2 years of the date the parent or agency knew or should have known about "
            "the alleged action that forms the basis of the complaint",
        ),
        note=(
            "Counted from when the parent knew or should have known; plancli counts from the "
            "missed due date, which is never later."
        ),
    ),
    decision_rule="hearing-decision",
    copy_to="district",
    sources=(
        Source(
            "https://sites.ed.gov/idea/regs/b/e/300.508/b",
            Shows.LAW_TEXT,
            "The due process complaint required in paragraph (a)(1) of this section must "
            "include— (1) The name of the child; (2) The address of the residence of the child;",
        ),
        Source(
            "https://jurris.com/california/education-code/56500-56509/56502-10",
            Shows.LAW_TEXT,
            "shall provide the other party to the hearing with a copy of the request at the "
            "same time as the request is filed",
        ),
    ),
)

RIGHTS_COMPLAINT = Filing(
    id="rights-complaint",
    system=System.RC,
    agency=None,
    recorded_as="rights-complaint-filed",
    required=(
        Required(_FACTS, "The facts: what happened and when", "Welf. & Inst. Code § 4731(a)"),
        Required(
            "right-denied",
            "The right that was abused, punitively withheld, or improperly or unreasonably denied",
            "Welf. & Inst. Code § 4731(a)",
        ),
        Required(_RESOLUTION, "The remedy asked", "Welf. & Inst. Code § 4731(b)"),
    ),
    time_limit=None,
    decision_rule="rights-complaint-response",
    copy_to=None,
    sources=(
        Source(
            "https://self-law.org/code/ca/welfare-and-institutions-code/4731",
            Shows.LAW_TEXT,
            "Initial referral of any complaint taken pursuant to this section shall be to the "
            "director of the regional center from which the consumer receives case management "
            "services.",
        ),
        Source(
            "https://rula.disabilityrightsca.org/supplements/"
            "supplement-o-how-to-file-a-section-4731-complaint/",
            Shows.SECONDARY,
            "Fill out the English complaint form at: "
            "https://www.dds.ca.gov/wp-content/uploads/2019/05/DS255.pdf",
        ),
    ),
    note=(
        "Section 4731 sets no time limit for filing. Not for disputes about the nature, scope "
        "or amount of IPP services: those are appeals (DS 1821)."
    ),
)

EARLY_START_COMPLAINT = Filing(
    id="early-start-complaint",
    system=System.EARLY_START,
    agency=DDS_EARLY_START_COMPLAINTS,
    recorded_as="early-start-complaint-filed",
    required=(
        Required(
            _STATEMENT,
            "A statement that the regional center, school district or provider has violated a "
            "requirement of Part C of IDEA or of California's Early Start law",
            f"{_303_434}(1); 17 CCR 52170(a)",
        ),
        Required(_FACTS, "The facts on which the statement is based", f"{_303_434}(2)"),
        Required(
            _SIGNATURE,
            "The complainant's signature, name, address and telephone number",
            f"{_303_434}(3); 17 CCR 52170(a)",
        ),
        Required(
            _CHILD, "The child's name and the address of the child's residence", f"{_303_434}(4)(i)"
        ),
        Required(
            "provider",
            "The name of the early intervention provider serving the child (the party "
            "allegedly responsible)",
            f"{_303_434}(4)(ii)",
        ),
        Required(
            _PROBLEM,
            "A description of the nature of the child's problem, including the facts",
            f"{_303_434}(4)(iii)",
        ),
        Required(
            _RESOLUTION,
            "A proposed resolution, to the extent known at the time of filing",
            f"{_303_434}(4)(iv)",
        ),
        Required(
            "local-steps",
            "Any voluntary steps taken at the local level to resolve the complaint",
            "DDS, Early Start complaint process (form DS 1827)",
        ),
    ),
    time_limit=TimeLimit(
        Period(1, Counting.YEARS),
        "17 CCR 52170(c); 34 CFR 303.434(c)",
        Source(
            _CASETEXT_17_CCR_52170,
            Shows.LAW_TEXT,
            "Not more than one year before the date that the complaint is received by the "
            "Department of Developmental Services unless a longer period is reasonable because "
            "the alleged violation continues",
        ),
        note="Three years when the complaint asks for reimbursement or corrective action.",
    ),
    decision_rule="early-start-complaint-decision",
    copy_to="regional center",
    sources=(
        Source(
            "https://law.lawstack.com/cfr/34/303.434/",
            Shows.LAW_TEXT,
            "The party filing the complaint must forward a copy of the complaint to the public "
            "agency or EIS provider serving the child at the same time",
        ),
        Source(
            "https://www.dds.ca.gov/general/appeals-complaints-comments/"
            "early-start-complaint-process/",
            Shows.SECONDARY,
            "A description of any voluntary steps taken at the local level to resolve the "
            "complaint, if any were taken.",
        ),
    ),
)

EARLY_START_DUE_PROCESS_REQUEST = Filing(
    id="early-start-due-process-request",
    system=System.EARLY_START,
    agency=OAH_EARLY_START,
    recorded_as="early-start-due-process-filed",
    required=(
        Required(
            "in-writing",
            "A written request (the service coordinator must help a parent who cannot write it)",
            "17 CCR 52172(d)",
        ),
        Required(
            _PROBLEM,
            "The proposal or refusal to initiate or change identification, evaluation, "
            "assessment, placement or services that the parent disagrees with",
            "17 CCR 52172(a)",
        ),
        Required(_SIGNATURE, "The requester's signature", "DDS, Early Start due process (DS 1802)"),
    ),
    time_limit=None,
    decision_rule="early-start-hearing-decision",
    copy_to="regional center",
    sources=(
        Source(
            "https://casetext.com/regulation/california-code-of-regulations/"
            "title-17-public-health/division-2-health-and-welfare-agency-department-of-"
            "developmental-services-regulations/chapter-2-early-intervention-services/"
            "subchapter-5-procedural-safeguards/article-4-mediation-and-due-process-procedures/"
            "section-52172-procedures-that-apply-to-both-mediation-and-due-process",
            Shows.LAW_TEXT,
            "All requests for a mediation conference and/or due process hearing shall be in "
            "writing and filed with the contractor that the Department of Developmental "
            "Services uses for mediation and due process hearings.",
        ),
        Source(
            "https://www.dds.ca.gov/general/appeals-complaints-comments/"
            "early-start-due-process-hearing-requests/",
            Shows.SECONDARY,
            "a letter of request is accepted by the Office of Administrative Hearings (OAH) in "
            "lieu of the request form if all the pertinent information is submitted and the "
            "letter is signed by the requester.",
        ),
    ),
    note=(
        "No California time limit was found; 34 CFR 303.443(e) sets two years where a State "
        "adopts Part B procedures."
    ),
)

OCR_COMPLAINT = Filing(
    id="ocr-complaint",
    system=System.SECTION_504,
    agency=OCR,
    recorded_as="ocr-complaint-filed",
    required=(
        Required(
            _SIGNATURE,
            "The complainant's name, address and telephone number",
            "34 CFR 100.7(b) (as OCR applies it)",
        ),
        Required(
            "injured",
            "The person or group of persons harmed by the discrimination",
            "34 CFR 100.7(b) (as OCR applies it)",
        ),
        Required(
            "institution",
            "The name and location of the school or district that discriminated",
            "34 CFR 100.7(b) (as OCR applies it)",
        ),
        Required(
            _FACTS,
            "What happened, with dates, in enough detail to understand it",
            "34 CFR 100.7(b) (as OCR applies it)",
        ),
    ),
    time_limit=TimeLimit(
        Period(180, Counting.CALENDAR),
        "34 CFR 100.7(b), 104.61",
        Source(
            "https://www.lsc-sf.org/faq/how-do-i-make-a-complaint-about-discrimination/",
            Shows.SECONDARY,
            "A complaint must be filed within 180 days of the alleged incident.",
        ),
        note="OCR may extend the time for good cause.",
    ),
    decision_rule=None,
    copy_to=None,
    sources=(
        Source(
            "https://www.lsc-sf.org/faq/how-do-i-make-a-complaint-about-discrimination/",
            Shows.SECONDARY,
            "Name, address, and phone number of complainant; Information about the "
            "person/class of persons injured by discrimination; Name and location of "
            "institution that committed discrimination; Description of the incident with "
            "sufficient detail",
        ),
    ),
    note="The text of 34 CFR 100.7(b) was not retrieved; its contents come from secondary pages.",
)

FILINGS: tuple[Filing, ...] = (
    COMPLIANCE_COMPLAINT,
    DUE_PROCESS_REQUEST,
    RIGHTS_COMPLAINT,
    EARLY_START_COMPLAINT,
    EARLY_START_DUE_PROCESS_REQUEST,
    OCR_COMPLAINT,
)
FILINGS_BY_ID: dict[str, Filing] = {filing.id: filing for filing in FILINGS}


def earliest_allowed(filing: Filing, filed_on: date) -> date | None:
    """The earliest violation date a filing made on `filed_on` may still allege (None: any)."""
    if filing.time_limit is None:
        return None
    period = filing.time_limit.period
    if period.counting is Counting.YEARS:
        return daycount.add_years(filed_on, -period.amount)
    return filed_on - timedelta(days=period.amount)


def within_time_limit(filing: Filing, violated_on: date, filed_on: date) -> bool:
    """May a violation on `violated_on` be alleged in a filing made on `filed_on`?"""
    earliest = earliest_allowed(filing, filed_on)
    return earliest is None or violated_on >= earliest


def last_day(filing: Filing, violated_on: date) -> date | None:
    """The last day a filing may still allege a violation of `violated_on` (None: no limit).

    The inverse of `earliest_allowed`: a violation on `violated_on` is within the limit of a
    filing made on any day up to this one. Counted from the day the deadline passed (its due
    date), which is never later than the violation itself, so the day is on the safe side.
    """
    if filing.time_limit is None:
        return None
    period = filing.time_limit.period
    if period.counting is Counting.YEARS:
        return daycount.add_years(violated_on, period.amount)
    return violated_on + timedelta(days=period.amount)
