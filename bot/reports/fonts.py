"""The CJK font the charts use, shipped by the `mplfonts` dependency (Noto Sans CJK SC).

No system font is needed: the font file comes with the project's own install, so charts render
the same on a fresh machine. The font is registered with matplotlib once and used explicitly by
every text element.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager

FONT_PACKAGE = "mplfonts"
FONT_FILE = "NotoSansCJKsc-Regular.otf"
FONT_FAMILY = "Noto Sans CJK SC"


class FontMissing(RuntimeError):
    """The bundled CJK font is not installed."""


@cache
def cjk_font_path() -> Path:
    """Path of the bundled Noto Sans CJK SC font file."""
    try:
        path = Path(str(resources.files(FONT_PACKAGE) / "fonts" / FONT_FILE))
    except ModuleNotFoundError as exc:
        raise FontMissing(f"{FONT_PACKAGE} is not installed: pip install -e .") from exc
    if not path.is_file():
        raise FontMissing(f"{path} is missing: reinstall {FONT_PACKAGE}")
    return path


@cache
def cjk_font() -> font_manager.FontProperties:
    """Register the CJK font with matplotlib and return its properties."""
    path = cjk_font_path()
    manager = font_manager.fontManager
    manager.addfont(str(path))  # appends the font's entries and clears the lookup cache
    # A system copy of the same family (Debian's fonts-noto-cjk) would win the tie by coming
    # first in the list: the bundled entries go first, so every machine draws with one file.
    bundled = [font for font in manager.ttflist if font.fname == str(path)]
    manager.ttflist[:] = bundled + [font for font in manager.ttflist if font.fname != str(path)]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [FONT_FAMILY, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return font_manager.FontProperties(fname=str(path))
