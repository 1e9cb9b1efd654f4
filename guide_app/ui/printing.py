"""The print dialogs: ask for a printer, then draw with ``guide_app.export`` (which needs no widgets)."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from guide_app.export.card import paint_card_sheet
from guide_app.export.printing import ARTICLE_MARGINS_MM, named_page_size, paint_article
from guide_app.library.model import Article, Library


def print_article(
    parent: QWidget | None, article: Article, library: Library | None = None, labels: dict[str, str] | None = None
) -> bool:
    """Ask for a printer (the system print dialog) and print the article; False if the person cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(article.title)
    printer.setPageSize(named_page_size("letter"))
    printer.setPageMargins(ARTICLE_MARGINS_MM, QPageLayout.Unit.Millimeter)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(article.title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_article(printer, article, library, labels)
    return True


def print_card_sheet(parent: QWidget | None, card: dict, lang: str, labels: dict[str, str] | None = None) -> bool:
    """Ask for a printer and print a sheet of wallet cards; False if the person cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName((card.get("en") or {}).get("title", "Rights card"))
    printer.setPageSize(named_page_size("letter"))
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_card_sheet(printer, card, lang, labels)
    return True
