"""The letters of SPEC §6 as data: who each is addressed to, what it asks for, the rules whose
dates and citations it quotes, the values it takes besides the plan, the event `--record` adds,
and law it cites that is not a rule of the catalogue (`Authority`, with where its text comes
from). No behaviour: what a letter computes is in `specifics`, its text in its templates.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from plancli.i18n import N_
from plancli.rules.filings import FILINGS_BY_ID

Recipient = Literal[
    "district",
    "regional center",
    "district or regional center",
    "DDS (copy to the regional center)",
    # The filings of SPEC §6.2: the agency that takes each, and who else gets it.
    "CDE (copy to the district)",
    "OAH (served on the district first)",
    "regional center director",
    "DDS Early Start (copy to the regional center)",
    "OAH Early Start (copy to the regional center)",
    "OCR (online form)",
]
# The recipients as `plancli letter --list` shows them, marked for the message catalog
# (a Literal type cannot hold a call); the listing translates `letter.recipient` itself.
RECIPIENT_WORDS = (
    N_("district"),
    N_("regional center"),
    N_("district or regional center"),
    N_("DDS (copy to the regional center)"),
    N_("CDE (copy to the district)"),
    N_("OAH (served on the district first)"),
    N_("regional center director"),
    N_("DDS Early Start (copy to the regional center)"),
    N_("OAH Early Start (copy to the regional center)"),
    N_("OCR (online form)"),
)
FieldKind = Literal["text", "list", "date", "flag", "event", "rule"]


@dataclass(frozen=True, slots=True)
class LetterField:
    """A value a letter needs besides the plan (`--set NAME=VALUE`)."""

    name: str
    kind: FieldKind
    help: str  # what the value is, in plain words (for error messages)
    example: str  # a complete `--set` argument
    required: bool = False
    default_from: str | None = None  # the plan key that gives the value when --set does not
    default: bool = False  # a flag's value when --set leaves it out


@dataclass(frozen=True, slots=True)
class Authority:
    """Law a letter cites that is not a rule of the catalogue, and where plancli has it from."""

    citation: str
    source: str


@dataclass(frozen=True, slots=True)
class Letter:
    """One letter of SPEC §6."""

    name: str
    recipient: Recipient
    purpose: str
    rules: tuple[str, ...] = ()  # rule ids whose dates and citations the letter quotes
    fields: tuple[LetterField, ...] = ()
    records: str | None = None  # the event type `--record` adds, if the letter starts a clock
    records_on: str | None = None  # the date field that dates that event (default: the letter)
    authorities: tuple[tuple[str, Authority], ...] = ()  # (name in templates' `law`, law)
    # What the first of `rules` is counted from for the date the letter asks for (templates'
    # `response`): the letter's date, a date field (the meeting), or None: no such date.
    counts_from: Literal["letter", "meeting_date"] | None = "letter"
    # A Lanterman Act letter (IPP, fair hearing): refused for a child under three, who is
    # served by Early Start (SPEC §6.1), unless `--set system=rc`.
    lanterman: bool = False
    # A filing of SPEC §6.2: its contents, agency and time limit are `rules.filings.FILINGS`
    # under the same name; its allegations come from the plan's violations (`letters.filings`).
    filing: bool = False

    def field(self, name: str) -> LetterField | None:
        return next((f for f in self.fields if f.name == name), None)


_LEGAL_RULES = "reference/legal_rules.md"
EC_56029 = Authority("Cal. Educ. Code § 56029", "SPEC §6 (eval-request)")
EC_49069_7 = Authority(
    "Cal. Educ. Code § 49069.7", f"{_LEGAL_RULES}: gen-pupil-records-5-business-days"
)
CFR_300_502 = Authority("34 CFR 300.502(b)", f"{_LEGAL_RULES}: sped-iee-response")
EC_56329_B = Authority("Cal. Educ. Code § 56329(b)", "SPEC §6 (iee-request)")
EC_56346_E = Authority("Cal. Educ. Code § 56346(e)", "SPEC §6 (iep-partial-consent)")
EC_56341_1_G = Authority(
    "Cal. Educ. Code § 56341.1(g)", f"{_LEGAL_RULES}: sped-iep-recording-notice-24h"
)
WIC_4646_G_H = Authority(
    "Welf. & Inst. Code § 4646(g)-(h)", f"{_LEGAL_RULES}: rc-ipp-partial-agreement-implement"
)
WIC_4710 = Authority("Welf. & Inst. Code § 4710", f"{_LEGAL_RULES}: rc-noa-reduce-terminate-30d")
_LETTERS_LAW = "docs/letters-law.md"
EC_56346_F = Authority("Cal. Educ. Code § 56346(f)", f"{_LETTERS_LAW}: ec-56346f")
WIC_4710_A = Authority("Welf. & Inst. Code § 4710(a)", f"{_LETTERS_LAW}: wic-4710-notice")
WIC_4715_A = Authority("Welf. & Inst. Code § 4715(a)", f"{_LETTERS_LAW}: wic-4715-aid-paid-pending")
IFSP_REVIEW = Authority(
    "34 CFR 303.342(b); 17 CCR 52102", f"{_LETTERS_LAW}: es-ifsp-review-on-request"
)

_CONCERNS = LetterField(
    "concerns",
    "list",
    N_("the areas of concern, separated by semicolons"),
    '--set concerns="reading; speech and language"',
    required=True,
    default_from="child.concerns",
)
_REASON = LetterField(
    "reason", "text", N_("what you want to discuss, in a sentence"), '--set reason="..."'
)
_PAST_MEETING = LetterField(
    "meeting_date",
    "date",
    N_("the date of the meeting"),
    "--set meeting_date=YYYY-MM-DD",
    required=True,
)
_AGREED = LetterField(
    "agreed",
    "list",
    N_("the parts you agree to, separated by semicolons"),
    '--set agreed="speech therapy; reading support"',
    required=True,
)
_DISAGREED = LetterField(
    "disagreed",
    "list",
    N_("the parts you do not agree to, separated by semicolons"),
    '--set disagreed="placement"',
    required=True,
)

# Values every letter takes (SPEC §6.1): the language of an interpreter, and an adult
# student's authorization line.
_INTERPRETER = LetterField(
    "interpreter",
    "text",
    N_("the language you need an interpreter and translated documents in (es, vi, Spanish, ...)"),
    "--set interpreter=es",
)
_STUDENT_AUTHORIZES = LetterField(
    "student_authorizes",
    "flag",
    N_("true when the student (18 or older) signs a line authorizing you to write for them"),
    "--set student_authorizes=true",
)
# A Lanterman letter for a child under three: the child's services really are Lanterman ones.
_SYSTEM = LetterField(
    "system",
    "text",
    N_("rc, when a child under three really is served under the Lanterman Act (not Early Start)"),
    "--set system=rc",
)

_LETTERS: tuple[Letter, ...] = (
    Letter(
        "eval-request",
        "district",
        N_(
            "a special-education assessment in all areas of suspected disability; the assessment "
            "plan within 15 days"
        ),
        rules=("assessment-plan",),
        fields=(_CONCERNS,),
        records="assessment-requested",
        authorities=(("referral", EC_56029),),
    ),
    Letter(
        "iep-meeting-request",
        "district",
        N_("an IEP meeting within 30 days"),
        rules=("iep-meeting-on-request",),
        fields=(_REASON,),
        records="iep-meeting-requested",
    ),
    Letter(
        "records-request",
        "district",
        N_("copies of all education records within 5 business days"),
        rules=("school-records",),
        records="records-requested",
        authorities=(("records", EC_49069_7),),
    ),
    Letter(
        "iee-request",
        "district",
        N_("an independent educational evaluation at public expense"),
        fields=(
            LetterField(
                "assessment",
                "text",
                N_("which district assessment you disagree with"),
                '--set assessment="psychoeducational assessment of October 2026"',
            ),
            LetterField(
                "reason",
                "text",
                N_("why you disagree (optional: the law does not require a reason)"),
                '--set reason="..."',
            ),
        ),
        authorities=(("iee", CFR_300_502), ("state", EC_56329_B)),
    ),
    Letter(
        "iep-partial-consent",
        "district",
        N_("implementation of the parts of the IEP the parent consents to"),
        fields=(_PAST_MEETING, _AGREED, _DISAGREED),
        authorities=(("partial", EC_56346_E), ("due_process", EC_56346_F)),
    ),
    Letter(
        "recording-notice",
        "district",
        N_("notice of intent to audio-record the IEP meeting (24 hours ahead)"),
        fields=(
            LetterField(
                "meeting_date",
                "date",
                N_("the date of the IEP meeting"),
                "--set meeting_date=YYYY-MM-DD",
                required=True,
            ),
            LetterField(
                "meeting_time",
                "text",
                N_("the time of the meeting"),
                '--set meeting_time="3:30 PM"',
            ),
        ),
        authorities=(("recording", EC_56341_1_G),),
    ),
    Letter(
        "504-eval-request",
        "district",
        N_("a Section 504 evaluation (no fixed deadline; OCR's 60-day benchmark)"),
        rules=("section-504-evaluation",),
        fields=(_CONCERNS,),
        records="504-evaluation-requested",
    ),
    Letter(
        "rc-intake-request",
        "regional center",
        N_("intake and assessment for eligibility"),
        rules=("rc-intake", "rc-assessment"),
        fields=(_CONCERNS,),
        records="rc-intake-requested",
    ),
    Letter(
        "ipp-meeting-request",
        "regional center",
        N_("an IPP meeting within 30 days (7 if urgent)"),
        rules=("ipp-meeting-on-request",),
        fields=(
            _REASON,
            LetterField(
                "urgent",
                "flag",
                N_("true when the child's health or safety, or placement at home, is threatened"),
                "--set urgent=true",
            ),
        ),
        records="ipp-meeting-requested",
        lanterman=True,
    ),
    Letter(
        "partial-agreement",
        "regional center",
        N_(
            "implement the agreed IPP services now; a written notice of action for the rest; a "
            "follow-up meeting within 15 days"
        ),
        rules=("ipp-follow-up-meeting",),
        fields=(_PAST_MEETING, _AGREED, _DISAGREED),
        records="ipp-partial-agreement",
        records_on="meeting_date",
        counts_from="meeting_date",
        authorities=(
            ("partial", WIC_4646_G_H),
            ("notice", WIC_4710),
            ("notice_30_days", WIC_4710_A),
            ("continue", WIC_4715_A),
        ),
        lanterman=True,
    ),
    Letter(
        "appeal-request",
        "DDS (copy to the regional center)",
        N_("informal meeting, mediation or fair hearing; aid paid pending where it applies"),
        rules=("fair-hearing-request", "aid-paid-pending"),
        fields=(
            LetterField(
                "action",
                "text",
                N_("the regional center decision you appeal, in a sentence"),
                '--set action="Reducing speech therapy from 2 to 1 session a week"',
                required=True,
            ),
            LetterField(
                "notice",
                "event",
                N_("the id of the notice-of-action-received event (default: the latest)"),
                "--set notice=e7",
            ),
            LetterField(
                "aid_paid_pending",
                "flag",
                N_(
                    "false when the decision denies a new service (nothing to keep during the "
                    "appeal)"
                ),
                "--set aid_paid_pending=false",
                default=True,
            ),
            LetterField(
                "remedy",
                "text",
                N_("what you ask the hearing to order, in a sentence"),
                '--set remedy="Keep speech therapy at two sessions a week"',
            ),
        ),
        records="appeal-filed",
        counts_from=None,  # its two dates come from the notice of action (`specifics`)
        lanterman=True,
    ),
    Letter(
        "ifsp-review-request",
        "regional center",
        N_("an IFSP review on the family's request (Early Start; no number of days)"),
        fields=(_REASON,),
        records="ifsp-review-requested",
        authorities=(("review", IFSP_REVIEW),),
    ),
    Letter(
        "missed-deadline",
        "district or regional center",
        N_("action on a named overdue deadline, citing it"),
        fields=(
            LetterField(
                "rule",
                "rule",
                N_("the rule id of the overdue deadline (`plancli deadlines` lists them)"),
                "--set rule=assessment-plan",
                required=True,
            ),
            LetterField(
                "trigger",
                "event",
                N_("the event id that started it, when the rule is overdue more than once"),
                "--set trigger=e1",
            ),
        ),
    ),
)

# ---- The filings of SPEC §6.2 ------------------------------------------------------------

# What the family asks for. The law asks for "a proposed resolution of the problem to the
# extent known" (34 CFR 300.153(b)(4)(v), 300.508(b)(6), 303.434(b)(4)(iv)) and a 4731
# complaint asks for a remedy (Welf. & Inst. Code § 4731(b)): required in those filings.
_REMEDY_FIELD = LetterField(
    "remedy",
    "text",
    N_("what you ask for: what the agency should do to fix it, in a sentence or two"),
    '--set remedy="Complete the assessment within 30 days and hold the IEP meeting"',
    required=True,
)
_FACTS = LetterField(
    "facts",
    "text",
    N_(
        "what happened that plancli cannot compute (with dates), in your own words; with no "
        "missed deadline inside the time limit, these facts are the complaint"
    ),
    '--set facts="On 2026-10-02 the principal told me in a meeting that ..."',
)
_RIGHT = LetterField(
    "right",
    "text",
    N_("the right that was denied, in your own words (besides the missed deadlines listed)"),
    '--set right="The right to an IPP meeting when I asked for one"',
)
_LOCAL_STEPS = LetterField(
    "local_steps",
    "text",
    N_("what you already did at the local level to solve it (calls, letters, meetings)"),
    '--set local_steps="I wrote to the service coordinator on 2026-10-01; no answer"',
)


def _filing(
    name: str,
    recipient: Recipient,
    purpose: str,
    *fields: LetterField,
    also: tuple[str, ...] = (),
    remedy_required: bool = True,
    lanterman: bool = False,
    law: tuple[tuple[str, str], ...] = (),
) -> Letter:
    """A filing's letter: its event and the rule that times the agency's decision come from
    the filing's own data (`rules.filings`), never typed twice."""
    filing = FILINGS_BY_ID[name]
    rules = (*((filing.decision_rule,) if filing.decision_rule else ()), *also)
    remedy = _REMEDY_FIELD if remedy_required else replace(_REMEDY_FIELD, required=False)
    return Letter(
        name,
        recipient,
        purpose,
        rules=rules,
        fields=(remedy, _FACTS, *fields),
        records=filing.recorded_as,
        counts_from="letter" if rules else None,
        lanterman=lanterman,
        filing=True,
        # The sections the filing's text cites, from its entry in `rules.filings` (where the
        # sources are quoted).
        authorities=tuple(
            (key, Authority(citation, f"src/plancli/rules/filings.py: {name}"))
            for key, citation in law
        ),
    )


_FILINGS: tuple[Letter, ...] = (
    _filing(
        "compliance-complaint",
        "CDE (copy to the district)",
        N_("a state compliance complaint: the district's missed deadlines of the last year"),
        law=(
            ("complaint", "34 CFR 300.153"),
            ("state", "Cal. Educ. Code § 56500.2"),
            ("regs", "5 CCR 3200–3205"),
            ("forward", "34 CFR 300.153(d)"),
        ),
    ),
    _filing(
        "due-process-request",
        "OAH (served on the district first)",
        N_(
            "a due process hearing on the district's missed deadlines of the last two years, "
            "with a proof of service"
        ),
        also=("resolution-meeting",),
        law=(
            ("statute", "20 USC 1415(b)(7)(A)"),
            ("regs", "34 CFR 300.508(b)"),
            ("state", "Cal. Educ. Code § 56502(c)"),
            ("serve", "Cal. Educ. Code § 56502(c)(1)"),
        ),
    ),
    _filing(
        "rights-complaint",
        "regional center director",
        N_(
            "a Lanterman Act rights complaint (Welf. & Inst. Code § 4731): the facts, the right "
            "denied, the remedy"
        ),
        _RIGHT,
        lanterman=True,
        law=(("rights", "Welf. & Inst. Code § 4731"),),
    ),
    _filing(
        "early-start-complaint",
        "DDS Early Start (copy to the regional center)",
        N_(
            "an Early Start complaint (form DS 1827's content): the regional center's missed "
            "deadlines of the last year"
        ),
        _LOCAL_STEPS,
        law=(("regs", "17 CCR 52170–52171"), ("federal", "34 CFR 303.434")),
    ),
    _filing(
        "early-start-due-process-request",
        "OAH Early Start (copy to the regional center)",
        N_("an Early Start due process hearing (form DS 1802's content)"),
        remedy_required=False,
        law=(("regs", "17 CCR 52172–52174"), ("federal", "34 CFR 303.430(d)")),
    ),
    _filing(
        "ocr-complaint",
        "OCR (online form)",
        N_(
            "a complaint to the Office for Civil Rights: a narrative and a guide to its online form"
        ),
        remedy_required=False,
        law=(("ocr", "34 CFR 104.61, 100.7(b)"),),
    ),
)

LETTERS: tuple[Letter, ...] = tuple(
    replace(
        letter,
        fields=(
            *letter.fields,
            *((_SYSTEM,) if letter.lanterman else ()),
            _INTERPRETER,
            _STUDENT_AUTHORIZES,
        ),
    )
    for letter in (*_LETTERS, *_FILINGS)
)
LETTERS_BY_NAME: dict[str, Letter] = {letter.name: letter for letter in LETTERS}
