#!/usr/bin/env python3
"""Refresh the interface translations: pyside6-lupdate, then pyside6-lrelease.

    .venv/bin/python resources/i18n/update.py            update guide_app_<lang>.ts and build guide_app_<lang>.qm
    .venv/bin/python resources/i18n/update.py --check    change nothing; exit 1 if a .ts misses strings from the
                                                         code, has untranslated entries, or its .qm is out of date

lupdate reads every guide_app/ui/*.py (strings in self.tr() and QCoreApplication.translate()) and merges them
into each resources/i18n/guide_app_<lang>.ts: new strings arrive as type="unfinished", strings gone from the
code are dropped; a string that only moved to another class keeps its translation (matched by its source
text, see ``carry_over``). lrelease then compiles each .ts into the .qm the app loads. Both files are committed, so the
app never needs these tools at run time. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
UI = REPO / "guide_app" / "ui"
DEFAULT_LANGUAGES = ("es",)


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (the venv), else the one on PATH."""
    bindir = Path(sys.executable).parent
    for candidate in (bindir / name, bindir / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (pip install -e .) and run this with the venv's Python")
    return found


def sources() -> list[Path]:
    return sorted(UI.glob("*.py"))


def languages(requested: list[str] | None) -> list[str]:
    if requested:
        return requested
    found = sorted(p.stem.removeprefix("guide_app_") for p in HERE.glob("guide_app_*.ts"))
    return found or list(DEFAULT_LANGUAGES)


def lupdate(ts: Path, lang: str) -> None:
    files = [str(p.relative_to(REPO)) for p in sources()]
    command = [tool("pyside6-lupdate"), *files, "-ts", str(ts)]
    command += ["-source-language", "en", "-target-language", lang, "-locations", "none", "-no-obsolete", "-silent"]
    subprocess.run(command, cwd=REPO, check=True)


def _translations(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """Finished translations by (context, source text), and by ("", source text) for any context."""
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            source = (message.findtext("source") or "") + ("\0numerus" if message.get("numerus") == "yes" else "")
            found[(name, source)] = translation
            found.setdefault(("", source), translation)
    return found


def carry_over(ts: Path, before: dict[tuple[str, str], ET.Element]) -> int:
    """Fill the new (unfinished) entries of ``ts`` whose source text was already translated in ``before``
    (code moved from one class to another changes the context, not the text). Returns how many."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        source = (message.findtext("source") or "") + ("\0numerus" if message.get("numerus") == "yes" else "")
        old = before.get(("", source))
        if old is None:
            continue
        message.remove(translation)
        message.append(old)
        filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def lrelease(ts: Path, qm: Path) -> None:
    command = [tool("pyside6-lrelease"), "-nounfinished", "-silent", str(ts), "-qm", str(qm)]
    subprocess.run(command, cwd=REPO, check=True)


def count(ts: Path) -> tuple[int, int]:
    """(messages, unfinished messages) in a .ts file."""
    text = ts.read_text(encoding="utf-8")
    return text.count("<message"), len(re.findall(r'<translation type="unfinished"', text))


def update(lang: str) -> int:
    ts, qm = HERE / f"guide_app_{lang}.ts", HERE / f"guide_app_{lang}.qm"
    before = _translations(ts) if ts.is_file() else {}
    lupdate(ts, lang)
    if carry_over(ts, before):
        lupdate(ts, lang)  # back to lupdate's own layout
    lrelease(ts, qm)
    total, unfinished = count(ts)
    print(f"{ts.relative_to(REPO)}: {total} strings, {unfinished} to translate; wrote {qm.relative_to(REPO)}")
    return unfinished


def check(lang: str) -> list[str]:
    ts, qm = HERE / f"guide_app_{lang}.ts", HERE / f"guide_app_{lang}.qm"
    if not ts.is_file():
        return [f"{ts.name} is missing"]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts, fresh_qm = Path(tmp) / ts.name, Path(tmp) / qm.name
        shutil.copyfile(ts, fresh_ts)
        lupdate(fresh_ts, lang)
        if fresh_ts.read_bytes() != ts.read_bytes():
            problems.append(f"{ts.name} does not match the strings in guide_app/ui: run update.py")
        lrelease(ts, fresh_qm)
        if not qm.is_file() or not filecmp.cmp(fresh_qm, qm, shallow=False):
            problems.append(f"{qm.name} is older than {ts.name}: run update.py")
    unfinished = count(ts)[1]
    if unfinished:
        problems.append(f'{ts.name}: {unfinished} entries not translated yet (type="unfinished")')
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", help="language code (default: every guide_app_*.ts, else es)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is out of date")
    args = parser.parse_args(argv)
    if args.check:
        problems = [p for lang in languages(args.lang) for p in check(lang)]
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    unfinished = sum(update(lang) for lang in languages(args.lang))
    if unfinished:
        print("Translate the entries marked unfinished (Qt Linguist: pyside6-linguist), then run this again.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
