"""Views of the website: public record pages, people, sources, search, officers."""
