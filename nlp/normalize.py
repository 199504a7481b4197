"""Text normalisation: width folding, clean-up, Traditional → Simplified for matching, script.

`normalize` keeps the resident's original text, reports the script they wrote in (so replies can
follow it) and produces a folded, Simplified, lower-case text that every rule is matched against.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

Script = Literal["hans", "hant"]

MAX_MATCH_CHARS = 4000
"""Only this many characters of a complaint are analysed (the original is always kept whole)."""

# Characters that carry no meaning for routing: controls, format characters, emoji, symbols.
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "So", "Sk", "Mn", "Me"})
_KEEP_CONTROLS = frozenset("\n")
_SPACES_RE = re.compile(r"[ \t\u3000\u00a0]+")
_NEWLINES_RE = re.compile(r"\s*\n[\s\n]*")
_HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Variants OpenCC leaves alone but residents type (Taiwan/Hong Kong/Japanese shapes, typos).
_EXTRA_FOLD = str.maketrans({"著": "着", "祇": "只"})
_EXTRA_PHRASES = (("甚么", "什么"), ("拉圾", "垃圾"), ("垃级", "垃圾"), ("电悌", "电梯"))


@dataclass(frozen=True)
class NormalizedText:
    """The resident's text, its matching form (folded, Simplified) and the script they used."""

    original: str
    text: str
    script: Script


@lru_cache(maxsize=8)
def _converter(config: str) -> Any:
    """One OpenCC converter per configuration, created once (they are used on every reply)."""
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional (including Taiwan variants) → Simplified."""
    return str(_converter("tw2s").convert(text)) if text else text


def to_script(text: str, script: Script | str) -> str:
    """Render a Simplified text in the resident's script (Taiwan-standard Traditional for hant)."""
    if script != "hant" or not text:
        return text
    return str(_converter("s2tw").convert(text))


def _differences(a: str, b: str) -> int:
    if len(a) == len(b):
        return sum(1 for x, y in zip(a, b, strict=True) if x != y)
    return len(set(a) - set(b))


def detect_script(text: str) -> Script:
    """`hant` when the text has more Traditional-only than Simplified-only characters."""
    han = "".join(_HAN_RE.findall(text[:MAX_MATCH_CHARS]))
    if not han:
        return "hans"
    traditional = _differences(han, to_simplified(han))
    if traditional == 0:
        return "hans"
    simplified = _differences(han, str(_converter("s2t").convert(han)))
    return "hant" if traditional > simplified else "hans"


def _clean_char(char: str) -> str:
    if char in _KEEP_CONTROLS:
        return char
    category = unicodedata.category(char)
    if category in _DROP_CATEGORIES:
        return " "
    if category.startswith("Z"):
        return " "
    return char


def fold(text: str) -> str:
    """Width folding (NFKC), control/emoji/symbol removal, whitespace collapsing, lower case."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() or not text.isprintable():
        text = "".join(ch if ch.isascii() and ch.isprintable() else _clean_char(ch)
                       for ch in text)
    text = _SPACES_RE.sub(" ", text)
    text = _NEWLINES_RE.sub("\n", text)
    return text.strip().lower()


def normalize(text: str) -> NormalizedText:
    """Fold, clean and convert `text` to its Simplified matching form; report the script."""
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    folded = fold(text[: MAX_MATCH_CHARS * 2])[:MAX_MATCH_CHARS]
    script = detect_script(folded)
    matching = to_simplified(folded).translate(_EXTRA_FOLD)
    for variant, standard in _EXTRA_PHRASES:
        if variant in matching:
            matching = matching.replace(variant, standard)
    return NormalizedText(original=text, text=matching, script=script)
