"""Pacing to Telegram's flood limits: ~30 messages/s overall, 1/s per private chat, 20/min per
group. Pure bookkeeping on monotonic seconds, so it is tested without a clock.

The sender asks `ready_at(chat)` and dispatches a message only then; `record(chat, at)` books it.
Global sends follow an even grid slightly under the limit (29/s, no bursts), so that timer lag
and network jitter never squeeze 31 messages into one second at the server.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Telegram's limits with safety margins; these are wall seconds, never time-scaled."""

    global_rate: float = 29.0  # messages per second over all chats (Telegram: about 30)
    private_interval: float = 1.05  # seconds between two messages to one private chat (1)
    group_interval: float = 1.05  # seconds between two messages to one group
    group_per_minute: int = 20  # messages per group in any window of...
    group_window: float = 61.0  # ...this many seconds (Telegram: 20 per minute)

    def minimum_drain(self, per_chat: dict[int, int], telegram_rate: float = 30.0) -> float:
        """Seconds Telegram's own limits need at least to accept these messages."""
        total = sum(per_chat.values())
        bounds = [total / telegram_rate]
        for chat_id, count in per_chat.items():
            if chat_id > 0:
                bounds.append(max(count - 1, 0) * 1.0)
            else:
                bounds.append(max(count - 1, 0) // 20 * 60.0)
        return max(bounds)


class Pacer:
    """When may the next message go out, globally and per chat."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._next_global = 0.0
        self._chat_next: dict[int, float] = {}
        self._group_sent: dict[int, deque[float]] = {}

    @property
    def global_ready_at(self) -> float:
        return self._next_global

    def chat_ready_at(self, chat_id: int) -> float:
        ready = self._chat_next.get(chat_id, 0.0)
        sent = self._group_sent.get(chat_id)
        if sent is not None and len(sent) >= self.limits.group_per_minute:
            ready = max(ready, sent[0] + self.limits.group_window)
        return ready

    def ready_at(self, chat_id: int) -> float:
        return max(self._next_global, self.chat_ready_at(chat_id))

    def record(self, chat_id: int, at: float) -> None:
        """A message to `chat_id` left at `at`."""
        interval = 1.0 / self.limits.global_rate
        # Keep to the grid when a send was up to half an interval late (timer lag), so the
        # average rate holds; later than that, start a new grid at this send. Every send lies
        # within half an interval after its grid point: never 31 in one second at 29/s.
        if at - self._next_global <= interval / 2:
            self._next_global += interval
        else:
            self._next_global = at + interval
        if chat_id > 0:
            self._chat_next[chat_id] = at + self.limits.private_interval
            return
        self._chat_next[chat_id] = at + self.limits.group_interval
        sent = self._group_sent.setdefault(chat_id, deque(maxlen=self.limits.group_per_minute))
        sent.append(at)

    def pause(self, chat_id: int, until: float) -> None:
        """Nothing to `chat_id` before `until` (429 retry_after, backoff)."""
        self._chat_next[chat_id] = max(self._chat_next.get(chat_id, 0.0), until)

    def forget_idle(self, now: float) -> None:
        """Drop bookkeeping of chats that could send right now anyway (bounded memory)."""
        window = self.limits.group_window
        for chat_id in [c for c, t in self._chat_next.items() if t <= now]:
            sent = self._group_sent.get(chat_id)
            if sent and sent[-1] > now - window:
                continue
            del self._chat_next[chat_id]
            self._group_sent.pop(chat_id, None)
