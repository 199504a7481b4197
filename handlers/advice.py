"""Safety advice shown with an urgent filing, by the kind of danger described."""

from __future__ import annotations

import re
from collections.abc import Iterable

from handlers import texts

_GAS = re.compile(r"燃气|煤气|天然气|液化气|漏气|瓦斯")


def urgent_advice(normalized: str, keywords: Iterable[str]) -> str:
    """The advice block for an urgent complaint ("" when there is no specific advice)."""
    if _GAS.search(normalized) or any(_GAS.search(word) for word in keywords):
        return texts.URGENT_ADVICE_GAS
    return ""
