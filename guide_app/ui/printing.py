"""Printable handouts: an article as a PDF or on paper, and a sheet of wallet rights cards.

Everything here draws with Qt's own PDF and printer support, so it works without a window and without a
screen (``QT_QPA_PLATFORM=offscreen``), for example from ``guide-app export`` and ``guide-app card``.

- :func:`export_article_pdf` / :func:`print_article`: the article as ``guide_app.render.html`` writes it for
  print (title, "In short" box, body, sources, reviewed date, not-legal-advice note), laid out in a
  ``QTextDocument`` with a black-and-white print style sheet and paginated by hand so that every page gets a
  running header and a "Page N of M" footer. A heading is never left alone at the bottom of a page.
- :func:`export_card_pdf` / :func:`print_card_sheet`: a Letter or A4 sheet of 3.5 × 2 in wallet cards,
  two columns by five rows. Each row is one card to fold: English on the left, the chosen language on the
  right, a dotted fold line between them and dashed cut lines around. Text is shrunk until it fits its card.
"""

from __future__ import annotations

import os
import re
import sys
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

from guide_app.i18n import CATALOG, words
from guide_app.library.model import LANGUAGE_NAMES, Article, Library
from guide_app.ui.pyside_workaround import protect_none

PAGE_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
ARTICLE_MARGINS_MM = QMarginsF(19, 16, 19, 14)  # left, top, right, bottom (about 3/4 in at the sides)
CARD_W_IN, CARD_H_IN = 3.5, 2.0
CARD_COLUMNS, CARD_ROWS = 2, 5
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


def _layout_document() -> QTextDocument:
    """An empty document that lays text out at LAYOUT_DPI whatever screen (or none) there is."""
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    device.setDotsPerMeterX(dots_per_metre)
    device.setDotsPerMeterY(dots_per_metre)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc._layout_device = device  # the layout keeps a plain pointer: keep the image alive with the document
    doc.setDocumentMargin(0)
    return doc


def ensure_app():
    """The running Qt application, or a new one (headless on a Linux machine without a screen)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1])
        globals()["_APP"] = app  # keep it alive for the rest of the process
    protect_none()
    return app


def _page_size(name: str) -> QPageSize:
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
    writer.setPageLayout(QPageLayout(_page_size(page_size), QPageLayout.Orientation.Portrait, margins_mm))
    writer.setTitle(title)
    writer.setCreator("Rights Guide")
    return writer


# ---------------------------------------------------------------------------------------------------------
# Articles


def article_document(article: Article, library: Library | None, labels: dict[str, str]) -> QTextDocument:
    """The article as a print-styled ``QTextDocument`` (laid out at LAYOUT_DPI)."""
    from guide_app.render.html import article_html

    doc = _layout_document()
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
    ensure_app()
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
    ensure_app()
    writer = pdf_writer(Path(path), page_size, ARTICLE_MARGINS_MM, article.title)
    return paint_article(writer, article, library, labels)


def print_article(parent, article: Article, library: Library | None = None, labels=None) -> bool:
    """Ask for a printer (the system print dialog) and print the article; False if the person cancels."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(article.title)
    printer.setPageSize(_page_size("letter"))
    printer.setPageMargins(ARTICLE_MARGINS_MM, QPageLayout.Unit.Millimeter)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(article.title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_article(printer, article, library, labels)
    return True


# ---------------------------------------------------------------------------------------------------------
# Wallet cards


def _card_faces(card: dict, lang: str) -> list[tuple[str, dict]]:
    """(language, text) for the two faces of a card: English first, then ``lang``."""
    first = card.get("en") or next(iter(card.values()))
    second = card.get(lang) or first
    return [("en" if "en" in card else lang, first), (lang if lang in card else "en", second)]


def _px(pt: float) -> str:
    """Points as layout pixels, for Qt rich text (which reads spacing in px only)."""
    return f"{pt * LAYOUT_DPI / 72:.1f}"


def _card_html(face: dict, lang: str, pt: float) -> tuple[str, str]:
    import html

    esc = html.escape
    tag = LANGUAGE_NAMES.get(lang, lang).upper()
    title = (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td><span style="font-size:{pt * 1.3:.2f}pt; font-weight:bold">{esc(face.get("title", ""))}</span></td>'
        f'<td align="right" valign="middle"><span style="font-size:{pt * 0.62:.2f}pt; color:#333333">'
        f"{esc(tag)}</span></td></tr></table>"
    )
    items = "".join(
        f'<tr><td width="{_px(pt * 0.95)}" style="font-size:{pt:.2f}pt">•</td>'
        f'<td style="font-size:{pt:.2f}pt; padding-bottom:{_px(pt * 0.25)}px">{esc(line)}</td></tr>'
        for line in face.get("lines", ())
    )
    main = f'{title}<table cellspacing="0" cellpadding="0" style="margin-top:{_px(pt * 0.5)}px">{items}</table>'
    note = f'<p style="font-size:{pt * 0.8:.2f}pt; font-style:italic">{esc(face.get("note", ""))}</p>'
    return main, note


def _card_docs(face: dict, lang: str, pt: float, width: float) -> tuple[QTextDocument, QTextDocument]:
    main_html, note_html = _card_html(face, lang, pt)
    docs = []
    for markup in (main_html, note_html):
        doc = _layout_document()
        doc.setHtml(markup)
        doc.setTextWidth(width)
        docs.append(doc)
    return docs[0], docs[1]


def _card_fits(faces: list[tuple[str, dict]], inner: QSizeF, pt: float, one_line_each: bool) -> bool:
    for lang, face in faces:
        main, note = _card_docs(face, lang, pt, inner.width())
        if max(main.idealWidth(), note.idealWidth()) > inner.width() + 0.5:
            return False  # a word longer than the card is wide
        if main.size().height() + pt * 0.4 * LAYOUT_DPI / 72 + note.size().height() > inner.height():
            return False
        if one_line_each:
            font = QFont()
            font.setPointSizeF(pt)
            metrics = QFontMetricsF(font, main.documentLayout().paintDevice())
            room = inner.width() - pt * 0.95 * LAYOUT_DPI / 72
            if any(metrics.horizontalAdvance(line) > room for line in face.get("lines", ())):
                return False
    return True


def _fit_card_text(faces: list[tuple[str, dict]], inner: QSizeF) -> float:
    """The largest body size (points) at which every face's text fits ``inner`` (layout units), each card
    line on one line if that still leaves readable type; both faces use one size, so they look alike."""
    sizes = [x / 4 for x in range(48, 15, -1)]  # 12 pt down to 4 pt
    for one_line_each in (True, False):
        for pt in sizes:
            if one_line_each and pt < 7.5:
                break
            if _card_fits(faces, inner, pt, one_line_each):
                return pt
    return sizes[-1]


def paint_card_sheet(device, card: dict, lang: str, labels: dict[str, str] | None = None) -> int:
    """Draw one sheet of wallet cards on ``device`` (its page margins must be zero). Returns 1 (pages)."""
    ensure_app()
    lab = words(lang if lang in CATALOG else "en", labels)
    lab_en = words("en")
    dpi = device.resolution()
    page = device.pageLayout().fullRectPixels(dpi)
    card_w, card_h = CARD_W_IN * dpi, CARD_H_IN * dpi
    grid_w, grid_h = card_w * CARD_COLUMNS, card_h * CARD_ROWS
    x0, y0 = (page.width() - grid_w) / 2, (page.height() - grid_h) / 2
    faces = _card_faces(card, lang)
    folded = faces[0][0] != faces[1][0]
    pad = 0.14 * dpi
    scale = dpi / LAYOUT_DPI
    inner = QSizeF((card_w - 2 * pad) / scale, (card_h - 2 * pad) / scale)
    pt = _fit_card_text(faces, inner)
    docs = [_card_docs(face, face_lang, pt, inner.width()) for face_lang, face in faces]

    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start drawing (is the file writable?)")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
        for row in range(CARD_ROWS):
            for col in range(CARD_COLUMNS):
                x, y = x0 + col * card_w, y0 + row * card_h
                main, note = docs[col % len(docs)]
                painter.save()
                painter.translate(x + pad, y + pad)
                painter.scale(scale, scale)
                main.documentLayout().draw(painter, ctx)
                painter.translate(0, inner.height() - note.size().height())
                note.documentLayout().draw(painter, ctx)
                painter.restore()
        _draw_cut_lines(painter, x0, y0, card_w, card_h, folded, dpi)
        # instructions in the top margin, in both languages
        small = QFont()
        small.setPointSizeF(7.5)
        painter.setFont(small)
        painter.setPen(QColor("#333333"))
        lines = []
        for labs in [lab_en, lab] if lab is not lab_en and lang != "en" else [lab_en]:
            names = [labs.get(f"lang_{code}") or LANGUAGE_NAMES.get(code, code) for code, _ in faces]
            lines.append(labs["fold"].format(first=names[0], second=names[1]) if folded else labs["cut"])
        metrics = QFontMetricsF(small, device)
        top = max(0.0, y0 - 0.12 * dpi - metrics.height() * len(lines))
        for n, line in enumerate(lines):
            rect = QRectF(x0, top + n * metrics.height(), grid_w, metrics.height())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), "✂  " + line)
        foot = f"{lab['guide']} · {lab['legal_note_short']}"
        rect = QRectF(x0, y0 + grid_h + 0.1 * dpi, grid_w, metrics.height())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), foot)
    finally:
        painter.end()
    return 1


def _draw_cut_lines(painter: QPainter, x0: float, y0: float, cw: float, ch: float, folded: bool, dpi: float):
    """Dashed cut lines around every card (every strip when folded), a dotted fold line down the middle;
    the cut lines run a little past the grid so they are easy to follow with scissors or a cutter."""
    over = 0.12 * dpi
    width, height = cw * CARD_COLUMNS, ch * CARD_ROWS
    cut = QPen(QColor("#555555"), max(1.0, dpi / 150))
    cut.setDashPattern([6, 4])
    painter.setPen(cut)
    for row in range(CARD_ROWS + 1):
        y = y0 + row * ch
        painter.drawLine(QPointF(x0 - over, y), QPointF(x0 + width + over, y))
    for col in range(CARD_COLUMNS + 1):
        x = x0 + col * cw
        if folded and 0 < col < CARD_COLUMNS:
            continue
        painter.drawLine(QPointF(x, y0 - over), QPointF(x, y0 + height + over))
    if folded:
        fold = QPen(QColor("#888888"), max(1.0, dpi / 200))
        fold.setDashPattern([1, 3])
        painter.setPen(fold)
        for col in range(1, CARD_COLUMNS):
            x = x0 + col * cw
            painter.drawLine(QPointF(x, y0), QPointF(x, y0 + height))


def export_card_pdf(card: dict, lang: str, path: Path | str, page_size: str = "letter", labels=None) -> int:
    """Save a sheet of wallet cards (English + ``lang``) as a PDF; returns the number of pages (1)."""
    ensure_app()
    title = (card.get("en") or {}).get("title", "Rights card")
    writer = pdf_writer(Path(path), page_size, QMarginsF(0, 0, 0, 0), title)
    return paint_card_sheet(writer, card, lang, labels)


def print_card_sheet(parent, card: dict, lang: str, labels=None) -> bool:
    """Ask for a printer and print a sheet of wallet cards; False if the person cancels."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName((card.get("en") or {}).get("title", "Rights card"))
    printer.setPageSize(_page_size("letter"))
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_card_sheet(printer, card, lang, labels)
    return True
