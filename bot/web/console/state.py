"""What the console keeps for the process: the assembled GridDesk, the cookie signer, limits."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from aiohttp import web
from itsdangerous import BadSignature, URLSafeTimedSerializer

from bot.app import App
from bot.web.console.photos import PhotoSource

log = logging.getLogger("griddesk.console")

COOKIE = "griddesk_console"


@dataclass
class ConsoleState:
    app: App
    serializer: URLSafeTimedSerializer  # the session cookie and the notices after an action
    csrf_key: bytes
    lifetime: timedelta
    secure_cookie: bool  # the console is served over HTTPS (behind the proxy)
    tile_url: str
    photos: PhotoSource  # residents' photos, fetched from the Bot API by the server

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.app.services.config.district.timezone)

    def cookie_value(self, session_id: str) -> str:
        return self.serializer.dumps(session_id, salt="session")

    def session_id(self, request: web.Request) -> str | None:
        """The session id the request's cookie carries, if its signature and age are good."""
        value = request.cookies.get(COOKIE)
        if not value:
            return None
        try:
            loaded = self.serializer.loads(value, salt="session",
                                           max_age=int(self.lifetime.total_seconds()))
        except BadSignature:
            return None
        return loaded if isinstance(loaded, str) else None

    def csrf_token(self, session_id: str) -> str:
        """The form token of a session: bound to it, useless to another site (and SameSite)."""
        return hmac.new(self.csrf_key, session_id.encode(), hashlib.sha256).hexdigest()

    def notice(self, text: str) -> str:
        return self.serializer.dumps(text, salt="notice")

    def read_notice(self, value: str | None) -> str | None:
        if not value:
            return None
        try:
            text = self.serializer.loads(value, salt="notice", max_age=300)
        except BadSignature:
            return None
        return text if isinstance(text, str) else None


def make_state(app: App) -> ConsoleState:
    settings = app.settings
    secret = settings.console_secret.get_secret_value() if settings.console_secret else None
    if secret is None:
        log.warning("GRIDDESK_CONSOLE_SECRET is not set: a random key is used and console "
                    "sessions end when this process stops")
        secret = secrets.token_urlsafe(32)
    return ConsoleState(
        app=app,
        serializer=URLSafeTimedSerializer(secret, salt="griddesk-console"),
        csrf_key=hashlib.sha256(b"csrf:" + secret.encode()).digest(),
        lifetime=timedelta(hours=settings.console_session_hours),
        secure_cookie=settings.console_url.startswith("https://"),
        tile_url=settings.console_tile_url,
        photos=PhotoSource(settings.telegram_bot_token.get_secret_value()
                           if settings.telegram_bot_token else None,
                           settings.telegram_api_base),
    )


STATE = web.AppKey("console", ConsoleState)
