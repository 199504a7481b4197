"""Transport-agnostic events in and replies out: what adapters translate to and from Telegram."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal


class Kind(StrEnum):
    """What an incoming event carries."""

    TEXT = "text"
    COMMAND = "command"
    CALLBACK = "callback"
    LOCATION = "location"
    CONTACT = "contact"
    PHOTO = "photo"
    UNSUPPORTED = "unsupported"  # stickers, voice, video, documents, polls...
    EDITED = "edited"
    IGNORED = "ignored"  # update types the bot does not act on


@dataclass(frozen=True)
class Sender:
    user_id: int
    first_name: str = ""
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part).strip()


@dataclass(frozen=True)
class Incoming:
    """One Telegram update reduced to what the core needs."""

    update_id: int
    kind: Kind
    chat_id: int | None = None
    chat_type: str = "private"
    sender: Sender | None = None
    text: str | None = None  # message text, caption, or the command's argument string
    command: str | None = None  # "start" for "/start@bot bind_x"
    callback_id: str | None = None
    callback_data: str | None = None
    message_id: int | None = None  # the message a button was on
    location: tuple[float, float] | None = None
    phone: str | None = None
    contact_user_id: int | None = None
    photo: str | None = None  # an attachment reference (models.attachments)
    photo_size: int | None = None
    media_group_id: str | None = None
    unsupported: str | None = None  # "sticker", "voice", ...

    @property
    def is_private(self) -> bool:
        return self.chat_type == "private"


@dataclass(frozen=True)
class Button:
    text: str
    data: str | None = None
    request_location: bool = False
    request_contact: bool = False

    def to_api(self, inline: bool) -> dict[str, Any]:
        if inline:
            return {"text": self.text, "callback_data": self.data or "-"}
        button: dict[str, Any] = {"text": self.text}
        if self.request_location:
            button["request_location"] = True
        if self.request_contact:
            button["request_contact"] = True
        return button


@dataclass(frozen=True)
class Keyboard:
    kind: Literal["inline", "reply", "remove"]
    rows: tuple[tuple[Button, ...], ...] = ()

    @classmethod
    def inline(cls, *rows: list[Button] | tuple[Button, ...]) -> Keyboard:
        return cls("inline", tuple(tuple(row) for row in rows if row))

    @classmethod
    def reply(cls, *rows: list[Button] | tuple[Button, ...]) -> Keyboard:
        return cls("reply", tuple(tuple(row) for row in rows if row))

    @classmethod
    def remove(cls) -> Keyboard:
        return cls("remove")

    def to_api(self) -> dict[str, Any]:
        """The Bot API `reply_markup` object for this keyboard."""
        if self.kind == "remove":
            return {"remove_keyboard": True}
        rows = [[button.to_api(self.kind == "inline") for button in row] for row in self.rows]
        if self.kind == "inline":
            return {"inline_keyboard": rows}
        return {"keyboard": rows, "resize_keyboard": True, "is_persistent": True}


@dataclass(frozen=True)
class Reply:
    """A message to send (or edit) now, in the chat the update came from or another."""

    chat_id: int
    text: str  # HTML; everything user-provided in it is already escaped
    keyboard: Keyboard | None = None
    photos: tuple[str, ...] = ()
    edit_message_id: int | None = None
    # The outbox row recording this reply until it is sent (handlers/replies.py), if any.
    journal_id: int | None = field(default=None, compare=False)

    def snapshot(self) -> dict[str, Any]:
        """What the reply says, channel-neutral (its text, buttons and photos): how a `reply`
        row of the outbox keeps it until it is sent (`from_snapshot` reads it back)."""
        kept: dict[str, Any] = {"text": self.text}
        if self.keyboard is not None:
            kept["keyboard"] = {"kind": self.keyboard.kind,
                                "rows": [[asdict(b) for b in row] for row in self.keyboard.rows]}
        if self.photos:
            kept["photos"] = list(self.photos)
        return kept

    @classmethod
    def from_snapshot(cls, chat_id: int, kept: dict[str, Any]) -> Reply:
        keyboard = kept.get("keyboard")
        if keyboard is not None:
            rows = tuple(tuple(Button(**b) for b in row) for row in keyboard.get("rows", ()))
            keyboard = Keyboard(keyboard["kind"], rows)
        return cls(chat_id, kept.get("text", ""), keyboard, tuple(kept.get("photos", ())))

    def to_payload(self) -> dict[str, Any]:
        """The Bot API payload: what the sender turns into sendMessage / sendPhoto."""
        payload: dict[str, Any] = {"text": self.text, "parse_mode": "HTML"}
        if self.keyboard is not None:
            payload["reply_markup"] = self.keyboard.to_api()
        if self.photos:
            payload["photos"] = list(self.photos)
        return payload


@dataclass(frozen=True)
class CallbackAnswer:
    callback_id: str
    text: str | None = None
    alert: bool = False


@dataclass(frozen=True)
class LocalFile:
    """A file made for this update (a chart, a ledger) to upload to `chat_id`."""

    chat_id: int
    path: Path
    kind: Literal["photo", "document"]


@dataclass
class Outcome:
    """Everything the adapter must do after the core committed an update."""

    replies: list[Reply] = field(default_factory=list)
    answer: CallbackAnswer | None = None
    files: list[LocalFile] = field(default_factory=list)
