"""What the outbox keeps: semantic messages, rendered for their channel only when sent.

A row's `snapshot` holds what its wording needs, never the rendered text:

- a message (kinds `status`, `rating`, `phone_rating`, `note`, `reminder`, `detail`, `liaison`,
  `report`): `{"say": Say, "buttons": [[{"text", "data"}]], "photos": [...], "script": "hant"}`;
- a card (`card`, `triage_card`): `{"card": {"to", "kind", "badge", "note"}, "view": View,
  "buttons", "photos"}`; a card edit (`card_edit`): `{"edit_of": key, "view", "buttons"}`;
- a direct reply's journal row (`reply`): `{"text", "keyboard": {"kind", "rows"}, "photos"}`
  (`handlers.types.Reply.snapshot`), `{}` once delivered;
- `legacy` (rows written before the outbox was semantic): `{"payload": <Bot API payload>}`.

A `Say` is a template of `handlers.texts` (or `visit_texts`, `urgent`) by name with its
arguments; an argument is a string (already escaped where the template's caller escaped it) or
a nested `Say`. `personal` names the arguments that carry someone's own words (a resident's
detail, a reopening reason, a staff note): `/forget` deletes them (`forget_personal`).
The Telegram renderer is `handlers/render.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from handlers import texts
from handlers.types import Button, Keyboard

STATUS = "status"  # to the reporter: accepted, transferred, escalated, closed …
RATING = "rating"  # to the reporter: the result and the rating buttons
PHONE_RATING = "phone_rating"  # to the filing worker: call the resident back
NOTE = "note"  # to staff: a plain message about a ticket
REMINDER = "reminder"  # to staff: a deadline is near or passed
DETAIL = "detail"  # to staff: what the resident added to an urgent ticket
LIAISON = "liaison"  # to a department's liaison: the whistle card
REPORT = "report"  # to staff: the daily report

Say = dict[str, Any]


def say(template: str, personal: Iterable[str] = (), *, escape: bool = False,
        clip: int | None = None, **args: Any) -> Say:
    """`template` ("texts.NAME") with `args`; `escape`/`clip`: applied to the formatted text."""
    found: Say = {"say": template, "args": dict(args)}
    if personal := list(personal):
        found["personal"] = personal
    if escape:
        found["escape"] = True
    if clip is not None:
        found["clip"] = clip
    return found


def buttons_of(keyboard: Keyboard | None) -> list[list[dict[str, Any]]]:
    """An inline keyboard's buttons: label and callback data (the token issued with the row)."""
    if keyboard is None:
        return []
    return [[{"text": b.text, "data": b.data} for b in row] for row in keyboard.rows]


def keyboard_of(buttons: Sequence[Sequence[dict[str, Any]]]) -> Keyboard | None:
    rows = [[Button(str(b["text"]), b.get("data")) for b in row] for row in buttons]
    return Keyboard.inline(*rows) if any(rows) else None


def message(what: Say, keyboard: Keyboard | None = None, photos: Sequence[str] = (),
            script: str = "hans") -> dict[str, Any]:
    """The snapshot of a plain message."""
    snapshot: dict[str, Any] = {"say": what}
    if keyboard is not None:
        snapshot["buttons"] = buttons_of(keyboard)
    if photos:
        snapshot["photos"] = list(photos)
    if script != "hans":
        snapshot["script"] = script
    return snapshot


def forget_personal(value: Any) -> Any:
    """A copy of a snapshot (or any part of it) with every personal argument deleted."""
    if isinstance(value, list):
        return [forget_personal(item) for item in value]
    if not isinstance(value, dict):
        return value
    copy = {key: forget_personal(item) for key, item in value.items()}
    if "say" in copy and isinstance(copy.get("args"), dict):
        for name in copy.get("personal") or ():
            if name in copy["args"]:
                copy["args"][name] = texts.FORGOTTEN
    return copy
