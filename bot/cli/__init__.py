"""The `griddesk` command line. Each command's module is imported only when that command runs,
so `griddesk route` loads the router and not the database layer, the bot or the benchmarks."""

from __future__ import annotations

import click

from bot.cli.lazy import LazyGroup

_COMMANDS = "bot.cli.commands"
COMMANDS = {
    "api-key": f"{_COMMANDS}.api_key_cmd:api_key_group",
    "ban": f"{_COMMANDS}.ban_cmd:ban",
    "bench": "bench.cli:bench_group",
    "config": f"{_COMMANDS}.config_cmd:config_group",
    "console": f"{_COMMANDS}.console_cmd:console",
    "console-link": f"{_COMMANDS}.console_link_cmd:console_link",
    "db": f"{_COMMANDS}.db_cmd:db_group",
    "demo": f"{_COMMANDS}.demo_cmd:demo",
    "invite": f"{_COMMANDS}.invite_cmd:invite",
    "report": f"{_COMMANDS}.report_cmd:report_group",
    "retention": f"{_COMMANDS}.retention_cmd:retention_group",
    "route": f"{_COMMANDS}.route_cmd:route",
    "route-eval": "bench.cli:route_eval",
    "run": f"{_COMMANDS}.run_cmd:run",
    "simulate": f"{_COMMANDS}.simulate_cmd:simulate",
    "unban": f"{_COMMANDS}.ban_cmd:unban",
    "webhook": f"{_COMMANDS}.run_cmd:webhook",
    "worker": f"{_COMMANDS}.worker_cmd:worker",
}


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """GridDesk: the chat front door for residents' petitions in grid governance."""


_entry = {"process": False}


def run() -> None:
    """The process's entry point (`griddesk`, `python -m bot`): the group, run as the process
    itself, so a command may end the process as soon as its work is done (`owns_process`).
    Code calling `main` in a process of its own keeps control after the command."""
    _entry["process"] = True
    main()


def owns_process() -> bool:
    """True when the command line runs as the process's entry point (`run`)."""
    return _entry["process"]
