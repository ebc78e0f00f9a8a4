"""Tracking models: requests, commitments, performance figures (filled in by the tracking work)."""
