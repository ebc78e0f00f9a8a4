"""Plain text from markdown and from text carrying inline HTML.

Committee papers converted from Word arrive as markdown with inline HTML
(`## **PURPOSE**`, `<b>Item No.</b>`), or as text whose table cells hold
`<p>` paragraphs. The normalised text must read as plain text, so markup is
removed; a table row stays on one line with tab-separated cells.
"""

from __future__ import annotations

import html
import re
from typing import Final

# Tags that appear inline in converted papers. A known tag name is required so
# that "< 5 children" or "<£5,000" in running text is never taken for markup.
_TAG_NAMES: Final = (
    "a|abbr|b|big|blockquote|br|caption|center|cite|code|col|colgroup|dd|del|dfn|div|dl|dt|em|"
    "font|h[1-6]|hr|i|img|ins|kbd|li|mark|o:p|ol|p|pre|q|s|small|span|strike|strong|sub|sup|"
    "table|tbody|td|tfoot|th|thead|tr|tt|u|ul"
)
INLINE_TAG: Final = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_BREAK: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Paragraphs of one cell join with a space; a tab between them separates two cells.
_PARAGRAPH_JOIN: Final = re.compile(r"</p>[^\S\t]*<p(?:\s[^<>]*)?>", re.IGNORECASE)
_AUTOLINK: Final = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>", re.IGNORECASE)
_ENTITY: Final = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPACE_RUN: Final = re.compile(r" {2,}")

_HEADING: Final = re.compile(r"^ {0,3}#{1,6}(?:\s+|$)")
_HEADING_CLOSE: Final = re.compile(r"\s+#+\s*$")
_STRONG: Final = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS: Final = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_LEFTOVER_STRONG: Final = re.compile(r"\*\*")
_SUPERSCRIPT: Final = re.compile(r"\^([^\^\s]{1,12})\^")
_SUBSCRIPT: Final = re.compile(r"(?<!~)~([^~\s]{1,12})~(?!~)")
_ESCAPE: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~^\"'$&<])")
_HARD_BREAK: Final = re.compile(r"\\$")
_QUOTE: Final = re.compile(r"^ {0,3}(?:> ?)+")
_IMAGE: Final = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK: Final = re.compile(r"\[([^\]]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_RULE: Final = re.compile(r"^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|={3,})$")
_FENCE: Final = re.compile(r"^ {0,3}(?:```|~~~)")
_PIPE_SEPARATOR: Final = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_PANDOC_ATTRIBUTES: Final = re.compile(r"\{[.#][^{}]*\}")
# A pandoc span, "[Resolved]{.underline}" (Word's underlining): its text.
_PANDOC_SPAN: Final = re.compile(r"\[([^\[\]]+)\]\{[.#][^{}]*\}")

# Each starts with a literal newline, which the regex engine scans for quickly
# (a "^" in MULTILINE mode is tried at every position).
# Each with a mark that every match holds: a text without it is not searched.
_MARKDOWN_HINTS: Final = (
    ("#", re.compile(r"\n#{1,6}[ \t]+\S")),
    ("**", re.compile(r"\n[ \t]*\*\*[^*\n]+\*\*")),
    ("|", re.compile(r"\n\|[^\n]*\|[ \t]*\n\|[ \t]*:?-{3,}")),
)


def has_inline_html(text: str) -> bool:
    return INLINE_TAG.search(text) is not None


def looks_like_markdown(text: str) -> bool:
    """Markdown by content: front matter, or several headings, bold-led lines or pipe tables."""
    head = "\n" + text[:200_000]
    if head.startswith("\n---\n") and "\n---\n" in head[4:4000]:
        return True
    hits = sum(len(p.findall(head)) for mark, p in _MARKDOWN_HINTS if mark in head)
    return hits >= 3


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def _strip_line(line: str) -> str:
    if "<" in line:
        line = _AUTOLINK.sub(r"\1", line)
        line = _PARAGRAPH_JOIN.sub(" ", line)
        # A break inside a table row would split the row; elsewhere it is a line break.
        line = _BREAK.sub(" " if "\t" in line else "\n", line)
        line = INLINE_TAG.sub("", line)
    if "&" in line:
        line = _unescape(line)
    return line


def strip_inline_html_lines(lines: list[str]) -> None:
    """`strip_inline_html` on a list of lines, in place (large inputs are not copied again)."""
    for i, line in enumerate(lines):
        if "<" in line or "&" in line:
            lines[i] = _strip_line(line)


def strip_inline_html(text: str) -> str:
    """Remove inline HTML, keeping each table row on one line and each paragraph of a cell in its cell."""
    if not has_inline_html(text):
        return _unescape(text) if "&" in text else text
    lines = text.split("\n")
    strip_inline_html_lines(lines)
    return "\n".join(lines)


def _front_matter(lines: list[str]) -> tuple[list[str], int]:
    """YAML front matter (Jekyll, pandoc): keep only its title. Returns (kept lines, lines consumed)."""
    if not lines or lines[0].strip() != "---":
        return [], 0
    for end in range(1, min(len(lines), 80)):
        if lines[end].strip() in {"---", "..."}:
            kept = []
            for line in lines[1:end]:
                key, _, value = line.partition(":")
                if key.strip().lower() == "title" and value.strip():
                    kept.append(value.strip().strip("\"'"))
            return kept, end + 1
    return [], 0


def _pipe_row(line: str) -> str | None:
    """`| a | b |` -> "a<TAB>b"; None when the line is not a pipe-table row."""
    s = line.strip()
    if not s.startswith("|") or s.count("|") < 2:
        return None
    cells = [c.strip() for c in s.strip("|").split("|")]
    return "\t".join(cells)


def markdown_line_to_text(line: str) -> str:
    """One line of markdown to plain text (headings, emphasis, escapes, quotes, links)."""
    # Cheap substring tests guard every regex: most lines of a paper are plain prose.
    if ">" in line:
        line = _QUOTE.sub("", line)
    if "#" in line and _HEADING.match(line):
        line = _HEADING_CLOSE.sub("", _HEADING.sub("", line, count=1))
    if "**" in line or "__" in line or "*" in line:
        line = _STRONG.sub(r"\2", line)
        line = _EMPHASIS.sub(r"\1", line)
        line = _LEFTOVER_STRONG.sub("", line)
    if "^" in line:
        line = _SUPERSCRIPT.sub(r"\1", line)
    if "~" in line:
        line = _SUBSCRIPT.sub(r"\1", line)
    if "](" in line:
        line = _IMAGE.sub(r"\1", line)
        line = _LINK.sub(
            lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})",
            line,
        )
    if "{" in line:
        line = _PANDOC_ATTRIBUTES.sub("", _PANDOC_SPAN.sub(r"\1", line))
    if "\\" in line:
        if _HARD_BREAK.search(line):
            line = _HARD_BREAK.sub("", line).rstrip()
        line = _ESCAPE.sub(r"\1", line)
    return line


def markdown_to_text(text: str) -> str:
    """Markdown (with inline HTML) to plain text."""
    lines = text.split("\n")
    markdown_lines(lines)
    return "\n".join(lines)


def markdown_lines(lines: list[str]) -> None:
    """Markdown lines (with inline HTML) to plain text lines, in place.

    A write index trails the read index (lines are only ever dropped), so a
    large input is not copied into a second list.
    """
    kept, consumed = _front_matter(lines)
    if consumed:
        kept.append("")
    write = len(kept)
    lines[:write] = kept
    in_fence = False
    for read in range(consumed, len(lines)):
        line = lines[read]
        first = line.lstrip(" ")[:1]
        if first and first in "`~" and _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not first or in_fence:
            pass
        elif first in "*-_=|:" and (
            _RULE.match(line) or ("|" in line and _PIPE_SEPARATOR.match(line))
        ):
            line = ""
        elif first == "|" and (row := _pipe_row(line)) is not None:
            line = "\t".join(markdown_line_to_text(c) for c in row.split("\t"))
        else:
            line = markdown_line_to_text(line)
        lines[write] = line
        write += 1
    del lines[write:]
    strip_inline_html_lines(lines)
