"""The main window: shows the place the person is at and forwards what they do.

What the app decides lives in ``guide_app.app`` (no Qt): where a person is and the back/forward history
(``navigation``), the latest search and its answer (``search_session``, run on the search thread by
``ui.search_worker``), and what a shared computer allows (``policy``). The toolbar and menus are built in
``ui.chrome``; printing, PDF and slides are offered by ``ui.workshop``. Nothing a person searched or read
is written anywhere; the history lives in memory only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDesktopServices  # noqa: F401 - opened links go through it (tests patch it here)
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QStackedWidget

from guide_app.app.navigation import (
    HOME,
    LEGAL_HELP_ARTICLE,
    History,
    LinkKind,
    Place,
    PlaceKind,
    place_for_results,
    resolve_link,
)
from guide_app.app.policy import Policy
from guide_app.app.search_session import Answer
from guide_app.library.model import LANGUAGES
from guide_app.ui.announce import Settled
from guide_app.ui.chrome import WindowChrome
from guide_app.ui.flow_panel import FlowPanel
from guide_app.ui.home import HomePage
from guide_app.ui.pages import PageViews
from guide_app.ui.preference_actions import PreferenceActions
from guide_app.ui.privacy import PrivacyActions
from guide_app.ui.read_aloud import ReadAloud
from guide_app.ui.reader import ReaderPage
from guide_app.ui.results import ResultsPage
from guide_app.ui.safety import QuickExitKeys
from guide_app.ui.search_worker import SearchService
from guide_app.ui.workshop import WorkshopActions

__all__ = ["MainWindow", "Place", "PlaceKind"]
log = logging.getLogger(__name__)
SEARCH_DELAY_MS = 60  # coalesce very fast typing; each query is still run off the UI thread


class MainWindow(PageViews, PreferenceActions, PrivacyActions, WindowChrome, WorkshopActions, QMainWindow):
    index_ready = Signal()
    article_shown = Signal(str)

    def __init__(self, load_guide, preferences, lang: str = "en", translations=None, kiosk=None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.policy = Policy(kiosk)  # kiosk: KioskSettings when running on a community-center computer
        self.prefs = preferences
        self.translations = translations
        self.lang = lang if lang in LANGUAGES else "en"
        self.start_lang = self.lang  # a kiosk without a language of its own returns to this one at each reset
        self.guide = None
        self.nav = History(HOME)
        self._repairs_told = 0
        self.relock_timer = QTimer(self)  # an administrator unlock ends after policy.UNLOCK_SECONDS
        self.relock_timer.setSingleShot(True)
        self.relock_timer.timeout.connect(self.relock)
        self.setMinimumSize(800, 560)
        self.resize(1280, 760)

        self.stack = QStackedWidget()
        self.home = HomePage()
        self.results = ResultsPage()
        self.read_aloud = ReadAloud(self)  # one voice for the window: the reader and the flows share it
        self.read_aloud.enabled = self.policy.can_read_aloud
        self.reader = ReaderPage(self.read_aloud)
        self.flow_panel = FlowPanel(read_aloud=self.read_aloud)
        for bar in (self.reader.read_bar, self.flow_panel.read_bar):
            bar.set_speed(preferences.read_aloud_speed)
            bar.speed_chosen.connect(self._remember_speed)
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
        self.search_announcer = Settled(self.search_box)  # results are spoken once typing pauses

        self.home.topic_chosen.connect(self.show_topic)
        self.home.situation_chosen.connect(self.open_situation)
        self.home.help_requested.connect(self.open_legal_help)
        self.home.help_now_requested.connect(self.open_help)
        self.results.help_now_chosen.connect(self.open_help)
        self.results.result_chosen.connect(self.open_result)
        self.results.suggestion_chosen.connect(self.search_box.setText)
        self.results.exact_chosen.connect(self._search_exactly)
        self.results.language_chosen.connect(self.set_language)
        self.results.legal_help_chosen.connect(self.open_legal_help)
        self.results.topic_chosen.connect(self.show_topic)
        self.results.browse_all.connect(self.show_all)
        self.results.flow_chosen.connect(self.open_flow)
        self.flow_panel.link_activated.connect(self.follow_link)
        self.flow_panel.present.connect(self.present_slides)
        self.reader.browser.link_activated.connect(self.follow_link)

        self.service = SearchService(load_guide, self)
        self.service.loaded.connect(self._on_loaded)
        self.service.ready.connect(self._on_ready)
        self.service.failed.connect(self._on_failed)
        self.service.progress.connect(self._on_progress)
        self.service.results.connect(self._on_results)

        # Esc (once: close or clear; twice quickly: quick exit) and Enter on buttons, for the whole window
        self.window_keys = QuickExitKeys(self)
        self.window_keys.triggered.connect(self.quick_exit)
        self.window_keys.escape.connect(self.escape)
        self.installEventFilter(self.window_keys)

        self.retranslate()
        self._update_nav()  # history starts at home; Back and Forward start disabled
        self.stack.setCurrentWidget(self.home)
        self.search_box.setFocus()

    # -- state kept in guide_app.app ---------------------------------------------------------------------
    @property
    def current(self) -> Place:
        return self.nav.current

    @property
    def history(self) -> History:
        return self.nav

    @property
    def kiosk(self):
        return self.policy.kiosk

    @kiosk.setter
    def kiosk(self, settings) -> None:
        self.policy.kiosk = settings

    @property
    def engine(self):
        return self.service.engine

    # -- index life ---------------------------------------------------------------------------------
    def start(self) -> None:
        self.statusBar().showMessage(self.tr("Opening the guide…"))
        self.service.start()

    def situation_flows(self) -> list[tuple[str, str]]:
        flows = sorted(self.guide.flows.values(), key=lambda flow: flow.order) if self.guide else []
        return [(flow.id, flow.title.get(self.lang) or flow.title["en"]) for flow in flows]

    def _on_loaded(self, guide) -> None:
        self.guide = guide
        self.home.show_flows(self.situation_flows())
        if guide.problems:
            count = len({p.path for p in guide.problems})  # files, not problems: one file may have several
            if count == 1:  # two strings, not "%n file(s)": English has no .qm to choose a plural form
                message = self.tr("1 content file was left out, in whole or in part; the rest of the guide works.")
            else:
                message = self.tr(
                    "%1 content files were left out, in whole or in part; the rest of the guide works."
                ).replace("%1", str(count))
            self.statusBar().showMessage(message, 10000)
        self.show_place(self.current, record=False)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.show()
        self.statusBar().showMessage(self.tr("Preparing search for first use…"))

    def _on_ready(self) -> None:
        # Lay the results page out and paint a sample row off screen once now (shown and hidden again
        # before any paint), so the first keystroke does not pay for it.
        shown = self.stack.currentWidget()
        self.stack.setCurrentWidget(self.results)
        self.results.warm_up()
        self.stack.setCurrentWidget(shown)
        self.progress.hide()
        self.statusBar().clearMessage()
        self.index_ready.emit()
        if self.search_box.text().strip():
            self._send_query()

    def _on_failed(self, _message: str) -> None:
        self.progress.hide()
        if self.guide is None:  # the guide itself did not load: there is nothing to browse either
            text = self.tr("The guide could not be opened. Please close it and start it again.")
        else:
            text = self.tr("Search is not available right now. You can still browse the articles.")
        self.statusBar().showMessage(text)
        log.error("index failed")  # the search thread logged the type; a message could quote content

    # -- searching ----------------------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self.search_timer.stop()
            self.search_announcer.cancel()
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

    def _search_exactly(self, text: str) -> None:
        """ "Search instead for …": the words as typed, without spelling corrections."""
        if self.engine is not None and text.strip():
            self.search_timer.stop()
            self.service.request(text, self.lang, exact=True)

    def _on_results(self, answer: Answer) -> None:
        """The one place an answer reaches the window: it is drawn as it is (see app.search_session)."""
        repairs = answer.index_repairs
        if repairs != self._repairs_told:  # the index failed during a search and was rebuilt (search/engine.py)
            self._repairs_told = repairs
            self.statusBar().showMessage(self.tr("The search index was damaged; it has been rebuilt."), 10000)
        self.results.show_response(answer, self._topic_links())
        self.search_announcer.later(self.results.spoken)
        place = place_for_results(answer.query, answer.lang)
        if self.current.kind is PlaceKind.RESULTS:
            self.nav.replace(place)  # the next keystroke's results replace their own entry
        else:
            self.nav.visit(place)
            self._update_nav()
        self.stack.setCurrentWidget(self.results)

    def open_current_result(self) -> None:
        if self.stack.currentWidget() is not self.results:
            self.search_timer.stop()
            self._send_query()
            return
        self.results.activate_current()

    def open_result(self, target: Place) -> None:
        self.show_place(target)

    # -- pages --------------------------------------------------------------------------------------
    def show_topic(self, ids: tuple, _label: str = "") -> None:
        self.show_place(Place(PlaceKind.TOPIC, topics=tuple(ids), lang=self.lang))

    def show_all(self) -> None:
        self.show_place(Place(PlaceKind.ALL, lang=self.lang))

    def open_article(self, article_id: str, anchor: str = "") -> None:
        self.show_place(Place(PlaceKind.ARTICLE, article_id, self.lang, anchor))

    def open_help(self) -> None:
        """ "Get help now": the phone numbers and sites of every resource, a center's own first."""
        self.show_place(Place(PlaceKind.HELP, lang=self.lang))

    def open_legal_help(self) -> None:
        self.open_article(LEGAL_HELP_ARTICLE)

    def open_situation(self, flow_id: str, article_id: str) -> None:
        if self.guide is not None and flow_id in self.guide.flows:
            self.open_flow(flow_id)
        else:
            self.open_article(article_id)

    def open_flow(self, flow_id: str) -> None:
        self.search_timer.stop()  # starting a flow clears the search box: the flow is the answer now
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.show_place(Place(PlaceKind.FLOW, flow_id, self.lang))

    def go_home(self) -> None:
        """The start screen, with the cursor in the search box (Home, Esc out of a flow, a cleared search)."""
        self.show_place(HOME)
        self.search_box.setFocus()

    def follow_link(self, href: str) -> None:
        link = resolve_link(href, self.lang, self.policy)
        if link.kind is LinkKind.OPEN and link.place is not None:
            self.show_place(link.place)
        elif link.kind is LinkKind.ANCHOR:
            self.reader.browser.show_anchor(link.target)
        elif link.kind is LinkKind.EXTERNAL:
            self.open_external(link.target)
        elif link.kind is LinkKind.BLOCKED:  # a kiosk opens no browser or mail program: address and QR code
            from guide_app.ui.address_dialog import AddressDialog

            AddressDialog(link.target, self).exec()
        elif link.kind is LinkKind.CARD:
            self.print_rights_card()

    # -- history ------------------------------------------------------------------------------------
    def go_back(self) -> None:
        if self.nav.back() is not None:
            self._restore()

    def go_forward(self) -> None:
        if self.nav.forward() is not None:
            self._restore()

    def _restore(self) -> None:
        place = self.nav.current
        if place.kind is PlaceKind.RESULTS:
            self.search_box.blockSignals(True)
            self.search_box.setText(place.query)
            self.search_box.blockSignals(False)
            if self.engine is not None:
                self.service.request(place.query, self.lang)
            self.stack.setCurrentWidget(self.results)
        else:
            self.show_place(place, record=False)
            if place.kind is PlaceKind.HOME:  # Back out of a flow or an article: ready to type again
                self.search_box.setFocus()
        self._update_nav()

    def _update_nav(self) -> None:
        self.act_back.setEnabled(self.nav.can_go_back)
        self.act_forward.setEnabled(self.nav.can_go_forward)

    # -- other actions --------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def escape(self) -> None:
        """One Esc that nothing else used: close the find bar or the flow, or else clear the search box."""
        if self.reader.find_bar.isVisible():
            self.reader.find_bar.hide()
            self.reader.browser.setFocus()
        elif self.stack.currentWidget() is self.flow_panel:
            self.go_home()
        elif self.search_box.text():
            self.search_box.clear()
            self.search_box.setFocus()

    def find_in_article(self) -> None:
        if self.stack.currentWidget() is self.reader:
            self.reader.find_bar.open()

    def _stop_speech(self) -> None:
        """A reset: the voice stops at once; on a kiosk the next visitor gets the usual speed back."""
        self.read_aloud.stop()
        if self.policy.kiosk_enabled:
            for bar in (self.reader.read_bar, self.flow_panel.read_bar):
                bar.set_speed(self.prefs.read_aloud_speed)

    def closeEvent(self, event):  # noqa: N802 - Qt override
        if not self.policy.can_quit:
            event.ignore()
            self.clear_session()
            return
        self.read_aloud.stop()
        self.service.shutdown()
        super().closeEvent(event)
