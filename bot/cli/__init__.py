"""The `griddesk` command line: every module in `bot.cli.commands` contributes its `commands`."""

from __future__ import annotations

import importlib
import pkgutil

import click

from bot.cli import commands as command_modules


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """GridDesk: the chat front door for residents' petitions in grid governance."""


def _register_commands() -> None:
    for module_info in sorted(pkgutil.iter_modules(command_modules.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"bot.cli.commands.{module_info.name}")
        for command in getattr(module, "commands", []):
            main.add_command(command)
    from bench.cli import bench_group, route_eval

    main.add_command(bench_group)
    main.add_command(route_eval)


_register_commands()
