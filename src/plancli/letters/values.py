"""A letter's values: `--set` values, the plan's sender, child and recipient, as templates read
them (`Section`), and every missing one collected before anything is rendered."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from plancli.errors import LetterError
from plancli.letters.catalogue import Letter, LetterField
from plancli.letters.wording import Wording, wording
from plancli.model import Plan
from plancli.vocab import FALSE_WORDS, TRUE_WORDS, yes_no

ADULT_AGE = 18

# What plancli needs from the plan for the sender and recipient blocks, and how to add it.
PLAN_HINTS = {
    "family.parent_name": "your name, as you sign the letter: add `parent_name: Your Name` "
    "under `family:`",
    "family.address": 'your mailing address: add `address: "123 Main St, City, CA 90000"` '
    "under `family:`",
    "school.district": "the school district's name: add `district: ... School District` "
    "under `school:`",
    "school.address": "the district's (or school's) mailing address: add "
    '`address: "..."` under `school:`',
    "regional_center.name": "the regional center's name: add `name: ... Regional Center` "
    "under `regional_center:`",
    "regional_center.address": "the regional center's mailing address: add "
    '`address: "..."` under `regional_center:`',
}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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

    # -- --set values ---------------------------------------------------------------------

    def parse(self, pairs: Sequence[tuple[str, str]]) -> None:
        for key, raw in pairs:
            spec = self.letter.field(key) if self.letter is not None else None
            if self.letter is not None and spec is None:
                known = ", ".join(f.name for f in self.letter.fields) or "none"
                self.warnings.append(
                    f"--set {key}: the letter {self.name} does not use it (its fields: {known}); "
                    "ignored."
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
                where = (
                    f", or add it to the plan as `{spec.default_from.split('.')[-1]}: [...]` under "
                    f"`{spec.default_from.split('.')[0]}:`"
                    if spec.default_from
                    else ""
                )
                self.missing.append(
                    f"{spec.name}: {spec.help}. Give it with {spec.example}{where}."
                )

    def fields(self) -> Section:
        """The letter's values as templates read them (`fields.concerns`)."""
        return Section(
            "fields",
            {
                key: date_section(f"fields.{key}", value, self.lang)
                if isinstance(value, date)
                else value
                for key, value in self.values.items()
            },
        )

    # -- plan values ----------------------------------------------------------------------

    def need(self, key: str, value: str | None) -> str | None:
        if value is None or not value.strip():
            self.missing.append(f"{key}: {PLAN_HINTS[key]} in the plan file.")
            return None
        return value

    def sender(self) -> Section:
        family = self.plan.family
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
                "birth_date": date_section("child.birth_date", child.birth_date, self.lang),
                "concerns": list(child.concerns),
                "school": school.name if school is not None and school.name else None,
                "uci": center.uci if center is not None and center.uci else None,
                # 18 or older on the letter's date: letters do not write as for a minor.
                "adult": age_on(child.birth_date, self.on) >= ADULT_AGE,
            },
        )

    def recipient(self, kind: str, *, required: bool = True) -> Section | None:
        """The district ("district") or the regional center (any other kind); without
        `required`, None when the plan does not name it."""
        if kind == "district":
            return self._district(required=required)
        return self._regional_center(required=required)

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
                "organization": name,
                "the": self.words.the_regional_center,
                "lines": [line for line in (coordinator, name) if line] + _lines(address or ""),
            },
        )

    def no_address(self, key: str, address: str | None) -> None:
        """A recipient without an address still gets the letter (by hand or email): warn."""
        if address is None or not address.strip():
            self.warnings.append(
                f"{key} is not in the plan, so the letter has no address for the recipient; "
                f"to mail it, {PLAN_HINTS[key].split(': ', 1)[1]} in the plan file."
            )

    def fail_if_missing(self) -> None:
        if not self.missing:
            return
        count = len(self.missing)
        lines = [
            f"The letter {self.name} needs {count} value{'s' if count > 1 else ''} that "
            f"{'are' if count > 1 else 'is'} missing:",
            *(f"  {m}" for m in self.missing),
            "Nothing was written; add the missing values and run the command again.",
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
                f"--set {spec.name}: expected a date as YYYY-MM-DD, got {text[:40]!r}."
            ) from None
    if spec.kind == "flag":
        answer = yes_no(text)
        if answer is not None:
            return answer
        raise LetterError(
            f"--set {spec.name}: expected yes or no, got {text[:40]!r}. Accepted for yes: "
            f"{', '.join(TRUE_WORDS)}; for no: {', '.join(FALSE_WORDS)} (in any case)."
        )
    return text
