"""the urgency frame of an urgent ticket

`tickets.urgent_frame`: the label of the danger frame that made a ticket urgent (儿童、老人或需要
照护的人走失, 燃气泄漏 …), or that the resident confirmed when asked; NULL for ordinary tickets
and tickets filed before.

Revision ID: 0006
Revises: 0002
Create Date: 2026-12-03 20:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("urgent_frame", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("urgent_frame")
