"""Shared test set-up: headless Qt, no network, and a private HOME for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_ACCESSIBILITY", "0")

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_CONTENT = FIXTURES / "content"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    """Point HOME and the XDG folders at a fresh temporary folder, so tests never touch the real ones."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (("XDG_CACHE_HOME", ".cache"), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share")):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(home / "etc-xdg"))
    monkeypatch.delenv("GUIDE_APP_LOCAL_CONTENT", raising=False)
    monkeypatch.delenv("GUIDE_APP_CONTENT", raising=False)
    return home


@pytest.fixture(scope="session")
def fixture_guide():
    from guide_app.guide import load_guide

    return load_guide(FIXTURE_CONTENT, [])


@pytest.fixture(scope="session")
def fixture_engine(fixture_guide, tmp_path_factory):
    engine = fixture_guide.open_search(cache=tmp_path_factory.mktemp("cache"))
    yield engine
    engine.close()


def assert_smoke_test_passes(prefix: tuple[str, ...] = (), **env: str) -> None:
    """Run `python -m guide_app --smoke-test` (optionally behind ``prefix``, e.g. unshare) offscreen."""
    import subprocess
    import sys

    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "guide_app", "--smoke-test"],
        cwd=REPO,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "smoke test OK" in proc.stdout


class OpenedIndex:
    """Open the search index the way the app does, and count whether it had to be built."""

    def __init__(self, content: Path, cache: Path, force: bool = False) -> None:
        from guide_app.guide import load_guide

        self.builds = 0
        guide = load_guide(content, [])
        self.fingerprint = guide.fingerprint
        self.engine = guide.open_search(progress=self._progress, force=force, cache=cache)
        self.folder = self.engine.folder

    def _progress(self, done: int, total: int, message: str) -> None:
        if done == total:
            self.builds += 1

    def finds(self, text: str, lang: str = "en") -> list[str]:
        return [r.id for r in self.engine.search(text, lang).results]

    def close(self) -> None:
        self.engine.close()


SAMPLE_FLOW = FIXTURES / "sample-flow" / "sample.yaml"  # paths: yes/yes, yes/no, yes/unsure -> held; no -> free


@pytest.fixture
def sample_flow():
    """The sample flow (two questions, two outcomes) over the fixture library, loaded and valid."""
    from guide_app.library.flows import load_flows

    flows, problems = load_flows(SAMPLE_FLOW.parent)
    assert problems == []
    return flows[0]
