"""The results page: a header (counts, "did you mean", situations to walk through) over a list of results.

The list is a ``QListView`` over :class:`ResultsModel`, drawn by :class:`ResultDelegate` (title, section,
tag, and the snippet with the matched words in bold), as Zeal draws its search results. Rows are plain
data: refilling the list for the next keystroke is one model reset, with no widgets to create or pool.
Everything about an answer except the words on screen was computed on the search thread
(``guide_app.app.search_session``); this page only maps it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QPalette, QStaticText, QTransform
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from guide_app.app.navigation import Place, PlaceKind
from guide_app.app.search_session import Answer, ResultRow

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1  # the Place a row opens
HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # the rich text the delegate draws


@dataclass(frozen=True)
class _Row:
    target: Place
    html: str
    accessible: str


def _snippet_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        if start < last or end > len(text):
            continue
        out.append(html.escape(text[last:start]) + "<b>" + html.escape(text[start:end]) + "</b>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def _row(target: Place, title: str, section: str, tag: str, body_html: str, body_plain: str) -> _Row:
    head = f"<b>{html.escape(title)}</b>"
    if section:
        head += f" — {html.escape(section)}"
    if tag:
        head += f" <small>[{html.escape(tag)}]</small>"
    accessible = " — ".join(x for x in (title, section, tag) if x) + ". " + body_plain
    return _Row(target, f"{head}<br>{body_html}", accessible)


class ResultsModel(QAbstractListModel):
    """The rows on screen; replaced as a whole for every answer or browse list."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.accessible  # what a screen reader announces for the row
        if role == TARGET_ROLE:
            return row.target
        if role == HTML_ROLE:
            return row.html
        return None

    def set_rows(self, rows: list[_Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()


class ResultDelegate(QStyledItemDelegate):
    """Draws a row's rich text with a cached ``QStaticText`` (laid out once per text, width and font)."""

    PAD_X, PAD_Y = 8, 6

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self._cache: dict[tuple[str, int, str], QStaticText] = {}

    def _text(self, text: str, width: int, option: QStyleOptionViewItem) -> QStaticText:
        key = (text, width, option.font.key())
        static = self._cache.get(key)
        if static is None:
            if len(self._cache) > 400:
                self._cache.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.RichText)
            static.setTextWidth(width)
            static.prepare(QTransform(), option.font)
            self._cache[key] = static
        return static

    def _width(self) -> int:
        return max(300, self.view.viewport().width() - 8) - 2 * self.PAD_X

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        static = self._text(str(index.data(HTML_ROLE) or ""), self._width(), option)
        return QSize(self._width() + 2 * self.PAD_X, int(static.size().height()) + 2 * self.PAD_Y + 4)

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the style draws background, selection and focus; the text is drawn below
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        static = self._text(str(index.data(HTML_ROLE) or ""), self._width(), option)
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(option.font)
        painter.drawStaticText(opt.rect.topLeft() + QPoint(self.PAD_X, self.PAD_Y), static)
        painter.restore()


class ResultsView(QListView):
    """The list of results; ``count()`` is the number of rows shown."""

    def count(self) -> int:
        return self.model().rowCount() if self.model() is not None else 0

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # rows wrap to the new width


class ResultsPage(QWidget):
    result_chosen = Signal(object)  # the Place a result opens
    suggestion_chosen = Signal(str)
    exact_chosen = Signal(str)  # search these words as typed, without spelling corrections
    language_chosen = Signal(str)  # switch the window to this language (the query looked like it)
    legal_help_chosen = Signal()
    help_now_chosen = Signal()  # "Get help now": phone numbers and sites
    topic_chosen = Signal(tuple, str)
    browse_all = Signal()
    flow_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.header = QLabel()
        self.header.setObjectName("resultsHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.header.linkActivated.connect(self._on_header_link)
        self.model = ResultsModel(self)
        self.list = ResultsView()
        self.list.setObjectName("results")
        self.list.setModel(self.model)
        self.list.setItemDelegate(ResultDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.activated.connect(self._activate)
        self.list.clicked.connect(self._activate)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        self.topic_links: list[tuple[tuple, str]] = []
        self.spoken = ""  # what screen readers are told about the current answer (see announce.py)
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Search results"))
        self.list.setAccessibleDescription(self.tr("Press Enter to open the selected result."))
        # No fixed accessible name on the header: screen readers read what it says (count, suggestions).

    # -- filling ------------------------------------------------------------------------------------
    def clear(self) -> None:
        """Remove every row and the header (clear session / quick exit)."""
        self.model.set_rows([])
        self.header.clear()
        self.spoken = ""

    def empty(self) -> None:
        """Show nothing (the search box was emptied)."""
        self.clear()

    def show_response(self, answer: Answer, topics: list[tuple[tuple, str]]) -> None:
        """Draw an answer of the search session; ``topics`` (ids, label) are offered when nothing is found."""
        self.topic_links = topics
        parts = []
        for offer in answer.flows:
            link = f'<a href="flow:{html.escape(offer.flow_id)}">{html.escape(offer.title)}</a>'
            parts.append(self.tr("Answer a few questions: %1 →").replace("%1", link))
        if answer.out_of_scope:
            help_label = self.tr("Find legal help you can trust")
            help_link = f'<a href="help:">{html.escape(help_label)}</a>'
            parts.append(
                self.tr(
                    "This guide does not answer that question. A lawyer or accredited representative can: %1"
                ).replace("%1", help_link)
            )
        if answer.suggestion:
            instead = f'<a href="exact:{html.escape(answer.query)}">{html.escape(answer.query)}</a>'
            parts.append(
                self.tr("Showing results for %1. Search instead for %2")
                .replace("%1", f"<b>{html.escape(answer.suggestion)}</b>")
                .replace("%2", instead)
            )
        if answer.detected_lang:
            name = {"en": self.tr("English"), "es": self.tr("Spanish")}.get(answer.detected_lang, answer.detected_lang)
            switch = self.tr("Switch to %1").replace("%1", name)
            link = f'<a href="lang:{html.escape(answer.detected_lang)}">{html.escape(switch)}</a>'
            parts.append(self.tr("This looks like %1: results in %1 (marked).").replace("%1", name) + " " + link)
        if answer.results:
            count = len(answer.results)
            parts.append(self.tr("1 result") if count == 1 else self.tr("%1 results").replace("%1", str(count)))
        elif answer.other_lang_results:
            if not answer.detected_lang:  # (when detected, the line above already says which language)
                parts.append(self.tr("Nothing found in this language. These articles in the other language match:"))
        else:
            parts.append(self._empty_message())
        help_now = self.tr("Get help now")  # not inside an f-string: lupdate would miss it
        parts[-1] += f' · <a href="helpnow:">{html.escape(help_now)}</a>'
        self.header.setText("<br>".join(parts))
        spoken = [_plain(part) for part in parts]
        if answer.rows:
            spoken.append(self.tr("First: %1").replace("%1", answer.rows[0].title))
        self.spoken = " ".join(spoken)
        self.model.set_rows([self._result_row(row) for row in answer.rows])
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))

    def warm_up(self) -> None:
        """Lay out and paint one sample row off screen, then remove it: the first rich-text row pays for
        loading the bold and small fonts (about 10 ms) once, so the first keystroke does not."""
        sample = _row(Place(PlaceKind.HOME), "Aa", "Aa", "Aa", "Aa <b>Aa</b>", "")
        self.model.set_rows([sample])
        self.list.setCurrentIndex(self.model.index(0))
        self.list.doItemsLayout()
        self.header.setText('Aa <a href="#">Aa</a><br>Aa')
        self.grab()
        self.model.set_rows([])
        self.header.clear()

    def show_articles(self, heading: str, articles) -> None:
        """A browse list (a topic, or everything) shown with the same look as results."""
        self.header.setText(f"<b>{html.escape(heading)}</b>")
        rows = [
            _row(Place(PlaceKind.ARTICLE, a.id, a.lang), a.title, "", "", html.escape(a.summary), a.summary)
            for a in articles
        ]
        self.model.set_rows(rows)
        self.list.scrollToTop()

    def _empty_message(self) -> str:
        links = " · ".join(
            f'<a href="topic:{n}">{html.escape(label)}</a>' for n, (_ids, label) in enumerate(self.topic_links)
        )
        browse_label = self.tr("Browse all articles")  # not inside an f-string: lupdate would miss it
        start_label = self.tr("Or start from a topic:")
        browse = f'<a href="browse:all">{html.escape(browse_label)}</a>'
        return (
            self.tr("No results. Try fewer words, other words, or check the spelling.")
            + f"<br>{start_label} {links}<br>{browse}"
        )

    def _result_row(self, row: ResultRow) -> _Row:
        lang_label = {"en": self.tr("English"), "es": self.tr("Spanish")}.get(row.lang, row.lang)
        kind = {PlaceKind.GLOSSARY: self.tr("Glossary"), PlaceKind.RESOURCE: self.tr("Where to get help")}.get(
            row.kind, ""
        )
        tag = " · ".join(x for x in (kind, lang_label if row.other_lang else "") if x)
        return _row(row.target, row.title, row.section, tag, _snippet_html(row.snippet, row.spans), row.snippet)

    # -- navigation ---------------------------------------------------------------------------------
    @property
    def shown_count(self) -> int:
        """How many results (or browsed articles) are on screen now."""
        return self.model.rowCount()

    def item_text(self, row: int) -> str:
        """What a screen reader announces for result ``row`` ("" past the last row)."""
        return str(self.model.data(self.model.index(row), Qt.ItemDataRole.AccessibleTextRole) or "")

    def move(self, step: int) -> None:
        count = self.model.rowCount()
        if count:
            row = max(0, min(count - 1, self.list.currentIndex().row() + step))
            self.list.setCurrentIndex(self.model.index(row))

    def activate_current(self) -> bool:
        index = self.list.currentIndex()
        if not index.isValid():
            return False
        self._activate(index)
        return True

    def _activate(self, index) -> None:
        target = index.data(TARGET_ROLE)
        if target is not None:
            self.result_chosen.emit(target)

    def _on_header_link(self, href: str) -> None:
        kind, _, value = href.partition(":")
        if kind == "suggest":
            self.suggestion_chosen.emit(html.unescape(value))
        elif kind == "exact":
            self.exact_chosen.emit(html.unescape(value))
        elif kind == "lang":
            self.language_chosen.emit(value)
        elif kind == "help":
            self.legal_help_chosen.emit()
        elif kind == "helpnow":
            self.help_now_chosen.emit()
        elif kind == "topic" and value.isdigit() and int(value) < len(self.topic_links):
            ids, label = self.topic_links[int(value)]
            self.topic_chosen.emit(ids, label)
        elif kind == "browse":
            self.browse_all.emit()
        elif kind == "flow":
            self.flow_chosen.emit(value)


def _plain(fragment: str) -> str:
    """The words of a header fragment, for speech: tags dropped, arrows and dots between links too."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("→", "").replace(" · ", ", ")
    text = " ".join(text.split())
    return text if text.endswith((".", "?", ":", "!")) else text + "."
