"""The rules' character guards kept between runs, beside jieba's dictionary cache.

Finding the guards (`nlp.rules.required_character_sets`) parses every rule regex a second time
with the stdlib's regex parser, about a third of the router's build. They depend only on the
patterns, the code that derives them and the Python version, so they are stored per rules file
(keyed by its bytes, the deriving module's stamp and the Python version) and read back whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path

from nlp.cache import cache_dir, folders, prune, write_atomically

_FORMAT = "griddesk-guards-2"
Guards = list[frozenset[str]]  # a pattern's sets of characters and pairs (nlp.rules.Pattern)


def _code_stamp() -> tuple[int, int] | None:
    """The module that derives the guards (and holds the character rarity table)."""
    try:
        stat = Path(__file__).with_name("rules.py").stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


class GuardCache:
    """Guards by pattern text for one rules file: read at start, written when one was new."""

    def __init__(self, source: bytes, directory: Path | None = None) -> None:
        stamp = repr((_FORMAT, sys.version_info[:2], _code_stamp())).encode("utf-8")
        self.name = f"guards-{hashlib.sha256(stamp + source).hexdigest()[:20]}.cache"
        self.directory = directory or cache_dir()
        self.guards: dict[str, Guards] = self._read()
        self.changed = False

    def _read(self) -> dict[str, Guards]:
        for folder in folders(self.directory):
            path = folder / self.name
            try:
                data = marshal.loads(path.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                continue
            if isinstance(data, dict):
                with contextlib.suppress(OSError):
                    os.utime(path)  # recently used caches survive pruning
                return data
        return {}

    def has(self, pattern: str) -> bool:
        """True when `pattern` has cached guards: it compiled in an earlier run."""
        return pattern in self.guards

    def get(self, pattern: str, derive: Callable[[], Guards]) -> Guards:
        """The guards of `pattern`, derived (and kept for `save`) when not cached."""
        found = self.guards.get(pattern)
        if found is None:
            found = self.guards[pattern] = derive()
            self.changed = True
        return found

    def save(self) -> None:
        if not self.changed:
            return
        data = marshal.dumps(self.guards)
        for folder in folders(self.directory):
            if write_atomically(folder / self.name, data):
                prune(folder, "guards-*.cache")
                self.changed = False
                return
