"""Migration 0023 and the `reply` rows: a direct reply is kept as what it says (its text,
buttons and photos), rendered into the same Bot API payload when sent; delivered replies keep
nothing. Rows written before are converted without changing what they send, and back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from handlers.render import render
from handlers.types import Button, Keyboard, Reply
from models.db import create_engine
from models.migrations import downgrade_database, upgrade_database

REPLIES = [
    Reply(1, "<b>请核对</b>", Keyboard.inline([Button("确认提交", "c:1"), Button("修改", "c:2")]),
          photos=("tg:AgACa",)),
    Reply(2, "请发送位置", Keyboard.reply([Button("发送位置", request_location=True)],
                                      [Button("发电话", request_contact=True), Button("取消")])),
    Reply(3, "已取消", Keyboard.remove()),
    Reply(4, "不客气"),
]


@pytest.mark.parametrize("reply", REPLIES, ids=["inline", "reply", "remove", "plain"])
def test_a_reply_kept_as_said_renders_its_own_payload(reply: Reply) -> None:
    kept = json.loads(json.dumps(reply.snapshot()))  # as the JSON column returns it
    assert "payload" not in kept and "reply_markup" not in json.dumps(kept)
    assert Reply.from_snapshot(reply.chat_id, kept) == reply
    assert render("reply", kept) == reply.to_payload()


def _row(key: int, status: str, payload: dict[str, Any]) -> str:
    return (
        "INSERT INTO outbox (id, key, kind, channel, chat_id, snapshot, status, attempts, "
        f"available_at, created_at) VALUES ({key}, 'reply:{key}', 'reply', 'telegram', {key}, "
        f"'{json.dumps({'payload': payload}, ensure_ascii=False)}', '{status}', 0, "
        "'2026-12-01 08:00:00', '2026-12-01 08:00:00')"
    )


async def _snapshots(url: str, *statements: str) -> dict[int, Any]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.begin() as connection:
            for statement in statements:
                await connection.execute(text(statement))
            rows = (await connection.execute(text("SELECT id, snapshot FROM outbox"))).all()
    finally:
        await engine.dispose()
    return {key: value if isinstance(value, dict) else json.loads(value) for key, value in rows}


async def test_old_reply_rows_are_converted_and_back(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'griddesk.db'}"
    await upgrade_database(url, "0022")
    pending = {r.chat_id: r.to_payload() for r in REPLIES}
    rows = [_row(key, "pending" if key != 2 else "direct", payload)
            for key, payload in pending.items()]
    await _snapshots(url, *rows, _row(5, "sent", REPLIES[0].to_payload()))
    await upgrade_database(url, "0023")
    after = await _snapshots(url)
    assert after[5] == {}  # delivered: what it said is not kept
    for key, payload in pending.items():
        assert "payload" not in after[key] and render("reply", after[key]) == payload
    await downgrade_database(url, "0022")
    back = await _snapshots(url)
    assert {key: back[key] for key in pending} == {k: {"payload": p} for k, p in pending.items()}
