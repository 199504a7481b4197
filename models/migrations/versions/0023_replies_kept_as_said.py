"""direct replies kept as what they say

A direct reply's journal row (`reply`) kept the Bot API payload the conversation rendered. It
now keeps the reply channel-neutral — `{"text", "keyboard": {"kind", "rows"}, "photos"}` — and
the Telegram renderer builds the payload when the sender takes the row over; a delivered reply
keeps nothing (`{}`): the row only proves delivery, and what it said stays out of the table for
the outbox's retention period. Pending and direct rows are converted; downgrading renders them
back.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04 16:00:00
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OUTBOX = sa.table("outbox", sa.column("id", sa.Integer), sa.column("kind", sa.String),
                  sa.column("status", sa.String), sa.column("snapshot", sa.JSON))
DELIVERED = ("sent", "dead")


def _button(shown: dict[str, Any]) -> dict[str, Any]:
    return {"text": shown.get("text", ""), "data": shown.get("callback_data"),
            "request_location": bool(shown.get("request_location")),
            "request_contact": bool(shown.get("request_contact"))}


def _said(payload: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {"text": payload.get("text", "")}
    markup = payload.get("reply_markup")
    if markup is not None:
        kind = ("remove" if markup.get("remove_keyboard")
                else "inline" if "inline_keyboard" in markup else "reply")
        rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
        kept["keyboard"] = {"kind": kind, "rows": [[_button(b) for b in row] for row in rows]}
    if payload.get("photos"):
        kept["photos"] = list(payload["photos"])
    return kept


def _payload(kept: dict[str, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = {"text": kept.get("text", ""), "parse_mode": "HTML"}
    keyboard = kept.get("keyboard")
    if keyboard is not None:
        inline = keyboard["kind"] == "inline"
        rows = [[{"text": b["text"], "callback_data": b["data"] or "-"} if inline else
                 {"text": b["text"], **{k: True for k in ("request_location", "request_contact")
                                        if b.get(k)}} for b in row] for row in keyboard["rows"]]
        payload["reply_markup"] = (
            {"remove_keyboard": True} if keyboard["kind"] == "remove"
            else {"inline_keyboard": rows} if inline
            else {"keyboard": rows, "resize_keyboard": True, "is_persistent": True})
    if kept.get("photos"):
        payload["photos"] = list(kept["photos"])
    return payload


def _rewrite(upgrading: bool) -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(OUTBOX.c.id, OUTBOX.c.status, OUTBOX.c.snapshot)
                              .where(OUTBOX.c.kind == "reply")).all()
    for outbox_id, status, snapshot in rows:
        snapshot = snapshot or {}
        if upgrading:
            changed = {} if status in DELIVERED else _said(snapshot.get("payload") or {})
        else:
            changed = {"payload": _payload(snapshot) if snapshot else {}}
        connection.execute(sa.update(OUTBOX).where(OUTBOX.c.id == outbox_id)
                           .values(snapshot=changed))


def upgrade() -> None:
    _rewrite(upgrading=True)


def downgrade() -> None:
    _rewrite(upgrading=False)
