"""Where filings go (SPEC §6.2): the agencies' addresses as data, each with its public source.

Addresses change (OCR's San Francisco office closed in 2025; DDS moved its Early Start
complaint unit since 17 CCR 52170(e) was written), so every address carries the page it was
read on and the date it was read, and a filing prints them with a note to check them before
sending. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plancli.rules import Shows, Source

READ_ON = date(2026, 11, 29)  # the day the sources below were read


@dataclass(frozen=True, slots=True)
class Agency:
    """One body a family files with, and every way the public sources say it takes filings."""

    id: str
    name: str
    unit: str  # the office inside the agency that takes this filing
    mail: tuple[str, ...]  # mailing address lines; () when no public source gave one
    sources: tuple[Source, ...]
    read_on: date = READ_ON
    email: str | None = None
    fax: str | None = None
    phone: str | None = None
    online: str | None = None  # an online form, where the agency has one
    forms: tuple[str, ...] = ()  # the agency's own form numbers for this filing
    note: str | None = None  # what to know before sending (conflicts, closures)


_DDS_ES_COMPLAINTS = (
    "https://www.dds.ca.gov/general/appeals-complaints-comments/early-start-complaint-process/"
)
_DDS_ES_HEARINGS = (
    "https://www.dds.ca.gov/general/appeals-complaints-comments/"
    "early-start-due-process-hearing-requests/"
)
_DDS_APPEALS = (
    "https://www.dds.ca.gov/general/appeals-complaints-comments/fair-hearings-complaint-process/"
)

CDE_SPECIAL_EDUCATION = Agency(
    id="cde-special-education",
    name="California Department of Education",
    unit="Special Education Division, Procedural Safeguards Referral Service",
    mail=(
        "California Department of Education",
        "Special Education Division",
        "Procedural Safeguards Referral Service",
        "1430 N Street, Suite 2401",
        "Sacramento, CA 95814",
    ),
    phone="800-926-0648",
    sources=(
        Source(
            "https://sites.google.com/pleasantonusd.net/tri-valleyselpaparentsguide/"
            "additional-rights-under-the-special-education-process/your-right-to-file-a-complaint",
            Shows.SECONDARY,
            "You can send your written and signed complaint to: Procedural Safeguards Referral "
            "Service Special Education Division California Department of Education 1430 N. "
            "Street, Suite 2401 Sacramento, CA 95814",
        ),
        Source(
            "http://www.lausd.k12.ca.us/lausd/offices/eec/statecomp.htm",
            Shows.SECONDARY,
            "Additional information regarding the filing of a state complaint may be accessed "
            "by calling the Procedural Safeguards Referral Service at (800) 926-0648.",
        ),
        Source(
            "https://www.cde.ca.gov/sp/se/lr/om062620.asp",
            Shows.SECONDARY,
            "The signature on a complaint may be handwritten, typed (including in an email) or "
            "electronically-generated.",
        ),
    ),
    note=(
        "The address was read on school district and SELPA pages, not on CDE's own complaint "
        "page; check it at cde.ca.gov before sending. A copy goes to the district at the same "
        "time (34 CFR 300.153(d))."
    ),
)

OAH_SPECIAL_EDUCATION = Agency(
    id="oah-special-education",
    name="Office of Administrative Hearings",
    unit="Special Education Division",
    mail=(
        "Office of Administrative Hearings",
        "Special Education Division",
        "2349 Gateway Oaks Drive, Suite 200",
        "Sacramento, CA 95833",
    ),
    phone="916-263-0880",
    online="https://www.dgs.ca.gov/OAH/Case-Types/Special-Education",
    sources=(
        Source(
            "https://www.dgs.ca.gov/OAH/Case-Types/Special-Education/Services/Page-Content/"
            "Special-Education-Services-List-Folder/Request-Special-Education-Due-Process-Hearing",
            Shows.SECONDARY,
            "To request a due process hearing and mediation a party should submit a request to "
            "OAH along with a Proof of Service showing that the request was sent to the other "
            "party or parties.",
        ),
        Source(
            "https://www.dgs.ca.gov/OAH/Case-Types/Special-Education/Self-Help",
            Shows.SECONDARY,
            "Special Education Division Office of Administrative Hearings 2349 Gateway Oaks "
            "Drive, Suite 200 Sacramento, CA 95833",
        ),
    ),
    note=(
        "Serve the district first: OAH accepts a request only with a proof of service on the "
        "other party. OAH also takes filings through its Secure e-File Transfer system."
    ),
)

OAH_EARLY_START = Agency(
    id="oah-early-start",
    name="Office of Administrative Hearings",
    unit="Early Start Intervention Section",
    mail=(
        "Office of Administrative Hearings",
        "Attention: Early Start Intervention Section",
        "2349 Gateway Oaks Drive, Suite 200",
        "Sacramento, CA 95833-4231",
    ),
    phone="800-515-2229",
    fax="916-376-6318",
    forms=("DS 1802",),
    sources=(
        Source(
            _DDS_ES_HEARINGS,
            Shows.SECONDARY,
            "Office of Administrative Hearings Attention: Early Start Intervention Section 2349 "
            "Gateway Oaks Drive, Suite 200 Sacramento, CA 95833-4231 Voice: 800-515-BABY (2229) "
            "Fax: 916-376-6318 Alternate Fax: 916-263-0549",
        ),
    ),
    note=(
        "Form DS 1802 is optional: OAH accepts a signed letter with the same information. "
        "Alternate fax 916-263-0549."
    ),
)

DDS_EARLY_START_COMPLAINTS = Agency(
    id="dds-early-start-complaints",
    name="Department of Developmental Services",
    unit="Office of Community Appeals and Resolutions (Early Start complaints)",
    mail=(
        "Department of Developmental Services",
        "Attention: Office of Community Appeals and Resolutions",
        "1215 O Street (MS 8-20)",
        "Sacramento, CA 95814",
    ),
    email="appeals@dds.ca.gov",
    fax="916-654-3641",
    phone="833-538-3723",
    forms=("DS 1827",),
    sources=(
        Source(
            _DDS_ES_COMPLAINTS,
            Shows.SECONDARY,
            "Department of Developmental Services Attention: Office of Community Appeals and "
            "Resolutions 1215 O Street (MS 8-20) Sacramento, CA 95814 Voice: 833-538-3723 Fax: "
            "916-654-3641 Email: appeals@dds.ca.gov",
        ),
        Source(
            "https://casetext.com/regulation/california-code-of-regulations/"
            "title-17-public-health/division-2-health-and-welfare-agency-department-of-"
            "developmental-services-regulations/chapter-2-early-intervention-services/"
            "subchapter-5-procedural-safeguards/article-3-complaint-process/"
            "section-52170-complaint-procedures",
            Shows.LAW_TEXT,
            "DEPARTMENT OF DEVELOPMENTAL SERVICES OFFICE OF HUMAN RIGHTS ATTENTION: EARLY START "
            "COMPLAINT UNIT 1215 O STREET M.S. 10-50 SACRAMENTO, CA 95814",
        ),
    ),
    note=(
        "17 CCR 52170(e) still names the Office of Human Rights (M.S. 10-50); DDS's own page "
        "(modified 2024) names the Office of Community Appeals and Resolutions (MS 8-20). "
        "plancli uses DDS's page; check it before sending."
    ),
)

DDS_APPEALS = Agency(
    id="dds-appeals",
    name="Department of Developmental Services",
    unit="Lanterman Act eligibility and service appeals",
    mail=(),
    online=_DDS_APPEALS,
    forms=("DS 1821",),
    sources=(
        Source(
            _DDS_APPEALS,
            Shows.SECONDARY,
            "Request an Appeal Online DS 1821 – Printable Form to Request an Appeal PDF Use "
            "these if the “Request an Appeal Online” link above does not work for you.",
        ),
        Source(
            "https://sgprc.org/clients-families/fair-hearing-process",
            Shows.SECONDARY,
            "DS1821/Appeal Request: An Appeal Request is completed by the applicant "
            "for/recipient of regional center services, or authorized representative when they "
            "would like to appeal regional center’s decision.",
        ),
    ),
    note=(
        "No public source read gave a mailing address for DS 1821; it is printed on the form "
        "itself. Use the online request, or the address on the form."
    ),
)

OCR = Agency(
    id="ocr",
    name="U.S. Department of Education",
    unit="Office for Civil Rights",
    mail=(
        "U.S. Department of Education, Office for Civil Rights",
        "Lyndon Baines Johnson Department of Education Bldg.",
        "400 Maryland Avenue, SW",
        "Washington, DC 20202-1100",
    ),
    email="OCR@ed.gov",
    phone="800-421-3481",
    fax="202-453-6012",
    online="https://ocrcas.ed.gov/",
    sources=(
        Source(
            "https://ocrcas.ed.gov/",
            Shows.SECONDARY,
            "This section of the OCR website is designed to help you determine if the Office "
            "for Civil Rights may be able to assist you by investigating a complaint of "
            "discrimination against a school, school district",
        ),
        Source(
            "https://www.tamdistrict.org/about-us/title-ix/how-to-file-a-title-ix-complaint/"
            "filing-a-complaint-with-dept-of-education",
            Shows.SECONDARY,
            "U.S. Department of Education, Office for Civil Rights, Lyndon Baines Johnson "
            "Department of Education Bldg., 400 Maryland Avenue, SW, Washington, DC "
            "20202-1100, Telephone: (800) 421-3481, FAX: (202) 453-6012",
        ),
        Source(
            "https://ennisbritton.com/blog/author/giselle-spencer",
            Shows.SECONDARY,
            "the Federal Administration announced the closing of six regional offices of the "
            "Office for Civil Rights ... The shuttered offices include the Boston, Dallas, New "
            "York City, Philadelphia, San Francisco, and the Chicago/Cleveland offices",
        ),
    ),
    note=(
        "OCR's San Francisco regional office, which served California, closed in March 2025; "
        "file through the online form, or with the national office."
    ),
)

AGENCIES: tuple[Agency, ...] = (
    CDE_SPECIAL_EDUCATION,
    OAH_SPECIAL_EDUCATION,
    OAH_EARLY_START,
    DDS_EARLY_START_COMPLAINTS,
    DDS_APPEALS,
    OCR,
)
AGENCIES_BY_ID: dict[str, Agency] = {agency.id: agency for agency in AGENCIES}
