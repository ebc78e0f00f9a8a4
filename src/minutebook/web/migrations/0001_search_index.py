"""The search index table and its backend-specific full-text structures."""

from django.db import migrations, models

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE web_search_fts USING fts5(title, body, content='web_searchentry', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER web_search_ai AFTER INSERT ON web_searchentry BEGIN "
    "INSERT INTO web_search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER web_search_ad AFTER DELETE ON web_searchentry BEGIN "
    "INSERT INTO web_search_fts(web_search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER web_search_au AFTER UPDATE ON web_searchentry BEGIN "
    "INSERT INTO web_search_fts(web_search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO web_search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS web_search_au",
    "DROP TRIGGER IF EXISTS web_search_ad",
    "DROP TRIGGER IF EXISTS web_search_ai",
    "DROP TABLE IF EXISTS web_search_fts",
]
POSTGRES_FORWARD = [
    "ALTER TABLE web_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED",
    "CREATE INDEX web_searchentry_document_gin ON web_searchentry USING GIN (document)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS web_searchentry_document_gin",
    "ALTER TABLE web_searchentry DROP COLUMN IF EXISTS document",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("report", "Reports"), ("minutes", "Minutes"), ("agenda", "Agendas"), ("letter", "Letters"), ("decision", "Decision notices"), ("other", "Other papers"), ("agenda_item", "Agenda items"), ("minute", "Minuted discussion"), ("resolution", "Resolutions")], max_length=24)),
                ("model", models.CharField(max_length=24)),
                ("object_id", models.BigIntegerField()),
                ("line", models.PositiveIntegerField(default=0)),
                ("title", models.TextField()),
                ("body", models.TextField()),
                ("url", models.CharField(max_length=600)),
                ("context", models.CharField(blank=True, max_length=600)),
                ("committee_id", models.BigIntegerField(blank=True, null=True)),
                ("meeting_date", models.DateField(blank=True, null=True)),
                ("closed", models.BooleanField(default=False)),
            ],
            options={
                "indexes": [
                    models.Index(fields=["closed", "kind"], name="search_closed_kind"),
                    models.Index(fields=["committee_id", "meeting_date"], name="search_committee_date"),
                ],
            },
        ),
        migrations.CreateModel(
            name="SearchIndexState",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("dirty", models.BooleanField(default=True)),
                ("built_at", models.DateTimeField(blank=True, null=True)),
                ("entries", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
