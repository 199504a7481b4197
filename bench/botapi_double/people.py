"""Simulated people and group chats that produce updates the way Telegram clients would."""

from __future__ import annotations

import secrets
import time
from typing import TYPE_CHECKING, Any

from .entities import command_entities
from .records import BotMessage

if TYPE_CHECKING:
    from .server import BotApiDouble

Update = dict[str, Any]


class SimGroup:
    """A group (or supergroup, for -100… ids) chat the bot is a member of."""

    def __init__(self, api: BotApiDouble, chat_id: int, title: str) -> None:
        if chat_id >= 0:
            raise ValueError("group chat ids are negative")
        self.api, self.chat_id, self.title = api, chat_id, title
        self.type = "supergroup" if str(chat_id).startswith("-100") else "group"

    def chat(self) -> dict[str, Any]:
        return {"id": self.chat_id, "type": self.type, "title": self.title}


class SimUser:
    """A person talking to the bot; every action pushes an Update and returns it."""

    def __init__(
        self,
        api: BotApiDouble,
        user_id: int,
        first_name: str,
        username: str | None = None,
        language_code: str | None = "zh-hans",
        last_name: str | None = None,
    ) -> None:
        if user_id <= 0:
            raise ValueError("user ids are positive")
        self.api, self.id = api, user_id
        self.first_name, self.last_name = first_name, last_name
        self.username, self.language_code = username, language_code
        self._last_sent: dict[int, dict[str, Any]] = {}

    @property
    def chat_id(self) -> int:
        """The private chat with the bot has the user's id."""
        return self.id

    def user(self) -> dict[str, Any]:
        """The Bot API User object."""
        user: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            user["last_name"] = self.last_name
        if self.username:
            user["username"] = self.username
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    def private_chat(self) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name:
            chat["last_name"] = self.last_name
        if self.username:
            chat["username"] = self.username
        return chat

    def _chat(self, chat: SimGroup | int | None) -> dict[str, Any]:
        if chat is None or chat == self.id:
            return self.private_chat()
        if isinstance(chat, SimGroup):
            return chat.chat()
        return self.api.group_by_id(chat).chat()

    async def _send(
        self,
        content: dict[str, Any],
        chat: SimGroup | int | None = None,
        reply_to: BotMessage | int | None = None,
    ) -> Update:
        chat_obj = self._chat(chat)
        message = self.api.new_user_message(self.user(), chat_obj, content, reply_to)
        if "text" in message:
            self._last_sent[chat_obj["id"]] = message
        return await self.api.push_update({"message": message})

    async def send_text(
        self,
        text: str,
        chat: SimGroup | int | None = None,
        reply_to: BotMessage | int | None = None,
    ) -> Update:
        content: dict[str, Any] = {"text": text}
        if entities := command_entities(text):
            content["entities"] = entities
        return await self._send(content, chat, reply_to)

    async def send_command(
        self, command: str, args: str = "", chat: SimGroup | int | None = None
    ) -> Update:
        command = command if command.startswith("/") else f"/{command}"
        if chat is not None and chat != self.id and "@" not in command:
            command = f"{command}@{self.api.bot_username}"
        return await self.send_text(f"{command} {args}".rstrip(), chat)

    async def tap(self, label: str, message: BotMessage | None = None) -> Update:
        """Press a reply-keyboard button (sends its label as text)."""
        message = message or self.api.last_keyboard(self.id)
        if message is None:
            raise LookupError(f"user {self.id} has no reply keyboard")
        button = message.button(label)
        if button.get("request_location") or button.get("request_contact"):
            raise ValueError(f"{label!r} shares a location/contact: use send_location/send_contact")
        return await self.send_text(label)

    async def send_location(
        self, latitude: float, longitude: float, chat: SimGroup | int | None = None
    ) -> Update:
        return await self._send({"location": {"latitude": latitude, "longitude": longitude}}, chat)

    async def send_contact(
        self, phone: str, first_name: str | None = None, user_id: int | None = None
    ) -> Update:
        contact = {
            "phone_number": phone,
            "first_name": first_name or self.first_name,
            "user_id": self.id if user_id is None else user_id,
        }
        return await self._send({"contact": contact})

    async def send_photo(
        self,
        caption: str | None = None,
        chat: SimGroup | int | None = None,
        media_group_id: str | None = None,
        content_bytes: bytes | None = None,
    ) -> Update:
        """A photo message; `content_bytes` is the original size's file (a tiny JPEG if None)."""
        content: dict[str, Any] = {"photo": self.api.new_photo_sizes(content_bytes)}
        if caption is not None:
            content["caption"] = caption
        if media_group_id is not None:
            content["media_group_id"] = media_group_id
        return await self._send(content, chat)

    async def send_album(
        self, n: int = 3, caption: str | None = None, chat: SimGroup | int | None = None
    ) -> list[Update]:
        """n photos sharing a media_group_id (the caption on the first, as clients do)."""
        group_id = str(10**17 + secrets.randbelow(10**17))
        return [
            await self.send_photo(caption if i == 0 else None, chat, group_id) for i in range(n)
        ]

    async def send_sticker(self) -> Update:
        entry = self.api.new_file("sticker", b"RIFF\x00\x00\x00\x00WEBP")
        sticker = {
            **_ids(entry.file_id, entry.file_unique_id),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "👍",
        }
        return await self._send({"sticker": sticker})

    async def send_voice(self, duration: int = 3) -> Update:
        entry = self.api.new_file("voice", b"OggS\x00voice")
        voice = {**_ids(entry.file_id, entry.file_unique_id), "duration": duration}
        voice.update(mime_type="audio/ogg", file_size=len(entry.content))
        return await self._send({"voice": voice})

    async def send_video(self, duration: int = 5) -> Update:
        entry = self.api.new_file("video", b"\x00\x00\x00\x18ftypmp42")
        video = {**_ids(entry.file_id, entry.file_unique_id), "duration": duration}
        video.update(width=640, height=360, mime_type="video/mp4", file_size=len(entry.content))
        return await self._send({"video": video})

    async def send_document(self, file_name: str = "scan.pdf") -> Update:
        entry = self.api.new_file("document", b"%PDF-1.4\n%%EOF\n")
        document = {**_ids(entry.file_id, entry.file_unique_id), "file_name": file_name}
        document.update(mime_type="application/pdf", file_size=len(entry.content))
        return await self._send({"document": document})

    async def edit_last(self, text: str, chat: SimGroup | int | None = None) -> Update:
        """Edit the user's last text message in the chat (an `edited_message` update)."""
        chat_id = self._chat(chat)["id"]
        last = self._last_sent.get(chat_id)
        if last is None or "text" not in last:
            raise LookupError(f"user {self.id} has no text message to edit in chat {chat_id}")
        edited = {**last, "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        if entities := command_entities(text):
            edited["entities"] = entities
        self._last_sent[chat_id] = edited
        self.api.store_message(edited)
        return await self.api.push_update({"edited_message": edited})

    async def press(self, message: BotMessage | int, button_text: str) -> Update:
        """Press the inline button labelled `button_text` on a bot message."""
        record = self.api.bot_message(message, self.id) if isinstance(message, int) else message
        if record.deleted:
            raise LookupError(f"message {record.message_id} was deleted")
        data = record.button(button_text).get("callback_data")
        if data is None:
            raise ValueError(f"button {button_text!r} has no callback_data")
        if record.chat_id < 0:
            return await self._callback(record.chat_id, record.message_id, data)
        return await self._callback(self.id, record.message_id, data)

    async def press_data(
        self, message_id: int, data: str, chat: SimGroup | int | None = None
    ) -> Update:
        """A forged press: arbitrary callback data on any (even missing) message."""
        return await self._callback(self._chat(chat)["id"], message_id, data)

    async def _callback(self, chat_id: int, message_id: int, data: str) -> Update:
        query = self.api.new_callback_query(self.user(), chat_id, message_id, data)
        return await self.api.push_update({"callback_query": query})


def _ids(file_id: str, unique_id: str) -> dict[str, Any]:
    return {"file_id": file_id, "file_unique_id": unique_id}
