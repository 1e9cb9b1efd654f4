"""The wallet rights-card sheet, with QtGui only (no widgets).

A Letter or A4 sheet of 3.5 × 2 in wallet cards, two columns by five rows. Each row is one card to fold:
English on the left, the chosen language on the right, a dotted fold line between them and dashed cut lines
around. Text is shrunk until it fits its card. The caller makes the ``QGuiApplication``.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
)

from guide_app.export.printing import LAYOUT_DPI, layout_document, pdf_writer, require_app
from guide_app.i18n import CATALOG, words
from guide_app.library.model import LANGUAGE_NAMES

CARD_W_IN, CARD_H_IN = 3.5, 2.0
CARD_COLUMNS, CARD_ROWS = 2, 5


def _card_faces(card: dict, lang: str) -> list[tuple[str, dict]]:
    """(language, text) for the two faces of a card: English first, then ``lang``."""
    first = card.get("en") or next(iter(card.values()))
    second = card.get(lang) or first
    return [("en" if "en" in card else lang, first), (lang if lang in card else "en", second)]


def _px(pt: float) -> str:
    """Points as layout pixels, for Qt rich text (which reads spacing in px only)."""
    return f"{pt * LAYOUT_DPI / 72:.1f}"


def _card_html(face: dict, lang: str, pt: float) -> tuple[str, str]:
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
    lead = ""
    if face.get("lead"):  # what the holder does first (at home: do not open the door), in bold
        lead = (
            f'<p style="font-size:{pt:.2f}pt; font-weight:bold; margin-top:{_px(pt * 0.3)}px; margin-bottom:0px">'
            f"{esc(face['lead'])}</p>"
        )
    main = f'{title}{lead}<table cellspacing="0" cellpadding="0" style="margin-top:{_px(pt * 0.4)}px">{items}</table>'
    note = f'<p style="font-size:{pt * 0.8:.2f}pt; font-style:italic">{esc(face.get("note", ""))}</p>'
    return main, note


def _card_docs(face: dict, lang: str, pt: float, width: float) -> tuple[QTextDocument, QTextDocument]:
    main_html, note_html = _card_html(face, lang, pt)
    docs = []
    for markup in (main_html, note_html):
        doc = layout_document()
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
    require_app()
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
    require_app()
    title = (card.get("en") or {}).get("title", "Rights card")
    writer = pdf_writer(Path(path), page_size, QMarginsF(0, 0, 0, 0), title)
    return paint_card_sheet(writer, card, lang, labels)
