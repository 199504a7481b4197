"""What the rules' regexes yield, kept between runs beside jieba's dictionary cache: each
pattern's character guards and its compiled program.

Finding the guards (`nlp.patterns.required_character_sets`) parses every rule regex a second time
with the stdlib's regex parser, about a third of the router's build; compiling a regex at its
first use costs about as much again (`nlp.regex_program`). Both depend only on the patterns,
the code that derives them and the Python version and regex engine, so they are stored per
rules file (keyed by its bytes and those stamps) and read back whole.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable
from pathlib import Path

from nlp.cache import cache_dir, keep, marshalled_dict, read_kept
from nlp.regex_program import ENGINE, Program

_FORMAT = "griddesk-patterns-1"
Guards = list[frozenset[str]]  # a pattern's sets of characters and pairs (nlp.patterns.Pattern)
Derived = tuple[Guards, Program | None]


def _code_stamp() -> tuple[tuple[int, int] | None, ...]:
    """The modules that derive the guards (with the character rarity table) and programs."""
    stamps: list[tuple[int, int] | None] = []
    for name in ("rules.py", "regex_program.py"):
        try:
            stat = Path(__file__).with_name(name).stat()
        except OSError:
            stamps.append(None)
            continue
        stamps.append((stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


class PatternCache:
    """Guards and programs by pattern text for one rules file: read at start, written when one
    was new."""

    def __init__(self, source: bytes, directory: Path | None = None) -> None:
        stamp = repr((_FORMAT, sys.version_info[:2], ENGINE, _code_stamp())).encode("utf-8")
        self.name = f"patterns-{hashlib.sha256(stamp + source).hexdigest()[:20]}.cache"
        self.directory = directory or cache_dir()
        self.derived: dict[str, Derived] = self._read()
        self.changed = False

    def _read(self) -> dict[str, Derived]:
        found = read_kept(self.directory, self.name, marshalled_dict)
        return found[0] if found is not None else {}

    def has(self, pattern: str) -> bool:
        """True when `pattern` is cached: it compiled in an earlier run."""
        return pattern in self.derived

    def get(self, pattern: str, derive: Callable[[], Derived]) -> Derived:
        """The guards and program of `pattern`, derived (and kept for `save`) when not cached."""
        found = self.derived.get(pattern)
        if found is None:
            found = self.derived[pattern] = derive()
            self.changed = True
        return found

    def save(self) -> None:
        if self.changed and keep(self.directory, self.name, marshal.dumps(self.derived)):
            self.changed = False
