"""Crawl the OParl API of the configured database and validate every object.

    MINUTEBOOK_DB_PATH=var/minutebook.sqlite3 .venv/bin/python -m tests.api.validate_database

Prints the objects per type, the number of schema errors (and the first ones),
and the time taken. Exit status 1 when any object is invalid.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.settings")
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    from tests.api.oparl_schema import kind_of, validate_oparl
    from tests.api.test_oparl import crawl

    setup_test_environment()  # lets the test client talk to the real database as "testserver"
    started = time.monotonic()
    objects, bodies = crawl(Client(), fetch_listed=False)
    elapsed = time.monotonic() - started
    errors = [error for obj in objects.values() for error in validate_oparl(obj)]
    kinds = Counter(kind_of(obj) for obj in objects.values())
    print(", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())))
    print(
        f"{len(objects)} objects, {len(errors)} schema errors, {len(bodies)} responses, "
        f"{sum(map(len, bodies)) / 1e6:.1f} MB, {elapsed:.1f} s"
    )
    for error in errors[:20]:
        print(" ", error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
