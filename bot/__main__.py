"""`python -m bot` = `griddesk`."""

from bot.cli import main

main()
