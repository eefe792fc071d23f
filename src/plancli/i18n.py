"""The interface's language (SPEC §9): which one, and the words in it.

Messages are marked in the source in English and translated through GNU gettext catalogs
(`locale/es/LC_MESSAGES/plancli.mo`, compiled from `plancli.po` with Babel):

    from plancli.i18n import _, ngettext, N_

    _("The plan file was not changed.")                  # a message, translated when called
    ngettext("{n} problem", "{n} problems", n).format(n=n)  # plurals: the catalog's own rule
    TITLE = N_("Deadlines")                              # marked only; `_(TITLE)` when shown

`_()` translates at the moment it is called, so module-level text is marked with `N_()` and
translated where it is shown: the language is chosen once the command line has been read.
English is the source language: with English in force nothing is loaded and `_()` returns its
argument, so the catalog costs nothing to the English start-up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from plancli.vocab import LANGUAGES

if TYPE_CHECKING:
    from gettext import GNUTranslations

DEFAULT_LANGUAGE = "en"  # the language of the source messages
DOMAIN = "plancli"  # the catalog's file name: locale/<lang>/LC_MESSAGES/plancli.mo
LANGUAGE_VARIABLE = "PLANCLI_LANG"
# POSIX order: the first of these that is set and not empty is the locale for messages.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def language_of(value: str) -> str | None:
    """The plancli language a language or locale name means, or None.

    "es", "ES", "es_MX.UTF-8", "es-419" and "es_US@euro" are Spanish; "en_US.UTF-8" is English;
    "C", "POSIX", "fr_FR" and "" are none of plancli's languages.
    """
    primary = value.strip().replace("-", "_").split("_", 1)[0].split(".", 1)[0]
    primary = primary.split("@", 1)[0].casefold()
    return primary if primary in LANGUAGES else None


def resolve_language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The interface language, SPEC §9: `--lang`, else PLANCLI_LANG, else the locale, else English.

    An explicit `--lang` that is not a plancli language is an error (the user asked for it);
    an environment value plancli does not know falls back to English, as gettext does.
    """
    if option is not None:
        language = language_of(option)
        if language is None:
            from plancli.errors import UnknownLanguageError  # errors.py itself uses `_()`

            raise UnknownLanguageError(
                _("'{value}' is not a language plancli speaks. Use --lang en or --lang es.").format(
                    value=option
                )
            )
        return language
    env = os.environ if environ is None else environ
    chosen = env.get(LANGUAGE_VARIABLE, "").strip()
    if chosen:
        return language_of(chosen) or DEFAULT_LANGUAGE
    for name in LOCALE_VARIABLES:
        value = env.get(name, "").strip()
        if value:
            # Only Spanish is read off the locale; any other locale ("C", "fr_FR") is English.
            return "es" if language_of(value) == "es" else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


_current = DEFAULT_LANGUAGE
_catalog: GNUTranslations | None = None  # None while English, the source language, is in force


def set_language(language: str) -> str:
    """Make `language` the interface language of this process; return the previous one.

    The CLI calls it once, with `resolve_language(--lang)`, before printing anything; tests
    call it to switch and then restore the previous language.
    """
    global _current, _catalog
    if language not in LANGUAGES:
        from plancli.errors import UnknownLanguageError

        raise UnknownLanguageError(f"'{language}' is not one of {', '.join(LANGUAGES)}.")
    previous = _current
    _catalog = None if language == DEFAULT_LANGUAGE else load_catalog(language)
    _current = language
    return previous


def current_language() -> str:
    return _current


@cache
def load_catalog(language: str) -> GNUTranslations:
    """The compiled catalog shipped in the package, read once per process.

    Read from the package's folder when it is one (an ordinary install): importlib.resources
    costs ~10 ms of imports at start-up, which a Spanish command would pay every time; a
    package inside a zip file is read through it.
    """
    from gettext import GNUTranslations
    from pathlib import Path

    from plancli.errors import PlancliError

    parts = ("locale", language, "LC_MESSAGES", f"{DOMAIN}.mo")
    path = Path(__file__).parent.joinpath(*parts)
    try:
        if path.is_file():
            with path.open("rb") as stream:
                return GNUTranslations(stream)
        from importlib.resources import files

        with files("plancli").joinpath(*parts).open("rb") as stream:
            return GNUTranslations(stream)
    except OSError:
        # Not translated: the catalog that would translate it is the one missing.
        raise PlancliError(
            f"The '{language}' message catalog is missing from this installation of plancli "
            f"(locale/{language}/LC_MESSAGES/{DOMAIN}.mo). Reinstall plancli, or use --lang en."
        ) from None


def _(message: str) -> str:
    """`message` in the interface language (the English source when it has no translation)."""
    catalog = _catalog
    return message if catalog is None else catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` under the catalog's Plural-Forms (Spanish has its own rule).

    In English the source's two forms are chosen as gettext's own fallback does.
    """
    catalog = _catalog
    if catalog is None:
        return singular if n == 1 else plural
    return catalog.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` translated in `context`: for short words that translate differently by use."""
    catalog = _catalog
    return message if catalog is None else catalog.pgettext(context, message)


def translate(message: str, language: str) -> str:
    """`message` in `language`, whatever the interface speaks: for what has its own language
    (JSON notes stay English, a letter and the case record have theirs). English is the
    source text."""
    if language == DEFAULT_LANGUAGE:
        return message
    return load_catalog(language).gettext(message)


def translate_plural(singular: str, plural: str, n: int, language: str) -> str:
    """`ngettext` in `language` (the catalog's Plural-Forms; English as gettext's fallback)."""
    if language == DEFAULT_LANGUAGE:
        return singular if n == 1 else plural
    return load_catalog(language).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the name the extraction tools know
    """Mark `message` for the catalog without translating it yet (module-level text)."""
    return message
