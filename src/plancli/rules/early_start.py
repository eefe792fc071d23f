"""Early Start deadlines, for children from birth to three.

Sources of law: the California Early Intervention Services Act (Gov. Code 95000 ff.), the
Early Start regulations (17 CCR 52000 ff.) and IDEA Part C (34 CFR Part 303).

References:
    * <https://jurris.com/california/government-code/95016-95022/95020-3>
    * <https://govt.westlaw.com/calregs/Document/ICF0383535A2011EC8227000D3A7C4BC3>
    * <http://idea.ed.gov/part-c/regulations/716.html>
    * <https://serr.disabilityrightsca.org/serr-manual/chapter-12-information-on-early-intervention-services/12-11-once-a-referral-for-assessment-has-been-made-when-will-a-meeting-be-held-to-determine-eligibility-and-to-develop-a-service-plan/>
    * <https://govt.westlaw.com/calregs/Document/I1B9EB830010E11EDAA6AA607F8069902>
    * <https://sites.ed.gov/idea/regs/c/d/303.342/b>
    * <https://nbrc.net/client-services/service-coordination/the-individual-family-service-plan-ifsp/>
    * <https://d1tvxue8o4w0fl.cloudfront.net/regulation/wyoming-administrative-code/agency-048-health-department-of/subagency-0020-developmental-disabilities-infants-and-toddlers/chapter-3-program-and-service-components-of-statewide-system-of-early-intervention-services/subpart-d-program-and-service-components-of-a-statewide-system-of-early-intervention-services/section-303342-procedures-for-ifsp-development-review-and-evaluation>
    * <https://www.birth23.org/periodicreviews/>
    * <https://serr.disabilityrightsca.org/serr-manual/chapter-13-information-on-preschool-education-services/13-7-for-children-receiving-early-intervention-services-what-happens-when-my-child-reaches-the-age-of-three/>
    * <https://sites.ed.gov/idea/regs/c/c/303.209/d>
    * <https://serr.disabilityrightsca.org/serr-manual/chapter-12-information-on-early-intervention-services/12-24-my-child-is-turning-3-years-old-soon-and-will-go-to-public-school-next-year-what-are-the-early-intervention-transition-requirements/>
"""

from __future__ import annotations

from plancli.daycount import Counting
from plancli.rules import BIRTH_DATE, AgeOffset, Kind, Period, Phrase, Rule, Shows, Source, System

_WESTLAW_17_CCR_52086 = (
    "https://govt.westlaw.com/calregs/Document/ICF0383535A2011EC8227000D3A7C4BC3"
)
_WESTLAW_17_CCR_52109 = (
    "https://govt.westlaw.com/calregs/Document/I1B9EB830010E11EDAA6AA607F8069902"
)
_CASETEXT_17_CCR_SUBCHAPTER_5 = (
    "https://casetext.com/regulation/california-code-of-regulations/title-17-public-health/divi"
    "sion-2-health-and-welfare-agency-department-of-developmental-services-regulations/chapter-2-early-intervention-services/subchapter-5-procedural-safeguards/"
)
_CASETEXT_17_CCR_ART_3 = _CASETEXT_17_CCR_SUBCHAPTER_5 + "article-3-complaint-process/"
_CASETEXT_17_CCR_ART_4 = (
    _CASETEXT_17_CCR_SUBCHAPTER_5 + "article-4-mediation-and-due-process-procedures/"
)
_SERR_12 = "https://serr.disabilityrightsca.org/serr-manual/"
_SERR_12_11 = (
    _SERR_12 + "chapter-12-information-on-early-intervention-services/"
    "12-11-once-a-referral-for-assessment-has-been-made-when-will-a-meeting-be-held-to-"
    "determine-eligibility-and-to-develop-a-service-plan/"
)
_SERR_12_24 = (
    _SERR_12 + "chapter-12-information-on-early-intervention-services/"
    "12-24-my-child-is-turning-3-years-old-soon-and-will-go-to-public-school-next-year-what-are-"
    "the-early-intervention-transition-requirements/"
)
_SERR_13_7 = (
    _SERR_12 + "chapter-13-information-on-preschool-education-services/"
    "13-7-for-children-receiving-early-intervention-services-what-happens-when-my-child-"
    "reaches-the-age-of-three/"
)
_WYOMING_303_342 = (
    "https://d1tvxue8o4w0fl.cloudfront.net/regulation/wyoming-administrative-code/"
    "agency-048-health-department-of/subagency-0020-developmental-disabilities-infants-and-"
    "toddlers/chapter-3-program-and-service-components-of-statewide-system-of-early-"
    "intervention-services/subpart-d-program-and-service-components-of-a-statewide-system-of-"
    "early-intervention-services/section-303342-procedures-for-ifsp-development-review-and-"
    "evaluation"
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="initial-ifsp",
        title="Regional center evaluates the child and holds the first IFSP meeting",
        system=System.EARLY_START,
        kind=Kind.DEADLINE,
        triggers=("early-start-referral",),
        period=Period(45, Counting.CALENDAR),
        owed_by="regional center",
        met_by=("ifsp-meeting",),
        citation="Gov. Code § 95020(b); 17 CCR 52086(a); 34 CFR 303.310(a)",
        summary=(
            "Within 45 days after the regional center (or school district) receives the "
            "referral, the evaluation, the assessments and the first Individualized Family "
            "Service Plan (IFSP) meeting must all be done. An interim IFSP does not stop the "
            "45-day clock."
        ),
        missed_action=Phrase(
            "evaluate {child} and hold the first IFSP meeting",
            "evaluar a {child} y celebrar la primera reunión del IFSP",
        ),
        sources=(
            Source(
                "https://jurris.com/california/government-code/95016-95022/95020-3",
                Shows.LAW_TEXT,
                "45 calendar days of receipt of the written referral",
            ),
            Source(
                _WESTLAW_17_CCR_52086,
                Shows.LAW_TEXT,
                "the initial evaluation and assessment for eligibility for each infant or toddler "
                "shall be completed within 45 days of the date that the regional center or LEA "
                "received the referral",
            ),
            Source(
                "http://idea.ed.gov/part-c/regulations/716.html",
                Shows.LAW_TEXT,
                "within 45 days from the date the lead agency or EIS provider receives the "
                "referral",
            ),
            Source(
                _SERR_12_11,
                Shows.SECONDARY,
                "within 45 calendar days of the date it receives the written or oral referral for "
                "early intervention services",
            ),
        ),
        conflict=(
            "Gov. Code § 95020(b) speaks of the written referral, while 17 CCR 52086(a), "
            "34 CFR 303.310(a) and DRC count from receipt of any referral, oral or written; "
            "plancli counts from the referral date you record. The clock may stop for documented "
            "exceptional family circumstances or missing consent (17 CCR 52086(b))."
        ),
    ),
    Rule(
        id="ifsp-services-start",
        title="Early intervention services in the IFSP begin",
        system=System.EARLY_START,
        kind=Kind.DEADLINE,
        triggers=("ifsp-consent-given",),
        period=Period(45, Counting.CALENDAR),
        owed_by="regional center",
        met_by=("ifsp-services-started",),
        citation="17 CCR 52109(b)",
        summary=(
            "The services in the IFSP must begin as soon as possible, and no later than 45 days "
            "after the parent consents to them. The regional center must pay for them while it "
            "looks for other sources of payment, such as insurance."
        ),
        missed_action=Phrase(
            "start the early intervention services in {child}'s IFSP",
            "iniciar los servicios de intervención temprana del IFSP de {child}",
        ),
        sources=(
            Source(
                _WESTLAW_17_CCR_52109,
                Shows.LAW_TEXT,
                "Early Intervention services specified on the IFSP shall begin as soon as "
                "possible, but no later than 45 days from obtaining consent of the parent for "
                "those services.",
            ),
        ),
        conflict=(
            "The 45-day limit is in 17 CCR 52109(b) as in effect from 2022-05-12; earlier versions "
            "were not checked, and federal law itself says only 'as soon as possible'."
        ),
    ),
    Rule(
        id="ifsp-periodic-review",
        title="IFSP is reviewed (every six months)",
        system=System.EARLY_START,
        kind=Kind.DEADLINE,
        triggers=("ifsp-meeting", "ifsp-review"),
        period=Period(6, Counting.MONTHS),
        owed_by="regional center",
        met_by=("ifsp-review", "ifsp-meeting"),
        recurring=True,
        citation="34 CFR 303.342(b)(1); 17 CCR 52102",
        summary=(
            "The IFSP must be reviewed every six months, or more often if conditions warrant or "
            "the family asks. The review may be a meeting or another way the parents accept."
        ),
        missed_action=Phrase(
            "review {child}'s IFSP (the six-month review)",
            "revisar el IFSP de {child} (la revisión semestral)",
        ),
        sources=(
            Source(
                "https://sites.ed.gov/idea/regs/c/d/303.342/b",
                Shows.LAW_TEXT,
                "A review of the IFSP for a child and the child’s family must be conducted every "
                "six months, or more frequently if conditions warrant, or if the family requests "
                "such a review.",
            ),
            Source(
                "https://nbrc.net/client-services/service-coordination/"
                "the-individual-family-service-plan-ifsp/",
                Shows.SECONDARY,
                "A periodic review of the IFSP for an infant or toddler and the infant’s or "
                "toddler’s family shall be conducted every six months, or more frequently if "
                "service needs change, or if the parent requests such a review.",
            ),
        ),
        conflict=(
            "A regional center page quotes the same six-month rule from the California "
            "regulations, but the section number (17 CCR 52102) was not confirmed in the text "
            "seen; plancli follows the six months of 34 CFR 303.342(b)(1), which are the same."
        ),
    ),
    Rule(
        id="ifsp-annual-meeting",
        title="Regional center holds the annual IFSP meeting",
        system=System.EARLY_START,
        kind=Kind.DEADLINE,
        triggers=("ifsp-meeting",),
        period=Period(1, Counting.YEARS),
        owed_by="regional center",
        met_by=("ifsp-meeting",),
        recurring=True,
        citation="34 CFR 303.342(c)",
        summary=(
            "At least once a year, an IFSP meeting must evaluate the plan for the child and "
            "family and revise it as needed, using current evaluations and assessments."
        ),
        missed_action=Phrase(
            "hold the annual IFSP meeting",
            "celebrar la reunión anual del IFSP",
        ),
        sources=(
            Source(
                _WYOMING_303_342,
                Shows.SECONDARY,
                "A meeting must be conducted on at least an annual basis to evaluate the IFSP for "
                "a child and the child's family, and, as appropriate, to revise its provisions.",
            ),
            Source(
                "https://www.birth23.org/periodicreviews/",
                Shows.SECONDARY,
                "annual meeting to evaluate the IFSP […] must be conducted on at least an annual "
                "basis",
            ),
        ),
        conflict=(
            "The federal text was seen only as adopted in Wyoming's rules (an older version of "
            "§ 303.342) and quoted on a state Birth to Three program's page; 'annual' is "
            "counted as the same date next year."
        ),
    ),
    Rule(
        id="transition-notice",
        title="Service coordinator gives notice that transition planning is starting",
        system=System.EARLY_START,
        kind=Kind.DEADLINE,
        triggers=(BIRTH_DATE,),
        period=None,
        age=AgeOffset(years=3, months_before=6),
        owed_by="regional center",
        met_by=("transition-notice-received",),
        citation="17 CCR 52112(a)",
        summary=(
            "Six months before the child's third birthday, the service coordinator must tell the "
            "parent that transition planning will happen within the next 3 to 6 months, and tell "
            "the school district that there will be an IFSP meeting at least three months before "
            "the child turns three."
        ),
        missed_action=Phrase(
            "notify me that transition planning for {child} is starting",
            "avisarme que comienza la planificación de la transición de {child}",
        ),
        sources=(
            Source(
                _SERR_13_7,
                Shows.SECONDARY,
                "Six months before the child's third birthday, the service coordinator must: ... "
                "Notify the local school district that there will be an Individual Family Service "
                "Plan [IFSP] meeting at least three months before the child turns three. Everyone "
                "must agree on a date for this meeting at least 30 days after the service "
                "coordinator's notice.",
            ),
        ),
        conflict=(
            "The text of 17 CCR 52112 was not retrieved; DRC's manual cites subdivisions (a) and "
            "(b) for the six-month notice."
        ),
    ),
    Rule(
        id="transition-conference",
        title="Transition conference and plan, 90 days before the third birthday",
        system=System.EARLY_START,
        kind=Kind.DEADLINE,
        triggers=(BIRTH_DATE,),
        period=None,
        age=AgeOffset(years=3, days_before=90),
        owed_by="regional center",
        met_by=("transition-conference-held",),
        citation="34 CFR 303.209(c)(1), (d)(2); 17 CCR 52112",
        summary=(
            "For a child who may be eligible for preschool special education, the regional "
            "center must hold a transition conference with the family and the school district, "
            "and put a transition plan in the IFSP, at least 90 days before the child's third "
            "birthday."
        ),
        missed_action=Phrase(
            "hold the transition conference and include a transition plan in {child}'s IFSP",
            "celebrar la conferencia de transición e incluir un plan de transición en el IFSP de "
            "{child}",
        ),
        sources=(
            Source(
                "https://sites.ed.gov/idea/regs/c/c/303.209/d",
                Shows.LAW_TEXT,
                "establishes a transition plan in the IFSP not fewer than 90 days—and, at the "
                "discretion of all parties, not more than 9 months—before the toddler's third "
                "birthday",
            ),
            Source(
                _SERR_12_24,
                Shows.SECONDARY,
                "the lead agency must convene a conference with the parents and the school "
                "district at least 90 days (or up to 6 months) prior to the child’s 3rd birthday "
                "to discuss potential preschool special education services.",
            ),
        ),
        conflict=(
            "California's regulation (as summarized by DRC) allows the conference up to 6 months "
            "before the third birthday, the federal rule up to 9 months if all parties agree; "
            "either way the deadline is 90 days before the third birthday, which plancli shows."
        ),
    ),
    Rule(
        id="early-start-complaint-decision",
        title="Department of Developmental Services decides the Early Start complaint",
        system=System.EARLY_START,
        kind=Kind.DEADLINE,
        triggers=("early-start-complaint-filed",),
        period=Period(60, Counting.CALENDAR),
        owed_by="Dept. of Developmental Services",
        met_by=("complaint-decision-received",),
        citation="17 CCR 52170–52171; 34 CFR 303.433(a)",
        summary=(
            "Within 60 days of receiving an Early Start complaint, the Department of "
            "Developmental Services must investigate it and send every party a written decision "
            "that addresses each allegation, with findings, reasons and any corrective actions."
        ),
        sources=(
            Source(
                _CASETEXT_17_CCR_ART_3 + "section-52171-complaint-investigation",
                Shows.LAW_TEXT,
                "Within 60 days of receipt of the complaint the Department of Developmental "
                "Services shall: ... (3) Provide a written decision to all parties which addresses "
                "each allegation",
            ),
            Source(
                "https://sites.ed.gov/idea/regs/c/e/303.433/a",
                Shows.LAW_TEXT,
                "Each lead agency must include in its complaint procedures a time limit of 60 "
                "days after a complaint is filed under §303.434 to— ... (5) Issue a written "
                "decision to the complainant that addresses each allegation in the complaint",
            ),
            Source(
                "https://www.dds.ca.gov/general/appeals-complaints-comments/"
                "early-start-complaint-process/",
                Shows.SECONDARY,
                "The Department of Developmental services is required to investigate the "
                "allegations and issue a written decision to all parties within 60 days of "
                "receipt of the complaint.",
            ),
        ),
        conflict=(
            "The 60 days run from DDS's receipt of the complaint; plancli counts from the date "
            "of the early-start-complaint-filed event, so record the day DDS received it. "
            "34 CFR 303.433(b) allows an extension for exceptional circumstances or mediation."
        ),
    ),
    Rule(
        id="early-start-hearing-decision",
        title="The hearing officer decides the Early Start due process request",
        system=System.EARLY_START,
        kind=Kind.DEADLINE,
        triggers=("early-start-due-process-filed",),
        period=Period(30, Counting.CALENDAR),
        owed_by="hearing office (OAH)",
        met_by=("hearing-decision-received",),
        citation="17 CCR 52172–52174; 34 CFR 303.437(a)",
        summary=(
            "An Early Start due process hearing must be completed, and the written decision "
            "mailed to each party, within 30 days of the hearing office's receipt of the "
            "request; informal efforts to settle the matter do not delay it."
        ),
        sources=(
            Source(
                _CASETEXT_17_CCR_ART_4 + "section-52174-due-process-hearing-procedures",
                Shows.LAW_TEXT,
                "Ensure that the decision is mailed to each party after completion of the "
                "hearing and within 30 days of receipt of the due process hearing request.",
            ),
            Source(
                _CASETEXT_17_CCR_ART_4
                + "section-52172-procedures-that-apply-to-both-mediation-and-due-process",
                Shows.LAW_TEXT,
                "The duration for either a mediation conference or a due process hearing shall "
                "not exceed a total thirty days for each process from the receipt of the "
                "mediation or due process request to the mailing of the mediation agreement or "
                "hearing decision.",
            ),
            Source(
                "http://idea.ed.gov/part-c/regulations/429.html",
                Shows.SECONDARY,
                "§303.437(b) requires each lead agency to ensure that, not later than 30 days "
                "after the receipt of a parent’s due process complaint, the due process hearing "
                "is completed and a written decision is mailed to each of the parties.",
            ),
            Source(
                "https://www.dds.ca.gov/general/appeals-complaints-comments/"
                "early-start-due-process-hearing-requests/",
                Shows.SECONDARY,
                "The due process hearing will be completed within 30 days from the receipt of "
                "the request by OAH.",
            ),
        ),
        conflict=(
            "The text of 34 CFR 303.437 itself was not retrieved; the Department's 2011 preamble "
            "states its 30 days (citing paragraph (b), the SPEC cites (a)). The 30 days run from "
            "the hearing office's receipt of the request; plancli counts from the date of the "
            "early-start-due-process-filed event."
        ),
    ),
)
