"""console sign-in: one-time links and sessions

`console_logins` holds the hash of each one-time link `/console` or `griddesk console-link`
gives (10 minutes, one use, bound to a person); `console_sessions` the hash of each signed-in
session's id, so sign-out and expiry end it on the server too. An index on `tickets.created_at`
serves the console queue's date filters and default order.

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-04 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _person_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["person_code"], ["people.code"],
                                   name=op.f(f"fk_{table}_person_code_people"), ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "console_logins",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("person_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        _person_fk("console_logins"),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_console_logins")),
    )
    op.create_table(
        "console_sessions",
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("person_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        _person_fk("console_sessions"),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_console_sessions")),
    )
    op.create_index(op.f("ix_console_sessions_person_code"), "console_sessions",
                    ["person_code"])
    op.create_index("ix_tickets_created", "tickets", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_tickets_created", table_name="tickets")
    op.drop_index(op.f("ix_console_sessions_person_code"), table_name="console_sessions")
    op.drop_table("console_sessions")
    op.drop_table("console_logins")
