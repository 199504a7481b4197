"""Bot API method implementations (answers shaped as https://core.telegram.org/bots/api)."""

from __future__ import annotations

import asyncio
import copy
import json
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from .entities import EntityParseError, format_text
from .errors import ApiError, bad_request
from .records import BotMessage

if TYPE_CHECKING:
    from .server import BotApiDouble

Params = dict[str, Any]
Files = dict[str, bytes]
Handler = Callable[["BotApiDouble", Params, Files], Awaitable[Any]]
HANDLERS: dict[str, tuple[str, Handler]] = {}

_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_CHAT_ACTIONS = frozenset(
    [
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    ]
)
_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)


def method(name: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        HANDLERS[name.lower()] = (name, func)
        return func

    return register


def _formatted(text: Any, parse_mode: Any, what: str, limit: int) -> tuple[str, list[Any]]:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    try:
        plain, entities = format_text(text, parse_mode)
    except EntityParseError as exc:
        raise bad_request(f"can't parse entities: {exc}") from None
    if what == "text" and not plain:
        raise bad_request("message text is empty")
    if len(plain) > limit:
        raise bad_request(
            "message is too long" if what == "text" else "message caption is too long"
        )
    return plain, entities


def _check_markup(markup: Any) -> dict[str, Any] | None:
    """Validate a reply_markup like the server does; return it (None when absent)."""
    if markup in (None, ""):
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request(
                'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
            )
        for button in (b for row in rows for b in row):
            if not isinstance(button, dict) or not button.get("text"):
                raise bad_request("can't parse inline keyboard button: Text is empty")
            actions = [a for a in _BUTTON_ACTIONS if a in button]
            if len(actions) != 1:
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the "
                    "inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise bad_request("BUTTON_DATA_INVALID")
    elif "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request(
                'field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays'
            )
        for button in (b for row in rows for b in row):
            text = button.get("text") if isinstance(button, dict) else button
            if not text:
                raise bad_request("can't parse keyboard button: Text is empty")
    elif not ("remove_keyboard" in markup or "force_reply" in markup):
        raise bad_request('can\'t find field "inline_keyboard"')
    return markup


def _int_param(params: Params, name: str) -> int:
    value = params.get(name)
    if not isinstance(value, int):
        raise bad_request(f"{name} is empty" if value is None else f"invalid {name} specified")
    return value


class Methods:
    """Mixed into BotApiDouble: helpers shared by the method handlers."""

    def _new_bot_message(  # type: ignore[misc]
        self: BotApiDouble,
        method_name: str,
        params: Params,
        content: dict[str, Any],
        **fields: Any,
    ) -> BotMessage:
        chat = self.chat_for_send(params.get("chat_id"))
        message: dict[str, Any] = {
            "message_id": self.allocate_message_id(chat["id"]),
            "from": self.bot_user(),
            "chat": copy.deepcopy(chat),
            "date": int(time.time()),
        }
        reply = params.get("reply_parameters") or {}
        reply_id = reply.get("message_id") if isinstance(reply, dict) else None
        reply_id = reply_id or params.get("reply_to_message_id")
        if reply_id:
            replied = self.stored_message(chat["id"], int(reply_id))
            if replied is not None:
                message["reply_to_message"] = copy.deepcopy(replied)
            elif not (
                params.get("allow_sending_without_reply")
                or reply.get("allow_sending_without_reply")
            ):
                raise bad_request("message to be replied not found")
        message.update(content)
        markup = fields.get("reply_markup")
        if markup and "inline_keyboard" in markup:
            message["reply_markup"] = copy.deepcopy(markup)
        record = BotMessage(
            chat_id=chat["id"],
            message_id=message["message_id"],
            method=method_name,
            params=params,
            message=message,
            at=time.monotonic(),
            **fields,
        )
        self.record_bot_message(record)
        return record

    def _photo_sizes(self: BotApiDouble, photo: Any, files: Files) -> tuple[str, list[Any]]:  # type: ignore[misc]
        """Resolve a photo parameter (file_id, attach://name, URL) to (file_id, PhotoSize[])."""
        if not isinstance(photo, str) or not photo:
            raise bad_request("there is no photo in the request")
        if photo.startswith("attach://"):
            content = files.get(photo.removeprefix("attach://"))
            if content is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            sizes = self.new_photo_sizes(content)
            return photo, sizes
        if photo.startswith(("http://", "https://")):
            return photo, self.new_photo_sizes()
        entry = self.files.get(photo)
        if entry is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        if entry.kind != "photo":
            raise bad_request(f"can't use file of type {entry.kind.capitalize()} as Photo")
        sizes = [s for s in self.new_photo_sizes()[:-1]]
        sizes.append(
            {
                "file_id": entry.file_id,
                "file_unique_id": entry.file_unique_id,
                "file_size": len(entry.content),
                "width": 1280,
                "height": 960,
            }
        )
        return photo, sizes

    def _editable(self: BotApiDouble, params: Params) -> BotMessage:  # type: ignore[misc]
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not supported by the local double")
        chat_id, message_id = params.get("chat_id"), params.get("message_id")
        if not isinstance(chat_id, int) or chat_id not in self._chats:
            raise bad_request("chat not found")
        if not isinstance(message_id, int):
            raise bad_request("message identifier is not specified")
        try:
            record = self.bot_message(message_id, chat_id)
        except LookupError:
            if self.stored_message(chat_id, message_id) is not None:
                raise bad_request("message can't be edited") from None
            raise bad_request("message to edit not found") from None
        if record.deleted:
            raise bad_request("message to edit not found")
        return record


def _apply_edit(
    record: BotMessage, params: Params, changes: dict[str, Any], markup: dict[str, Any] | None
) -> dict[str, Any]:
    message = record.message
    new = {**message, **changes}
    new.pop("reply_markup", None)
    if markup and "inline_keyboard" in markup:
        new["reply_markup"] = copy.deepcopy(markup)
    for key in ("entities", "caption_entities"):
        if key in new and not new[key]:
            del new[key]
    compare = ("text", "entities", "caption", "caption_entities", "reply_markup")
    if all(new.get(k) == message.get(k) for k in compare):
        raise bad_request(_NOT_MODIFIED)
    new["edit_date"] = int(time.time())
    record.message.clear()
    record.message.update(new)
    record.reply_markup = markup
    record.edits.append(dict(params))
    return copy.deepcopy(new)


# --- bot, updates, webhook ---------------------------------------------------------------


@method("getMe")
async def get_me(api: BotApiDouble, params: Params, files: Files) -> Any:
    return {
        **api.bot_user(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


@method("getUpdates")
async def get_updates(api: BotApiDouble, params: Params, files: Files) -> Any:
    if api.webhook_url:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook "
            "to delete the webhook first",
        )
    offset = int(params.get("offset") or 0)
    limit = min(max(int(params.get("limit") or 100), 1), 100)
    timeout = max(float(params.get("timeout") or 0), 0.0)
    if "allowed_updates" in params:
        allowed = params["allowed_updates"]
        api._allowed_updates = list(allowed) if isinstance(allowed, list) else None
    api._poll_generation += 1
    generation = api._poll_generation
    api._notify()  # terminates an older long poll with 409, as the real server does
    api._confirm(offset)
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        if generation != api._poll_generation:
            raise ApiError(
                409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot "
                "instance is running",
            )
        batch = api._select(offset, limit)
        remaining = deadline - asyncio.get_running_loop().time()
        if batch or api._closing or remaining <= 0 or api.webhook_url:
            return batch
        await api._wait_change(remaining)


@method("setWebhook")
async def set_webhook(api: BotApiDouble, params: Params, files: Files) -> Any:
    url = str(params.get("url") or "")
    if not url:
        return await delete_webhook(api, params, files)
    if not url.startswith(("http://", "https://")):
        raise bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
    secret = params.get("secret_token")
    if secret is not None and not _SECRET.fullmatch(str(secret)):
        raise bad_request("secret token contains unallowed characters")
    if params.get("drop_pending_updates"):
        api._pending.clear()
        api._webhook_queue.clear()
    already = api.webhook_url == url
    api.webhook_url, api.webhook_secret = url, (str(secret) if secret else None)
    allowed = params.get("allowed_updates")
    api.webhook_allowed_updates = list(allowed) if isinstance(allowed, list) else None
    api.webhook_max_connections = int(params.get("max_connections") or 40)
    for pending in api._pending:  # queued updates now go to the webhook
        api._webhook_queue.append(pending.update)
    api._pending.clear()
    api._webhook_description = "Webhook is already set" if already else "Webhook was set"
    api._notify()
    return True


@method("deleteWebhook")
async def delete_webhook(api: BotApiDouble, params: Params, files: Files) -> Any:
    from .server import _Pending

    was_set = bool(api.webhook_url)
    api.webhook_url, api.webhook_secret = "", None
    api.webhook_last_error = None
    if params.get("drop_pending_updates"):
        api._webhook_queue.clear()
        api._pending.clear()
    api._pending.extend(_Pending(u, False) for u in api._webhook_queue)
    api._webhook_queue.clear()
    api._webhook_description = "Webhook was deleted" if was_set else "Webhook is already deleted"
    api._notify()
    return True


@method("getWebhookInfo")
async def get_webhook_info(api: BotApiDouble, params: Params, files: Files) -> Any:
    return api.webhook_info()


@method("close")
async def close(api: BotApiDouble, params: Params, files: Files) -> Any:
    return True


@method("logOut")
async def log_out(api: BotApiDouble, params: Params, files: Files) -> Any:
    return True


# --- commands ----------------------------------------------------------------------------


def _commands_key(params: Params) -> tuple[str, str]:
    scope = params.get("scope") or {"type": "default"}
    if not isinstance(scope, dict) or "type" not in scope:
        raise bad_request("can't parse BotCommandScope JSON object")
    return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")


@method("setMyCommands")
async def set_my_commands(api: BotApiDouble, params: Params, files: Files) -> Any:
    commands = params.get("commands")
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad_request("too many commands specified")
    for command in commands:
        if not isinstance(command, dict) or not _COMMAND_NAME.fullmatch(
            str(command.get("command"))
        ):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description") or "")) <= 256:
            raise bad_request("command description must be non-empty")
    api.commands[_commands_key(params)] = [
        {"command": c["command"], "description": c["description"]} for c in commands
    ]
    return True


@method("getMyCommands")
async def get_my_commands(api: BotApiDouble, params: Params, files: Files) -> Any:
    return copy.deepcopy(api.commands.get(_commands_key(params), []))


@method("deleteMyCommands")
async def delete_my_commands(api: BotApiDouble, params: Params, files: Files) -> Any:
    api.commands.pop(_commands_key(params), None)
    return True


# --- sending -----------------------------------------------------------------------------


@method("sendMessage")
async def send_message(api: BotApiDouble, params: Params, files: Files) -> Any:
    text, parse_mode = params.get("text"), params.get("parse_mode")
    plain, entities = _formatted(text, parse_mode, "text", 4096)
    markup = _check_markup(params.get("reply_markup"))
    content: dict[str, Any] = {"text": plain}
    if entities:
        content["entities"] = entities
    record = api._new_bot_message(
        "sendMessage", params, content, text=text, parse_mode=parse_mode, reply_markup=markup
    )
    return copy.deepcopy(record.message)


@method("sendPhoto")
async def send_photo(api: BotApiDouble, params: Params, files: Files) -> Any:
    api.chat_for_send(params.get("chat_id"))
    uploaded = "attach://photo" if "photo" in files else None  # the file itself in the form
    photo, sizes = api._photo_sizes(params.get("photo") or uploaded, files)
    caption, parse_mode = params.get("caption"), params.get("parse_mode")
    content: dict[str, Any] = {"photo": sizes}
    if caption:
        plain, entities = _formatted(caption, parse_mode, "caption", 1024)
        content["caption"] = plain
        if entities:
            content["caption_entities"] = entities
    markup = _check_markup(params.get("reply_markup"))
    record = api._new_bot_message(
        "sendPhoto",
        params,
        content,
        caption=caption,
        parse_mode=parse_mode,
        reply_markup=markup,
        photo=photo,
    )
    return copy.deepcopy(record.message)


@method("sendDocument")
async def send_document(api: BotApiDouble, params: Params, files: Files) -> Any:
    """A document uploaded with the request (multipart) or re-sent by file_id."""
    api.chat_for_send(params.get("chat_id"))
    document = params.get("document")
    if "document" in files or (isinstance(document, str) and document.startswith("attach://")):
        name = "document" if "document" in files else str(document).removeprefix("attach://")
        if name not in files:
            raise bad_request("wrong file identifier/HTTP URL specified")
        entry = api.new_file("document", files[name], "xlsx")
    else:
        found = api.files.get(str(document)) if document else None
        if found is None:
            raise bad_request("there is no document in the request")
        entry = found
    content: dict[str, Any] = {"document": {
        "file_id": entry.file_id, "file_unique_id": entry.file_unique_id,
        "file_name": entry.file_path.rsplit("/", 1)[-1], "file_size": len(entry.content)}}
    caption = params.get("caption")
    if caption:
        content["caption"] = str(caption)
    record = api._new_bot_message("sendDocument", params, content, caption=caption,
                                  parse_mode=params.get("parse_mode"),
                                  reply_markup=_check_markup(params.get("reply_markup")))
    return copy.deepcopy(record.message)


@method("sendMediaGroup")
async def send_media_group(api: BotApiDouble, params: Params, files: Files) -> Any:
    api.chat_for_send(params.get("chat_id"))
    media = params.get("media")
    if not isinstance(media, list) or not 2 <= len(media) <= 10:
        raise bad_request("wrong number of media files specified (must be 2-10)")
    prepared = []
    for item in media:
        if not isinstance(item, dict) or item.get("type") != "photo":
            raise bad_request("the double supports only photo media groups")
        photo, sizes = api._photo_sizes(item.get("media"), files)
        content: dict[str, Any] = {"photo": sizes}
        if item.get("caption"):
            plain, entities = _formatted(item["caption"], item.get("parse_mode"), "caption", 1024)
            content["caption"] = plain
            if entities:
                content["caption_entities"] = entities
        prepared.append((photo, item, content))
    group_id = str(10**17 + secrets.randbelow(10**17))
    messages = []
    for photo, item, content in prepared:
        record = api._new_bot_message(
            "sendMediaGroup",
            params,
            {"media_group_id": group_id, **content},
            caption=item.get("caption"),
            parse_mode=item.get("parse_mode"),
            photo=photo,
            media_group_id=group_id,
        )
        messages.append(copy.deepcopy(record.message))
    return messages


@method("sendLocation")
async def send_location(api: BotApiDouble, params: Params, files: Files) -> Any:
    lat, lon = params.get("latitude"), params.get("longitude")
    if not isinstance(lat, int | float) or not -90 <= lat <= 90:
        raise bad_request("wrong latitude specified")
    if not isinstance(lon, int | float) or not -180 <= lon <= 180:
        raise bad_request("wrong longitude specified")
    location = {"latitude": float(lat), "longitude": float(lon)}
    markup = _check_markup(params.get("reply_markup"))
    record = api._new_bot_message(
        "sendLocation", params, {"location": location}, location=location, reply_markup=markup
    )
    return copy.deepcopy(record.message)


@method("sendChatAction")
async def send_chat_action(api: BotApiDouble, params: Params, files: Files) -> Any:
    api.chat_for_send(params.get("chat_id"))
    if params.get("action") not in _CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True


# --- editing, deleting, callbacks, files ---------------------------------------------------


@method("editMessageText")
async def edit_message_text(api: BotApiDouble, params: Params, files: Files) -> Any:
    record = api._editable(params)
    if "text" not in record.message:
        raise bad_request("there is no text in the message to edit")
    text, parse_mode = params.get("text"), params.get("parse_mode")
    plain, entities = _formatted(text, parse_mode, "text", 4096)
    markup = _check_markup(params.get("reply_markup"))
    result = _apply_edit(record, params, {"text": plain, "entities": entities}, markup)
    record.text, record.parse_mode = text, parse_mode
    return result


@method("editMessageCaption")
async def edit_message_caption(api: BotApiDouble, params: Params, files: Files) -> Any:
    record = api._editable(params)
    if "text" in record.message:
        raise bad_request("there is no caption in the message to edit")
    caption, parse_mode = params.get("caption") or "", params.get("parse_mode")
    plain, entities = _formatted(caption, parse_mode, "caption", 1024) if caption else ("", [])
    markup = _check_markup(params.get("reply_markup"))
    changes = {"caption": plain, "caption_entities": entities}
    result = _apply_edit(record, params, changes, markup)
    if not plain:
        record.message.pop("caption", None)
        result.pop("caption", None)
    record.caption, record.parse_mode = caption or None, parse_mode
    return result


@method("editMessageReplyMarkup")
async def edit_message_reply_markup(api: BotApiDouble, params: Params, files: Files) -> Any:
    record = api._editable(params)
    markup = _check_markup(params.get("reply_markup"))
    return _apply_edit(record, params, {}, markup)


@method("deleteMessage")
async def delete_message(api: BotApiDouble, params: Params, files: Files) -> Any:
    chat_id = params.get("chat_id")
    message_id = _int_param(params, "message_id")
    if not isinstance(chat_id, int) or api.stored_message(chat_id, message_id) is None:
        raise bad_request("message to delete not found")
    api.forget_message(chat_id, message_id)
    for record in api._bot_messages.get(chat_id, []):
        if record.message_id == message_id:
            record.deleted = True
    return True


@method("answerCallbackQuery")
async def answer_callback_query(api: BotApiDouble, params: Params, files: Files) -> Any:
    query_id = str(params.get("callback_query_id") or "")
    if query_id not in api._queries or query_id in api.answers:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    if len(str(params.get("text") or "")) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    api.answers[query_id] = dict(params)
    return True


@method("getFile")
async def get_file(api: BotApiDouble, params: Params, files: Files) -> Any:
    entry = api.files.get(str(params.get("file_id") or ""))
    if entry is None:
        raise bad_request("invalid file_id")
    return entry.as_file()
