"""Outcome classification and payload → Bot API calls (pure)."""

from __future__ import annotations

import pytest

from bot.telegram.sender_api import Outcome, build_steps, classify


@pytest.mark.parametrize(
    ("status", "body", "outcome"),
    [
        (200, {"ok": True, "result": {"message_id": 1}}, Outcome.OK),
        (429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 5",
               "parameters": {"retry_after": 5}}, Outcome.RETRY_AFTER),
        (500, {"ok": False, "error_code": 500, "description": "Internal Server Error"},
         Outcome.TRANSIENT),
        (502, "<html>Bad Gateway</html>", Outcome.TRANSIENT),
        (403, {"ok": False, "error_code": 403,
               "description": "Forbidden: bot was blocked by the user"}, Outcome.PERMANENT),
        (400, {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"},
         Outcome.PERMANENT),
        (400, {"ok": False, "error_code": 400, "description": "Bad Request: group chat was "
               "upgraded to a supergroup chat", "parameters": {"migrate_to_chat_id": -1009}},
         Outcome.MIGRATE),
        (401, {"ok": False, "error_code": 401, "description": "Unauthorized"}, Outcome.TRANSIENT),
    ],
)  # fmt: skip
def test_classify(status: int, body: object, outcome: Outcome) -> None:
    result = classify(status, body)
    assert result.outcome is outcome
    if outcome is Outcome.RETRY_AFTER:
        assert result.retry_after == 5
    if outcome is Outcome.MIGRATE:
        assert result.migrate_to == -1009


def test_text_only_is_one_send_message_with_html_and_keyboard() -> None:
    markup = {"inline_keyboard": [[{"text": "接单", "callback_data": "t1"}]]}
    steps = build_steps(7, {"text": "<b>工单</b>", "reply_markup": markup})
    assert steps == [
        ("sendMessage", {"chat_id": 7, "text": "<b>工单</b>", "parse_mode": "HTML",
                         "reply_markup": markup})
    ]  # fmt: skip


def test_one_photo_carries_the_text_as_caption_unless_too_long() -> None:
    markup = {"inline_keyboard": [[{"text": "接单", "callback_data": "t1"}]]}
    steps = build_steps(7, {"text": "卡片", "reply_markup": markup, "photos": ["F1"]})
    assert steps == [
        ("sendPhoto", {"chat_id": 7, "photo": "F1", "caption": "卡片", "parse_mode": "HTML",
                       "reply_markup": markup})
    ]  # fmt: skip
    long_steps = build_steps(7, {"text": "长" * 1500, "photos": ["F1"]})
    assert [m for m, _ in long_steps] == ["sendPhoto", "sendMessage"]
    assert "caption" not in long_steps[0][1]


def test_several_photos_become_albums_of_ten_then_the_text() -> None:
    photos = [f"F{i}" for i in range(12)]
    steps = build_steps(-5, {"text": "卡片", "photos": photos, "parse_mode": None})
    assert [m for m, _ in steps] == ["sendMediaGroup", "sendMediaGroup", "sendMessage"]
    assert [len(p["media"]) for _, p in steps[:2]] == [10, 2]
    assert steps[2][1] == {"chat_id": -5, "text": "卡片"}
    assert build_steps(1, {"photos": ["A", "B", "C"] * 0}) == []


def test_attachment_references_resolve_to_telegram_file_ids() -> None:
    """`tg:<file_id>` is sent as the file id; a file of another channel is skipped; a bare id
    (stored before references existed) is a Telegram file id."""
    steps = build_steps(7, {"text": "卡片", "photos": ["tg:F1", "https:example.org/a.jpg"]})
    assert steps == [("sendPhoto", {"chat_id": 7, "photo": "F1", "caption": "卡片",
                                    "parse_mode": "HTML"})]  # fmt: skip
    album = build_steps(7, {"text": "卡片", "photos": ["tg:F1", "F2"]})
    assert [p["media"] for m, p in album if m == "sendMediaGroup"] == [
        [{"type": "photo", "media": "F1"}, {"type": "photo", "media": "F2"}]
    ]
    assert build_steps(7, {"text": "", "photos": ["visit:upload/7.jpg"]}) == []
