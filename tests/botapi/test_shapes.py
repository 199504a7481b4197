"""Raw HTTP against the double: encodings, answer shapes, updates parsed by both libraries."""

from __future__ import annotations

import json
import time
from typing import Any

import aiohttp
import pytest
from aiogram.types import Update as AiogramUpdate
from telegram import Update as PtbUpdate

from bench.botapi_double import BotApiDouble


async def call(api: BotApiDouble, method: str, how: str = "json", **params: Any) -> tuple[int, Any]:
    url = f"{api.api_url}/{method}"
    async with aiohttp.ClientSession() as session:
        if how == "get":
            query = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
            request = session.get(url, params=query)
        elif how == "json":
            request = session.post(url, json=params)
        else:
            form = aiohttp.FormData()
            for key, value in params.items():
                form.add_field(key, value if isinstance(value, str) else json.dumps(value))
            if how == "multipart":
                form.add_field("photo_file", b"\xff\xd8fake", filename="p.jpg")
            request = session.post(url, data=form)
        async with request as response:
            return response.status, await response.json()


def parse_both(update: dict[str, Any]) -> None:
    """Both libraries accept the update; aiogram forbids nothing missing, PTB keeps the ids."""
    parsed = AiogramUpdate.model_validate(update)
    assert parsed.update_id == update["update_id"]
    ptb = PtbUpdate.de_json(update, None)
    assert ptb is not None and ptb.update_id == update["update_id"]


async def test_get_me_is_shaped_like_the_bot_api(api: BotApiDouble) -> None:
    status, body = await call(api, "getMe", how="get")
    assert status == 200 and body["ok"] is True
    me = body["result"]
    assert me["is_bot"] is True and me["id"] == int(api.token.split(":")[0])
    assert {"can_join_groups", "can_read_all_group_messages", "supports_inline_queries"} <= set(me)


@pytest.mark.parametrize("how", ["get", "json", "form", "multipart"])
async def test_every_request_encoding_sends_a_message(api: BotApiDouble, how: str) -> None:
    markup = {"inline_keyboard": [[{"text": "接单", "callback_data": "t:1"}]]}
    status, body = await call(
        api, "sendMessage", how=how, chat_id="1001", text="<b>新工单</b> TBH", parse_mode="HTML",
        reply_markup=markup,
    )  # fmt: skip
    assert status == 200, body
    message = body["result"]
    assert message["chat"] == {"id": 1001, "type": "private", "first_name": "用户"}
    assert message["text"] == "新工单 TBH"
    assert message["entities"] == [{"type": "bold", "offset": 0, "length": 3}]
    assert message["reply_markup"] == markup
    assert message["from"]["is_bot"] is True
    assert abs(message["date"] - time.time()) < 120  # seconds, not milliseconds
    sent = api.messages_to(1001)
    assert [(m.text, m.parse_mode, m.reply_markup) for m in sent] == [
        ("<b>新工单</b> TBH", "HTML", markup)
    ]
    assert api.calls[-1].method == "sendMessage" and api.calls[-1].params["chat_id"] == 1001


async def test_bad_token_unknown_method_and_bad_html_are_errors(api: BotApiDouble) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{api.base_url}/bot1:wrong/getMe") as response,
    ):
        assert response.status == 401
        assert await response.json() == {
            "ok": False, "error_code": 401, "description": "Unauthorized"
        }  # fmt: skip
    status, body = await call(api, "sendTelepathy", chat_id=1)
    assert (status, body) == (404, {"ok": False, "error_code": 404, "description": "Not Found"})
    status, body = await call(api, "sendMessage", chat_id=1, text="a<br>b", parse_mode="HTML")
    assert status == 400 and body["description"].startswith("Bad Request: can't parse entities")
    status, body = await call(api, "sendMessage", chat_id=1, text="<b>x", parse_mode="HTML")
    assert status == 400 and "end tag" in body["description"]
    status, body = await call(api, "sendMessage", chat_id=1, text="  ")
    assert (status, body["description"]) == (400, "Bad Request: message text is empty")
    status, body = await call(api, "sendMessage", chat_id=1, text="x" * 4097)
    assert (status, body["description"]) == (400, "Bad Request: message is too long")
    too_long = {"inline_keyboard": [[{"text": "a", "callback_data": "x" * 65}]]}
    status, body = await call(api, "sendMessage", chat_id=1, text="t", reply_markup=too_long)
    assert (status, body["description"]) == (400, "Bad Request: BUTTON_DATA_INVALID")


async def test_html_entities_use_utf16_offsets_and_escapes(api: BotApiDouble) -> None:
    text = '😀 <i>a &lt;b&gt;</i> <a href="https://x.cn/?a=1&amp;b=2">链接</a>'
    status, body = await call(api, "sendMessage", chat_id=5, text=text, parse_mode="HTML")
    assert status == 200
    assert body["result"]["text"] == "😀 a <b> 链接"
    assert body["result"]["entities"] == [
        {"type": "italic", "offset": 3, "length": 5},
        {"type": "text_link", "offset": 9, "length": 2, "url": "https://x.cn/?a=1&b=2"},
    ]


async def test_every_simulated_action_parses_in_aiogram_and_ptb(api: BotApiDouble) -> None:
    user = api.user(1001, first_name="王芳", username="wangfang")
    group = api.group(-1001234567890, "明德花园网格群")
    status, _ = await call(
        api, "sendMessage", chat_id=1001, text="请确认",
        reply_markup={"inline_keyboard": [[{"text": "确认提交", "callback_data": "c:1"}]]},
    )  # fmt: skip
    assert status == 200
    bot_message = api.messages_to(user)[0]
    updates = [
        await user.send_text("小区路灯坏了"),
        await user.send_command("/start", args="bind_abc"),
        await user.send_location(31.23, 121.47),
        await user.send_contact("+8613800000000", "王芳"),
        await user.send_photo(caption="现场照片"),
        *(await user.send_album(3)),
        await user.send_sticker(),
        await user.send_voice(),
        await user.send_video(),
        await user.send_document(),
        await user.edit_last("小区路灯坏了两盏"),
        await user.press(bot_message, "确认提交"),
        await user.press_data(999, "forged:1"),
        await user.send_text("大家好", chat=group),
        await user.send_command("/tasks", chat=group),
    ]
    for update in updates:
        parse_both(update)
    command = updates[1]["message"]
    assert command["text"] == "/start bind_abc"
    assert command["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    press = updates[-4]["callback_query"]
    assert press["data"] == "c:1" and press["message"]["message_id"] == bot_message.message_id
    assert {"id", "from", "chat_instance", "message", "data"} <= set(press)
    assert updates[-3]["callback_query"]["message"]["date"] == 0  # inaccessible message
    album = [u["message"] for u in updates[5:8]]
    assert len({m["media_group_id"] for m in album}) == 1
    assert updates[-1]["message"]["text"] == "/tasks@griddesk_test_bot"
    assert updates[-1]["message"]["chat"]["type"] == "supergroup"
    ids = [u["update_id"] for u in updates]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


async def test_get_updates_offset_confirms_and_a_repush_is_redelivered(api: BotApiDouble) -> None:
    user = api.user(7)
    first = await user.send_text("一")
    second = await user.send_text("二")
    _, body = await call(api, "getUpdates")
    assert [u["update_id"] for u in body["result"]] == [first["update_id"], second["update_id"]]
    _, body = await call(api, "getUpdates", offset=second["update_id"] + 1, timeout=0)
    assert body["result"] == []
    api.push_update(first)  # the same update delivered twice
    _, body = await call(api, "getUpdates", offset=second["update_id"] + 1)
    assert [u["update_id"] for u in body["result"]] == [first["update_id"]]
    _, body = await call(api, "getUpdates", offset=second["update_id"] + 1)
    assert body["result"] == []


async def test_allowed_updates_filters_and_limit_applies(api: BotApiDouble) -> None:
    user = api.user(8)
    await user.send_text("a")
    await user.send_text("b")
    api.push_update({"message_reaction": {"chat": {"id": 8, "type": "private"}}})
    _, body = await call(api, "getUpdates", limit=1)
    assert len(body["result"]) == 1
    _, body = await call(api, "getUpdates", allowed_updates=["callback_query"])
    assert body["result"] == []
    assert api.pending_update_count == 0


async def test_edits_deletes_answers_and_commands(api: BotApiDouble) -> None:
    user = api.user(9)
    markup = {"inline_keyboard": [[{"text": "接单", "callback_data": "a"}]]}
    _, body = await call(api, "sendMessage", chat_id=9, text="卡片", reply_markup=markup)
    mid = body["result"]["message_id"]
    status, body = await call(api, "editMessageText", chat_id=9, message_id=mid, text="卡片",
                              reply_markup=markup)  # fmt: skip
    assert status == 400 and "message is not modified" in body["description"]
    status, body = await call(api, "editMessageReplyMarkup", chat_id=9, message_id=mid)
    assert status == 200 and "reply_markup" not in body["result"] and body["result"]["edit_date"]
    status, body = await call(api, "editMessageText", chat_id=9, message_id=mid, text="已接单")
    assert status == 200 and api.bot_message(mid, user).plain_text == "已接单"
    status, body = await call(api, "editMessageText", chat_id=9, message_id=404, text="x")
    assert (status, body["description"]) == (400, "Bad Request: message to edit not found")
    assert (await call(api, "deleteMessage", chat_id=9, message_id=mid))[0] == 200
    assert api.bot_message(mid, user).deleted
    status, body = await call(api, "deleteMessage", chat_id=9, message_id=mid)
    assert (status, body["description"]) == (400, "Bad Request: message to delete not found")
    status, _ = await call(api, "answerCallbackQuery", callback_query_id="123")
    assert status == 400
    commands = [
        {"command": "start", "description": "开始"},
        {"command": "tasks", "description": "任务"},
    ]
    assert (await call(api, "setMyCommands", commands=commands, language_code="zh"))[0] == 200
    assert (await call(api, "getMyCommands", language_code="zh"))[1]["result"] == commands
    assert (await call(api, "getMyCommands"))[1]["result"] == []
    bad = [{"command": "Bad!", "description": "x"}]
    assert (await call(api, "setMyCommands", commands=bad))[0] == 400
    assert (await call(api, "deleteMyCommands", language_code="zh"))[0] == 200
    assert (await call(api, "getMyCommands", language_code="zh"))[1]["result"] == []
    for method in ("close", "logOut"):
        assert (await call(api, method))[1] == {"ok": True, "result": True}


async def test_photos_media_groups_locations_and_files(api: BotApiDouble) -> None:
    user = api.user(10)
    update = await user.send_photo()
    file_id = update["message"]["photo"][-1]["file_id"]
    status, body = await call(api, "sendPhoto", chat_id=10, photo=file_id, caption="<b>图</b>",
                              parse_mode="HTML")  # fmt: skip
    assert status == 200 and body["result"]["caption"] == "图"
    assert body["result"]["photo"][-1]["file_id"] == file_id
    assert (await call(api, "sendPhoto", chat_id=10, photo="nonsense"))[0] == 400
    status, body = await call(
        api, "sendPhoto", how="multipart", chat_id="10", photo="attach://photo_file"
    )
    assert status == 200 and len(body["result"]["photo"]) == 4
    media = [
        {"type": "photo", "media": file_id, "caption": "一"},
        {"type": "photo", "media": file_id},
    ]
    status, body = await call(api, "sendMediaGroup", chat_id=10, media=media)
    assert status == 200 and len(body["result"]) == 2
    assert len({m["media_group_id"] for m in body["result"]}) == 1
    status, body = await call(api, "sendLocation", chat_id=10, latitude=31.2, longitude=121.5)
    assert status == 200 and body["result"]["location"] == {"latitude": 31.2, "longitude": 121.5}
    assert (await call(api, "sendChatAction", chat_id=10, action="typing"))[1]["result"] is True
    assert (await call(api, "sendChatAction", chat_id=10, action="dancing"))[0] == 400
    status, body = await call(api, "getFile", file_id=file_id)
    assert status == 200 and body["result"]["file_path"].startswith("photos/")
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{api.file_url}/{body['result']['file_path']}") as response,
    ):
        assert response.status == 200
        assert (await response.read()).startswith(b"\xff\xd8")
    assert [m.method for m in api.messages_to(user)] == [
        "sendPhoto", "sendPhoto", "sendMediaGroup", "sendMediaGroup", "sendLocation"
    ]  # fmt: skip


async def test_wait_for_returns_each_message_once_and_reports_what_was_sent(
    api: BotApiDouble,
) -> None:
    for text in ("已受理", "已办结"):
        await call(api, "sendMessage", chat_id=11, text=text)
    assert (await api.wait_for(11, "已办结")).text == "已办结"
    assert (await api.wait_for(11)).text == "已受理"
    with pytest.raises(AssertionError, match="已受理"):
        await api.wait_for(11, timeout=0.05)
