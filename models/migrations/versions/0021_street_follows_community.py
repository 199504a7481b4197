"""a ticket's street follows its community

A transfer to a community of another street kept the ticket's `street_code`, so the old
street's officials still had it in their scope (console, /tasks) and the new street's saw it
only through the community. Transfers and grid settings now move the street with the community
(`TicketService._move_street`); this brings the tickets moved before into line, from the
organisation as stored. Nothing to undo.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 14:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STREET_OF_COMMUNITY = (
    "SELECT c.street_code FROM communities c WHERE c.code = tickets.community_code"
)


def upgrade() -> None:
    op.execute(
        f"UPDATE tickets SET street_code = ({_STREET_OF_COMMUNITY}) "
        "WHERE community_code IS NOT NULL AND EXISTS (SELECT 1 FROM communities c "
        "WHERE c.code = tickets.community_code AND (tickets.street_code IS NULL "
        "OR c.street_code <> tickets.street_code))"
    )


def downgrade() -> None:
    """The corrected streets are right under the old code too: nothing to undo."""
