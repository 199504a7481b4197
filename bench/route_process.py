"""`griddesk route` as a whole process against bare `jieba.lcut` as a whole process.

Both read the same complaints from a file: the first is `python -m bot route` (interpreter,
imports, configuration, routing engine, one JSON line out per complaint); the second is an
interpreter that imports jieba and segments each text. Their CPU times (user + system of the
child) are taken in turns, best of `rounds` each, so a busy machine slows both alike. Prints
figures only.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.config.schema import GridDeskConfig

_BARE_JIEBA = (
    "import sys, jieba\n"
    "jieba.setLogLevel(60)\n"
    "for line in open(sys.argv[1], encoding='utf-8'):\n"
    "    jieba.lcut(line.rstrip('\\n'))\n"
)


@dataclass(frozen=True)
class ProcessCost:
    cpu_s: float
    wall_s: float


def timed_child(command: list[str], stdin_path: Path | None) -> ProcessCost:
    """CPU (user + system) and wall time of one child process run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(stdin_path or os.devnull, "rb") as stdin:
        subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return ProcessCost(cpu, wall)


def write_inputs(texts: list[str], folder: Path) -> tuple[Path, Path]:
    """The complaints as `griddesk route` requests and as plain lines."""
    requests, plain = folder / "requests.jsonl", folder / "texts.txt"
    with requests.open("w", encoding="utf-8") as out:
        for number, text in enumerate(texts, 1):
            out.write(json.dumps({"id": number, "text": text}, ensure_ascii=False) + "\n")
    plain.write_text("".join(text.replace("\n", " ") + "\n" for text in texts), encoding="utf-8")
    return requests, plain


def measure(
    config_dir: Path | None, texts: list[str], rounds: int
) -> tuple[ProcessCost, ProcessCost]:
    """Best of `rounds` for `griddesk route` and for bare jieba, run in turns (after one warm-up
    run of each, so the caches are built)."""
    route_command = [sys.executable, "-m", "bot", "route"]
    if config_dir is not None:
        route_command += ["--config", str(config_dir)]
    with tempfile.TemporaryDirectory(prefix="griddesk-route-bench-") as name:
        requests, plain = write_inputs(texts, Path(name))
        jieba_command = [sys.executable, "-c", _BARE_JIEBA, str(plain)]
        runs: dict[str, list[ProcessCost]] = {"route": [], "jieba": []}
        for _ in range(rounds + 1):
            runs["route"].append(timed_child(route_command, requests))
            runs["jieba"].append(timed_child(jieba_command, None))
    best = {name: min(costs[1:], key=lambda c: c.cpu_s) for name, costs in runs.items()}
    return best["route"], best["jieba"]


def run(
    config: GridDeskConfig,
    config_dir: Path | None,
    count: int,
    rounds: int,
    echo: Callable[[str], None],
) -> None:
    """The benchmark, printed."""
    from bench.route import corpus

    texts = corpus(config, count)
    route, jieba = measure(config_dir, texts, rounds)
    echo(f"{len(texts)} complaints, whole processes, best of {rounds} (CPU = user + system):")
    echo(f"  griddesk route      {route.cpu_s:6.2f} s CPU  {route.wall_s:6.2f} s wall")
    echo(f"  bare jieba.lcut     {jieba.cpu_s:6.2f} s CPU  {jieba.wall_s:6.2f} s wall")
    echo(f"  ratio               {route.cpu_s / jieba.cpu_s:6.2f}x CPU "
         f"{route.wall_s / jieba.wall_s:6.2f}x wall (target <= 1.5x)")  # fmt: skip
