"""CLI sub-commands; each module exposes `commands: list[click.Command]`."""
