"""Django settings. SQLite (WAL) by default; PostgreSQL when DATABASE_URL is set."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(os.environ.get("MINUTEBOOK_HOME", Path.cwd()))
DATA_DIR = Path(os.environ.get("MINUTEBOOK_DATA_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get(
    "MINUTEBOOK_SECRET_KEY", "dev-only-insecure-key-change-me-in-production"
)
DEBUG = os.environ.get("MINUTEBOOK_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("MINUTEBOOK_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(
    ","
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "minutebook.record",
    "minutebook.tracking",
    "minutebook.web",
    "minutebook.api",
    "minutebook.publish",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "minutebook.urls"
WSGI_APPLICATION = "minutebook.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database(url: str | None = None) -> dict[str, object]:
    """The database: PostgreSQL at DATABASE_URL (or `url`), else SQLite in the data folder."""
    url = url or os.environ.get("DATABASE_URL")
    if url:
        config = dict(dj_database_url.parse(url, conn_max_age=60))
        if config.get("ENGINE", "").endswith("postgresql"):
            options = config.setdefault("OPTIONS", {})
            # The visibility queries are many small joins: PostgreSQL's JIT costs far more
            # to compile them than it saves. Statements run by `record.prepared` (and only
            # those: Django's cursors prepare nothing) are planned once, generically.
            # Generic plans from the first run: otherwise PostgreSQL plans a prepared
            # statement afresh on each of its first five runs (a page's slowest visits).
            options["options"] = "-c jit=off -c plan_cache_mode=force_generic_plan"
            # psycopg prepares nothing by itself at this threshold; `prepare=True` still works
            # (None, Django's default, would refuse it too).
            options["prepare_threshold"] = 2**31
        return config
    path = Path(os.environ.get("MINUTEBOOK_DB_PATH", DATA_DIR / "minutebook.sqlite3"))
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            # WAL lets readers (the website) run while an ingest writes.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
            ),
            "transaction_mode": "IMMEDIATE",
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("MINUTEBOOK_STATIC_ROOT", DATA_DIR / "static"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

LOGIN_URL = "/officers/login/"
LOGIN_REDIRECT_URL = "/officers/"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 8 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
