"""How the main window shows a place: the results page for a list, the flow panel for a situation, the
reader for an article, glossary term or resource. ``show_place`` is the one way to change page.
"""

from __future__ import annotations

from guide_app.app.navigation import LISTS, Place, PlaceKind
from guide_app.app.search_session import highlight_for
from guide_app.i18n import words
from guide_app.ui.home import TOPIC_BUTTONS


class PageViews:
    """Part of ``MainWindow`` (a mixin): draws the place the history says the person is at."""

    def _topic_links(self) -> list[tuple[tuple, str]]:
        return [(ids, button.text()) for (ids, _), button in zip(TOPIC_BUTTONS, self.home.topic_buttons, strict=True)]

    def _topic_label(self, topics: tuple) -> str:
        return next((label for ids, label in self._topic_links() if ids == topics), ", ".join(topics))

    def show_place(self, place: Place, record: bool = True) -> None:
        """Go to ``place`` (a new history entry, or with ``record=False`` the current entry changes)."""
        self.read_aloud.stop()  # what was being read is leaving the screen
        if record:
            self.nav.visit(place)
        else:
            self.nav.replace(place)
        self._update_nav()
        if place.kind is PlaceKind.HOME:
            self.stack.setCurrentWidget(self.home)
        elif self.guide is None:
            self.status_page.setText(self.tr("Opening the guide…"))
            self.stack.setCurrentWidget(self.status_page)
        elif place.kind in LISTS:
            self._show_list(place)
        elif place.kind is PlaceKind.RESULTS:
            self.stack.setCurrentWidget(self.results)
        elif place.kind is PlaceKind.FLOW:
            self._show_flow(place)
        else:
            self._show_document(place)

    def _show_list(self, place: Place) -> None:
        articles = self.guide.library.in_language(self.lang)
        if place.kind is PlaceKind.TOPIC:
            articles = [a for a in articles if set(a.topics) & set(place.topics)]
            heading = self._topic_label(place.topics)
        else:
            heading = self.tr("All articles")
        self.results.show_articles(heading, articles)
        self.stack.setCurrentWidget(self.results)
        self.results.list.setFocus()

    def _show_flow(self, place: Place) -> None:
        flow = self.guide.flows.get(place.key)
        if flow is None:
            return
        session = self.flow_panel.session
        if session is None or session.flow.id != flow.id:
            self.flow_panel.start(flow, self.lang, self.guide.library)
        elif session.lang != self.lang:  # the language was switched elsewhere: the walk follows it
            self.flow_panel.set_language(self.lang)
        self.flow_panel.allow_files = self.policy.can_save
        self.flow_panel.refresh()
        self.stack.setCurrentWidget(self.flow_panel)

    def _show_document(self, place: Place) -> None:
        from guide_app.render import html as render

        library = self.guide.library
        browser = self.reader.browser
        self.reader.lang = self.lang  # the language read-aloud speaks in (an article may be in another)
        if place.kind is PlaceKind.ARTICLE:
            article = library.translation(place.key, place.lang or self.lang)
            if article is None:
                self.status_page.setText(self.tr("That article is not in this guide."))
                self.stack.setCurrentWidget(self.status_page)
                return
            from_search = bool(place.terms)  # opened from the results: the top first, a link to the match
            browser.setHtml(
                render.article_html(
                    article, library, highlight=highlight_for(place), match_anchor=place.anchor if from_search else ""
                )
            )
            self.reader.lang = article.lang
            self.article_shown.emit(article.id)
            spoken = self.tr("%1. In short: %2").replace("%1", article.title).replace("%2", article.summary)
        elif place.kind is PlaceKind.GLOSSARY:
            term = next((t for t in library.glossary if t.id == place.key), None)
            if term is None:
                return
            browser.setHtml(render.glossary_html(term, self.lang))
            spoken = term.term.get(self.lang) or next(iter(term.term.values()), "")
        elif place.kind is PlaceKind.HELP:
            browser.setHtml(render.help_html(library.resources, self.lang))
            spoken = words(self.lang)["help_now"]
        elif place.kind is PlaceKind.RESOURCE:
            resource = next((r for r in library.resources if r.id == place.key), None)
            if resource is None:
                return
            browser.setHtml(render.resource_html(resource, self.lang))
            spoken = render.resource_name(resource, self.lang)
        self.stack.setCurrentWidget(self.reader)
        self.reader.find_bar.hide()
        if place.anchor and not place.terms:  # a link to a section goes there; a search result opens at the top
            browser.show_anchor(place.anchor)
        else:
            browser.show_top()
        browser.setFocus()
        self.reader.document_shown(spoken)  # lists its headings; tells screen readers what opened
