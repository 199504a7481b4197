"""`python -m bot` = `griddesk`."""

from bot.cli import run

run()
