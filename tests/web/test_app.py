"""The web application starts on the bot's assembly and answers over HTTP."""

from __future__ import annotations

from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_app
from bot.settings import Settings
from bot.web.app import create_web_app


async def test_health_answers_with_the_district(db_url: str) -> None:
    app = await build_app(Settings.model_validate({"GRIDDESK_DATABASE_URL": db_url}))
    try:
        async with TestClient(TestServer(create_web_app(app))) as client:
            response = await client.get("/healthz")
            assert response.status == 200
            assert await response.json() == {
                "status": "ok", "district": app.services.config.district.code}
            missing = await client.get("/no-such-page")
            assert missing.status == 404
    finally:
        await app.close()
