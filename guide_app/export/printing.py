"""Printed articles: an article as a PDF or on any QPagedPaintDevice (a printer), with QtGui only.

Everything here draws with Qt's own PDF and printer support, so it works without a window and without a
screen (``QT_QPA_PLATFORM=offscreen``), for example from ``guide-app export``. The caller makes the
``QGuiApplication`` (the window has one; the command line makes a headless one); no widget is used, so the
command line never loads ``QtWidgets``.

- :func:`export_article_pdf` / :func:`paint_article`: the article as ``guide_app.render.html`` writes it for
  print (title, "In short" box, body, sources, reviewed date, not-legal-advice note), laid out in a
  ``QTextDocument`` with a black-and-white print style sheet and paginated by hand so that every page gets a
  running header and a "Page N of M" footer. A heading is never left alone at the bottom of a page.
- :func:`pdf_writer`, :func:`named_page_size`, :func:`layout_document`: shared with the wallet cards
  (:mod:`guide_app.export.card`) and the flow checklist (:mod:`guide_app.export.checklist`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from guide_app.i18n import words
from guide_app.library.model import Article, Library

PAGE_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
ARTICLE_MARGINS_MM = QMarginsF(19, 16, 19, 14)  # left, top, right, bottom (about 3/4 in at the sides)
PDF_DPI = 600
LAYOUT_DPI = 96  # text is laid out at screen resolution (so HTML px mean what they mean on screen), then scaled

# Qt's rich text reads lengths in px only (at LAYOUT_DPI: 4 px = 3 pt); font sizes may be in pt.
PRINT_CSS = """
body { color: #000000; }
h1 { font-size: 20pt; font-weight: bold; color: #000000; margin-top: 0px; margin-bottom: 12px; }
h2 { font-size: 13.5pt; font-weight: bold; color: #000000; margin-top: 20px; margin-bottom: 6px; }
h3 { font-size: 11.5pt; font-weight: bold; color: #000000; margin-top: 12px; margin-bottom: 4px; }
p { margin-top: 0px; margin-bottom: 9px; }
ul, ol { margin-top: 0px; margin-bottom: 9px; }
li { margin-bottom: 4px; }
a { color: #000000; text-decoration: none; }
small { font-size: 8.5pt; color: #333333; }
table.inshort { border-width: 2px; border-style: solid; border-color: #000000; border-collapse: collapse;
  margin-bottom: 14px; }
table.inshort td { background-color: #eeeeee; }
table.note { border-width: 1px; border-style: solid; border-color: #000000; border-collapse: collapse;
  margin-top: 10px; }
p.reviewed { color: #222222; font-style: italic; margin-top: 12px; }
p.stale { font-weight: bold; }
"""


_EMPTY_ANCHOR = re.compile(r'<a name="[^"]*"></a>')


class _NoResources(QTextDocument):
    """Never loads an image or file named in the text (``![](file:///…)`` in a local article): a PDF or a
    printout holds only the guide's own words, like the reader on screen."""

    def loadResource(self, kind, url):  # noqa: N802 - Qt override
        # An empty answer would make Qt's image handler read the file itself: answer with a blank pixel.
        if kind == QTextDocument.ResourceType.ImageResource:
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(0)
            return blank
        return None


def layout_document() -> QTextDocument:
    """An empty document that lays text out at LAYOUT_DPI whatever screen (or none) there is."""
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    device.setDotsPerMeterX(dots_per_metre)
    device.setDotsPerMeterY(dots_per_metre)
    doc = _NoResources()
    doc.documentLayout().setPaintDevice(device)
    doc._layout_device = device  # the layout keeps a plain pointer: keep the image alive with the document
    doc.setDocumentMargin(0)
    return doc


def require_app() -> None:
    """Qt lays out text only inside a running QGuiApplication; the caller (window or command line) makes it."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        raise RuntimeError("create a QGuiApplication before exporting (guide_app.export draws with QtGui)")


def named_page_size(name: str) -> QPageSize:
    """A page size by name ("letter" or "a4"); a ValueError names the choices."""
    try:
        return QPageSize(PAGE_SIZES[name.lower()])
    except KeyError:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {name!r}") from None


def pdf_writer(path: Path, page_size: str, margins_mm: QMarginsF, title: str) -> QPdfWriter:
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(named_page_size(page_size), QPageLayout.Orientation.Portrait, margins_mm))
    writer.setTitle(title)
    writer.setCreator("Rights Guide")
    return writer


# ---------------------------------------------------------------------------------------------------------
# Articles


def article_document(article: Article, library: Library | None, labels: dict[str, str]) -> QTextDocument:
    """The article as a print-styled ``QTextDocument`` (laid out at LAYOUT_DPI)."""
    from guide_app.render.html import article_html

    doc = layout_document()
    font = QFont()
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(PRINT_CSS)
    markup = article_html(article, library, labels, for_print=True)
    doc.setHtml(_EMPTY_ANCHOR.sub("", markup))  # on paper, anchors only split words in the PDF's text
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    spacing = QTextBlockFormat()
    spacing.setLineHeight(118, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.mergeBlockFormat(spacing)
    return doc


def _keep_headings_with_text(doc: QTextDocument, page_height: float) -> None:
    """Move a heading that would end a page, with less than two lines of its text under it, to the next page."""
    layout = doc.documentLayout()
    metrics = QFontMetricsF(doc.defaultFont(), layout.paintDevice())
    two_lines = metrics.lineSpacing() * 3.2  # two lines at 118 % line height, plus the heading's bottom margin
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() >= 2:
            rect = layout.blockBoundingRect(block)
            following = block.next()
            after = layout.blockBoundingRect(following).height() if following.isValid() else 0.0
            top = rect.top() % page_height
            if top > page_height * 0.4 and top + rect.height() + min(after, two_lines) > page_height:
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
        block = block.next()


@dataclass
class _Frame:
    """Where things go on a page, in device pixels (origin: top-left of the area inside the margins)."""

    width: float
    height: float
    header: float  # height taken by the running header
    footer: float  # height taken by the footer
    small: QFont

    @property
    def body(self) -> QRectF:
        return QRectF(0, self.header, self.width, self.height - self.header - self.footer)


def _frame(device) -> _Frame:
    rect = device.pageLayout().paintRectPixels(device.resolution())
    small = QFont()
    small.setPointSizeF(8.5)
    metrics = QFontMetricsF(small, device)
    line = metrics.height()
    return _Frame(rect.width(), rect.height(), header=line * 2.4, footer=line * 2.4, small=small)


def _draw_header_footer(painter: QPainter, frame: _Frame, left: str, right: str, foot_left: str, foot_right: str):
    painter.save()
    painter.setFont(frame.small)
    metrics = QFontMetricsF(frame.small, painter.device())
    line = metrics.height()
    painter.setPen(QPen(QColor("#000000"), max(1.0, painter.device().resolution() / 144)))
    painter.drawLine(QPointF(0, line * 1.55), QPointF(frame.width, line * 1.55))
    foot_y = frame.height - line * 1.2
    painter.drawLine(QPointF(0, foot_y - line * 0.55), QPointF(frame.width, foot_y - line * 0.55))
    painter.setPen(QColor("#222222"))

    def pair(y: float, left_text: str, right_text: str) -> None:
        gap = line * 2
        right_w = min(metrics.horizontalAdvance(right_text), frame.width * 0.6)
        left_w = frame.width - right_w - gap
        flags = Qt.AlignmentFlag.AlignTop
        left_text = metrics.elidedText(left_text, Qt.TextElideMode.ElideRight, left_w)
        right_text = metrics.elidedText(right_text, Qt.TextElideMode.ElideRight, right_w + 1)
        painter.drawText(QRectF(0, y, left_w, line * 1.2), int(flags | Qt.AlignmentFlag.AlignLeft), left_text)
        rect = QRectF(frame.width - right_w - 1, y, right_w + 1, line * 1.2)
        painter.drawText(rect, int(flags | Qt.AlignmentFlag.AlignRight), right_text)

    pair(0, left, right)
    pair(foot_y, foot_left, foot_right)
    painter.restore()


def paint_article(device, article: Article, library: Library | None = None, labels: dict[str, str] | None = None):
    """Lay out and draw the article on ``device`` page by page; returns the number of pages."""
    require_app()
    lab = words(article.lang, labels)
    frame = _frame(device)
    body = frame.body
    scale = device.resolution() / LAYOUT_DPI
    page = QSizeF(body.width() / scale, body.height() / scale)  # one page of text, in layout units
    doc = article_document(article, library, lab)
    doc.setPageSize(page)
    _keep_headings_with_text(doc, page.height())
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start drawing (is the file writable?)")
    try:
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
        reviewed = lab["reviewed"].format(date=article.reviewed.isoformat())
        for n in range(pages):
            if n:
                device.newPage()
            _draw_header_footer(
                painter,
                frame,
                lab["guide"],
                article.title if n else reviewed,
                f"{reviewed} · {lab['legal_note_short']}",
                lab["page"].format(n=n + 1, total=pages),
            )
            painter.save()
            painter.translate(0, body.top())
            painter.scale(scale, scale)
            painter.translate(0, -n * page.height())
            clip = QRectF(0, n * page.height(), page.width(), page.height())
            painter.setClipRect(clip)
            ctx.clip = clip
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
    finally:
        painter.end()
    return pages


def export_article_pdf(
    article: Article,
    library: Library | None,
    path: Path | str,
    page_size: str = "letter",
    labels: dict[str, str] | None = None,
) -> int:
    """Save the article as a printable PDF (Letter by default, or "a4"); returns the number of pages."""
    require_app()
    writer = pdf_writer(Path(path), page_size, ARTICLE_MARGINS_MM, article.title)
    return paint_article(writer, article, library, labels)
