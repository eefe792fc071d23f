"""Section 504 of the Rehabilitation Act (29 USC 794; 34 CFR Part 104).

Section 504 sets no number of days for an evaluation: the U.S. Department of Education's Office
for Civil Rights (OCR) asks for a "reasonable period of time" and looks to the state's special
education timeline as a guide, so that rule is a guideline. OCR complaints borrow the 180-day
filing limit of 34 CFR 100.7(b) through 34 CFR 104.61.

References:
    * <https://serr.disabilityrightsca.org/serr-manual/chapter-16-information-on-section-504-and-disability-based-discrimination/16-12-what-is-the-evaluation-process-for-section-504>
    * <https://serr.disabilityrightsca.org/serr-manual/chapter-2-information-on-evaluations-assessments/2-40-if-i-request-an-assessment-for-section-504-eligibility-does-the-school-district-have-to-assess-my-child-to-determine-their-eligibility-for-accommodations-and-or-services>
    * <https://serr.disabilityrightsca.org/serr-manual/chapter-6-information-on-due-process-compliance-procedures/6-22-when-would-i-file-a-section-504-discrimination-or-harassment-complaint-with-ocr/>
    * <https://probonodeskmanual.loyno.edu/book/export/html/728>
"""

from __future__ import annotations

from plancli.daycount import Counting
from plancli.rules import Kind, Period, Phrase, Rule, Shows, Source, System

_SERR_16_12 = (
    "https://serr.disabilityrightsca.org/serr-manual/"
    "chapter-16-information-on-section-504-and-disability-based-discrimination/"
    "16-12-what-is-the-evaluation-process-for-section-504"
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="section-504-evaluation",
        title="District completes the Section 504 evaluation (benchmark: 60 days)",
        system=System.SECTION_504,
        kind=Kind.GUIDELINE,
        triggers=("504-evaluation-requested",),
        period=Period(60, Counting.CALENDAR),
        owed_by="district",
        met_by=("504-meeting",),
        citation="34 CFR 104.35; OCR uses the state's 60-day timeline as a benchmark",
        summary=(
            "Section 504 sets no number of days: the district must finish the evaluation within "
            "a reasonable time. OCR looks to state law as a guide, and California's special "
            "education timeline is 60 days from the parent's consent; OCR found a four-month "
            "delay to violate Section 504."
        ),
        missed_action=Phrase(
            "complete the Section 504 evaluation",
            "terminar la evaluación de la Sección 504",
        ),
        sources=(
            Source(
                _SERR_16_12,
                Shows.SECONDARY,
                "Section 504 does not establish a timeline for completing evaluations. However, "
                "districts must complete the process, which includes the initial evaluation, "
                "within a reasonable period of time.",
            ),
            Source(
                _SERR_16_12,
                Shows.SECONDARY,
                "OCR looks to state law as a guideline to decide what is a reasonable period of "
                "time.",
            ),
            Source(
                "https://serr.disabilityrightsca.org/serr-manual/"
                "chapter-2-information-on-evaluations-assessments/"
                "2-40-if-i-request-an-assessment-for-section-504-eligibility-does-the-school-"
                "district-have-to-assess-my-child-to-determine-their-eligibility-for-"
                "accommodations-and-or-services",
                Shows.SECONDARY,
                "if a district does agree that a child has or may have such an impairment, a delay "
                "of four months to conduct the evaluation was found to be a violation of Section "
                "504.",
            ),
        ),
        conflict=(
            "This is a benchmark, not a binding deadline. California's 60 days run from the "
            "parent's consent and skip school breaks over five school days, while plancli counts "
            "60 calendar days from the request. A district that believes the child has no "
            "qualifying impairment may refuse to evaluate, with notice of the parent's Section "
            "504 rights."
        ),
    ),
    Rule(
        id="ocr-complaint",
        title="Last day to file a discrimination complaint with OCR",
        system=System.SECTION_504,
        kind=Kind.DEADLINE,
        triggers=("discrimination-occurred",),
        period=Period(180, Counting.CALENDAR),
        owed_by="parent",
        met_by=("ocr-complaint-filed",),
        citation="34 CFR 100.7(b), 104.61",
        summary=(
            "A disability discrimination complaint must be filed with the Office for Civil Rights "
            "within 180 days of the discrimination, unless OCR extends the time."
        ),
        sources=(
            Source(
                "https://serr.disabilityrightsca.org/serr-manual/"
                "chapter-6-information-on-due-process-compliance-procedures/"
                "6-22-when-would-i-file-a-section-504-discrimination-or-harassment-complaint-"
                "with-ocr/",
                Shows.SECONDARY,
                "You must file a discrimination complaint within 180 days from the date of the "
                "discrimination, unless the time for filing is extended by the responsible "
                "Department official",
            ),
            Source(
                "https://probonodeskmanual.loyno.edu/book/export/html/728",
                Shows.SECONDARY,
                "Complaints must generally be submitted within 180 days of the last act of "
                "discrimination.",
            ),
        ),
        conflict=(
            "The text of 34 CFR 100.7(b) was not retrieved; the 180 days come from DRC's manual "
            "and a legal-aid manual. For a continuing problem, record the latest act of "
            "discrimination as the trigger."
        ),
    ),
)
