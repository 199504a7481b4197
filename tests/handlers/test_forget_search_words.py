"""/forget masks the complaint text; the search words follow the masked text."""

from __future__ import annotations

from handlers.forget import anonymise_ticket
from models.orm import TicketRow
from models.search_words import search_words

TEXT = "我叫张伟，电话13912345678，明德花园5号楼楼上漏水"


def test_the_search_words_are_the_two_character_sequences_of_the_text() -> None:
    assert search_words("漏水了 漏水！ab") == ["漏水", "水了", "水！", "！a", "ab"]
    assert search_words("") == search_words("水") == search_words(None) == []


def test_forget_leaves_no_search_word_of_what_it_masked() -> None:
    ticket = TicketRow(original_text=TEXT, normalized_text=TEXT, community_code="MDHY",
                       search_words=search_words(TEXT))
    assert {"张伟", "13", "78"} <= set(ticket.search_words or [])
    anonymise_ticket(ticket, ["张伟"])
    words = set(ticket.search_words or [])
    assert "张伟" not in ticket.original_text and "13912345678" not in ticket.original_text
    assert not {"张伟", "13", "78"} & words and {"漏水", "楼上"} <= words
    assert ticket.search_words == search_words(ticket.original_text)
