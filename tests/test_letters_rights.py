"""SPEC §6.1, a letter must never cost the family a right: one test (or table) per bullet.

The plan is the golden files' (tests/test_letters.py, LETTER_PLAN); dates are worked out by hand
below each test. Every CLI test checks the exit code, stdout and stderr separately.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from plancli import letters, store
from plancli.letters import LETTERS_BY_NAME
from tests.test_letters import (
    DATE,
    GOLDEN,
    LETTER_PLAN,
    NAMES,
    SETS,
    SETS_ES,
    flat,
    letter_args,
    run,
)

# Sofía at 2 years 11 months on the letter's date (born 2024-01-09; three on 2027-01-09).
TODDLER = LETTER_PLAN.replace("birth_date: 2019-05-14", "birth_date: 2024-01-09")
# Sofía at 22 on the letter's date.
ADULT = LETTER_PLAN.replace("birth_date: 2019-05-14", "birth_date: 2004-05-14")
ENGLISH_FAMILY = LETTER_PLAN.replace("  language: es\n", "")


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return write(tmp_path, LETTER_PLAN)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------
# The right system for the child's age


@pytest.mark.parametrize("name", ["appeal-request", "ipp-meeting-request", "partial-agreement"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_toddler_gets_the_early_start_letters_instead(name: str, lang: str, tmp_path: Path) -> None:
    path = write(tmp_path, TODDLER)
    before = path.read_bytes()
    result = run(*letter_args(name, path, lang, "--record", "--today", DATE))
    assert result.exit_code == 1
    assert result.stdout == ""
    message = flat(result.stderr)
    # `--lang` chooses the letter's language and the terminal's alike.
    under_three = {
        "en": "Sofía is under three on 2026-12-08",
        "es": "Sofía tiene menos de tres años el 2026-12-08",
    }
    assert under_three[lang] in message
    for early_start in (
        "plancli letter ifsp-review-request",
        "plancli letter early-start-complaint",
        "plancli letter early-start-due-process-request",
        "--set system=rc",
    ):
        assert early_start in message
    assert path.read_bytes() == before  # --record added nothing


def test_system_rc_says_the_services_really_are_lanterman(tmp_path: Path) -> None:
    path = write(tmp_path, TODDLER)
    result = run(*letter_args("ipp-meeting-request", path, "en", "--set", "system=rc"))
    assert result.exit_code == 0, result.output
    assert "Individual Program Plan (IPP)" in result.stdout
    assert "Welf. & Inst. Code § 4646.5(b)" in result.stdout
    wrong = run(*letter_args("ipp-meeting-request", path, "en", "--set", "system=iep"))
    assert wrong.exit_code == 1
    assert "the only value is rc" in flat(wrong.stderr)


@pytest.mark.parametrize(("birth", "refused"), [("2023-12-09", True), ("2023-12-08", False)])
def test_three_on_the_letters_date_is_no_longer_a_toddler(
    birth: str, refused: bool, tmp_path: Path
) -> None:
    path = write(tmp_path, LETTER_PLAN.replace("2019-05-14", birth))
    result = run(*letter_args("ipp-meeting-request", path, "en"))
    assert result.exit_code == (1 if refused else 0)


def test_ifsp_review_request_for_a_toddler(tmp_path: Path) -> None:
    """34 CFR 303.342(b): a review on the family's request; no number of days is stated."""
    path = write(tmp_path, TODDLER)
    args = letter_args("ifsp-review-request", path, "en", "--record", "--today", DATE)
    result = run(*args)
    assert result.exit_code == 0, result.output
    text = flat(result.stdout)
    assert "Re: Request for a review of Sofía's IFSP" in text
    assert "(34 CFR 303.342(b); 17 CCR 52102)" in text
    assert "The law sets no number of days" in text
    assert "Recorded e3: ifsp-review-requested on 2026-12-08" in flat(result.stderr)
    assert store.load_plan(path).events[-1].type == "ifsp-review-requested"


# --------------------------------------------------------------------------------------------
# Adult students and adult consumers


@pytest.mark.parametrize("name", ["eval-request", "records-request", "recording-notice"])
def test_adult_student_letter_signed_by_a_parent_is_refused(name: str, tmp_path: Path) -> None:
    path = write(tmp_path, ADULT)
    result = run(*letter_args(name, path, "en"))
    assert result.exit_code == 1
    assert result.stdout == ""
    message = flat(result.stderr)
    assert "Sofía is 18 or older on 2026-12-08" in message
    assert "Cal. Educ. Code § 56041.5" in message
    for way in ("relationship: student", "--set student_authorizes=true", "conservator"):
        assert way in message


def test_adult_consumer_letter_names_the_authorized_representative(tmp_path: Path) -> None:
    path = write(tmp_path, ADULT)
    result = run(*letter_args("ipp-meeting-request", path, "en"))
    assert result.exit_code == 1
    message = flat(result.stderr)
    assert "authorized representative" in message
    assert "DS 1819" in message
    assert "§" not in message  # no section was confirmed for the definition: none is cited


@pytest.mark.parametrize("lang", ["en", "es"])
def test_adult_student_authorization_line(lang: str, tmp_path: Path) -> None:
    path = write(tmp_path, ADULT)
    result = run(*letter_args("eval-request", path, lang, "--set", "student_authorizes=yes"))
    assert result.exit_code == 0, result.output
    text = result.stdout
    if lang == "en":
        assert "I am writing on behalf of Sofía Núñez, a student at Lincoln Elementary" in text
        assert (
            "I, Sofía Núñez, am 18 or older and hold my own education rights. I authorize " in text
        )
        assert "\nSignature of Sofía Núñez: ______________________________  Date: " in text
        assert "Student: Sofía Núñez" in text
    else:
        assert "Le escribo en nombre de Sofía Núñez, estudiante de Lincoln Elementary" in text
        assert "Yo, Sofía Núñez, soy mayor de edad y titular de mis propios derechos" in text
        assert "\nFirma de Sofía Núñez: ______________________________  Fecha: " in text
    assert "my rights as a parent" not in text
    assert "mis derechos como" not in text


def test_adult_student_signs_the_letter(tmp_path: Path) -> None:
    path = write(tmp_path, ADULT.replace("  parent_name: Ana Núñez\n", "  relationship: student\n"))
    result = run(*letter_args("eval-request", path, "en"))
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.splitlines()[2] == "Sofía Núñez"  # the sender
    assert "I am Sofía Núñez, a student at Lincoln Elementary." in text
    assert "assessment of myself" in text
    assert "I am concerned about my:" in text
    assert "Signature: ______________________________\n\nSofía Núñez\n\nCopy:" in text


@pytest.mark.parametrize(
    ("relationship", "recipient_letter", "ok"),
    [
        ("conservator", "eval-request", True),
        ("educational-rights-holder", "eval-request", True),
        ("educational-rights-holder", "ipp-meeting-request", False),
        ("conservator", "ipp-meeting-request", True),
        ("guardian", "eval-request", False),
    ],
)
def test_who_may_sign_for_an_adult(
    relationship: str, recipient_letter: str, ok: bool, tmp_path: Path
) -> None:
    plan = ADULT.replace("  language: es\n", f"  language: es\n  relationship: {relationship}\n")
    result = run(*letter_args(recipient_letter, write(tmp_path, plan), "en"))
    assert result.exit_code == (0 if ok else 1), result.output


# --------------------------------------------------------------------------------------------
# Appeals reach the body that keeps services going


@pytest.mark.parametrize("lang", ["en", "es"])
def test_appeal_goes_to_dds_with_both_last_days(lang: str, plan_file: Path) -> None:
    """Notice received 2026-11-20, effective 2026-12-21: aid paid pending by 2026-12-20
    (30 days, before the effective date); appeal by 2027-01-19 (60 days)."""
    result = run(*letter_args("appeal-request", plan_file, lang))
    assert result.exit_code == 0, result.output
    text = flat(result.stdout)
    head = result.stdout.split("\n\n")[2]  # the recipient block
    if lang == "en":
        assert head == "Department of Developmental Services (DDS)\nLanterman Act Appeals"
        for needed in (
            "DDS form DS 1821 (or the online appeal request on DDS's appeals page)",
            "must be postmarked or received by the Department of Developmental Services by "
            "Sunday, December 20, 2026 (2026-12-20)",
            "The last day to appeal is Tuesday, January 19, 2027 (2027-01-19)",
            "I ask that the hearing order: Keep Sofía's speech therapy at two sessions a week.",
            "I need a Spanish interpreter at the informal meeting, the mediation and the hearing.",
            "Attached: the notice of action received on November 20, 2026.",
            "Copy: Central Valley Regional Center (Luis Ortega)",
        ):
            assert needed in text, needed
    else:
        assert (
            head
            == "Departamento de Servicios del Desarrollo (DDS)\nApelaciones de la Ley Lanterman"
        )
        for needed in (
            "formulario DS 1821",
            "debe llegar al Departamento de Servicios del Desarrollo (DDS), o enviarse por "
            "correo con matasellos, a más tardar el domingo 20 de diciembre de 2026 (2026-12-20)",
            "El último día para apelar es el martes 19 de enero de 2027 (2027-01-19)",
            "Pido que la decisión de la audiencia ordene lo siguiente: Que Sofía siga",
            "Necesito un intérprete de español en la reunión informal",
            "Adjunto: el aviso de acción recibido el 20 de noviembre de 2026.",
            "Copia: Central Valley Regional Center (Luis Ortega)",
        ):
            assert needed in text, needed
        assert "notificación de acción" not in text
    advice = flat(result.stderr)
    assert "2026-12-20" in advice
    assert "dds.ca.gov" in advice


# --------------------------------------------------------------------------------------------
# Language access; what advocates always include


@pytest.mark.parametrize(
    ("plan_text", "extra", "language"),
    [
        (LETTER_PLAN, (), "Spanish"),  # family.language: es, English letter
        (ENGLISH_FAMILY, ("--set", "interpreter=vi"), "Vietnamese"),
        (ENGLISH_FAMILY, ("--set", "interpreter=Tagalog"), "Tagalog"),
    ],
)
def test_language_access_paragraph(
    plan_text: str, extra: tuple[str, ...], language: str, tmp_path: Path
) -> None:
    path = write(tmp_path, plan_text)
    district = flat(run(*letter_args("eval-request", path, "en", *extra)).stdout)
    assert f"I ask the district to provide a {language} interpreter at every meeting" in district
    for law in ("34 CFR 300.322(e)", "§ 56341.5", "§ 56321(b)", "300.503(c)", "5 CCR 3040(a)"):
        assert law in district
    center = flat(run(*letter_args("ipp-meeting-request", path, "en", *extra)).stdout)
    assert f"a copy of Sofía's IPP translated into {language} (Welf. & Inst. Code § 4646)" in center


def test_no_language_access_for_an_english_speaking_family(tmp_path: Path) -> None:
    text = run(*letter_args("eval-request", write(tmp_path, ENGLISH_FAMILY), "en")).stdout
    assert "interpreter" not in text


def test_spanish_letter_asks_for_an_interpreter(tmp_path: Path) -> None:
    text = flat(run(*letter_args("eval-request", write(tmp_path, ENGLISH_FAMILY), "es")).stdout)
    assert "un intérprete de español en todas las reuniones sobre Sofía" in text


@pytest.mark.parametrize(
    ("name", "pwn"),
    [
        ("eval-request", True),
        ("iep-meeting-request", True),
        ("iee-request", True),
        ("records-request", False),  # access, not a proposal or refusal under 300.503
        ("504-eval-request", False),  # not IDEA: a written answer with reasons (104.36)
    ],
)
def test_prior_written_notice_of_a_refusal(name: str, pwn: bool, plan_file: Path) -> None:
    en = flat(run(*letter_args(name, plan_file, "en")).stdout)
    es = flat(run(*letter_args(name, plan_file, "es")).stdout)
    assert ("prior written notice of the refusal" in en) is pwn
    assert ("(34 CFR 300.503; Cal. Educ. Code § 56500.4)" in en) is pwn
    assert ("aviso previo por escrito del rechazo" in es) is pwn
    assert ("artículo 56500.4 del Código de Educación de California" in es) is pwn


def test_partial_consent_and_partial_agreement_state_what_protects_the_family(
    plan_file: Path,
) -> None:
    consent = flat(run(*letter_args("iep-partial-consent", plan_file, "en")).stdout)
    assert "the law requires the district to file for a due process hearing" in consent
    assert "(Cal. Educ. Code § 56346(f))" in consent
    agreement = flat(run(*letter_args("partial-agreement", plan_file, "en")).stdout)
    assert "Sofía's current services continue unchanged" in agreement
    assert "(Welf. & Inst. Code § 4710(a))" in agreement
    assert "(Welf. & Inst. Code § 4715(a))" in agreement


def test_missed_deadline_names_the_next_step_and_its_last_day(plan_file: Path) -> None:
    """assessment-plan was due 2026-09-18: a CDE complaint by its anniversary, 2027-09-18."""
    text = flat(run(*letter_args("missed-deadline", plan_file, "en")).stdout)
    assert "compliance complaint with the California Department of Education (CDE)" in text
    assert "Saturday, September 18, 2027 (2027-09-18)" in text


def test_copy_line_names_the_special_education_director(plan_file: Path) -> None:
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(
        text.replace("  contact: Principal Jane Kim\n", "  special_education_director: Rosa Vega\n")
    )
    en = run(*letter_args("records-request", plan_file, "en")).stdout
    assert en.endswith(
        "\nCopy: Rosa Vega, Director of Special Education, Fresno Unified School District\n"
    )
    es = run(*letter_args("records-request", plan_file, "es")).stdout
    assert es.endswith(
        "\nCopia: Dirección de Educación Especial, Fresno Unified School District (a la "
        "atención de Rosa Vega)\n"
    )


def test_advice_after_the_letter_never_in_it(plan_file: Path) -> None:
    result = run(*letter_args("eval-request", plan_file, "en"))
    assert "certified mail" not in result.stdout
    advice = flat(result.stderr)
    for needed in ("date received", "read receipt", "certified mail"):
        assert needed in advice
    assert "plancli add assessment-plan-received YYYY-MM-DD --field answers=ID" in advice
    recorded = run(*letter_args("eval-request", plan_file, "en", "--record", "--today", DATE))
    assert "--field answers=e3" in flat(recorded.stderr)


def test_advice_goes_to_stdout_with_an_output_file(plan_file: Path, tmp_path: Path) -> None:
    result = run(*letter_args("eval-request", plan_file, "en", "-o", str(tmp_path / "a.txt")))
    assert result.exit_code == 0
    assert "How to send it and keep proof of the date" in result.stdout
    assert "certified mail" not in (tmp_path / "a.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Written as a person writes


@pytest.mark.parametrize(
    ("family", "en_first", "en_signed", "es_first", "es_signed"),
    [
        (
            "  parent_role: mother\n",
            "I am the mother of",
            "Mother of",
            "Soy la madre de",
            "Madre de",
        ),
        (
            "  parent_role: father\n",
            "I am the father of",
            "Father of",
            "Soy el padre de",
            "Padre de",
        ),
        ("", "I am a parent of", "Parent of", "Le escribo en relación con", None),
        (
            "  relationship: guardian\n",
            "I am the legal guardian of",
            "Legal guardian of",
            "Tengo la tutela legal de",
            "Persona con la tutela legal de",
        ),
        (
            "  relationship: foster-parent\n",
            "I am the foster parent of",
            "Foster parent of",
            "Formo parte de la familia de crianza de",
            "Familia de crianza de",
        ),
    ],
)
def test_relationship_chooses_the_words(
    family: str,
    en_first: str,
    en_signed: str,
    es_first: str,
    es_signed: str | None,
    tmp_path: Path,
) -> None:
    path = write(tmp_path, LETTER_PLAN.replace("  language: es\n", "  language: es\n" + family))
    en = run(*letter_args("records-request", path, "en")).stdout
    es = run(*letter_args("records-request", path, "es")).stdout
    assert f"\n{en_first} Sofía Núñez, who attends Lincoln Elementary." in en
    assert f"\nAna Núñez\n{en_signed} Sofía Núñez\n" in en
    assert f"\n{es_first} Sofía Núñez, estudiante de Lincoln Elementary." in es
    if es_signed is None:
        assert "\nAna Núñez\n\nCopia:" in es
    else:
        assert f"\nAna Núñez\n{es_signed} Sofía Núñez\n" in es
    for text in (en, es):
        assert "/" not in text.split("\n\n", 3)[3].replace("@", "")  # no madre/padre, Estimado/a


@pytest.mark.parametrize(
    ("contact", "en", "es"),
    [
        ("Principal Jane Kim", "Dear Principal Kim:", "A la atención de Jane Kim:"),
        ("Ms. Jane Kim", "Dear Ms. Kim:", "Estimada Sra. Kim:"),
        ("Mr. Luis Ortega", "Dear Mr. Ortega:", "Estimado Sr. Ortega:"),
        ("Jane Kim", "Dear Jane Kim:", "A la atención de Jane Kim:"),
    ],
)
def test_salutation_never_guesses(contact: str, en: str, es: str, plan_file: Path) -> None:
    text = plan_file.read_text(encoding="utf-8").replace("Principal Jane Kim", contact)
    plan_file.write_text(text, encoding="utf-8")
    assert f"\n{en}\n" in run(*letter_args("records-request", plan_file, "en")).stdout
    assert f"\n{es}\n" in run(*letter_args("records-request", plan_file, "es")).stdout


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", NAMES)
def test_full_name_once_then_the_first_name(name: str, lang: str) -> None:
    """After the heading and the first sentence, the child is Sofía (names in lists and the
    signature block excepted)."""
    text = (GOLDEN / f"{name}.{lang}.txt").read_text(encoding="utf-8")
    salutation = re.search(r"\n(Dear|To whom|A la atención|A quien|Estimad)[^\n]*\n", text)
    assert salutation is not None
    body = text[salutation.end() :].split("\nSincerely,")[0].split("\nAtentamente,")[0]
    assert body.count("Sofía Núñez") <= 1, body


# --------------------------------------------------------------------------------------------
# Real Spanish

# docs/letters-wording.md §5: English that never appears in a Spanish letter, outside names
# and what the family typed.
ENGLISH_IN_SPANISH = (
    "Estimado/a",
    "madre/padre",
    "Madre/padre",
    "Cal. Educ. Code",
    "Welf. & Inst. Code",
    "Gov. Code",
    " CFR ",
    "Notice of Action",
    "fair hearing",
    "aid paid pending",
    "due process",
    "Department of Developmental Services",
    "Office for Civil Rights",
    "Rehabilitation Act",
    "cumulative file",
    "(intake)",
    "(referral)",
    "manifestation determination",
    "Washington's Birthday",
    "Memorial Day",
    " PM",
    " AM",
    "Dear ",
    "Copy:",
    "De mi consideración",
    "Soy uno de los padres",
    "notificación de acción",
)
# What the plan and the family typed: printed as they are.
TYPED = (
    "Sofía Núñez",
    "Ana Núñez",
    "123 Main St, Fresno, CA 93701",
    "Lincoln Elementary",
    "Fresno Unified School District",
    "2020 Tulare St, Fresno, CA 93721",
    "Central Valley Regional Center",
    "456 Center Ave, Fresno, CA 93722",
    "Principal Jane Kim",
    "Luis Ortega",
    "ana@example.org",
)


@pytest.mark.parametrize("name", NAMES)
def test_spanish_golden_files_have_no_english(name: str) -> None:
    from plancli.glossary import BREAKS, CONCERNS

    text = (GOLDEN / f"{name}.es.txt").read_text(encoding="utf-8")
    for typed in [*TYPED, *(v.split("=", 1)[1] for v in SETS_ES.get(name, []))]:
        text = text.replace(typed, "«»")
    for english in ENGLISH_IN_SPANISH:
        assert english not in text, (name, english)
    for term in BREAKS:  # a break's name only in «quotation marks», after its Spanish gloss
        for found in re.finditer(re.escape(term.en), text, re.IGNORECASE):
            assert text[found.start() - 1] == "«", (name, term.en)
    for term in CONCERNS:
        assert f"\n- {term.en}\n" not in text, (name, term.en)
    assert not re.search(r"(?<![«\w])(the|and|of|with|within|days)(?![\w»])", text), name


def test_english_looking_value_in_a_spanish_letter_is_one_warning(plan_file: Path) -> None:
    args = ["letter", "ipp-meeting-request", "--plan", str(plan_file), "--date", DATE]
    result = run(*args, "--lang", "es+en", "--set", "reason=more respite hours")
    assert result.exit_code == 0, result.output
    warning = "Esta carta en español imprime tal como los escribió unos valores que parecen"
    assert flat(result.stderr).count(warning) == 1
    assert flat(result.stderr).count("Advertencia:") == 1
    assert "«more respite hours»" in result.stderr


@pytest.mark.parametrize("order", ["es+en", "en+es"])
def test_both_languages_in_one_document(order: str, plan_file: Path, tmp_path: Path) -> None:
    result = run(*letter_args("eval-request", plan_file, order))
    assert result.exit_code == 0, result.output
    text = result.stdout
    spanish = text.index("# Versión en español")
    english = text.index("# English version")
    assert (spanish < english) is (order == "es+en")
    assert text.count("Solicitud de evaluación de educación especial") == 1
    assert text.count("Request for a special education assessment") == 1
    pdf = tmp_path / "both.pdf"
    assert run(*letter_args("eval-request", plan_file, order, "-o", str(pdf))).exit_code == 0
    import pypdf

    pages = [p.extract_text() for p in pypdf.PdfReader(pdf).pages]
    first = "Versión en español" if order == "es+en" else "English version"
    assert pages[0].lstrip().startswith(first)
    assert sum("English version" in page for page in pages) == 1
    docx = tmp_path / "both.docx"
    assert run(*letter_args("eval-request", plan_file, order, "-o", str(docx))).exit_code == 0
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    assert 'w:val="es-US"' in xml
    assert 'w:val="en-US"' in xml


# --------------------------------------------------------------------------------------------
# Documents: pages, language tags, characters the fonts lack


def _pages(data: bytes) -> list[list[str]]:
    import pypdf

    return [p.extract_text().splitlines() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.mark.slow
def test_pdf_page_numbers_and_last_paragraph_with_the_closing(plan_file: Path) -> None:
    plan = store.load_plan(plan_file)
    several = 0
    for name in NAMES:
        for lang in ("en", "es"):
            sets = (SETS_ES if lang == "es" else SETS).get(name, [])
            values = [(k, v) for k, _, v in (s.partition("=") for s in sets)]
            rendered = letters.render_letter(
                name, plan, on=date.fromisoformat(DATE), lang=lang, values=values
            )
            pages = _pages(letters.to_pdf(rendered))
            label = "Page {} of {}" if lang == "en" else "Página {} de {}"
            head = "Sofía Núñez · " + (
                "December 8, 2026" if lang == "en" else "8 de diciembre de 2026"
            )
            numbered = [
                any(label.format(i + 1, len(pages)) in line for line in page)
                for i, page in enumerate(pages)
            ]
            assert all(numbered) if len(pages) > 1 else not any(numbered), (name, lang)
            for page in pages[1:]:
                assert page[0].strip() == head or head in " ".join(page), (name, lang)
            several += len(pages) > 1
            closing = "Sincerely," if lang == "en" else "Atentamente,"
            thanks = "Thank you." if lang == "en" else "Muchas gracias por su atención."
            confirm = "Please confirm in writing" if lang == "en" else "Le ruego que me confirme"
            where = [
                i for i, page in enumerate(pages) if any(line.strip() == closing for line in page)
            ]
            assert len(where) == 1, (name, lang)
            on_page = " ".join(pages[where[0]])
            # The last paragraphs are never left behind: the closing is not alone on a page.
            assert thanks in on_page, (name, lang)
            assert confirm in on_page, (name, lang)
    assert several  # some letters run to a second page: the test sees numbered pages


@pytest.mark.parametrize(("lang", "tag"), [("en", "en-US"), ("es", "es-US")])
def test_docx_carries_its_language(lang: str, tag: str, plan_file: Path) -> None:
    plan = store.load_plan(plan_file)
    rendered = letters.render_letter(
        "records-request", plan, on=date.fromisoformat(DATE), lang=lang
    )
    archive = zipfile.ZipFile(io.BytesIO(letters.letter_bytes(rendered, ".docx")))
    styles = archive.read("word/styles.xml").decode()
    document = archive.read("word/document.xml").decode()
    assert f'<w:lang w:val="{tag}"' in styles
    assert f'<w:lang w:val="{tag}"/>' in document
    other = "es-US" if lang == "en" else "en-US"
    assert other not in document
    assert re.search(r'<w:lang w:val="en-US"', styles) is None or lang == "en"


def test_unprintable_character_is_an_error_naming_it(plan_file: Path, tmp_path: Path) -> None:
    text = plan_file.read_text(encoding="utf-8").replace("name: Sofía Núñez", "name: 王小明")
    plan_file.write_text(text, encoding="utf-8")
    target = tmp_path / "letter.pdf"
    result = run(*letter_args("records-request", plan_file, "en", "-o", str(target)))
    assert result.exit_code == 1
    assert not target.exists()
    message = flat(result.stderr)
    assert "cannot print the character '王' (U+738B CJK UNIFIED IDEOGRAPH-738B)" in message
    assert ".docx" in message
    docx = tmp_path / "letter.docx"
    assert run(*letter_args("records-request", plan_file, "en", "-o", str(docx))).exit_code == 0


# --------------------------------------------------------------------------------------------
# Warnings once; --received


def test_every_warning_once(plan_file: Path) -> None:
    text = plan_file.read_text(encoding="utf-8").replace(
        '  address: "2020 Tulare St, Fresno, CA 93721"\n', ""
    )
    plan_file.write_text(text, encoding="utf-8")
    args = letter_args(
        "records-request", plan_file, "es+en", "--set", "color=blue", "--set", "color=red"
    )
    result = run(*args)
    assert result.exit_code == 0, result.output
    # es+en: the terminal speaks the first language, so warnings begin "Advertencia:".
    lines = [line for line in result.stderr.splitlines() if line.startswith("Advertencia:")]
    assert len(lines) == len(set(lines)) == 2, lines


def test_received_dates_the_recorded_event(plan_file: Path) -> None:
    args = letter_args("eval-request", plan_file, "en", "--record", "--today", "2026-12-11")
    result = run(*args, "--received", "2026-12-10")
    assert result.exit_code == 0, result.output
    event = store.load_plan(plan_file).events[-1]
    assert (event.type, event.date) == ("assessment-requested", date(2026, 12, 10))
    before = plan_file.read_bytes()
    alone = run(*letter_args("eval-request", plan_file, "en", "--received", "2026-12-10"))
    assert alone.exit_code == 1
    assert "give --record too" in flat(alone.stderr)
    early = run(*args, "--received", "2026-12-01")
    assert early.exit_code == 1
    assert "before the letter's date" in flat(early.stderr)
    assert plan_file.read_bytes() == before


# --------------------------------------------------------------------------------------------
# The plan's new keys


def test_new_plan_keys_are_checked(write_plan: object, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        LETTER_PLAN.replace(
            "  language: es\n", "  language: es\n  relationship: mom\n  parent_role: aunt\n"
        ),
        encoding="utf-8",
    )
    result = run("check", "--plan", str(path))
    assert result.exit_code == 1
    message = flat(result.stderr + result.stdout)
    assert "family.relationship: expected one of parent, guardian, foster-parent" in message
    assert "family.parent_role: expected one of mother, father, got 'aunt'" in message
    good = LETTER_PLAN.replace(
        "  contact: Principal Jane Kim\n", "  special_education_director: Rosa Vega\n"
    ).replace("  language: es\n", "  language: es\n  relationship: parent\n  parent_role: mother\n")
    path.write_text(good, encoding="utf-8")
    checked = run("check", "--plan", str(path))
    assert checked.exit_code == 0, checked.output
    assert "unknown key" not in checked.output


def test_catalogue_lists_the_new_values() -> None:
    for name in ("appeal-request", "ipp-meeting-request", "partial-agreement"):
        assert LETTERS_BY_NAME[name].field("system") is not None
    assert LETTERS_BY_NAME["appeal-request"].field("remedy") is not None
    for letter in letters.LETTERS:
        assert letter.field("interpreter") is not None
        assert letter.field("student_authorizes") is not None
