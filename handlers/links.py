"""One-time tokens (only their hash is stored) and the bot's /start deep links."""

from __future__ import annotations

import hashlib


def token_hash(token: str) -> str:
    """What is stored of a one-time token (invites, follow links, console sign-in)."""
    return hashlib.sha256(token.encode()).hexdigest()


def start_link(bot_username: str | None, payload: str) -> str:
    """The t.me link that opens the bot with `payload`, or the command to send when the bot's
    username is not known."""
    username = (bot_username or "").lstrip("@")
    return f"https://t.me/{username}?start={payload}" if username else f"/start {payload}"
