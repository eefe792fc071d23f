"""Letter templates: finding the built-in and the user's, and rendering them with Jinja2.

The only module that imports jinja2. Built-in templates live in
`templates/letters/NAME.LANG.md.j2` (installed as package data, `plancli/templates/letters/`)
and are read with importlib.resources. A folder of user templates (`--templates DIR`)
overrides or adds templates; with one, every template is rendered in Jinja2's sandbox, which
also refuses results too large to hold in memory.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from plancli.errors import LetterError
from plancli.i18n import _
from plancli.letters.values import Section
from plancli.letters.wording import full_date, long_date
from plancli.vocab import LANGUAGES

TEMPLATE_SUFFIX = ".md.j2"
NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")  # a letter's name, as a template file names it


class _MissingValue(jinja2.StrictUndefined):
    """StrictUndefined whose message names the value as the template wrote it (`sender.fax`)."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        owner = self._undefined_obj
        if isinstance(owner, Section) and isinstance(self._undefined_name, str):
            return _("{name} has no value").format(
                name=f"{owner.plancli_path}.{self._undefined_name}"
            )
        return str(super()._undefined_message)


def _finalize(value: object) -> object:
    """The last guard against a blank in a letter: nothing prints as 'None'."""
    if value is None:
        raise LetterError(
            _("A letter template printed an empty value (None); nothing was written.")
        )
    return value


def builtin_folder() -> Traversable:
    """The folder of the built-in templates, inside the installed package."""
    return resources.files("plancli") / "templates" / "letters"


def builtin_names() -> list[str]:
    """The file names of the built-in templates (NAME.LANG.md.j2, and _base/_macros)."""
    folder = builtin_folder()
    return sorted(item.name for item in folder.iterdir() if item.name.endswith(TEMPLATE_SUFFIX))


def load_builtin(name: str) -> tuple[str, str, Callable[[], bool]] | None:
    """A built-in template's text, as Jinja2's FunctionLoader takes it; None if there is none."""
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    resource = builtin_folder() / name
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8"), f"plancli/templates/letters/{name}", _unchanged


def _unchanged() -> bool:
    return True


def _as_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, Mapping) and "iso" in value:
        value = value["iso"]
    return date.fromisoformat(str(value))


@jinja2.pass_context
def _longdate_filter(context: jinja2.runtime.Context, value: object) -> str:
    return long_date(_as_date(value), str(context.get("lang", "en")))


@jinja2.pass_context
def _fulldate_filter(context: jinja2.runtime.Context, value: object) -> str:
    return full_date(_as_date(value), str(context.get("lang", "en")))


class _Sandbox(SandboxedEnvironment):
    """Jinja2's sandbox, also refusing huge repeated strings and powers (memory)."""

    intercepted_binops = frozenset({"*", "**"})
    LIMIT = 100_000

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        numbers = [v for v in (left, right) if isinstance(v, int)]
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError(_("a power this large is not allowed in a letter template"))
        integers = isinstance(left, int) and isinstance(right, int)
        bits = abs(left).bit_length() * right if integers else 0  # (9 ** 64) ** 64 ** ...
        if operator == "**" and bits > 10 * self.LIMIT:
            raise SecurityError(_("a power this large is not allowed in a letter template"))
        sizes = [len(v) for v in (left, right) if isinstance(v, str | list | tuple)]
        # The size of the result, not only the count: 'x' * 99999 * 99999 is 10 GB.
        if operator == "*" and sizes and any(n > self.LIMIT // max(sizes[0], 1) for n in numbers):
            raise SecurityError(_("repeating text this many times is not allowed"))
        return super().call_binop(context, operator, left, right)


def _bullets_filter(items: object) -> str:
    """A list as Markdown bullets, one per line ('- reading')."""
    if isinstance(items, str):
        items = [part.strip() for part in items.split(";") if part.strip()]
    if not isinstance(items, Sequence):
        raise LetterError(_("The `bullets` filter takes a list (or text as `a; b; c`)."))
    return "\n".join(f"- {item}" for item in items)


def _bare_filter(citation: object) -> str:
    """A Spanish citation inside parentheses: without its article, and the acronym of a code in
    brackets ('(artículo 56029 del Código de Educación de California)', '(título 34 del Código
    de Regulaciones Federales [CFR], sección 300.503)')."""
    text = str(citation)
    for article in ("el ", "los "):
        text = text.replace(", y " + article, "; " + article)  # the last of several codes
    for article in ("el ", "los "):
        text = text.replace("; " + article, "; ")
        text = text.removeprefix(article)
    for acronym in ("CFR", "CCR", "USC"):
        text = text.replace(f"({acronym})", f"[{acronym}]")
    return text


def _capfirst_filter(text: object) -> str:
    """The first letter as a capital, the rest as it is (a citation that starts a sentence)."""
    value = str(text)
    return value[:1].upper() + value[1:]


_CLOCK = re.compile(r"(?i)\b(\d{1,2}(?::\d{2})?)\s*([ap])\.?\s*m\.?(?=\W|$)")


def _hora_filter(text: object) -> str:
    """A time typed as '3:30 PM', written the Spanish way: '3:30 p. m.'."""
    return _CLOCK.sub(lambda m: f"{m.group(1)} {m.group(2).lower()}. m.", str(text))


def _configure(environment: jinja2.Environment) -> jinja2.Environment:
    environment.filters["longdate"] = _longdate_filter
    environment.filters["fulldate"] = _fulldate_filter
    environment.filters["bullets"] = _bullets_filter
    environment.filters["bare"] = _bare_filter
    environment.filters["capfirst"] = _capfirst_filter
    environment.filters["hora"] = _hora_filter
    return environment


def _environment(user_dir: Path | None) -> jinja2.Environment:
    options: dict[str, Any] = {
        "undefined": _MissingValue,
        "autoescape": False,
        "keep_trailing_newline": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "finalize": _finalize,
    }
    builtin = jinja2.FunctionLoader(load_builtin)
    if user_dir is None:
        return _configure(jinja2.Environment(loader=builtin, **options))
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(user_dir)), builtin])
    return _configure(_Sandbox(loader=loader, **options))


def _template_place(error: BaseException, name: str) -> str:
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return _("{file}, line {line}").format(
                file=Path(frame.filename).name, line=frame.lineno
            )
    return name


def render(template_name: str, context: Mapping[str, Any], user_dir: Path | None) -> str:
    """The template rendered with `context` (in the sandbox when there is a user folder).

    Every problem in a template is a LetterError naming the template and line.
    """
    environment = _environment(user_dir)
    try:
        text = environment.get_template(template_name).render(context)
        # One blank line between paragraphs, whatever the template's own whitespace.
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    except LetterError:
        raise
    except jinja2.TemplateSyntaxError as error:
        place = _("{file}, line {line}").format(
            file=Path(error.filename or error.name or template_name).name, line=error.lineno
        )
        raise LetterError(
            _("Template {place}: {problem}. Fix the template; nothing was written.").format(
                place=place, problem=error.message
            )
        ) from None
    except jinja2.TemplateNotFound as error:
        raise LetterError(
            _(
                "Template {name} not found (used by {template}). Add it to the templates folder; "
                "nothing was written."
            ).format(name=error.name, template=template_name)
        ) from None
    except SecurityError as error:
        raise LetterError(
            _(
                "{problem}. Templates from --templates run in a sandbox: they may use the "
                "letter's values (sender, recipient, child, fields, date, ...) but not Python "
                "internals. Nothing was written."
            ).format(problem=_problem(error, template_name))
        ) from None
    except jinja2.UndefinedError as error:
        raise LetterError(
            _(
                "{problem}. The template uses a value this letter does not have: check the name "
                "for a typo, or give it with --set or in the plan. Nothing was written."
            ).format(problem=_problem(error, template_name))
        ) from None
    except Exception as error:
        if user_dir is None:
            raise
        raise LetterError(
            _("{problem}. Fix the template; nothing was written.").format(
                problem=_problem(error, template_name, kind=True)
            )
        ) from None


def _problem(error: BaseException, template_name: str, *, kind: bool = False) -> str:
    """'Template NAME, line N: what went wrong' (without a final period)."""
    what = str(error).rstrip(".")
    if kind:
        what = f"{type(error).__name__}: {what}"
    return _("Template {place}: {problem}").format(
        place=_template_place(error, template_name), problem=what
    )


def user_folder(templates_dir: Path | None) -> Path | None:
    if templates_dir is None:
        return None
    if not templates_dir.is_dir():
        raise LetterError(
            _(
                "--templates {folder}: no such folder. Give the folder that holds your "
                "NAME.LANG.md.j2 templates (or unset PLANCLI_TEMPLATES)."
            ).format(folder=templates_dir)
        )
    return templates_dir


def user_names(user_dir: Path | None) -> list[str]:
    if user_dir is None:
        return []
    return sorted(p.name for p in user_dir.glob(f"*{TEMPLATE_SUFFIX}") if p.is_file())


def split_name(template: str) -> tuple[str, str] | None:
    stem = template.removesuffix(TEMPLATE_SUFFIX)
    name, _dot, lang = stem.rpartition(".")
    if not name or name.startswith("_") or lang not in LANGUAGES or not NAME.fullmatch(name):
        return None
    return name, lang
