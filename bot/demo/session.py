"""Offline demo: the real core and database in a terminal, no token and no network.

You type as a resident; `/as <person-code>` acts as a worker or official. Every message each
party receives is printed, including the outbox notifications (delivered in-process).
"""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.app import App
from bot.workers.sweeper import sweep
from handlers.render import render_row
from handlers.types import Incoming, Kind, Outcome, Sender
from handlers.unrated import close_unrated
from models.attachments import TELEGRAM, attachment_ref
from models.clock import FixedClock
from models.config.schema import appointments, parse_duration
from models.outbox import edit_of

RESIDENT_BASE = 100_000_000
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class Message:
    chat_id: int
    text: str
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (label, callback data)


@dataclass
class DemoSession:
    """Drives the core as several users and shows what each receives."""

    app: App
    echo: Callable[[str], None] = print
    persona: str = "resident"
    inbox: list[Message] = field(default_factory=list)
    _update_ids: itertools.count[int] = field(
        default_factory=lambda: itertools.count(random.randrange(1, 2**40)))
    resident_base: int = field(
        default_factory=lambda: RESIDENT_BASE + random.randrange(1, 10_000_000) * 100)

    def __post_init__(self) -> None:
        district = self.app.services.config.district
        self.people = {a.person.code: a.person for a in appointments(district)}
        self.people.update({d.liaison.code: d.liaison for d in district.departments
                            if d.liaison is not None})  # departments' liaisons (吹哨报到)

    # --- identities ---------------------------------------------------------------------

    def user_id(self, persona: str | None = None) -> int:
        persona = persona or self.persona
        if persona.startswith("resident"):
            return self.resident_base + int(persona.removeprefix("resident") or 0)
        person = self.people[persona]
        return person.telegram_user_id or person.chat_id or 0

    def name_of(self, chat_id: int) -> str:
        if self.resident_base <= chat_id < self.resident_base + 100:
            offset = chat_id - self.resident_base
            return "居民" if offset == 0 else f"居民{offset}"
        for code, person in self.people.items():
            if person.chat_id == chat_id:
                return f"{person.name}({code})"
        return str(chat_id)

    def switch(self, persona: str) -> None:
        if persona != "resident" and not persona.startswith("resident") and (
            persona not in self.people
        ):
            raise KeyError(f"unknown person code {persona!r}; try one of "
                           + ", ".join(sorted(self.people)[:6]) + " …")
        self.persona = persona

    # --- sending ------------------------------------------------------------------------

    async def send(self, incoming_kind: Kind, **fields: Any) -> None:
        uid = self.user_id()
        sender = Sender(user_id=uid, first_name=self.persona)
        incoming = Incoming(update_id=next(self._update_ids), kind=incoming_kind, chat_id=uid,
                            sender=sender, **fields)
        outcome = await self.app.core.handle(incoming)
        self._show(outcome)
        journal = self.app.services.replies
        if journal is not None:
            for reply in outcome.replies:
                journal.sent(reply)  # shown: delivered
        await self.drain_outbox()

    async def say(self, text: str) -> None:
        if text.startswith("/"):
            name, _, args = text[1:].partition(" ")
            await self.send(Kind.COMMAND, command=name.lower(), text=args.strip())
        else:
            await self.send(Kind.TEXT, text=text)

    async def press(self, label: str) -> None:
        """Press the newest button with this label (or number) in the persona's chat."""
        chat = self.user_id()
        for message in reversed(self.inbox):
            if message.chat_id != chat:
                continue
            for index, (text, data) in enumerate(message.buttons, 1):
                if label in (text, str(index)):
                    await self.send(Kind.CALLBACK, callback_id=f"cb{chat}", callback_data=data)
                    return
        raise LookupError(f"no button {label!r} in {self.name_of(chat)}'s chat")

    async def photo(self, file_id: str, caption: str | None = None) -> None:
        await self.send(Kind.PHOTO, photo=attachment_ref(TELEGRAM, file_id), photo_size=1000,
                        text=caption)

    async def open_link(self, prefix: str) -> None:
        """Open the newest `/start <prefix>…` link anybody was shown (a follow link handed over
        on a visit), as the current persona."""
        pattern = re.compile(r"/start (" + re.escape(prefix) + r"[\w-]*)")
        for message in reversed(self.inbox):
            found = pattern.search(message.text)
            if found:
                await self.say(f"/start {found.group(1)}")
                return
        raise LookupError(f"no /start {prefix}… link shown yet")

    async def location(self, lat: float, lon: float) -> None:
        await self.send(Kind.LOCATION, location=(lat, lon))

    # --- receiving ----------------------------------------------------------------------

    def _record(self, chat_id: int, text: str, markup: dict[str, Any] | None) -> None:
        buttons = [(b["text"], b.get("callback_data", "")) for row in
                   (markup or {}).get("inline_keyboard", []) for b in row]
        self.inbox.append(Message(chat_id, text, buttons))
        plain = _TAGS.sub("", text).replace("&lt;", "<").replace("&gt;", ">").replace(
            "&amp;", "&")
        head = f"── → {self.name_of(chat_id)} "
        self.echo(head + "─" * max(4, 48 - len(head)))
        self.echo(plain)
        if buttons:
            self.echo("  " + "  ".join(f"[{i}] {b[0]}" for i, b in enumerate(buttons, 1)))
        keyboard = (markup or {}).get("keyboard")
        if keyboard:
            self.echo("  键盘: " + " | ".join(b["text"] for row in keyboard for b in row))

    def _show(self, outcome: Outcome) -> None:
        if outcome.answer and outcome.answer.text:
            self.echo(f"  (提示: {outcome.answer.text})")
        for reply in outcome.replies:
            markup = reply.keyboard.to_api() if reply.keyboard else None
            self._record(reply.chat_id, reply.text, markup)
        for file in outcome.files:  # charts, ledgers, a follow link's QR code
            kind = "图片" if file.kind == "photo" else "文件"
            self.echo(f"  📎 {kind}: {file.path}")

    async def drain_outbox(self) -> None:
        """Deliver due notifications in-process, as the sender would."""
        while True:
            async with self.app.services.uow_factory() as uow:
                rows = await uow.outbox.claim("demo", limit=50)
                for row in rows:
                    await self._deliver(uow, row)
                await uow.commit()
            if not rows:
                return

    async def _deliver(self, uow: Any, row: Any) -> None:
        """One outbox row: a new message, or the edit of a card shown earlier (in place)."""
        payload = render_row(row)
        if key := edit_of(row.kind, row.snapshot):
            card = await uow.outbox.by_key(key)
            if card is not None and card.message_id is not None:
                self._edit(card.message_id, payload.get("text", ""), payload.get("reply_markup"))
            await uow.outbox.mark_sent(row.id)
            return
        photos = len(payload.get("photos") or [])
        shown = (f"📷×{photos}\n" if photos else "") + payload.get("text", "")
        self._record(row.chat_id, shown, payload.get("reply_markup"))
        await uow.outbox.mark_sent(row.id, message_id=len(self.inbox) - 1)

    def _edit(self, index: int, text: str, markup: dict[str, Any] | None) -> None:
        message = self.inbox[index]
        message.text = text
        message.buttons = [(b["text"], b.get("callback_data", "")) for row in
                           (markup or {}).get("inline_keyboard", []) for b in row]
        self.echo(f"  ✏️ 卡片已更新 → {self.name_of(message.chat_id)}：" + " ".join(
            f"[{label}]" for label, _ in message.buttons))

    async def advance(self, span: str) -> None:
        """Move the demo clock forward and let the escalation sweeper act."""
        clock = self.app.services.clock
        if not isinstance(clock, FixedClock):
            raise RuntimeError("advance needs the demo clock")
        clock.advance(parse_duration(span))
        self.echo(f"⏩ 时间快进 {span}")
        await self.sweep()

    async def sweep(self) -> None:
        services = self.app.services
        async with services.uow_factory() as uow:
            await sweep(uow, services.clock, services.config)
            await close_unrated(uow, services.clock, services.config)
            await uow.commit()
        await self.drain_outbox()

    def last_to(self, persona: str | None = None) -> list[Message]:
        chat = self.user_id(persona)
        return [m for m in self.inbox if m.chat_id == chat]


def write(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
