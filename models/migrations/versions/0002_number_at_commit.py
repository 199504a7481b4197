"""number tickets at commit (PostgreSQL)

A ticket filed on PostgreSQL is inserted with a provisional number that carries its stem,
`~TBH-20261122-~1a2b3c4d5e6f`. A deferred constraint trigger takes the day's next number when
the transaction commits and writes it everywhere the filing stored the provisional one, so the
day's counter row is locked only for the duration of the COMMIT (models/numbering.py).
SQLite keeps taking the number inside the transaction: this revision changes nothing there.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = "griddesk_number_at_commit"
TRIGGER = "tickets_number_at_commit"

# The provisional number is '~' || stem || '~' || hex, the stem 'PREFIX-YYYYMMDD-' (prefix
# [A-Z]{2,8}); the real number is the stem and the sequence, 4 digits or more (format_number).
# NEW is the row as inserted: a ticket numbered inside its transaction (the SQLite-style path,
# batched inserts) or deleted again no longer holds the provisional number and is left alone.
CREATE_FUNCTION = f"""
CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    provisional text := NEW.number;
    v_stem text;
    v_sequence integer;
    v_number text;
BEGIN
    PERFORM 1 FROM tickets WHERE id = NEW.id AND number = provisional;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    v_stem := substring(provisional FROM '^~([A-Z]{{2,8}}-[0-9]{{8}}-)~[0-9a-f]+$');
    IF v_stem IS NULL THEN
        RAISE EXCEPTION 'ticket % would be committed with the provisional number %',
            NEW.id, provisional;
    END IF;
    INSERT INTO ticket_counters (prefix, day, last)
    VALUES (split_part(v_stem, '-', 1), to_date(split_part(v_stem, '-', 2), 'YYYYMMDD'), 1)
    ON CONFLICT (prefix, day) DO UPDATE SET last = ticket_counters.last + 1
    RETURNING last INTO v_sequence;
    v_number := v_stem || CASE WHEN v_sequence < 10000
        THEN lpad(v_sequence::text, 4, '0') ELSE v_sequence::text END;
    UPDATE tickets SET number = v_number WHERE id = NEW.id;
    UPDATE outbox SET ticket_number = v_number, key = replace(key, provisional, v_number),
        payload = replace(payload::text, provisional, v_number)::json
    WHERE ticket_number = provisional;
    UPDATE ticket_events SET note = replace(note, provisional, v_number),
        data = replace(data::text, provisional, v_number)::json
    WHERE ticket_id = NEW.id
        AND (strpos(note, provisional) > 0 OR strpos(data::text, provisional) > 0);
    UPDATE conversations SET data = replace(data::text, provisional, v_number)::json
    WHERE chat_id = NEW.reporter_chat_id AND strpos(data::text, provisional) > 0;
    RETURN NULL;
END
$$
"""

CREATE_TRIGGER = f"""
CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT ON tickets
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN (NEW.number LIKE '~%')
EXECUTE FUNCTION {FUNCTION}()
"""


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _postgresql():
        return
    op.execute(CREATE_FUNCTION)
    op.execute(CREATE_TRIGGER)


def downgrade() -> None:
    if not _postgresql():
        return
    op.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON tickets")
    op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
