"""A driver that feeds Bot API update JSON through aiogram's and PTB's own parsing into the core.

Every update is parsed by both frameworks (as their adapters do) and the two translations must
agree; replies and outbox notifications are recorded per chat, with their inline buttons, and
checked to be well-formed Telegram HTML with every user-provided character escaped.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random
import re
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from aiogram.types import Update as AiogramUpdate
from sqlalchemy import select
from telegram import Bot as PtbBot
from telegram import Update as PtbUpdate

from bot.telegram.updates import incoming_from_update
from handlers.context import Services
from handlers.core import Core
from handlers.render import render_row
from handlers.types import Incoming, Outcome
from models.config.schema import appointments
from models.orm import OutboxRow, TicketRow
from models.uow import UnitOfWork

_PTB_BOT = PtbBot("123456789:AAtest-token-for-parsing-only")
FRAMEWORKS = ("aiogram", "ptb")

# Telegram HTML: these tags (GridDesk uses <b> only) and entities; every other <, > and & must be
# escaped. https://core.telegram.org/bots/api#html-style
_TAG = re.compile(
    r"</?(?:b|strong|i|em|u|ins|s|strike|del|code|pre|tg-spoiler)>"
    r"|<a href=\"[^\"<>]*\">|</a>"
)
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


@contextlib.asynccontextmanager
async def hang_guard(seconds: float) -> AsyncIterator[None]:
    """Turn a hang into a failure that first prints where every task was waiting."""
    loop = asyncio.get_running_loop()

    def dump() -> None:
        for task in asyncio.all_tasks(loop):
            task.print_stack(file=sys.stderr)

    handle = loop.call_later(max(1.0, seconds - 1), dump)
    try:
        async with asyncio.timeout(seconds):
            yield
    finally:
        handle.cancel()


def via_aiogram(update: dict[str, Any]) -> dict[str, Any]:
    """What the aiogram adapter hands to `incoming_from_update`."""
    parsed = AiogramUpdate.model_validate(update)
    return parsed.model_dump(mode="json", by_alias=True, exclude_none=True)


def via_ptb(update: dict[str, Any]) -> dict[str, Any]:
    """What the PTB adapter hands to `incoming_from_update`."""
    parsed = PtbUpdate.de_json(update, _PTB_BOT)
    assert parsed is not None
    return parsed.to_dict()


def parse_both(update: dict[str, Any]) -> dict[str, Incoming]:
    """The core's view of `update` through each framework; they must be the same."""
    seen = {
        "aiogram": incoming_from_update(via_aiogram(update)),
        "ptb": incoming_from_update(via_ptb(update)),
    }
    assert _comparable(seen["aiogram"]) == _comparable(seen["ptb"]), (update, seen)
    return seen


def _comparable(incoming: Incoming) -> Any:
    location = incoming.location  # NaN != NaN: compare the printed values
    shown = tuple(repr(value) for value in location) if location is not None else None
    return (incoming.__class__, {**incoming.__dict__, "location": shown})


def html_problem(text: str) -> str | None:
    """Why `text` is not safe Telegram HTML (an unescaped <, > or &, an unbalanced tag), or None."""
    stack: list[str] = []
    for match in _TAG.finditer(text):
        tag = match.group()
        name = re.match(r"</?([a-z-]+)", tag).group(1)  # type: ignore[union-attr]
        if tag.startswith("</"):
            if not stack or stack.pop() != name:
                return f"unbalanced {tag!r}"
        else:
            stack.append(name)
    if stack:
        return f"unclosed <{stack[-1]}>"
    rest = _ENTITY.sub("", _TAG.sub("", text))
    for char in "<>&":
        if char in rest:
            index = rest.index(char)
            return f"raw {char!r} near {rest[max(0, index - 20) : index + 20]!r}"
    return None


def assert_safe_html(text: str) -> None:
    problem = html_problem(text)
    assert problem is None, f"{problem} in {text!r}"


@dataclass
class Sent:
    """A message the bot sent (a direct reply or an outbox notification)."""

    chat_id: int
    text: str
    buttons: list[tuple[str, str]]
    via_outbox: bool
    row: OutboxRow | None = None


def staff_ids(services: Services) -> dict[str, int]:
    """Person code → Telegram user (or group chat) id, from the configuration."""
    return {
        a.person.code: a.person.telegram_user_id or a.person.telegram_chat_id or 0
        for a in appointments(services.config.district)
    }


@dataclass
class Driver:
    """Sends Bot API updates as residents and staff; records what every chat receives."""

    services: Services
    framework: str = "aiogram"
    on_outbox: Callable[[OutboxRow, UnitOfWork], Any] | None = None  # called in the drain's uow
    sent: list[Sent] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    _ids: itertools.count[int] = field(
        default_factory=lambda: itertools.count(random.randrange(1, 2**40))
    )
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        self.core = Core(self.services)
        self.staff = staff_ids(self.services)

    def uid(self, who: str | int) -> int:
        """A staff person code, or a Telegram user id for residents."""
        return who if isinstance(who, int) else self.staff[who]

    # --- building updates ---------------------------------------------------------------

    def user(self, who: str | int, first_name: str = "居民", **extra: Any) -> dict[str, Any]:
        return {"id": self.uid(who), "is_bot": False, "first_name": first_name, **extra}

    def message(
        self, who: str | int, chat: dict[str, Any] | None = None, **content: Any
    ) -> dict[str, Any]:
        uid = self.uid(who)
        message = {
            "message_id": next(self._message_ids),
            "date": 1_780_000_000,
            "chat": chat or {"id": uid, "type": "private", "first_name": "居民"},
            "from": self.user(who),
            **content,
        }
        return {"update_id": next(self._ids), "message": message}

    def callback(self, who: str | int, data: str, chat_id: int | None = None) -> dict[str, Any]:
        uid = self.uid(who)
        chat_id = chat_id if chat_id is not None else uid
        chat = {"id": chat_id, "type": "supergroup" if chat_id < 0 else "private"}
        query = {
            "id": str(next(self._ids)),
            "from": self.user(who),
            "chat_instance": "1",
            "data": data,
            "message": {"message_id": 1, "date": 1_780_000_000, "chat": chat, "text": "x"},
        }
        return {"update_id": next(self._ids), "callback_query": query}

    # --- sending ------------------------------------------------------------------------

    async def push(self, update: dict[str, Any], framework: str | None = None) -> Outcome:
        """One update through both framework parsings, then the core and the outbox."""
        incoming = parse_both(update)[framework or self.framework]
        outcome = await self.core.handle(incoming)
        self.updates.append(update)
        self.outcomes.append(outcome)
        for reply in outcome.replies:
            assert reply.chat_id == incoming.chat_id, "a direct reply left the update's chat"
            assert_safe_html(reply.text)
            markup = reply.keyboard.to_api() if reply.keyboard else None
            self.sent.append(Sent(reply.chat_id, reply.text, _buttons(markup), False))
        await self.drain()
        return outcome

    async def text(self, who: str | int, text: str) -> Outcome:
        if text.startswith("/"):
            end = len(text.split(" ", 1)[0])
            entities = [{"type": "bot_command", "offset": 0, "length": end}]
            return await self.push(self.message(who, text=text, entities=entities))
        return await self.push(self.message(who, text=text))

    async def location(self, who: str | int, lat: float, lon: float) -> Outcome:
        return await self.push(self.message(who, location={"latitude": lat, "longitude": lon}))

    async def contact(
        self, who: str | int, phone: str, user_id: int | None = None, first_name: str = "居民"
    ) -> Outcome:
        contact: dict[str, Any] = {"phone_number": phone, "first_name": first_name}
        if user_id is not None:
            contact["user_id"] = user_id
        return await self.push(self.message(who, contact=contact))

    async def photo(
        self,
        who: str | int,
        caption: str | None = None,
        file_size: int = 50_000,
        media_group_id: str | None = None,
        file_id: str | None = None,
    ) -> Outcome:
        ident = file_id or f"AgAC{next(self._ids)}"
        sizes = [
            {
                "file_id": f"{ident}s",
                "file_unique_id": f"{ident}su",
                "width": 90,
                "height": 67,
                "file_size": 900,
            },
            {
                "file_id": ident,
                "file_unique_id": f"{ident}u",
                "width": 1280,
                "height": 960,
                "file_size": file_size,
            },
        ]
        content: dict[str, Any] = {"photo": sizes}
        if caption is not None:
            content["caption"] = caption
        if media_group_id is not None:
            content["media_group_id"] = media_group_id
        return await self.push(self.message(who, **content))

    async def press(self, who: str | int, label: str, nth_newest: int = 0) -> Outcome:
        """Press the newest (or an older) button with `label` in the person's chat."""
        return await self.push(self.callback(who, self.button_data(who, label, nth_newest)))

    def button_data(self, who: str | int, label: str, nth_newest: int = 0) -> str:
        chat = self.uid(who)
        found = [
            data
            for message in self.sent
            if message.chat_id == chat
            for text, data in message.buttons
            if text == label
        ]
        if len(found) <= nth_newest:
            raise LookupError(f"no button {label!r} in chat {chat}")
        return found[-1 - nth_newest]

    async def drain(self) -> None:
        """Deliver due outbox rows in-process (as the sender would) and record them."""
        while True:
            async with self.services.uow_factory() as uow:
                rows = await uow.outbox.claim("hardening", limit=100)
                for row in rows:
                    if self.on_outbox is not None:
                        await self.on_outbox(row, uow)
                    payload = render_row(row)
                    text = str(payload.get("text", ""))
                    assert_safe_html(text)
                    self.sent.append(
                        Sent(row.chat_id, text, _buttons(payload.get("reply_markup")), True, row)
                    )
                    await uow.outbox.mark_sent(row.id)
                await uow.commit()
            if not rows:
                return

    # --- reading ------------------------------------------------------------------------

    def texts_to(self, who: str | int) -> list[str]:
        chat = self.uid(who)
        return [message.text for message in self.sent if message.chat_id == chat]

    def last_to(self, who: str | int) -> str:
        texts = self.texts_to(who)
        return texts[-1] if texts else ""

    async def tickets(self) -> list[TicketRow]:
        async with self.services.uow_factory() as uow:
            rows = list(await uow.session.scalars(select(TicketRow).order_by(TicketRow.id)))
            uow.session.expunge_all()
            return rows


def _buttons(markup: dict[str, Any] | None) -> list[tuple[str, str]]:
    return [
        (b["text"], b.get("callback_data", ""))
        for row in (markup or {}).get("inline_keyboard", [])
        for b in row
    ]
