"""Every situation flow is on the start screen, each button labelled with its flow's own title, in the
window's language; starting a flow clears the search box."""

from __future__ import annotations

from conftest import REPO


def make_window(qtbot):
    """The window over the shipped guide (seven flows; the test fixture has one)."""
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    window = MainWindow(lambda: load_guide(REPO / "content", []), Preferences(), "en")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.index_ready, timeout=60_000):
        window.start()
    return window


def shown_flows(window) -> list[tuple[str, str]]:
    return [
        (flow_id, button.text())
        for flow_id, button in zip(window.home.situation_flows, window.home.situation_buttons, strict=True)
    ]


def test_every_flow_is_on_home_with_its_own_title(qtbot):
    window = make_window(qtbot)
    flows = sorted(window.guide.flows.values(), key=lambda flow: flow.order)
    assert len(flows) == 7
    assert sorted(shown_flows(window)) == sorted((flow.id, flow.title["en"]) for flow in flows)
    for flow_id, button in zip(window.home.situation_flows, window.home.situation_buttons, strict=True):
        assert button.accessibleName() == window.guide.flows[flow_id].title["en"]
    window.set_language("es")
    assert sorted(shown_flows(window)) == sorted((flow.id, flow.title["es"]) for flow in flows)
    window.close()


def test_starting_a_flow_clears_the_search_box(qtbot):
    window = make_window(qtbot)
    window.search_box.setText("police")
    last = window.home.situation_buttons[-1]
    last.click()
    assert window.stack.currentWidget() is window.flow_panel
    assert window.flow_panel.session.flow.id == window.home.situation_flows[-1]
    assert window.search_box.text() == ""
    window.close()
