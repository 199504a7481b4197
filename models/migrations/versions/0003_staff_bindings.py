"""staff bindings apart from the configuration

A Telegram account bound to a person by `griddesk invite` is kept in its own table, so that
synchronising the configuration (every start, `griddesk config load`) no longer resets it.
Bindings already made (a person whose account differs from the configuration cannot be told
apart from a configuration edit) are not carried over: bind again with a new invite.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 20:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "staff_bindings",
        sa.Column("person_code", sa.String(length=32), nullable=False),
        sa.Column(
            "telegram_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("bound_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_code"],
            ["people.code"],
            name=op.f("fk_staff_bindings_person_code_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_code", name=op.f("pk_staff_bindings")),
        sa.UniqueConstraint("telegram_user_id", name=op.f("uq_staff_bindings_telegram_user_id")),
    )


def downgrade() -> None:
    op.drop_table("staff_bindings")
