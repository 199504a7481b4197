"""A dedicated jieba tokenizer with the district's user dictionary, and one-pass text analysis.

The tokenizer is built once at start-up: jieba's main dictionary plus the user words (place names
and aliases of the loaded district, domain terms, every rule term). The whole prefix dictionary is
cached in a user cache directory (`$XDG_CACHE_HOME/griddesk`, default `~/.cache/griddesk`) under a
key derived from the words, so a warm start is one `marshal.load`.

`analyse` runs jieba's own DAG + dynamic programming (no HMM) and, from the same DAG, reports every
dictionary word that is a rule term: term matching costs a dictionary lookup per DAG edge.
After construction the tokenizer is read-only, so it is safe to share between coroutines/threads.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from math import log
from pathlib import Path
from typing import Any, NamedTuple

logger = logging.getLogger(__name__)

BLOCK_RE = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")
"""The characters jieba segments together (its `re_han_default`)."""

_CACHE_FORMAT = "griddesk-jieba-1"


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

    def __init__(self, user_words: Mapping[str, int | None], terms: Iterable[str],
                 directory: Path | None = None) -> None:
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
            repr((_CACHE_FORMAT, jieba.__version__, _dict_stamp(), sorted(
                (word, freq or 0) for word, freq in user_words.items()))).encode("utf-8")
        ).hexdigest()[:20]
        for folder in (directory, Path(tempfile.gettempdir()) / "griddesk"):
            path = folder / f"jieba-{key}.cache"
            if self._read_cache(path):
                self.cache_path = path
                return
        self._build(user_words, directory)
        for folder in (directory, Path(tempfile.gettempdir()) / "griddesk"):
            path = folder / f"jieba-{key}.cache"
            if self._write_cache(path):
                self.cache_path = path
                return

    def _read_cache(self, path: Path) -> bool:
        try:
            with path.open("rb") as handle:
                freq, total = marshal.load(handle)
        except (OSError, EOFError, ValueError, TypeError):
            return False
        if not isinstance(freq, dict) or not isinstance(total, int):
            return False
        self._jieba.FREQ, self._jieba.total = freq, total
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
                marshal.dump((self._jieba.FREQ, self._jieba.total), handle)
            os.replace(temp, path)
        except OSError as exc:
            logger.info("cannot write jieba cache %s: %s", path, exc)
            return False
        return True

    # -- hot path -----------------------------------------------------------------------------
    def analyse(self, text: str) -> Analysis:
        """Segment `text` (jieba DAG + DP, no HMM) and list every rule term it contains."""
        tokens: list[tuple[int, int]] = []
        hits: list[TermHit] = []
        freq, terms = self._freq, self.terms
        for block in BLOCK_RE.finditer(text):
            offset, sentence = block.start(), block.group()
            dag = _dag(sentence, freq)
            for start, ends in dag.items():
                for end in ends:
                    word = sentence[start:end + 1]
                    if word in terms:
                        hits.append(TermHit(offset + start, offset + end + 1, word))
            tokens.extend(self._segment(sentence, dag, offset))
        starts = frozenset(a for a, _ in tokens)
        ends = frozenset(b for _, b in tokens)
        return Analysis(tokens=tokens, hits=hits, starts=starts, ends=ends)

    def _segment(self, sentence: str, dag: dict[int, list[int]],
                 offset: int) -> list[tuple[int, int]]:
        freq, logtotal = self._freq, self._logtotal
        size = len(sentence)
        route: list[tuple[float, int]] = [(0.0, 0)] * (size + 1)
        for idx in range(size - 1, -1, -1):
            route[idx] = max(
                (log(freq.get(sentence[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x)
                for x in dag[idx])
        tokens: list[tuple[int, int]] = []
        ascii_run: int | None = None  # single ASCII characters are merged, as jieba does
        x = 0
        while x < size:
            y = route[x][1] + 1
            if y - x == 1 and sentence[x].isascii():
                ascii_run = x if ascii_run is None else ascii_run
            else:
                if ascii_run is not None:
                    tokens.append((offset + ascii_run, offset + x))
                    ascii_run = None
                tokens.append((offset + x, offset + y))
            x = y
        if ascii_run is not None:
            tokens.append((offset + ascii_run, offset + size))
        return tokens

    def lcut(self, text: str) -> list[str]:
        """Plain segmentation (for tests and the explanation)."""
        return self.analyse(text).words(text)


def _dag(sentence: str, freq: dict[str, int]) -> dict[int, list[int]]:
    """jieba's `get_DAG` without the per-call initialisation check."""
    dag: dict[int, list[int]] = {}
    size = len(sentence)
    for k in range(size):
        ends = []
        i = k
        frag = sentence[k]
        while i < size and frag in freq:
            if freq[frag]:
                ends.append(i)
            i += 1
            frag = sentence[k:i + 1]
        if not ends:
            ends.append(k)
        dag[k] = ends
    return dag


def _dict_stamp() -> Any:
    """Identify jieba's main dictionary file so an upgraded dictionary invalidates the cache."""
    import jieba

    try:
        stat = (Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME).stat()
    except (OSError, AttributeError):
        return None
    return (stat.st_size, int(stat.st_mtime))
