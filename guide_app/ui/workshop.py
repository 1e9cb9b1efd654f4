"""Workshop actions of the main window: print or save an article as PDF, present it as slides, print the
wallet rights card. The output engines live elsewhere; this only offers them when the policy allows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from guide_app.app.navigation import PlaceKind
from guide_app.ui.announce import announce


class WorkshopActions:
    """Part of ``MainWindow`` (a mixin): the Print, Save as PDF, Present and rights-card actions."""

    def _build_workshop_actions(self) -> None:
        self.act_print = QAction(self, shortcut=QKeySequence.StandardKey.Print, triggered=self.print_article)
        self.act_save_pdf = QAction(self, triggered=self.save_article_pdf)
        self.act_present = QAction(self, shortcut=QKeySequence("F5"), triggered=self.present_article)
        self.act_print_card = QAction(self, triggered=self.print_rights_card)
        first = self.menu_file.actions()[0] if self.menu_file.actions() else None
        self.menu_file.insertActions(first, [self.act_print, self.act_save_pdf, self.act_print_card, self.act_present])
        self.menu_file.insertSeparator(first)
        bar = self.toolbar
        before = next((a for a in bar.actions() if bar.widgetForAction(a) is self.language_button), None)
        bar.insertAction(before, self.act_present)
        self.stack.currentChanged.connect(self._update_workshop_actions)
        self.reader.browser.textChanged.connect(self._update_workshop_actions)
        self.article_shown.connect(self._update_workshop_actions)
        self._update_workshop_actions()

    def _retranslate_workshop(self) -> None:
        texts = {
            self.act_print: (self.tr("&Print…"), self.tr("Print this article (Ctrl+P)")),
            self.act_save_pdf: (self.tr("Save as P&DF…"), self.tr("Save this article as a PDF file to print or share")),
            self.act_present: (self.tr("Pre&sent"), self.tr("Show this article as full-screen slides (F5)")),
            self.act_print_card: (
                self.tr("Print rights c&ard…"),
                self.tr("Print a sheet of wallet cards with your rights in English and Spanish"),
            ),
        }
        for act, (text, tip) in texts.items():
            act.setText(text)
            act.setToolTip(tip)
        self.act_present.setIconText(self.tr("Present"))
        button = self.toolbar.widgetForAction(self.act_present)
        if button is not None:
            button.setAccessibleName(self.tr("Present"))
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # added after the toolbar's focus loop

    def _update_workshop_actions(self, *_args) -> None:
        has_article = self.current_article() is not None
        policy = self.policy
        self.act_print.setEnabled(has_article and policy.can_print)
        self.act_save_pdf.setEnabled(has_article and policy.can_save)
        self.act_present.setEnabled(has_article and policy.can_present)
        self.act_print_card.setEnabled(policy.can_print)

    def current_article(self):
        """The article on screen, or None (home, results, glossary, still loading...)."""
        if self.guide is None or self.current.kind is not PlaceKind.ARTICLE:
            return None
        if self.stack.currentWidget() is not self.reader:
            return None
        return self.guide.library.translation(self.current.key, self.current.lang or self.lang)

    def print_article(self) -> None:
        from guide_app.ui.printing import print_article

        article = self.current_article()
        if article is not None and self.policy.can_print:
            print_article(self, article, self.guide.library)

    def save_article_pdf(self) -> None:
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        from guide_app.export.printing import export_article_pdf

        article = self.current_article()
        if article is None or not self.policy.can_save:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = article.id if article.lang == "en" else f"{article.id}-{article.lang}"
        letter, a4 = self.tr("PDF, Letter paper (*.pdf)"), self.tr("PDF, A4 paper (*.pdf)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            f"{folder}/{name}.pdf",
            f"{letter};;{a4}",
            letter,
            QFileDialog.Option.DontUseNativeDialog,  # native dialogs may list the file in "recent files"
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            export_article_pdf(article, self.guide.library, path, page_size="a4" if chosen == a4 else "letter")
        except OSError as error:
            QMessageBox.warning(self, self.tr("Save as PDF"), self.tr("The PDF could not be saved.") + f"\n{error}")
            return
        saved = self.tr("Saved %1").replace("%1", path)
        self.statusBar().showMessage(saved, 8000)
        announce(self, saved)

    def present_article(self) -> None:
        from guide_app.ui.presentation import present_article

        article = self.current_article()
        if article is not None and self.policy.can_present:
            present_article(self, article.id, article.lang)

    def present_slides(self, slides: list) -> None:
        """Show ready-made slides (e.g. a flow outcome) full screen on the projector."""
        from guide_app.ui.presentation import PresentationWindow

        if slides and self.policy.can_present:
            self._presentation = PresentationWindow(slides, self)
            self._presentation.present(self)

    def print_rights_card(self) -> None:
        from guide_app.ui.printing import print_card_sheet

        if self.guide is None or not self.guide.library.card or not self.policy.can_print:
            return
        card = self.guide.library.card
        lang = self.lang if self.lang != "en" and self.lang in card else next((x for x in card if x != "en"), "en")
        print_card_sheet(self, card, lang)
