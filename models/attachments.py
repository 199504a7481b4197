"""Attachments by opaque reference.

A ticket, a draft and an outbox row keep a file as `<channel>:<key>` (today `tg:<file_id>`),
never as a channel's own handle: the domain does not know what a Telegram file id is, and a
ticket filed through another channel (an API client's URL, a visit's upload) keeps its files in
the same list. The channel that sends a message resolves the references it can deliver
(`telegram_file_id`) and skips the others.
"""

from __future__ import annotations

from collections.abc import Iterable

TELEGRAM = "tg"


def attachment_ref(channel: str, key: str) -> str:
    """The stored reference of a file `key` known to `channel`."""
    return f"{channel}:{key}"


def telegram_file_id(ref: str) -> str | None:
    """The Telegram file id behind `ref`; None for a file of another channel. A value without
    a channel prefix is a Telegram file id stored before references existed (their alphabet
    has no colon)."""
    channel, colon, key = ref.partition(":")
    if not colon:
        return ref or None
    return key if channel == TELEGRAM and key else None


def telegram_file_ids(refs: Iterable[object]) -> list[str]:
    """The Telegram file ids of `refs`, in order, skipping files Telegram cannot send."""
    return [file_id for ref in refs if ref if (file_id := telegram_file_id(str(ref)))]
