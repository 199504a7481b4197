"""Bot API update JSON → the core's `Incoming`; shared by the aiogram and PTB adapters.

Both frameworks can give back the update as Bot API JSON (aiogram: `model_dump(by_alias=True)`,
PTB: `to_dict()`), so the translation is written once, against the documented format.
"""

from __future__ import annotations

import math
from typing import Any

from handlers.types import Incoming, Kind, Sender
from models.attachments import TELEGRAM, attachment_ref

ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]

COMMANDS = [
    ("start", "开始 / 主菜单"),
    ("mytickets", "我的诉求"),
    ("status", "查询诉求进度：/status 编号"),
    ("tasks", "我的待办（工作人员）"),
    ("cancel", "退出当前操作"),
    ("forget", "删除我的个人信息"),
    ("help", "使用帮助"),
]

UNSUPPORTED_FIELDS = (
    "sticker", "voice", "audio", "video", "video_note", "document", "animation", "poll",
    "dice", "game", "venue", "story",
)


def _sender(data: dict[str, Any] | None) -> Sender | None:
    if not data or "id" not in data:
        return None
    return Sender(
        user_id=int(data["id"]), first_name=str(data.get("first_name") or ""),
        last_name=data.get("last_name"), username=data.get("username"),
        language_code=data.get("language_code"),
    )


def _command(text: str) -> tuple[str, str] | None:
    """`/start@GridBot bind_x` → ("start", "bind_x")."""
    if not text.startswith("/") or len(text) < 2:
        return None
    head, _, rest = text[1:].partition(" ")
    name = head.split("@", 1)[0].lower()
    if not name or not name.replace("_", "").isalnum():
        return None
    return name, rest.strip()


def _location(data: dict[str, Any]) -> tuple[float, float] | None:
    try:
        lat, lon = float(data["latitude"]), float(data["longitude"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    return lat, lon


def _from_message(update_id: int, message: dict[str, Any], edited: bool) -> Incoming:
    chat = message.get("chat") or {}
    base: dict[str, Any] = {
        "update_id": update_id, "chat_id": chat.get("id"),
        "chat_type": chat.get("type", "private"), "sender": _sender(message.get("from")),
        "message_id": message.get("message_id"),
    }
    if edited:
        return Incoming(kind=Kind.EDITED, **base)
    text = message.get("text")
    if isinstance(text, str):
        command = _command(text)
        if command is not None:
            return Incoming(kind=Kind.COMMAND, command=command[0], text=command[1], **base)
        return Incoming(kind=Kind.TEXT, text=text, **base)
    if message.get("photo"):
        largest = max(message["photo"], key=lambda size: size.get("width", 0) * size.get(
            "height", 0))
        return Incoming(kind=Kind.PHOTO, text=message.get("caption"),
                        photo=_attachment(largest.get("file_id")),
                        photo_size=largest.get("file_size"),
                        media_group_id=message.get("media_group_id"), **base)
    if message.get("location"):
        location = _location(message["location"])
        if location is None:
            return Incoming(kind=Kind.LOCATION, location=(999.0, 999.0), **base)
        return Incoming(kind=Kind.LOCATION, location=location, **base)
    if message.get("contact"):
        contact = message["contact"]
        return Incoming(kind=Kind.CONTACT, phone=str(contact.get("phone_number") or ""),
                        contact_user_id=contact.get("user_id"), **base)
    for field in UNSUPPORTED_FIELDS:
        if message.get(field) is not None:
            return Incoming(kind=Kind.UNSUPPORTED, unsupported=field, **base)
    return Incoming(kind=Kind.IGNORED, **base)  # service messages: joins, pins, ...


def _from_callback(update_id: int, query: dict[str, Any]) -> Incoming:
    message = query.get("message") or {}
    chat = message.get("chat") or {}
    sender = _sender(query.get("from"))
    chat_id = chat.get("id", sender.user_id if sender else None)
    return Incoming(
        update_id=update_id, kind=Kind.CALLBACK, chat_id=chat_id,
        chat_type=chat.get("type", "private"), sender=sender,
        callback_id=str(query.get("id", "")), callback_data=query.get("data"),
        message_id=message.get("message_id"),
    )


def incoming_from_update(update: dict[str, Any]) -> Incoming:
    """Translate one Bot API Update; unknown or irrelevant updates become IGNORED."""
    update_id = int(update.get("update_id", 0))
    if isinstance(update.get("message"), dict):
        return _from_message(update_id, update["message"], edited=False)
    if isinstance(update.get("edited_message"), dict):
        return _from_message(update_id, update["edited_message"], edited=True)
    if isinstance(update.get("callback_query"), dict):
        return _from_callback(update_id, update["callback_query"])
    for key in ("channel_post", "edited_channel_post"):
        if isinstance(update.get(key), dict):
            message = update[key]
            chat = message.get("chat") or {}
            return Incoming(update_id=update_id, kind=Kind.IGNORED, chat_id=chat.get("id"),
                            chat_type=chat.get("type", "channel"))
    return Incoming(update_id=update_id, kind=Kind.IGNORED)


def _attachment(file_id: object) -> Any:
    """A photo's file id as the core keeps it (`tg:<file_id>`); anything but a string is left
    as it is, for the type check to refuse."""
    return attachment_ref(TELEGRAM, file_id) if isinstance(file_id, str) else file_id


_INT_FIELDS = ("chat_id", "message_id", "contact_user_id", "photo_size")
_STR_FIELDS = ("chat_type", "text", "callback_id", "callback_data", "phone", "photo",
               "media_group_id")
_SENDER_STR_FIELDS = ("last_name", "username", "language_code")


_MESSAGE_KEYS = ("message", "edited_message", "channel_post", "edited_channel_post")


def _message_problem(message: object, key: str) -> str | None:
    if not isinstance(message, dict):
        return f"{key} is not an object"
    if not isinstance(message.get("chat"), dict) or not _is_int(message["chat"].get("id")):
        return f"{key} without an integer chat id"
    wrong = [name for name in ("text", "caption", "media_group_id")
             if not isinstance(message.get(name), str | None)]
    return f"wrong type of {key}.{wrong[0]}" if wrong else None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def malformed(update: object) -> str | None:
    """Why a webhook body is not a Bot API update GridDesk can handle, or None if it is one.

    An update of a type GridDesk does not know is fine (Telegram adds types); the parts the
    core reads must have their documented types."""
    if not isinstance(update, dict):
        return "not a JSON object"
    if not _is_int(update.get("update_id")):
        return "no integer update_id"
    for key in _MESSAGE_KEYS:
        if key in update and (problem := _message_problem(update[key], key)):
            return problem
    if "callback_query" in update and not isinstance(update["callback_query"], dict):
        return "callback_query is not an object"
    try:
        incoming = incoming_from_update(update)
    except Exception as exc:
        return f"{type(exc).__name__} while reading it"
    values = incoming.__dict__
    wrong = [name for name in _INT_FIELDS if values[name] is not None and not _is_int(values[name])]
    wrong += [name for name in _STR_FIELDS if not isinstance(values[name], str | None)]
    if incoming.sender is not None:
        wrong += [f"sender.{name}" for name in _SENDER_STR_FIELDS
                  if not isinstance(getattr(incoming.sender, name), str | None)]
    return f"wrong type of {', '.join(wrong)}" if wrong else None
