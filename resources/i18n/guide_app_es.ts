<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AddressDialog</name>
    <message>
        <source>Email address</source>
        <translation>Dirección de correo electrónico</translation>
    </message>
    <message>
        <source>Website address</source>
        <translation>Dirección del sitio web</translation>
    </message>
    <message>
        <source>This computer does not send email. To write from your own phone, scan the code or type:</source>
        <translation>Esta computadora no envía correos. Para escribir desde su propio teléfono, escanee el código o escriba:</translation>
    </message>
    <message>
        <source>This computer does not open websites. To open it on your phone, scan the code or type:</source>
        <translation>Esta computadora no abre sitios web. Para abrirlo en su teléfono, escanee el código o escriba:</translation>
    </message>
    <message>
        <source>QR code of the address</source>
        <translation>Código QR de la dirección</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Something went wrong — your session was not saved.</source>
        <translation>Algo salió mal. Su sesión no se guardó.</translation>
    </message>
    <message>
        <source>You can keep using the guide. If this happens again, restart it.</source>
        <translation>Puede seguir usando la guía. Si vuelve a pasar, ciérrela y ábrala de nuevo.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article:</source>
        <translation>Buscar en el artículo:</translation>
    </message>
    <message>
        <source>Find in article</source>
        <translation>Buscar en el artículo</translation>
    </message>
    <message>
        <source>Word to find</source>
        <translation>Palabra que busca</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Buscar la siguiente</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Buscar la anterior</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Cerrar la barra de búsqueda</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No se encontró</translation>
    </message>
</context>
<context>
    <name>FlowPanel</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Back to the previous question</source>
        <translation>Atrás, a la pregunta anterior</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Print checklist…</source>
        <translation>Imprimir la lista…</translation>
    </message>
    <message>
        <source>Print checklist</source>
        <translation>Imprimir la lista</translation>
    </message>
    <message>
        <source>Save checklist as PDF…</source>
        <translation>Guardar la lista como PDF…</translation>
    </message>
    <message>
        <source>Save checklist as PDF</source>
        <translation>Guardar la lista como PDF</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presentar</translation>
    </message>
    <message>
        <source>Present these steps full screen</source>
        <translation>Presentar estos pasos en pantalla completa</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Qué hacer: %1</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved.</source>
        <translation>No se pudo guardar el PDF.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Se guardó %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Know your rights</source>
        <translation>Conozca sus derechos</translation>
    </message>
    <message>
        <source>Plain answers about 287(g), racial profiling, and what you can do. Type your question in the search box above, or start with your situation.</source>
        <translation>Respuestas claras sobre el 287(g), el perfil racial y lo que usted puede hacer. Escriba su pregunta en el cuadro de búsqueda de arriba, o empiece por su situación.</translation>
    </message>
    <message>
        <source>What is happening?</source>
        <translation>¿Qué está pasando?</translation>
    </message>
    <message>
        <source>Browse by topic</source>
        <translation>Ver por tema</translation>
    </message>
    <message>
        <source>What is 287(g)?</source>
        <translation>¿Qué es el 287(g)?</translation>
    </message>
    <message>
        <source>Racial profiling</source>
        <translation>Perfil racial</translation>
    </message>
    <message>
        <source>Your rights</source>
        <translation>Sus derechos</translation>
    </message>
    <message>
        <source>Detention and remedies</source>
        <translation>Detención y recursos legales</translation>
    </message>
    <message>
        <source>Community action</source>
        <translation>Acción comunitaria</translation>
    </message>
    <message>
        <source>Show the articles about this topic</source>
        <translation>Ver los artículos sobre este tema</translation>
    </message>
    <message>
        <source>Police stopped me</source>
        <translation>La policía me detuvo</translation>
    </message>
    <message>
        <source>ICE is at my door</source>
        <translation>ICE está en mi puerta</translation>
    </message>
    <message>
        <source>Someone I love was detained</source>
        <translation>Detuvieron a un ser querido</translation>
    </message>
    <message>
        <source>I want to report mistreatment</source>
        <translation>Quiero denunciar un maltrato</translation>
    </message>
    <message>
        <source>Answer a few questions and get clear steps</source>
        <translation>Responda unas preguntas y reciba pasos claros</translation>
    </message>
    <message>
        <source>Get help now</source>
        <translation>Ayuda ahora</translation>
    </message>
    <message>
        <source>Phone numbers and websites of people who can help</source>
        <translation>Teléfonos y sitios web de personas que pueden ayudar</translation>
    </message>
    <message>
        <source>This is not legal advice. Where to get real help →</source>
        <translation>Esto no es asesoría legal. Dónde encontrar ayuda de verdad →</translation>
    </message>
    <message>
        <source>How to find free or low-cost legal help you can trust</source>
        <translation>Cómo encontrar ayuda legal gratis o de bajo costo en la que pueda confiar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the guide…</source>
        <translation>Abriendo la guía…</translation>
    </message>
    <message>
        <source>1 content file was left out, in whole or in part; the rest of the guide works.</source>
        <translation>Se dejó fuera 1 archivo de contenido, en todo o en parte; el resto de la guía funciona.</translation>
    </message>
    <message>
        <source>%1 content files were left out, in whole or in part; the rest of the guide works.</source>
        <translation>Se dejaron fuera %1 archivos de contenido, en todo o en parte; el resto de la guía funciona.</translation>
    </message>
    <message>
        <source>Preparing search for first use…</source>
        <translation>Preparando la búsqueda por primera vez…</translation>
    </message>
    <message>
        <source>The guide could not be opened. Please close it and start it again.</source>
        <translation>No se pudo abrir la guía. Ciérrela y vuelva a abrirla.</translation>
    </message>
    <message>
        <source>Search is not available right now. You can still browse the articles.</source>
        <translation>La búsqueda no está disponible en este momento. Todavía puede ver los artículos.</translation>
    </message>
    <message>
        <source>Preparing search…</source>
        <translation>Preparando la búsqueda…</translation>
    </message>
    <message>
        <source>The search index was damaged; it has been rebuilt.</source>
        <translation>El índice de búsqueda estaba dañado; se volvió a crear.</translation>
    </message>
</context>
<context>
    <name>PageViews</name>
    <message>
        <source>Opening the guide…</source>
        <translation>Abriendo la guía…</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Todos los artículos</translation>
    </message>
    <message>
        <source>That article is not in this guide.</source>
        <translation>Ese artículo no está en esta guía.</translation>
    </message>
    <message>
        <source>%1. In short: %2</source>
        <translation>%1. En resumen: %2</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>Rights Guide — slides</source>
        <translation>Guía de derechos — diapositivas</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Rights Guide — presenter view</source>
        <translation>Guía de derechos — vista del presentador</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>End of the slides</source>
        <translation>Fin de las diapositivas</translation>
    </message>
    <message>
        <source>Slide %1 of %2</source>
        <translation>Diapositiva %1 de %2</translation>
    </message>
    <message>
        <source>The screen is black. Press B to show the slide again.</source>
        <translation>La pantalla está en negro. Presione B para volver a mostrar la diapositiva.</translation>
    </message>
    <message>
        <source>Right, Space: next · Left: back · Home / End · B: black screen · Esc: end</source>
        <translation>Flecha derecha, Espacio: siguiente · Flecha izquierda: atrás · Inicio / Fin · B: pantalla negra · Esc: terminar</translation>
    </message>
</context>
<context>
    <name>PrivacyActions</name>
    <message>
        <source>This kiosk has no administrator passphrase; it cannot be unlocked.</source>
        <translation>Este quiosco no tiene contraseña de administrador; no se puede desbloquear.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Administrator passphrase:</source>
        <translation>Contraseña de administrador:</translation>
    </message>
    <message>
        <source>That passphrase is not right.</source>
        <translation>Esa contraseña no es correcta.</translation>
    </message>
    <message>
        <source>Administrator mode for 5 minutes or until Start over: quitting and settings are unlocked.</source>
        <translation>Modo de administrador por 5 minutos o hasta Empezar de nuevo: puede cerrar la guía y cambiar la configuración.</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Starting the voice…</source>
        <translation>Preparando la voz…</translation>
    </message>
    <message>
        <source>No Spanish voice is installed on this computer, so another voice reads this text. Install one (on Linux: espeak-ng) to hear it in Spanish.</source>
        <translation>Esta computadora no tiene una voz en español, así que otra voz lee este texto. Instale una (en Linux: espeak-ng) para oírlo en español.</translation>
    </message>
    <message>
        <source>No English voice is installed on this computer, so another voice reads this text. Install one (on Linux: espeak-ng) to hear it in English.</source>
        <translation>Esta computadora no tiene una voz en inglés, así que otra voz lee este texto. Instale una (en Linux: espeak-ng) para oírlo en inglés.</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Read aloud ({key})</source>
        <translation>Leer en voz alta ({key})</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Detener la lectura</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Velocidad:</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>Velocidad de lectura</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Resume reading</source>
        <translation>Seguir leyendo</translation>
    </message>
    <message>
        <source>Pause reading</source>
        <translation>Pausar la lectura</translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>The article text. Tab moves to the next link, Ctrl+Down and Ctrl+Up to the next or previous heading.</source>
        <translation>El texto del artículo. Tab va al siguiente enlace; Ctrl+Abajo y Ctrl+Arriba, al título siguiente o anterior.</translation>
    </message>
    <message>
        <source>Sections:</source>
        <translation>Secciones:</translation>
    </message>
    <message>
        <source>Sections of this article</source>
        <translation>Secciones de este artículo</translation>
    </message>
    <message>
        <source>Choose a heading to go to it</source>
        <translation>Elija un título para ir a él</translation>
    </message>
    <message>
        <source>Heading level %1: %2</source>
        <translation>Título de nivel %1: %2</translation>
    </message>
    <message>
        <source>Heading level %1: %2. %3 of %4</source>
        <translation>Título de nivel %1: %2. %3 de %4</translation>
    </message>
    <message>
        <source>No more headings</source>
        <translation>No hay más títulos</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Enlace: %1</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Press Enter to open the selected result.</source>
        <translation>Presione Enter para abrir el resultado elegido.</translation>
    </message>
    <message>
        <source>Answer a few questions: %1 →</source>
        <translation>Responda unas preguntas: %1 →</translation>
    </message>
    <message>
        <source>Find legal help you can trust</source>
        <translation>Encontrar ayuda legal confiable</translation>
    </message>
    <message>
        <source>Nothing found in this language. These articles in the other language match:</source>
        <translation>No se encontró nada en español. Estos artículos en inglés sí coinciden:</translation>
    </message>
    <message>
        <source>First: %1</source>
        <translation>El primero: %1</translation>
    </message>
    <message>
        <source>Browse all articles</source>
        <translation>Ver todos los artículos</translation>
    </message>
    <message>
        <source>Or start from a topic:</source>
        <translation>O empiece por un tema:</translation>
    </message>
    <message>
        <source>No results. Try fewer words, other words, or check the spelling.</source>
        <translation>No hay resultados. Pruebe con menos palabras o con otras palabras, o revise cómo están escritas.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>This guide does not answer that question. A lawyer or accredited representative can: %1</source>
        <translation>Esta guía no responde esa pregunta. Un abogado o un representante acreditado sí puede: %1</translation>
    </message>
    <message>
        <source>Showing results for %1. Search instead for %2</source>
        <translation>Resultados para %1. Buscar lo que escribió: %2</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Switch to %1</source>
        <translation>Cambiar a %1</translation>
    </message>
    <message>
        <source>This looks like %1: results in %1 (marked).</source>
        <translation>Parece que está en %1: resultados en %1 (marcados).</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 resultado</translation>
    </message>
    <message>
        <source>%1 results</source>
        <translation>%1 resultados</translation>
    </message>
    <message>
        <source>Get help now</source>
        <translation>Ayuda ahora</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <source>Where to get help</source>
        <translation>Dónde encontrar ayuda</translation>
    </message>
</context>
<context>
    <name>SpeechEngineStarter</name>
    <message>
        <source>Read aloud needs a speech service: install speech-dispatcher and espeak-ng (sudo apt install speech-dispatcher espeak-ng), then open the guide again.</source>
        <translation>La lectura en voz alta necesita un servicio de voz: instale speech-dispatcher y espeak-ng (sudo apt install speech-dispatcher espeak-ng) y vuelva a abrir la guía.</translation>
    </message>
    <message>
        <source>Read aloud needs a text-to-speech voice: turn on the speech voices in the system settings.</source>
        <translation>La lectura en voz alta necesita una voz del sistema: active las voces en la configuración de la computadora.</translation>
    </message>
    <message>
        <source>Read aloud is not installed: reinstall the guide with its full set of packages (PySide6-Addons).</source>
        <translation>La lectura en voz alta no está instalada: vuelva a instalar la guía con todos sus paquetes (PySide6-Addons).</translation>
    </message>
    <message>
        <source>The speech service on this computer is not answering. Restart the computer, or reinstall speech-dispatcher and espeak-ng.</source>
        <translation>El servicio de voz de esta computadora no responde. Reinicie la computadora o vuelva a instalar speech-dispatcher y espeak-ng.</translation>
    </message>
</context>
<context>
    <name>StillThereDialog</name>
    <message>
        <source>Still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Sigo aquí</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Still there? To protect your privacy, this screen will be cleared in 1 second.</source>
        <translation>¿Sigue ahí? Para proteger su privacidad, esta pantalla se borrará en 1 segundo.</translation>
    </message>
    <message>
        <source>Still there? To protect your privacy, this screen will be cleared in %1 seconds.</source>
        <translation>¿Sigue ahí? Para proteger su privacidad, esta pantalla se borrará en %1 segundos.</translation>
    </message>
</context>
<context>
    <name>WindowChrome</name>
    <message>
        <source>Rights Guide</source>
        <translation>Guía de derechos</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Go back (Alt+Left)</source>
        <translation>Volver atrás (Alt+Flecha izquierda)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Go forward (Alt+Right)</source>
        <translation>Ir adelante (Alt+Flecha derecha)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Back to the start screen</source>
        <translation>Volver a la pantalla de inicio</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Clear my session</source>
        <translation>&amp;Borrar mi sesión</translation>
    </message>
    <message>
        <source>Clear the search, results and history now</source>
        <translation>Borrar ahora la búsqueda, los resultados y el historial</translation>
    </message>
    <message>
        <source>Quick e&amp;xit</source>
        <translation>Salida &amp;rápida</translation>
    </message>
    <message>
        <source>Clear everything and leave (Ctrl+Shift+Q or Esc twice)</source>
        <translation>Borrar todo y salir (Ctrl+Shift+Q o Esc dos veces)</translation>
    </message>
    <message>
        <source>Administrator unlock</source>
        <translation>Desbloqueo de administrador</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Letra más &amp;grande</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Letra más &amp;pequeña</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>Tamaño &amp;normal</translation>
    </message>
    <message>
        <source>&amp;Find in article…</source>
        <translation>&amp;Buscar en el artículo…</translation>
    </message>
    <message>
        <source>Switch language (English / Español)</source>
        <translation>Cambiar idioma (English / Español)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;All articles</source>
        <translation>&amp;Todos los artículos</translation>
    </message>
    <message>
        <source>&amp;How to use this guide</source>
        <translation>&amp;Cómo usar esta guía</translation>
    </message>
    <message>
        <source>Not legal advice — &amp;where to get help</source>
        <translation>No es asesoría legal: dónde encontrar a&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Rights Guide</source>
        <translation>&amp;Acerca de la Guía de derechos</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Alto contraste</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Type your question, for example: police at my door</source>
        <translation>Escriba su pregunta, por ejemplo: policía en mi puerta</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Buscar en la guía</translation>
    </message>
    <message>
        <source>Search (Ctrl+K). Up and Down choose a result, Enter opens it.</source>
        <translation>Buscar (Ctrl+K). Con las flechas arriba y abajo elige un resultado; con Enter lo abre.</translation>
    </message>
    <message>
        <source>%1 (switch language)</source>
        <translation>%1 (cambiar de idioma)</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>Show the guide in the other language</source>
        <translation>Ver la guía en inglés</translation>
    </message>
    <message>
        <source>Quick exit</source>
        <translation>Salida rápida</translation>
    </message>
    <message>
        <source>Clear everything on screen and close the guide now</source>
        <translation>Borrar todo lo que hay en la pantalla y cerrar la guía de inmediato</translation>
    </message>
    <message>
        <source>Preparing search</source>
        <translation>Preparando la búsqueda</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Clear everything on screen and start over</source>
        <translation>Borrar todo lo que hay en la pantalla y empezar de nuevo</translation>
    </message>
    <message>
        <source>Start over (Ctrl+Shift+Q, or Esc twice) clears the screen for the next person.</source>
        <translation>Empezar de nuevo (Ctrl+Shift+Q, o Esc dos veces) borra la pantalla para la próxima persona.</translation>
    </message>
    <message>
        <source>Quick exit (Ctrl+Shift+Q, or Esc twice) clears the screen and closes the guide.</source>
        <translation>La salida rápida (Ctrl+Shift+Q, o Esc dos veces) borra la pantalla y cierra la guía.</translation>
    </message>
    <message>
        <source>How to use this guide</source>
        <translation>Cómo usar esta guía</translation>
    </message>
    <message>
        <source>Type a question in the search box. Results appear as you type.
Up and Down choose a result; Enter opens it. Esc clears the search.
Alt+Left goes back. Ctrl+F finds a word in an article.
Ctrl+= and Ctrl+- make the text bigger or smaller.
%1

This guide does not save what you search or read.</source>
        <translation>Escriba una pregunta en el cuadro de búsqueda. Los resultados aparecen mientras escribe.
Con las flechas arriba y abajo elige un resultado; con Enter lo abre. Esc borra la búsqueda.
Alt+Flecha izquierda vuelve atrás. Ctrl+F busca una palabra en el artículo.
Ctrl+= y Ctrl+- hacen la letra más grande o más pequeña.
%1

Esta guía no guarda lo que usted busca ni lo que lee.</translation>
    </message>
    <message>
        <source>Open in your web browser?</source>
        <translation>¿Abrir en su navegador web?</translation>
    </message>
    <message>
        <source>This link goes to a website. It needs internet and opens in your web browser, outside this guide.</source>
        <translation>Este enlace lleva a un sitio web. Necesita internet y se abre en su navegador web, fuera de esta guía.</translation>
    </message>
    <message>
        <source>About Rights Guide</source>
        <translation>Acerca de la Guía de derechos</translation>
    </message>
    <message>
        <source>%1 version %2
Content reviewed up to %3.
This is general information, not legal advice.</source>
        <translation>%1, versión %2
Contenido revisado hasta el %3.
Esta es información general, no es asesoría legal.</translation>
    </message>
</context>
<context>
    <name>WorkshopActions</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print this article (Ctrl+P)</source>
        <translation>Imprimir este artículo (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <source>Save this article as a PDF file to print or share</source>
        <translation>Guardar este artículo como archivo PDF para imprimirlo o compartirlo</translation>
    </message>
    <message>
        <source>Pre&amp;sent</source>
        <translation>&amp;Presentar</translation>
    </message>
    <message>
        <source>Show this article as full-screen slides (F5)</source>
        <translation>Mostrar este artículo como diapositivas en pantalla completa (F5)</translation>
    </message>
    <message>
        <source>Print rights c&amp;ard…</source>
        <translation>Imprimir &amp;tarjeta de derechos…</translation>
    </message>
    <message>
        <source>Print a sheet of wallet cards with your rights in English and Spanish</source>
        <translation>Imprimir una hoja de tarjetas de bolsillo con sus derechos en inglés y español</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presentar</translation>
    </message>
    <message>
        <source>PDF, Letter paper (*.pdf)</source>
        <translation>PDF, papel carta (*.pdf)</translation>
    </message>
    <message>
        <source>PDF, A4 paper (*.pdf)</source>
        <translation>PDF, papel A4 (*.pdf)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved.</source>
        <translation>No se pudo guardar el PDF.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Se guardó %1</translation>
    </message>
</context>
</TS>
