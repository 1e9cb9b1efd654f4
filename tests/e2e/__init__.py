"""End-to-end tests (a package, so that its conftest.py is ``e2e.conftest`` and never shadows tests/conftest.py
for ``from conftest import REPO``)."""
