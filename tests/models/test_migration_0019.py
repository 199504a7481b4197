"""Migration 0019 makes the outbox semantic without losing a pending notification: rows of
the old shape become the `legacy` kind carrying their payload, which the renderer sends as it
was; the numbering trigger (PostgreSQL) writes the renamed column. And back."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from handlers.render import render_row
from models.db import create_engine
from models.migrations import downgrade_database, upgrade_database

CARD = {"text": "<b>TBH-1</b> 路灯", "parse_mode": "HTML", "photos": ["tg:AgACa"],
        "reply_markup": {"inline_keyboard": [[{"text": "接单", "callback_data": "t:x"}]]},
        "card": {"to": "W1", "kind": "work"}}
BEFORE = f"""
INSERT INTO categories (code, name, name_hant, accept_within_s, resolve_within_s,
                        working_calendar, departments, position)
VALUES ('lamp', '路灯', '路燈', 3600, 86400, false, '[]', 0);
INSERT INTO tickets (number, anonymised, script, original_text, normalized_text, category_code,
                     urgent, confidence, keywords, attachments, status, level, created_at,
                     updated_at, reopen_count, max_level)
VALUES ('TBH-1', false, 'hans', '路灯坏了', '路灯坏了', 'lamp', false, 0.9, '[]', '[]',
        'assigned', 0, '2026-12-01 08:00:00+00', '2026-12-01 08:00:00+00', 0, 0);
INSERT INTO outbox (key, chat_id, person_code, ticket_number, payload, status, attempts,
                    available_at, created_at)
VALUES ('TBH-1:e1:W1', 710101, 'W1', 'TBH-1', '{json.dumps(CARD, ensure_ascii=False)}',
        'pending', 0, '2026-12-01 08:00:00+00', '2026-12-01 08:00:00+00'),
       ('report', 710101, 'W1', NULL, '{{"text": "日报"}}', 'sent', 1,
        '2026-12-01 08:00:00+00', '2026-12-01 08:00:00+00')
"""
SEMANTIC = """
INSERT INTO outbox (key, kind, channel, chat_id, ticket_number, snapshot, status, attempts,
                    available_at, created_at)
VALUES ('TBH-1:e2:reporter', 'status', 'telegram', 501, 'TBH-1',
        '{"say": {"say": "texts.REPORTER_CLOSED", "args": {"number": "TBH-1"}}}', 'pending', 0,
        '2026-12-01 09:00:00+00', '2026-12-01 09:00:00+00')
"""
NUMBERING = "SELECT prosrc FROM pg_proc WHERE proname = 'griddesk_number_at_commit'"


async def _run(url: str, script: str) -> list[Any]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.begin() as connection:
            rows: list[Any] = []
            for statement in filter(str.strip, script.split(";\n")):
                result = await connection.execute(text(statement))
                if result.returns_rows:
                    rows.extend(tuple(row) for row in result)
            return rows
    finally:
        await engine.dispose()


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


async def _check(url: str) -> None:
    await upgrade_database(url, "0018")
    await _run(url, BEFORE)
    await upgrade_database(url, "0019")
    rows = await _run(url, "SELECT key, kind, channel, ticket_id, snapshot, status FROM outbox "
                           "ORDER BY id")
    [(ticket_id,)] = await _run(url, "SELECT id FROM tickets")
    assert [(key, kind, channel, tid, status) for key, kind, channel, tid, _, status in rows] == [
        ("TBH-1:e1:W1", "legacy", "telegram", ticket_id, "pending"),
        ("report", "legacy", "telegram", None, "sent"),
    ]
    card = SimpleNamespace(kind=rows[0][1], snapshot=_json(rows[0][4]))
    assert card.snapshot == {"payload": CARD} and render_row(card) == CARD  # sent as it was
    if url.startswith("postgresql"):
        [(function,)] = await _run(url, NUMBERING)
        assert "snapshot = replace(snapshot::text" in function and "payload" not in function
    await _run(url, SEMANTIC)
    await downgrade_database(url, "0018")
    after = await _run(url, "SELECT key, payload, status, last_error FROM outbox ORDER BY id")
    assert [(key, _json(payload), status) for key, payload, status, _ in after] == [
        ("TBH-1:e1:W1", CARD, "pending"),
        ("report", {"text": "日报"}, "sent"),
        ("TBH-1:e2:reporter", {}, "dead"),  # the older code cannot render it
    ]
    assert "not renderable" in after[2][3]
    if url.startswith("postgresql"):
        [(function,)] = await _run(url, NUMBERING)
        assert "payload = replace(payload::text" in function and "snapshot" not in function


async def test_0019_keeps_pending_rows_on_sqlite(tmp_path: Path) -> None:
    await _check(f"sqlite+aiosqlite:///{tmp_path / 'm.db'}")


@pytest.mark.pg
async def test_0019_keeps_pending_rows_on_postgresql(pg_server_url: Callable[[], str]) -> None:
    await _check(await asyncio.to_thread(pg_server_url))
