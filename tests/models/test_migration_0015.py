"""Migration 0015 moves data, not only columns: Telegram handles become channel references
and people's Telegram ids become channel accounts, and back."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from models.db import create_engine
from models.migrations import downgrade_database, upgrade_database

BEFORE = """
INSERT INTO categories (code, name, name_hant, accept_within_s, resolve_within_s,
                        working_calendar, departments, position)
VALUES ('lamp', '路灯', '路燈', 3600, 86400, false, '[]', 0);
INSERT INTO tickets (number, anonymised, script, original_text, normalized_text, category_code,
                     urgent, confidence, keywords, photo_file_ids, status, level, created_at,
                     updated_at, reopen_count, max_level, reporter_user_id, reporter_chat_id)
VALUES ('TBH-1', false, 'hans', '路灯坏了', '路灯坏了', 'lamp', false, 0.9, '[]',
        '["AgACa", "AgACb"]', 'assigned', 0, '2026-12-01 08:00:00+00', '2026-12-01 08:00:00+00',
        0, 0, 501, 501);
INSERT INTO people (code, name, active, telegram_user_id, telegram_chat_id)
VALUES ('W1', '网格员', true, 710101, NULL), ('TF', '专班', true, NULL, -100900),
       ('X', '无账号', true, NULL, NULL);
INSERT INTO staff_bindings (person_code, telegram_user_id, bound_at)
VALUES ('TF', 730001, '2026-12-01 08:00:00+00');
INSERT INTO bans (telegram_user_id, reason, at) VALUES (666, 'spam', '2026-12-01 08:00:00+00');
INSERT INTO security_events (at, telegram_user_id, kind)
VALUES ('2026-12-01 08:00:00+00', 666, 'rate_limited'), ('2026-12-01 08:00:00+00', NULL, 'x');
"""


async def _run(url: str, script: str) -> list[Any]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.begin() as connection:
            rows: list[Any] = []
            for statement in filter(str.strip, script.split(";")):
                result = await connection.execute(text(statement))
                if result.returns_rows:
                    rows.extend(tuple(row) for row in result)
            return rows
    finally:
        await engine.dispose()


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


async def _check(url: str) -> None:
    await upgrade_database(url, "0014")
    await _run(url, BEFORE)
    await upgrade_database(url, "0015")
    [(refs, channel)] = await _run(url, "SELECT attachments, reporter_channel FROM tickets")
    assert (_json(refs), channel) == (["tg:AgACa", "tg:AgACb"], "telegram")
    accounts = await _run(url, "SELECT person_code, channel, user_id, chat_id "
                               "FROM channel_accounts ORDER BY person_code")
    assert accounts == [("TF", "telegram", None, -100900), ("W1", "telegram", 710101, None)]
    assert await _run(url, "SELECT channel, user_id, reason FROM bans") == [
        ("telegram", 666, "spam")]
    assert await _run(url, "SELECT person_code, channel, user_id FROM staff_bindings") == [
        ("TF", "telegram", 730001)]
    assert await _run(url, "SELECT channel, user_id FROM security_events ORDER BY id") == [
        ("telegram", 666), (None, None)]
    await downgrade_database(url, "0014")
    [(file_ids,)] = await _run(url, "SELECT photo_file_ids FROM tickets")
    assert _json(file_ids) == ["AgACa", "AgACb"]
    assert await _run(url, "SELECT code, telegram_user_id, telegram_chat_id FROM people "
                           "ORDER BY code") == [("TF", None, -100900), ("W1", 710101, None),
                                                ("X", None, None)]
    assert await _run(url, "SELECT telegram_user_id FROM bans") == [(666,)]
    assert await _run(url, "SELECT telegram_user_id FROM security_events ORDER BY id") == [
        (666,), (None,)]
    assert await _run(url, "SELECT telegram_user_id FROM staff_bindings") == [(730001,)]


async def test_0015_moves_the_data_on_sqlite(tmp_path: Path) -> None:
    await _check(f"sqlite+aiosqlite:///{tmp_path / 'm.db'}")


@pytest.mark.pg
async def test_0015_moves_the_data_on_postgresql(pg_server_url: Callable[[], str]) -> None:
    await _check(await asyncio.to_thread(pg_server_url))
