"""`guide-app`: the command line over the same core as the window. No Qt is imported on these paths."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

from guide_app import __version__
from guide_app.library.model import LANGUAGES

COMMANDS = ("search", "show", "list", "check", "index", "export", "card", "kiosk-passphrase")


def _guide(args):
    from guide_app.guide import load_guide

    content = Path(args.content) if getattr(args, "content", None) else None
    return load_guide(content)


def _print_problems(guide) -> None:
    for problem in guide.problems:
        print(f"warning: {problem}", file=sys.stderr)


def _open_search(guide, quiet: bool = False, force: bool = False):
    def progress(done: int, total: int, message: str) -> None:
        if not quiet:
            print(f"\r{message}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return guide.open_search(progress=progress, force=force)


def cmd_search(args) -> int:
    guide = _guide(args)
    engine = _open_search(guide, quiet=args.json)
    try:
        response = engine.search(args.query, args.lang, limit=args.limit, correct=not args.exact)
    finally:
        engine.close()
    if args.json:
        print(json.dumps(response.as_json(), ensure_ascii=False))
        return 0
    if response.corrected:
        print(f"Showing results for: {response.corrected} (search instead for the words as typed with --exact)")
    if response.out_of_scope:
        print("The guide does not cover this question. A lawyer or accredited representative can help:")
    if response.detected_lang:
        print(f"This looks like {response.detected_lang}; its results are marked [{response.detected_lang}].")
    shown = response.shown()
    if not shown and not response.card:
        print("No results. Try fewer or simpler words, or `guide-app list` to browse.")
    for n, result in enumerate(shown, 1):
        label = "" if result.lang == response.lang or response.lang is None else f" [{result.lang}]"
        where = f" — {result.section}" if result.section else ""
        print(f"{n}. {result.title}{where}{label}  ({result.id}, {result.lang})")
        print(f"   {result.snippet}")
    if response.card:
        card = response.card
        print(f"{card.kind.capitalize()}: {card.title}  ({card.kind}:{card.id}, {card.lang})")
        print(f"   {card.snippet}")
    return 0


def cmd_kiosk_passphrase(args) -> int:
    """Ask for the passphrase twice (or read one line from a pipe) and print the line for kiosk.ini."""
    from guide_app.app import passphrase

    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        typed = getpass.getpass("Kiosk administrator passphrase: ")
        if getpass.getpass("Type it again: ") != typed:
            print("The two passphrases differ; nothing was printed.", file=sys.stderr)
            return 1
    else:
        typed = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    if len(typed) < 8 or len(typed) > passphrase.MAX_PASSPHRASE_CHARS:
        print(
            f"Use a passphrase of 8 to {passphrase.MAX_PASSPHRASE_CHARS} characters; nothing was printed.",
            file=sys.stderr,
        )
        return 1
    print("# Paste under [kiosk] in kiosk.ini. Only this salted hash is stored, never the passphrase.")
    print(f"admin_passphrase = {passphrase.make_hash(typed)}")
    return 0


def _find_article(guide, article_id: str, lang: str):
    article = guide.library.article(article_id, lang)
    if article is None:
        known = sorted({a.id for a in guide.library.articles.values()})
        print(f"No article '{article_id}' in {lang}. Known ids: {', '.join(known)}", file=sys.stderr)
    return article


def cmd_show(args) -> int:
    from guide_app.render.text import article_to_text

    guide = _guide(args)
    article = _find_article(guide, args.id, args.lang)
    if article is None:
        return 1
    sys.stdout.write(article_to_text(article))
    return 0


def cmd_list(args) -> int:
    guide = _guide(args)
    _print_problems(guide)
    langs = [args.lang] if args.lang else list(LANGUAGES)
    articles = [a for lang in langs for a in guide.library.in_language(lang)]
    if args.json:
        rows = [
            {
                "id": a.id,
                "lang": a.lang,
                "title": a.title,
                "summary": a.summary,
                "topics": list(a.topics),
                "reviewed": a.reviewed.isoformat(),
            }
            for a in articles
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for a in articles:
        print(f"{a.id:32} {a.lang}  {a.reviewed}  {a.title}")
    print(f"{len(articles)} articles")
    return 0


def cmd_check(args) -> int:
    from guide_app.library.check import check
    from guide_app.library.loader import load_library

    folders = [Path(d) for d in args.dirs] or None
    if folders is None:
        from guide_app import paths

        # Like every other command, `guide-app --content DIR check` checks DIR (plus the local packs).
        folders = [Path(args.content) if getattr(args, "content", None) else paths.content_dir()]
        local = paths.local_pack_dirs()
    else:
        local = folders[1:]
    result = load_library(folders[0], local)
    report = check(result)
    from guide_app.library.flows import validate_folder

    report.problems.extend(validate_folder(folders[0] / "flows", result.library))
    print("Reading levels:")
    for grade in report.grades:
        mark = "ok" if grade.ok else "TOO HARD"
        print(f"  {grade.article.lang}  {grade.article.id:34} {grade.formula:22} {grade.value:6.1f}  {mark}")
    for lang in LANGUAGES:
        values = [g.value for g in report.grades if g.article.lang == lang]
        if values:
            print(f"  {lang}: {len(values)} articles, median {statistics.median(values):.1f}")
    for note in report.notes:
        print(f"note: {note}")
    for problem in report.problems:
        print(problem)
    if report.ok:
        print("Content OK.")
        return 0
    print(f"{len(report.problems)} problem(s) found.")
    return 1


def cmd_index(args) -> int:
    import time

    guide = _guide(args)
    _print_problems(guide)
    start = time.perf_counter()
    engine = _open_search(guide, force=args.rebuild)
    docs = {lang: ix.doc_count() for lang, ix in engine.indexes.items()}
    engine.close()
    print(f"Index ready at {engine.folder} ({docs}) in {time.perf_counter() - start:.2f} s")
    return 0


def cmd_export(args) -> int:
    from guide_app.export.printing import export_article_pdf  # QtGui lays out PDF pages; no widgets
    from guide_app.qtcompat import gui_application

    guide = _guide(args)
    article = _find_article(guide, args.id, args.lang)
    if article is None:
        return 1
    gui_application()
    pages = export_article_pdf(article, guide.library, Path(args.pdf), page_size=args.page_size)
    print(f"Wrote {args.pdf} ({pages} pages)")
    return 0


def cmd_card(args) -> int:
    from guide_app.export.card import export_card_pdf
    from guide_app.qtcompat import gui_application

    guide = _guide(args)
    if args.lang not in guide.library.card:
        print(f"No card text for '{args.lang}'. Available: {', '.join(guide.library.card)}", file=sys.stderr)
        return 1
    gui_application()
    export_card_pdf(guide.library.card, args.lang, Path(args.pdf), page_size=args.page_size)
    print(f"Wrote {args.pdf}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guide-app",
        description="Rights Guide: an offline guide to 287(g), racial profiling and your remedies. "
        "With no command, the desktop app opens.",
    )
    parser.add_argument("--version", action="version", version=f"guide-app {__version__}")
    parser.add_argument("--content", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("search", help="search the guide")
    p.add_argument("query")
    p.add_argument("--lang", choices=LANGUAGES, default=None, help="language to search (default: both)")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--exact", action="store_true", help="search the words as typed (no spelling corrections)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("show", help="print an article as plain text")
    p.add_argument("id")
    p.add_argument("--lang", choices=LANGUAGES, default="en")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("list", help="list every article")
    p.add_argument("--lang", choices=LANGUAGES)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("check", help="validate content and report reading levels")
    p.add_argument("dirs", nargs="*", help="content folders (default: the shipped content and local packs)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("index", help="open or build the search index")
    p.add_argument("--rebuild", action="store_true", help="build it again even if it looks fine")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("export", help="save an article as a printable PDF handout")
    p.add_argument("id")
    p.add_argument("--lang", choices=LANGUAGES, default="en")
    p.add_argument("--pdf", required=True, metavar="FILE")
    p.add_argument("--page-size", choices=("letter", "a4"), default="letter")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("card", help="save a sheet of wallet rights cards as PDF (English + LANG)")
    p.add_argument("--lang", default="es")
    p.add_argument("--pdf", required=True, metavar="FILE")
    p.add_argument("--page-size", choices=("letter", "a4"), default="letter")
    p.set_defaults(func=cmd_card)

    p = sub.add_parser(
        "kiosk-passphrase",
        help="print the kiosk.ini line that sets the administrator passphrase (asked for, or read from stdin)",
    )
    p.set_defaults(func=cmd_kiosk_passphrase)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="guide-app", description="Open the Rights Guide window.")
    parser.add_argument("--version", action="version", version=f"guide-app {__version__}")
    parser.add_argument("--content", help=argparse.SUPPRESS)
    parser.add_argument("--smoke-test", action="store_true", help="start, search, open an article, exit 0")
    parser.add_argument("--kiosk", action="store_true", help="community-center kiosk mode")
    parser.add_argument("--present", metavar="ID", help="present an article full screen")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface and content language")
    return parser


def is_command_line(argv: list[str]) -> bool:
    """True when ``argv`` names a command (or asks for help); otherwise ``guide-app`` opens the window."""
    return any(a in COMMANDS for a in argv[:3]) or any(a in ("-h", "--help") for a in argv[:1])


def main(argv: list[str] | None = None) -> int:
    """Run one command. The window is opened by :func:`guide_app.main.main`, never from here: nothing in
    this module imports ``guide_app.ui`` (a test checks it)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("-h", "--help"):
        build_parser().print_help()
        print("\nWindow options: guide-app [--smoke-test] [--kiosk] [--present ID] [--lang en|es]")
        return 0
    args = build_parser().parse_args(argv)
    if not getattr(args, "command", None):
        build_parser().print_help()
        return 2
    try:
        code = args.func(args)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (e.g. `guide-app list | head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit-time flush cannot complain either
        return 141  # 128 + SIGPIPE, as other command-line tools end in a closed pipe
