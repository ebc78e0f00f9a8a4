"""Normalisation: each small function on its own, then the whole chain."""

from __future__ import annotations

from minutebook.parser.normalise import (
    drop_stray_glyph_lines,
    expand_ligatures,
    fix_l_for_i,
    infer_pages,
    is_stray_glyph_line,
    normalise,
    remove_controls,
    remove_invisible,
    split_pages,
    strip_page_furniture,
    strip_trailing_space,
    unify_newlines,
    unify_quotes,
    unify_spaces,
)


def test_crlf_and_lone_cr_become_lf() -> None:
    assert unify_newlines("a\r\nb\rc\n") == "a\nb\nc\n"
    assert unify_newlines("a\u2028b\u2029c") == "a\nb\nc"


def test_invisible_characters_are_removed() -> None:
    assert remove_invisible("Corpo\u00adrate\u200b Par\ufeffenting\u200d") == "Corporate Parenting"


def test_nbsp_and_typographic_spaces_become_spaces() -> None:
    assert unify_spaces("4\u00a0November\u202f2020\u2009at\u20032pm") == "4 November 2020 at 2pm"


def test_ligatures_are_expanded() -> None:
    assert (
        expand_ligatures("\ufb01nance of\ufb01cer, e\ufb00ective, \ufb02ow")
        == "finance officer, effective, flow"
    )


def test_typographic_quotes_become_ascii() -> None:
    assert (
        unify_quotes("Councillor O’Neill’s “draft” ‘plan’")
        == "Councillor O'Neill's \"draft\" 'plan'"
    )


def test_controls_are_dropped_but_tab_newline_formfeed_kept() -> None:
    assert remove_controls("a\x00b\x07c\td\ne\ff\x1b\x85") == "abc\td\ne\ff"
    # ASCII-only text takes a faster path; same result.
    assert remove_controls("a\x00b\x07c\td\ne\ff\x1b") == "abc\td\ne\ff"
    plain = "Item 1\tApologies\n"
    assert remove_controls(plain) is plain and unify_spaces(plain) is plain


def test_trailing_space_is_stripped_and_interior_tabs_kept() -> None:
    assert strip_trailing_space("Item No.\tTitle\t\t \nnext   \n") == "Item No.\tTitle\nnext\n"


def test_stray_glyph_lines() -> None:
    assert is_stray_glyph_line("\uf0b7")  # private-use bullet from a Symbol font
    assert is_stray_glyph_line(" • ")
    assert is_stray_glyph_line("|")
    assert not is_stray_glyph_line("1")  # a page number
    assert not is_stray_glyph_line("a")  # a list label
    assert not is_stray_glyph_line("-")  # a table cell meaning "none"
    assert not is_stray_glyph_line("– ")
    assert not is_stray_glyph_line("•  Item")
    assert drop_stray_glyph_lines("one\n\uf0b7\ntwo\n3") == "one\n\ntwo\n3"


def test_form_feeds_become_pages() -> None:
    text, pages = split_pages("p1 a\np1 b\fp2 a\n\fp3 a")
    assert text.split("\n") == ["p1 a", "p1 b", "p2 a", "", "p3 a"]
    assert pages == [1, 1, 2, 2, 3]
    same, flat = split_pages("no pages\nhere")
    assert same == "no pages\nhere" and flat == [1, 1]


def test_form_feed_on_its_own_line_adds_no_blank_line() -> None:
    text, pages = split_pages("end of page one\n\f\nstart of page two")
    assert text.split("\n") == ["end of page one", "", "start of page two"]
    assert pages == [1, 1, 2]


def test_l_for_i_helper_only_touches_labels() -> None:
    assert fix_l_for_i("l.") == "I."
    assert fix_l_for_i("(l)") == "(I)"
    assert fix_l_for_i("lunch.") == "lunch."


def test_normalise_chains_everything_and_keeps_tabs() -> None:
    raw = "Item\u00a0No.\tTitle \r\n\ufb01nal re\u00adport’s\r\n\uf0b7\r\n\fPage two\x00"
    assert normalise(raw) == "Item No.\tTitle\nfinal report’s\n\n\fPage two"


def test_normalise_is_idempotent() -> None:
    raw = "a\u00a0b\r\n\uf0b7\n\ufb01 \t\nx\fy"
    once = normalise(raw)
    assert normalise(once) == once


def test_page_numbers_and_running_footers_are_removed() -> None:
    pages = [
        ["Minutes of the Cabinet", "1. Apologies", "text continues", "Cabinet - 4 March 2025", "1"],
        ["on this page", "2. Minutes", "Cabinet - 4 March 2025", "2"],
        ["3. Budget", "", "RESOLVED: noted.", "Cabinet - 4 March 2025", "Page 3 of 4"],
        ["4. Close", "Cabinet - 4 March 2025", "4"],
    ]
    cleaned = strip_page_furniture(pages)
    # Rising page numbers at the page edge go, and so does the footer printed above each
    # number: the last two non-blank lines of a page are candidates.
    assert cleaned[0] == ["Minutes of the Cabinet", "1. Apologies", "text continues"]
    assert cleaned[2] == ["3. Budget", "", "RESOLVED: noted."]


def test_page_furniture_keeps_content() -> None:
    # A "3" that is not a rising page number, and a table header repeated on each page, stay.
    pages = [["Item\tTitle", "1.\tApologies", "3"], ["Item\tTitle", "2.\tMinutes", "3"]]
    assert strip_page_furniture(pages) == pages
    single = [["only one page", "1"]]
    assert strip_page_furniture(single) == single


def test_running_header_recurring_on_most_pages() -> None:
    pages = [[f"Development Committee {n} 10 November 2011", "body", "more"] for n in range(1, 5)]
    # At the top of the first page the header is the paper's heading: it stays there.
    assert strip_page_furniture(pages) == [pages[0], *[["body", "more"]] * 3]


def test_two_line_running_header_and_a_dated_header_with_tabs_are_removed() -> None:
    def page(n: int) -> list[str]:
        return [
            "Thornleigh Borough Council",
            "Scrutiny Committee – 3 December 2024",
            "",
            f"text of page {n}",
            "Borough Council\tCabinet – 14 January 2025",
            f"Page {n} of 3",
        ]

    cleaned = strip_page_furniture([page(1), page(2), page(3)])
    # The header's two lines stay once, at the top of the first page; the footer row with
    # tabs holds a date, so it is no table header: it goes from every page.
    assert cleaned[0] == page(1)[:4]
    assert cleaned[1] == ["", "text of page 2"]
    assert cleaned[2] == ["", "text of page 3"]


def test_a_table_header_repeated_at_the_top_of_each_page_stays() -> None:
    pages = [["Item\tSubject\tLead officer", f"{n}.\tBudget\tJ Smith", "text"] for n in (1, 2, 3)]
    assert strip_page_furniture(pages) == pages


def test_pages_inferred_from_printed_page_numbers() -> None:
    body = ["para"] * 11
    centred = " " * 50 + "1"  # text extracted with layout keeps the centring
    text = "\n".join([*body, centred, *body, "Page 2", *body, "- 3 -", *body, ""])
    pages = infer_pages(text)
    assert pages is not None
    lines = text.split("\n")
    assert len(pages) == len(lines)
    assert pages[lines.index(centred)] == 1 and pages[lines.index(centred) + 1] == 2
    assert pages[lines.index("- 3 -")] == 3
    assert pages[-1] == 4  # text after the last printed number is the next page


def test_no_pages_guessed_from_stray_numbers() -> None:
    # Too close together (a list), not rising, or too few: pages stay unknown.
    assert infer_pages("\n".join(["1", "x", "2", "x", "3"])) is None
    assert infer_pages("\n".join((["text"] * 12 + ["5"]) * 3)) is None
    assert infer_pages("\n".join(["text"] * 12 + ["1"] + ["text"] * 12 + ["2"])) is None


def test_a_two_page_paper_loses_a_line_at_the_same_edge_of_both_pages_only() -> None:
    pages = [
        ["Westmere Council – Panel – 9 February 2026", "Body one.", "Summary of the year"],
        ["Westmere Council – Panel – 9 February 2026", "Body two.", "More text here"],
    ]
    # (It stays at the top of the first page, where it is the paper's heading.)
    assert strip_page_furniture(pages) == [pages[0], ["Body two.", "More text here"]]
    # At the top of one page and the foot of the other: not furniture.
    crossed = [["Summary of the year", "Body one."], ["Body two.", "Summary of the year"]]
    assert strip_page_furniture(crossed) == crossed
