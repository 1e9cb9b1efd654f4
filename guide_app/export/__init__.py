"""What the guide prints or paints: QtGui only, no widgets, so the command line can use it.

- :mod:`~guide_app.export.printing`: an article as a paginated PDF or on a printer;
- :mod:`~guide_app.export.card`: the sheet of wallet rights cards;
- :mod:`~guide_app.export.checklist`: a flow outcome as a one-page checklist;
- :mod:`~guide_app.export.slide_paint`: workshop slides laid out and painted (for the presentation window).

Words come from :mod:`guide_app.i18n` in the language of the content. The caller makes the
``QGuiApplication`` (:func:`guide_app.qtcompat.gui_application` for the command line); dialogs that ask for a
printer live in ``guide_app.ui``.
"""
