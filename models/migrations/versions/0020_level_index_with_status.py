"""the level index carries the status

The queue's counts by status under a level filter read the table's rows: the level index
(level, created_at) does not hold the status, so counting the 807,663 tickets held at the grid
level of a 1,000,000-ticket district was a parallel scan of the whole table (319 ms). With the
status included, as in the category and community indexes (0016), the counts are an index-only
scan. PostgreSQL only: SQLite has no included columns, and its index stays as it is.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_tickets_level_created"
COLUMNS = ["level", "created_at"]


def _rebuild(include: list[str]) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index(NAME, table_name="tickets")
    op.create_index(NAME, "tickets", COLUMNS, postgresql_include=include)


def upgrade() -> None:
    _rebuild(["status"])


def downgrade() -> None:
    _rebuild([])
