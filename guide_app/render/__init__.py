"""Markdown to HTML (reader, print) and to plain text (CLI, search index, slides). No Qt here."""
