"""Inline buttons carry an opaque token; the action and its arguments stay in the database."""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from typing import Any

from handlers.types import Button
from models.orm import CallbackTokenRow
from models.uow import UnitOfWork

TOKEN_PREFIX = "t:"
_TOKEN = re.compile(r"t:[A-Za-z0-9_-]{16}")  # secrets.token_urlsafe(12); anything else is forged


def make_button(uow: UnitOfWork, now: datetime, chat_id: int, label: str, action: str,
                **args: Any) -> Button:
    """A button for `chat_id` whose press runs `action(args)` after an authority check."""
    token = secrets.token_urlsafe(12)
    uow.conversations.issue_token(CallbackTokenRow(token=token, chat_id=chat_id, action=action,
                                                   args=args, created_at=now))
    return Button(label, data=f"{TOKEN_PREFIX}{token}")


def token_of(data: str | None) -> str | None:
    """The token in a button's callback data; None when the data is not one of ours."""
    if not data or not _TOKEN.fullmatch(data):
        return None
    return data[len(TOKEN_PREFIX):]


async def find_token(uow: UnitOfWork, data: str | None, chat_id: int,
                     preloaded: tuple[str, CallbackTokenRow | None] | None = None,
                     ) -> CallbackTokenRow | None:
    """The token behind `data` if it exists and was issued to `chat_id`; None for a forgery.
    `preloaded`: the token and its row as read with the update's first statement."""
    token = token_of(data)
    if token is None:
        return None
    if preloaded is not None and preloaded[0] == token:
        row = preloaded[1]
    else:
        row = await uow.conversations.token(token)
    if row is None or row.chat_id != chat_id:
        return None
    return row
