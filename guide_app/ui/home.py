"""The calm start screen: what this is, big entry points by topic and by situation, where to get help."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

# (topic ids shown together, English label); labels are translated with tr() in retranslate().
TOPIC_BUTTONS = (
    (("287g",), "What is 287(g)?"),
    (("profiling",), "Racial profiling"),
    (("rights",), "Your rights"),
    (("detention", "remedies"), "Detention and remedies"),
    (("community",), "Community action"),
)
# (situation key, English label, flow id, article id used when the flow is not available)
SITUATIONS = (
    ("police", "Police stopped me", "police-stopped-me", "stopped-on-the-street"),
    ("door", "ICE is at my door", "someone-at-my-door", "ice-at-your-home"),
    ("detained", "Someone I love was detained", "loved-one-taken-by-ice", "loved-one-detained"),
    ("report", "I want to report mistreatment", "treated-differently-race-accent", "documenting-profiling"),
)


class HomePage(QScrollArea):
    topic_chosen = Signal(tuple, str)  # topic ids, label
    situation_chosen = Signal(str, str)  # flow id, fallback article id
    help_requested = Signal()
    help_now_requested = Signal()  # "Get help now": phone numbers and sites

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the buttons inside take the focus, never the pane
        inner = QWidget()
        inner.setObjectName("homeInner")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)

        self.heading = QLabel()
        self.heading.setObjectName("homeHeading")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("homeIntro")
        self.topics_label = QLabel()
        self.topics_label.setObjectName("sectionLabel")
        self.situations_label = QLabel()
        self.situations_label.setObjectName("sectionLabel")

        self.topic_buttons: list[QPushButton] = []
        topics = QGridLayout()
        topics.setSpacing(10)
        for n, (ids, _label) in enumerate(TOPIC_BUTTONS):
            button = self._big_button("topicButton")
            button.clicked.connect(lambda _=False, ids=ids, b=button: self.topic_chosen.emit(ids, b.text()))
            topics.addWidget(button, n // 3, n % 3)
            self.topic_buttons.append(button)

        self.situation_buttons: list[QPushButton] = []
        self.situation_flows: list[str] = []  # the flow id behind each situation button
        self._flow_titles: dict[str, str] = {}  # flow id -> its own title in the window's language
        self.situations_grid = situations = QGridLayout()
        situations.setSpacing(10)
        for _key, _label, flow_id, article_id in SITUATIONS:
            self._add_situation(flow_id, article_id)

        self.help_now = QPushButton()
        self.help_now.setObjectName("helpNow")
        self.help_now.clicked.connect(self.help_now_requested)
        self.help_link = QPushButton()
        self.help_link.setObjectName("helpLink")
        self.help_link.setFlat(True)
        self.help_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.help_link.clicked.connect(self.help_requested)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.help_now, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.situations_label)
        layout.addLayout(situations)
        layout.addWidget(self.topics_label)
        layout.addLayout(topics)
        layout.addWidget(self.help_link, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setWidget(inner)
        self.retranslate()

    def _big_button(self, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setMinimumHeight(56)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Know your rights"))
        self.intro.setText(
            self.tr(
                "Plain answers about 287(g), racial profiling, and what you can do. "
                "Type your question in the search box above, or start with your situation."
            )
        )
        self.situations_label.setText(self.tr("What is happening?"))
        self.topics_label.setText(self.tr("Browse by topic"))
        labels = [
            self.tr("What is 287(g)?"),
            self.tr("Racial profiling"),
            self.tr("Your rights"),
            self.tr("Detention and remedies"),
            self.tr("Community action"),
        ]
        for button, label in zip(self.topic_buttons, labels, strict=True):
            button.setText(label)
            button.setAccessibleName(label)
            button.setToolTip(self.tr("Show the articles about this topic"))
        situations = [
            self.tr("Police stopped me"),
            self.tr("ICE is at my door"),
            self.tr("Someone I love was detained"),
            self.tr("I want to report mistreatment"),
        ]
        for button, label in zip(self.situation_buttons, situations, strict=False):
            button.setText(label)
            button.setAccessibleName(label)
            button.setToolTip(self.tr("Answer a few questions and get clear steps"))
        for button, flow_id in zip(self.situation_buttons, self.situation_flows, strict=True):
            if flow_id in self._flow_titles:
                button.setText(self._flow_titles[flow_id])
                button.setAccessibleName(self._flow_titles[flow_id])
                button.setToolTip(self.tr("Answer a few questions and get clear steps"))

    def _add_situation(self, flow_id: str, article_id: str = "") -> None:
        n = len(self.situation_buttons)
        button = self._big_button("situationButton")
        button.clicked.connect(lambda _=False, f=flow_id, a=article_id: self.situation_chosen.emit(f, a))
        self.situations_grid.addWidget(button, n // 2, n % 2)
        self.situation_buttons.append(button)
        self.situation_flows.append(flow_id)

    def show_flows(self, flows: list[tuple[str, str]]) -> None:
        """Every situation flow of the guide, each button labelled with the flow's own title (``flows``: id and
        title in the window's language, in the guide's order). The four first situations keep their places."""
        self._flow_titles = dict(flows)
        for flow_id, _title in flows:
            if flow_id not in self.situation_flows:
                self._add_situation(flow_id)
        self.retranslate()
        self.help_now.setText(self.tr("Get help now"))
        self.help_now.setAccessibleName(self.tr("Get help now"))
        self.help_now.setToolTip(self.tr("Phone numbers and websites of people who can help"))
        self.help_link.setText(self.tr("This is not legal advice. Where to get real help →"))
        self.help_link.setAccessibleName(self.help_link.text().rstrip(" →"))  # what is shown, without the arrow
        self.help_link.setToolTip(self.tr("How to find free or low-cost legal help you can trust"))
