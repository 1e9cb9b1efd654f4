"""Build the one-folder bundle `dist/rights-guide/` for this platform with PyInstaller, then check it.

    python packaging/build.py               build, check, print the size
    python packaging/build.py --smoke-test  also start the bundle once (offscreen, private HOME) and time it
    python packaging/build.py --no-trim     keep everything PyInstaller's hooks collect (to measure trimming)

PyInstaller comes with the `bundle` extra: `pip install -e ".[bundle]"`. It needs no network. It does not
cross-compile: build the Windows bundle on Windows and the macOS one on a Mac.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "rights-guide.spec"
NAME = "rights-guide"


def executable(bundle: Path, cli: bool = True) -> Path:
    """The program to run in the bundle (on Windows the console twin, which can print)."""
    if sys.platform == "win32":
        return bundle / (f"{NAME}-cli.exe" if cli else f"{NAME}.exe")
    return bundle / NAME


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def unwanted_files(bundle: Path) -> list[str]:
    """Test files, test folders and bytecode caches that must not ship."""
    found = []
    for path in bundle.rglob("*"):
        rel = path.relative_to(bundle)
        cache_or_tests = "__pycache__" in rel.parts or "tests" in rel.parts or path.suffix == ".pyc"
        if cache_or_tests or (path.is_file() and (path.name.startswith("test_") or path.name == "conftest.py")):
            found.append(rel.as_posix())
    return found


def unresolved_qt_libraries(bundle: Path) -> list[str]:
    """Linux: every kept Qt library and plugin finds the Qt libraries it links (none was trimmed away)."""
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return []
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    problems = []
    for path in sorted(internal.rglob("*.so*")):
        if not path.is_file() or path.is_symlink():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            if "not found" in line and ("Qt6" in line or "pyside" in line or "shiboken" in line):
                problems.append(f"{path.relative_to(bundle)}: {line.strip()}")
    return problems


def check(bundle: Path) -> list[str]:
    problems = []
    data = bundle / "_internal" / "guide_app" / "_data"
    for needed in ("content/en", "content/es", "resources/styles", "resources/i18n/guide_app_es.qm"):
        if not (data / needed).exists():
            problems.append(f"missing {needed} under {data}")
    indexes = [p for p in (data / "index").glob("v*") if (p / "READY").is_file()] if (data / "index").is_dir() else []
    if len(indexes) != 1:
        problems.append(f"expected one prebuilt search index under {data / 'index'}, found {len(indexes)}")
    qm = list(bundle.rglob("qtbase_es.qm"))
    if not qm:
        problems.append("Qt's own Spanish translation (qtbase_es.qm) is missing")
    for plugin in ("platforms", "printsupport", "imageformats"):
        if not list(bundle.rglob(f"plugins/{plugin}/*")):
            problems.append(f"no Qt {plugin} plugins")
    if sys.platform.startswith("linux"):
        for name in ("libqoffscreen.so", "libqxcb.so"):
            if not list(bundle.rglob(f"plugins/platforms/{name}")):
                problems.append(f"missing Qt platform plugin {name}")
    problems += [f"should not ship: {name}" for name in unwanted_files(bundle)]
    problems += unresolved_qt_libraries(bundle)
    return problems


def smoke_test(bundle: Path) -> tuple[float, float, str]:
    """Start the bundle twice with a fresh HOME (cold: empty cache; warm: index in place); return times."""
    times, output = [], ""
    with tempfile.TemporaryDirectory(prefix="rights-guide-smoke-") as home:
        env = dict(os.environ, HOME=home, QT_QPA_PLATFORM="offscreen", LOCALAPPDATA=home, APPDATA=home)
        for var in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
            env[var] = str(Path(home) / var.lower())
        env["XDG_CONFIG_DIRS"] = str(Path(home) / "etc-xdg")
        for _ in range(2):
            start = time.perf_counter()
            proc = subprocess.run(
                [str(executable(bundle)), "--smoke-test"], env=env, capture_output=True, text=True, timeout=300
            )
            times.append(time.perf_counter() - start)
            output = proc.stdout + proc.stderr
            if proc.returncode != 0 or "smoke test OK" not in proc.stdout:
                raise SystemExit(f"smoke test of the bundle failed (exit {proc.returncode}):\n{output}")
    return times[0], times[1], output.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller work folder")
    parser.add_argument("--no-trim", action="store_true", help="keep every file the hooks collect")
    parser.add_argument("--smoke-test", action="store_true", help="start the built bundle once and time it")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print('PyInstaller is not installed: pip install -e ".[bundle]"', file=sys.stderr)
        return 2

    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    command += ["--distpath", str(args.dist), "--workpath", str(args.work), str(SPEC)]
    if args.no_trim:
        command += ["--", "--no-trim"]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env.pop("GUIDE_APP_CONTENT", None)
    env.pop("GUIDE_APP_LOCAL_CONTENT", None)
    start = time.perf_counter()
    if subprocess.run(command, cwd=ROOT, env=env).returncode != 0:
        return 1
    bundle = args.dist / NAME
    print(f"built {bundle} in {time.perf_counter() - start:.0f} s")
    problems = check(bundle)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    files = sum(1 for p in bundle.rglob("*") if p.is_file())
    print(f"size: {folder_size(bundle) / 1e6:.1f} MB in {files} files")
    if problems:
        return 1
    if args.smoke_test:
        cold, warm, output = smoke_test(bundle)
        print(output.splitlines()[-1] if output else "")
        print(f"smoke test: cold {cold:.2f} s, warm {warm:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
