"""Open311 GeoReport v2: hotlines and other apps file and follow tickets (docs/open311.md)."""

from bot.web.open311.routes import setup_open311

__all__ = ["setup_open311"]
