"""The article reader: a QTextBrowser showing HTML from guide_app.render, plus a find-in-page bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from guide_app.ui.read_aloud import ReadAloud
from guide_app.ui.read_aloud_bar import ReadAloudBar, install_shortcut


class ArticleBrowser(QTextBrowser):
    """Never follows links by itself: the window decides (internal article, anchor, or ask first)."""

    link_activated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def loadResource(self, kind, url: QUrl):  # noqa: N802 - Qt override
        return None  # no images or files are ever fetched, local or remote


class FindBar(QWidget):
    """Ctrl+F inside the article: type, Enter for next, Shift+Enter for previous, Esc to close."""

    def __init__(self, browser: QTextBrowser, parent=None) -> None:
        super().__init__(parent)
        self.browser = browser
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.label.setBuddy(self.field)
        self.previous = QPushButton()
        self.next = QPushButton()
        self.close_button = QPushButton()
        self.status = QLabel()
        for w in (self.label, self.field, self.previous, self.next, self.status, self.close_button):
            layout.addWidget(w)
        self.field.returnPressed.connect(self.find_next)
        self.next.clicked.connect(self.find_next)
        self.previous.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.hide)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.find_previous)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.field, self.hide)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Find in article:"))
        self.field.setAccessibleName(self.tr("Find in article"))
        self.field.setPlaceholderText(self.tr("Word to find"))
        self.next.setText(self.tr("Next"))
        self.next.setAccessibleName(self.tr("Find next"))
        self.previous.setText(self.tr("Previous"))
        self.previous.setAccessibleName(self.tr("Find previous"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close find bar"))

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def find_next(self) -> None:
        self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> None:
        self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags) -> None:
        text = self.field.text()
        if not text:
            return
        found = self.browser.find(text, flags)
        if not found:  # wrap around once
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if flags else cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        self.status.setText("" if found else self.tr("Not found"))

    def clear(self) -> None:
        self.field.clear()
        self.status.clear()
        self.hide()


class ReaderPage(QWidget):
    def __init__(self, read_aloud: ReadAloud | None = None, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.browser = ArticleBrowser()
        self.find_bar = FindBar(self.browser)
        self.read_aloud = read_aloud or ReadAloud(self)
        self.lang = "en"  # the language of the article shown, so the right voice reads it
        self.read_bar = ReadAloudBar(self.read_aloud)
        self.read_bar.read_button.clicked.connect(self.read)
        install_shortcut(self, self.read)
        layout.addWidget(self.read_bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.find_bar)
        self.read_bar.setVisible(self.read_aloud.enabled)
        self.retranslate()

    def read(self) -> None:
        """Read the article aloud from the top ("In short" first), or from the selected text."""
        if self.read_aloud.enabled:
            self.read_aloud.read_browser(self.browser, self.lang)

    def retranslate(self) -> None:
        self.browser.setAccessibleName(self.tr("Article"))
        self.browser.setAccessibleDescription(self.tr("The article text. Links open other articles."))
        self.find_bar.retranslate()
        self.read_bar.retranslate()
