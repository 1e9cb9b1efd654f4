"""The content-language catalog: one entry per word, in every language the content has.

Keys name what the word is for, not where it appears. ``{name}`` fields are filled in by
:func:`guide_app.i18n.text`; every language must use the same fields (a unit test checks it, and that both
languages hold the same keys). To add a language, copy ``EN``, translate the values and add it to ``CATALOG``.
"""

from __future__ import annotations

FALLBACK = "en"

EN: dict[str, str] = {
    # the guide itself
    "guide": "Rights Guide",
    "legal_note": "This is general information, not legal advice. Talk to a lawyer or an accredited representative "
    "about your situation.",
    "legal_note_short": "General information, not legal advice",
    "help_link": "Where to get real help",
    # an article page (reader, print, PDF, command line)
    "in_short": "In short",
    "jump_to_match": "Jump to where it matches: {section}",
    "contents": "On this page",
    "sources": "Sources",
    "reviewed_on": "Reviewed on {date}",
    "reviewed": "Reviewed {date}",
    "stale": "This article was last reviewed more than a year ago. Laws and policies change: check with a legal "
    "helper before you rely on it.",
    "related": "Related articles",
    "internet": "needs internet",
    # glossary and resource pages
    "glossary": "Glossary",
    "read_more": "Read more",
    "phone": "Phone",
    "website": "Website",
    "checked_on": "Checked on {date}",
    # printed pages and the wallet-card sheet
    "page": "Page {n} of {total}",
    "cut": "Cut along the dashed lines.",
    "fold": "Cut along the dashed lines, then fold each card on the dotted line: {first} on one side, {second} "
    "on the other.",
    "lang_en": "English",
    "lang_es": "Spanish",
    # slides
    "continued": "(continued)",
    "end_title": "This is not legal advice",
    "slide_do_now": "What to do now",
    "slide_warnings": "Be careful",
    # situation flows: progress and an outcome (panel, checklist, slides)
    "step": "Step {step} of about {total}",
    "done": "Done",
    "your_answers": "Your answers",
    "do_now": "Do now",
    "next_steps": "Next steps",
    "warnings": "Warnings",
    "read_in_guide": "Read more in the guide",
    "who_can_help": "Who can help",
    "help_now": "Get help now",
    "help_now_intro": "People you can call or write to. This guide cannot call for you; "
    "write a number down if you need it later.",
    "help_local": "Near you",
    "help_national": "National",
    "card_reminder": "Print the rights card and keep it with you.",
}

ES: dict[str, str] = {
    "guide": "Guía de derechos",
    "legal_note": "Esta información es general y no es asesoría legal. Hable con un abogado o con un representante "
    "acreditado sobre su situación.",
    "legal_note_short": "Información general, no asesoría legal",
    "help_link": "Dónde encontrar ayuda de verdad",
    "in_short": "En resumen",
    "jump_to_match": "Ir a donde coincide: {section}",
    "contents": "En esta página",
    "sources": "Fuentes",
    "reviewed_on": "Revisado el {date}",
    "reviewed": "Revisado el {date}",
    "stale": "Este artículo se revisó por última vez hace más de un año. Las leyes y las políticas cambian: "
    "consulte con un servicio de ayuda legal antes de guiarse por él.",
    "related": "Artículos relacionados",
    "internet": "necesita internet",
    "glossary": "Glosario",
    "read_more": "Leer más",
    "phone": "Teléfono",
    "website": "Sitio web",
    "checked_on": "Verificado el {date}",
    "page": "Página {n} de {total}",
    "cut": "Recorte por las líneas de guiones.",
    "fold": "Recorte por las líneas de guiones y doble cada tarjeta por la línea de puntos: {first} de un lado, "
    "{second} del otro.",
    "lang_en": "inglés",
    "lang_es": "español",
    "continued": "(continuación)",
    "end_title": "Esto no es asesoría legal",
    "slide_do_now": "Qué hacer ahora",
    "slide_warnings": "Tenga cuidado",
    "step": "Paso {step} de unos {total}",
    "done": "Listo",
    "your_answers": "Sus respuestas",
    "do_now": "Haga esto ahora",
    "next_steps": "Próximos pasos",
    "warnings": "Advertencias",
    "read_in_guide": "Lea más en la guía",
    "who_can_help": "Quién puede ayudar",
    "help_now": "Ayuda ahora",
    "help_now_intro": "Personas a las que puede llamar o escribir. Esta guía no puede llamar por usted; "
    "anote el número si lo va a necesitar después.",
    "help_local": "Cerca de usted",
    "help_national": "Nacional",
    "card_reminder": "Imprima la tarjeta de derechos y llévela con usted.",
}

CATALOG: dict[str, dict[str, str]] = {"en": EN, "es": ES}
