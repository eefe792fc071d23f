"""Regional center deadlines under the Lanterman Act (Welfare and Institutions Code 4500 ff.).

The appeal sections (WIC 4700-4717) were rewritten by SB 188 (Stats. 2022, ch. 49), operative
March 1, 2023: notices received before that date keep the old 30-day (appeal) and 10-day (aid
paid pending) windows, as rule variants. "Working days" are not defined in the Act; plancli
counts them as business days (SPEC §3).

References:
    * <https://d1tvxue8o4w0fl.cloudfront.net/statute/california-codes/california-welfare-and-institutions-code/division-45-services-for-the-developmentally-disabled/chapter-5-regional-centers-for-persons-with-developmental-disabilities/article-2-regional-center-responsibilities/section-4642-initial-intake-and-assessment-services>
    * <https://d1tvxue8o4w0fl.cloudfront.net/statute/california-codes/california-welfare-and-institutions-code/division-45-services-for-the-developmentally-disabled/chapter-5-regional-centers-for-persons-with-developmental-disabilities/article-2-regional-center-responsibilities/section-4643-assessments>
    * <https://d1tvxue8o4w0fl.cloudfront.net/statute/california-codes/california-welfare-and-institutions-code/division-45-services-for-the-developmentally-disabled/chapter-5-regional-centers-for-persons-with-developmental-disabilities/article-2-regional-center-responsibilities/section-4646-development-and-preparation-of-individual-program-plan>
    * <https://rula.disabilityrightsca.org/supplements/supplement-h-how-to-get-regional-center-services-through-your-ipp/>
    * <https://rula.disabilityrightsca.org/rula-book/chapter-6-keeping-the-family-together-services-and-supports-for-children/how-does-the-individual-program-plan-ipp-process-involve-families/>
    * <https://rula.disabilityrightsca.org/rula-book/chapter-4-individual-program-plans/can-a-regional-center-refuse-to-provide-a-service-or-support-because-it-does-not-have-enough-money/>
    * <https://www.legalfix.com/statutes/state-codes/california/code-wic/division-4-5/chapter-7/article-3/section-4710-5>
    * <https://rula.disabilityrightsca.org/rula-book/chapter-10-appeals-and-complaints-disagreements-with-regional-centers-developmental-centers-or-service-providers/10-12-what-timeline-do-i-have-to-file-an-appeal-for-fair-hearing/>
    * <https://rula.disabilityrightsca.org/chapter-10-print/>
    * <https://undivided.io/resources/regional-center-appeal-process-ages-3-148>
    * <https://self-law.org/code/ca/welfare-and-institutions-code/4715>
    * <https://self-law.org/code/ca/welfare-and-institutions-code/4707>
    * <https://surveymonkey.com/r/HearingImplementationDelay-RCs>
    * <https://www.disabilityrightsca.org/publications/regional-center-appeals-changes>
    * <https://self-law.org/code/ca/welfare-and-institutions-code/4731>
"""

from __future__ import annotations

from datetime import date

from plancli.daycount import Counting
from plancli.rules import Kind, Period, Phrase, Rule, Shows, Source, System, Variant

_WIC_ARTICLE_2 = (
    "https://d1tvxue8o4w0fl.cloudfront.net/statute/california-codes/"
    "california-welfare-and-institutions-code/division-45-services-for-the-developmentally-disabled/"
    "chapter-5-regional-centers-for-persons-with-developmental-disabilities/"
    "article-2-regional-center-responsibilities/"
)
_WIC_4642 = _WIC_ARTICLE_2 + "section-4642-initial-intake-and-assessment-services"
_WIC_4643 = _WIC_ARTICLE_2 + "section-4643-assessments"
_WIC_4646 = _WIC_ARTICLE_2 + "section-4646-development-and-preparation-of-individual-program-plan"
_RULA_SUPPLEMENT_H = (
    "https://rula.disabilityrightsca.org/supplements/"
    "supplement-h-how-to-get-regional-center-services-through-your-ipp/"
)
_RULA_10_12 = (
    "https://rula.disabilityrightsca.org/rula-book/"
    "chapter-10-appeals-and-complaints-disagreements-with-regional-centers-developmental-centers-"
    "or-service-providers/10-12-what-timeline-do-i-have-to-file-an-appeal-for-fair-hearing/"
)
_RULA_CHAPTER_10_PRINT = "https://rula.disabilityrightsca.org/chapter-10-print/"

# SB 188 (Stats. 2022, ch. 49): the longer appeal windows apply to notices received from this day.
SB_188_OPERATIVE = date(2023, 3, 1)
_BEFORE_SB_188 = "the notice was received before 2023-03-01 (law before SB 188)"

_WORKING_DAYS = (
    "'Working days' are not defined in the Lanterman Act; plancli counts Monday to Friday except "
    "federal and California state-office holidays and the closures listed in the plan."
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="rc-intake",
        title="Regional center completes intake",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("rc-intake-requested",),
        period=Period(15, Counting.BUSINESS),
        owed_by="regional center",
        met_by=("rc-intake-completed",),
        citation="Welf. & Inst. Code § 4642(a)(2)",
        summary=(
            "The regional center must do the initial intake within 15 working days after "
            "someone asks for help, including information and advice about services of the "
            "regional center and other agencies, and a decision whether to assess. Since "
            "January 1, 2025 it must also, by the end of those 15 days, decide eligibility or "
            "decide whether it will assess."
        ),
        missed_action=Phrase(
            "complete the intake",
            "completar la admisión",
        ),
        sources=(
            Source(
                _WIC_4642,
                Shows.LAW_TEXT,
                "Initial intake shall be performed within 15 working days following request for "
                "assistance.",
            ),
            Source(
                _WIC_4642,
                Shows.LAW_TEXT,
                "Commencing on January 1, 2025, the regional center shall take the following "
                "actions by the end of the 15-day initial intake period described in paragraph (2)",
            ),
        ),
        conflict=(
            _WORKING_DAYS + " Undivided's regional center timeline page says '15 business days'; "
            "the statute says working days."
        ),
    ),
    Rule(
        id="rc-assessment",
        title="Regional center completes the eligibility assessment",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("rc-intake-completed",),
        period=Period(120, Counting.CALENDAR),
        variants=(
            Variant(
                Period(60, Counting.CALENDAR),
                when=(
                    "the intake event has urgent: true (delay would put health, safety or "
                    "development at risk)"
                ),
                event_flag="urgent",
            ),
        ),
        owed_by="regional center",
        met_by=("rc-assessment-completed",),
        citation="Welf. & Inst. Code § 4643(a)",
        summary=(
            "If an assessment is needed, the regional center must do it within 120 days after "
            "intake, or as soon as possible and within 60 days when a delay would risk the "
            "person's health and safety, seriously delay their development, or put them at "
            "imminent risk of a more restrictive placement."
        ),
        missed_action=Phrase(
            "complete the eligibility assessment",
            "completar la evaluación de elegibilidad",
        ),
        sources=(
            Source(
                _WIC_4643,
                Shows.LAW_TEXT,
                "If assessment is needed, the assessment shall be performed within 120 days "
                "following initial intake.",
            ),
            Source(
                _WIC_4643,
                Shows.LAW_TEXT,
                "Assessment shall be performed as soon as possible and in no event more than 60 "
                "days following initial intake where any delay would expose the client to "
                "unnecessary risk to his or her health and safety or to significant further delay "
                "in mental or physical development, or the client would be at imminent risk of "
                "placement in a more restrictive environment.",
            ),
        ),
        conflict=(
            "Whether the 60-day case applies depends on facts the family must show; plancli uses "
            "60 days only when the intake event is marked urgent: true. The assessment also "
            "depends on the family providing the release of information the statute names."
        ),
    ),
    Rule(
        id="initial-ipp",
        title="Regional center completes the first Individual Program Plan (IPP)",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("rc-assessment-completed",),
        period=Period(60, Counting.CALENDAR),
        owed_by="regional center",
        met_by=("ipp-meeting",),
        citation="Welf. & Inst. Code § 4646(c)",
        summary=(
            "For a person found eligible after intake and assessment, the regional center must "
            "complete an Individual Program Plan within 60 days of the completion of the "
            "assessment."
        ),
        missed_action=Phrase(
            "complete {child}'s first Individual Program Plan (IPP)",
            "completar el primer Plan de Programa Individual (IPP) de {child}",
        ),
        sources=(
            Source(
                _WIC_4646,
                Shows.LAW_TEXT,
                "These plans shall be completed within 60 days of the completion of the "
                "assessment.",
            ),
            Source(
                _RULA_SUPPLEMENT_H,
                Shows.SECONDARY,
                "If you are a new regional center client, the regional center must develop your "
                "IPP within 60 days.",
            ),
        ),
    ),
    Rule(
        id="ipp-meeting-on-request",
        title="Regional center holds the IPP meeting the family asked for",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("ipp-meeting-requested",),
        period=Period(30, Counting.CALENDAR),
        variants=(
            Variant(
                Period(7, Counting.CALENDAR),
                when=(
                    "the request event has urgent: true (the child's health or safety, or "
                    "placement at home, is threatened)"
                ),
                event_flag="urgent",
            ),
        ),
        owed_by="regional center",
        met_by=("ipp-meeting",),
        citation="Welf. & Inst. Code § 4646.5(b)",
        summary=(
            "The family may ask for an IPP meeting at any time, and the meeting must take place "
            "within 30 days of the request, or within 7 days when the child's health or safety, "
            "or placement at home, is threatened."
        ),
        missed_action=Phrase(
            "hold the IPP meeting I asked for",
            "celebrar la reunión del IPP que solicité",
        ),
        sources=(
            Source(
                "https://rula.disabilityrightsca.org/rula-book/"
                "chapter-6-keeping-the-family-together-services-and-supports-for-children/"
                "how-does-the-individual-program-plan-ipp-process-involve-families/",
                Shows.SECONDARY,
                "You can request an IPP meeting for your child at any time, and the meeting must "
                "take place within 30 days of your request. You can get an IPP meeting in seven "
                "days if your child’s health or safety or placement in your home is threatened.",
            ),
        ),
        conflict=(
            "The text of § 4646.5(b) was not retrieved; the 30 and 7 days come from DRC's Rights "
            "Under the Lanterman Act manual. plancli uses 7 days only when the request event is "
            "marked urgent: true."
        ),
    ),
    Rule(
        id="ipp-review",
        title="Regional center reviews the IPP (every 3 years, or yearly)",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("ipp-meeting",),
        period=Period(3, Counting.YEARS),
        variants=(
            Variant(
                Period(1, Counting.YEARS),
                when="regional_center.hcbs_waiver is true",
                plan_flag="hcbs_waiver",
            ),
        ),
        owed_by="regional center",
        met_by=("ipp-meeting",),
        recurring=True,
        citation="Welf. & Inst. Code § 4646.5(b)",
        summary=(
            "The IPP must be reviewed at an IPP meeting at least once every three years, and "
            "every year for people served under the Medi-Cal Home and Community-Based Services "
            "(HCBS) Waiver or living in an Intermediate Care Facility, or sooner when needs change "
            "or the family asks."
        ),
        missed_action=Phrase(
            "hold the IPP review meeting",
            "celebrar la reunión de revisión del IPP",
        ),
        sources=(
            Source(
                _RULA_SUPPLEMENT_H,
                Shows.SECONDARY,
                "For everyone else, your IPP meeting will take place once every three years, "
                "unless your needs change or if you ask for a meeting.",
            ),
            Source(
                _RULA_SUPPLEMENT_H,
                Shows.SECONDARY,
                "You will have an IPP meeting every year if: You get services under the Medi-Cal "
                "Home and Community Based Services (HCBS) Waiver, or You live in a facility "
                "licensed as an 'Intermediate Care Facility'",
            ),
        ),
        conflict=(
            "The text of § 4646.5(b) and of the federal HCBS rule (42 CFR 441.301(c)(3)) was not "
            "retrieved; the intervals come from DRC's manual. DRC also gives a yearly review to "
            "residents of Intermediate Care Facilities; plancli applies the yearly review only "
            "when regional_center.hcbs_waiver is true."
        ),
    ),
    Rule(
        id="ipp-follow-up-meeting",
        title="Regional center holds the follow-up IPP meeting",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("ipp-partial-agreement",),
        period=Period(15, Counting.CALENDAR),
        owed_by="regional center",
        met_by=("ipp-meeting",),
        # The meeting where the partial agreement is signed is not its follow-up (SPEC §4).
        met_strictly_after=True,
        citation="Welf. & Inst. Code § 4646(h)",
        summary=(
            "When an IPP meeting ends without final agreement on the services, or without the "
            "regional center's decision-maker, the regional center must hold another meeting "
            "within 15 days, or later if the family agrees. The services agreed on may start "
            "meanwhile."
        ),
        missed_action=Phrase(
            "hold the follow-up IPP meeting",
            "celebrar la reunión de seguimiento del IPP",
        ),
        sources=(
            Source(
                "https://rula.disabilityrightsca.org/rula-book/chapter-4-individual-program-plans/"
                "can-a-regional-center-refuse-to-provide-a-service-or-support-because-it-does-not-"
                "have-enough-money/",
                Shows.SECONDARY,
                "the law allows the regional center to have the decision-maker come to a second "
                "meeting within 15 days (unless you or your representative agree to a longer "
                "time).",
            ),
        ),
        conflict=(
            "The text of § 4646(h) was not retrieved; the 15 days come from DRC's Rights Under "
            "the Lanterman Act manual, which describes them both for a meeting that ends without "
            "final agreement and for one the decision-maker did not attend."
        ),
    ),
    Rule(
        id="fair-hearing-request",
        title="Last day to appeal a regional center notice of action",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("notice-of-action-received",),
        period=Period(60, Counting.CALENDAR),
        # SB 188: notices received before 2023-03-01 keep the old 30-day appeal window.
        variants=(
            Variant(
                Period(30, Counting.CALENDAR),
                when=_BEFORE_SB_188,
                triggered_before=SB_188_OPERATIVE,
            ),
        ),
        owed_by="parent",
        met_by=("appeal-filed",),
        citation="Welf. & Inst. Code § 4710.5(a)",
        summary=(
            "To ask for an informal meeting, mediation or a fair hearing about a regional center "
            "decision, the appeal must be filed within 60 days after receiving the written notice "
            "of action (30 days for notices received before March 1, 2023)."
        ),
        sources=(
            Source(
                "https://www.legalfix.com/statutes/state-codes/california/code-wic/division-4-5/"
                "chapter-7/article-3/section-4710-5",
                Shows.LAW_TEXT,
                "upon filing a request within 30 days after notification of the decision or "
                "action complained of, be afforded an opportunity for a fair hearing",
            ),
            Source(
                _RULA_10_12,
                Shows.SECONDARY,
                "You have 60 days to request an informal meeting, mediation, or fair hearing. The "
                "60 days starts from the date you receive the written NOA you disagree with.",
            ),
            Source(
                _RULA_10_12,
                Shows.SECONDARY,
                "These timelines became effective on March 1, 2023.",
            ),
            Source(
                "https://undivided.io/resources/regional-center-appeal-process-ages-3-148",
                Shows.SECONDARY,
                "you can appeal within 60 days of receiving the NOA if you disagree with their "
                "action",
            ),
            Source(_RULA_CHAPTER_10_PRINT, Shows.SECONDARY, "You must appeal within 30 days"),
        ),
        conflict=(
            "The window changed on 2023-03-01 (SB 188): 60 days for notices received from then "
            "on, 30 days before. Many web pages and older printouts still show the old 30 days, "
            "and the only statute text seen (a 2019 copy) is the old 30-day version; the current "
            "60 days are stated by Disability Rights California. plancli uses 60 days for notices "
            "received from 2023-03-01 and 30 days before. Without an adequate notice, appeal "
            "anyway as soon as possible."
        ),
    ),
    Rule(
        id="aid-paid-pending",
        title="Last day to appeal and keep current services during the appeal",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("notice-of-action-received",),
        period=Period(30, Counting.CALENDAR, cap_field="effective_date"),
        # SB 188: notices received before 2023-03-01 keep the old 10-day window.
        variants=(
            Variant(
                Period(10, Counting.CALENDAR),
                when=_BEFORE_SB_188,
                triggered_before=SB_188_OPERATIVE,
            ),
        ),
        owed_by="parent",
        met_by=("appeal-filed",),
        citation="Welf. & Inst. Code § 4715(a)",
        summary=(
            "To keep an existing service unchanged while the appeal goes on ('aid paid "
            "pending'), the appeal must be postmarked or received within 30 days after receiving "
            "the notice of action, and no later than the date the change takes effect (10 days "
            "for notices received before March 1, 2023)."
        ),
        sources=(
            Source(
                "https://self-law.org/code/ca/welfare-and-institutions-code/4715",
                Shows.LAW_TEXT,
                "if an appeal request is postmarked or received by the department or by another "
                "agency designated by the department to receive the appeal request, no later than "
                "30 days after receipt of the notice of the proposed action sent pursuant to "
                "subdivision (a) of Section 4710, but no later than the effective date of the "
                "action",
            ),
            Source(
                "https://self-law.org/code/ca/welfare-and-institutions-code/4707",
                Shows.LAW_TEXT,
                "no later than 30 days after receipt of the notice of the proposed action and no "
                "later than the effective date of the action",
            ),
            Source(
                _RULA_10_12,
                Shows.SECONDARY,
                "If it is a service you are already getting, and you want your services to "
                "continue, you only have 30 days.",
            ),
            Source(
                _RULA_CHAPTER_10_PRINT,
                Shows.SECONDARY,
                "If the regional center tells you it will stop or change a service you are "
                "already getting, you have 10 days to appeal if you want the service to continue "
                "until your appeal is decided.",
            ),
        ),
        conflict=(
            "The window changed on 2023-03-01 (SB 188): 30 days (but no later than the effective "
            "date) for notices received from then on, 10 days before; many web pages still show "
            "10 days. plancli applies the effective-date cap only when the notice event records "
            "effective_date. Undivided says aid paid pending is not available when services end "
            "because the child turns three."
        ),
    ),
    Rule(
        id="hearing-decision-implementation",
        title="Regional center carries out the fair hearing decision",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("rc-hearing-decision-received",),
        period=Period(30, Counting.CALENDAR),
        owed_by="regional center",
        met_by=("rc-decision-implemented",),
        citation="Welf. & Inst. Code § 4713.5",
        summary=(
            "The regional center must carry out a final hearing decision as soon as practicable "
            "and no later than 30 calendar days from the date of the decision, or tell the family "
            "and DDS in writing why it cannot."
        ),
        missed_action=Phrase(
            "carry out the fair hearing decision",
            "cumplir la decisión de la audiencia imparcial",
        ),
        sources=(
            Source(
                "https://surveymonkey.com/r/HearingImplementationDelay-RCs",
                Shows.SECONDARY,
                "regional centers ... implement a final hearing decision as soon as practicable, "
                "not later than 30 calendar days from the date of the final hearing decision",
            ),
            Source(
                "https://www.disabilityrightsca.org/publications/regional-center-appeals-changes",
                Shows.SECONDARY,
                "WIC 4713.5 says regional center must fulfill a hearing decision as soon as "
                "possible, within 30 days. They must tell you and DDS if they can’t.",
            ),
        ),
        conflict=(
            "The text of § 4713.5 was not retrieved. The 30 days run from the date of the final "
            "hearing decision; plancli counts from the day you record receiving it, which may be "
            "a few days later."
        ),
    ),
    Rule(
        id="rights-complaint-response",
        title="Regional center director answers the rights complaint",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("rights-complaint-filed",),
        period=Period(20, Counting.BUSINESS),
        owed_by="regional center director",
        met_by=("rights-complaint-response-received",),
        citation="Welf. & Inst. Code § 4731(b)",
        summary=(
            "Within 20 working days of receiving a complaint that a right was denied, the "
            "regional center director must investigate and send a written proposed resolution. "
            "The complainant then has 15 working days to take it to the Director of "
            "Developmental Services."
        ),
        missed_action=Phrase(
            "investigate my complaint and send me a written proposed resolution",
            "investigar mi queja y enviarme por escrito una propuesta de resolución",
        ),
        sources=(
            Source(
                "https://self-law.org/code/ca/welfare-and-institutions-code/4731",
                Shows.LAW_TEXT,
                "The director shall, within 20 working days of receiving a complaint, investigate "
                "the complaint and send a written proposed resolution",
            ),
        ),
        conflict=_WORKING_DAYS,
    ),
    Rule(
        id="rights-complaint-referral",
        title="You may take the rights complaint to the Director of Developmental Services",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("rights-complaint-response-received",),
        period=Period(15, Counting.BUSINESS),
        owed_by="parent",
        met_by=("rights-complaint-referred",),
        citation="Welf. & Inst. Code § 4731(c)",
        summary=(
            "If the regional center director's proposed resolution does not satisfy you, you may "
            "refer the complaint, in writing, to the Director of Developmental Services within "
            "15 working days of receiving it. Without a referral, the proposed resolution takes "
            "effect on the 20th working day after you receive it."
        ),
        sources=(
            Source(
                "https://self-law.org/code/ca/welfare-and-institutions-code/4731",
                Shows.LAW_TEXT,
                "If the complainant is not satisfied with the proposed resolution, the "
                "complainant may refer the complaint, in writing, to the Director of "
                "Developmental Services within 15 working days of receipt of the proposed "
                "resolution.",
            ),
            Source(
                "https://rula.disabilityrightsca.org/rula-book/chapter-10-appeals-and-complaints-"
                "disagreements-with-regional-centers-developmental-centers-or-service-providers/"
                "10-42-what-happens-after-i-file-my-4731-complaint/",
                Shows.SECONDARY,
                "If you do not agree with the director’s proposal, write to the Director of the "
                "Department of Developmental Services (DDS) within 15 working days of receiving "
                "the regional center director’s proposal.",
            ),
        ),
        conflict=(
            "The law gives no consequence beyond the proposed resolution taking effect; plancli "
            "treats the 15 working days as the parent's own last day, which lapses rather than "
            "becomes overdue. " + _WORKING_DAYS
        ),
    ),
    Rule(
        id="rights-complaint-dds-decision",
        title="Department of Developmental Services decides the rights complaint",
        system=System.RC,
        kind=Kind.DEADLINE,
        triggers=("rights-complaint-referred",),
        period=Period(45, Counting.CALENDAR),
        owed_by="Dept. of Developmental Services",
        met_by=("rights-complaint-decision-received",),
        citation="Welf. & Inst. Code § 4731(c)",
        summary=(
            "Within 45 days of receiving a referred rights complaint, the Director of "
            "Developmental Services must issue a written administrative decision and send it to "
            "the complainant, the regional center director and any service provider involved."
        ),
        sources=(
            Source(
                "https://self-law.org/code/ca/welfare-and-institutions-code/4731",
                Shows.LAW_TEXT,
                "The director shall, within 45 days of receiving a complaint, issue a written "
                "administrative decision and send a copy of the decision to the complainant",
            ),
            Source(
                "https://rula.disabilityrightsca.org/rula-book/chapter-10-appeals-and-complaints-"
                "disagreements-with-regional-centers-developmental-centers-or-service-providers/"
                "10-42-what-happens-after-i-file-my-4731-complaint/",
                Shows.SECONDARY,
                "If you write to DDS, the director of DDS must send you a decision within 45 "
                "calendar days.",
            ),
        ),
        conflict=(
            "The 45 days run from DDS's receipt of the referral; plancli counts from the date of "
            "the rights-complaint-referred event, so record the day DDS received it."
        ),
    ),
)
