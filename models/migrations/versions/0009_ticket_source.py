"""where a ticket came from

`tickets.source`: the channel or client that filed it — `telegram` for the chat, and for the
front doors that come after it a name of their own (an Open311 client, a grid worker's visit).
Reports count by it and the console shows it on the timeline.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.add_column(
            sa.Column("source", sa.String(48), nullable=False, server_default="telegram")
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.drop_column("source")
