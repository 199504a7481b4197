"""/forget masks the complaint text; the search words follow the masked text."""

from __future__ import annotations

from handlers.forget import anonymise_ticket
from models.orm import TicketRow
from nlp.router import Router

TEXT = "我叫张伟，电话13912345678，明德花园5号楼楼上漏水"


def test_forget_leaves_no_search_word_of_what_it_masked(router: Router) -> None:
    ticket = TicketRow(original_text=TEXT, normalized_text=TEXT, community_code="MDHY",
                       search_words=router.search_words(TEXT))
    assert {"张", "伟", "13912345678"} <= set(ticket.search_words or [])
    anonymise_ticket(ticket, ["张伟"], router.search_words)
    words = set(ticket.search_words or [])
    assert "张伟" not in ticket.original_text and "13912345678" not in ticket.original_text
    assert not {"张", "伟", "13912345678"} & words and {"漏水", "楼上"} <= words
    assert ticket.search_words == router.search_words(ticket.original_text)
