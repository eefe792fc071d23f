"""The English-Spanish glossary: one list of terms for the interface and the letters alike.

Spanish terms follow the public agencies' own Spanish publications where plancli has seen
them (the California Department of Education, the Department of Developmental Services, the
Office of Administrative Hearings), then Disability Rights California's Spanish manuals, which
are what Spanish-speaking families in California read. `SOURCES` names each publication and
its address; every `Term` says which one it follows, and `translator` marks a rendering no
retrieved text confirmed (neutral Latin American Spanish, the usage of those publications).
docs/glossary-es.md is the same list for people; a test keeps the two in step.

Data only, plus two lookups (a concern a plan lists in English; a citation the Spanish way).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    title: str
    address: str


SOURCES: dict[str, Source] = {
    "cde-safeguards": Source(
        "CDE, Aviso de garantías procesales (Spanish notice of procedural safeguards, "
        "rev. June 2022), as republished by a district",
        "https://issuu.com/fsusd-co/docs/procedural_safeguards_span2022",
    ),
    "cde-rights": Source(
        "CDE, Derechos de los padres (Spanish summary of procedural safeguards)",
        "http://www.cde.ca.gov/sp/se/qa/pssummary-spanish.asp",
    ),
    "cde-iep-module": Source(
        "CDE, El IEP Módulo 3 (Spanish IEP training text)",
        "https://www.cde.ca.gov/sp/Se/ac/iepmodule3esptext.asp",
    ),
    "oah-dds-es": Source(
        "OAH, Audiencias bajo la Ley Lanterman en el DDS o el Centro Regional (Spanish)",
        "http://www.dgs.ca.gov/oah/DDSHearings/DDSSpanishFairHearing.aspx",
    ),
    "dds-appeals": Source(
        "DDS, Lanterman Act Eligibility & Service Appeals (forms DS 1819-1824, in Spanish too)",
        "https://www.dds.ca.gov/general/appeals-complaints-comments/fair-hearings-complaint-process/",
    ),
    "rula-es": Source(
        "Disability Rights California, Derechos bajo la Ley Lanterman (RULA), Spanish edition",
        "https://rula.disabilityrightsca.org/es/rula-book/capitulo-10-apelaciones-y-reclamos-"
        "desacuerdos-con-centros-regionales-centros-de-desarrollo-o-proveedores-de-servicios/"
        "10-1-cual-es-el-proceso-de-apelacion-y-mis-plazos-para-apelar",
    ),
    "serr-es": Source(
        "Disability Rights California, Derechos y responsabilidades en la educación especial "
        "(SERR), Spanish edition",
        "https://serr.disabilityrightsca.org/sp/serr-manual/capitulo-1-informacion-sobre-"
        "derechos-fundamentales/1-27-que-es-una-notificacion-previa-por-escrito/",
    ),
    "drc-early-start-es": Source(
        "Disability Rights California, Elegibilidad para Early Start (#F057.02, Spanish)",
        "https://www.disabilityrightsca.org/es/node/3167",
    ),
    "drc-sped-es": Source(
        "Disability Rights California, Derechos de educación especial para niños y familias "
        "(Spanish fact sheet, as republished)",
        "https://es.studenta.com/content/132362782/sped-sp",
    ),
    "selpa-es": Source(
        "Desert/Mountain SELPA, Parents' Rights (Spanish)",
        "http://www.dmselpa.org/cms/One.aspx?portalId=1092688&pageId=28920454",
    ),
    "translator": Source(
        "No retrieved publication confirmed this rendering; plancli's translator chose it "
        "(neutral Latin American Spanish, in the usage of the publications above)",
        "",
    ),
}


@dataclass(frozen=True)
class Term:
    en: str
    es: str
    source: str  # key of SOURCES
    note: str = ""  # where families meet the English acronym, or how to use the term


def _t(en: str, es: str, source: str, note: str = "") -> Term:
    return Term(en, es, source, note)


# Terms of art, by system. The acronym stays English in both languages (the agencies' own
# Spanish texts do the same: "IEP, por sus siglas en inglés"), because families meet it on
# every form; the Spanish name comes first, the acronym in parentheses.
SPECIAL_EDUCATION: tuple[Term, ...] = (
    _t("special education", "educación especial", "cde-rights"),
    _t(
        "assessment",
        "evaluación",
        "cde-safeguards",
        "CDE's notice: 'el término evaluación se utiliza para referirse a la evaluación o a "
        "las pruebas'; assessment and evaluation are both 'evaluación'",
    ),
    _t("evaluation", "evaluación", "cde-safeguards"),
    _t("reassessment", "reevaluación", "translator"),
    _t("assessment plan", "plan de evaluación", "cde-safeguards"),
    _t("referral for assessment", "solicitud de evaluación", "translator"),
    _t(
        "Individualized Education Program (IEP)",
        "Programa de Educación Individualizado (IEP)",
        "cde-iep-module",
        "families meet 'IEP' on every form; after the first mention, 'el IEP'",
    ),
    _t("IEP team", "equipo del IEP", "cde-iep-module"),
    _t("IEP team meeting", "reunión del equipo del IEP", "cde-iep-module"),
    _t(
        "free appropriate public education (FAPE)",
        "educación pública apropiada y gratuita (FAPE)",
        "cde-rights",
    ),
    _t("procedural safeguards", "garantías procesales", "cde-safeguards"),
    _t("notice of procedural safeguards", "Aviso de garantías procesales", "cde-safeguards"),
    _t(
        "prior written notice",
        "aviso previo por escrito",
        "selpa-es",
        "DRC's SERR says 'notificación previa por escrito'; both name 34 CFR 300.503",
    ),
    _t(
        "independent educational evaluation (IEE)",
        "evaluación educativa independiente (IEE)",
        "translator",
    ),
    _t("at public expense", "pagada con fondos públicos", "translator"),
    _t("consent", "consentimiento", "cde-safeguards"),
    _t("informed consent", "consentimiento informado", "translator"),
    _t("partial consent", "consentimiento parcial", "translator"),
    _t("mediation", "mediación", "cde-safeguards"),
    _t("due process", "debido proceso", "serr-es"),
    _t(
        "due process hearing",
        "audiencia de debido proceso",
        "serr-es",
        "CDE's notice also writes 'proceso debido'; 'debido proceso' is the usual term",
    ),
    _t(
        "compliance complaint",
        "queja de cumplimiento",
        "translator",
        "CDE's notice speaks of a 'queja estatal' (state complaint); DRC's SERR of a "
        "'reclamo de cumplimiento'",
    ),
    _t("resolution meeting", "reunión de resolución", "translator"),
    _t("due process complaint", "queja de debido proceso", "translator"),
    _t("manifestation determination", "determinación de manifestación", "translator"),
    _t("triennial reassessment", "reevaluación trienal", "translator"),
    _t("placement", "colocación", "serr-es"),
    _t("education records", "expedientes escolares", "translator"),
    _t("cumulative file", "expediente acumulativo", "translator"),
    _t("school district", "distrito escolar", "cde-safeguards"),
    _t("local educational agency (LEA)", "agencia educativa local (LEA)", "selpa-es"),
    _t(
        "Special Education Local Plan Area (SELPA)",
        "Área de Planificación Local para Educación Especial (SELPA)",
        "cde-rights",
    ),
    _t(
        "special education director",
        "director de educación especial",
        "translator",
        "in a copy line name the office, 'Dirección de Educación Especial', so the letter "
        "does not guess the person's gender",
    ),
    _t("surrogate parent", "padre sustituto", "cde-safeguards"),
    _t("legal guardian", "tutor legal", "cde-safeguards"),
    _t("foster parent", "padre o madre de crianza", "drc-sped-es"),
    _t(
        "educational rights holder",
        "titular de los derechos educativos",
        "translator",
        "DRC's fact sheet: 'la persona a cargo de los derechos educativos'",
    ),
    _t(
        "conservator",
        "curador",
        "translator",
        "the person a court appoints for an adult (Probate Code; limited conservatorship for "
        "adults with developmental disabilities); not 'tutor', which is a minor's guardian",
    ),
    _t("age of majority", "mayoría de edad", "cde-safeguards"),
    _t("adult student", "estudiante mayor de edad", "translator"),
    _t("Section 504", "Sección 504", "translator"),
    _t("Section 504 plan", "plan de la Sección 504", "translator"),
    _t("interpreter", "intérprete", "rula-es"),
    _t("translated copy", "copia traducida", "translator"),
    _t("native language", "lengua materna", "selpa-es"),
    _t("school days", "días de clases", "translator"),
    _t("business days", "días hábiles", "translator"),
    _t("calendar days", "días naturales", "translator"),
    _t("school break", "vacaciones escolares", "translator"),
)

REGIONAL_CENTER: tuple[Term, ...] = (
    _t("regional center", "centro regional", "oah-dds-es"),
    _t("service coordinator", "coordinador de servicios", "rula-es"),
    _t(
        "Individual Program Plan (IPP)",
        "Plan de Programa Individual (IPP)",
        "translator",
        "families meet 'IPP' on every form; after the first mention, 'el IPP'",
    ),
    _t("IPP meeting", "reunión del IPP", "translator"),
    _t("intake", "admisión", "rula-es", "DRC: 'reunión de admisión inicial'"),
    _t("consumer", "cliente", "rula-es", "DRC's Spanish says 'cliente del centro regional'"),
    _t(
        "notice of action (NOA)",
        "aviso de acción (NOA)",
        "translator",
        "the DDS form DS 1820; the product owner's settled term for interface and letters. "
        "DRC's RULA writes 'notificación de acción': do not use it, so one notice has one name",
    ),
    _t("appeal", "apelación", "rula-es"),
    _t("appeal request", "solicitud de apelación", "rula-es", "form DS 1821"),
    _t("informal meeting", "reunión informal", "rula-es"),
    _t(
        "fair hearing",
        "audiencia imparcial",
        "rula-es",
        "DDS now calls the whole process 'appeals' (formerly fair hearings)",
    ),
    _t(
        "aid paid pending",
        "asistencia pagada pendiente",
        "rula-es",
        "DRC's Spanish term; DDS's own Spanish packet was not retrieved. A letter says "
        "what it means: the current services continue unchanged during the appeal",
    ),
    _t("authorized representative", "representante autorizado", "oah-dds-es"),
    _t("administrative law judge (ALJ)", "juez de derecho administrativo (ALJ)", "rula-es"),
    _t("services and supports", "servicios y apoyos", "rula-es"),
    _t("respite care", "servicios de relevo", "rula-es"),
    _t("rights complaint", "queja por violación de derechos", "translator"),
    _t("working days", "días hábiles", "translator"),
    _t(
        "Medi-Cal HCBS waiver",
        "exención HCBS de Medi-Cal",
        "translator",
        "Home and Community-Based Services; keep 'HCBS' next to it, as on DDS's forms",
    ),
    _t(
        "hearing officer",
        "funcionario de audiencias",
        "translator",
        "the person who conducts the fair hearing; an OAH judge is 'juez de derecho "
        "administrativo (ALJ)'",
    ),
    _t("Lanterman Act", "Ley Lanterman", "rula-es"),
)

EARLY_START: tuple[Term, ...] = (
    _t("Early Start", "Early Start", "drc-early-start-es", "the program's name stays English"),
    _t("early intervention services", "servicios de intervención temprana", "drc-early-start-es"),
    _t(
        "Individualized Family Service Plan (IFSP)",
        "Plan Individualizado de Servicios para la Familia (IFSP)",
        "translator",
        "DRC's SERR writes 'Plan de Servicio Familiar Individualizado'; families meet 'IFSP'",
    ),
    _t("IFSP review", "revisión del IFSP", "translator"),
    _t("infant or toddler", "bebé o niño pequeño", "drc-early-start-es"),
    _t("developmental delay", "retraso del desarrollo", "drc-early-start-es"),
    _t("referral", "remisión", "translator", "DRC also writes 'derivación'"),
    _t("transition conference", "conferencia de transición", "translator"),
    _t("Early Start complaint", "queja de Early Start", "translator", "form DS 1827"),
)

# Agencies: the Spanish name, with the English acronym families meet on forms and envelopes.
AGENCIES: tuple[Term, ...] = (
    _t(
        "Department of Developmental Services (DDS)",
        "Departamento de Servicios del Desarrollo (DDS)",
        "rula-es",
    ),
    _t(
        "California Department of Education (CDE)",
        "Departamento de Educación de California (CDE)",
        "serr-es",
    ),
    _t(
        "Office of Administrative Hearings (OAH)",
        "Oficina de Audiencias Administrativas (OAH)",
        "rula-es",
    ),
    _t(
        "Office for Civil Rights (OCR)",
        "Oficina de Derechos Civiles (OCR)",
        "translator",
        "of the U.S. Department of Education: 'del Departamento de Educación de los Estados "
        "Unidos'",
    ),
    _t(
        "U.S. Department of Education",
        "Departamento de Educación de los Estados Unidos",
        "translator",
    ),
    _t(
        "Office of Clients' Rights Advocacy (OCRA)",
        "Oficina de Defensa de los Derechos de los Clientes (OCRA)",
        "rula-es",
    ),
    _t("Disability Rights California", "Disability Rights California", "rula-es", "a name"),
)

# The names of the codes, for citing law the Spanish way. CDE's Spanish notice cites
# "Código de Educación [EC] de California Sección/Artículo 56301" and "34 Código de
# Regulaciones Federales [CFR] Sección 300.504"; DRC's RULA: "el símbolo § significa
# 'artículo'" and "Código de Bienestar e Instituciones (WIC)".
LAW_NAMES: tuple[Term, ...] = (
    _t("Cal. Educ. Code", "Código de Educación de California", "cde-safeguards", "artículo"),
    _t("CFR", "Código de Regulaciones Federales (CFR)", "cde-safeguards", "título, sección"),
    _t("USC", "Código de los Estados Unidos (USC)", "cde-safeguards", "título, artículo"),
    _t(
        "Welf. & Inst. Code",
        "Código de Bienestar e Instituciones de California",
        "rula-es",
        "artículo",
    ),
    _t("Gov. Code", "Código de Gobierno de California", "translator", "artículo"),
    _t("CCR", "Código de Regulaciones de California (CCR)", "translator", "título, sección"),
)

# The concerns a plan lists in English (`child.concerns`), for Spanish letters. Areas of
# development follow DRC's Spanish Early Start sheet and its special-education fact sheet;
# the rest is the translator's rendering, in the words a Spanish-speaking parent would use.
CONCERNS: tuple[Term, ...] = (
    _t("reading", "lectura", "drc-sped-es"),
    _t("writing", "escritura", "drc-sped-es"),
    _t("math", "matemáticas", "drc-sped-es"),
    _t("mathematics", "matemáticas", "drc-sped-es"),
    _t("spelling", "ortografía", "translator"),
    _t("speech", "habla", "translator"),
    _t("language", "lenguaje", "translator"),
    _t("speech and language", "habla y lenguaje", "translator"),
    _t("communication", "comunicación", "drc-early-start-es"),
    _t("expressive language", "comunicación expresiva", "drc-early-start-es"),
    _t("receptive language", "comunicación receptiva", "drc-early-start-es"),
    _t("articulation", "articulación", "translator"),
    _t("stuttering", "tartamudez", "translator"),
    _t("attention", "atención", "drc-sped-es"),
    _t("focus", "concentración", "drc-sped-es"),
    _t("ADHD", "TDAH (trastorno por déficit de atención e hiperactividad)", "translator"),
    _t("behavior", "conducta", "drc-sped-es"),
    _t("social skills", "habilidades sociales", "translator"),
    _t("social-emotional", "desarrollo social y emocional", "drc-early-start-es"),
    _t("emotional", "aspectos emocionales", "drc-early-start-es"),
    _t("motor skills", "habilidades motoras", "drc-sped-es"),
    _t("fine motor", "motricidad fina", "drc-early-start-es"),
    _t("fine motor skills", "motricidad fina", "drc-early-start-es"),
    _t("gross motor", "motricidad gruesa", "drc-early-start-es"),
    _t("gross motor skills", "motricidad gruesa", "drc-early-start-es"),
    _t("handwriting", "escritura a mano", "translator"),
    _t("sensory processing", "procesamiento sensorial", "translator"),
    _t("hearing", "audición", "drc-early-start-es"),
    _t("vision", "visión", "drc-early-start-es"),
    _t("cognitive", "desarrollo cognitivo", "drc-early-start-es"),
    _t("adaptive skills", "habilidades de adaptación", "drc-early-start-es"),
    _t("self-help", "cuidado personal", "translator"),
    _t("feeding", "alimentación", "translator"),
    _t("eating", "alimentación", "translator"),
    _t("sleep", "sueño", "translator"),
    _t("toileting", "uso del baño", "translator"),
    _t("anxiety", "ansiedad", "translator"),
    _t("depression", "depresión", "translator"),
    _t("autism", "autismo", "translator"),
    _t("learning disability", "discapacidad del aprendizaje", "serr-es"),
    _t("dyslexia", "dislexia", "translator"),
    _t("memory", "memoria", "drc-sped-es"),
    _t("following directions", "seguir instrucciones", "drc-sped-es"),
    _t("organization", "organización", "translator"),
    _t("executive function", "funciones ejecutivas", "translator"),
    _t("play skills", "juego", "translator"),
    _t("transitions", "cambios de actividad", "translator"),
    _t("school attendance", "asistencia a la escuela", "drc-sped-es"),
    _t("self-injury", "conductas autolesivas", "translator"),
    _t("aggression", "conducta agresiva", "translator"),
    _t("health", "salud", "drc-early-start-es"),
    _t("mobility", "movilidad", "translator"),
    _t("independent living skills", "habilidades para la vida independiente", "translator"),
)

# The names districts give their school breaks (`calendar.years[].breaks[].name`). A Spanish
# letter writes the Spanish gloss and, in quotation marks, the district's own name for it.
BREAKS: tuple[Term, ...] = (
    _t("winter break", "vacaciones de invierno", "translator"),
    _t("spring break", "vacaciones de primavera", "translator"),
    _t("Thanksgiving break", "vacaciones de Acción de Gracias", "translator"),
    _t("fall break", "vacaciones de otoño", "translator"),
    _t("summer break", "vacaciones de verano", "translator"),
    _t("mid-winter break", "vacaciones de mediados del invierno", "translator"),
    _t("February break", "vacaciones de febrero", "translator"),
    _t("intersession", "receso entre sesiones", "translator"),
)

GROUPS: dict[str, tuple[Term, ...]] = {
    "special-education": SPECIAL_EDUCATION,
    "regional-center": REGIONAL_CENTER,
    "early-start": EARLY_START,
    "agencies": AGENCIES,
    "law-names": LAW_NAMES,
    "concerns": CONCERNS,
    "breaks": BREAKS,
}


def _key(text: str) -> str:
    """How a typed term is compared: NFC, casefolded, single spaces, no trailing period."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split()).rstrip(".")


_CONCERNS_ES = {_key(term.en): term.es for term in CONCERNS}


def concern_es(text: str) -> str | None:
    """The Spanish for a concern a plan lists in English ('Speech and language' -> 'habla y
    lenguaje'), or None when the glossary does not have it (then the letter prints what the
    family typed, and plancli warns that it looks English)."""
    return _CONCERNS_ES.get(_key(text))


_BREAKS_ES = {_key(term.en): term.es for term in BREAKS}


def break_es(name: str) -> str | None:
    """The Spanish gloss of a school break's English name ('Winter break' -> 'vacaciones de
    invierno'), or None when the glossary does not know it."""
    return _BREAKS_ES.get(_key(name))


_LAW_NAMES_ES = {term.en: term.es for term in LAW_NAMES}


def cite_es(code: str, section: str) -> str:
    """A citation written the Spanish way, as CDE's Spanish notice cites law.

    cite_es("Cal. Educ. Code", "56321(a)") -> "el artículo 56321(a) del Código de Educación
    de California"; cite_es("34 CFR", "300.503") -> "el título 34 del Código de Regulaciones
    Federales (CFR), sección 300.503". A code the glossary does not know is a ValueError:
    a Spanish letter never falls back to the English abbreviation."""
    title, _, name = code.partition(" ") if code[:1].isdigit() else ("", "", code)
    spanish = _LAW_NAMES_ES.get(name)
    if spanish is None:
        raise ValueError(f"the glossary has no Spanish name for {code!r}")
    if title:
        unit = "artículo" if name == "USC" else "sección"
        return f"el título {title} del {spanish}, {unit} {section}"
    return f"el artículo {section} del {spanish}"
