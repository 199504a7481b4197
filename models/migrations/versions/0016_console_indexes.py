"""indexes for the console at a city's scale

A trigram index (pg_trgm, GIN) serves the queue's word search, `LIKE '%word%'`, on PostgreSQL
(SQLite gets a plain index there and keeps scanning). Composite indexes serve the queue's
filters in its default order (category, community, status, level with the filing time; the
first two include the status for the counts by status), the counts of a grid and of the urgent
tickets by status, a
ticket's neighbours (grid, building, filing time), and the dashboard's flow (acceptance and
resolution times, rating times).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_tickets_grid_status": ("tickets", ["grid_code", "status"]),
    "ix_tickets_urgent_status": ("tickets", ["urgent", "status"]),
    "ix_tickets_status_created": ("tickets", ["status", "created_at"]),
    "ix_tickets_level_created": ("tickets", ["level", "created_at"]),
    "ix_tickets_place": ("tickets", ["grid_code", "building", "created_at"]),
    "ix_tickets_accepted": ("tickets", ["accepted_at"]),
    "ix_tickets_resolved": ("tickets", ["resolved_at"]),
    "ix_ratings_at": ("ratings", ["at"]),
}


COVERING = {  # the page in filing order and, with the status included, the counts by status
    "ix_tickets_category_created": ["category_code", "created_at"],
    "ix_tickets_community_created": ["community_code", "created_at"],
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    for name, columns in COVERING.items():
        op.create_index(name, "tickets", columns, postgresql_include=["status"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index("ix_tickets_text_trgm", "tickets", ["original_text"],
                        postgresql_using="gin", postgresql_ops={"original_text": "gin_trgm_ops"})
    else:
        op.create_index("ix_tickets_text_trgm", "tickets", ["original_text"])


def downgrade() -> None:
    op.drop_index("ix_tickets_text_trgm", table_name="tickets")
    for name in reversed(COVERING):
        op.drop_index(name, table_name="tickets")
    for name, (table, _) in reversed(INDEXES.items()):
        op.drop_index(name, table_name=table)
