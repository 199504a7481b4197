"""An in-process Bot API for `griddesk bench e2e`: the frameworks' own HTTP layer is swapped for
an object that answers locally, so the benchmark measures the bot and not the network.

Both frameworks still do all their own work around the call (`bench.e2e_aiogram`,
`bench.e2e_ptb`): aiogram serialises the method's parameters (`prepare_value`, as for its form
data) and validates the JSON answer into pydantic objects (`check_response`); PTB encodes
`json_parameters` and parses the answer into `telegram` objects. Only the HTTP round trip is
missing. This module imports neither framework (each one's memory is measured alone).

The double keeps what the driver needs and nothing more (memory is part of the measurement):
per chat, the latest 确认提交 button and the latest ticket number, both taken by the driver.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from typing import Any

BOT_ID = 123456789
TOKEN = f"{BOT_ID}:AAH-griddesk-bench-local-token_000000"
BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "GridDesk 网格通",
    "username": "griddesk_bench_bot",
}
CONFIRM_LABELS = frozenset({"确认提交", "確認提交"})  # residents writing in either script
NUMBER = re.compile(r"已提交，工[单單][编編][号號] <b>([A-Z]+-\d{8}-\d+)</b>")
_MESSAGE_METHODS = frozenset(
    {
        "sendmessage",
        "sendphoto",
        "editmessagetext",
        "sendlocation",
        "sendcontact",
    }
)


class LocalBotApi:
    """Answers Bot API methods from memory; remembers confirm buttons and ticket numbers."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.confirm: dict[int, tuple[int, str]] = {}  # chat → (message id, callback data)
        self.numbers: dict[int, str] = {}  # chat → ticket number announced to it
        self._message_id = 0

    def answer(self, method: str, params: dict[str, Any]) -> Any:
        """The `result` of `method` called with JSON-decoded `params`."""
        name = method.lower()
        self.calls[name] += 1
        if name == "getme":
            return dict(
                BOT_USER,
                can_join_groups=True,
                can_read_all_group_messages=False,
                supports_inline_queries=False,
            )
        if name == "sendmediagroup":
            return [
                self._message(params, {"photo": _photo(item)}) for item in params.get("media") or []
            ]
        if name not in _MESSAGE_METHODS:
            return True
        return self._message(params, self._content(name, params))

    def _content(self, name: str, params: dict[str, Any]) -> dict[str, Any]:
        if name == "sendphoto":
            return {"photo": _photo(params), "caption": params.get("caption") or ""}
        text = str(params.get("text") or "")
        return {"text": text}

    def _message(self, params: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params.get("chat_id") or 0)
        self._message_id += 1
        message_id = int(params.get("message_id") or self._message_id)
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "from": BOT_USER,
            "chat": {
                "id": chat_id,
                "type": "private" if chat_id > 0 else "group",
                **({"first_name": "居民"} if chat_id > 0 else {"title": "群"}),
            },
            **content,
        }
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup  # Telegram echoes inline keyboards only
            self._remember_confirm(chat_id, message_id, markup)
        text = content.get("text")
        if text and (found := NUMBER.search(text)):
            self.numbers[chat_id] = found.group(1)
        return message

    def _remember_confirm(self, chat_id: int, message_id: int, markup: dict[str, Any]) -> None:
        for row in markup["inline_keyboard"]:
            for button in row:
                if button.get("text") in CONFIRM_LABELS and button.get("callback_data"):
                    self.confirm[chat_id] = (message_id, button["callback_data"])
                    return


def _photo(params: dict[str, Any]) -> list[dict[str, Any]]:
    file_id = str(params.get("photo") or params.get("media") or "photo")
    return [{"file_id": file_id, "file_unique_id": file_id[-16:], "width": 1280, "height": 960}]


_JSON_FIELDS = frozenset({"reply_markup", "media", "entities", "link_preview_options"})


def decoded(key: str, value: Any) -> Any:
    """Object fields arrive JSON-encoded, like in a form POST; the rest stays as it is."""
    if key in _JSON_FIELDS and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
