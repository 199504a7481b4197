"""`griddesk api-key`: a key created on the command line files requests until it is revoked."""

from __future__ import annotations

import asyncio
from pathlib import Path

from click.testing import CliRunner, Result

from bot.cli import main
from tests.web.open311_support import INSIDE, open_site


async def _cli(*args: str) -> Result:
    return await asyncio.to_thread(CliRunner().invoke, main, ["api-key", *args])


async def test_created_keys_file_until_revoked(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/keys.db"
    created = await _cli("create", "hotline-12345", "--can-file", "--per-minute", "30",
                         "--callback-url", "http://127.0.0.1:9/hook", "--url", url)
    assert created.exit_code == 0, created.output
    key = created.output.strip().splitlines()[-1]
    assert key.startswith("gd_") and len(key) > 30
    twice = await _cli("create", "hotline-12345", "--url", url)
    assert twice.exit_code == 1 and "exists already" in twice.output
    listed = await _cli("list", "--url", url)
    assert "hotline-12345" in listed.output and "30/min" in listed.output
    assert key not in listed.output and key[:8] in listed.output  # only its first characters
    fields = {"lat": INSIDE[0], "long": INSIDE[1], "description": "路灯不亮了", "api_key": key}
    async with open_site(url) as site:
        status, _ = await site.post(fields)
        assert status == 201
        revoked = await _cli("revoke", "hotline-12345", "--url", url)
        assert revoked.exit_code == 0, revoked.output
        status, body = await site.post({**fields, "description": "井盖丢了"})
        assert status == 403 and "revoked" in body[0]["description"]
    again = await _cli("revoke", "hotline-12345", "--url", url)
    assert again.exit_code == 1
    assert "revoked" in (await _cli("list", "--url", url)).output
