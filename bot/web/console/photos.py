"""Residents' photos on the ticket page. A ticket keeps references to its photos (Telegram file
ids, bare or as `tg:<file_id>`); `PhotoSource.resolve` turns one into bytes through the Bot
API's `getFile` and the file download, with the bot's token kept on the server, and keeps what it
fetched in memory for a few minutes. The browser sees only the console's own photo URL."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from dataclasses import dataclass

import aiohttp

log = logging.getLogger("griddesk.console")

TELEGRAM_PREFIX = "tg:"
DEFAULT_API = "https://api.telegram.org"
CACHE_SECONDS = 300.0
CACHE_BYTES = 32 * 1024 * 1024
MAX_BYTES = 20 * 1024 * 1024  # the Bot API downloads files up to 20 MB
TIMEOUT = aiohttp.ClientTimeout(total=20)
SIGNATURES = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"),
              (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))


class PhotoUnavailable(Exception):
    """The photo cannot be fetched now (no token, unknown reference, Bot API error)."""


@dataclass(frozen=True)
class Photo:
    body: bytes
    content_type: str  # sniffed from the bytes; "" when they are no image we know


def telegram_file_id(reference: str) -> str | None:
    """The Telegram file id a stored photo reference names (None: another kind of reference)."""
    if reference.startswith(TELEGRAM_PREFIX):
        reference = reference.removeprefix(TELEGRAM_PREFIX)
    elif ":" in reference:
        return None
    return reference or None


def image_type(body: bytes) -> str:
    """The image's MIME type by its first bytes (never by what a server claims)."""
    for signature, mime in SIGNATURES:
        if body.startswith(signature):
            return mime
    if body[:4] == b"RIFF" and body[8:12] == b"WEBP":
        return "image/webp"
    return ""


def _file_path(answer: object) -> str | None:
    """`result.file_path` of a getFile answer, if it is one."""
    if not isinstance(answer, dict) or answer.get("ok") is not True:
        return None
    result = answer.get("result")
    path = result.get("file_path") if isinstance(result, dict) else None
    return path if isinstance(path, str) and ".." not in path else None


class PhotoSource:
    """Photos by reference, fetched from the Bot API and cached briefly (LRU, bounded bytes)."""

    def __init__(self, token: str | None, api_base: str = "") -> None:
        self._token = token
        self._api = api_base or DEFAULT_API
        self._cache: OrderedDict[str, tuple[float, Photo]] = OrderedDict()
        self._client: aiohttp.ClientSession | None = None

    @property
    def available(self) -> bool:
        return self._token is not None

    async def photo(self, reference: str) -> Photo:
        now = time.monotonic()
        cached = self._cache.get(reference)
        if cached is not None and cached[0] > now:
            self._cache.move_to_end(reference)
            return cached[1]
        body = await self.resolve(reference)
        found = Photo(body, image_type(body))
        self._keep(reference, found, now + CACHE_SECONDS)
        return found

    async def resolve(self, reference: str) -> bytes:
        """A stored photo reference's bytes (the one place that knows what references are)."""
        file_id = telegram_file_id(reference)
        if self._token is None or file_id is None:
            raise PhotoUnavailable
        client = self._session()
        base = f"{self._api}/bot{self._token}"
        try:
            async with client.post(f"{base}/getFile", data={"file_id": file_id}) as response:
                answer = await response.json(content_type=None)
            path = _file_path(answer)
            if not path:
                raise PhotoUnavailable
            async with client.get(f"{self._api}/file/bot{self._token}/{path}") as response:
                if response.status != 200:
                    raise PhotoUnavailable
                body = await response.content.read(MAX_BYTES + 1)
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            # never the exception itself: its text carries the URL, and the URL the token
            log.warning("a photo could not be fetched from the Bot API (%s)",
                        type(error).__name__)
            raise PhotoUnavailable from None
        if len(body) > MAX_BYTES:
            raise PhotoUnavailable
        return body

    def _keep(self, reference: str, photo: Photo, until: float) -> None:
        now = time.monotonic()
        for stale in [key for key, (end, _) in self._cache.items() if end <= now]:
            del self._cache[stale]
        self._cache[reference] = (until, photo)
        self._cache.move_to_end(reference)
        total = sum(len(kept.body) for _, kept in self._cache.values())
        while total > CACHE_BYTES and len(self._cache) > 1:
            _, (_, dropped) = self._cache.popitem(last=False)
            total -= len(dropped.body)

    def _session(self) -> aiohttp.ClientSession:
        if self._client is None or self._client.closed:
            self._client = aiohttp.ClientSession(timeout=TIMEOUT)
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None
