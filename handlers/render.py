"""The Telegram renderer: a semantic outbox row (`handlers/messages.py`) becomes the Bot API
payload `{"text", "parse_mode", "reply_markup", "photos", "edit"}` that
`bot.telegram.sender_api.build_steps` turns into calls. Pure: no database, no clock.

The sender renders each row when it sends it (`render_claimed`); the core renders only to
compare what a recipient sees (`handlers/card_desk.py`) and in the demo.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol

from handlers import texts
from handlers import visit_texts as vt
from handlers.context import clip, escape
from handlers.messages import REPORT, Say, keyboard_of
from handlers.types import Button, Keyboard, Reply
from models.outbox import (
    CAPTION_LIMIT,
    CARD_EDIT,
    CARD_KINDS,
    LEGACY,
    REPLY,
    Claimed,
    sent_as_caption,
)
from models.reports.daily import render_report, report_from_snapshot
from nlp.normalize import to_script

TEMPLATE_MODULES = {
    "texts": "handlers.texts",
    "visit_texts": "handlers.visit_texts",
    "urgent": "handlers.urgent",
}


class Stored(Protocol):
    kind: str
    snapshot: dict[str, Any]


def template(ref: str) -> str:
    """The template `module.NAME` names (only the modules of `TEMPLATE_MODULES`)."""
    module, _, name = ref.partition(".")
    found = getattr(importlib.import_module(TEMPLATE_MODULES[module]), name)
    if not isinstance(found, str):
        raise TypeError(f"{ref} is not a template")
    return found


def say_text(what: Say | str | None) -> str:
    """A `Say` (or a plain argument) in words."""
    if what is None or isinstance(what, str):
        return what or ""
    args = {name: say_text(value) for name, value in (what.get("args") or {}).items()}
    text = template(str(what["say"])).format(**args)
    if what.get("clip"):
        text = clip(text, int(what["clip"]))
    return escape(text) if what.get("escape") else text


def card_text(view: dict[str, Any]) -> str:
    """A card's text from its view (the fields of the ticket it shows)."""
    if view.get("departed"):
        return texts.CARD_DEPARTED.format(number=view["number"],
                                          category=escape(view["category"]),
                                          place=escape(view["place"]))
    resolve_due = texts.CARD_RESOLVE_DUE.format(due=view["resolve_due"])
    if view.get("level_due"):
        resolve_due += texts.CARD_LEVEL_DUE.format(due=view["level_due"])
    note = say_text(view.get("note"))
    text = texts.CARD.format(
        badge=view["badge"], number=view["number"], category=escape(view["category"]),
        place=escape(view["place"]), text=escape(view["text"]),
        accept_due=view["accept_due"], resolve_due=resolve_due,
        keywords=escape("、".join(view.get("keywords") or []) or "—"),
        contact=_contact(view.get("contact") or {}),
        note=texts.CARD_NOTE.format(note=escape(clip(note, 1200))) if note else "",
    )
    if "hint" in view:
        grid = view["hint"]
        text += (texts.TRIAGE_HINT if grid is None
                 else texts.TRIAGE_HINT_KNOWN.format(grid=escape(grid)))
    return text + _timeline(view.get("timeline") or [])


def _contact(contact: dict[str, Any]) -> str:
    text = ""
    if contact.get("hidden"):
        text = texts.CARD_CONTACT_IN_GROUP
    elif contact.get("name") or contact.get("phone"):
        text = texts.CARD_CONTACT.format(name=escape(contact.get("name") or "居民"),
                                         phone=escape(contact.get("phone") or ""))
        if contact.get("consent"):
            text += vt.CARD_CONSENT
    if contact.get("filed_by"):
        text += vt.CARD_FILED_BY.format(name=escape(contact["filed_by"]))
    elif contact.get("channel"):
        text += texts.CARD_CHANNEL.format(channel=escape(contact["channel"]))
    return text


def _timeline(entries: list[dict[str, Any]]) -> str:
    lines = []
    for entry in entries:
        detail = f"：{escape(clip(entry['detail'], 60))}" if entry.get("detail") else ""
        lines.append(f"· {entry['at']} {escape(entry['who'])} {entry['what']}{detail}")
    return texts.TIMELINE_HEAD + "\n".join(lines) if lines else ""


def render(kind: str, snapshot: dict[str, Any]) -> dict[str, Any]:
    """The Bot API payload of a row of `kind` (without an edit's target)."""
    if kind == LEGACY:
        return dict(snapshot.get("payload") or {})
    if kind == REPLY:
        return Reply.from_snapshot(0, snapshot).to_payload()
    if kind in CARD_KINDS or kind == CARD_EDIT:
        text = card_text(snapshot["view"])
    elif kind == REPORT:
        report = report_from_snapshot(snapshot["report"])
        text = escape(render_report(report, snapshot["tz"]))
    else:
        text = say_text(snapshot["say"])
    keyboard = keyboard_of(snapshot.get("buttons") or [])
    script = snapshot.get("script") or "hans"
    if script != "hans":
        text = to_script(text, script)
        keyboard = _in_script(keyboard, script)
    payload: dict[str, Any] = {"text": text, "parse_mode": "HTML"}
    if keyboard is not None:
        payload["reply_markup"] = keyboard.to_api()
    if snapshot.get("photos"):
        payload["photos"] = list(snapshot["photos"])
    return payload


def _in_script(keyboard: Keyboard | None, script: str) -> Keyboard | None:
    if keyboard is None:
        return None
    rows = tuple(tuple(Button(to_script(b.text, script), b.data) for b in row)
                 for row in keyboard.rows)
    return Keyboard(keyboard.kind, rows)


def render_row(row: Stored) -> dict[str, Any]:
    return render(row.kind, row.snapshot or {})


def render_claimed(row: Claimed) -> dict[str, Any]:
    """The sender's renderer: a claimed row, an edit with the message it changes."""
    payload = render(row.kind, row.snapshot)
    if row.edit is None:
        return payload
    caption = sent_as_caption(render(row.edit.card_kind, row.edit.card_snapshot))
    if caption and row.kind == CARD_EDIT:
        payload["text"] = fit(str(payload.get("text") or ""), CAPTION_LIMIT)
    payload["edit"] = {"message_id": row.edit.message_id, "caption": caption}
    return payload


def fit(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a line end (HTML tags and entities stay whole)."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1] + "…"
