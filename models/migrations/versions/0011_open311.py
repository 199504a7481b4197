"""Open311 GeoReport v2: API keys, idempotent filings and status callbacks

`tickets.media_url`: the picture an Open311 client gave with a request (a URL; chat photos stay
Telegram file ids in `photo_file_ids`).
`api_keys`: a client of the Open311 API (a hotline, an app); the key is stored as its SHA-256
only, with the client's permissions (file, read), its filings per minute and the URL that
receives its requests' status changes.
`open311_filings`: every request a key filed, under the client's idempotency key (the header, or
a digest of the request's fields), so a retried POST answers with the ticket filed first; the
rows within a minute are also the key's rate count.
`open311_callbacks`: the outbox of HTTP deliveries to callback URLs, written in the transaction
of the status change and delivered by the callback worker with backoff.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-04 03:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AT = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.add_column(sa.Column("media_url", sa.Text(), nullable=True))
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(12), nullable=False),
        sa.Column("can_file", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("can_read", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("per_minute", sa.Integer(), nullable=False, server_default="60"),
        sa.Column("callback_url", sa.Text(), nullable=True),
        sa.Column("created_at", AT, nullable=False),
        sa.Column("revoked_at", AT, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_api_keys"),
        sa.UniqueConstraint("name", name="uq_api_keys_name"),
        sa.UniqueConstraint("key_hash", name="uq_api_keys_key_hash"),
    )
    op.create_table(
        "open311_filings",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("api_key_id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(128), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("created_at", AT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_open311_filings"),
        sa.ForeignKeyConstraint(["api_key_id"], ["api_keys.id"],
                                name="fk_open311_filings_api_key_id_api_keys"),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name="fk_open311_filings_ticket_id_tickets"),
        sa.UniqueConstraint("api_key_id", "idempotency_key",
                            name="uq_open311_filings_api_key_id"),
    )
    op.create_index("ix_open311_filings_key_created", "open311_filings",
                    ["api_key_id", "created_at"])
    op.create_index("ix_open311_filings_ticket_id", "open311_filings", ["ticket_id"])
    op.create_table(
        "open311_callbacks",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("api_key_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False, server_default="pending"),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("available_at", AT, nullable=False),
        sa.Column("created_at", AT, nullable=False),
        sa.Column("sent_at", AT, nullable=True),
        sa.Column("claimed_until", AT, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_open311_callbacks"),
        sa.ForeignKeyConstraint(["api_key_id"], ["api_keys.id"],
                                name="fk_open311_callbacks_api_key_id_api_keys"),
        sa.UniqueConstraint("key", name="uq_open311_callbacks_key"),
    )
    op.create_index("ix_open311_callbacks_due", "open311_callbacks", ["status", "available_at"])


def downgrade() -> None:
    op.drop_index("ix_open311_callbacks_due", table_name="open311_callbacks")
    op.drop_table("open311_callbacks")
    op.drop_index("ix_open311_filings_ticket_id", table_name="open311_filings")
    op.drop_index("ix_open311_filings_key_created", table_name="open311_filings")
    op.drop_table("open311_filings")
    op.drop_table("api_keys")
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.drop_column("media_url")
