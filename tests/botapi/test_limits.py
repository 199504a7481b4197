"""The flood-limit model: sliding windows on synthetic times (no wall clock involved)."""

from __future__ import annotations

from bench.botapi_double import FloodLimits


def test_private_chat_gets_one_message_per_second() -> None:
    limits = FloodLimits()
    assert limits.admit(5, 100.0) is None
    assert limits.admit(5, 100.5) == 1
    assert limits.admit(6, 100.5) is None  # another chat is independent
    assert limits.admit(5, 101.0) is None


def test_global_limit_is_thirty_in_any_second() -> None:
    limits = FloodLimits()
    for i in range(30):
        assert limits.admit(1000 + i, 10.0 + i * 0.01) is None
    assert limits.admit(2000, 10.5) == 1
    assert limits.admit(2000, 11.0) is None  # the first one left the window


def test_group_limit_is_twenty_in_any_minute() -> None:
    limits = FloodLimits()
    for i in range(20):
        assert limits.admit(-7, i * 0.1) is None  # bursts are fine in groups
    assert limits.admit(-7, 30.0) == 30
    assert limits.admit(-7, 60.05) is None


def test_rejected_messages_do_not_use_up_the_limit() -> None:
    limits = FloodLimits(per_second=1)
    assert limits.admit(1, 0.0) is None
    for _ in range(5):
        assert limits.admit(2, 0.5) == 1
    assert limits.admit(2, 1.0) is None
