"""Producing the next papers: draft agenda, front sheet, agenda pack (HTML and PDF)."""
