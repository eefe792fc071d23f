"""Deadlines under the California Education Code (special education, Part 30).

Each rule quotes a public copy of the section (law text) or a reliable summary of it
(secondary). Days are calendar days (Educ. Code § 56023) unless the rule counts otherwise;
"school-tolled" periods skip the time between school years and breaks over five school days.

References:
    * <https://jurris.com/california/education-code/56320-56330/56321-3>
    * <https://jurris.com/california/education-code/56340-56347/56344-12>
    * <https://codes.findlaw.com/ca/education-code/edc-sect-56302-1.html>
    * <https://instalawyer.io/laws/california-code/section-563435>
    * <https://jurris.com/california/education-code/56500-56509/56504-12>
    * <https://self-law.org/code/ca/education-code/56343>
    * <https://jurris.com/california/education-code/56380-56383>
    * <https://online.flippingbook.com/view/696684130/20>
    * <https://www.law.cornell.edu/cfr/text/34/300.303>
    * <https://jurris.com/california/education-code/56425-56432/56426.9-13>
    * <https://sites.ed.gov/idea/statute-chapter-33/subchapter-ii/1415/f/3/C>
    * <https://content.acsa.org/i/1225419-f3-timelines-for-special-ed-3-2020>
    * <https://lozanosmith.com/docs/resources/flipbook/SpecialEducationOneSheets/files/basic-html/page13.html>
    * <http://www.lozanosmith.com/news-clientnewsbriefdetail.php?news_id=2228>
    * <https://scvselpa.org/apps/pages/index.jsp?pREC_ID=2592068&type=d&uREC_ID=4384872>
    * <https://www.cvusd.us/departments/educational-services/special-education/individual-education-plan-iep-meeting-requests>
    * <https://www.edcoe.org/educational-services/selpa-special-education-local-plan-area/selpa-procedural-guide/general-timelines/>
    * <https://serr.disabilityrightsca.org/serr-manual/chapter-13-information-on-preschool-education-services/13-7-for-children-receiving-early-intervention-services-what-happens-when-my-child-reaches-the-age-of-three/>
    * <http://idea.ed.gov/explore/view/p/,root,regs,preamble2,prepart2,E,3290,.html>
    * <https://behavioralinspiredgrowth.com/timelines-milestones/due-process-timelines/>
    * <https://www.sandiegospecialeducationattorney.com/oah-case-no.2022040550-student-v.santa-barbara-unified-school-district-corrected>
"""

from __future__ import annotations

from plancli.daycount import Counting
from plancli.rules import (
    BIRTH_DATE,
    AgeOffset,
    EndOfYear,
    Kind,
    Period,
    Phrase,
    Rule,
    Shows,
    Source,
    System,
)

_EC_56321 = "https://jurris.com/california/education-code/56320-56330/56321-3"
_EC_56344 = "https://jurris.com/california/education-code/56340-56347/56344-12"
_SCV_SELPA = "https://scvselpa.org/apps/pages/index.jsp?pREC_ID=2592068&type=d&uREC_ID=4384872"
_SELPA_TOLLING = Source(
    _SCV_SELPA, Shows.SECONDARY, "Tolled for school breaks in excess of 5 school days"
)

# The three school-tolled rules share one unresolved reading of "in excess of five schooldays".
_TOLLING = (
    "The statute does not count 'days of school vacation in excess of five schooldays', which "
    "could be read as pausing only the days beyond five; CDE and SELPA practice pauses the whole "
    "break (and the time between school years), and plancli does the same."
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="assessment-plan",
        title="District sends a proposed assessment plan",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("assessment-requested",),
        period=Period(15, Counting.SCHOOL_TOLLED),
        end_of_year=EndOfYear(within=10, days=10),
        owed_by="district",
        met_by=("assessment-plan-received", "assessment-refused"),
        citation="Cal. Educ. Code §§ 56321(a), 56043(a)",
        summary=(
            "Within 15 days after the district receives a referral for assessment (such as a "
            "parent's written request), it must give the parent a proposed assessment plan, not "
            "counting days between school years or school breaks of more than five school days. "
            "For a referral received 10 days or less before the school year ends, the plan is "
            "due 10 days after the next school year starts."
        ),
        missed_action=Phrase(
            "send me a proposed assessment plan",
            "enviarme una propuesta de plan de evaluación",
        ),
        sources=(
            Source(
                _EC_56321,
                Shows.LAW_TEXT,
                "within 15 days of the referral for assessment not counting days between the "
                "pupil's regular school sessions or terms or days of school vacation in excess of "
                "five schooldays from the date of receipt of the referral",
            ),
            Source(
                _EC_56321,
                Shows.LAW_TEXT,
                "the assessment plan shall be developed within 10 days after the commencement of "
                "the subsequent regular school year or the pupil's regular school term as "
                "determined by each district's school calendar for each pupil for whom a referral "
                "has been made 10 days or less prior to the end of the regular school year",
            ),
            Source(
                "https://content.acsa.org/i/1225419-f3-timelines-for-special-ed-3-2020",
                Shows.SECONDARY,
                "Existing Education Code sections 56043(a) and 56321(a) require a local "
                "educational agency ('LEA') to develop an assessment plan within 15 calendar days "
                "from referral",
            ),
            _SELPA_TOLLING,
        ),
        conflict=(
            _TOLLING + " The 'calendar days' wording of the current § 56043(a) was seen only in "
            "secondary summaries. Many districts treat a written refusal to assess (prior written "
            "notice) within the 15 days as the other lawful answer; plancli counts it as meeting "
            "the deadline."
        ),
    ),
    Rule(
        id="assessment-plan-review",
        title="Parent has at least 15 days to consider the assessment plan",
        system=System.IEP,
        kind=Kind.WINDOW,
        triggers=("assessment-plan-received",),
        period=Period(15, Counting.CALENDAR),
        owed_by="parent",
        met_by=("assessment-consent-given",),
        citation="Cal. Educ. Code §§ 56321(c)(4), 56043(b)",
        summary=(
            "The parent has at least 15 days after receiving the proposed assessment plan to "
            "decide whether to consent; the district may not assess without written consent. "
            "The parent may sign sooner, and the 60-day clock for the initial IEP starts only "
            "when the district receives the signed consent."
        ),
        sources=(
            Source(
                "https://lozanosmith.com/docs/resources/flipbook/SpecialEducationOneSheets/files/"
                "basic-html/page13.html",
                Shows.SECONDARY,
                "Parents To Consider and Consent to Proposed Assessment Plan – 15 Calendar Days "
                "after receipt of the proposed assessment plan – EC 56043(b), EC 56321(c)(4)",
            ),
        ),
        conflict=(
            "The text of §§ 56321(c)(4) and 56043(b) was not retrieved; the 15 days come from "
            "secondary summaries (Lozano Smith; DRC's Special Education Rights and "
            "Responsibilities manual)."
        ),
    ),
    Rule(
        id="initial-iep",
        title="District finishes the assessment and holds the initial IEP meeting",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("assessment-consent-given",),
        period=Period(60, Counting.SCHOOL_TOLLED),
        end_of_year=EndOfYear(
            within=30,
            days=30,
            consent_before_next_year=True,
            referral_type="assessment-requested",
        ),
        owed_by="district",
        met_by=("iep-meeting",),
        citation="Cal. Educ. Code §§ 56344(a), 56043(c), 56302.1",
        summary=(
            "Within 60 days after the district receives the parent's written consent to assess, "
            "the assessments must be done and an IEP meeting held, not counting days between "
            "school years or school breaks of more than five school days. If the referral came "
            "30 days or less before the school year ended, the IEP is due 30 days after the next "
            "school year starts."
        ),
        missed_action=Phrase(
            "complete the assessment and hold the initial IEP meeting",
            "terminar la evaluación y celebrar la primera reunión del IEP",
        ),
        sources=(
            Source(
                _EC_56344,
                Shows.LAW_TEXT,
                "shall be developed within a total time not to exceed 60 days, not counting days "
                "between the pupil's regular school sessions, terms, or days of school vacation in "
                "excess of five schooldays, from the date of receipt of the parent's written "
                "consent for assessment",
            ),
            Source(
                _EC_56344,
                Shows.LAW_TEXT,
                "shall be developed within 30 days after the commencement of the subsequent "
                "regular school year as determined by each local educational agency's school "
                "calendar for each pupil for whom a referral has been made 30 days or less prior "
                "to the end of the regular school year",
            ),
            Source(
                "https://codes.findlaw.com/ca/education-code/edc-sect-56302-1.html",
                Shows.LAW_TEXT,
                "repeatedly fails or refuses to produce the child for the assessment",
            ),
            Source(
                "http://www.lozanosmith.com/news-clientnewsbriefdetail.php?news_id=2228",
                Shows.SECONDARY,
                "On January 17, 2014 CDE issued guidance reversing that decision and advising "
                "school districts to continue to utilize the school break exception to the 60-day "
                "assessment timeline",
            ),
            _SELPA_TOLLING,
        ),
        conflict=(
            _TOLLING + " Rialto USD's page says the 60 days are not tolled for breaks, which "
            "matches a CDE position of October 2013 that CDE reversed in January 2014; plancli "
            "does not follow it. The end-of-year rule keys on the referral date in the statute, "
            "while one SELPA table restates it on the consent date (another says 20 days, "
            "apparently an error); plancli follows the statute and uses the latest "
            "assessment-requested event on or before the consent."
        ),
    ),
    Rule(
        id="iep-meeting-on-request",
        title="District holds the IEP meeting the parent asked for",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("iep-meeting-requested",),
        period=Period(30, Counting.SCHOOL_TOLLED),
        owed_by="district",
        met_by=("iep-meeting",),
        citation="Cal. Educ. Code §§ 56343.5, 56043(l)",
        summary=(
            "When the parent asks in writing for an IEP meeting, the district must hold it within "
            "30 days of receiving the request, not counting days between school years or school "
            "breaks of more than five school days. An oral request does not start the clock: the "
            "district must tell the parent to put it in writing."
        ),
        missed_action=Phrase(
            "hold the IEP meeting I asked for",
            "celebrar la reunión del IEP que solicité",
        ),
        sources=(
            Source(
                "https://instalawyer.io/laws/california-code/section-563435",
                Shows.LAW_TEXT,
                "shall be held within 30 days, not counting days between the pupil's regular "
                "school sessions, terms, or days of school vacation in excess of five schooldays, "
                "from the date of receipt of the parent's written request",
            ),
            Source(
                "https://www.cvusd.us/departments/educational-services/special-education/"
                "individual-education-plan-iep-meeting-requests",
                Shows.SECONDARY,
                "An IEP meeting requested by a parent or guardian to review their child's IEP must "
                "be scheduled and held within 30 calendar days of the date the District receives "
                "the written request.",
            ),
        ),
        conflict=(
            _TOLLING + " Unlike the assessment rules, the law states no end-of-year carry-over "
            "for this meeting; plancli applies none."
        ),
    ),
    Rule(
        id="school-records",
        title="District lets the parent see and copy school records",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("records-requested",),
        period=Period(5, Counting.BUSINESS),
        owed_by="district",
        met_by=("records-received",),
        citation="Cal. Educ. Code §§ 56504, 56043(n)",
        summary=(
            "After the parent asks, orally or in writing, the district must let the parent "
            "examine and receive copies of the child's school records without unnecessary delay, "
            "before any IEP meeting or hearing, and in no case more than five business days "
            "after the request."
        ),
        missed_action=Phrase(
            "let me see and receive copies of {child}'s school records",
            "permitirme revisar los expedientes escolares de {child} y entregarme copias",
        ),
        sources=(
            Source(
                "https://jurris.com/california/education-code/56500-56509/56504-12",
                Shows.LAW_TEXT,
                "in no case more than five business days after the request is made orally or in "
                "writing",
            ),
        ),
        conflict=(
            "The Education Code does not define 'business days'; plancli counts Monday to Friday "
            "except federal and California state-office holidays and the closures listed in the "
            "plan."
        ),
    ),
    Rule(
        id="annual-iep-review",
        title="District holds the annual IEP review meeting",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("iep-meeting",),
        period=Period(1, Counting.YEARS),
        owed_by="district",
        met_by=("iep-meeting",),
        recurring=True,
        citation="Cal. Educ. Code §§ 56343(d), 56043(j); 34 CFR 300.324(b)(1)",
        summary=(
            "The IEP team must meet at least once a year to review the child's progress and "
            "revise the IEP as needed."
        ),
        missed_action=Phrase(
            "hold the annual IEP review meeting",
            "celebrar la reunión anual de revisión del IEP",
        ),
        sources=(
            Source(
                "https://self-law.org/code/ca/education-code/56343",
                Shows.LAW_TEXT,
                "at least annually, to review the pupil's progress",
            ),
            Source(
                "https://jurris.com/california/education-code/56380-56383",
                Shows.LAW_TEXT,
                "periodically, but not less frequently than annually",
            ),
            Source(
                "https://www.edcoe.org/educational-services/"
                "selpa-special-education-local-plan-area/selpa-procedural-guide/general-timelines/",
                Shows.SECONDARY,
                "Not to exceed 12 months (365 days) from the date of the last IEP",
            ),
        ),
        conflict=(
            "The law says 'at least annually' without saying how a year is counted; a SELPA guide "
            "reads it as 365 days, which is one day shorter than the same date next year when a "
            "February 29 falls in between. plancli uses the same date next year; in a leap year, "
            "hold the meeting a day earlier to be safe."
        ),
    ),
    Rule(
        id="triennial-reassessment",
        title="District reassesses the child (at least every three years)",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("assessment-completed",),
        period=Period(3, Counting.YEARS),
        owed_by="district",
        met_by=("assessment-completed",),
        recurring=True,
        citation="Cal. Educ. Code §§ 56381(a)(2), 56043(k); 34 CFR 300.303(b)(2)",
        summary=(
            "A reassessment must happen at least once every three years, unless the parent and "
            "the district agree in writing that it is unnecessary, and not more than once a year "
            "unless they agree otherwise."
        ),
        missed_action=Phrase(
            "reassess {child} (the three-year reassessment)",
            "volver a evaluar a {child} (la reevaluación trienal)",
        ),
        sources=(
            Source(
                "https://online.flippingbook.com/view/696684130/20",
                Shows.LAW_TEXT,
                "A reassessment shall occur not more frequently than once a year, unless the "
                "parent and the local educational agency agree otherwise, and shall occur at least "
                "once every three years, unless the parent and the local educational agency agree, "
                "in writing, that a reassessment is unnecessary.",
            ),
            Source(
                "https://www.law.cornell.edu/cfr/text/34/300.303",
                Shows.LAW_TEXT,
                "Must occur at least once every 3 years, unless the parent and the public agency "
                "agree that a reevaluation is unnecessary.",
            ),
        ),
        conflict=(
            "Which date starts the three years (the consent, the completed assessment, or the IEP "
            "meeting that reviews it) is not settled in the statute; SELPA tables count from the "
            "last triennial review. plancli counts from the assessment-completed event."
        ),
    ),
    Rule(
        id="iep-by-age-3",
        title="District has an IEP in place by the child's third birthday",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=(BIRTH_DATE,),
        period=None,
        age=AgeOffset(years=3, shown_with="early-start"),
        owed_by="district",
        met_by=("iep-meeting",),
        citation="Cal. Educ. Code § 56426.9(b); 34 CFR 300.124(b)",
        summary=(
            "For a child moving on from Early Start, the district must make sure that an IEP (or "
            "an IFSP) has been developed and is being carried out by the child's third birthday. "
            "If the child turns three during the summer, the IEP team decides when services "
            "begin."
        ),
        missed_action=Phrase(
            "have an IEP developed and in effect for {child}",
            "tener un IEP elaborado y en vigor para {child}",
        ),
        sources=(
            Source(
                "https://jurris.com/california/education-code/56425-56432/56426.9-13",
                Shows.LAW_TEXT,
                "a local educational agency, by the third birthday of a child ..., shall ensure "
                "that an individualized education program or an individualized family service "
                "plan has been developed and is being implemented",
            ),
            Source(
                "https://serr.disabilityrightsca.org/serr-manual/"
                "chapter-13-information-on-preschool-education-services/"
                "13-7-for-children-receiving-early-intervention-services-what-happens-when-my-"
                "child-reaches-the-age-of-three/",
                Shows.SECONDARY,
                "It must also ensure that an individual education program (IEP) has been developed "
                "and is being implemented by the time of the child’s 3rd birthday.",
            ),
        ),
    ),
    Rule(
        id="court-appeal",
        title="Last day to appeal the hearing decision to court",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("hearing-decision-received",),
        period=Period(90, Counting.CALENDAR),
        owed_by="parent",
        met_by=("court-appeal-filed",),
        citation="Cal. Educ. Code § 56505(k); 20 USC 1415(i)(2)(B)",
        summary=(
            "A party who disagrees with the due process hearing decision may file a civil action "
            "in state or federal court within 90 days."
        ),
        sources=(
            Source(
                "https://behavioralinspiredgrowth.com/timelines-milestones/due-process-timelines/",
                Shows.SECONDARY,
                "File an appeal to a due process hearing decision: Within 90 days of receipt of "
                "hearing decision.",
            ),
            Source(
                "http://idea.ed.gov/explore/view/p/,root,regs,preamble2,prepart2,E,3290,.html",
                Shows.SECONDARY,
                "the party bringing the action has 90 days from the date of the decision of the "
                "hearing officer or the decision of the State review official to file a civil "
                "action",
            ),
        ),
        conflict=(
            "The texts of Educ. Code § 56505(k) and 20 USC 1415(i)(2)(B) were not retrieved. The "
            "federal rule counts 90 days from the date of the decision, a California summary from "
            "its receipt; plancli counts from the day you record receiving it, so if the decision "
            "is dated earlier, file within 90 days of that date to be safe."
        ),
    ),
    Rule(
        id="due-process-time-limit",
        title="Last day to file for a due process hearing (two years)",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("dispute-known",),
        period=Period(2, Counting.YEARS),
        owed_by="parent",
        met_by=("due-process-filed",),
        citation="Cal. Educ. Code § 56505(l); 20 USC 1415(f)(3)(C)",
        summary=(
            "A request for a due process hearing must be filed within two years of the date the "
            "parent knew or had reason to know of the facts behind it. The limit does not apply "
            "when the district misled the parent into thinking the problem was solved, or "
            "withheld information it had to give."
        ),
        sources=(
            Source(
                "https://sites.ed.gov/idea/statute-chapter-33/subchapter-ii/1415/f/3/C",
                Shows.LAW_TEXT,
                "A parent or agency shall request an impartial due process hearing within 2 years "
                "of the date the parent or agency knew or should have known about the alleged "
                "action that forms the basis of the complaint",
            ),
            Source(
                "https://www.sandiegospecialeducationattorney.com/"
                "oah-case-no.2022040550-student-v.santa-barbara-unified-school-district-corrected",
                Shows.SECONDARY,
                "all educational claims heard before OAH must be brought not more than two years "
                "after the date the party initiating the request knew or had reason to know of "
                "the facts underlying the basis of the request",
            ),
        ),
        conflict=(
            "The text of Educ. Code § 56505(l) was not retrieved (seen only as paraphrased in an "
            "OAH decision). The two years run from when you knew or had reason to know, which "
            "may be earlier than the date you record; file early if in doubt."
        ),
    ),
)
