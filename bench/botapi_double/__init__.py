"""A local Telegram Bot API server double for end-to-end tests (aiogram, PTB, raw HTTP).

async with BotApiDouble() as api:
    bot = Bot(api.token, session=AiohttpSession(api=TelegramAPIServer.from_base(api.base_url)))
    u = api.user(1001, first_name="王芳")
    await u.send_command("/start")
    reply = await api.wait_for(u.chat_id)
"""

from .errors import ApiError
from .faults import (
    Fault,
    Injection,
    blocked,
    chat_not_found,
    connection_reset,
    delay,
    error,
    retry_after,
    server_error,
    user_deactivated,
)
from .limits import SENDING_METHODS, FloodLimits
from .people import SimGroup, SimUser
from .records import BotMessage, Call, Exchange, FileEntry
from .server import DEFAULT_TOKEN, BotApiDouble, UpdateDict
from .webhook import WebhookDelivery

__all__ = [
    "DEFAULT_TOKEN",
    "SENDING_METHODS",
    "ApiError",
    "BotApiDouble",
    "BotMessage",
    "Call",
    "Exchange",
    "Fault",
    "FileEntry",
    "FloodLimits",
    "Injection",
    "SimGroup",
    "SimUser",
    "UpdateDict",
    "WebhookDelivery",
    "blocked",
    "chat_not_found",
    "connection_reset",
    "delay",
    "error",
    "retry_after",
    "server_error",
    "user_deactivated",
]
