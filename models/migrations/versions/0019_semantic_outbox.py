"""a semantic outbox

An outbox row keeps what is to be said, not the Bot API call: `kind` (card, status, note …,
`models/messages.py`), the recipient as `channel` and address (`chat_id`), the ticket
(`ticket_id`, `ticket_number`) and `snapshot`, the JSON of what the wording needs; the channel's
renderer turns it into the call when it is sent. `payload` becomes `snapshot`; rows written
before keep their rendered payload as the `legacy` kind (`{"payload": …}`), so nothing pending
is lost. Downgrading gives legacy rows their payload back; a semantic row still pending cannot
be rendered by the older code and is marked dead (its `last_error` says so).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 09:00:00
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEGACY = "legacy"
NUMBERING = "griddesk_number_at_commit"  # the trigger function of 0002 writes the column


def _renumbering_writes(old: str, new: str) -> None:
    """PostgreSQL: the numbering trigger's function rewrites `new` instead of `old`."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "DO $$ DECLARE definition text; BEGIN "
        f"SELECT pg_get_functiondef('{NUMBERING}'::regproc) INTO definition; "
        f"EXECUTE replace(definition, '{old} = replace({old}::text', "
        f"'{new} = replace({new}::text'); END $$"
    )


def _outbox(column: str) -> sa.TableClause:
    return sa.table(
        "outbox",
        sa.column("id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column(column, sa.JSON),
    )


def _rewrite(column: str, change: Callable[[str, Any], Any]) -> None:
    """Rewrite every row's JSON `column` through `change(kind, value)` (None: leave it)."""
    table = _outbox(column)
    connection = op.get_bind()
    rows = connection.execute(sa.select(table.c.id, table.c.kind, table.c[column])).all()
    for outbox_id, kind, value in rows:
        changed = change(kind, value)
        if changed is not None:
            connection.execute(
                sa.update(table).where(table.c.id == outbox_id).values({column: changed})
            )


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.alter_column("payload", new_column_name="snapshot", existing_type=sa.JSON)
        batch_op.add_column(
            sa.Column("kind", sa.String(24), nullable=False, server_default=LEGACY)
        )
        batch_op.add_column(
            sa.Column("channel", sa.String(16), nullable=False, server_default="telegram")
        )
        batch_op.add_column(sa.Column("ticket_id", sa.Integer(), nullable=True))
    _rewrite("snapshot", lambda kind, value: {"payload": value or {}})
    _renumbering_writes("payload", "snapshot")
    op.execute(
        "UPDATE outbox SET ticket_id = "
        "(SELECT tickets.id FROM tickets WHERE tickets.number = outbox.ticket_number) "
        "WHERE ticket_number IS NOT NULL"
    )


def downgrade() -> None:
    op.execute(
        "UPDATE outbox SET status = 'dead', "
        "last_error = 'semantic notification: not renderable after the downgrade' "
        f"WHERE kind <> '{LEGACY}' AND status IN ('pending', 'direct')"
    )
    _rewrite(
        "snapshot",
        lambda kind, value: (value or {}).get("payload", {}) if kind == LEGACY else {},
    )
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("ticket_id")
        batch_op.drop_column("channel")
        batch_op.drop_column("kind")
        batch_op.alter_column("snapshot", new_column_name="payload", existing_type=sa.JSON)
    _renumbering_writes("snapshot", "payload")
