"""Closing the loop: requests and report-backs, work plan vs delivered, commitments, figures."""
