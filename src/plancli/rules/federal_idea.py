"""Deadlines under the IDEA Part B regulations (34 CFR Part 300) that California applies as is.

IDEA counts calendar days unless a rule says school days or business days (34 CFR 300.11).
The U.S. Department of Education's Office of Special Education Programs (OSEP) reads the
federal 45-day hearing deadline as calendar days with no allowance for weekends or holidays.

References:
    * <https://transitioncouncil.org/what-works/>
    * <https://sites.ed.gov/idea/files/idea/policy/speced/guid/idea/memosdcltrs/osep-letter-to-anonymous-2-27-17.pdf>
    * <https://www.parentcenterhub.org/age-of-majority/>
    * <https://ideapartners.org/index.php?option=com_content&view=article&id=431&catid=31&Itemid=58>
    * <http://framework.esc18.net/display/Webforms/ESC18-FW-Citation.aspx?ID=2013>
    * <https://edregnc.com/regulation/1046>
    * <http://www.ideapartnership.org/index.php?option=com_content&view=article&id=468&catid=31&Itemid=58>
    * <http://prntexas.org/may-a-state-educational-agency-adopt-a-regulation-that-takes-into-account-for-purpose-of-the-resolution-period-timeline-a-school-districts-winter-break/>
    * <http://idea.ed.gov/explore/view/p-old/,root,regs,300,E,300.515,a,.html>
    * <https://sites.ed.gov/idea/regs/b/e/300.510/c>
    * <https://spedsolutions.com/osep-rejects-next-succeeding-business-day-rule>
    * <https://law.lawstack.com/cfr/34/300.152/>
    * <https://jurris.com/california/education-code/56500-56509>
"""

from __future__ import annotations

from plancli.daycount import Counting
from plancli.rules import BIRTH_DATE, AgeOffset, Kind, Period, Phrase, Rule, Shows, Source, System

_IDEA_PARTNERSHIP_468 = (
    "http://www.ideapartnership.org/index.php?option=com_content&view=article&id=468"
    "&catid=31&Itemid=58"
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="transition-plan",
        title="The IEP in effect at age 16 includes a transition plan",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=(BIRTH_DATE,),
        period=None,
        age=AgeOffset(years=16),
        owed_by="district",
        met_by=("transition-plan-included",),
        citation="34 CFR 300.320(b); Cal. Educ. Code § 56345(a)(8)",
        summary=(
            "Beginning with the first IEP that will be in effect when the child turns 16 (or "
            "earlier, if the IEP team decides), and updated every year, the IEP must include "
            "measurable goals for life after school and the transition services needed to reach "
            "them."
        ),
        missed_action=Phrase(
            "include a transition plan in {child}'s IEP",
            "incluir un plan de transición en el IEP de {child}",
        ),
        sources=(
            Source(
                "https://transitioncouncil.org/what-works/",
                Shows.LAW_TEXT,
                "Beginning not later than the first IEP to be in effect when the child turns 16, "
                "or younger if determined appropriate by the IEP Team, and updated annually, "
                "thereafter",
            ),
            Source(
                "https://sites.ed.gov/idea/files/idea/policy/speced/guid/idea/memosdcltrs/"
                "osep-letter-to-anonymous-2-27-17.pdf",
                Shows.SECONDARY,
                "That provision requires that, beginning not later than the first individualized "
                "education program (IEP) to be in effect when the child turns 16",
            ),
        ),
        conflict=(
            "The rule applies to the first IEP in effect when the child turns 16, so in practice "
            "the transition plan is written at the last IEP meeting before the 16th birthday; "
            "plancli shows the birthday itself as the date. The text of Educ. Code § 56345(a)(8) "
            "was not retrieved."
        ),
    ),
    Rule(
        id="rights-at-majority",
        title="The IEP tells the student which rights pass to them at 18",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=(BIRTH_DATE,),
        period=None,
        age=AgeOffset(years=17),
        owed_by="district",
        met_by=("rights-at-majority-informed",),
        citation="34 CFR 300.320(c); Cal. Educ. Code § 56041.5",
        summary=(
            "Starting at least one year before the student reaches the age of majority (18 in "
            "California), the IEP must say that the student has been told which special "
            "education rights will transfer to them at that age."
        ),
        missed_action=Phrase(
            "inform {child}, in the IEP, of the rights that transfer at age 18",
            "informar a {child}, en el IEP, de los derechos que se le transfieren a los 18 años",
        ),
        sources=(
            Source(
                "https://www.parentcenterhub.org/age-of-majority/",
                Shows.LAW_TEXT,
                "Beginning not later than one year before the child reaches the age of majority "
                "under State law, the IEP must include a statement that the child has been "
                "informed of the child’s rights under Part B of the Act, if any, that will "
                "transfer to the child on reaching the age of majority under §300.520.",
            ),
            Source(
                "https://ideapartners.org/index.php?option=com_content&view=article&id=431"
                "&catid=31&Itemid=58",
                Shows.SECONDARY,
                "Beginning not later than one year before the child reaches the age of majority "
                "under State law, the IEP must include a statement that the child has been "
                "informed of the child’s rights under Part B of the Act",
            ),
        ),
        conflict=(
            "The date assumes California's age of majority of 18 (hence the 17th birthday); the "
            "text of Educ. Code § 56041.5 was not retrieved."
        ),
    ),
    Rule(
        id="manifestation-review",
        title="District holds a manifestation determination review",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("discipline-placement-change",),
        period=Period(10, Counting.SCHOOL_DAYS),
        owed_by="district",
        met_by=("manifestation-review-held",),
        citation="34 CFR 300.530(e)",
        summary=(
            "Within 10 school days of any decision to change the child's placement because the "
            "child broke a code of student conduct, the district, the parent and relevant IEP "
            "team members must meet to review whether the behavior was a manifestation of the "
            "child's disability."
        ),
        missed_action=Phrase(
            "hold the manifestation determination review",
            "celebrar la reunión de determinación de manifestación",
        ),
        sources=(
            Source(
                "http://framework.esc18.net/display/Webforms/ESC18-FW-Citation.aspx?ID=2013",
                Shows.LAW_TEXT,
                "Within 10 school days of any decision to change the placement",
            ),
        ),
    ),
    Rule(
        id="resolution-meeting",
        title="District holds a resolution meeting on the due process complaint",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("due-process-filed",),
        period=Period(15, Counting.CALENDAR),
        owed_by="district",
        met_by=("resolution-meeting-held",),
        citation="34 CFR 300.510(a)",
        summary=(
            "Within 15 days of receiving notice of the parent's due process complaint, and before "
            "the hearing, the district must meet with the parent and the relevant IEP team "
            "members, unless both agree in writing to skip the meeting or to use mediation."
        ),
        missed_action=Phrase(
            "hold the resolution meeting",
            "celebrar la reunión de resolución",
        ),
        sources=(
            Source(
                "https://edregnc.com/regulation/1046",
                Shows.SECONDARY,
                "Within 15 days of receiving notice of the parent's due process complaint, and "
                "prior to the initiation of a due process hearing under § 300.511, the LEA must "
                "convene a meeting with the parent",
            ),
            Source(
                _IDEA_PARTNERSHIP_468,
                Shows.SECONDARY,
                "If the LEA fails to hold the resolution meeting specified in 34 CFR 300.510(a) "
                "within 15 days of receiving notice of a parent’s due process complaint",
            ),
            Source(
                "http://prntexas.org/may-a-state-educational-agency-adopt-a-regulation-that-takes-"
                "into-account-for-purpose-of-the-resolution-period-timeline-a-school-districts-"
                "winter-break/",
                Shows.SECONDARY,
                "the LEA is obligated to schedule and hold the resolution meeting within 15 days "
                "of receiving the notice of the parent’s due process complaint",
            ),
        ),
        conflict=(
            "The regulation text itself was seen only in summaries. The 15 days run from the "
            "district's receipt of the complaint; plancli counts from the filing date you record, "
            "which is the same day when the district's copy is delivered at filing. The federal "
            "Department of Education says a school break does not pause this timeline."
        ),
    ),
    Rule(
        id="hearing-decision",
        title="Hearing office (OAH) decides the due process case",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("due-process-filed",),
        period=Period(75, Counting.CALENDAR),
        owed_by="hearing office (OAH)",
        met_by=("hearing-decision-received",),
        citation="34 CFR 300.510(b), 300.515(a)",
        summary=(
            "If the complaint is not resolved during the 30-day resolution period, the hearing "
            "office must reach a final decision and mail it to both parties no later than 45 days "
            "after that period ends: 75 days after filing, unless the periods were adjusted or a "
            "hearing officer granted an extension at a party's request."
        ),
        sources=(
            Source(
                "http://idea.ed.gov/explore/view/p-old/,root,regs,300,E,300.515,a,.html",
                Shows.LAW_TEXT,
                "not later than 45 days after the expiration of the 30 day period under Sec. "
                "300.510(b), or the adjusted time periods described in Sec. 300.510(c)",
            ),
            Source(
                "https://sites.ed.gov/idea/regs/b/e/300.510/c",
                Shows.LAW_TEXT,
                "starts the day after one of the following events",
            ),
            Source(
                _IDEA_PARTNERSHIP_468,
                Shows.SECONDARY,
                "If the LEA has not resolved the due process complaint to the satisfaction of the "
                "parent within 30 days of the receipt of the due process complaint, the due "
                "process hearing may occur.",
            ),
            Source(
                "https://spedsolutions.com/osep-rejects-next-succeeding-business-day-rule",
                Shows.SECONDARY,
                "34 C.F.R. § 300.11 defines 'day' as calendar day unless otherwise indicated as "
                "school day or business day, therefore the 45-day deadline means 45 calendar days. "
                "This interpretation makes no allowance for weekends or holidays.",
            ),
        ),
        conflict=(
            "The 45 days may start earlier (the day after both sides waive the resolution meeting "
            "in writing or agree no agreement is possible) or later (when the parent does not "
            "take part in the resolution meeting), and hearing officers grant extensions; plancli "
            "counts a plain 75 days from filing, so record an extension-agreed event when the "
            "case schedule differs. OSEP (in a letter known only from a summary) says the federal "
            "45 days never roll forward off a weekend or holiday."
        ),
    ),
    Rule(
        id="compliance-complaint-decision",
        title="California Dept. of Education decides the compliance complaint",
        system=System.IEP,
        kind=Kind.DEADLINE,
        triggers=("compliance-complaint-filed",),
        period=Period(60, Counting.CALENDAR),
        owed_by="California Dept. of Education",
        met_by=("complaint-decision-received",),
        citation="34 CFR 300.152(a); Cal. Educ. Code § 56500.2",
        summary=(
            "The state must investigate a compliance complaint and send the complainant a "
            "written decision within 60 days after it is filed. The time may be extended only "
            "for exceptional circumstances, or when the parent and district agree to extend it "
            "for mediation or another way of resolving the dispute."
        ),
        sources=(
            Source(
                "https://law.lawstack.com/cfr/34/300.152/",
                Shows.LAW_TEXT,
                "Each SEA must include in its complaint procedures a time limit of 60 days after a "
                "complaint is filed under § 300.153",
            ),
            Source(
                "https://jurris.com/california/education-code/56500-56509",
                Shows.LAW_TEXT,
                "A written decision shall be issued to the complainant in accordance with the "
                "60-day time limit",
            ),
        ),
    ),
)
