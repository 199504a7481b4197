"""Options several `griddesk` commands share (kept apart from the commands, so using one loads
neither the database layer nor the routing engine)."""

from __future__ import annotations

from pathlib import Path

import click

config_option = click.option(
    "--config",
    "config_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Configuration directory (default: GRIDDESK_CONFIG or the bundled demo).",
)

database_option = click.option(
    "--url",
    "--database",
    "url",
    default=None,
    help="Database URL (default: GRIDDESK_DATABASE_URL).",
)
