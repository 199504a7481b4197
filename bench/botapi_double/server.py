"""The double's core: HTTP routing, state (chats, messages, files, updates) and waiting helpers."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import secrets
import socket
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientSession, web

from .errors import ApiError, bad_request
from .faults import Fault, Injection, as_fault
from .limits import SENDING_METHODS, FloodLimits
from .methods import HANDLERS, Methods
from .params import read_params
from .people import SimGroup, SimUser
from .records import BotMessage, Call, Exchange, FileEntry
from .webhook import WebhookMixin

DEFAULT_TOKEN = "123456789:AAH-griddesk-local-double-token_0000"
_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
Predicate = Callable[[BotMessage], bool] | str | None


class UpdateDict(dict[str, Any]):
    """An Update as pushed; may be used with or without `await`."""

    def __await__(self):  # type: ignore[no-untyped-def]
        return self
        yield  # pragma: no cover


@dataclass
class _Pending:
    update: dict[str, Any]
    sticky: bool  # re-delivered regardless of the poller's offset (a duplicate delivery)


class BotApiDouble(Methods, WebhookMixin):
    """A local Telegram Bot API server for tests: `async with BotApiDouble() as api: ...`."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        enforce_limits: bool = False,
        limits: FloodLimits | None = None,
        strict_chats: bool = False,
        bot_username: str = "griddesk_test_bot",
        bot_first_name: str = "GridDesk 网格通",
        webhook_max_attempts: int = 5,
    ) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_username, self.bot_first_name = bot_username, bot_first_name
        self.enforce_limits = enforce_limits or limits is not None
        self.limits = limits or FloodLimits()
        self.strict_chats = strict_chats
        self.base_url = ""
        self.calls: list[Call] = []
        self.exchanges: list[Exchange] = []
        self.too_many_requests = 0
        self.answers: dict[str, dict[str, Any]] = {}
        self.files: dict[str, FileEntry] = {}
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._init_webhook(webhook_max_attempts)
        self._pending: list[_Pending] = []
        self._next_update_id = 700_000_001
        self._allowed_updates: list[str] | None = None
        self._poll_generation = 0
        self._chats: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._next_message_id: dict[int, int] = {}
        self._bot_messages: dict[int, list[BotMessage]] = {}
        self._users: dict[int, SimUser] = {}
        self._groups: dict[int, SimGroup] = {}
        self._queries: dict[str, dict[str, Any]] = {}
        self._next_query = 4_000_000_000_000_000_001
        self._injections: list[Injection] = []
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._consumed_exchanges: set[int] = set()

    # --- lifecycle ----------------------------------------------------------------------

    async def start(self) -> BotApiDouble:
        self._changed = asyncio.Event()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        site = web.SockSite(self._runner, sock)
        await site.start()
        self.base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        self._session = ClientSession()
        self._start_webhook_worker()
        return self

    async def stop(self) -> None:
        self._closing = True
        self._notify()
        await self._stop_webhook_worker()
        await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotApiDouble:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def api_url(self) -> str:
        """`{base_url}/bot{token}` — prefix of every method URL."""
        return f"{self.base_url}/bot{self.token}"

    @property
    def file_url(self) -> str:
        return f"{self.base_url}/file/bot{self.token}"

    # --- HTTP ---------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path.startswith("/file/bot"):
            return self._serve_file(path.removeprefix("/file/bot"))
        parts = path.split("/")
        if len(parts) != 3 or not parts[1].startswith("bot") or not parts[2]:
            return _json(ApiError(404, "Not Found").body(), 404)
        token, method = parts[1].removeprefix("bot"), parts[2]
        if token != self.token:
            return _json(ApiError(401, "Unauthorized").body(), 401)
        exchange = Exchange(HANDLERS.get(method.lower(), (method, None))[0], {}, time.monotonic())
        self.exchanges.append(exchange)
        try:
            params, files = await read_params(request)
            exchange.params = params
            self.calls.append(Call(exchange.method, params))
            result = await self._dispatch(exchange, params, files, request)
        except ApiError as exc:
            exchange.status, exchange.response = exc.status, exc.body()
            if exc.status == 429 and exchange.fault is None:
                self.too_many_requests += 1
        except _Reset:
            exchange.status, exchange.fault = 0, "connection_reset"
            self._notify()
            return _reset(request)
        else:
            exchange.status, exchange.response = 200, {"ok": True, "result": result}
            if exchange.method in ("setWebhook", "deleteWebhook"):
                exchange.response["description"] = self._webhook_description
        self._notify()
        return _json(exchange.response, exchange.status)

    async def _dispatch(
        self,
        exchange: Exchange,
        params: dict[str, Any],
        files: dict[str, bytes],
        request: web.Request | None,
    ) -> Any:
        fault = self._take_fault(exchange.method, params)
        if fault is not None:
            exchange.fault = fault.kind
            await self._apply_fault(fault)
        name, handler = HANDLERS.get(exchange.method.lower(), (exchange.method, None))
        if handler is None:
            raise ApiError(404, "Not Found")
        if self.enforce_limits and name.lower() in SENDING_METHODS:
            chat_id = params.get("chat_id")
            wait = self.limits.admit(chat_id if isinstance(chat_id, int) else None, exchange.at)
            if wait is not None:
                raise ApiError(429, f"Too Many Requests: retry after {wait}", {"retry_after": wait})
        return await handler(self, params, files)

    async def _apply_fault(self, fault: Fault) -> None:
        if fault.kind == "delay":
            await asyncio.sleep(fault.seconds)
        elif fault.kind == "connection_reset":
            raise _Reset
        else:
            raise ApiError(fault.status, fault.description, dict(fault.parameters))

    def _serve_file(self, rest: str) -> web.Response:
        token, _, file_path = rest.partition("/")
        if token != self.token:
            return _json(ApiError(401, "Unauthorized").body(), 401)
        for entry in self.files.values():
            if entry.file_path == file_path:
                return web.Response(body=entry.content, content_type="application/octet-stream")
        return _json(ApiError(404, "Not Found").body(), 404)

    # --- faults -------------------------------------------------------------------------

    def inject(
        self,
        method: str,
        fault: Fault | str,
        count: int | None = 1,
        chat_id: int | str | None = None,
    ) -> Injection:
        """Make the next `count` calls of `method` ("*" = any; None count = forever), optionally
        only those for `chat_id`, fail with `fault`."""
        injection = Injection(method, as_fault(fault), count, chat_id)
        self._injections.append(injection)
        return injection

    def clear_faults(self) -> None:
        self._injections.clear()

    def _take_fault(self, method: str, params: dict[str, Any]) -> Fault | None:
        for injection in self._injections:
            if injection.matches(method, params):
                return injection.take()
        return None

    # --- people and chats ---------------------------------------------------------------

    def user(
        self,
        user_id: int,
        first_name: str = "居民",
        username: str | None = None,
        language_code: str | None = "zh-hans",
        last_name: str | None = None,
    ) -> SimUser:
        """The simulated person with this id (created on first use)."""
        if user_id not in self._users:
            sim = SimUser(self, user_id, first_name, username, language_code, last_name)
            self._users[user_id] = sim
            self._chats[user_id] = sim.private_chat()
        return self._users[user_id]

    def group(self, chat_id: int, title: str = "网格工作群") -> SimGroup:
        if chat_id not in self._groups:
            self._groups[chat_id] = SimGroup(self, chat_id, title)
            self._chats[chat_id] = self._groups[chat_id].chat()
        return self._groups[chat_id]

    def group_by_id(self, chat_id: int) -> SimGroup:
        if chat_id not in self._groups:
            raise LookupError(f"no group {chat_id}: create it with api.group()")
        return self._groups[chat_id]

    def chat_for_send(self, chat_id: Any) -> dict[str, Any]:
        """The chat a send goes to; unknown ids are created unless strict_chats."""
        if not isinstance(chat_id, int):
            if chat_id in (None, ""):
                raise bad_request("chat_id is empty")
            raise bad_request("chat not found")
        if chat_id not in self._chats:
            if self.strict_chats or chat_id == 0:
                raise bad_request("chat not found")
            if chat_id > 0:
                self._chats[chat_id] = {"id": chat_id, "type": "private", "first_name": "用户"}
            else:
                self.group(chat_id, f"群组 {chat_id}")
        return self._chats[chat_id]

    # --- messages -----------------------------------------------------------------------

    def allocate_message_id(self, chat_id: int) -> int:
        self._next_message_id[chat_id] = self._next_message_id.get(chat_id, 0) + 1
        return self._next_message_id[chat_id]

    def store_message(self, message: dict[str, Any]) -> None:
        self._messages[(message["chat"]["id"], message["message_id"])] = message

    def stored_message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        return self._messages.get((chat_id, message_id))

    def forget_message(self, chat_id: int, message_id: int) -> None:
        self._messages.pop((chat_id, message_id), None)

    def new_user_message(
        self,
        user: dict[str, Any],
        chat: dict[str, Any],
        content: dict[str, Any],
        reply_to: BotMessage | int | None = None,
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": self.allocate_message_id(chat["id"]),
            "from": user,
            "chat": chat,
            "date": int(time.time()),
        }
        if reply_to is not None:
            mid = reply_to.message_id if isinstance(reply_to, BotMessage) else reply_to
            replied = self.stored_message(chat["id"], mid)
            if replied is None:
                raise LookupError(f"no message {mid} in chat {chat['id']} to reply to")
            message["reply_to_message"] = replied
        message.update(copy.deepcopy(content))
        self.store_message(message)
        return message

    def bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def record_bot_message(self, record: BotMessage) -> None:
        self.store_message(record.message)
        self._bot_messages.setdefault(record.chat_id, []).append(record)

    def bot_message(self, message_id: int, chat_id: int | SimUser | SimGroup) -> BotMessage:
        for record in self._bot_messages.get(_chat_key(chat_id), []):
            if record.message_id == message_id:
                return record
        raise LookupError(f"the bot sent no message {message_id} to chat {_chat_key(chat_id)}")

    def messages_to(self, chat_id: int | SimUser | SimGroup) -> list[BotMessage]:
        """Everything the bot sent to the chat, oldest first (edits applied, deletions flagged)."""
        return list(self._bot_messages.get(_chat_key(chat_id), []))

    def unread(self, chat_id: int | SimUser | SimGroup) -> list[BotMessage]:
        """Bot messages in the chat that no wait_for has returned yet."""
        return [m for m in self._bot_messages.get(_chat_key(chat_id), []) if not m.consumed]

    def mark_read(self, chat_id: int | SimUser | SimGroup) -> None:
        for record in self._bot_messages.get(_chat_key(chat_id), []):
            record.consumed = True

    def last_keyboard(self, chat_id: int | SimUser | SimGroup) -> BotMessage | None:
        """The bot message whose reply keyboard is currently shown in the chat."""
        for record in reversed(self._bot_messages.get(_chat_key(chat_id), [])):
            markup = record.reply_markup or {}
            if markup.get("remove_keyboard"):
                return None
            if "keyboard" in markup:
                return record
        return None

    async def wait_for(
        self,
        chat_id: int | SimUser | SimGroup,
        predicate: Predicate = None,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> BotMessage:
        """The oldest bot message to the chat not yet returned by wait_for that matches
        `predicate` (a callable, or a substring of the text/caption); waits up to `timeout`."""
        key, match = _chat_key(chat_id), _predicate(predicate)
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            for record in self._bot_messages.get(key, []):
                if not record.consumed and match(record):
                    record.consumed = True
                    return record
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                seen = "\n  ".join(str(m) for m in self._bot_messages.get(key, [])) or "nothing"
                raise AssertionError(
                    f"no matching bot message to chat {key} within {timeout}s; sent:\n  {seen}"
                )
            await self._wait_change(remaining)

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> Exchange:
        """The oldest not yet returned request of `method` whose params match `predicate`."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            for index, exchange in enumerate(self.exchanges):
                if (
                    index not in self._consumed_exchanges
                    and exchange.status
                    and exchange.method.lower() == method.lower()
                    and (predicate is None or predicate(exchange.params))
                ):
                    self._consumed_exchanges.add(index)
                    return exchange
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise AssertionError(f"no {method} call matched within {timeout}s")
            await self._wait_change(remaining)

    def answer_for(self, update_or_query_id: dict[str, Any] | str) -> dict[str, Any] | None:
        """The answerCallbackQuery params the bot gave to a press (None if unanswered)."""
        query_id = update_or_query_id
        if isinstance(update_or_query_id, dict):
            query_id = update_or_query_id["callback_query"]["id"]
        return self.answers.get(str(query_id))

    async def wait_for_answer(
        self,
        update_or_query_id: dict[str, Any] | str,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> dict[str, Any]:
        deadline = asyncio.get_running_loop().time() + timeout
        while (answer := self.answer_for(update_or_query_id)) is None:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise AssertionError(f"callback query not answered within {timeout}s")
            await self._wait_change(remaining)
        return answer

    def sent_count(self, method: str | None = None) -> int:
        """Successful calls of `method` (default: every message-sending method)."""
        return sum(
            1
            for e in self.exchanges
            if e.ok
            and (
                e.method.lower() == method.lower()
                if method
                else e.method.lower() in SENDING_METHODS
            )
        )

    # --- files and callback queries -----------------------------------------------------

    def new_file(self, kind: str, content: bytes, extension: str = "") -> FileEntry:
        prefix = {"photo": "AgACAgIA", "document": "BQACAgIA", "voice": "AwACAgIA"}
        prefix |= {"video": "BAACAgIA", "sticker": "CAACAgIA"}
        file_id = prefix.get(kind, "BQACAgIA") + secrets.token_urlsafe(40)
        unique = "AQAD" + secrets.token_urlsafe(10)
        folder = {"photo": "photos", "voice": "voice", "video": "videos", "sticker": "stickers"}
        ext = extension or {"photo": "jpg", "voice": "oga", "video": "mp4", "sticker": "webp"}.get(
            kind, "pdf"
        )
        entry = FileEntry(
            file_id,
            unique,
            f"{folder.get(kind, 'documents')}/file_{len(self.files)}.{ext}",
            kind,
            content,
        )
        self.files[file_id] = entry
        return entry

    def new_photo_sizes(self, content: bytes | None = None) -> list[dict[str, Any]]:
        """PhotoSize array (small to large) of a fresh photo; the last is the original."""
        sizes = []
        for width, height in ((90, 67), (320, 240), (800, 600), (1280, 960)):
            body = content if content is not None and width == 1280 else _jpeg(width)
            entry = self.new_file("photo", body)
            sizes.append(
                {
                    "file_id": entry.file_id,
                    "file_unique_id": entry.file_unique_id,
                    "file_size": len(entry.content),
                    "width": width,
                    "height": height,
                }
            )
        return sizes

    def new_callback_query(
        self, user: dict[str, Any], chat_id: int, message_id: int, data: str
    ) -> dict[str, Any]:
        message = self.stored_message(chat_id, message_id)
        if message is None:  # InaccessibleMessage
            chat = self._chats.get(chat_id) or {"id": chat_id, "type": "private", "first_name": "?"}
            message = {"chat": chat, "message_id": message_id, "date": 0}
        query: dict[str, Any] = {
            "id": str(self._next_query),
            "from": user,
            "message": copy.deepcopy(message),
            "chat_instance": str((chat_id * 2654435761 + self.bot_id) % (1 << 62)),
            "data": data,
        }
        self._next_query += 1
        self._queries[query["id"]] = query
        return query

    # --- updates ------------------------------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> UpdateDict:
        """Deliver an update (polling queue or webhook). An update_id already used is delivered
        again even though the bot confirmed it: a duplicate delivery."""
        update = copy.deepcopy(dict(update))
        update_id = update.get("update_id")
        sticky = False
        if update_id is None:
            update_id = update["update_id"] = self._next_update_id
        elif update_id < self._next_update_id:
            sticky = True
        self._next_update_id = max(self._next_update_id, update_id + 1)
        if self.webhook_url:
            self._webhook_queue.append(update)
        else:
            self._pending.append(_Pending(update, sticky))
        self._notify()
        return UpdateDict(copy.deepcopy(update))

    @property
    def pending_update_count(self) -> int:
        return len(self._webhook_queue) if self.webhook_url else len(self._pending)

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            self._pending = self._pending[offset:]
        elif offset > 0:
            self._pending = [
                p for p in self._pending if p.sticky or p.update["update_id"] >= offset
            ]

    def _select(self, offset: int, limit: int) -> list[dict[str, Any]]:
        kept: list[_Pending] = []
        batch: list[dict[str, Any]] = []
        for pending in self._pending:
            if not self.update_allowed(pending.update, self._allowed_updates):
                continue  # filtered out by allowed_updates: dropped like the real server
            kept.append(pending)
            if len(batch) < limit and (pending.sticky or pending.update["update_id"] >= offset):
                pending.sticky = False
                batch.append(copy.deepcopy(pending.update))
        self._pending = kept
        return batch

    @staticmethod
    def update_allowed(update: dict[str, Any], allowed: list[str] | None) -> bool:
        kind = next((k for k in update if k != "update_id"), "")
        if allowed:
            return kind in allowed
        return kind not in _NOT_BY_DEFAULT

    # --- notification -------------------------------------------------------------------

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_change(self, seconds: float) -> None:
        event = self._changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), seconds)


class _Reset(Exception):
    """Drop the connection instead of answering."""


_NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


def _chat_key(chat: int | SimUser | SimGroup) -> int:
    return chat.chat_id if isinstance(chat, SimUser | SimGroup) else int(chat)


def _predicate(predicate: Predicate) -> Callable[[BotMessage], bool]:
    if predicate is None:
        return lambda _m: True
    if isinstance(predicate, str):
        text = predicate
        return lambda m: text in m.body or text in m.plain_text
    return predicate


def _json(body: dict[str, Any] | None, status: int) -> web.Response:
    return web.Response(text=_DUMPS(body), status=status, content_type="application/json")


def _reset(request: web.Request) -> web.Response:
    transport = request.transport
    if transport is not None:
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
    return web.Response(status=500)


def _jpeg(width: int) -> bytes:
    """A few bytes that start and end like a JPEG (enough for downloads in tests)."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + width.to_bytes(2, "big") * 8 + b"\xff\xd9"
