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

import contextlib
import hashlib
import importlib.machinery
import logging
import operator
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from math import log
from pathlib import Path
from typing import Any, NamedTuple

from nlp.cache import cache_dir, keep, pack_table, read_kept, unpack_table

BLOCK_RE = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")
"""The characters jieba segments together (its `re_han_default`)."""

_CACHE_FORMAT = "griddesk-jieba-3"
_NO_WORD = float("-inf")


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
    """jieba's dictionary with a domain dictionary; `analyse` is its only hot path. jieba itself
    is imported only to build the dictionary (a cache miss): a cached one is read without it."""

    def __init__(
        self,
        user_words: Mapping[str, int | None],
        terms: Iterable[str],
        directory: Path | None = None,
    ) -> None:
        self.terms = frozenset(terms)
        self._term_chars = frozenset(term for term in self.terms if len(term) == 1)
        self._terms_by_pair: dict[str, tuple[str, ...]] = {}
        for term in sorted(self.terms):
            if len(term) > 1:
                self._terms_by_pair[term[:2]] = (*self._terms_by_pair.get(term[:2], ()), term)
        self.cache_path: Path | None = None
        self._freq: dict[str, int] = {}
        self._total = 0
        self._load(dict(user_words), directory or cache_dir())
        self._logtotal = log(self._total)

    # -- construction -----------------------------------------------------------------------
    def _load(self, user_words: dict[str, int | None], directory: Path) -> None:
        key = hashlib.sha256(
            repr(
                (
                    _CACHE_FORMAT,
                    _jieba_stamp(),
                    sorted((word, freq or 0) for word, freq in user_words.items()),
                )
            ).encode("utf-8")
        ).hexdigest()[:20]
        name = f"jieba-{key}.cache"
        found = read_kept(directory, name, _decode_cache)
        if found is not None:
            (self._freq, self._total), self.cache_path = found
            return
        self._build(user_words, directory)
        self.cache_path = keep(directory, name, _encode_cache(self._freq, self._total))

    def _build(self, user_words: dict[str, int | None], directory: Path) -> None:
        import jieba

        built = jieba.Tokenizer()
        jieba_log = logging.getLogger("jieba")
        level = jieba_log.level
        jieba_log.setLevel(logging.WARNING)
        try:
            with contextlib.suppress(OSError):
                directory.mkdir(parents=True, exist_ok=True)
            if os.access(directory, os.W_OK):
                built.tmp_dir = str(directory)
            built.initialize()
        finally:
            jieba_log.setLevel(level)
        known = built.FREQ
        for word in sorted(user_words, key=len):
            freq = user_words[word]
            if freq is None:
                if known.get(word):
                    continue  # jieba already knows the word: keep its frequency
                freq = built.suggest_freq(word, tune=False)
            built.add_word(word, freq=max(int(freq), 1))
        self._freq, self._total = built.FREQ, built.total

    # -- hot path -----------------------------------------------------------------------------
    def analyse(self, text: str, full: bool = False) -> Analysis:
        """List every rule term in `text` and segment it (jieba DAG + DP, no HMM).

        Tokens are only materialised for blocks that contain a term (that is where alignment
        matters) unless `full` is set; a block in which no term occurs is not segmented at all,
        as it could yield neither a hit nor a token."""
        tokens: list[tuple[int, int]] = []
        hits: list[TermHit] = []
        for block in BLOCK_RE.finditer(text):
            sentence = block.group()
            if not full and not self._has_term(sentence):
                continue
            before = len(hits)
            word_ends = self._route(sentence, block.start(), hits)
            if full or len(hits) > before:
                _tokens(sentence, block.start(), word_ends, tokens)
        starts = frozenset(a for a, _ in tokens)
        ends = frozenset(b for _, b in tokens)
        return Analysis(tokens=tokens, hits=hits, starts=starts, ends=ends)

    def _has_term(self, sentence: str) -> bool:
        """True when a rule term occurs in `sentence` (every hit of `_route` is one): a term
        of one character, or one of the terms starting with a pair of characters it has."""
        if not self._term_chars.isdisjoint(sentence):
            return True
        by_pair = self._terms_by_pair
        for pair in by_pair.keys() & set(map(operator.add, sentence, sentence[1:])):
            if any(term in sentence for term in by_pair[pair]):
                return True
        return False

    def _route(self, sentence: str, offset: int, hits: list[TermHit]) -> list[int]:
        """jieba's `get_DAG` + `calc` (no HMM) fused into one right-to-left pass, noting rule
        terms on the way; returns, per position, the end of the best word there. The hot loop
        of routing: names are bound locally and each word's end is kept instead of recomputed
        (the same operations on the same floats as jieba's, in the same order)."""
        get, terms, logtotal, append = self._freq.get, self.terms, self._logtotal, hits.append
        size = len(sentence)
        best = [0.0] * (size + 1)
        ends = list(range(1, size + 1))
        for k in range(size - 1, -1, -1):
            top = _NO_WORD
            end = k + 1
            frag = sentence[k]
            while (count := get(frag)) is not None:
                if count:
                    score = log(count) - logtotal + best[end]
                    if score >= top:  # jieba's max() over (score, end) prefers the longer word
                        top = score
                        ends[k] = end
                    if frag in terms:
                        append(TermHit(offset + k, offset + end, frag))
                if end >= size:
                    break
                end += 1
                frag = sentence[k:end]
            if top == _NO_WORD:  # no dictionary word starts here: a single character
                top = best[k + 1] - logtotal
                if sentence[k] in terms:
                    append(TermHit(offset + k, offset + k + 1, sentence[k]))
            best[k] = top
        return ends

    def lcut(self, text: str) -> list[str]:
        """Plain segmentation (for tests and the explanation)."""
        return self.analyse(text, full=True).words(text)


def _tokens(sentence: str, offset: int, ends: list[int], tokens: list[tuple[int, int]]) -> None:
    """Walk the best route; single ASCII letters/digits are merged, as jieba does."""
    size = len(sentence)
    ascii_run: int | None = None
    x = 0
    while x < size:
        y = ends[x]
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


_MAGIC = b"GRIDDESK-JIEBA-1\n"


def _encode_cache(freq: dict[str, int], total: int) -> bytes:
    """Data-only cache format (`nlp.cache.pack_table`): the words, their frequencies (int64)."""
    return pack_table(_MAGIC, {word: n for word, n in freq.items() if "\n" not in word}, "q", total)


def _decode_cache(data: bytes) -> tuple[dict[str, int], int] | None:
    found = unpack_table(data, _MAGIC, "q")
    return found if found is not None and found[1] > 0 else None


def _jieba_stamp() -> Any:
    """Identify the installed jieba (its code and main dictionary) without importing it, so an
    upgrade invalidates the cache."""
    spec = importlib.machinery.PathFinder.find_spec("jieba")  # not imported, not sys.modules
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    stamps: list[tuple[int, int] | None] = []
    for name in ("__init__.py", "dict.txt"):  # jieba.DEFAULT_DICT_NAME
        try:
            stat = (package / name).stat()
        except OSError:
            stamps.append(None)
            continue
        stamps.append((stat.st_size, int(stat.st_mtime)))
    return tuple(stamps)
