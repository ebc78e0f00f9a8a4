"""The public website and officers' pages; full-text search."""
