"""Migration 0021: tickets moved to a community of another street before transfers moved the
street with them get their community's street; the others are left as they were."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.pool import NullPool

from bot.cli.commands.config_load import load_into
from models.config.schema import GridDeskConfig
from models.db import create_engine
from models.migrations import downgrade_database, upgrade_database

AT = "2026-11-20 08:00:00+00:00"


def _ticket(key: int, community: str | None, street: str | None) -> str:
    place = f"'{community}'" if community else "NULL"
    return (
        "INSERT INTO tickets (id, number, anonymised, script, original_text, normalized_text, "
        "category_code, urgent, confidence, keywords, attachments, status, level, created_at, "
        "updated_at, reopen_count, max_level, community_code, street_code) VALUES "
        f"({key}, 'T-{key}', false, 'hans', '有事', '有事', 'other', false, 0.5, '[]', '[]', "
        f"'assigned', 0, '{AT}', '{AT}', 0, 0, {place}, '{street}')"
    )


async def test_a_tickets_street_is_its_communitys(
    tmp_path: Path, demo_config: GridDeskConfig
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'griddesk.db'}"
    await load_into(url, demo_config)  # the organisation (it migrates to the head)
    await downgrade_database(url, "0020")
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.begin() as connection:
            for statement in (_ticket(1, "JDXC", "XZ"), _ticket(2, "MDHY", "XZ"),
                              _ticket(3, None, "SQ")):
                await connection.execute(text(statement))
        await upgrade_database(url, "0021")
        async with engine.connect() as connection:
            rows = (await connection.execute(
                text("SELECT id, street_code FROM tickets ORDER BY id"))).all()
    finally:
        await engine.dispose()
    assert [tuple(row) for row in rows] == [(1, "SQ"), (2, "XZ"), (3, "SQ")]
