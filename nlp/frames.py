"""Urgency frames as data: who is at risk × what state they are in, composed into regexes.

A frame in the rules file may list `who` (the people or things at risk) and `state` (what is
happening to them), each a family of regex fragments; the frame matches when a `who` and a
`state` occur in one sentence, the state within `window` characters after the who, or within
`before` characters before it (找不到我妈了). Characters in `breaks` may not stand between them
(孩子的自行车不见了 is no missing child). `since` fragments (到现在, 一整夜) are shown with the
match when they occur in its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

_GAP = "[^。！？.!?{breaks}]"


@dataclass(frozen=True)
class FrameShape:
    """The who × state part of a frame, as written in the rules file."""

    who: tuple[str, ...]
    state: tuple[str, ...]
    window: int = 20
    before: int = 6
    breaks: str = ""


def compose(shape: FrameShape) -> list[str]:
    """The regex sources of a frame shape: who … state, then state … who."""
    if not shape.who or not shape.state:
        return []
    who = "(?:" + "|".join(shape.who) + ")"
    state = "(?:" + "|".join(shape.state) + ")"
    gap = _GAP.format(breaks=_escape_class(shape.breaks))
    sources = [f"{who}{gap}{{0,{shape.window}}}?{state}"]
    if shape.before > 0:
        sources.append(f"{state}{gap}{{0,{shape.before}}}?{who}")
    return sources


def _escape_class(chars: str) -> str:
    return "".join("\\" + c if c in "]\\^-" else c for c in chars)
