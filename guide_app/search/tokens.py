"""How text splits into words, shared by the index (search/analysis.py) and the article renderer's
highlighting (render/html.py), so a searched word is marked exactly where the index found it. No Whoosh."""

from __future__ import annotations

import re

# "287(g)" is one word for readers; "I-247A" splits into "i" and "247a"; apostrophes stay inside words.
TOKEN_PATTERN = r"\d+\([a-z]\)|\w+(?:['’.]\w+)*"
WORD = re.compile(TOKEN_PATTERN, re.IGNORECASE)
