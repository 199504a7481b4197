"""search words, the unsatisfied flag, and the open tickets in filing order

`tickets.search_words`: jieba's search-mode words of the complaint (an array, GIN-indexed, on
PostgreSQL; a JSON list on SQLite), so that the queue's search for a word of one or two
characters — which a trigram index cannot serve — is an index lookup (`@>`). New tickets get
theirs at filing from the district's dictionary (`Router.search_words`); existing ones are
filled here, in batches, with jieba's own dictionary and the same search mode (no HMM).

`tickets.unsatisfied`: whether the ticket was ever rated 不满意 (set with the rating), indexed
with the status and the filing time for the queue's filter and its counts by status. A partial
index on the filing time of the open tickets serves the overdue and due-soon filters in filing
order; its predicate must stay the text `models.escalation.open_ticket` compiles to.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 09:00:00
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 10_000
WORD = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")  # what jieba segments together
OPEN_TICKET = "status IN ('accepted', 'assigned', 'triage')"
UNSATISFIED = ("EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = tickets.id "
               "AND r.score = 'unsatisfied')")
PG_BATCH = sa.text(
    f"UPDATE tickets SET search_words = string_to_array(v.words, ' '), unsatisfied = "
    f"{UNSATISFIED} FROM unnest(CAST(:ids AS integer[]), CAST(:words AS text[])) AS v(id, words)"
    " WHERE tickets.id = v.id")
SQLITE_ROW = sa.text(
    f"UPDATE tickets SET search_words = :words, unsatisfied = {UNSATISFIED} WHERE id = :id")


def upgrade() -> None:
    # plain ALTER TABLE on both databases: a batch (a copied table on SQLite) would lose the
    # expression index of 0017, which SQLAlchemy cannot reflect
    op.add_column("tickets", sa.Column(
        "search_words", ARRAY(sa.Text()).with_variant(sa.JSON(), "sqlite"), nullable=True))
    op.add_column("tickets", sa.Column("unsatisfied", sa.Boolean(), nullable=False,
                                       server_default=sa.text("false")))
    _backfill(op.get_bind())
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.create_index("ix_tickets_search_words", "tickets", ["search_words"],
                    postgresql_using="gin" if postgresql else None)
    op.create_index("ix_tickets_unsatisfied", "tickets", ["status", "created_at"],
                    postgresql_where=sa.text("unsatisfied"), sqlite_where=sa.text("unsatisfied"))
    op.create_index("ix_tickets_open_created", "tickets", ["created_at"],
                    postgresql_where=sa.text(OPEN_TICKET), sqlite_where=sa.text(OPEN_TICKET))


def downgrade() -> None:
    for name in ("ix_tickets_open_created", "ix_tickets_unsatisfied", "ix_tickets_search_words"):
        op.drop_index(name, table_name="tickets")
    op.drop_column("tickets", "unsatisfied")
    op.drop_column("tickets", "search_words")


def _backfill(connection: sa.Connection) -> None:
    """Every existing ticket's words and flag, `BATCH` tickets per statement (PostgreSQL) or
    transaction step (SQLite), in id order."""
    words: Callable[[str], list[str]] | None = None
    last = 0
    while rows := connection.execute(
            sa.text("SELECT id, original_text FROM tickets WHERE id > :last ORDER BY id LIMIT "
                    f"{BATCH}"), {"last": last}).all():
        words = words or _search_mode()
        _write(connection, [(row[0], words(row[1] or "")) for row in rows])
        last = rows[-1][0]


def _write(connection: sa.Connection, batch: list[tuple[int, list[str]]]) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(PG_BATCH, {"ids": [key for key, _ in batch],
                                      "words": [" ".join(found) for _, found in batch]})
        return
    connection.execute(SQLITE_ROW, [{"id": key, "words": json.dumps(found, ensure_ascii=False)}
                                    for key, found in batch])


def _search_mode() -> Callable[[str], list[str]]:
    """jieba's `cut_for_search` without HMM, each word once, punctuation left out: what
    `DomainTokenizer.search_words` gives with jieba's dictionary alone."""
    import logging

    import jieba

    tokenizer: Any = jieba.Tokenizer()
    jieba_log = logging.getLogger("jieba")
    level = jieba_log.level
    jieba_log.setLevel(logging.WARNING)
    try:
        tokenizer.initialize()
    finally:
        jieba_log.setLevel(level)

    def words(text: str) -> list[str]:
        return list(dict.fromkeys(word for word in tokenizer.cut_for_search(text, HMM=False)
                                  if WORD.fullmatch(word)))

    return words
