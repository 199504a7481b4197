"""search words, the unsatisfied flag, and the open tickets in filing order

`tickets.search_words`: the distinct two-character sequences of the complaint text
(`models.search_words`; an array, GIN-indexed, on PostgreSQL, a JSON list on SQLite), so that
the queue's search for a two-character word — which a trigram index cannot serve — is an index
lookup (`@>`) finding exactly the tickets whose text contains it. Existing tickets are filled
here in batches of ids (in SQL on PostgreSQL).

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
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 50_000  # ticket ids per statement
OPEN_TICKET = "status IN ('accepted', 'assigned', 'triage')"
UNSATISFIED = ("EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = tickets.id "
               "AND r.score = 'unsatisfied')")
PG_BATCH = sa.text(
    "UPDATE tickets SET search_words = ARRAY(SELECT DISTINCT substr(original_text, i, 2) "
    "FROM generate_series(1, char_length(original_text) - 1) AS i "
    r"WHERE substr(original_text, i, 2) !~ '\s'), "
    f"unsatisfied = {UNSATISFIED} WHERE id > :low AND id <= :high")
SQLITE_ROW = sa.text(
    f"UPDATE tickets SET search_words = :words, unsatisfied = {UNSATISFIED} WHERE id = :id")


def upgrade() -> None:
    # plain ALTER TABLE on both databases: a batch (a copied table on SQLite) would lose the
    # expression index of 0017, which SQLAlchemy cannot reflect
    op.add_column("tickets", sa.Column(
        "search_words", ARRAY(sa.Text()).with_variant(sa.JSON(), "sqlite"), nullable=True))
    op.add_column("tickets", sa.Column("unsatisfied", sa.Boolean(), nullable=False,
                                       server_default=sa.text("false")))
    connection = op.get_bind()
    postgresql = connection.dialect.name == "postgresql"
    if postgresql:
        _backfill_postgresql(connection)
    else:
        _backfill_sqlite(connection)
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


def _backfill_postgresql(connection: sa.Connection) -> None:
    """`BATCH` ids per UPDATE, the words computed by PostgreSQL itself."""
    last = connection.execute(sa.text("SELECT coalesce(max(id), 0) FROM tickets")).scalar_one()
    for low in range(0, int(last), BATCH):
        connection.execute(PG_BATCH, {"low": low, "high": low + BATCH})


def _backfill_sqlite(connection: sa.Connection) -> None:
    """Row by row (SQLite databases are small): what `models.search_words` gives."""
    rows = connection.execute(sa.text("SELECT id, original_text FROM tickets")).all()
    if rows:
        connection.execute(SQLITE_ROW, [
            {"id": key, "words": json.dumps(_pairs(said or ""), ensure_ascii=False)}
            for key, said in rows])


def _pairs(text: str) -> list[str]:
    """The distinct two-character sequences without white space (a copy of
    `models.search_words` as it was at this revision)."""
    return list(dict.fromkeys(part[i : i + 2] for part in text.split()
                              for i in range(len(part) - 1)))
