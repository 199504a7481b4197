"""The pacer's arithmetic on synthetic monotonic times."""

from __future__ import annotations

from itertools import pairwise

import pytest

from bot.telegram.ratelimit import Limits, Pacer


def test_global_sends_are_spaced_evenly_below_thirty_per_second() -> None:
    pacer = Pacer(Limits(global_rate=29.0))
    at = 100.0
    times = []
    for chat in range(60):
        at = max(at, pacer.ready_at(chat))
        times.append(at)
        pacer.record(chat, at)
    assert all(b - a == pytest.approx(1 / 29) for a, b in pairwise(times))
    window = [t for t in times if times[0] <= t < times[0] + 1.0]
    assert len(window) <= 30


def test_private_chat_waits_its_interval_and_a_pause() -> None:
    pacer = Pacer(Limits(global_rate=1000, private_interval=1.05))
    pacer.record(5, 10.0)
    assert pacer.chat_ready_at(5) == pytest.approx(11.05)
    assert pacer.chat_ready_at(6) == 0.0
    pacer.pause(5, 40.0)  # e.g. 429 retry_after 30
    assert pacer.ready_at(5) == 40.0


def test_group_gets_twenty_per_window() -> None:
    limits = Limits(global_rate=1000, group_interval=0.0, group_per_minute=20, group_window=61.0)
    pacer = Pacer(limits)
    for i in range(20):
        assert pacer.chat_ready_at(-7) <= i * 0.1
        pacer.record(-7, i * 0.1)
    assert pacer.chat_ready_at(-7) == pytest.approx(61.0)
    pacer.record(-7, 61.0)
    assert pacer.chat_ready_at(-7) == pytest.approx(0.1 + 61.0)


def test_minimum_drain_is_the_tightest_telegram_bound() -> None:
    limits = Limits()
    assert limits.minimum_drain({i: 10 for i in range(1, 201)}) == pytest.approx(2000 / 30)
    assert limits.minimum_drain({1: 5}) == pytest.approx(4.0)
    assert limits.minimum_drain({-1: 45}) == pytest.approx(120.0)


def test_forget_idle_keeps_chats_that_still_must_wait() -> None:
    pacer = Pacer(Limits(global_rate=1000))
    pacer.record(1, 0.0)
    pacer.record(2, 9.5)
    pacer.forget_idle(10.0)
    assert pacer.chat_ready_at(1) == 0.0 and pacer.chat_ready_at(2) > 10.0


def test_late_sends_keep_the_grid_but_never_burst() -> None:
    pacer = Pacer(Limits(global_rate=10.0))  # grid of 0.1 s
    pacer.record(1, 0.0)
    pacer.record(2, 0.14)  # 0.04 late: the grid holds
    assert pacer.global_ready_at == pytest.approx(0.2)
    pacer.record(3, 0.5)  # 0.3 late (idle): a new grid starts here, no catching up
    assert pacer.global_ready_at == pytest.approx(0.6)


async def test_the_sender_paces_at_the_configured_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    """GRIDDESK_SENDER_RATE reaches the pacer of the sender that `run_sender` starts."""
    from bot.settings import Settings
    from bot.workers import sender as sender_module

    started: list[float] = []

    class RecordingSender:
        def __init__(self, *args: object, config: sender_module.SenderConfig, **kwargs: object):
            started.append(config.limits.global_rate)

        async def __aenter__(self) -> RecordingSender:
            return self

        async def __aexit__(self, *exc: object) -> None:
            return None

        async def run(self) -> None:
            return None

    monkeypatch.setattr(sender_module, "Sender", RecordingSender)
    settings = Settings.model_validate(
        {"TELEGRAM_BOT_TOKEN": "1:x", "GRIDDESK_SENDER_RATE": "14.5"})
    await sender_module.run_sender(None, None, settings)  # type: ignore[arg-type]
    assert started == [14.5]
    with pytest.raises(ValueError):
        Settings.model_validate({"GRIDDESK_SENDER_RATE": "31"})  # above Telegram's limit
