"""The foundation: layout rules, settings, both databases, migrations."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

SRC = Path(__file__).resolve().parent.parent / "src" / "minutebook"


def test_parser_never_imports_django() -> None:
    offenders = []
    for path in (SRC / "parser").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top == "django" or name.startswith(
                    (
                        "minutebook.record",
                        "minutebook.web",
                        "minutebook.api",
                        "minutebook.tracking",
                        "minutebook.publish",
                    )
                ):
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []


def test_parser_imports_without_django_installed_in_sys_modules() -> None:
    code = (
        "import sys, minutebook.parser, minutebook.parser.models;"
        "import importlib, pkgutil;"
        "[importlib.import_module('minutebook.parser.'+m.name) for m in pkgutil.iter_modules(minutebook.parser.__path__)];"
        "assert 'django' not in sys.modules, 'parser pulled in django'"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


@pytest.mark.db_both
@pytest.mark.django_db
def test_database_backend_is_the_one_asked_for() -> None:
    wanted = "postgresql" if os.environ.get("MINUTEBOOK_TEST_DB") == "postgres" else "sqlite"
    assert connection.vendor == wanted
    with connection.cursor() as cur:
        if wanted == "sqlite":
            cur.execute("select sqlite_version()")
        else:
            cur.execute("select version()")
        assert cur.fetchone()[0]


@pytest.mark.db_both
@pytest.mark.django_db
def test_natural_keys_round_trip() -> None:
    from minutebook.record.models import Committee, Council, Meeting

    council = Council.objects.create(name="Test Council", slug="test-council")
    committee = Committee.objects.create(council=council, name="Corporate Parenting", slug="cp")
    import datetime as dt

    meeting = Meeting.objects.create(committee=committee, date=dt.date(2020, 11, 4))
    key = meeting.natural_key()
    assert key == (("test-council",), dt.date(2020, 11, 4)) or key[1] == dt.date(2020, 11, 4)
    again = Meeting.objects.get(
        committee__council__slug="test-council", committee__slug="cp", date=key[1]
    )
    assert again.pk == meeting.pk


@pytest.mark.django_db
def test_no_missing_migrations() -> None:
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    from django.conf import settings

    if os.environ.get("MINUTEBOOK_TEST_DB") == "postgres":
        pytest.skip("SQLite-only check")
    opts = settings.DATABASES["default"].get("OPTIONS", {})
    assert "journal_mode=WAL" in opts.get("init_command", "")
