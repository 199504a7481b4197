"""Injectable clocks: the domain never calls datetime.now() directly."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, timezone-aware UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ScaledClock:
    """Domain time runs `scale` times faster than wall time from the moment of creation."""

    def __init__(self, scale: float = 1.0, start: datetime | None = None) -> None:
        self.scale = scale
        self._start = start or datetime.now(UTC)
        self._wall_start = time.monotonic()

    def now(self) -> datetime:
        elapsed = time.monotonic() - self._wall_start
        return self._start + timedelta(seconds=elapsed * self.scale)

    def wall_seconds(self, domain: timedelta) -> float:
        """How many wall seconds a span of domain time takes."""
        return domain.total_seconds() / self.scale


class FixedClock:
    """A clock for tests: stays where it is put and moves only when told."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = at.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def set(self, at: datetime) -> None:
        self._now = at.astimezone(UTC)
