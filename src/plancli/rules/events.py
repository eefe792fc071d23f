"""What each event type means, in plain words: the name a person reads instead of the type id.

`EVENT_LABELS` has one `Phrase` per event type of `plancli.rules.EVENT_TYPES` (a catalogue test
fails when one is missing): a short sentence in the third person, so that the case record reads
the same whoever keeps it ("The district received the request for assessment"). It complements
`rules.EVENT_HAPPENED`, which is the family's own first-person wording for letters. Any output
that shows an event (the chronology, `events`, `remind`) words it with `event_label`.
Spanish follows docs/glossary-es.md.
"""

from __future__ import annotations

from plancli.rules import Phrase

EVENT_LABELS: dict[str, Phrase] = {
    # Special education (district)
    "assessment-requested": Phrase(
        "The district received the request for assessment",
        "El distrito recibió la solicitud de evaluación",
    ),
    "assessment-plan-received": Phrase(
        "The family received the proposed assessment plan",
        "La familia recibió la propuesta de plan de evaluación",
    ),
    "assessment-refused": Phrase(
        "The district refused the assessment in writing",
        "El distrito se negó por escrito a hacer la evaluación",
    ),
    "assessment-consent-given": Phrase(
        "The district received the signed consent to the assessment plan",
        "El distrito recibió el consentimiento firmado al plan de evaluación",
    ),
    "assessment-completed": Phrase(
        "The assessment was completed",
        "Se terminó la evaluación",
    ),
    "iep-meeting-requested": Phrase(
        "The district received the request for an IEP meeting",
        "El distrito recibió la solicitud de una reunión del IEP",
    ),
    "iep-meeting": Phrase(
        "The IEP team met",
        "Se celebró la reunión del equipo del IEP",
    ),
    "records-requested": Phrase(
        "The district received the request for the school records",
        "El distrito recibió la solicitud de los expedientes escolares",
    ),
    "records-received": Phrase(
        "The school records were received",
        "Se recibieron los expedientes escolares",
    ),
    "discipline-placement-change": Phrase(
        "The district decided to change the placement for a violation of the code of student "
        "conduct",
        "El distrito decidió cambiar la colocación por una infracción del código de conducta "
        "estudiantil",
    ),
    "manifestation-review-held": Phrase(
        "The manifestation determination review was held",
        "Se celebró la reunión de determinación de manifestación",
    ),
    "transition-plan-included": Phrase(
        "The IEP includes the transition plan",
        "El IEP incluye el plan de transición",
    ),
    "rights-at-majority-informed": Phrase(
        "The student was told which rights pass to them at 18",
        "Se informó al estudiante de los derechos que pasan a él o a ella a los 18 años",
    ),
    "dispute-known": Phrase(
        "The family knew (or should have known) of the facts behind a due process complaint",
        "La familia supo (o debió saber) de los hechos que motivan una queja de debido proceso",
    ),
    "due-process-filed": Phrase(
        "The due process complaint was filed",
        "Se presentó la queja de debido proceso",
    ),
    "resolution-meeting-held": Phrase(
        "The resolution meeting was held",
        "Se celebró la reunión de resolución",
    ),
    "hearing-decision-received": Phrase(
        "The hearing decision was received",
        "Se recibió la decisión de la audiencia",
    ),
    "court-appeal-filed": Phrase(
        "The hearing decision was appealed to court",
        "Se apeló la decisión de la audiencia ante un tribunal",
    ),
    "compliance-complaint-filed": Phrase(
        "The compliance complaint was filed with the California Department of Education",
        "Se presentó la queja de cumplimiento ante el Departamento de Educación de California",
    ),
    "complaint-decision-received": Phrase(
        "The decision on the complaint was received",
        "Se recibió la decisión sobre la queja",
    ),
    # Section 504
    "504-evaluation-requested": Phrase(
        "The district received the request for a Section 504 evaluation",
        "El distrito recibió la solicitud de una evaluación de la Sección 504",
    ),
    "504-meeting": Phrase(
        "The Section 504 meeting was held",
        "Se celebró la reunión de la Sección 504",
    ),
    "discrimination-occurred": Phrase(
        "The discrimination complained of took place",
        "Ocurrió la discriminación que motiva la queja",
    ),
    "ocr-complaint-filed": Phrase(
        "The complaint was filed with the Office for Civil Rights (OCR)",
        "Se presentó la queja ante la Oficina de Derechos Civiles (OCR)",
    ),
    # Regional center (Lanterman Act)
    "rc-intake-requested": Phrase(
        "The regional center received the request for intake",
        "El centro regional recibió la solicitud de admisión",
    ),
    "rc-intake-completed": Phrase(
        "The regional center completed the intake",
        "El centro regional completó la admisión",
    ),
    "rc-assessment-completed": Phrase(
        "The regional center completed the assessment",
        "El centro regional completó la evaluación",
    ),
    "ipp-meeting-requested": Phrase(
        "The regional center received the request for an IPP meeting",
        "El centro regional recibió la solicitud de una reunión del IPP",
    ),
    "ipp-meeting": Phrase(
        "The IPP meeting was held",
        "Se celebró la reunión del IPP",
    ),
    "ipp-partial-agreement": Phrase(
        "The IPP meeting ended without agreement on all services",
        "La reunión del IPP terminó sin acuerdo sobre todos los servicios",
    ),
    "notice-of-action-received": Phrase(
        "The regional center's notice of action was received",
        "Se recibió el aviso de acción del centro regional",
    ),
    "appeal-filed": Phrase(
        "The appeal of the notice of action was filed",
        "Se presentó la apelación del aviso de acción",
    ),
    "rc-hearing-decision-received": Phrase(
        "The fair hearing decision was received",
        "Se recibió la decisión de la audiencia imparcial",
    ),
    "rc-decision-implemented": Phrase(
        "The regional center carried out the fair hearing decision",
        "El centro regional cumplió la decisión de la audiencia imparcial",
    ),
    "rights-complaint-filed": Phrase(
        "The rights complaint was filed with the regional center director",
        "Se presentó la queja por violación de derechos ante el director del centro regional",
    ),
    "rights-complaint-response-received": Phrase(
        "The regional center director's answer to the rights complaint was received",
        "Se recibió la respuesta del director del centro regional a la queja por violación de "
        "derechos",
    ),
    "rights-complaint-referred": Phrase(
        "The rights complaint was taken to the Director of Developmental Services",
        "Se llevó la queja por violación de derechos al director del Departamento de Servicios "
        "del Desarrollo",
    ),
    "rights-complaint-decision-received": Phrase(
        "The Department of Developmental Services' decision on the rights complaint was received",
        "Se recibió la decisión del Departamento de Servicios del Desarrollo sobre la queja por "
        "violación de derechos",
    ),
    # Early Start (under three)
    "early-start-referral": Phrase(
        "The regional center received the referral to Early Start",
        "El centro regional recibió la remisión a Early Start",
    ),
    "ifsp-meeting": Phrase(
        "The IFSP meeting was held",
        "Se celebró la reunión del IFSP",
    ),
    "ifsp-consent-given": Phrase(
        "Consent was given to the services in the IFSP",
        "Se dio el consentimiento a los servicios del IFSP",
    ),
    "ifsp-services-started": Phrase(
        "The early intervention services in the IFSP began",
        "Comenzaron los servicios de intervención temprana del IFSP",
    ),
    "ifsp-review-requested": Phrase(
        "The regional center received the request for an IFSP review",
        "El centro regional recibió la solicitud de una revisión del IFSP",
    ),
    "ifsp-review": Phrase(
        "The IFSP was reviewed",
        "Se revisó el IFSP",
    ),
    "transition-notice-received": Phrase(
        "The service coordinator gave notice that transition planning is starting",
        "El coordinador de servicios avisó que comienza la planificación de la transición",
    ),
    "transition-conference-held": Phrase(
        "The transition conference was held",
        "Se celebró la conferencia de transición",
    ),
    "early-start-complaint-filed": Phrase(
        "The Early Start complaint was filed with the Department of Developmental Services",
        "Se presentó la queja de Early Start ante el Departamento de Servicios del Desarrollo",
    ),
    "early-start-due-process-filed": Phrase(
        "The Early Start due process request was filed",
        "Se presentó la solicitud de audiencia de debido proceso de Early Start",
    ),
    # Any system
    "extension-agreed": Phrase(
        "More time was agreed for a deadline",
        "Se acordó más tiempo para un plazo",
    ),
    "note": Phrase("Note", "Nota"),
    "contact": Phrase(
        "Contact (a call, email, letter, meeting or visit)",
        "Contacto (llamada, correo electrónico, carta, reunión o visita)",
    ),
}


def event_label(event_type: str, lang: str = "en") -> str:
    """The event type in plain words in `lang`; a type plancli does not know, as written."""
    phrase = EVENT_LABELS.get(event_type)
    return phrase.words(lang) if phrase is not None else event_type
