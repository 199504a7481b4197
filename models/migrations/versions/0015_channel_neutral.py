"""a channel-neutral domain

- `tickets.photo_file_ids` becomes `tickets.attachments`: opaque references (`tg:<file_id>`,
  models/attachments.py) instead of Telegram's own file ids; the stored ids are prefixed.
- People's Telegram ids move to `channel_accounts` (person, channel, user id, chat id).
- Bans and staff bindings are keyed by channel account (channel, user id); security events
  name the channel of their user id.
- `tickets.reporter_channel` names the channel of the reporter's ids (`telegram` where set).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 03:30:00
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
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


ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.alter_column("photo_file_ids", new_column_name="attachments")
        batch_op.add_column(sa.Column("reporter_channel", sa.String(16), nullable=True))
    _rewrite_attachments(_to_ref)
    op.execute(
        "UPDATE tickets SET reporter_channel = 'telegram' "
        "WHERE reporter_user_id IS NOT NULL OR reporter_chat_id IS NOT NULL"
    )
    _accounts_out_of_people()
    for table, old, new in _KEYS:
        _rekey(table, "telegram_user_id", "user_id", old, new, add_channel=True)
    with op.batch_alter_table("security_events") as batch_op:
        batch_op.add_column(sa.Column("channel", sa.String(16), nullable=True))
        batch_op.alter_column("telegram_user_id", new_column_name="user_id", existing_type=ID)
    op.execute("UPDATE security_events SET channel = 'telegram' WHERE user_id IS NOT NULL")


# (table, constraint keyed by the Telegram user, constraint keyed by the channel account)
_KEYS = (
    ("bans", "pk_bans", "pk_bans"),
    ("staff_bindings", "uq_staff_bindings_telegram_user_id", "uq_staff_bindings_channel"),
)


def _rekey(table: str, column: str, renamed: str, old: str, new: str, add_channel: bool) -> None:
    """Rename the user column and key `table` by (channel, user) or back by the user alone.
    SQLite's copy of the table takes the new primary key without a drop (its key is unnamed)."""
    key = ["channel", renamed] if add_channel else [renamed]
    primary = old.startswith("pk_")
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table(table) as batch_op:
        if not (primary and sqlite):
            batch_op.drop_constraint(old, type_="primary" if primary else "unique")
        if add_channel:
            batch_op.add_column(
                sa.Column("channel", sa.String(16), nullable=False, server_default="telegram")
            )
        else:
            batch_op.drop_column("channel")
        batch_op.alter_column(
            column, new_column_name=renamed, existing_type=ID, existing_nullable=False
        )
    with warnings.catch_warnings():
        # SQLite's copy keeps the old key as a column flag and warns that the new key wins;
        # that is the point of the rebuild, so the warning says nothing a user should act on.
        warnings.filterwarnings("ignore", "Table '_alembic_tmp_", sa.exc.SAWarning)
        with op.batch_alter_table(table, recreate="always" if sqlite else "auto") as batch_op:
            if primary:
                batch_op.create_primary_key(new, key)
            else:
                batch_op.create_unique_constraint(new, key)


def _accounts_out_of_people() -> None:
    op.create_table(
        "channel_accounts",
        sa.Column("person_code", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("user_id", ID, nullable=True),
        sa.Column("chat_id", ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["person_code"],
            ["people.code"],
            name="fk_channel_accounts_person_code_people",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_code", "channel", name="pk_channel_accounts"),
        sa.UniqueConstraint("channel", "user_id", name="uq_channel_accounts_channel"),
    )
    op.execute(
        "INSERT INTO channel_accounts (person_code, channel, user_id, chat_id) "
        "SELECT code, 'telegram', telegram_user_id, telegram_chat_id FROM people "
        "WHERE telegram_user_id IS NOT NULL OR telegram_chat_id IS NOT NULL"
    )
    with op.batch_alter_table("people") as batch_op:
        batch_op.drop_constraint("uq_people_telegram_user_id", type_="unique")
        batch_op.drop_column("telegram_user_id")
        batch_op.drop_column("telegram_chat_id")


def downgrade() -> None:
    op.execute("UPDATE security_events SET user_id = NULL WHERE channel <> 'telegram'")
    with op.batch_alter_table("security_events") as batch_op:
        batch_op.drop_column("channel")
        batch_op.alter_column("user_id", new_column_name="telegram_user_id", existing_type=ID)
    for table, old, new in _KEYS:
        op.execute(f"DELETE FROM {table} WHERE channel <> 'telegram'")
        _rekey(table, "user_id", "telegram_user_id", new, old, add_channel=False)
    with op.batch_alter_table("people") as batch_op:
        batch_op.add_column(sa.Column("telegram_user_id", ID, nullable=True))
        batch_op.add_column(sa.Column("telegram_chat_id", ID, nullable=True))
        batch_op.create_unique_constraint("uq_people_telegram_user_id", ["telegram_user_id"])
    for column in ("user_id", "chat_id"):
        op.execute(
            f"UPDATE people SET telegram_{column} = (SELECT a.{column} FROM channel_accounts a "
            "WHERE a.person_code = people.code AND a.channel = 'telegram')"
        )
    op.drop_table("channel_accounts")
    _rewrite_attachments(_to_file_id)
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.drop_column("reporter_channel")
        batch_op.alter_column("attachments", new_column_name="photo_file_ids")
