"""A letter's values: `--set` values, the plan's sender, child and recipient, as templates read
them (`Section`), and every missing one collected before anything is rendered."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from plancli import glossary
from plancli.errors import LetterError
from plancli.i18n import N_, _, ngettext
from plancli.letters.catalogue import Letter, LetterField
from plancli.letters.wording import Wording, language_code, wording
from plancli.model import Plan
from plancli.vocab import FALSE_WORDS, TRUE_WORDS, yes_no

ADULT_AGE = 18
EARLY_START_AGE = 3  # Part C serves infants and toddlers under three (34 CFR 303.21)

# Who may sign a letter about a person of 18 or more (SPEC §6.1), by recipient: the district
# deals with the student, an educational-rights holder or a conservator (Cal. Educ. Code
# § 56041.5); the regional center with the consumer or a conservator (letters-law.md:
# lanterman-authorized-rep); anyone else writes with the adult's signed authorization.
ADULT_SIGNERS = {
    "district": ("student", "educational-rights-holder", "conservator"),
    "regional center": ("student", "conservator"),
}

_COMMON_ENGLISH_TEXT = (
    "the and of with for from to in on at by is are was were my his her their our this that "
    "an week weeks month months hours hour day days times session sessions therapy services "
    "service support class school program placement assessment reduce reducing keep care "
    "respite progress skills twice once"
)
_COMMON_ENGLISH = _COMMON_ENGLISH_TEXT.split()
# Words that mark a value typed in English (a Spanish letter prints family text as typed).
_ENGLISH_WORDS = frozenset(
    {
        *(
            word
            for term in glossary.CONCERNS
            for word in term.en.casefold().split()
            if word.isascii() and len(word) > 3
        ),
        *_COMMON_ENGLISH,
    }
)

# What plancli needs from the plan for the sender and recipient blocks, and how to add it
# (what, how): marked only, translated where a message shows them.
PLAN_HINTS = {
    "family.parent_name": (
        N_("your name, as you sign the letter"),
        N_("add `parent_name: Your Name` under `family:`"),
    ),
    "family.address": (
        N_("your mailing address"),
        N_('add `address: "123 Main St, City, CA 90000"` under `family:`'),
    ),
    "school.district": (
        N_("the school district's name"),
        N_("add `district: ... School District` under `school:`"),
    ),
    "school.address": (
        N_("the district's (or school's) mailing address"),
        N_('add `address: "..."` under `school:`'),
    ),
    "regional_center.name": (
        N_("the regional center's name"),
        N_("add `name: ... Regional Center` under `regional_center:`"),
    ),
    "regional_center.address": (
        N_("the regional center's mailing address"),
        N_('add `address: "..."` under `regional_center:`'),
    ),
}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Values that are codes or ids, never words of the letter.
_NOT_WORDS = frozenset({"rule", "trigger", "notice", "system", "interpreter"})


def looks_english(text: str) -> bool:
    """True when a value has a word that only English uses (a Spanish letter warns)."""
    words = re.findall(r"[a-záéíóúüñ']+", text.casefold())
    return any(word in _ENGLISH_WORDS for word in words)


def first_name(name: str) -> str:
    """The name a letter calls the child by after the first mention."""
    return name.split()[0] if name.split() else name


def age_on(birth: date, day: date) -> int:
    """Age in whole years on `day` (born February 29: a year older on March 1)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class Section(dict[str, Any]):
    """A mapping templates read as `name.key`. Keys whose value is None are left out, so a
    template can only print a value that exists; a missing one fails with its full path."""

    def __init__(self, path: str, values: Mapping[str, Any]) -> None:
        super().__init__((k, v) for k, v in values.items() if v is not None)
        self.plancli_path = path


def date_section(path: str, day: date, lang: str) -> Section:
    """A date as templates print it: `.iso`, `.long`, `.full` and `.weekday`."""
    words = wording(lang)
    return Section(
        path,
        {
            "iso": day.isoformat(),
            "long": words.long_date(day),
            "full": words.full_date(day),
            "weekday": words.weekday(day),
        },
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _plan_value(plan: Plan, key: str) -> object:
    """The plan's value at a dotted key such as "child.concerns" (None when a part is absent)."""
    value: object = plan
    for part in key.split("."):
        value = getattr(value, part, None)
    return value


class Draft:
    """A letter being put together: its values so far, and every missing one and warning.

    Nothing is rendered until `fail_if_missing` has passed, so one message lists every value
    the letter still needs.
    """

    def __init__(self, letter: Letter | None, name: str, plan: Plan, on: date, lang: str) -> None:
        self.letter = letter  # None for a user's own letter (a template only)
        self.name = name
        self.plan = plan
        self.on = on
        self.lang = lang
        self.words: Wording = wording(lang)
        self.missing: list[str] = []
        self.warnings: list[str] = []
        self.values: dict[str, Any] = {}
        self.english: list[str] = []  # values a Spanish letter prints as typed in English
        self.facts: dict[str, Any] = {}  # what a letter's function found, for the advice after it
        # Every language the document is written in (`--lang es+en`): language access is
        # asked for when one of them is not English.
        self.languages: tuple[str, ...] = (lang,)

    def warn(self, message: str) -> None:
        """A warning, once: the same message twice is one warning (SPEC §6)."""
        if message not in self.warnings:
            self.warnings.append(message)

    @property
    def age(self) -> int:
        return age_on(self.plan.child.birth_date, self.on)

    # -- --set values ---------------------------------------------------------------------

    def parse(self, pairs: Sequence[tuple[str, str]]) -> None:
        for key, raw in pairs:
            spec = self.letter.field(key) if self.letter is not None else None
            if self.letter is not None and spec is None:
                known = ", ".join(f.name for f in self.letter.fields) or _("none")
                self.warn(
                    _(
                        "--set {key}: the letter {name} does not use it (its fields: {known}); "
                        "ignored."
                    ).format(key=key, name=self.name, known=known)
                )
                continue
            if spec is None:  # a user's own letter: every value is text
                self.values[key] = raw.strip()
                continue
            value = _value(spec, raw)
            if spec.kind == "list" and isinstance(value, list) and key in self.values:
                value = [*self.values[key], *value]
            if value not in (None, "", []):
                self.values[key] = value

    def require_fields(self) -> None:
        """Fill in defaults, and note every required field that has no value."""
        assert self.letter is not None
        for spec in self.letter.fields:
            if spec.name in self.values:
                continue
            default = _plan_value(self.plan, spec.default_from) if spec.default_from else None
            if isinstance(default, list | tuple) and default:  # child.concerns
                self.values[spec.name] = list(default)
                continue
            if spec.kind == "flag":
                self.values[spec.name] = spec.default
                continue
            if spec.required:
                self.missing.append(_missing_field(spec))

    def fields(self) -> Section:
        """The letter's values as templates read them (`fields.concerns`). In a Spanish letter
        the concerns a plan lists in English come from the glossary; any other value is the
        family's own text, printed as typed (and noted when it looks English)."""
        shown: dict[str, Any] = {}
        for key, value in self.values.items():
            if isinstance(value, date):
                shown[key] = date_section(f"fields.{key}", value, self.lang)
            elif isinstance(value, list):
                shown[key] = [self._typed(key, item) for item in value]
            elif isinstance(value, str) and key not in _NOT_WORDS:
                shown[key] = self._typed(key, value)
            else:
                shown[key] = value
        return Section("fields", shown)

    def _typed(self, key: str, text: str) -> str:
        if self.lang != "es":
            return text
        if key == "concerns":
            spanish = glossary.concern_es(text)
            if spanish is not None:
                return spanish
        if looks_english(text) and text not in self.english:
            self.english.append(text)
        return text

    def english_warning(self) -> None:
        """One warning for every value of a Spanish letter that still looks English."""
        if self.english:
            shown = "; ".join(f"«{t[:40]}»" for t in self.english)
            self.warn(
                _(
                    "This Spanish letter prints values that look English as you typed them: "
                    "{values}. To have the letter all in Spanish, give them in Spanish with "
                    "--set (or in the plan)."
                ).format(values=shown)
            )

    # -- plan values ----------------------------------------------------------------------

    def need(self, key: str, value: str | None) -> str | None:
        if value is None or not value.strip():
            what, how = PLAN_HINTS[key]
            self.missing.append(
                _("{key}: {what}: {how} in the plan file.").format(
                    key=key, what=_(what), how=_(how)
                )
            )
            return None
        return value

    def sender(self) -> Section:
        family = self.plan.family
        if family.relationship == "student":  # the student writes and signs
            name: str | None = self.plan.child.name
        else:
            name = self.need("family.parent_name", family.parent_name)
        address = self.need("family.address", family.address)
        return Section(
            "sender",
            {
                "name": name,
                "address_lines": _lines(address or ""),
                "phone": family.phone or None,
                "email": family.email or None,
            },
        )

    def child(self) -> Section:
        child = self.plan.child
        school = self.plan.school
        center = self.plan.regional_center
        return Section(
            "child",
            {
                "name": child.name,
                "first": first_name(child.name),
                "birth_date": date_section("child.birth_date", child.birth_date, self.lang),
                "concerns": list(child.concerns),
                "school": school.name if school is not None and school.name else None,
                "uci": center.uci if center is not None and center.uci else None,
                # 18 or older on the letter's date: letters do not write as for a minor.
                "adult": age_on(child.birth_date, self.on) >= ADULT_AGE,
            },
        )

    def writer(self, kind: str) -> Section:
        """Who writes and signs (`family.relationship`, `family.parent_role`), checked against
        the person's age on the letter's date: at 18 the rights are the student's own."""
        family = self.plan.family
        relationship = family.relationship or "parent"
        authorizes = bool(self.values.get("student_authorizes"))
        adult = self.age >= ADULT_AGE
        if adult:
            self._check_adult(kind, relationship, authorizes=authorizes)
        elif relationship == "student":
            raise LetterError(
                _(
                    "family.relationship is student, but {first} is {age} on {date}: until 18 "
                    "a parent or guardian signs these letters. Set family.relationship to who "
                    "you are (parent, guardian, foster-parent, educational-rights-holder, "
                    "other). Nothing was written."
                ).format(
                    first=first_name(self.plan.child.name),
                    age=self.age,
                    date=self.on.isoformat(),
                )
            )
        elif authorizes:
            self.warn(
                _(
                    "--set student_authorizes: {first} is under 18 on {date}, so the letter "
                    "has no authorization line; ignored."
                ).format(first=first_name(self.plan.child.name), date=self.on.isoformat())
            )
        return Section(
            "writer",
            {
                "relationship": relationship,
                "role": family.parent_role or "",
                "self": relationship == "student",
                "authorized": adult and authorizes and relationship != "student",
                "name": family.parent_name or None,
            },
        )

    def _check_adult(self, kind: str, relationship: str, *, authorizes: bool) -> None:
        signers = ADULT_SIGNERS["district" if kind == "district" else "regional center"]
        if relationship in signers or authorizes:
            return
        first = first_name(self.plan.child.name)
        if kind == "district":
            message = _(
                "{first} is 18 or older on {date}, so {first}'s education rights belong to "
                "{first} (Cal. Educ. Code § 56041.5): a letter signed by a parent would claim "
                "rights the parent no longer holds. Either let {first} sign it (set "
                "`relationship: student` under `family:`), or have {first} sign an "
                "authorization line (--set student_authorizes=true), or, if a court appointed "
                "you conservator or {first} gave you the educational rights, set "
                "`relationship: conservator` or `relationship: educational-rights-holder`. "
                "Nothing was written."
            )
        else:
            message = _(
                "{first} is 18 or older on {date}, so the regional center deals with {first}, "
                "or with a conservator, or with an authorized representative {first} named on "
                "DDS form DS 1819. Either let {first} sign the letter (set `relationship: "
                "student` under `family:`), or have {first} sign an authorization line and "
                "attach form DS 1819 (--set student_authorizes=true), or, if a court "
                "appointed you conservator, set `relationship: conservator`. Nothing was "
                "written."
            )
        raise LetterError(message.format(first=first, date=self.on.isoformat()))

    def access(self) -> Section | None:
        """Language access (SPEC §6.1): the language of the interpreter and translated
        documents to ask for, when the letter or the family's language is not English, or
        `--set interpreter=` names one; None otherwise."""
        typed = self.values.get("interpreter")
        family = self.plan.family.language
        if typed:
            language = str(typed)
        elif family and family != "en":
            language = family
        else:
            language = next((lang for lang in self.languages if lang != "en"), "")
        if not language or language_code(language) == "en":
            return None
        name = self.words.language(language)
        return Section("access", {"lang": name, "code": language_code(language)})

    def recipient(self, kind: str, *, required: bool = True) -> Section | None:
        """The district ("district") or the regional center (any other kind); without
        `required`, None when the plan does not name it."""
        if kind == "district":
            return self._district(required=required)
        if kind == "dds":
            return self._dds()
        return self._regional_center(required=required)

    def _dds(self) -> Section:
        """The Department of Developmental Services' appeals unit: no public source gave a
        mailing address (rules.agencies.DDS_APPEALS), so the advice after the letter says how
        to send it."""
        words = self.words
        return Section(
            "recipient",
            {
                "kind": "dds",
                "organization": words.dds,
                "the": words.the_dds,
                "salutation": words.salutation(None),
                "lines": [words.dds, words.dds_appeals],
            },
        )

    def _district(self, *, required: bool) -> Section | None:
        school = self.plan.school
        district = school.district if school is not None else None
        name = school.name if school is not None else None
        address = school.address if school is not None else None
        if required:
            if not (district or name):
                self.need("school.district", None)
            self.no_address("school.address", address)
        elif not (district or name):
            return None
        contact = school.contact if school is not None else None
        lines = [line for line in (contact, name, district) if line]
        return Section(
            "recipient",
            {
                "kind": "district",
                "person": contact or None,
                "salutation": self.words.salutation(contact or None),
                "organization": district or name,
                "the": self.words.the_district,
                "lines": [*lines, *_lines(address or "")],
            },
        )

    def _regional_center(self, *, required: bool) -> Section | None:
        center = self.plan.regional_center
        name = center.name if center is not None else None
        address = center.address if center is not None else None
        if required:
            self.need("regional_center.name", name)
            self.no_address("regional_center.address", address)
        elif not name:
            return None
        coordinator = center.service_coordinator if center is not None else None
        return Section(
            "recipient",
            {
                "kind": "regional center",
                "person": coordinator or None,
                "salutation": self.words.salutation(coordinator or None),
                "organization": name,
                "the": self.words.the_regional_center,
                "lines": [line for line in (coordinator, name) if line] + _lines(address or ""),
            },
        )

    def no_address(self, key: str, address: str | None) -> None:
        """A recipient without an address still gets the letter (by hand or email): warn."""
        if address is None or not address.strip():
            self.warn(
                _(
                    "{key} is not in the plan, so the letter has no address for the recipient; "
                    "to mail it, {how} in the plan file."
                ).format(key=key, how=_(PLAN_HINTS[key][1]))
            )

    def fail_if_missing(self) -> None:
        if not self.missing:
            return
        count = len(self.missing)
        lines = [
            ngettext(
                "The letter {name} needs {n} value that is missing:",
                "The letter {name} needs {n} values that are missing:",
                count,
            ).format(name=self.name, n=count),
            *(f"  {m}" for m in self.missing),
            _("Nothing was written; add the missing values and run the command again."),
        ]
        raise LetterError("\n".join(lines))


def _value(spec: LetterField, raw: str) -> Any:
    """A `--set` value as its field's kind: a list, a date, a yes/no flag or text."""
    text = raw.strip()
    if spec.kind == "list":
        return [part.strip() for part in text.split(";") if part.strip()]
    if spec.kind == "date":
        try:
            if not _ISO_DATE.fullmatch(text):
                raise ValueError(text)
            return date.fromisoformat(text)
        except ValueError:
            raise LetterError(
                _("--set {key}: expected a date as YYYY-MM-DD, got {value}.").format(
                    key=spec.name, value=repr(text[:40])
                )
            ) from None
    if spec.kind == "flag":
        answer = yes_no(text)
        if answer is not None:
            return answer
        raise LetterError(
            _(
                "--set {key}: expected yes or no, got {value}. Accepted for yes: {yes}; for no: "
                "{no} (in any case)."
            ).format(
                key=spec.name,
                value=repr(text[:40]),
                yes=", ".join(TRUE_WORDS),
                no=", ".join(FALSE_WORDS),
            )
        )
    return text


def _missing_field(spec: LetterField) -> str:
    """One line of the missing-values message: the field, what it is, and how to give it."""
    if spec.default_from:
        section, key = spec.default_from.split(".")[0], spec.default_from.split(".")[-1]
        return _(
            "{key}: {help}. Give it with {example}, or add it to the plan as `{plan_key}: [...]` "
            "under `{section}:`."
        ).format(
            key=spec.name, help=_(spec.help), example=spec.example, plan_key=key, section=section
        )
    return _("{key}: {help}. Give it with {example}.").format(
        key=spec.name, help=_(spec.help), example=spec.example
    )
