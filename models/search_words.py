"""A ticket's search words: every two-character sequence of its complaint text.

The queue's word search is `text LIKE '%word%'`. A trigram index serves words of three
characters or more; most Chinese search words have two, so each ticket also stores the distinct
two-character sequences of its text (`tickets.search_words`, GIN-indexed on PostgreSQL), and a
two-character word is found with `search_words @> ARRAY[word]`: exactly the tickets whose text
contains it. (A segmentation into words would miss some: jieba reads 楼上漏水泡了 as 漏 + 水泡.)
Sequences holding white space are left out: a search word never does.
"""

from __future__ import annotations


def search_words(text: str | None) -> list[str]:
    """The distinct two-character sequences of `text`, in order of first appearance."""
    return list(dict.fromkeys(part[i : i + 2] for part in (text or "").split()
                              for i in range(len(part) - 1)))
