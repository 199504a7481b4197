"""a channel-neutral domain

`tickets.photo_file_ids` becomes `tickets.attachments`: opaque references (`tg:<file_id>`,
models/attachments.py) instead of Telegram's own file ids; the stored ids are prefixed.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 03:30:00
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_tickets = sa.table("tickets", sa.column("id", sa.Integer), sa.column("attachments", sa.JSON))


def _rewrite_attachments(change: Callable[[str], str]) -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(_tickets.c.id, _tickets.c.attachments)).all()
    for ticket_id, refs in rows:
        if refs:
            connection.execute(
                sa.update(_tickets)
                .where(_tickets.c.id == ticket_id)
                .values(attachments=[change(str(ref)) for ref in refs])
            )


def _to_ref(file_id: str) -> str:
    return file_id if ":" in file_id else f"tg:{file_id}"


def _to_file_id(ref: str) -> str:
    return ref.removeprefix("tg:")


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.alter_column("photo_file_ids", new_column_name="attachments")
    _rewrite_attachments(_to_ref)


def downgrade() -> None:
    _rewrite_attachments(_to_file_id)
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.alter_column("attachments", new_column_name="photo_file_ids")
