"""Telegram's flood limits as the double enforces them (sliding windows, monotonic seconds)."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

# Methods that post a message into a chat and so count towards the limits.
SENDING_METHODS = frozenset(
    m.lower()
    for m in (
        "sendMessage",
        "sendPhoto",
        "sendMediaGroup",
        "sendLocation",
        "sendDocument",
        "sendVideo",
        "sendVoice",
        "sendAudio",
        "sendSticker",
        "sendContact",
        "sendVenue",
        "sendAnimation",
        "copyMessage",
        "forwardMessage",
    )
)


@dataclass
class FloodLimits:
    """At most `per_second` messages in any 1 s, one per `private_interval` s in a private chat,
    `group_per_minute` in any 60 s in a group (negative chat id)."""

    per_second: int = 30
    private_interval: float = 1.0
    group_per_minute: int = 20
    _global: deque[float] = field(default_factory=deque)
    _private: dict[int, float] = field(default_factory=dict)
    _groups: dict[int, deque[float]] = field(default_factory=dict)

    def admit(self, chat_id: int | None, now: float) -> int | None:
        """Record a message at `now` and return None, or return retry_after seconds (429)."""
        wait = self._wait(chat_id, now)
        if wait > 0:
            return max(1, math.ceil(wait))
        self._global.append(now)
        if chat_id is not None and chat_id > 0:
            self._private[chat_id] = now
        elif chat_id is not None:
            self._groups.setdefault(chat_id, deque()).append(now)
        return None

    def _wait(self, chat_id: int | None, now: float) -> float:
        while self._global and self._global[0] <= now - 1.0:
            self._global.popleft()
        waits = [0.0]
        if len(self._global) >= self.per_second:
            waits.append(self._global[0] + 1.0 - now)
        if chat_id is not None and chat_id > 0 and chat_id in self._private:
            waits.append(self._private[chat_id] + self.private_interval - now)
        elif chat_id is not None and chat_id < 0:
            window = self._groups.get(chat_id)
            while window and window[0] <= now - 60.0:
                window.popleft()
            if window and len(window) >= self.group_per_minute:
                waits.append(window[0] + 60.0 - now)
        return max(waits)
