"""What the double records: calls, exchanges, the bot's messages and stored files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Call(NamedTuple):
    """One Bot API request that passed the token check: `for method, params in api.calls`."""

    method: str
    params: dict[str, Any]


@dataclass
class Exchange:
    """A request with its outcome; `at` is time.monotonic() on arrival."""

    method: str
    params: dict[str, Any]
    at: float
    status: int = 0
    response: dict[str, Any] | None = None
    fault: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class FileEntry:
    file_id: str
    file_unique_id: str
    file_path: str
    kind: str
    content: bytes

    def as_file(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
            "file_path": self.file_path,
        }


@dataclass(eq=False)
class BotMessage:
    """A message the bot sent; `text`/`caption` are as sent (markup included), `message` is the
    current Bot API Message object (after edits), `plain_text` what the recipient reads."""

    chat_id: int
    message_id: int
    method: str
    params: dict[str, Any]
    message: dict[str, Any]
    at: float
    text: str | None = None
    caption: str | None = None
    parse_mode: str | None = None
    reply_markup: dict[str, Any] | None = None
    photo: str | None = None
    media_group_id: str | None = None
    location: dict[str, Any] | None = None
    edits: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False
    consumed: bool = field(default=False, repr=False)

    @property
    def body(self) -> str:
        """Text or caption as sent (empty for a bare photo or location)."""
        return self.text if self.text is not None else (self.caption or "")

    @property
    def plain_text(self) -> str:
        """Text or caption as the recipient reads it (HTML tags applied, entities decoded)."""
        return str(self.message.get("text") or self.message.get("caption") or "")

    def inline_buttons(self) -> list[dict[str, Any]]:
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [button for row in rows for button in row]

    def keyboard_buttons(self) -> list[dict[str, Any]]:
        rows = (self.reply_markup or {}).get("keyboard") or []
        return [b if isinstance(b, dict) else {"text": b} for row in rows for b in row]

    def buttons(self) -> list[str]:
        """Labels of the inline keyboard, or of the reply keyboard when there is none."""
        return [b["text"] for b in self.inline_buttons() or self.keyboard_buttons()]

    def button(self, label: str) -> dict[str, Any]:
        for button in self.inline_buttons() + self.keyboard_buttons():
            if button.get("text") == label:
                return button
        raise LookupError(f"no button {label!r} on message {self.message_id}: {self.buttons()}")

    def __str__(self) -> str:
        extra = f" buttons={self.buttons()}" if self.reply_markup else ""
        return f"#{self.message_id} {self.method} {self.body!r}{extra}"
