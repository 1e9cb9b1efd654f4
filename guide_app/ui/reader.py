"""The article reader: a QTextBrowser showing HTML from guide_app.render, plus a find-in-page bar.

For screen readers the article's structure is made reachable: a "Sections" list of its headings, Ctrl+Down /
Ctrl+Up to move from heading to heading, and each move, each link reached with Tab and each article opened
is announced (see announce.py), since Qt's text browser exposes neither heading roles nor links.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guide_app.ui.announce import announce
from guide_app.ui.read_aloud import ReadAloud
from guide_app.ui.read_aloud_bar import ReadAloudBar, install_shortcut

READING_CHARS = 75  # the longest line, in average characters, however wide the window


class ArticleBrowser(QTextBrowser):
    """Never follows links by itself: the window decides (internal article, anchor, or ask first)."""

    link_activated = Signal(str)
    link_focused = Signal(str)  # the words of the link that Tab or Shift+Tab just moved to

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        moved = super().focusNextPrevChild(next)
        if moved and self.hasFocus():
            cursor = self.textCursor()
            if cursor.hasSelection():
                self.link_focused.emit(" ".join(cursor.selectedText().split()))
        return moved

    def loadResource(self, kind, url: QUrl):  # noqa: N802 - Qt override
        return None  # no images or files are ever fetched, local or remote

    def show_top(self) -> None:
        self.verticalScrollBar().setValue(0)
        self._cursor_to_view()

    def show_anchor(self, anchor: str) -> None:
        self.scrollToAnchor(anchor)
        self._cursor_to_view()

    def _cursor_to_view(self) -> None:
        """Put the (invisible) text cursor where the reading is, so Page Down goes on from what is on screen
        (the cursor left at the start of the page made the first Page Down jump back up)."""
        value = self.verticalScrollBar().value()
        self.setTextCursor(self.cursorForPosition(self.viewport().rect().topLeft()))
        self.verticalScrollBar().setValue(value)  # setting the cursor must not scroll

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        """Lines of about 75 characters at most: on a wide screen the text is a centred column."""
        width = self.fontMetrics().averageCharWidth() * READING_CHARS
        spare = max(0, self.width() - width - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width())
        side = spare // 2
        self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)

    def changeEvent(self, event):  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # text size changed: the column follows
            self.resizeEvent(QResizeEvent(self.size(), self.size()))


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


def headings(doc: QTextDocument) -> list[tuple[int, int, str]]:
    """(position, level, text) of every heading block in ``doc``, in reading order."""
    found = []
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        text = " ".join(block.text().split())
        if level and text:
            found.append((block.position(), level, text))
        block = block.next()
    return found


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
        self.read_bar.setVisible(self.read_aloud.enabled)
        sections_row = QHBoxLayout()
        sections_row.setContentsMargins(8, 4, 8, 0)
        self.sections_label = QLabel()
        self.sections = QComboBox()
        self.sections.setObjectName("sections")
        self.sections.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sections_label.setBuddy(self.sections)
        self.sections.activated.connect(self.go_to_heading)
        sections_row.addWidget(self.sections_label)
        sections_row.addWidget(self.sections)
        sections_row.addStretch(1)
        layout.addLayout(sections_row)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.find_bar)
        self._headings: list[tuple[int, int, str]] = []
        self.browser.link_focused.connect(self._link_reached)
        for keys, step in (("Ctrl+Down", 1), ("Ctrl+Up", -1)):
            shortcut = QShortcut(QKeySequence(keys), self.browser, lambda step=step: self.next_heading(step))
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.setTabOrder(self.sections, self.browser)
        self.retranslate()

    def read(self) -> None:
        """Read the article aloud from the top ("In short" first), or from the selected text."""
        if self.read_aloud.enabled:
            self.read_aloud.read_browser(self.browser, self.lang)

    def retranslate(self) -> None:
        self.browser.setAccessibleName(self.tr("Article"))
        self.browser.setAccessibleDescription(
            self.tr(
                "The article text. Tab moves to the next link, Ctrl+Down and Ctrl+Up to the next or previous heading."
            )
        )
        self.sections_label.setText(self.tr("Sections:"))
        self.sections.setAccessibleName(self.tr("Sections of this article"))
        self.sections.setToolTip(self.tr("Choose a heading to go to it"))
        self.find_bar.retranslate()
        self.read_bar.retranslate()

    # -- structure for screen readers ----------------------------------------------------------------
    def document_shown(self, spoken: str) -> None:
        """A new document is on screen: list its headings and announce it (``spoken``: title, summary)."""
        self._headings = headings(self.browser.document())
        self.sections.blockSignals(True)
        self.sections.clear()
        for _pos, level, text in self._headings:
            self.sections.addItem(("    " * max(0, level - 1)) + text)
            self.sections.setItemData(
                self.sections.count() - 1,
                self.tr("Heading level %1: %2").replace("%1", str(level)).replace("%2", text),
                Qt.ItemDataRole.AccessibleTextRole,
            )
        self.sections.blockSignals(False)
        visible = len(self._headings) > 1
        self.sections.setVisible(visible)
        self.sections_label.setVisible(visible)
        announce(self.browser, spoken)

    def go_to_heading(self, index: int) -> None:
        """Put the caret on heading ``index``, show it at the top, and say where the reader is."""
        if not 0 <= index < len(self._headings):
            return
        position, level, text = self._headings[index]
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        bar = self.browser.verticalScrollBar()
        bar.setValue(
            min(
                bar.maximum(),
                int(
                    self.browser.document()
                    .documentLayout()
                    .blockBoundingRect(self.browser.document().findBlock(position))
                    .top()
                ),
            )
        )
        self.sections.blockSignals(True)
        self.sections.setCurrentIndex(index)
        self.sections.blockSignals(False)
        self.browser.setFocus()
        announce(
            self.browser,
            self.tr("Heading level %1: %2. %3 of %4")
            .replace("%1", str(level))
            .replace("%2", text)
            .replace("%3", str(index + 1))
            .replace("%4", str(len(self._headings))),
        )

    def next_heading(self, step: int) -> None:
        here = self.browser.textCursor().position()
        if step > 0:
            index = next((n for n, h in enumerate(self._headings) if h[0] > here), None)
        else:
            before = [n for n, h in enumerate(self._headings) if h[0] < here]
            index = before[-1] if before else None
        if index is None:
            announce(self.browser, self.tr("No more headings"))
            return
        self.go_to_heading(index)

    def _link_reached(self, words: str) -> None:
        """Tab landed on a link: say that it is a link, and its words (Qt does not expose links)."""
        if words:
            announce(self.browser, self.tr("Link: %1").replace("%1", words))
