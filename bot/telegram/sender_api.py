"""The raw Bot API as the outbox sender needs it: one HTTP call, its outcome classified, and
an outbox payload turned into the calls that deliver it. No aiogram, no PTB."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from typing import Any

import aiohttp

from models.attachments import telegram_file_ids

DEFAULT_API_BASE = "https://api.telegram.org"
CAPTION_LIMIT = 1024
ALBUM_LIMIT = 10

Step = tuple[str, dict[str, Any]]


class Outcome(enum.Enum):
    OK = "ok"
    RETRY_AFTER = "retry_after"  # 429: wait exactly `retry_after` seconds
    TRANSIENT = "transient"  # 5xx, network errors, timeouts: back off and retry
    PERMANENT = "permanent"  # blocked, chat not found, bad request: give up
    MIGRATE = "migrate"  # the group became a supergroup with a new id


@dataclass(frozen=True)
class ApiResult:
    outcome: Outcome
    status: int = 0
    description: str = ""
    retry_after: float = 0.0
    migrate_to: int | None = None
    result: Any = None

    @property
    def error(self) -> str:
        return f"{self.status} {self.description}".strip()


def classify(status: int, body: Any) -> ApiResult:
    """Map an HTTP status and decoded JSON body to an outcome, as the Bot API documents."""
    if not isinstance(body, dict):
        return ApiResult(Outcome.TRANSIENT, status, "response is not a JSON object")
    description = str(body.get("description") or "")
    if 200 <= status < 300 and body.get("ok") is True:
        return ApiResult(Outcome.OK, status, description, result=body.get("result"))
    parameters = body.get("parameters") or {}
    if isinstance(parameters, dict) and parameters.get("migrate_to_chat_id"):
        return ApiResult(
            Outcome.MIGRATE, status, description, migrate_to=int(parameters["migrate_to_chat_id"])
        )
    if status == 429:
        wait = parameters.get("retry_after") if isinstance(parameters, dict) else None
        return ApiResult(Outcome.RETRY_AFTER, status, description, retry_after=float(wait or 1))
    if status >= 500 or status in (401, 404, 409) or status == 0:
        return ApiResult(Outcome.TRANSIENT, status, description)
    return ApiResult(Outcome.PERMANENT, status, description)


class BotApi:
    """POSTs JSON to `{base}/bot{token}/{method}`; never raises for HTTP or network trouble."""

    def __init__(self, token: str, base: str = DEFAULT_API_BASE, timeout: float = 30.0) -> None:
        self._token = token
        self.base = (base or DEFAULT_API_BASE).rstrip("/")
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> BotApi:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=100, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(connector=connector, timeout=self.timeout)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def call(self, method: str, params: dict[str, Any]) -> ApiResult:
        url = f"{self.base}/bot{self._token}/{method}"
        try:
            async with self._client().post(url, json=params) as response:
                raw = await response.read()
                status = response.status
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            return ApiResult(Outcome.TRANSIENT, 0, self._redact(f"{type(exc).__name__}: {exc}"))
        try:
            body = json.loads(raw)
        except ValueError:
            text = raw[:200].decode("utf-8", "replace")
            return ApiResult(Outcome.TRANSIENT, status, f"undecodable answer: {text}")
        return classify(status, body)

    def _redact(self, text: str) -> str:
        return text.replace(self._token, "<token>")


def message_id_of(result: Any) -> int | None:
    """The message id in a send method's result (the last message of an album)."""
    if isinstance(result, list) and result:
        result = result[-1]
    if isinstance(result, dict) and isinstance(result.get("message_id"), int):
        return int(result["message_id"])
    return None


def edit_step(
    chat_id: int, edit: dict[str, Any], text: str, formatting: dict[str, Any], markup: Any
) -> Step:
    """editMessageText / editMessageCaption of a delivered card (no markup: buttons removed)."""
    params: dict[str, Any] = {"chat_id": chat_id, "message_id": int(edit["message_id"])}
    params.update(formatting)
    if markup:
        params["reply_markup"] = markup
    if edit.get("caption"):
        return "editMessageCaption", {**params, "caption": text[:CAPTION_LIMIT]}
    return "editMessageText", {**params, "text": text}


def build_steps(chat_id: int, payload: dict[str, Any]) -> list[Step]:
    """The Bot API calls that deliver one outbox payload `{"text", "reply_markup", "photos",
    "parse_mode"}` (parse_mode HTML unless the payload says otherwise).

    `edit: {message_id, caption}` (a card edited in place, resolved by the outbox claim):
    editMessageText, or editMessageCaption for a card sent as a photo with caption.
    One photo: sendPhoto with the text as caption (and the keyboard) when it fits, else the
    photo then the text. Several photos: albums of up to ten (sendMediaGroup), then the text
    with its keyboard, since an album cannot carry buttons.
    """
    text = str(payload.get("text") or "")
    parse_mode = payload.get("parse_mode", "HTML")
    markup = payload.get("reply_markup")
    photos = telegram_file_ids(payload.get("photos") or [])
    formatting = {"parse_mode": parse_mode} if parse_mode else {}
    if payload.get("edit"):
        return [edit_step(chat_id, payload["edit"], text, formatting, markup)]
    message: dict[str, Any] = {"chat_id": chat_id, "text": text, **formatting}
    if markup:
        message["reply_markup"] = markup
    if not photos:
        return [("sendMessage", message)] if text else []
    if len(photos) == 1:
        single: dict[str, Any] = {"chat_id": chat_id, "photo": photos[0]}
        if text and len(text) <= CAPTION_LIMIT:
            single.update(caption=text, **formatting)
            if markup:
                single["reply_markup"] = markup
            return [("sendPhoto", single)]
        return [("sendPhoto", single)] + ([("sendMessage", message)] if text else [])
    steps: list[Step] = []
    for start in range(0, len(photos), ALBUM_LIMIT):
        chunk = photos[start : start + ALBUM_LIMIT]
        if len(chunk) == 1:
            steps.append(("sendPhoto", {"chat_id": chat_id, "photo": chunk[0]}))
        else:
            media = [{"type": "photo", "media": photo} for photo in chunk]
            steps.append(("sendMediaGroup", {"chat_id": chat_id, "media": media}))
    if text:
        steps.append(("sendMessage", message))
    return steps
