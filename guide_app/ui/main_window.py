"""The main window: search box and toolbar, home / results / reader pages, menus and shortcuts.

It only wires widgets to the core: loading, searching and rendering happen in guide_app.library,
guide_app.search and guide_app.render. Nothing a person searched or read is written anywhere; the
back/forward history lives in memory only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QToolButton,
)

from guide_app import __version__
from guide_app.library.model import LANGUAGES
from guide_app.ui.flow_panel import FlowPanel
from guide_app.ui.home import TOPIC_BUTTONS, HomePage
from guide_app.ui.reader import ReaderPage
from guide_app.ui.results import ResultsPage
from guide_app.ui.search_worker import SearchService

log = logging.getLogger(__name__)
SEARCH_DELAY_MS = 60  # coalesce very fast typing; each query is still run off the UI thread


@dataclass(frozen=True)
class Place:
    """One entry of the in-memory back/forward history."""

    kind: str  # home, results, topic, all, article, glossary, resource
    key: str = ""
    lang: str = ""
    anchor: str = ""
    query: str = ""
    topics: tuple = ()


class _SearchKeys(QObject):
    """Up/Down/Enter/Esc in the search box drive the results list."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            w = self.window
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and w.stack.currentWidget() is w.results:
                w.results.move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                w.open_current_result()
                return True
            if key == Qt.Key.Key_Escape and w.search_box.text():
                w.search_box.clear()
                return True
        return False


class MainWindow(QMainWindow):
    index_ready = Signal()
    article_shown = Signal(str)

    def __init__(self, load_guide, preferences, lang: str = "en", translations=None, kiosk=None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.kiosk = kiosk  # KioskSettings when running on a community-center computer
        self.admin_unlocked = False
        self.prefs = preferences
        self.translations = translations
        self.lang = lang if lang in LANGUAGES else "en"
        self.guide = None
        self.history: list[Place] = []
        self.position = -1
        self.current: Place = Place("home")
        self.setMinimumSize(800, 560)
        self.resize(1280, 760)

        self.stack = QStackedWidget()
        self.home = HomePage()
        self.results = ResultsPage()
        self.reader = ReaderPage()
        self.flow_panel = FlowPanel()
        self.status_page = QLabel()
        self.status_page.setObjectName("statusPage")
        self.status_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_page.setWordWrap(True)
        for page in (self.home, self.results, self.reader, self.flow_panel, self.status_page):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        self._build_toolbar()
        self._build_menus()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._send_query)

        self.home.topic_chosen.connect(self.show_topic)
        self.home.situation_chosen.connect(self.open_situation)
        self.home.help_requested.connect(lambda: self.open_article("finding-legal-help"))
        self.results.result_chosen.connect(self.open_result)
        self.results.suggestion_chosen.connect(self.search_box.setText)
        self.results.topic_chosen.connect(self.show_topic)
        self.results.browse_all.connect(self.show_all)
        self.results.flow_chosen.connect(self.open_flow)
        self.flow_panel.open_article.connect(self.open_article)
        self.flow_panel.open_card.connect(self.print_rights_card)
        self.flow_panel.present.connect(self.present_slides)
        self.reader.browser.link_activated.connect(self.follow_link)

        self.service = SearchService(load_guide, self)
        self.service.loaded.connect(self._on_loaded)
        self.service.ready.connect(self._on_ready)
        self.service.failed.connect(self._on_failed)
        self.service.progress.connect(self._on_progress)
        self.service.results.connect(self._on_results)

        self.retranslate()
        self._record(self.current)  # history starts at home; Back and Forward start disabled
        self.stack.setCurrentWidget(self.home)
        self.search_box.setFocus()

    # -- construction ---------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar()
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        self.addToolBar(bar)
        self.toolbar = bar
        self.act_back = QAction(self, shortcut=QKeySequence("Alt+Left"), triggered=self.go_back)
        self.act_forward = QAction(self, shortcut=QKeySequence("Alt+Right"), triggered=self.go_forward)
        self.act_home = QAction(self, shortcut=QKeySequence("Alt+Home"), triggered=self.go_home)
        for act in (self.act_back, self.act_forward, self.act_home):
            bar.addAction(act)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(320)
        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.installEventFilter(_SearchKeys(self))
        bar.addWidget(self.search_box)
        self.language_button = QToolButton()
        self.language_button.setObjectName("languageButton")
        self.language_button.clicked.connect(self.toggle_language)
        bar.addWidget(self.language_button)
        self.quick_exit_button = QPushButton()
        self.quick_exit_button.setObjectName("quickExit")
        self.quick_exit_button.clicked.connect(self.quick_exit)
        bar.addWidget(self.quick_exit_button)
        for button in bar.findChildren(QToolButton):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _build_menus(self) -> None:
        m = self.menuBar()
        self.menu_file = m.addMenu("")
        self.act_quit = QAction(self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        self.act_clear = QAction(self, triggered=self.clear_session)
        self.act_quick_exit = QAction(self, shortcut=QKeySequence("Ctrl+Shift+Q"), triggered=self.quick_exit)
        self.act_quick_exit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.act_admin = QAction(self, shortcut=QKeySequence("Ctrl+Alt+Shift+A"), triggered=self.unlock_admin)
        self.act_admin.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.addAction(self.act_admin)
        self.menu_file.addAction(self.act_clear)
        self.menu_file.addAction(self.act_quick_exit)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)

        self.menu_view = m.addMenu("")
        self.act_zoom_in = QAction(self, triggered=lambda: self.zoom(1))
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++"), QKeySequence.StandardKey.ZoomIn])
        self.act_zoom_out = QAction(self, shortcut=QKeySequence("Ctrl+-"), triggered=lambda: self.zoom(-1))
        self.act_zoom_reset = QAction(self, shortcut=QKeySequence("Ctrl+0"), triggered=lambda: self.zoom(0))
        self.act_find = QAction(self, shortcut=QKeySequence("Ctrl+F"), triggered=self.find_in_article)
        self.menu_theme = self.menu_view.addMenu("")
        self.theme_actions = {}
        for theme in ("light", "dark", "contrast"):
            act = QAction(self, checkable=True, triggered=lambda _=False, t=theme: self.set_theme(t))
            self.theme_actions[theme] = act
            self.menu_theme.addAction(act)
        for act in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            self.menu_view.addAction(act)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_find)
        self.act_language = QAction(self, shortcut=QKeySequence("Ctrl+Shift+L"), triggered=self.toggle_language)
        self.menu_view.addAction(self.act_language)

        self.menu_go = m.addMenu("")
        self.act_search = QAction(self, triggered=self.focus_search)
        self.act_search.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+L")])
        self.act_all = QAction(self, triggered=self.show_all)
        for act in (self.act_search, self.act_back, self.act_forward, self.act_home, self.act_all):
            self.menu_go.addAction(act)

        self.menu_help = m.addMenu("")
        self.act_howto = QAction(self, shortcut=QKeySequence("F1"), triggered=self.show_how_to)
        self.act_legal = QAction(self, triggered=lambda: self.open_article("finding-legal-help"))
        self.act_about = QAction(self, triggered=self.show_about)
        for act in (self.act_howto, self.act_legal, self.act_about):
            self.menu_help.addAction(act)
        self._build_workshop_actions()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Rights Guide"))
        texts = {
            self.act_back: (self.tr("Back"), self.tr("Go back (Alt+Left)")),
            self.act_forward: (self.tr("Forward"), self.tr("Go forward (Alt+Right)")),
            self.act_home: (self.tr("Home"), self.tr("Back to the start screen")),
            self.act_quit: (self.tr("&Quit"), ""),
            self.act_clear: (self.tr("&Clear my session"), self.tr("Clear the search, results and history now")),
            self.act_quick_exit: (
                self.tr("Quick e&xit"),
                self.tr("Clear everything and leave (Ctrl+Shift+Q or Esc twice)"),
            ),
            self.act_admin: (self.tr("Administrator unlock"), ""),
            self.act_zoom_in: (self.tr("Zoom &in"), ""),
            self.act_zoom_out: (self.tr("Zoom &out"), ""),
            self.act_zoom_reset: (self.tr("&Normal size"), ""),
            self.act_find: (self.tr("&Find in article…"), ""),
            self.act_language: (self.tr("Switch language (English / Español)"), ""),
            self.act_search: (self.tr("&Search"), ""),
            self.act_all: (self.tr("&All articles"), ""),
            self.act_howto: (self.tr("&How to use this guide"), ""),
            self.act_legal: (self.tr("Not legal advice — &where to get help"), ""),
            self.act_about: (self.tr("&About Rights Guide"), ""),
        }
        for act, (text, tip) in texts.items():
            act.setText(text)
            act.setToolTip(tip or text.replace("&", ""))
        for theme, label in (
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
            ("contrast", self.tr("&High contrast")),
        ):
            self.theme_actions[theme].setText(label)
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_theme.setTitle(self.tr("&Theme"))
        self.menu_go.setTitle(self.tr("&Go"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.search_box.setPlaceholderText(self.tr("Type your question, for example: police at my door"))
        self.search_box.setAccessibleName(self.tr("Search the guide"))
        self.search_box.setToolTip(self.tr("Search (Ctrl+K). Up and Down choose a result, Enter opens it."))
        other = "es" if self.lang == "en" else "en"
        self.language_button.setText({"en": "English", "es": "Español"}[other])
        self.language_button.setAccessibleName(self.tr("Switch language"))
        self.language_button.setToolTip(self.tr("Show the guide in the other language"))
        self.quick_exit_button.setText(self.tr("Quick exit"))
        self.quick_exit_button.setAccessibleName(self.tr("Quick exit"))
        self.quick_exit_button.setToolTip(self.tr("Clear everything on screen and close the guide now"))
        self.progress.setAccessibleName(self.tr("Preparing search"))
        self.status_page.setAccessibleName(self.tr("Status"))
        for button in self.toolbar.findChildren(QToolButton):
            action = button.defaultAction()
            if action is not None:
                button.setAccessibleName(action.text().replace("&", ""))
        if self.in_kiosk:
            self.quick_exit_button.setText(self.tr("Start over"))
            self.quick_exit_button.setToolTip(self.tr("Clear everything on screen and start over"))
        self._retranslate_workshop()
        self.home.retranslate()
        self.results.retranslate()
        self.reader.retranslate()
        self.flow_panel.retranslate()

    # -- index life ---------------------------------------------------------------------------------
    def start(self) -> None:
        self.statusBar().showMessage(self.tr("Opening the guide…"))
        self.service.start()

    def _on_loaded(self, guide) -> None:
        self.guide = guide
        if guide.problems:
            count = len(guide.problems)
            self.statusBar().showMessage(
                self.tr("%n content file(s) could not be read fully; the rest of the guide works.", "", count), 10000
            )
        self.show_place(self.current, record=False)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.show()
        self.statusBar().showMessage(self.tr("Preparing search for first use…"))

    def _on_ready(self) -> None:
        from guide_app.ui.search_worker import RESULTS_SHOWN

        self.results.prewarm(RESULTS_SHOWN)
        # Lay the results page out once now (shown and hidden again before any paint), so the first
        # keystroke does not pay for it.
        shown = self.stack.currentWidget()
        self.stack.setCurrentWidget(self.results)
        self.results.list.doItemsLayout()
        self.stack.setCurrentWidget(shown)
        self.progress.hide()
        self.statusBar().clearMessage()
        self.index_ready.emit()
        if self.search_box.text().strip():
            self._send_query()

    def _on_failed(self, message: str) -> None:
        self.progress.hide()
        self.statusBar().showMessage(self.tr("Search is not available right now. You can still browse the articles."))
        log.error("index failed: %s", message)

    @property
    def engine(self):
        return self.service.engine

    # -- searching ----------------------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self.search_timer.stop()
            self.service.cancel()
            self.results.empty()
            if self.stack.currentWidget() is self.results:
                self.go_home()
            return
        self.search_timer.start()

    def _send_query(self) -> None:
        text = self.search_box.text()
        if text.strip() and self.engine is not None:
            self.service.request(text, self.lang)
        elif text.strip():
            self.statusBar().showMessage(self.tr("Preparing search…"))

    def _on_results(self, response) -> None:
        from guide_app.search.flow_match import matching_flows

        flows = []
        if self.guide is not None:
            found = matching_flows(
                self.search_box.text(), self.lang, self.guide.flows.values(), self.guide.library.synonyms
            )
            flows = [(flow.id, flow.title[self.lang]) for flow in found]
        self.results.show_response(response, self._topic_links(), flows)
        place = Place("results", query=self.search_box.text(), lang=self.lang)
        if self.current.kind == "results":
            self.current = place
            if 0 <= self.position < len(self.history):
                self.history[self.position] = place
        else:
            self._record(place)
            self.current = place
        self.stack.setCurrentWidget(self.results)

    def _topic_links(self) -> list[tuple[tuple, str]]:
        return [(ids, button.text()) for (ids, _), button in zip(TOPIC_BUTTONS, self.home.topic_buttons, strict=True)]

    def open_current_result(self) -> None:
        if self.stack.currentWidget() is not self.results:
            self.search_timer.stop()
            self._send_query()
            return
        self.results.activate_current()

    def open_result(self, target) -> None:
        kind, key, lang, anchor = target
        query = self.search_box.text() if self.current.kind == "results" else ""
        self.show_place(Place(kind, key, lang, anchor, query))

    # -- pages --------------------------------------------------------------------------------------
    def show_topic(self, ids: tuple, label: str) -> None:
        self.show_place(Place("topic", key=label, topics=tuple(ids), lang=self.lang))

    def show_all(self) -> None:
        self.show_place(Place("all", lang=self.lang))

    def open_article(self, article_id: str, anchor: str = "") -> None:
        self.show_place(Place("article", article_id, self.lang, anchor))

    def open_situation(self, flow_id: str, article_id: str) -> None:
        if self.guide is not None and flow_id in self.guide.flows:
            self.open_flow(flow_id)
        else:
            self.open_article(article_id)

    def open_flow(self, flow_id: str) -> None:
        self.show_place(Place("flow", flow_id, self.lang))

    def go_home(self) -> None:
        self.show_place(Place("home"))

    def show_place(self, place: Place, record: bool = True) -> None:
        if record:
            self._record(place)
        self.current = place
        if place.kind == "home":
            self.stack.setCurrentWidget(self.home)
            return
        if self.guide is None:
            self.status_page.setText(self.tr("Opening the guide…"))
            self.stack.setCurrentWidget(self.status_page)
            return
        library = self.guide.library
        if place.kind in ("topic", "all"):
            articles = library.in_language(self.lang)
            if place.kind == "topic":
                articles = [a for a in articles if set(a.topics) & set(place.topics)]
            heading = place.key if place.kind == "topic" else self.tr("All articles")
            self.results.show_articles(heading, articles)
            self.stack.setCurrentWidget(self.results)
            self.results.list.setFocus()
        elif place.kind == "results":
            self.stack.setCurrentWidget(self.results)
        elif place.kind == "flow":
            flow = self.guide.flows.get(place.key)
            if flow is None:
                return
            session = self.flow_panel.session
            if session is None or session.flow.id != flow.id:
                self.flow_panel.start(flow, self.lang, library)
            self.flow_panel.allow_files = not self.in_kiosk
            self.flow_panel.refresh()
            self.stack.setCurrentWidget(self.flow_panel)
        else:
            self._show_document(place)

    def _show_document(self, place: Place) -> None:
        from guide_app.render import html as render

        library = self.guide.library
        browser = self.reader.browser
        if place.kind == "article":
            article = library.translation(place.key, place.lang or self.lang)
            if article is None:
                self.status_page.setText(self.tr("That article is not in this guide."))
                self.stack.setCurrentWidget(self.status_page)
                return
            browser.setHtml(render.article_html(article, library, highlight=self._highlight(place)))
            self.article_shown.emit(article.id)
        elif place.kind == "glossary":
            term = next((t for t in library.glossary if t.id == place.key), None)
            if term is None:
                return
            browser.setHtml(render.glossary_html(term, self.lang))
        elif place.kind == "resource":
            resource = next((r for r in library.resources if r.id == place.key), None)
            if resource is None:
                return
            browser.setHtml(render.resource_html(resource, self.lang))
        self.stack.setCurrentWidget(self.reader)
        self.reader.find_bar.hide()
        if place.anchor:
            browser.scrollToAnchor(place.anchor)
        else:
            browser.verticalScrollBar().setValue(0)
        browser.setFocus()

    def _highlight(self, place: Place):
        if not place.query:
            return None
        from guide_app.render.html import Highlight
        from guide_app.search.analysis import stem
        from guide_app.search.engine import highlight_terms

        lang = place.lang or self.lang
        return Highlight(tuple(highlight_terms(place.query, lang)), lambda word: stem(word, lang))

    def follow_link(self, href: str) -> None:
        if href.startswith("article:"):
            target = href[len("article:") :]
            article_id, _, anchor = target.partition("#")
            self.open_article(article_id, anchor)
        elif href.startswith("#"):
            self.reader.browser.scrollToAnchor(href[1:])
        elif href.startswith(("http://", "https://", "mailto:")):
            self.open_external(href)

    def open_external(self, href: str) -> bool:
        """Web links need internet and leave the app: say so, and open only if the person agrees."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Open in your web browser?"))
        box.setText(
            self.tr("This link goes to a website. It needs internet and opens in your web browser, outside this guide.")
        )
        box.setInformativeText(href)
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() == QMessageBox.StandardButton.Open:
            return QDesktopServices.openUrl(QUrl(href))
        return False

    # -- history ------------------------------------------------------------------------------------
    def _record(self, place: Place) -> None:
        if 0 <= self.position < len(self.history) and self.history[self.position] == place:
            return
        del self.history[self.position + 1 :]
        self.history.append(place)
        self.position = len(self.history) - 1
        self._update_nav()

    def go_back(self) -> None:
        if self.position > 0:
            self.position -= 1
            self._restore()

    def go_forward(self) -> None:
        if self.position < len(self.history) - 1:
            self.position += 1
            self._restore()

    def _restore(self) -> None:
        place = self.history[self.position]
        if place.kind == "results":
            self.search_box.blockSignals(True)
            self.search_box.setText(place.query)
            self.search_box.blockSignals(False)
            self.current = place
            if self.engine is not None:
                self.service.request(place.query, self.lang)
            self.stack.setCurrentWidget(self.results)
        else:
            self.show_place(place, record=False)
        self._update_nav()

    def _update_nav(self) -> None:
        self.act_back.setEnabled(self.position > 0)
        self.act_forward.setEnabled(self.position < len(self.history) - 1)

    # -- preferences ----------------------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        self.prefs.zoom = 2 if step == 0 else self.prefs.zoom + step
        self.apply_zoom()

    def apply_zoom(self) -> None:
        from guide_app.ui import style

        style.apply_font(QApplication.instance(), self.prefs.zoom)

    def set_theme(self, theme: str) -> None:
        from guide_app.ui import style

        self.prefs.theme = theme
        style.apply_theme(QApplication.instance(), self.prefs.theme, self.reader.browser, self.flow_panel.outcome)
        for name, act in self.theme_actions.items():
            act.setChecked(name == self.prefs.theme)
        if self.current.kind in ("article", "glossary", "resource"):
            self.show_place(self.current, record=False)
        self.flow_panel.refresh()

    def toggle_language(self) -> None:
        self.set_language("es" if self.lang == "en" else "en")

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            return
        self.lang = lang
        self.prefs.language = lang
        if self.translations is not None:
            self.translations.install(lang)
        self.retranslate()
        place = self.current
        if place.kind == "article":
            self.show_place(Place("article", place.key, lang, place.anchor if lang == place.lang else ""), False)
        elif place.kind in ("topic", "all"):
            label = place.key
            if place.kind == "topic":
                idx = next((n for n, (ids, _) in enumerate(TOPIC_BUTTONS) if ids == place.topics), None)
                label = self.home.topic_buttons[idx].text() if idx is not None else label
            self.show_place(Place(place.kind, label, lang, topics=place.topics), False)
        elif place.kind == "results" and self.search_box.text().strip():
            self._send_query()
        elif place.kind in ("glossary", "resource"):
            self.show_place(Place(place.kind, place.key, lang), False)
        elif place.kind == "flow":
            self.flow_panel.set_language(lang)

    # -- workshops: print, PDF, slides, rights card ---------------------------------------------------
    def _build_workshop_actions(self) -> None:
        self.act_print = QAction(self, shortcut=QKeySequence.StandardKey.Print, triggered=self.print_article)
        self.act_save_pdf = QAction(self, triggered=self.save_article_pdf)
        self.act_present = QAction(self, shortcut=QKeySequence("F5"), triggered=self.present_article)
        self.act_print_card = QAction(self, triggered=self.print_rights_card)
        first = self.menu_file.actions()[0] if self.menu_file.actions() else None
        self.menu_file.insertActions(first, [self.act_print, self.act_save_pdf, self.act_print_card, self.act_present])
        self.menu_file.insertSeparator(first)
        bar = self.toolbar
        before = next((a for a in bar.actions() if bar.widgetForAction(a) is self.language_button), None)
        bar.insertAction(before, self.act_present)
        self.stack.currentChanged.connect(self._update_workshop_actions)
        self.reader.browser.textChanged.connect(self._update_workshop_actions)
        self.article_shown.connect(self._update_workshop_actions)
        self._update_workshop_actions()

    def _retranslate_workshop(self) -> None:
        texts = {
            self.act_print: (self.tr("&Print…"), self.tr("Print this article (Ctrl+P)")),
            self.act_save_pdf: (self.tr("Save as P&DF…"), self.tr("Save this article as a PDF file to print or share")),
            self.act_present: (self.tr("Pre&sent"), self.tr("Show this article as full-screen slides (F5)")),
            self.act_print_card: (
                self.tr("Print rights c&ard…"),
                self.tr("Print a sheet of wallet cards with your rights in English and Spanish"),
            ),
        }
        for act, (text, tip) in texts.items():
            act.setText(text)
            act.setToolTip(tip)
        self.act_present.setIconText(self.tr("Present"))
        button = self.toolbar.widgetForAction(self.act_present)
        if button is not None:
            button.setAccessibleName(self.tr("Present"))

    def _update_workshop_actions(self, *_args) -> None:
        has_article = self.current_article() is not None
        for act in (self.act_print, self.act_save_pdf, self.act_present):
            act.setEnabled(has_article and not self.in_kiosk)
        self.act_print_card.setEnabled(not self.in_kiosk)

    def current_article(self):
        """The article on screen, or None (home, results, glossary, still loading...)."""
        if self.guide is None or self.current.kind != "article" or self.stack.currentWidget() is not self.reader:
            return None
        return self.guide.library.translation(self.current.key, self.current.lang or self.lang)

    def print_article(self) -> None:
        from guide_app.ui.printing import print_article

        article = self.current_article()
        if article is not None and not self.in_kiosk:
            print_article(self, article, self.guide.library)

    def save_article_pdf(self) -> None:
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        from guide_app.export.printing import export_article_pdf

        article = self.current_article()
        if article is None or self.in_kiosk:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = article.id if article.lang == "en" else f"{article.id}-{article.lang}"
        letter, a4 = self.tr("PDF, Letter paper (*.pdf)"), self.tr("PDF, A4 paper (*.pdf)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            f"{folder}/{name}.pdf",
            f"{letter};;{a4}",
            letter,
            QFileDialog.Option.DontUseNativeDialog,  # native dialogs may list the file in "recent files"
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            export_article_pdf(article, self.guide.library, path, page_size="a4" if chosen == a4 else "letter")
        except OSError as error:
            QMessageBox.warning(self, self.tr("Save as PDF"), self.tr("The PDF could not be saved.") + f"\n{error}")
            return
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 8000)

    def present_article(self) -> None:
        from guide_app.ui.presentation import present_article

        article = self.current_article()
        if article is not None and not self.in_kiosk:
            present_article(self, article.id, article.lang)

    def present_slides(self, slides: list) -> None:
        """Show ready-made slides (e.g. a flow outcome) full screen on the projector."""
        from guide_app.ui.presentation import PresentationWindow

        if slides and not self.in_kiosk:
            self._presentation = PresentationWindow(slides, self)
            self._presentation.present(self)

    def print_rights_card(self) -> None:
        from guide_app.ui.printing import print_card_sheet

        if self.guide is None or not self.guide.library.card or self.in_kiosk:
            return
        card = self.guide.library.card
        lang = self.lang if self.lang != "en" and self.lang in card else next((x for x in card if x != "en"), "en")
        print_card_sheet(self, card, lang)

    # -- other actions --------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def find_in_article(self) -> None:
        if self.stack.currentWidget() is self.reader:
            self.reader.find_bar.open()

    def show_how_to(self) -> None:
        QMessageBox.information(
            self,
            self.tr("How to use this guide"),
            self.tr(
                "Type a question in the search box. Results appear as you type.\n"
                "Up and Down choose a result; Enter opens it. Esc clears the search.\n"
                "Alt+Left goes back. Ctrl+F finds a word in an article.\n"
                "Ctrl+= and Ctrl+- make the text bigger or smaller.\n"
                "Quick exit (Ctrl+Shift+Q, or Esc twice) clears the screen and closes the guide.\n\n"
                "This guide does not save what you search or read."
            ),
        )

    def show_about(self) -> None:
        reviewed = self.guide.library.latest_review() if self.guide else None
        QMessageBox.about(
            self,
            self.tr("About Rights Guide"),
            self.tr("%1 version %2\nContent reviewed up to %3.\nThis is general information, not legal advice.")
            .replace("%1", self.tr("Rights Guide"))  # the name, translated like the window title
            .replace("%2", __version__)
            .replace("%3", reviewed.isoformat() if reviewed else "?"),
        )

    def clear_session(self) -> None:
        """Forget everything on screen and in memory: search, results, history, open article."""
        self.search_timer.stop()
        self.service.cancel()
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.results.clear()
        self.reader.browser.clear()
        self.reader.browser.document().clear()
        self.reader.find_bar.clear()
        self.flow_panel.clear()
        self.history.clear()
        self.position = -1
        self.current = Place("home")
        self._record(self.current)
        self.stack.setCurrentWidget(self.home)
        self.search_box.setFocus()
        QApplication.clipboard().clear()

    @property
    def in_kiosk(self) -> bool:
        return bool(self.kiosk and self.kiosk.enabled and not self.admin_unlocked)

    def quick_exit(self) -> None:
        """Clear every trace now; close the app, or in kiosk mode go back to a neutral home screen."""
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible():
                widget.close()  # dialogs, print previews, presentations
        self.clear_session()
        if not self.in_kiosk:
            self.close()

    def apply_kiosk(self) -> None:
        """Lock the window for a shared computer: full screen, no quitting or file dialogs."""
        locked = self.in_kiosk
        self.act_quit.setEnabled(not locked)
        self.menu_file.menuAction().setVisible(not locked)
        self.quick_exit_button.setToolTip(
            self.tr("Clear everything on screen and start over") if locked else self.quick_exit_button.toolTip()
        )
        if locked:
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            self.showFullScreen()

    def unlock_admin(self) -> None:
        if self.kiosk and self.kiosk.enabled and not self.admin_unlocked:
            self.admin_unlocked = True
            self.apply_kiosk()
            self.statusBar().showMessage(self.tr("Administrator mode: quitting and settings are unlocked."), 8000)

    def closeEvent(self, event):  # noqa: N802 - Qt override
        if self.in_kiosk:
            event.ignore()
            self.clear_session()
            return
        self.service.shutdown()
        super().closeEvent(event)
