"""The results list: title, section heading and highlighted snippet per hit; friendly when empty."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from guide_app.render.html import snippet_html

RESULT_ROLE = Qt.ItemDataRole.UserRole + 1


class ResultsPage(QWidget):
    result_chosen = Signal(object)  # search Result
    suggestion_chosen = Signal(str)
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
        self.list = QListWidget()
        self.list.setObjectName("results")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        self.topic_links: list[tuple[tuple, str]] = []
        self._used = 0  # rows filled by the current answer; the rest are removed
        self.retranslate()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Search results"))
        self.list.setAccessibleDescription(self.tr("Press Enter to open the selected result."))
        self.header.setAccessibleName(self.tr("Search status"))

    # -- filling ------------------------------------------------------------------------------------
    def clear(self) -> None:
        """Remove every row (clear session / quick exit)."""
        self.list.clear()
        self.header.clear()
        self._used = 0

    def empty(self) -> None:
        """Show nothing, but keep the (blanked, hidden) rows for the next search."""
        self._used = 0
        self._drop_unused()
        self.header.clear()

    def show_response(self, response, topics: list[tuple[tuple, str]], flows=()) -> None:
        """``flows``: (flow id, title) of guided situations that match the query, offered first."""
        self.topic_links = topics
        self._used = 0
        results = list(response.results)
        other = list(response.other_lang_results)
        parts = []
        for flow_id, title in flows:
            link = f'<a href="flow:{html.escape(flow_id)}">{html.escape(title)}</a>'
            parts.append(self.tr("Answer a few questions: %1 →").replace("%1", link))
        if response.suggestion:
            link = f'<a href="suggest:{html.escape(response.suggestion)}">{html.escape(response.suggestion)}</a>'
            parts.append(self.tr("Did you mean: %1?").replace("%1", link))
        if results:
            parts.append(self.tr("%n result(s)", "", len(results)))
        elif other:
            parts.append(self.tr("Nothing found in this language. These articles in the other language match:"))
        else:
            parts.append(self._empty_message())
        self.header.setText("<br>".join(parts))
        for result in results + other:
            self._add(result, labeled=result in other)
        self._drop_unused()
        if self._used:
            self.list.setCurrentRow(0)

    def show_articles(self, heading: str, articles) -> None:
        """A browse list (a topic, or everything) shown with the same look as results."""
        self._used = 0
        self.header.setText(f"<b>{html.escape(heading)}</b>")
        for article in articles:
            self._add_item(article.title, "", article.summary, ("article", article.id, article.lang, ""), False, "")
        self._drop_unused()
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

    def _add(self, result, labeled: bool) -> None:
        lang_label = {"en": self.tr("English"), "es": self.tr("Spanish")}.get(result.lang, result.lang)
        kind = {"glossary": self.tr("Glossary"), "resource": self.tr("Where to get help")}.get(result.kind, "")
        tag = " · ".join(x for x in (kind, lang_label if labeled else "") if x)
        target = (result.kind, result.id.split(":", 1)[-1], result.lang, result.anchor)
        self._add_item(result.title, result.section, snippet_html(result.snippet), target, True, tag)

    def _add_item(self, title: str, section: str, text: str, target, is_html: bool, tag: str) -> None:
        """Fill the next row, reusing an existing row and label when there is one (creating and attaching
        label widgets is most of the cost of showing results while someone types)."""
        reuse = self._used < self.list.count()
        item = self.list.item(self._used) if reuse else QListWidgetItem()
        item.setHidden(False)
        label = self.list.itemWidget(item) if reuse else None
        self._used += 1
        plain = text if not is_html else text.replace("<b>", "").replace("</b>", "")
        accessible = " — ".join(x for x in (title, section, tag) if x) + ". " + html.unescape(plain)
        # The label below draws the result; screen readers read the same words from the item.
        item.setData(RESULT_ROLE, target)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, accessible)
        if label is None:
            label = QLabel()
            label.setObjectName("resultItem")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setContentsMargins(8, 6, 8, 6)
        head = f"<b>{html.escape(title)}</b>"
        if section:
            head += f" — {html.escape(section)}"
        if tag:
            head += f" <small>[{html.escape(tag)}]</small>"
        body = text if is_html else html.escape(text)
        label.setText(f"<div>{head}</div><div>{body}</div>")
        if not reuse:
            self.list.addItem(item)
            self.list.setItemWidget(item, label)
        self._fit(item, label)

    def _drop_unused(self) -> None:
        """Hide the rows this answer did not need (kept for the next keystroke), and forget their content."""
        for row in range(self._used, self.list.count()):
            item = self.list.item(row)
            item.setHidden(True)
            item.setData(RESULT_ROLE, None)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, "")
            label = self.list.itemWidget(item)
            if label is not None:
                label.clear()

    def prewarm(self, rows: int) -> None:
        """Create ``rows`` empty, hidden rows ahead of time, so the first answer while typing is cheap."""
        if self.list.count() >= rows:
            return
        self._used = self.list.count()
        for _ in range(rows - self._used):
            self._add_item("", "", "", None, False, "")
        self._used = 0
        self._drop_unused()
        self.ensurePolished()

    def _fit(self, item: QListWidgetItem, label: QLabel) -> None:
        width = max(300, self.list.viewport().width() - 8)
        item.setSizeHint(QSize(width, label.heightForWidth(width) + 4))

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        for row in range(self.list.count()):
            item = self.list.item(row)
            label = self.list.itemWidget(item)
            if label is not None:
                self._fit(item, label)

    # -- navigation ---------------------------------------------------------------------------------
    @property
    def shown_count(self) -> int:
        """How many results (or browsed articles) are on screen now."""
        return self._used

    def item_text(self, row: int) -> str:
        """What a screen reader announces for result ``row``."""
        return str(self.list.item(row).data(Qt.ItemDataRole.AccessibleTextRole) or "")

    def move(self, step: int) -> None:
        if self._used:
            row = max(0, min(self._used - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)

    def activate_current(self) -> bool:
        item = self.list.currentItem()
        if item is None:
            return False
        self._activate(item)
        return True

    def _activate(self, item: QListWidgetItem) -> None:
        self.result_chosen.emit(item.data(RESULT_ROLE))

    def _on_header_link(self, href: str) -> None:
        kind, _, value = href.partition(":")
        if kind == "suggest":
            self.suggestion_chosen.emit(html.unescape(value))
        elif kind == "topic" and value.isdigit() and int(value) < len(self.topic_links):
            ids, label = self.topic_links[int(value)]
            self.topic_chosen.emit(ids, label)
        elif kind == "browse":
            self.browse_all.emit()
        elif kind == "flow":
            self.flow_chosen.emit(value)
