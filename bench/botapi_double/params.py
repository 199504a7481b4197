"""Reading Bot API parameters from GET query, JSON, urlencoded and multipart bodies."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import BodyPartReader, web

from .errors import ApiError

JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "allowed_updates",
        "media",
        "commands",
        "scope",
        "entities",
        "caption_entities",
        "link_preview_options",
        "reply_parameters",
        "message_ids",
        "menu_button",
    }
)
INT_FIELDS = frozenset(
    {
        "message_id",
        "offset",
        "limit",
        "timeout",
        "reply_to_message_id",
        "cache_time",
        "max_connections",
        "message_thread_id",
        "duration",
        "width",
        "height",
        "live_period",
        "heading",
        "proximity_alert_radius",
        "user_id",
    }
)
FLOAT_FIELDS = frozenset({"latitude", "longitude", "horizontal_accuracy"})
BOOL_FIELDS = frozenset(
    {
        "show_alert",
        "disable_notification",
        "protect_content",
        "drop_pending_updates",
        "disable_web_page_preview",
        "allow_sending_without_reply",
        "has_spoiler",
        "show_caption_above_media",
        "allow_paid_broadcast",
    }
)
ID_FIELDS = frozenset({"chat_id", "from_chat_id"})


def coerce(name: str, value: Any) -> Any:
    """Give a form/query string the type the Bot API documents for parameter `name`."""
    if not isinstance(value, str):
        return value
    try:
        if name in JSON_FIELDS:
            return json.loads(value) if value.strip()[:1] in ("{", "[") else value
        if name in INT_FIELDS:
            return int(value)
        if name in FLOAT_FIELDS:
            return float(value)
        if name in BOOL_FIELDS:
            return value.strip().lower() in ("true", "1", "yes")
        if name in ID_FIELDS:
            return int(value) if value.lstrip("-").isdigit() else value
    except ValueError:
        if name == "reply_markup":
            raise ApiError(
                400, "Bad Request: can't parse reply keyboard markup JSON object"
            ) from None
        raise ApiError(400, f"Bad Request: can't parse parameter {name}") from None
    return value


async def read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
    """All parameters of a request (query, then body) and any uploaded files by field name."""
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, bytes] = {}
    content_type = request.content_type
    if request.method == "POST" and request.can_read_body:
        if content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise ApiError(400, "Bad Request: can't parse JSON encoded request") from None
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: JSON object expected")
            raw.update(body)
        elif content_type == "multipart/form-data":
            await _read_multipart(request, raw, files)
        else:
            form = await request.post()
            raw.update({k: v for k, v in form.items() if isinstance(v, str)})
    return {name: coerce(name, value) for name, value in raw.items()}, files


async def _read_multipart(
    request: web.Request, raw: dict[str, Any], files: dict[str, bytes]
) -> None:
    reader = await request.multipart()
    async for part in reader:
        if not isinstance(part, BodyPartReader) or part.name is None:
            continue
        data = await part.read()
        if part.filename is not None:
            files[part.name] = bytes(data)
        else:
            raw[part.name] = bytes(data).decode("utf-8")
