"""The `guide-app` program: with a command (``search``, ``show``, ``export``...) the command line runs
(:mod:`guide_app.cli`, which never loads widgets); without one the window opens (``guide_app.ui.app``)."""

from __future__ import annotations

import sys

from guide_app import cli


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if cli.is_command_line(argv):
        return cli.main(argv)
    args = cli.build_gui_parser().parse_args(argv)
    from guide_app.ui.app import run  # Qt widgets load only for the window

    return run(args)
