"""household visits, tickets filed on a visit, ratings given by phone

`visits`: a grid worker's household visits (入户走访: building, unit, room, outcome, note,
the tickets filed there); `tickets.filed_by`: the worker who filed a ticket for a resident
(代报, `source` "visit"); `tickets.follow_token`: the hash of the follow link's token that
binds a resident's chat to the ticket; `ratings.via`: "chat" or "phone" (电话回访).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 03:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_code", sa.String(32), nullable=False),
        sa.Column("grid_code", sa.String(24), nullable=False),
        sa.Column("building", sa.Integer(), nullable=True),
        sa.Column("unit", sa.String(16), nullable=True),
        sa.Column("room", sa.String(16), nullable=True),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("ticket_ids", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    op.create_index(op.f("ix_visits_at"), "visits", ["at"])
    op.create_index("ix_visits_person_at", "visits", ["person_code", "at"])
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.add_column(sa.Column("filed_by", sa.String(32), nullable=True))
        batch_op.add_column(sa.Column("follow_token", sa.String(64), nullable=True))
        batch_op.create_index(op.f("ix_tickets_follow_token"), ["follow_token"])
    with op.batch_alter_table("ratings") as batch_op:
        batch_op.add_column(
            sa.Column("via", sa.String(8), nullable=False, server_default="chat")
        )


def downgrade() -> None:
    with op.batch_alter_table("ratings") as batch_op:
        batch_op.drop_column("via")
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.drop_index(op.f("ix_tickets_follow_token"))
        batch_op.drop_column("follow_token")
        batch_op.drop_column("filed_by")
    op.drop_index("ix_visits_person_at", table_name="visits")
    op.drop_index(op.f("ix_visits_at"), table_name="visits")
    op.drop_table("visits")
