"""Names by their sound: a voice transcript or a pinyin keyboard writes a community's name with
characters that sound the same (明的花园 for 明德花园, 鸡东新村 for 济东新村).

Each name of three characters or more becomes a pattern of character classes: every common
character read like the name's character there (toneless pinyin, from pypinyin). Building the
classes loads pypinyin and reads its whole dictionary (about half a second), so they are kept in
the cache folder per set of names and pypinyin version, like the rules' compiled patterns; a
process that finds them there never imports pypinyin. The regex of all the classes is kept
compiled beside them (`nlp.regex_program`: compiling its 8,000 characters took about 17 ms of
every start).
"""

from __future__ import annotations

import hashlib
import marshal
import re
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from nlp.cache import cache_dir, keep, marshalled_dict, read_kept
from nlp.regex_program import ENGINE, Program, compiled, program

_FORMAT = "griddesk-sounds-2"
_SHORTEST = 3  # characters of a name worth hearing: two sound like too many other words
_COMMON = range(0x4E00, 0xA000)  # the unified ideographs: rarer blocks only widen the classes
Classes = dict[str, list[str]]  # a name → the characters that may stand for each of its own


class SoundedNames:
    """Finds names written with homophones: (start, end, code) of each, in order."""

    def __init__(self, names: dict[str, str], directory: Path | None = None) -> None:
        heard = {name: code for name, code in names.items() if len(name) >= _SHORTEST}
        self.codes: list[str] = []
        self.pattern: re.Pattern[str] | None = None
        if heard:
            classes, stored = _cached_classes(sorted(heard), directory or cache_dir())
            self.codes = [heard[name] for name in classes]
            self.pattern = compiled(_alternation(classes), stored)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        if self.pattern is None:
            return []
        return [
            (match.start(), match.end(), self.codes[(match.lastindex or 1) - 1])
            for match in self.pattern.finditer(text)
        ]


def _alternation(classes: Classes) -> str:
    """One group per name, of one character class per character of it."""
    return "|".join(
        f"({''.join(f'[{re.escape(chars)}]' for chars in name_classes)})"
        for name_classes in classes.values()
    )


def _cached_classes(names: list[str], directory: Path) -> tuple[Classes, Program | None]:
    """The classes of `names` and their regex's compiled program, read from the cache or built
    with pypinyin and kept."""
    version = metadata.version("pypinyin")
    key = repr((_FORMAT, version, sys.version_info[:2], ENGINE, names)).encode("utf-8")
    file_name = f"sounds-{hashlib.sha256(key).hexdigest()[:20]}.cache"
    found = read_kept(directory, file_name, _classes_and_program)
    if found is not None:
        return found[0]
    classes = _classes(names)
    stored = program(_alternation(classes))
    keep(directory, file_name, marshal.dumps({"classes": classes, "program": stored}))
    return classes, stored


def _classes_and_program(data: bytes) -> tuple[Classes, Program | None] | None:
    value: dict[str, Any] | None = marshalled_dict(data)
    classes = value.get("classes") if value is not None else None
    if value is None or not isinstance(classes, dict):
        return None
    return classes, value.get("program")


def _classes(names: list[str]) -> Classes:
    """Each name's characters and every common character that shares the reading each has in
    the name (德 in 明德 is de: 的, 得, 地 …)."""
    # imported here: only when the cache has no classes
    from pypinyin import lazy_pinyin
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    by_sound: dict[str, set[str]] = {}
    for code_point, readings in pinyin_dict.items():
        if code_point in _COMMON:
            for reading in readings.split(","):
                by_sound.setdefault(to_normal(reading), set()).add(chr(code_point))
    return {
        name: [
            "".join(sorted(by_sound.get(sound, set()) | {char}))
            for char, sound in zip(name, lazy_pinyin(name), strict=True)
        ]
        for name in names
    }
