"""A dedicated jieba tokenizer with the district's user dictionary, and one-pass text analysis.

The tokenizer is built once at start-up: jieba's main dictionary plus the user words (place names
and aliases of the loaded district, domain terms, every rule term). The whole prefix dictionary is
cached in a user cache directory (`$XDG_CACHE_HOME/griddesk`, default `~/.cache/griddesk`) under a
key derived from the words, in a data-only format (words + int64 frequencies) that loads several
times faster than jieba's own marshal cache.

`analyse` runs jieba's own DAG + dynamic programming (no HMM) and, from the same DAG, reports every
dictionary word that is a rule term: term matching costs a dictionary lookup per DAG edge.
After construction the tokenizer is read-only, so it is safe to share between coroutines/threads.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import logging
import os
import re
import struct
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from math import log
from pathlib import Path
from typing import Any, NamedTuple

logger = logging.getLogger(__name__)

BLOCK_RE = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")
"""The characters jieba segments together (its `re_han_default`)."""

_CACHE_FORMAT = "griddesk-jieba-2"


def cache_dir() -> Path:
    """The user cache directory for GridDesk (`GRIDDESK_CACHE_DIR` overrides it)."""
    explicit = os.environ.get("GRIDDESK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "griddesk"


class TermHit(NamedTuple):
    """A dictionary word of interest found in the text at [start, end)."""

    start: int
    end: int
    word: str


@dataclass(frozen=True)
class Analysis:
    """Token boundaries and the term occurrences of one normalised text."""

    tokens: list[tuple[int, int]]
    hits: list[TermHit]
    starts: frozenset[int]
    ends: frozenset[int]

    def aligned(self, start: int, end: int) -> bool:
        """True when [start, end) begins and ends on token boundaries."""
        return start in self.starts and end in self.ends

    def words(self, text: str) -> list[str]:
        return [text[a:b] for a, b in self.tokens]


class DomainTokenizer:
    """jieba.Tokenizer wrapper with a domain dictionary; `analyse` is its only hot path."""

    def __init__(
        self,
        user_words: Mapping[str, int | None],
        terms: Iterable[str],
        directory: Path | None = None,
    ) -> None:
        import jieba

        self._jieba = jieba.Tokenizer()
        self.terms = frozenset(terms)
        self.cache_path: Path | None = None
        self._load(dict(user_words), directory or cache_dir())
        self._freq: dict[str, int] = self._jieba.FREQ
        self._logtotal = log(self._jieba.total)

    # -- construction -----------------------------------------------------------------------
    def _load(self, user_words: dict[str, int | None], directory: Path) -> None:
        import jieba

        key = hashlib.sha256(
            repr(
                (
                    _CACHE_FORMAT,
                    jieba.__version__,
                    _dict_stamp(),
                    sorted((word, freq or 0) for word, freq in user_words.items()),
                )
            ).encode("utf-8")
        ).hexdigest()[:20]
        for folder in (directory, Path(tempfile.gettempdir()) / "griddesk"):
            path = folder / f"jieba-{key}.cache"
            if self._read_cache(path):
                self.cache_path = path
                with contextlib.suppress(OSError):
                    os.utime(path)  # recently used caches survive pruning
                return
        self._build(user_words, directory)
        for folder in (directory, Path(tempfile.gettempdir()) / "griddesk"):
            path = folder / f"jieba-{key}.cache"
            if self._write_cache(path):
                self.cache_path = path
                _prune(folder)
                return

    def _read_cache(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
        except OSError:
            return False
        loaded = _decode_cache(data)
        if loaded is None:
            return False
        self._jieba.FREQ, self._jieba.total = loaded
        self._jieba.initialized = True
        return True

    def _build(self, user_words: dict[str, int | None], directory: Path) -> None:
        jieba_log = logging.getLogger("jieba")
        level = jieba_log.level
        jieba_log.setLevel(logging.WARNING)
        try:
            with contextlib.suppress(OSError):
                directory.mkdir(parents=True, exist_ok=True)
            if os.access(directory, os.W_OK):
                self._jieba.tmp_dir = str(directory)
            self._jieba.initialize()
        finally:
            jieba_log.setLevel(level)
        known = self._jieba.FREQ
        for word in sorted(user_words, key=len):
            freq = user_words[word]
            if freq is None:
                if known.get(word):
                    continue  # jieba already knows the word: keep its frequency
                freq = self._jieba.suggest_freq(word, tune=False)
            self._jieba.add_word(word, freq=max(int(freq), 1))

    def _write_cache(self, path: Path) -> bool:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".jieba-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(_encode_cache(self._jieba.FREQ, self._jieba.total))
            os.replace(temp, path)
        except OSError as exc:
            logger.info("cannot write jieba cache %s: %s", path, exc)
            return False
        return True

    # -- hot path -----------------------------------------------------------------------------
    def analyse(self, text: str, full: bool = False) -> Analysis:
        """List every rule term in `text` and segment it (jieba DAG + DP, no HMM).

        Tokens are only materialised for blocks that contain a term (that is where alignment
        matters) unless `full` is set."""
        tokens: list[tuple[int, int]] = []
        hits: list[TermHit] = []
        for block in BLOCK_RE.finditer(text):
            before = len(hits)
            nexts = self._route(block.group(), block.start(), hits)
            if full or len(hits) > before:
                _tokens(block.group(), block.start(), nexts, tokens)
        starts = frozenset(a for a, _ in tokens)
        ends = frozenset(b for _, b in tokens)
        return Analysis(tokens=tokens, hits=hits, starts=starts, ends=ends)

    def _route(self, sentence: str, offset: int, hits: list[TermHit]) -> list[int]:
        """jieba's `get_DAG` + `calc` (no HMM) fused into one right-to-left pass, noting rule
        terms on the way; returns, per position, the last index of the best word there."""
        freq, terms, logtotal = self._freq, self.terms, self._logtotal
        size = len(sentence)
        best = [0.0] * (size + 1)
        nexts = list(range(size))
        for k in range(size - 1, -1, -1):
            top = float("-inf")
            i = k
            frag = sentence[k]
            while (count := freq.get(frag)) is not None:
                if count:
                    score = log(count) - logtotal + best[i + 1]
                    if score >= top:  # jieba's max() over (score, end) prefers the longer word
                        top, nexts[k] = score, i
                    if frag in terms:
                        hits.append(TermHit(offset + k, offset + i + 1, frag))
                i += 1
                if i >= size:
                    break
                frag = sentence[k : i + 1]
            if top == float("-inf"):  # no dictionary word starts here: a single character
                top = best[k + 1] - logtotal
                if sentence[k] in terms:
                    hits.append(TermHit(offset + k, offset + k + 1, sentence[k]))
            best[k] = top
        return nexts

    def lcut(self, text: str) -> list[str]:
        """Plain segmentation (for tests and the explanation)."""
        return self.analyse(text, full=True).words(text)


def _tokens(sentence: str, offset: int, nexts: list[int], tokens: list[tuple[int, int]]) -> None:
    """Walk the best route; single ASCII letters/digits are merged, as jieba does."""
    size = len(sentence)
    ascii_run: int | None = None
    x = 0
    while x < size:
        y = nexts[x] + 1
        if y - x == 1 and sentence[x].isascii() and sentence[x].isalnum():
            ascii_run = x if ascii_run is None else ascii_run
        else:
            if ascii_run is not None:
                tokens.append((offset + ascii_run, offset + x))
                ascii_run = None
            tokens.append((offset + x, offset + y))
        x = y
    if ascii_run is not None:
        tokens.append((offset + ascii_run, offset + size))


_KEEP_CACHES = 8


def _prune(folder: Path) -> None:
    """Keep the most recently used dictionary caches (other districts/rule sets) only."""
    try:
        caches = sorted(folder.glob("jieba-*.cache"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in caches[_KEEP_CACHES:]:
        with contextlib.suppress(OSError):
            old.unlink()


_MAGIC = b"GRIDDESK-JIEBA-1\n"
_HEADER = struct.Struct("<qqq")  # total, number of words, byte length of the words


def _encode_cache(freq: dict[str, int], total: int) -> bytes:
    """Data-only cache format: the words joined by newlines, then their frequencies (int64)."""
    words = [word for word in freq if "\n" not in word]
    blob = "\n".join(words).encode("utf-8")
    counts = array.array("q", (freq[word] for word in words))
    return _MAGIC + _HEADER.pack(total, len(words), len(blob)) + blob + counts.tobytes()


def _decode_cache(data: bytes) -> tuple[dict[str, int], int] | None:
    if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + _HEADER.size:
        return None
    total, count, size = _HEADER.unpack_from(data, len(_MAGIC))
    start = len(_MAGIC) + _HEADER.size
    counts = array.array("q")
    try:
        words = data[start : start + size].decode("utf-8").split("\n")
        counts.frombytes(data[start + size :])
    except (UnicodeDecodeError, ValueError):
        return None
    if len(words) != count or len(counts) != count or total <= 0:
        return None
    return dict(zip(words, counts, strict=True)), total


def _dict_stamp() -> Any:
    """Identify jieba's main dictionary file so an upgraded dictionary invalidates the cache."""
    import jieba

    try:
        stat = (Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME).stat()
    except (OSError, AttributeError):
        return None
    return (stat.st_size, int(stat.st_mtime))
