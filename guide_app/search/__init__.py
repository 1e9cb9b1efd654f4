"""Full-text search over the guide (Whoosh behind a small interface). No Qt here."""
