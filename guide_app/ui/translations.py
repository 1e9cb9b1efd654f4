"""Load the interface translation (.qm) and Qt's own, so standard dialogs speak the same language."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from guide_app import paths


class Translations:
    def __init__(self, app) -> None:
        self.app = app
        self._installed: list[QTranslator] = []

    def install(self, lang: str) -> None:
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(lang))
        if lang == "en":
            return
        ours = QTranslator(self.app)
        if ours.load(str(paths.resources_dir() / "i18n" / f"guide_app_{lang}.qm")):
            self.app.installTranslator(ours)
            self._installed.append(ours)
        qt = QTranslator(self.app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{lang}", folder):
            self.app.installTranslator(qt)
            self._installed.append(qt)
