"""OParl 1.1 for the public record.

`serialize` turns the public part of the record into OParl objects (with URLs
relative to a placeholder base); `publish` keeps the table of published objects
(creation, modification and deletion times, the object lists each belongs to);
`views` serves them under `/oparl/v1/`; `validate` checks objects against the
OParl JSON schemas in `corpus/oparl-schema` (or the copy shipped in the package).
"""

OPARL_BASE_TOKEN = "urn:minutebook:oparl:"
# Stands for the site root in `web` links to the HTML pages.
SITE_BASE_TOKEN = "urn:minutebook:site:"
SCHEMA_PREFIX = "https://schema.oparl.org/1.1/"
EXTENSION_PREFIX = "minutebook:"
