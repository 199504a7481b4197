"""Telegram text formatting: HTML parse_mode to plain text + MessageEntity list; commands."""

from __future__ import annotations

import html
import re
from typing import Any

_TAG_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);")
_NAME_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_ATTR_RE = re.compile(r"\s*([a-zA-Z][a-zA-Z0-9_-]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_COMMAND_RE = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{1,32})?")


class EntityParseError(ValueError):
    """The text does not parse under its parse_mode (Telegram answers 400)."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of MessageEntity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8"))


class _HtmlParser:
    def __init__(self, source: str) -> None:
        self.src = source
        self.out: list[str] = []
        self.offset = 0  # UTF-16 units emitted so far
        self.stack: list[tuple[str, int, dict[str, str]]] = []
        self.entities: list[dict[str, Any]] = []
        self._pre_language: str | None = None

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.offset += utf16_len(text)

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        i, src = 0, self.src
        while i < len(src):
            ch = src[i]
            if ch == "<":
                i = self._tag(i)
            elif ch == "&":
                i = self._entity(i)
            else:
                nxt = min((p for p in (src.find("<", i), src.find("&", i)) if p >= 0), default=-1)
                end = len(src) if nxt < 0 else nxt
                self.emit(src[i:end])
                i = end
        if self.stack:
            raise EntityParseError(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1][0]}"'
            )
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def _entity(self, i: int) -> int:
        match = _ENTITY_RE.match(self.src, i)
        if not match:
            self.emit("&")
            return i + 1
        body = match.group(1)
        if body.startswith(("#x", "#X")):
            self.emit(chr(int(body[2:], 16)))
        elif body.startswith("#"):
            self.emit(chr(int(body[1:])))
        elif body in _NAMED:
            self.emit(_NAMED[body])
        else:
            raise EntityParseError(
                f'Unsupported HTML entity "&{body};" at byte offset {_byte_offset(self.src, i)}'
            )
        return match.end()

    def _tag(self, i: int) -> int:
        src, at = self.src, _byte_offset(self.src, i)
        closing = src.startswith("</", i)
        name_match = _NAME_RE.match(src, i + (2 if closing else 1))
        name = name_match.group(0).lower() if name_match else ""
        pos = name_match.end() if name_match else i + (2 if closing else 1)
        if closing:
            end = src.find(">", pos)
            if end < 0 or src[pos:end].strip():
                raise EntityParseError(f"Unclosed end tag at byte offset {at}")
            self._close(name, at)
            return end + 1
        if name not in _TAG_TYPES:
            raise EntityParseError(f'Unsupported start tag "{name}" at byte offset {at}')
        attrs: dict[str, str] = {}
        while True:
            if src.startswith(">", pos):
                break
            attr = _ATTR_RE.match(src, pos)
            if not attr or attr.end() == pos:
                raise EntityParseError(f'Can\'t parse start tag "{name}" at byte offset {at}')
            value = attr.group(2) or ""
            value = value[1:-1] if value[:1] in "\"'" and value else value
            attrs[attr.group(1).lower()] = html.unescape(value)
            pos = attr.end()
            while pos < len(src) and src[pos].isspace():
                pos += 1
            if pos >= len(src):
                raise EntityParseError(f'Can\'t parse start tag "{name}" at byte offset {at}')
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise EntityParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {at}')
        self.stack.append((name, self.offset, attrs))
        return pos + 1

    def _close(self, name: str, at: int) -> None:
        if not self.stack or self.stack[-1][0] != name:
            expected = f'"</{self.stack[-1][0]}>"' if self.stack else "no end tag"
            raise EntityParseError(
                f'Unmatched end tag at byte offset {at}, expected {expected}, found "</{name}>"'
            )
        tag, start, attrs = self.stack.pop()
        length = self.offset - start
        if length <= 0:
            return
        entity: dict[str, Any] = {"type": _TAG_TYPES[tag], "offset": start, "length": length}
        if tag == "a":
            if "href" not in attrs:
                return
            entity["url"] = attrs["href"]
        elif tag == "blockquote" and "expandable" in attrs:
            entity["type"] = "expandable_blockquote"
        elif tag == "tg-emoji":
            entity["custom_emoji_id"] = attrs.get("emoji-id", "")
        elif tag == "code" and self.stack and self.stack[-1][0] == "pre":
            language = attrs.get("class", "")
            if language.startswith("language-"):
                self._pre_language = language.removeprefix("language-")
            return
        elif tag == "pre" and self._pre_language:
            entity["language"] = self._pre_language
            self._pre_language = None
        self.entities.append(entity)


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram-flavoured HTML; raise EntityParseError like the real server would."""
    return _HtmlParser(source).run()


def strip_entities(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Trim surrounding whitespace as Telegram does and shift/clip the entities accordingly."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    result = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return stripped, result


def format_text(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """The text and entities a recipient sees for `text` sent with `parse_mode`."""
    if parse_mode and parse_mode.lower() == "html":
        plain, entities = parse_html(text)
    else:
        plain, entities = text, []
    return strip_entities(plain, entities)


def command_entities(text: str) -> list[dict[str, Any]]:
    """bot_command entities for every `/command` token, as the server adds to incoming text."""
    return [
        {
            "type": "bot_command",
            "offset": utf16_len(text[: m.start()]),
            "length": utf16_len(m.group(0)),
        }
        for m in _COMMAND_RE.finditer(text)
    ]
