"""SIGTERM and SIGINT: stop taking updates, finish those in flight within a bound, say so once."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

log = logging.getLogger("griddesk")

SIGNALS = (signal.SIGTERM, signal.SIGINT)


@dataclass
class StopReport:
    """What a stop did, for its one log line."""

    finished: int = 0  # updates in flight when the stop began that were handled
    abandoned: int = 0  # cancelled at the bound, not confirmed: Telegram delivers them again
    offset: int | None = None  # polling: the offset confirmed last
    started: float = field(default_factory=time.monotonic)


@contextlib.contextmanager
def stop_on_signals(stop: asyncio.Event) -> Iterator[list[str]]:
    """Set `stop` on SIGTERM or SIGINT while the context is open; yields the signals' names."""
    loop = asyncio.get_running_loop()
    received: list[str] = []

    def on_signal(sig: signal.Signals) -> None:
        received.append(sig.name)
        stop.set()

    installed = []
    for sig in SIGNALS:
        try:
            loop.add_signal_handler(sig, on_signal, sig)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
            continue
        installed.append(sig)
    try:
        yield received
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)


def log_stop(mode: str, received: list[str], report: StopReport) -> None:
    """The one line a stop leaves in the log (after the jobs stopped and the database closed)."""
    cause = received[0] if received else "a stop request"
    offset = f"; offset confirmed up to {report.offset}" if report.offset is not None else ""
    seconds = time.monotonic() - report.started
    log.info(
        "%s stopped on %s: intake closed; %d update(s) in flight finished, %d cancelled at "
        "the GRIDDESK_SHUTDOWN_GRACE bound (unconfirmed: Telegram delivers them again)%s; "
        "background jobs stopped, database closed; %.1f s",
        mode,
        cause,
        report.finished,
        report.abandoned,
        offset,
        seconds,
    )
