"""outbox owners: senders and reply journals register, so their rows are taken over at once

A process that may hold outbox rows (a sender's claims, direct replies not settled yet) keeps a
row here with a heartbeat; on PostgreSQL also the backend of a connection it holds open for its
lifetime. When that backend is gone (the process died) or the heartbeat is stale, another sender
takes the rows over (models/owners.py).

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-03 20:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "outbox_owners",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("backend_pid", sa.Integer(), nullable=True),
        sa.Column("backend_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_owners")),
    )


def downgrade() -> None:
    op.drop_table("outbox_owners")
