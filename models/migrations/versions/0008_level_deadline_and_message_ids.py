"""level deadline on tickets, delivered message ids on the outbox

`tickets.level_due_at`: the resolve deadline of the level holding a case when it differs from
the filing's own (`resolve_due_at`, kept across levels and transfers: 首接负责制) — a level that
receives a case already past the filing's deadline gets its own window before the case goes
further up. NULL: the filing's deadline applies.
`outbox.message_id`: the Telegram message a delivered row became, so a card can be edited in
place later.

Revision ID: 0008
Revises: 0002
Create Date: 2026-12-03 20:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.add_column(sa.Column("level_due_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(
            sa.Column(
                "message_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("message_id")
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.drop_column("level_due_at")
