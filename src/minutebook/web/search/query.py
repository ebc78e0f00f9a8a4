"""Turning anything a visitor types into a safe, bounded query.

The text is reduced to words and quoted phrases; every operator, bracket,
stray quote or symbol is a separator, so no input can change the query's
syntax in either backend. A 10 KB query is cut to the first `MAX_TERMS` terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_TERMS = 16
MAX_PHRASE_WORDS = 12
MAX_WORD_LENGTH = 60
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\w+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not self.words and not self.phrases

    def terms(self) -> list[str]:
        """Every word of the query (phrases' words included), for highlighting."""
        return [*self.words, *(w for p in self.phrases for w in p)]

    def fts5_terms(self) -> list[str]:
        """Each word and phrase as its own FTS5 MATCH expression, double-quoted (literal)."""
        return [f'"{w}"' for w in self.words] + ['"' + " ".join(p) + '"' for p in self.phrases]

    def fts5(self) -> str:
        """An FTS5 MATCH expression: every term double-quoted, so taken literally."""
        return " ".join(self.fts5_terms())


def _clean_word(word: str) -> str | None:
    word = word.strip("_").lower()[:MAX_WORD_LENGTH]
    return word or None


def parse_query(text: str) -> ParsedQuery:
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    count = 0
    for match in _PHRASE_OR_WORD.finditer(text or ""):
        if count >= MAX_TERMS:
            break
        phrase_text, word = match.groups()
        if word is not None:
            cleaned = _clean_word(word)
            if cleaned and cleaned not in words:
                words.append(cleaned)
                count += 1
            continue
        phrase_words = [w for w in (_clean_word(x) for x in _WORD.findall(phrase_text)) if w]
        phrase_words = phrase_words[:MAX_PHRASE_WORDS]
        if len(phrase_words) == 1:
            if phrase_words[0] not in words:
                words.append(phrase_words[0])
                count += 1
        elif phrase_words:
            phrases.append(tuple(phrase_words))
            count += 1
    return ParsedQuery(tuple(words), tuple(phrases))
