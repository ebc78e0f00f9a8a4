"""The record: Django models of the committee record, idempotent ingest, people resolution."""
