"""`griddesk bench e2e` runs end to end on a small load and checks its own result. Figures are
printed, never asserted (they belong to the benchmark, not to a test)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.pg
@pytest.mark.slow
def test_bench_e2e_files_checks_and_reports_every_figure(
    pg_server_url: Callable[[], str],
) -> None:
    server = pg_server_url()  # also skips (or fails under GRIDDESK_REQUIRE_PG) without PostgreSQL
    done = subprocess.run(
        [sys.executable, "-m", "bot", "bench", "e2e", "-n", "12", "-c", "3", "--processes", "1",
         "--open-conversations", "6", "--database-url", server],
        capture_output=True, text=True, cwd=ROOT, timeout=280, check=False,
    )
    out = done.stdout
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"one process, 3 residents at a time: 12 tickets \(24 updates\)", out), out
    assert "0 failed" in out
    assert re.search(r"the framework's floor .*: \d+ filings/s = [\d.]+% of the bare pipeline", out)
    assert re.search(r"like with like .*: \d+ updates/s", out)
    assert "6 conversations in progress" in out
    assert re.search(r"check: (\d+) tickets, \1 distinct numbers, 0 without the worker card in "
                     r"the outbox — OK", out), out
