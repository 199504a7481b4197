"""the street's tickets by filing time

A street official's scope was `community_code IN (its communities) OR street_code = …`: no
index serves that OR, so every queue page, count and dashboard figure of a street read the
whole table. Since 0021 a ticket's street follows its community, so the scope is
`street_code = …` alone; this index (with the status, like the community's) serves it.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 15:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_tickets_street_created"


def upgrade() -> None:
    op.create_index(NAME, "tickets", ["street_code", "created_at"],
                    postgresql_include=["status"])


def downgrade() -> None:
    op.drop_index(NAME, table_name="tickets")
