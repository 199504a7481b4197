"""indexes for the console at a city's scale

A trigram index (pg_trgm, GIN) serves the queue's word search, `LIKE '%word%'`, on PostgreSQL
(SQLite gets a plain index there and keeps scanning). Composite indexes serve the queue's
filters in its default order (category, community, status, level with the filing time), a
ticket's neighbours (grid, building, filing time), and the dashboard's flow (acceptance and
resolution times, rating times).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_tickets_category_created": ("tickets", ["category_code", "created_at"]),
    "ix_tickets_community_created": ("tickets", ["community_code", "created_at"]),
    "ix_tickets_status_created": ("tickets", ["status", "created_at"]),
    "ix_tickets_level_created": ("tickets", ["level", "created_at"]),
    "ix_tickets_place": ("tickets", ["grid_code", "building", "created_at"]),
    "ix_tickets_accepted": ("tickets", ["accepted_at"]),
    "ix_tickets_resolved": ("tickets", ["resolved_at"]),
    "ix_ratings_at": ("ratings", ["at"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index("ix_tickets_text_trgm", "tickets", ["original_text"],
                        postgresql_using="gin", postgresql_ops={"original_text": "gin_trgm_ops"})
    else:
        op.create_index("ix_tickets_text_trgm", "tickets", ["original_text"])


def downgrade() -> None:
    op.drop_index("ix_tickets_text_trgm", table_name="tickets")
    for name, (table, _) in reversed(INDEXES.items()):
        op.drop_index(name, table_name=table)
