"""Hostile local content packs, shared by the library tests and the command-line tests."""

from __future__ import annotations

import os
from pathlib import Path

from guide_app.library import files

GOOD = """---
id: zz-local-good
title: "Local clinic hours"
summary: "Our center's own clinic hours."
topics: [community]
reviewed: 2026-01-10
sources:
  - title: "Center notice"
    citation: "Posted at the front desk"
---
The clinic is open on Tuesdays. Ask for the quokka desk. This is general information, not legal advice.
See [legal help](article:finding-legal-help).
"""


def article(article_id: str, body: str = "The clinic is open on Tuesdays.", front: str = "") -> str:
    return (
        GOOD.replace("zz-local-good", article_id)
        .replace("The clinic is open on Tuesdays.", body)
        .replace("topics: [community]\n", f"topics: [community]\n{front}")
    )


def bomb(levels: int = 9, indent: str = "") -> list[str]:
    """A "billion laughs": 9 levels of 9 aliases each expand to 9**9 strings when loaded."""
    lines = [f'{indent}a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        lines.append(f"{indent}a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    return lines


def make_pack(pack: Path, kind: str) -> tuple[Path, int]:
    """Write the good article plus one hostile file; return (the bad file, the line it must be reported at)."""
    (pack / "en").mkdir(parents=True)
    (pack / "en" / "zz-local-good.md").write_text(GOOD, encoding="utf-8")
    en = pack / "en"
    if kind == "alias-bomb-resources":
        path = pack / "resources.yaml"
        path.write_text("\n".join(["- id: x-bomb", *bomb(indent="  "), "  name: *a9"]) + "\n", encoding="utf-8")
        return path, 2  # the first anchor
    if kind == "alias-bomb-front-matter":
        path = en / "zz-bomb.md"
        path.write_text("---\nid: zz-bomb\n" + "\n".join(bomb()) + "\ntitle: *a9\ntopics: *a9\n---\nText.\n")
        return path, 3
    if kind == "alias-only":
        path = en / "zz-alias.md"
        path.write_text(article("zz-alias", front="related: &r [zz-local-good]\n"), encoding="utf-8")
        return path, 6
    if kind == "deep-nesting":
        path = pack / "resources.yaml"
        path.write_text("- " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
        return path, 1
    if kind == "fifo":
        path = en / "zz-fifo.md"
        os.mkfifo(path)
        return path, 1
    if kind == "link-to-dev-zero":
        path = en / "zz-zero.md"
        path.symlink_to("/dev/zero")
        return path, 1
    if kind == "link-out-of-the-pack":
        outside = pack.parent / "outside.md"
        outside.write_text(article("zz-out"), encoding="utf-8")
        path = en / "zz-out.md"
        path.symlink_to(outside)
        return path, 1
    if kind == "resources-link-to-dev-zero":
        path = pack / "resources.yaml"
        path.symlink_to("/dev/zero")
        return path, 1
    if kind == "too-large":
        path = en / "zz-huge.md"
        path.write_text(article("zz-huge", "word " * (files.MAX_ARTICLE_BYTES // 5 + 10)), encoding="utf-8")
        return path, 1
    if kind == "builtin-resource-id":
        path = pack / "resources.yaml"
        fields = "  phone: '555-0100'\n  verified: 2026-01-01\n  helps_with: {en: Help}\n"
        text = f"- id: local-line\n  name: Local line\n{fields}- id: eoir-case-status\n  name: HIJACKED\n{fields}"
        path.write_text(text, encoding="utf-8")
        return path, 6
    if kind == "long-spaces-line":
        path = en / "zz-spaces.md"
        path.write_text(article("zz-spaces", " " * 60_000 + "- x\n\nThe clinic is open."), encoding="utf-8")
        return path, 0  # a valid article: it must simply not take long
    if kind == "long-emphasis-line":
        path = en / "zz-stars.md"
        path.write_text(article("zz-stars", "*a " * 20_000 + "[" * 20_000 + "\n\nOpen."), encoding="utf-8")
        return path, 0
    raise AssertionError(kind)


KINDS = [
    "alias-bomb-resources",
    "alias-bomb-front-matter",
    "alias-only",
    "deep-nesting",
    "fifo",
    "link-to-dev-zero",
    "link-out-of-the-pack",
    "resources-link-to-dev-zero",
    "too-large",
    "builtin-resource-id",
]
