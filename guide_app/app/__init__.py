"""What the app decides, without Qt: where a person is (navigation and history), how a search is asked and
answered (search session), one walk through a situation flow (flow session), what a shared computer allows
(policy) and which settings exist (settings).

``ui/`` draws these and forwards events to them; nothing here imports Qt (``tests/unit/test_no_qt.py``).
"""
