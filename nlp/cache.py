"""Files GridDesk derives from its inputs and keeps between runs (jieba's dictionary with the
district's words, the rules' character guards and compiled regexes): where they live and how
they are written."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)


def cache_dir() -> Path:
    """The user cache directory for GridDesk (`GRIDDESK_CACHE_DIR` overrides it)."""
    explicit = os.environ.get("GRIDDESK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "griddesk"


def folders(directory: Path) -> tuple[Path, Path]:
    """Where a cache is looked for and written: `directory`, else the system's temporary one."""
    return directory, Path(tempfile.gettempdir()) / "griddesk"


def write_atomically(path: Path, data: bytes) -> bool:
    """Write a cache file whole (a reader never sees half of it); False when it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".cache-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except OSError as exc:
        logger.info("cannot write cache %s: %s", path, exc)
        return False
    return True


_KEEP = 8


def prune(folder: Path, pattern: str) -> None:
    """Keep the most recently used caches of a kind (other districts, rule sets) only."""
    try:
        caches = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in caches[_KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
