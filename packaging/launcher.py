"""Entry script of the frozen bundle: the same `guide_app.main.main` as the `guide-app` command.

With no subcommand it opens the window (``--smoke-test``, ``--kiosk``, ``--present``, ``--lang``); with one
(``search``, ``show``, ``list``, ``check``, ``index``, ``export``, ``card``) it runs the command line.
"""

from guide_app.main import main

if __name__ == "__main__":
    raise SystemExit(main())
