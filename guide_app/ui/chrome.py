"""The main window's chrome: toolbar, search box, menus, shortcuts, and their words (``retranslate``).

Only widgets and their text live here; each action calls a method of ``MainWindow``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMenuBar,
    QMessageBox,
    QPushButton,
    QToolBar,
    QToolButton,
    QWidget,
)

from guide_app import __version__
from guide_app.kiosk import ADMIN_KEYS


class _SearchKeys(QObject):
    """Up/Down/Enter in the search box drive the results list (Esc is the window's: safety.QuickExitKeys)."""

    def __init__(self, window) -> None:
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
        return False


class WindowChrome:
    """Part of ``MainWindow`` (a mixin): builds the toolbar and menus and sets their words."""

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
        # Beside the menu bar, not in the toolbar: a toolbar hides what does not fit behind "»", and Quick exit
        # must stay on screen at every text size and window width. Not as the menu bar's corner widget either:
        # Qt leaves a menu bar's corner widget out of the accessibility tree, so screen readers said nothing
        # when Tab reached it (issue 19). A row holding the menu bar and the button keeps both in the tree.
        self._menu_bar = QMenuBar()
        menu_row = QWidget()
        menu_row.setObjectName("menuRow")
        row = QHBoxLayout(menu_row)
        row.setContentsMargins(0, 0, 4, 2)
        row.setSpacing(8)
        row.addWidget(self._menu_bar, 1)
        row.addWidget(self.quick_exit_button)
        self.setMenuWidget(menu_row)
        for button in bar.findChildren(QToolButton):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for button in self.search_box.findChildren(QToolButton):  # the clear "x": Esc does the same
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def menuBar(self) -> QMenuBar:  # noqa: N802 - Qt name; the menu bar lives in the row built above
        bar = getattr(self, "_menu_bar", None)
        return bar if bar is not None else super().menuBar()

    def _build_menus(self) -> None:
        m = self.menuBar()
        self.menu_file = m.addMenu("")
        self.act_quit = QAction(self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        self.act_clear = QAction(self, triggered=self.clear_session)
        self.act_quick_exit = QAction(self, shortcut=QKeySequence("Ctrl+Shift+Q"), triggered=self.quick_exit)
        self.act_quick_exit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.addAction(self.act_quick_exit)  # Ctrl+Shift+Q works even when the File menu is hidden (kiosk)
        self.act_admin = QAction(self, shortcut=QKeySequence(ADMIN_KEYS), triggered=self.unlock_admin)
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
        self.act_legal = QAction(self, triggered=self.open_legal_help)
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
        self.language_button.setAccessibleName(
            self.tr("%1 (switch language)").replace("%1", self.language_button.text())
        )
        for button in self.search_box.findChildren(QToolButton):
            button.setAccessibleName(self.tr("Clear the search"))
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
        if not self.policy.quick_exit_closes:  # a kiosk, even unlocked: the button only starts over
            self.quick_exit_button.setText(self.tr("Start over"))
            self.quick_exit_button.setToolTip(self.tr("Clear everything on screen and start over"))
        self._retranslate_workshop()
        if self.guide is not None:  # every situation flow on home, labelled with its own title
            self.home.show_flows(self.situation_flows())
        else:
            self.home.retranslate()
        self.results.retranslate()
        self.reader.retranslate()
        self.flow_panel.retranslate()

    def show_how_to(self) -> None:
        if self.policy.kiosk_enabled:  # a kiosk never closes: the same keys start over for the next person
            leaving = self.tr("Start over (Ctrl+Shift+Q, or Esc twice) clears the screen for the next person.")
        else:
            leaving = self.tr("Quick exit (Ctrl+Shift+Q, or Esc twice) clears the screen and closes the guide.")
        QMessageBox.information(
            self,
            self.tr("How to use this guide"),
            self.tr(
                "Type a question in the search box. Results appear as you type.\n"
                "Up and Down choose a result; Enter opens it. Esc clears the search.\n"
                "Alt+Left goes back. Ctrl+F finds a word in an article.\n"
                "Ctrl+= and Ctrl+- make the text bigger or smaller.\n"
                "%1\n\n"
                "This guide does not save what you search or read."
            ).replace("%1", leaving),
        )

    def open_external(self, href: str) -> bool:
        """Web links need internet and leave the app: say so, and open only if the person agrees."""
        if not self.policy.can_open_external:
            return False
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
