"""Webhook mode: the double POSTs each new update to the bot's URL with the secret header."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import aiohttp

from .errors import ApiError
from .params import coerce
from .records import Call, Exchange

if TYPE_CHECKING:
    from .server import BotApiDouble


@dataclass
class WebhookDelivery:
    """One POST of an update to the webhook: HTTP status, or 0 and the error when it failed."""

    update_id: int
    status: int
    error: str = ""
    reply_method: str | None = None


@dataclass
class _Queued:
    update: dict[str, Any]
    attempts: int = 0


class WebhookMixin:
    """setWebhook state and the delivery worker (sequential, in update order, with retries)."""

    def _init_webhook(self, max_attempts: int) -> None:
        self.webhook_url = ""
        self.webhook_secret: str | None = None
        self.webhook_allowed_updates: list[str] | None = None
        self.webhook_max_connections = 40
        self.webhook_deliveries: list[WebhookDelivery] = []
        self.webhook_last_error: tuple[int, str] | None = None
        self._webhook_queue: deque[dict[str, Any]] = deque()
        self._webhook_attempts: dict[int, int] = {}
        self._webhook_max_attempts = max_attempts
        self._webhook_task: asyncio.Task[None] | None = None
        self._webhook_description = ""

    def _start_webhook_worker(self: BotApiDouble) -> None:  # type: ignore[misc]
        self._webhook_task = asyncio.create_task(self._webhook_loop())

    async def _stop_webhook_worker(self) -> None:
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task

    async def _webhook_loop(self: BotApiDouble) -> None:  # type: ignore[misc]
        while not self._closing:
            if not self.webhook_url or not self._webhook_queue:
                await self._wait_change(1.0)
                continue
            update = self._webhook_queue[0]
            if not self.update_allowed(update, self.webhook_allowed_updates):
                self._webhook_queue.popleft()
                continue
            delivery = await self._post_update(update)
            self.webhook_deliveries.append(delivery)
            if not self._webhook_queue or self._webhook_queue[0] is not update:
                continue  # the queue was dropped (setWebhook/deleteWebhook) meanwhile
            key = id(update)
            if 200 <= delivery.status < 300:
                self._webhook_queue.popleft()
                self._webhook_attempts.pop(key, None)
            else:
                self.webhook_last_error = (int(time.time()), delivery.error)
                attempts = self._webhook_attempts[key] = self._webhook_attempts.get(key, 0) + 1
                if attempts >= self._webhook_max_attempts:
                    self._webhook_queue.popleft()
                    self._webhook_attempts.pop(key, None)
                else:
                    await asyncio.sleep(min(0.1 * 2**attempts, 2.0))
            self._notify()

    async def _post_update(self: BotApiDouble, update: dict[str, Any]) -> WebhookDelivery:  # type: ignore[misc]
        headers = {"Content-Type": "application/json"}
        if self.webhook_secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook_secret
        body = json.dumps(update, ensure_ascii=False).encode()
        update_id = int(update["update_id"])
        try:
            async with self._session.post(
                self.webhook_url,
                data=body,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=30),
            ) as response:
                if not 200 <= response.status < 300:
                    error = f"Wrong response from the webhook: {response.status} {response.reason}"
                    return WebhookDelivery(update_id, response.status, error)
                reply = await _read_reply(response)
        except (aiohttp.ClientError, TimeoutError) as exc:
            return WebhookDelivery(update_id, 0, f"Connection failed: {exc!r}")
        method = None
        if reply and isinstance(reply.get("method"), str):
            method = reply.pop("method")
            await self._run_reply(method, reply)
        return WebhookDelivery(update_id, response.status, "", method)

    async def _run_reply(self: BotApiDouble, method: str, raw: dict[str, Any]) -> None:  # type: ignore[misc]
        """Execute a method the bot returned in its webhook answer (no one sees the result)."""
        exchange = Exchange(method, {}, time.monotonic())
        self.exchanges.append(exchange)
        try:
            params = {name: coerce(name, value) for name, value in raw.items()}
            exchange.params = params
            self.calls.append(Call(exchange.method, params))
            result = await self._dispatch(exchange, params, {}, None)
        except ApiError as exc:
            exchange.status, exchange.response = exc.status, exc.body()
        else:
            exchange.status, exchange.response = 200, {"ok": True, "result": result}

    def webhook_info(self: BotApiDouble) -> dict[str, Any]:  # type: ignore[misc]
        info: dict[str, Any] = {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": self.pending_update_count,
        }
        if self.webhook_url:
            info["max_connections"] = self.webhook_max_connections
            info["ip_address"] = "127.0.0.1"
            if self.webhook_allowed_updates:
                info["allowed_updates"] = list(self.webhook_allowed_updates)
            if self.webhook_last_error:
                info["last_error_date"], info["last_error_message"] = self.webhook_last_error
        return info


async def _read_reply(response: aiohttp.ClientResponse) -> dict[str, Any] | None:
    content_type = response.content_type
    if content_type == "application/json":
        with contextlib.suppress(ValueError):
            data = await response.json()
            return data if isinstance(data, dict) else None
        return None
    if content_type == "multipart/form-data":
        fields: dict[str, Any] = {}
        reader = aiohttp.MultipartReader.from_response(response)
        async for part in reader:
            if isinstance(part, aiohttp.BodyPartReader) and part.name:
                fields[part.name] = (await part.read()).decode("utf-8", "replace")
        return fields
    return None
