"""Rule regexes compiled for search, and kept compiled between runs.

Two uses of the stdlib regex engine's private parts, each for a measured need
(docs/performance.md, "Compiled rule regexes"):

- `search_form` puts a lookahead of the characters every match can start with before a regex
  whose start the engine cannot check by itself (an alternation with a branch that starts with
  a group, such as the frames' `(?:孩子|…|(我家|俺家)(老大|老二))…`). Without it the engine tries
  every branch at every position of the text; with it, one character test. The frames of
  people at risk searched 2-5 times faster over the routing benchmark's texts.
- `program` compiles a regex as `re.compile` does and returns the arguments of `_sre.compile`;
  `compiled` calls `_sre.compile` with them in a later run, skipping the pure-Python parser and
  compiler (the 180-odd rule regexes a run of `griddesk route` compiles at their first use
  cost about 0.15 s of its 1.6 s). The programs are cached per Python version and engine
  (`nlp.pattern_cache`); whatever fails falls back to `re.compile`.
"""

from __future__ import annotations

import re
from typing import Any

Program = tuple[str, int, list[int], int, dict[str, int], tuple[str | None, ...]]

_MAX_FIRST = 400  # a larger first-character set is not worth a lookahead

try:  # the engine's internals; absent or changed, every regex is compiled the public way
    import _sre
    import re._compiler as _compiler
    import re._constants as _constants
    import re._parser as _parser

    ENGINE: tuple[Any, ...] | None = (_sre.MAGIC, _sre.CODESIZE)
except ImportError:  # pragma: no cover - another Python implementation or version
    ENGINE = None


def search_form(text: str) -> str:
    """`text`, or `(?=[first characters])(?:text)` when that lets the engine skip positions a
    match cannot start at and it could not tell them itself. Matches are the same."""
    if ENGINE is None:
        return text
    try:
        parsed = _parser.parse(text, 0)
        if parsed.state.flags & re.IGNORECASE:
            return text  # the characters below would need their other cases
        if _compiler._get_literal_prefix(parsed, 0)[0] or _compiler._get_charset_prefix(parsed, 0):
            return text  # the engine checks the start itself
        first, may_be_empty = _sequence_start(list(parsed))
    except Exception:  # an unusual construct: leave the regex as written
        return text
    if first is None or may_be_empty or not first or len(first) > _MAX_FIRST:
        return text
    characters = "".join(re.escape(char) for char in sorted(first))
    return f"(?=[{characters}])(?:{text})"


def program(text: str) -> Program | None:
    """The compiled form of `search_form(text)` as `_sre.compile`'s arguments, or None."""
    if ENGINE is None:
        return None
    try:
        pattern = search_form(text)
        parsed = _parser.parse(pattern, 0)
        code = [int(word) for word in _compiler._code(parsed, 0)]  # opcodes are int subclasses
        state = parsed.state
        names: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            names[index] = name
        return (pattern, state.flags, code, state.groups - 1, dict(state.groupdict), tuple(names))
    except Exception:
        return None


def compiled(text: str, cached: Program | None = None) -> re.Pattern[str]:
    """The search form of `text`, from its cached program when there is one."""
    if cached is not None and ENGINE is not None:
        try:
            regex: re.Pattern[str] = _sre.compile(*cached)
            return regex
        except Exception:  # a program from another engine: compile it again
            pass
    return re.compile(search_form(text))


def start_characters(op: Any, value: Any) -> frozenset[str] | None:
    """The characters a match of one parsed item must start with, or None when that is not
    known or the item may match the empty text."""
    found, may_be_empty = _item_start(op, value)
    return None if found is None or may_be_empty or not found else frozenset(found)


def _sequence_start(items: list[Any]) -> tuple[set[str] | None, bool]:
    """The characters a match of a sequence of items can start with (None: not known), and
    whether the sequence can match the empty text."""
    first: set[str] = set()
    for op, value in items:
        found, may_be_empty = _item_start(op, value)
        if found is None:
            return None, False
        first |= found
        if not may_be_empty:
            return first, False
    return first, True


def _item_start(op: Any, value: Any) -> tuple[set[str] | None, bool]:
    c = _constants
    if op is c.LITERAL:
        return {chr(value)}, False
    if op is c.IN:
        return _class_start(value), False
    if op is c.SUBPATTERN:
        return _sequence_start(list(value[-1]))
    if op is c.BRANCH:
        first: set[str] = set()
        may_be_empty = False
        for branch in value[1]:
            found, empty = _sequence_start(list(branch))
            if found is None:
                return None, False
            first |= found
            may_be_empty = may_be_empty or empty
        return first, may_be_empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        found, empty = _sequence_start(list(value[2]))
        return found, empty or value[0] == 0
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), True  # zero width: the next item starts the match
    return None, False


def _class_start(items: list[Any]) -> set[str] | None:
    found: set[str] = set()
    for op, value in items:
        if op is _constants.LITERAL:
            found.add(chr(value))
        elif op is _constants.RANGE and value[1] - value[0] < _MAX_FIRST:
            found.update(map(chr, range(value[0], value[1] + 1)))
        else:  # a negated class, a category (\d, \w): any character
            return None
    return found
