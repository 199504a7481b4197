"""`griddesk bench …`: benchmarks that print figures (sub-commands come from several modules).

Other command modules attach their benchmarks with `bench_group.add_command(...)`.
"""

from __future__ import annotations

import click


@click.group("bench")
def bench_group() -> None:
    """Benchmarks: print speed and memory figures (they never fail on a slow machine)."""


commands = [bench_group]
