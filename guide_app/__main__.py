"""`python -m guide_app` runs the same entry point as the `guide-app` command."""

from guide_app.main import main

raise SystemExit(main())
