"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21 23:30:49.168520
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "bans",
        sa.Column(
            "telegram_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("telegram_user_id", name=op.f("pk_bans")),
    )
    op.create_table(
        "callback_tokens",
        sa.Column("token", sa.String(length=24), nullable=False),
        sa.Column("chat_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("args", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_callback_tokens")),
    )
    op.create_table(
        "categories",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("name_hant", sa.String(length=32), nullable=False),
        sa.Column("accept_within_s", sa.Integer(), nullable=False),
        sa.Column("resolve_within_s", sa.Integer(), nullable=False),
        sa.Column("working_calendar", sa.Boolean(), nullable=False),
        sa.Column("departments", sa.JSON(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_categories")),
    )
    op.create_table(
        "conversations",
        sa.Column("chat_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_conversations")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("chat_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("person_code", sa.String(length=32), nullable=True),
        sa.Column("ticket_number", sa.String(length=32), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("available_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("key", name=op.f("uq_outbox_key")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_due", ["status", "available_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_outbox_ticket_number"), ["ticket_number"], unique=False
        )

    op.create_table(
        "people",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column(
            "telegram_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "telegram_chat_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_people")),
        sa.UniqueConstraint("telegram_user_id", name=op.f("uq_people_telegram_user_id")),
    )
    op.create_table(
        "processed_updates",
        sa.Column(
            "update_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_processed_updates")),
    )
    with op.batch_alter_table("processed_updates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_processed_updates_at"), ["at"], unique=False)

    op.create_table(
        "security_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "telegram_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_security_events")),
    )
    op.create_table(
        "ticket_counters",
        sa.Column("prefix", sa.String(length=8), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("prefix", "day", name=op.f("pk_ticket_counters")),
    )
    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_code", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("scope_code", sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_code"],
            ["people.code"],
            name=op.f("fk_appointments_person_code_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
        sa.UniqueConstraint(
            "person_code", "role", "scope_code", name=op.f("uq_appointments_person_code")
        ),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appointments_scope_code"), ["scope_code"], unique=False
        )

    op.create_table(
        "districts",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("ticket_prefix", sa.String(length=8), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("task_force_name", sa.String(length=64), nullable=False),
        sa.Column("task_force_person", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_force_person"],
            ["people.code"],
            name=op.f("fk_districts_task_force_person_people"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_districts")),
    )
    op.create_table(
        "invites",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("person_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_code"],
            ["people.code"],
            name=op.f("fk_invites_person_code_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_invites")),
    )
    op.create_table(
        "streets",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("district_code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("committee_name", sa.String(length=64), nullable=False),
        sa.Column("committee_person", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_person"], ["people.code"], name=op.f("fk_streets_committee_person_people")
        ),
        sa.ForeignKeyConstraint(
            ["district_code"], ["districts.code"], name=op.f("fk_streets_district_code_districts")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_streets")),
    )
    op.create_table(
        "communities",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("street_code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("party_org_name", sa.String(length=64), nullable=False),
        sa.Column("secretary_person", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["secretary_person"],
            ["people.code"],
            name=op.f("fk_communities_secretary_person_people"),
        ),
        sa.ForeignKeyConstraint(
            ["street_code"], ["streets.code"], name=op.f("fk_communities_street_code_streets")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_communities")),
    )
    op.create_table(
        "grids",
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("community_code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("building_low", sa.Integer(), nullable=True),
        sa.Column("building_high", sa.Integer(), nullable=True),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("outline", sa.JSON(), nullable=False),
        sa.Column("branch_name", sa.String(length=64), nullable=False),
        sa.Column("branch_person", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_person"], ["people.code"], name=op.f("fk_grids_branch_person_people")
        ),
        sa.ForeignKeyConstraint(
            ["community_code"],
            ["communities.code"],
            name=op.f("fk_grids_community_code_communities"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_grids")),
    )
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column(
            "reporter_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "reporter_chat_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("reporter_name", sa.String(length=128), nullable=True),
        sa.Column("reporter_phone", sa.String(length=32), nullable=True),
        sa.Column("anonymised", sa.Boolean(), nullable=False),
        sa.Column("script", sa.String(length=4), nullable=False),
        sa.Column("original_text", sa.Text(), nullable=False),
        sa.Column("normalized_text", sa.Text(), nullable=False),
        sa.Column("address_text", sa.Text(), nullable=True),
        sa.Column("category_code", sa.String(length=32), nullable=False),
        sa.Column("community_code", sa.String(length=16), nullable=True),
        sa.Column("grid_code", sa.String(length=24), nullable=True),
        sa.Column("building", sa.Integer(), nullable=True),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("photo_file_ids", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("assignee_code", sa.String(length=32), nullable=True),
        sa.Column("first_receiver_code", sa.String(length=32), nullable=True),
        sa.Column("accept_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolve_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("result_note", sa.Text(), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.Column("reopen_count", sa.Integer(), nullable=False),
        sa.Column("max_level", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignee_code"], ["people.code"], name=op.f("fk_tickets_assignee_code_people")
        ),
        sa.ForeignKeyConstraint(
            ["category_code"], ["categories.code"], name=op.f("fk_tickets_category_code_categories")
        ),
        sa.ForeignKeyConstraint(
            ["community_code"],
            ["communities.code"],
            name=op.f("fk_tickets_community_code_communities"),
        ),
        sa.ForeignKeyConstraint(
            ["first_receiver_code"],
            ["people.code"],
            name=op.f("fk_tickets_first_receiver_code_people"),
        ),
        sa.ForeignKeyConstraint(
            ["grid_code"], ["grids.code"], name=op.f("fk_tickets_grid_code_grids")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint("number", name=op.f("uq_tickets_number")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tickets_assignee_code"), ["assignee_code"], unique=False
        )
        batch_op.create_index("ix_tickets_grid_created", ["grid_code", "created_at"], unique=False)
        batch_op.create_index(
            "ix_tickets_reporter", ["reporter_user_id", "created_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_tickets_status"), ["status"], unique=False)
        batch_op.create_index(
            "ix_tickets_status_accept_due", ["status", "accept_due_at"], unique=False
        )
        batch_op.create_index(
            "ix_tickets_status_resolve_due", ["status", "resolve_due_at"], unique=False
        )

    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ratings_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
    )
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ratings_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=48), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=True),
        sa.Column("from_level", sa.Integer(), nullable=True),
        sa.Column("to_level", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_events_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_events")),
    )
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_events_ticket_id"), ["ticket_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_events_ticket_id"))

    op.drop_table("ticket_events")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ratings_ticket_id"))

    op.drop_table("ratings")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_status_resolve_due")
        batch_op.drop_index("ix_tickets_status_accept_due")
        batch_op.drop_index(batch_op.f("ix_tickets_status"))
        batch_op.drop_index("ix_tickets_reporter")
        batch_op.drop_index("ix_tickets_grid_created")
        batch_op.drop_index(batch_op.f("ix_tickets_assignee_code"))

    op.drop_table("tickets")
    op.drop_table("grids")
    op.drop_table("communities")
    op.drop_table("streets")
    op.drop_table("invites")
    op.drop_table("districts")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointments_scope_code"))

    op.drop_table("appointments")
    op.drop_table("ticket_counters")
    op.drop_table("security_events")
    with op.batch_alter_table("processed_updates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_processed_updates_at"))

    op.drop_table("processed_updates")
    op.drop_table("people")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_ticket_number"))
        batch_op.drop_index("ix_outbox_due")

    op.drop_table("outbox")
    op.drop_table("conversations")
    op.drop_table("categories")
    op.drop_table("callback_tokens")
    op.drop_table("bans")
