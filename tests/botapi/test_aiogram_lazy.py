"""aiogram imported the bot's way (`bot.telegram.aiogram_lazy`): schemas deferred, yet every
model builds and parses exactly as with aiogram's own eager import. Each way of importing runs
in a fresh interpreter, because it is fixed for a process's lifetime."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

USER = {"id": 42, "is_bot": False, "first_name": "王<阿姨>", "language_code": "zh-hant"}
CHAT = {"id": 42, "type": "private", "first_name": "王<阿姨>"}
MESSAGE = {
    "message_id": 7, "date": 1_763_000_000, "chat": CHAT, "from": USER,
    "text": "小区门口路灯坏了", "entities": [{"type": "bold", "offset": 0, "length": 2}],
}
SAMPLES = [
    {"update_id": 1, "message": MESSAGE},
    {"update_id": 2, "message": {**MESSAGE, "text": None, "photo": [
        {"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90, "file_size": 10}],
        "caption": "照片", "reply_to_message": MESSAGE}},
    {"update_id": 3, "message": {**MESSAGE, "location": {"latitude": 39.9, "longitude": 116.4}}},
    {"update_id": 4, "message": {**MESSAGE, "contact": {
        "phone_number": "13800000000", "first_name": "王", "user_id": 42}}},
    {"update_id": 5, "callback_query": {
        "id": "cq1", "from": USER, "chat_instance": "ci", "data": "t:abcdef",
        "message": {**MESSAGE, "reply_markup": {"inline_keyboard": [[
            {"text": "接单", "callback_data": "t:abcdef"}]]}}}},
    {"update_id": 6, "edited_message": {**MESSAGE, "edit_date": 1_763_000_100}},
    {"update_id": 7, "message": {**MESSAGE, "sticker": {
        "file_id": "s", "file_unique_id": "su", "type": "regular", "width": 1, "height": 1,
        "is_animated": False, "is_video": False}}},
    {"update_id": 8, "my_chat_member": {
        "chat": CHAT, "from": USER, "date": 1_763_000_000,
        "old_chat_member": {"status": "member", "user": USER},
        "new_chat_member": {"status": "kicked", "user": USER, "until_date": 0}}},
]

PARSE = """
from aiogram.types import Update
samples = json.loads(sys.stdin.read())
parsed = [Update.model_validate(s).model_dump(mode="json", by_alias=True, exclude_none=True)
          for s in samples]
"""

# aiogram's models whose schema has not been built yet.
DEFERRED = """
def deferred_models():
    import aiogram.methods, aiogram.types
    from pydantic import BaseModel
    return [model for package in (aiogram.types, aiogram.methods)
            for model in (getattr(package, name) for name in package.__all__)
            if isinstance(model, type) and issubclass(model, BaseModel)
            and not model.__pydantic_complete__]
"""

# The bot's import: most models deferred, updates parsed lazily, then every model built.
LAZY = """
import json, sys
import bot.telegram.aiogram_adapter
from bot.telegram.aiogram_lazy import build_models
""" + DEFERRED + """
before = deferred_models()
""" + PARSE + """
build_models(before)
print(json.dumps({"before": len(before), "update_built": Update.__pydantic_complete__,
                  "after": [model.__name__ for model in deferred_models()],
                  "parsed": parsed}))
"""

# aiogram's own eager import, then the bot's lazy import asked for: it leaves aiogram alone.
EAGER = """
import json, sys
import aiogram
from bot.telegram.aiogram_lazy import import_aiogram_lazily
""" + DEFERRED + """
again, deferred = import_aiogram_lazily(), len(deferred_models())
""" + PARSE + """
print(json.dumps({"again": again, "deferred": deferred, "parsed": parsed}))
"""


def run_python(code: str, stdin: str = "") -> str:
    done = subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_lazy_and_eager_aiogram_parse_alike_and_every_deferred_model_builds() -> None:
    """One interpreter per way of importing aiogram (each costs seconds): the bot's lazy one
    and aiogram's eager one."""
    samples = json.dumps(SAMPLES)
    lazy, eager = json.loads(run_python(LAZY, samples)), json.loads(run_python(EAGER, samples))
    assert lazy["update_built"] is True
    assert lazy["before"] > 300  # most of aiogram's ~800 models wait for their first use
    assert lazy["after"] == []  # and every one of them can be built lazily
    assert lazy["parsed"] == eager["parsed"]
    assert lazy["parsed"][4]["callback_query"]["data"] == "t:abcdef"
    assert lazy["parsed"][1]["message"]["reply_to_message"]["text"] == "小区门口路灯坏了"
    assert (eager["again"], eager["deferred"]) == (False, 0)  # already imported: left alone


def test_a_failing_deferred_import_falls_back_to_an_eager_one() -> None:
    out = run_python("""
import bot.telegram.aiogram_lazy as lazy
def broken(types_package):
    raise AttributeError("a future aiogram without __all__")
lazy._publish_forward_names = broken
""" + DEFERRED + """
print(lazy.import_aiogram_lazily(), len(deferred_models()))
from aiogram.types import Update
print(Update.model_validate({"update_id": 1}).update_id)
""")
    assert out.split() == ["False", "0", "1"]  # eager aiogram, fully working
