"""A parse job for tests of the worker pool (no Django: worker processes import it).

A file named "crash" ends its worker process abruptly, as a crash in a PDF
library would; every other file is parsed normally.
"""

from __future__ import annotations

import os

from minutebook.record.parsing import Outcome, parse_job


def job(name: str, data: bytes) -> Outcome:
    if name == "crash":
        os._exit(1)
    return parse_job(name, data)
