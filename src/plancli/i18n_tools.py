"""Keeping the message catalogs up to date (a developer's tool; needs Babel, the `test` extra).

After changing, adding or removing a marked message, from the repository's root:

    python -m plancli.i18n_tools update    # extract -> plancli.pot, merge into each .po, compile
    (translate the new or fuzzy entries of src/plancli/locale/es/LC_MESSAGES/plancli.po)
    python -m plancli.i18n_tools compile   # .po -> .mo, after translating
    python -m plancli.i18n_tools check     # what the catalog tests check, in plain words

`babel.cfg` says which files are read and how; the same extraction runs under `pybabel
extract -F babel.cfg -o src/plancli/locale/plancli.pot src`. Rule titles and plain statements
are not marked in the rule modules (they are data): `extract_rules` reads them off each module's
`RULES` (with the variants' conditions and the conflict notes) and gives them to Babel as
messages.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import io
import re
import sys
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from plancli.i18n import DOMAIN

ROOT = Path(__file__).resolve().parents[2]  # the source checkout: src/plancli/i18n_tools.py
SOURCE_DIR = ROOT / "src"
MAPPING_FILE = ROOT / "babel.cfg"
LOCALE_DIR = ROOT / "src" / "plancli" / "locale"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
TRANSLATED = ("es",)  # every language but English, the source
WIDTH = 100  # the project's line length; Babel wraps longer msgid lines

# Header lines that change on every run; a catalog that differs only there is not rewritten.
_VOLATILE_HEADER = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def extract_rules(
    fileobj: Any, keywords: Any, comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[Any, ...]]:
    """Babel extractor for a rule module: each rule's title, plain statement, conditions
    (variants' `when`) and conflict note (where the sources disagree). Quotes of the law are
    not extracted: they stay in the language of their source.

    Also yields the module's ordinary marked messages, so `_()` in a rule module is not lost
    (Babel uses the first method whose pattern matches a file).
    """
    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)  # type: ignore[arg-type]
    module = importlib.import_module(_module_name(Path(fileobj.name)))
    text = source.decode("utf-8")
    for rule in getattr(module, "RULES", ()):
        lineno = _line_of(text, f'"{rule.id}"')
        yield lineno, None, rule.title, [f"rule {rule.id}: title"]
        yield lineno, None, rule.summary, [f"rule {rule.id}: plain statement of the law"]
        for variant in rule.variants:
            yield lineno, None, variant.when, [f"rule {rule.id}: when another period applies"]
        if rule.conflict:
            yield lineno, None, rule.conflict, [f"rule {rule.id}: where the sources disagree"]


def extract_commands(
    fileobj: Any, keywords: Any, comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[Any, ...]]:
    """Babel extractor for a command module: each command's docstring, which is its `--help`.

    Typer shows a command's docstring (cleaned as `inspect.getdoc` cleans it) as its help, so a
    function decorated with `@<app>.command(...)` or `@<app>.callback(...)` gives its docstring
    as a message; the module's ordinary marked messages come too.
    """
    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)  # type: ignore[arg-type]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and any(map(_is_command, node.decorator_list)):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                yield node.lineno, None, doc, [f"--help of {node.name.replace('_', '-')}"]


def _is_command(decorator: ast.expr) -> bool:
    return (
        isinstance(decorator, ast.Call)
        and isinstance(decorator.func, ast.Attribute)
        and decorator.func.attr in ("command", "callback")
    )


def _module_name(path: Path) -> str:
    parts = path.resolve().with_suffix("").parts
    start = len(parts) - 1 - parts[::-1].index("plancli")
    return ".".join(parts[start:])


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def extract_catalog() -> Catalog:
    """A fresh extraction of every marked message and rule text in the source."""
    with MAPPING_FILE.open() as stream:
        method_map, options_map = parse_mapping_cfg(stream, str(MAPPING_FILE))  # type: ignore[no-untyped-call]
    catalog = Catalog(
        project="plancli",
        charset="utf-8",
        fuzzy=False,
        header_comment=(
            "# Messages of plancli, extracted from the source by plancli.i18n_tools.\n"
            "# Do not edit: run `python -m plancli.i18n_tools update`.\n#"
        ),
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE_DIR), method_map, options_map
    ):
        catalog.add(
            message,
            None,
            [(Path(filename).as_posix(), lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def update() -> None:
    """Extract into the template, merge it into each translation, and compile them."""
    template = extract_catalog()
    _write_if_changed(TEMPLATE, _po_bytes(template))
    for language in TRANSLATED:
        if po_path(language).exists():
            with po_path(language).open("rb") as stream:
                catalog = read_po(stream, locale=language)
        else:  # a new language: its catalog starts from the template
            catalog = Catalog(locale=language, project="plancli", charset="utf-8", fuzzy=False)
        catalog.update(template, no_fuzzy_matching=False)
        _write_if_changed(po_path(language), _po_bytes(catalog))
    compile_all()


def compile_all() -> None:
    for language in TRANSLATED:
        _write_if_changed(mo_path(language), compiled(language))


def compiled(language: str) -> bytes:
    """The .mo that the committed .po compiles to (fuzzy entries left out, as gettext does)."""
    with po_path(language).open("rb") as stream:
        catalog = read_po(stream, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def untranslated(language: str) -> list[str]:
    """Msgids of a fresh extraction with no usable translation (missing, empty or fuzzy)."""
    with po_path(language).open("rb") as stream:
        catalog = read_po(stream, locale=language)
    missing = []
    for message in extract_catalog():
        if not message.id:
            continue  # the header
        entry = catalog.get(message.id, context=message.context)
        strings = entry.string if entry is not None else ""
        forms = strings if isinstance(strings, tuple) else (strings,)
        if entry is None or entry.fuzzy or not all(forms):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def _po_bytes(catalog: Catalog) -> bytes:
    # Sorted, without source lines: adding a message anywhere in the code changes only that
    # message's entry, so two branches that add messages merge without conflicts.
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=WIDTH,
        ignore_obsolete=True,
        include_previous=True,
        sort_output=True,
        no_location=True,
    )
    return buffer.getvalue()


def _write_if_changed(path: Path, content: bytes) -> None:
    if path.exists() and _VOLATILE_HEADER.sub(b"", path.read_bytes()) == _VOLATILE_HEADER.sub(
        b"", content
    ):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    print(f"wrote {path.relative_to(ROOT)}")


def check() -> int:
    problems = 0
    for language in TRANSLATED:
        for msgid in untranslated(language):
            print(f"{po_path(language).relative_to(ROOT)}: no translation for {msgid!r}")
            problems += 1
        if mo_path(language).read_bytes() != compiled(language):
            print(f"{mo_path(language).relative_to(ROOT)} is stale: run compile")
            problems += 1
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plancli.i18n_tools", description=__doc__)
    parser.add_argument("action", choices=("update", "compile", "check"))
    action = parser.parse_args(argv).action
    if not MAPPING_FILE.exists():
        print(f"{MAPPING_FILE} not found: run this from a source checkout.", file=sys.stderr)
        return 1
    if action == "update":
        update()
    elif action == "compile":
        compile_all()
    return check()


if __name__ == "__main__":
    raise SystemExit(main())
