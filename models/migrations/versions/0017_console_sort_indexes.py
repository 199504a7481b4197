"""indexes for the queue's slow orders and the unsatisfied filter

The deadline order sorts on an expression (the current stage's deadline: the acceptance
deadline before acceptance, else the holding level's or the filing's resolve deadline); an
index on exactly that expression, with the nulls last and the id, lets the page be read in
order instead of sorting every ticket. The level order (level descending, then filing time and
id ascending) gets an index in that order. The unsatisfied filter gets a partial index on the
ratings that say so, so the tickets rated unsatisfied are found without reading every rating.
The expressions must stay textually equal to what `models.escalation.current_due` and the
queue's sorts compile to, or the planner will not use them.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 05:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CURRENT_DUE = (
    "CASE WHEN (status IN ('triage', 'assigned') AND accept_due_at IS NOT NULL) "
    "THEN accept_due_at ELSE coalesce(level_due_at, resolve_due_at) END"
)

INDEXES = {
    "ix_tickets_due_order": f"tickets (({CURRENT_DUE} IS NULL), ({CURRENT_DUE}), id)",
    "ix_tickets_level_order": "tickets (level DESC, created_at, id)",
    "ix_ratings_unsatisfied": "ratings (ticket_id) WHERE score = 'unsatisfied'",
}


def upgrade() -> None:
    for name, target in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {target}")


def downgrade() -> None:
    for name, target in reversed(INDEXES.items()):
        op.drop_index(name, table_name=target.split()[0])
