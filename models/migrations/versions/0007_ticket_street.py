"""tickets remember their street

A complaint whose community is unknown but whose street is (named in the text, or a location
near the street's grids) waits in that street's triage queue; `street_code` says which.

Revision ID: 0007
Revises: 0002
Create Date: 2026-12-03 20:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("tickets", sa.Column("street_code", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("street_code")
