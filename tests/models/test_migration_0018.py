"""Migration 0018 on a database holding tickets: the search words and the 不满意 mark are
filled for the tickets already there, and the downgrade takes the columns away again."""

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
from models.search_words import search_words

LEAK = "明德花园5号楼卫生间渗漏水严重 ，漏水"
LAMP = "颂运水庭7号楼门口的路灯坏了"
AT = "2026-11-20 08:00:00+00:00"
ROWS = [
    "INSERT INTO categories (code, name, name_hant, accept_within_s, resolve_within_s, "
    "working_calendar, departments, position) VALUES ('other', '其他', '其他', 7200, 86400, "
    "false, '[]', 0)",
    *(f"INSERT INTO tickets (id, number, anonymised, script, original_text, normalized_text, "
      f"category_code, urgent, confidence, keywords, attachments, status, level, created_at, "
      f"updated_at, reopen_count, max_level) VALUES ({key}, 'T-{key}', false, 'hans', '{said}', "
      f"'{said}', 'other', false, 0.5, '[]', '[]', 'closed', 0, '{AT}', '{AT}', 0, 0)"
      for key, said in ((1, LEAK), (2, LAMP), (3, LAMP))),
    f"INSERT INTO ratings (ticket_id, score, at) VALUES (1, 'unsatisfied', '{AT}'), "
    f"(1, 'satisfied', '{AT}'), (2, 'satisfied', '{AT}')",
]


async def _run(url: str, *statements: str) -> list[Any]:
    """Run the statements in one transaction; the rows of the last if it returns any."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.begin() as connection:
            for statement in statements:
                result = await connection.execute(text(statement))
            return list(result.all()) if result.returns_rows else []
    finally:
        await engine.dispose()


async def _upgrade_with_tickets(url: str) -> None:
    await upgrade_database(url, "0017")
    await _run(url, *ROWS)
    await upgrade_database(url, "0018")
    rows = await _run(url, "SELECT id, search_words, unsatisfied FROM tickets ORDER BY id")
    words = {key: found if isinstance(found, list) else json.loads(found)
             for key, found, _ in rows}
    assert set(words[1]) == set(search_words(LEAK)) and {"渗漏", "漏水", "水严"} <= set(words[1])
    assert set(words[2]) == set(search_words(LAMP)) and words[2] == words[3]
    assert [bool(flag) for _, _, flag in rows] == [True, False, False]
    await downgrade_database(url, "0017")
    kept = await _run(url, "SELECT * FROM tickets")
    assert len(kept) == 3 and not {"search_words", "unsatisfied"} & set(kept[0]._fields)
    await upgrade_database(url, "0018")
    assert await _run(url, "SELECT count(*) FROM tickets WHERE unsatisfied") == [(1,)]


@pytest.mark.pg
async def test_0018_fills_the_tickets_already_there_on_postgresql(
        pg_server_url: Callable[[], str]) -> None:
    await _upgrade_with_tickets(await asyncio.to_thread(pg_server_url))


async def test_0018_fills_the_tickets_already_there_on_sqlite(tmp_path: Path) -> None:
    await _upgrade_with_tickets(f"sqlite+aiosqlite:///{tmp_path / 'filled.db'}")
