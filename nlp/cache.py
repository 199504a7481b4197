"""Files GridDesk derives from its inputs and keeps between runs (jieba's dictionary with the
district's words, the rules' character guards and compiled regexes, the community names' sound
classes, the urgency model's weights): where they live, how they are read back and how they are
written."""

from __future__ import annotations

import array
import contextlib
import logging
import marshal
import os
import struct
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

logger = logging.getLogger(__name__)
T = TypeVar("T")


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


def read_kept(
    directory: Path, name: str, decode: Callable[[bytes], T | None]
) -> tuple[T, Path] | None:
    """The first cache file `name` of `folders(directory)` that reads and decodes, with its
    path; its time is touched, so that pruning keeps the recently used ones."""
    for folder in folders(directory):
        path = folder / name
        try:
            value = decode(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            continue
        if value is not None:
            with contextlib.suppress(OSError):
                os.utime(path)
            return value, path
    return None


def keep(directory: Path, name: str, data: bytes) -> Path | None:
    """Write cache file `name` (`<kind>-<key>.cache`) into the first of `folders(directory)`
    that takes it and prune the older caches of its kind; where it went, or None."""
    for folder in folders(directory):
        path = folder / name
        if write_atomically(path, data):
            prune(folder, f"{name.partition('-')[0]}-*.cache")
            return path
    return None


def marshalled_dict(data: bytes) -> dict[Any, Any] | None:
    """A dictionary written with marshal, or None for anything else."""
    value = marshal.loads(data)
    return value if isinstance(value, dict) else None


def pack_table(magic: bytes, table: Mapping[str, Any], typecode: str, extra: Any) -> bytes:
    """A table of words to numbers as bytes: `magic`, a header (`extra`, the number of words,
    their byte length), the words joined by newlines (none may hold one), then the numbers as
    an array of `typecode`, which `extra` is stored as too."""
    blob = "\n".join(table).encode("utf-8")
    values = array.array(typecode, table.values())
    header = struct.pack(f"<{typecode}qq", extra, len(table), len(blob))
    return magic + header + blob + values.tobytes()


def unpack_table(data: bytes, magic: bytes, typecode: str) -> tuple[dict[str, Any], Any] | None:
    """The table and `extra` that `pack_table` wrote, or None for anything else."""
    header = struct.Struct(f"<{typecode}qq")
    if not data.startswith(magic) or len(data) < len(magic) + header.size:
        return None
    extra, count, size = header.unpack_from(data, len(magic))
    start = len(magic) + header.size
    values = array.array(typecode)
    try:
        words = data[start : start + size].decode("utf-8").split("\n") if count else []
        values.frombytes(data[start + size :])
    except (UnicodeDecodeError, ValueError):
        return None
    if len(words) != count or len(values) != count:
        return None
    return dict(zip(words, values, strict=True)), extra
