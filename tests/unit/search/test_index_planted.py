"""An index folder planted by another user is never opened (Whoosh unpickles part of its index).

The victim runs as a second uid, so this needs root to set up; elsewhere it is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import FIXTURE_CONTENT, REPO
from guide_app.guide import load_guide
from guide_app.search import store

VICTIM = 1600

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(os, "getuid") or os.getuid() != 0,
    reason="needs root, to run the victim as a second uid",
)


def plant_index(folder: Path, marker: Path) -> None:
    """An index whose table of contents unpickles into a command that writes ``marker``."""
    from whoosh.fields import Schema
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    class Payload(Schema):
        def __reduce__(self):
            return (os.system, (f"id > {marker}",))

    class SegmentPayload:
        def __reduce__(self):
            return (os.system, (f"id >> {marker}",))

    library = load_guide(FIXTURE_CONTENT, []).library
    folder.mkdir(parents=True)
    store.build(folder, library, folder.name.split("-", 1)[1])
    storage = FileStorage(str(folder))
    for lang in ("en", "es"):
        toc = TOC.read(storage, lang)
        payload = Payload()
        for name, field in toc.schema.items():
            payload.add(name, field)
        toc.schema = payload  # unpickled unless the reader passes its own schema
        toc.segments = [SegmentPayload()]  # always unpickled
        (folder / f"_{lang}_{toc.generation}.toc").unlink()
        toc.write(storage, lang)
    store.write_ready(folder, folder.name)  # even the checksums match: only ownership can tell


def _victim_env(cache_home: Path) -> dict:
    import whoosh

    site = Path(whoosh.__file__).resolve().parent.parent  # the test's own packages, for a system interpreter
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(cache_home.parent / "victim-home"),
        "XDG_CACHE_HOME": str(cache_home),
        "XDG_CONFIG_HOME": str(cache_home.parent / "victim-home" / ".config"),
        "GUIDE_APP_CONTENT": str(FIXTURE_CONTENT),
        "PYTHONPATH": os.pathsep.join([str(REPO), str(site)]),
    }


def _as_victim(python: str, args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [python, *args], env=env, cwd="/", user=VICTIM, group=VICTIM, extra_groups=[],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def run_as_victim(args: list[str], cache_home: Path) -> subprocess.CompletedProcess:
    """Run the CLI as the second uid, with this interpreter, or the system one of the same version when
    this one sits where the second uid cannot reach (e.g. under /root)."""
    env = _victim_env(cache_home)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for python in (sys.executable, f"/usr/bin/{version}", f"/usr/local/bin/{version}"):
        try:
            probe = _as_victim(python, ["-c", "import whoosh, yaml, guide_app.cli"], env)
        except OSError:
            continue
        if probe.returncode == 0:
            cli = "import sys; from guide_app.cli import main; sys.exit(main(sys.argv[1:]))"
            return _as_victim(python, ["-c", cli, *args], env)
    pytest.skip("no Python interpreter the second uid can run with the project's packages")


@pytest.fixture
def shared():
    """A folder every user can write to, like /tmp or a group share (pytest's tmp_path is private)."""
    folder = Path(tempfile.mkdtemp(prefix="guide-shared-"))
    folder.chmod(0o1777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("how", ["folder", "symlink"])
def test_an_index_planted_by_another_user_is_not_opened(shared, how):
    fingerprint = load_guide(FIXTURE_CONTENT, []).fingerprint
    marker = shared / "marker"
    cache_home = shared / "cache"
    cache_home.mkdir(mode=0o777)
    cache_home.chmod(0o1777)
    if how == "folder":  # the attacker got there first and made the app's own folder
        planted = cache_home / "rights-guide" / "index" / store.index_name(fingerprint)
        plant_index(planted, marker)
        for folder in (cache_home / "rights-guide", cache_home / "rights-guide" / "index", planted):
            folder.chmod(0o755)
    else:  # ... or a link with the app's folder name, pointing at the attacker's own tree
        target = shared / "attacker" / "index" / store.index_name(fingerprint)
        plant_index(target, marker)
        for folder in (shared / "attacker", target.parent, target):
            folder.chmod(0o755)
        (cache_home / "rights-guide").symlink_to(shared / "attacker")
        planted = target
    before = sorted(p.name for p in planted.iterdir())

    proc = run_as_victim(["search", "--json", "--lang", "en", "habeas corpus"], cache_home)

    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["results"][0]["id"] == "habeas-corpus"  # search works (in memory)
    assert "Traceback" not in proc.stderr
    assert not marker.exists(), marker.read_text()  # the planted pickle never ran
    assert sorted(p.name for p in planted.iterdir()) == before  # and nothing of it was deleted


def test_the_payload_would_run_if_opened(shared):
    """The planted index is a real threat: opened without the ownership check, it runs the command."""
    from whoosh import index as whoosh_index

    marker = shared / "marker"
    planted = shared / "index" / store.index_name("0" * 20)
    plant_index(planted, marker)
    with pytest.raises(Exception):  # noqa: B017 - the unpickled "schema" is os.system's return value
        whoosh_index.open_dir(str(planted), indexname="en")
    assert marker.exists()
