"""The wrong-claim and weak-signing patterns of the content rules, as data (the checks that run them:
:mod:`guide_app.library.rules`).

- **Known wrong claims** (fact sheet, section 6): patterns over folded text (lower case, no accents) that
  match an affirmative claim only. A pattern does not fire when a negation word stands inside it (``gap``
  allows none) or just before it. Every pattern carries a wrong sentence it must catch and a denial it must
  let pass (the tests run both).
- **One signing rule**: "do not sign what you do not understand" is too weak (an officer can "explain" a
  voluntary-return form); the guide's rule is: do not sign anything from an immigration officer before
  talking to a lawyer.
"""

from __future__ import annotations

NEGATIONS = {
    "en": r"not|never|no|cannot|can't|won't|doesn't|don't|isn't|aren't|nor|neither|rarely|seldom|hardly",
    "es": r"no|nunca|jamas|tampoco|ni|ningun|ninguna|ninguno|rara",
}


def gap(lang: str, size: int = 40) -> str:
    """Up to ``size`` characters inside one clause with no negation word in them."""
    return rf"(?:(?!\b(?:{NEGATIONS[lang]})\b)[^.?!;:]){{0,{size}}}?"


G_EN, G_ES = gap("en"), gap("es")
LOCAL_EN = r"(?:local (?:police|cops?|officers?|deputies)|police|sheriffs?|deputies|287\(?g\)? officers?)"
LOCAL_ES = (
    r"(?:la policia(?: local)?|los agentes locales|los agentes (?:del )?287\(?g\)?|los alguaciles|el alguacil|"
    r"el sheriff|los agentes del sheriff)"
)

# (key, lang, pattern over folded text, a wrong sentence it must catch, a denial it must let pass)
WRONG_CLAIMS = [
    # 1. Mandamus stops a deportation.
    (
        "mandamus-stops-deportation",
        "en",
        rf"\bmandamus\b{G_EN}\b(?:can|will|would|could|may|does|is (?:able|going) to)\s+(?:\w+ly\s+)?"
        rf"(?:stop|halt|block|cancel|end|prevent|pause|freeze|undo)\s+(?:a|an|the|your|my|his|her|their|any)?\s*"
        rf"(?:deportation|removal)|\bmandamus\b{G_EN}\b(?:stops|halts|blocks|cancels|prevents)\s+"
        rf"(?:a|an|the|your|any)?\s*(?:deportation|removal)",
        "A mandamus petition can stop your deportation within weeks.",
        "A writ of mandamus cannot stop a deportation.",
    ),
    (
        "mandamus-stops-deportation",
        "es",
        rf"\bmandamus\b{G_ES}\b(?:puede|podria|va a|logra|sirve para|le permite)\s+(?:\w+\s+)?"
        rf"(?:detener|frenar|parar|cancelar|evitar|suspender|pausar|anular)\s+(?:una|la|su|cualquier)\s+deportacion"
        rf"|\bmandamus\b{G_ES}\b(?:detiene|frena|para|cancela|evita|anula)\s+(?:una|la|su)\s+deportacion",
        "Un mandamus puede frenar su deportación.",
        "Un mandamus no frena una deportación.",
    ),
    # 2. Mandamus stopped ICE / 287(g) enforcement.
    (
        "mandamus-stopped-287g",
        "en",
        rf"\bmandamus\b{G_EN}\b(?:stopped|ended|halted|blocked|shut down)\s+(?:ice|287\(?g\)?|the 287\(?g\)?|"
        rf"immigration enforcement|enforcement)",
        "In one case, mandamus petitions stopped ICE 287(g) enforcement.",
        "We found no court case where mandamus stopped ICE or 287(g) enforcement.",
    ),
    (
        "mandamus-stopped-287g",
        "es",
        rf"\bmandamus\b{G_ES}\b(?:freno|detuvo|paro|termino con|acabo con|bloqueo)\s+(?:a ice|el 287|al 287)",
        "En un caso, un mandamus frenó el 287(g) en el condado.",
        "No encontramos ningún caso en que un mandamus haya frenado a ICE.",
    ),
    # 3 and 4. Mandamus forces a sheriff to change, or ICE to end an agreement.
    (
        "mandamus-forces-sheriff-or-ice",
        "en",
        rf"\bmandamus\b{G_EN}\b(?:forced|made|ordered|(?:can|will|could) (?:force|make|order))\s+"
        rf"(?:a |the |your )?(?:sheriff|ice|county|police)",
        "A mandamus petition forced a sheriff to revise his policies.",
        "A writ of mandamus cannot force ICE or a sheriff to end an agreement.",
    ),
    (
        "mandamus-forces-sheriff-or-ice",
        "es",
        rf"\bmandamus\b{G_ES}\b(?:obligo|forzo|puede obligar|va a obligar|obliga)\s+(?:a ice|al alguacil|"
        rf"al sheriff|a un alguacil|a un sheriff|a la policia|al condado)",
        "Un mandamus obligó al sheriff a cambiar sus reglas.",
        "Un mandamus no puede obligar a ICE ni a un alguacil a terminar un acuerdo.",
    ),
    # 5. Mandamus gets your case approved.
    (
        "mandamus-approves",
        "en",
        rf"\bmandamus\b{G_EN}\b(?:will |can |does )?(?:gets?|guarantees?|wins?)\s+(?:you\s+)?(?:your|the|an?)\s+"
        rf"(?:case|application|green card|approval)(?:\s+approved)?",
        "A mandamus lawsuit gets your case approved.",
        "Will mandamus get my case approved? No.",
    ),
    (
        "mandamus-approves",
        "es",
        rf"\bmandamus\b{G_ES}\b(?:hara que|garantiza que|logra que|asegura que)\s+(?:le |se )?aprueben?",
        "El mandamus garantiza que le aprueben el caso.",
        "El mandamus no hará que le aprueben el caso.",
    ),
    # 6. Mandamus is quick and certain.
    (
        "mandamus-quick",
        "en",
        r"\bmandamus (?:is|works) (?:always |very )?(?:quick|fast|rapid)(?: and (?:certain|sure|guaranteed))?\b",
        "Mandamus is quick and certain.",
        "Mandamus is not always fast.",
    ),
    (
        "mandamus-quick",
        "es",
        r"\bmandamus (?:es|funciona) (?:siempre |muy )?(?:rapido|seguro)\b",
        "El mandamus es rápido y seguro.",
        "El mandamus no siempre es rápido.",
    ),
    # 7. Mandamus and habeas are the same.
    (
        "mandamus-is-habeas",
        "en",
        r"\b(?:mandamus and habeas(?: corpus)?|habeas(?: corpus)? and mandamus) are (?:basically |really |pretty much |"
        r"just )?(?:the same|alike|interchangeable)",
        "Mandamus and habeas are basically the same.",
        "Mandamus and habeas are different tools with different rules.",
    ),
    (
        "mandamus-is-habeas",
        "es",
        r"\b(?:el mandamus y el habeas(?: corpus)?|el habeas(?: corpus)? y el mandamus) son (?:basicamente |casi |"
        r"practicamente )?(?:lo mismo|iguales|la misma cosa)",
        "El mandamus y el hábeas son básicamente lo mismo.",
        "El mandamus y el hábeas son herramientas distintas.",
    ),
    # 8. 287(g) officers: "sue them like any local cop" / "federal agents, so you can't sue".
    (
        "287g-suits",
        "en",
        r"287\(?g\)? officers (?:can|may) (?:always )?be sued (?:just )?like any (?:other )?local "
        r"(?:cop|police|officer)"
        r"|(?:they're|they are) federal agents,? so you (?:can't|cannot|can not) sue",
        "287(g) officers can be sued like any local cop under Section 1983.",
        "For 287(g) work, the claim may be treated as one against a federal officer.",
    ),
    (
        "287g-suits",
        "es",
        r"a los agentes (?:del )?287\(?g\)? se les (?:puede )?demanda[r]? igual que a cualquier (?:policia|agente)"
        r"|son agentes federales,? asi que no se les puede demandar",
        "A los agentes 287(g) se les demanda igual que a cualquier policía local.",
        "Por trabajo 287(g), el reclamo puede tratarse como uno contra un agente federal.",
    ),
    # 9. 287(g) lets local police deport people.
    (
        "local-police-deport",
        "en",
        rf"\b{LOCAL_EN}\b{G_EN}\b(?:can|may|could|will|are allowed to|have the power to|has the power to)\s+"
        rf"(?:\w+ly\s+)?(?:deport|order (?:you |people |someone )?deported)"
        r"|287\(?g\)? (?:lets|allows|permits|gives) (?:local )?(?:police|officers|deputies|sheriffs?)\b[^.]{0,30}"
        r"\bdeport",
        "Under 287(g), local police can deport you.",
        "These officers cannot deport you.",
    ),
    (
        "local-police-deport",
        "es",
        rf"\b{LOCAL_ES}\b{G_ES}\b(?:lo |la |los |las |le |les |me |nos )?(?:puede|pueden|podria|podrian|va a|van a)\s+"
        r"(?:deportar|ordenar (?:que lo |su |la )?deport)"
        r"|el 287\(?g\)? (?:permite|deja) (?:que )?(?:a )?(?:la policia|los agentes|los alguaciles)[^.]{0,30}deport",
        "Con el 287(g), la policía local lo puede deportar.",
        "Estos agentes no lo pueden deportar.",
    ),
    # 10. Officers can stop anyone who looks foreign.
    (
        "stop-for-looks",
        "en",
        r"\b(?:can|may) (?:legally )?stop (?:anyone|anybody|people|you|someone)\s+(?:who|that|because (?:they|you))\s+"
        r"(?:looks?|seems?|sounds?) (?:foreign|hispanic|latino|latina|mexican|like an immigrant|undocumented)"
        r"|\b(?:can|may) (?:legally )?stop (?:anyone|anybody|people|you|someone) (?:just |only |solely )?"
        r"(?:because of|for|based on) (?:their|your|his|her) "
        r"(?:race|skin|skin color|looks|appearance|accent|ethnicity)",
        "Under 287(g), officers can stop anyone who looks foreign.",
        "They cannot stop or hold you only because of your race or ethnicity.",
    ),
    (
        "stop-for-looks",
        "es",
        r"\b(?:puede|pueden) (?:parar|detener) a (?:cualquiera|cualquier persona|la gente|usted)\s+"
        r"(?:que parezca|por parecer|que se vea) (?:extranjer|latin|hispan|mexican|inmigrante)"
        r"|\b(?:puede|pueden) (?:pararlo|pararla|detenerlo|detenerla|parar a la gente|parar a cualquiera)\s+"
        r"(?:solo |solamente )?por su (?:raza|aspecto|color|acento|origen)",
        "Con el 287(g), los agentes pueden parar a cualquiera que parezca extranjero.",
        "No pueden pararlo ni retenerlo solo por su raza u origen étnico.",
    ),
    # 11. ICE can never enter your home without a judge's warrant.
    (
        "ice-never-enters",
        "en",
        r"\bice (?:can|may|could|will) never (?:enter|come in|come into|go into|get into)"
        r"|\bice (?:is never allowed|has no right ever) to (?:enter|come in)"
        r"|\bice (?:can't|cannot|can not|may not) (?:ever )?(?:enter|come in|come into|go into) (?:your|a|the|any) "
        r"(?:home|house|apartment)[^.]{0,20}\bwithout\b",
        "ICE can never enter your home without a judge's warrant.",
        "The Constitution generally requires a judge's warrant or your consent to enter a home.",
    ),
    (
        "ice-never-enters",
        "es",
        r"\bice (?:nunca|jamas) (?:puede|podra|va a poder) (?:entrar|meterse)"
        r"|\bice no (?:puede|podra) (?:nunca )?(?:entrar|meterse) (?:a|en) (?:su|una|la|ninguna) "
        r"(?:casa|vivienda|apartamento)[^.]{0,20}\bsin\b",
        "ICE nunca puede entrar a su casa sin una orden de un juez.",
        "Por lo general los agentes necesitan una orden judicial o su permiso para entrar.",
    ),
    # 12. Everyone detained gets a bond hearing.
    (
        "everyone-gets-bond",
        "en",
        rf"\b(?:everyone|everybody|every person|all detainees|all detained people|anyone (?:who is )?detained|"
        rf"every detained person)\b{G_EN}\b(?:gets?|has|have|is entitled to|are entitled to|receives?|will get|"
        rf"has a right to|have a right to)\s+(?:a |the )?(?:right to (?:a )?)?bond(?: hearing)?",
        "Everyone detained by ICE gets a bond hearing.",
        "As of November 2026, not everyone can get a bond hearing.",
    ),
    (
        "everyone-gets-bond",
        "es",
        rf"\b(?:todos|todas las personas|todo detenido|toda persona(?: detenida)?|cualquier persona detenida|"
        rf"todos los detenidos)\b{G_ES}\b(?:tienen|tiene|reciben|recibe|puede tener|pueden tener|va a tener)\s+"
        r"(?:derecho a )?(?:una )?audiencia de fianza",
        "Todas las personas detenidas tienen derecho a una audiencia de fianza.",
        "En noviembre de 2026, no todas las personas pueden tener una audiencia de fianza.",
    ),
    # 13. The government will give you a free lawyer.
    (
        "free-government-lawyer",
        "en",
        rf"\bgovernment\b{G_EN}\b(?:will |must |has to |is required to |shall )?(?:give|gives|provide|provides|"
        rf"appoint|appoints|assign|assigns)\s+(?:you |them |him |her |everyone |people )?(?:with )?(?:a |an )?"
        rf"free (?:immigration )?(?:lawyer|attorney)"
        rf"|\bgovernment\b{G_EN}\b(?:will |must )?(?:pay|pays) for (?:your|their|a|an) (?:immigration )?"
        r"(?:lawyer|attorney)",
        "The government will give you a free lawyer in immigration court.",
        "You have a right to a lawyer, but the government does not pay for one.",
    ),
    (
        "free-government-lawyer",
        "es",
        rf"\bel gobierno\b{G_ES}\b(?:le |les |se lo |se los )?(?:da|dara|va a dar|proporciona|nombra|asigna|"
        rf"pone)\s+(?:un )?abogado (?:gratis|gratuito)"
        rf"|\bel gobierno\b{G_ES}\b(?:le |les )?(?:paga|pagara|va a pagar) (?:el|su|un) abogado",
        "El gobierno le va a dar un abogado gratis en la corte de inmigración.",
        "Tiene derecho a un abogado, pero el gobierno no lo paga.",
    ),
    # 14. A complaint stops your case or gets someone out.
    (
        "complaint-stops-case",
        "en",
        rf"\bcomplaint\b{G_EN}\b(?:will |can |does |would |may )?(?:stop|stops|pause|pauses|end|ends|halt|halts|"
        rf"freeze|freezes|cancel|cancels)\s+(?:your|the|a|my|their|his|her) (?:deportation|removal|immigration)"
        rf"|\bcomplaint\b{G_EN}\b(?:will |can |does |would )?(?:get|gets) (?:them|him|her|you|someone) "
        r"(?:out|released)",
        "Filing a complaint with DHS will stop your deportation case.",
        "A complaint does not stop a deportation case.",
    ),
    (
        "complaint-stops-case",
        "es",
        rf"\bqueja\b{G_ES}\b(?:detiene|frena|para|pausa|suspende|termina|va a detener|puede detener|"
        rf"puede frenar|detendra)\s+(?:el|un|su|la) (?:caso|deportacion|proceso)"
        rf"|\bqueja\b{G_ES}\b(?:lo |la |los |las )?(?:saca|sacara|va a sacar|puede sacar|libera)",
        "Una queja ante el DHS va a detener su caso de deportación.",
        "Una queja no detiene un caso de deportación.",
    ),
    # 15. If the stop was illegal, the deportation case is thrown out.
    (
        "illegal-stop-ends-case",
        "en",
        rf"\b(?:illegal|unlawful|unfair|bad|unconstitutional) stop\b{G_EN}\b(?:will |would |does )?"
        rf"(?:end|ends|kill|kills|cancel|cancels|get|gets)\s+(?:your|the|an?) (?:immigration |deportation )?case"
        rf"(?:\s+thrown out| dismissed)?"
        rf"|\bstop (?:was|is|were) (?:illegal|unlawful|unfair|unconstitutional)\b{G_EN}\b(?:the|your) "
        rf"(?:deportation |immigration )?case (?:gets|will be|is|must be) (?:thrown out|dismissed|dropped)",
        "If the stop was illegal, the deportation case gets thrown out.",
        "An unfair stop almost never ends an immigration case.",
    ),
    (
        "illegal-stop-ends-case",
        "es",
        rf"\bparada (?:ilegal|injusta)\b{G_ES}\b(?:termina|anula|cancela|tumba|acaba con|hace que se caiga)\s+"
        rf"(?:su|el|un|mi) caso"
        rf"|\bparada (?:fue )?(?:ilegal|injusta)\b{G_ES}\b(?:se cae|se anula|se cancela) (?:su|el|mi) caso",
        "Si la parada fue ilegal, se cae su caso de deportación.",
        "Una parada injusta casi nunca termina un caso de inmigración.",
    ),
    # 16. 287(g) costs nothing / always bankrupts counties.
    (
        "287g-costs-nothing",
        "en",
        r"\b287\(?g\)? (?:costs|cost) (?:localities |communities |counties |taxpayers |the county |local governments |"
        r"you |us )?nothing|\b287\(?g\)? (?:is|comes) (?:free|at no cost)"
        r"|\b287\(?g\)? (?:always )?(?:bankrupts|ruins|breaks) (?:the )?(?:counties|communities|localities|county)",
        "287(g) costs counties nothing because ICE pays.",
        "The law puts the costs on the local government.",
    ),
    (
        "287g-costs-nothing",
        "es",
        r"\bel 287\(?g\)? no (?:le )?cuesta nada|\bel 287\(?g\)? es gratis"
        r"|\bel 287\(?g\)? (?:siempre )?(?:arruina|quiebra|lleva a la quiebra) a (?:los )?condados",
        "El 287(g) no le cuesta nada al condado porque paga ICE.",
        "La ley pone los gastos en manos del gobierno local.",
    ),
    # 17. The DOJ profiling guidance gives you rights to sue on.
    (
        "guidance-rights",
        "en",
        rf"\bguidance\b{G_EN}\b(?:gives|creates|grants)\s+(?:you\s+)?(?:rights|a right)\b[^.]{{0,20}}\bsue"
        r"|\bsue (?:them |police |officers )?(?:under|based on|to enforce) (?:the )?(?:doj|justice department)(?:'s)? "
        r"(?:racial[- ]profiling )?(?:guidance|guidelines)",
        "The DOJ racial-profiling guidance gives you rights you can sue on.",
        "These rules say they do not give you a right to sue.",
    ),
    (
        "guidance-rights",
        "es",
        rf"\b(?:guia|guias|reglas|pautas)\b{G_ES}\b(?:le |les )?(?:dan|da|otorgan|otorga)\s+(?:el )?derechos? "
        r"(?:a|para) demandar",
        "Las guías del Departamento de Justicia le dan derecho a demandar.",
        "Estas reglas dicen que no le dan derecho a demandar.",
    ),
    # 18. You can sue federal immigration officers for damages under Bivens.
    (
        "bivens-damages",
        "en",
        r"\byou can (?:easily |always |still )?sue (?:federal (?:immigration )?officers|ice (?:agents|officers)|"
        r"border patrol agents|ice or border patrol (?:agents|officers))[^.]{0,30}\b(?:for (?:money|damages)|"
        r"under bivens)|\bbivens (?:lets|allows) you (?:to )?sue",
        "You can sue federal immigration officers for damages under Bivens.",
        "Today, money claims against ICE or CBP officers themselves are almost never allowed.",
    ),
    (
        "bivens-damages",
        "es",
        r"\b(?:usted )?puede (?:facilmente |siempre )?demandar a (?:los )?agentes (?:federales|de ice|de la patrulla "
        r"fronteriza)[^.]{0,30}\b(?:por danos|por dinero|bajo bivens)|\bbivens le permite demandar",
        "Usted puede demandar a los agentes de ICE por daños bajo Bivens.",
        "Hoy casi nunca se permiten reclamos de dinero contra los propios agentes de ICE o CBP.",
    ),
    # 19. Voluntary departure avoids all consequences.
    (
        "voluntary-departure-safe",
        "en",
        rf"\bvoluntary departure\b{G_EN}\b(?:avoids|erases|clears|removes|prevents) (?:all|any) "
        r"(?:consequences|penalties|problems|bars)|\bvoluntary departure (?:has|carries) no (?:consequences|penalties|"
        r"risks?|downside)",
        "Signing voluntary departure avoids all consequences.",
        "Voluntary departure does not erase every problem.",
    ),
    (
        "voluntary-departure-safe",
        "es",
        rf"\bsalida voluntaria\b{G_ES}\b(?:evita|borra|elimina|quita) (?:todas las|todos los) "
        r"(?:consecuencias|problemas|castigos|riesgos)|\bsalida voluntaria no tiene (?:consecuencias|riesgos|castigos)",
        "Firmar la salida voluntaria evita todas las consecuencias.",
        "La salida voluntaria no borra todos los problemas.",
    ),
    # 20. Undocumented people have no constitutional rights.
    (
        "no-rights",
        "en",
        r"\b(?:undocumented (?:people|immigrants|persons)|people without (?:papers|status)|noncitizens|immigrants)\s+"
        r"(?:have|has) no (?:constitutional )?rights|\bthe constitution (?:does not|doesn't) (?:protect|apply to) "
        r"(?:undocumented|noncitizens|immigrants|people without)",
        "Undocumented people have no constitutional rights.",
        "The Constitution protects every person in the U.S., even without papers.",
    ),
    (
        "no-rights",
        "es",
        r"\b(?:los indocumentados|las personas sin papeles|quienes no tienen papeles|los inmigrantes)\s+no tienen "
        r"(?:ningun )?derechos?(?: constitucionales)?|\bla constitucion no (?:protege|aplica|se aplica) a "
        r"(?:los indocumentados|quienes no tienen papeles|las personas sin papeles|los inmigrantes)",
        "Los indocumentados no tienen derechos constitucionales.",
        "La Constitución protege a toda persona en el país, aunque no tenga papeles.",
    ),
]


SIGNING_RULE = {
    "en": "Do not sign anything from an immigration officer before you talk to a lawyer.",
    "es": "No firme nada de un agente de inmigración antes de hablar con un abogado.",
}
# (lang, pattern over a folded sentence, a weak sentence it must catch, the guide's rule it must let pass)
WEAK_SIGNING = [
    (
        "en",
        r"\bsign\w*\b[^.;:]{0,40}\b(?:you|they|he|she|people|we|i) (?:do not|don't|does not|doesn't|cannot|can't|"
        r"did not|didn't) (?:fully |really |clearly )?(?:understand|read)\b",
        "Do not sign papers you do not understand.",
        SIGNING_RULE["en"],
    ),
    (
        "es",
        r"\bfirm\w*\b[^.;:]{0,40}\bque no (?:entienda|entiendan|entiende|entienden|comprenda|comprendan|"
        r"pueda leer|puedan leer)\b",
        "No firme nada que no entienda.",
        SIGNING_RULE["es"],
    ),
]
