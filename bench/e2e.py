"""`griddesk bench e2e`: complete resident filings through the real dispatcher and core on
PostgreSQL, against the bare pipeline (jieba + one asyncpg INSERT) of the same texts.

The coordinator creates its own database (`griddesk_bench_<pid>`), measures the bare pipeline,
then starts measuring processes (`bench.e2e_driver`): one for the single-process figures
(max rate, latency at half of it, memory with many drafts in progress), and with `processes=2`
two at once sharing the database. Everything is dropped at the end. Prints figures only.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from bench.e2e_bare import BareFigures, run_bare
from bench.e2e_driver import Spec

DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
CHAT_BLOCK = 100_000_000  # chat and update ids of one measuring process
Echo = Callable[[str], None]


@dataclass(frozen=True)
class Options:
    framework: str = "aiogram"
    conversations: int = 2000
    concurrency: int = 16
    processes: int = 2
    open_conversations: int = 10_000
    server_url: str = DEFAULT_SERVER
    redis_url: str | None = None
    profile: Path | None = None


async def _admin(server_url: str, statement: str) -> None:
    from models.db import create_engine

    engine = create_engine(server_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def create_database(server_url: str, name: str) -> str:
    """A fresh migrated database holding the demo district; returns its URL."""
    from bot.app import build_app
    from bot.settings import Settings

    await _admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await _admin(server_url, f'CREATE DATABASE "{name}"')
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    app = await build_app(Settings.model_validate({"GRIDDESK_DATABASE_URL": url}))
    await app.close()
    return url


def complaint_texts(count: int) -> list[str]:
    """Varied complaints (`bench.route.corpus`) that name their place, are not urgent and need
    no review: each files in two updates (text → summary, 确认提交 → number) and its card goes
    to the grid worker."""
    from bench.route import corpus
    from models.config.loader import load_config
    from nlp.router import Router

    config = load_config()
    router = Router.from_config(config)
    chosen: list[str] = []
    for candidate in corpus(config, max(400, count * 2)):
        decision = router.route(candidate)
        calm = not decision.urgent and not decision.urgent_ask
        if not decision.needs_review and calm and len(candidate) <= 300:
            chosen.append(candidate)
        if len(chosen) >= count:
            break
    return chosen


def py_spy() -> str | None:
    """The py-spy executable (on PATH or next to this interpreter), if installed."""
    found = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    return found if Path(found).exists() else None


class Measurer:
    """A measuring process: started, waited for until ready, released, read."""

    def __init__(self, spec: Spec, folder: Path, index: int, profile: Path | None) -> None:
        path = folder / f"spec{index}.json"
        path.write_text(json.dumps(asdict(spec), ensure_ascii=False), encoding="utf-8")
        command = [sys.executable, "-m", "bench.e2e_driver", str(path)]
        spy = py_spy()
        if profile is not None and spy is not None:
            fmt = {".svg": "flamegraph", ".json": "speedscope"}.get(profile.suffix, "raw")
            command = [spy, "record", "-o", str(profile), "-f", fmt, "-r", "250", "--", *command]
        root = Path(__file__).resolve().parents[1]
        self.log = folder / f"measurer{index}.log"
        with self.log.open("wb") as errors:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                cwd=root,
            )

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            tail = self.log.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(
                f"measuring process ended early ({self.process.returncode}):\n{tail}"
            )
        return line.strip()

    def wait_ready(self) -> None:
        while self._line() != "ready":
            pass

    def go(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()

    def result(self) -> dict[str, Any]:
        while not (line := self._line()).startswith("{"):
            pass
        self.process.wait()
        return dict(json.loads(line))


def measure(specs: list[Spec], folder: Path, profile: Path | None = None) -> list[dict[str, Any]]:
    """Start every process (one after the other: each syncs the configuration), then release
    them together and collect their figures."""
    measurers: list[Measurer] = []
    try:
        for index, spec in enumerate(specs):
            measurers.append(Measurer(spec, folder, index, profile if index == 0 else None))
            measurers[-1].wait_ready()
        for measurer in measurers:
            measurer.go()
        return [measurer.result() for measurer in measurers]
    finally:
        for measurer in measurers:
            if measurer.process.poll() is None:
                measurer.process.kill()
                measurer.process.wait()


_VERIFY = text(
    "SELECT count(*), count(DISTINCT number),"
    " count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM outbox o"
    " WHERE o.ticket_number = t.number AND o.person_code = t.assignee_code))"
    " FROM tickets t"
)


async def verify(url: str) -> dict[str, int]:
    """Tickets, distinct numbers, and tickets whose worker card is missing from the outbox."""
    from models.db import create_engine

    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            row = (await connection.execute(_VERIFY)).one()
            return {"tickets": int(row[0]), "numbers": int(row[1]), "without_card": int(row[2])}
    finally:
        await engine.dispose()


def forget_redis_state(redis_url: str, specs: list[Spec], used: int) -> None:
    """Remove the conversation keys the measuring processes left in Redis."""
    from redis import Redis

    client = Redis.from_url(redis_url)
    try:
        for spec in specs:
            keys = [f"griddesk:conv:{spec.chat_base + n}" for n in range(1, used + 1)]
            for start in range(0, len(keys), 5000):
                client.unlink(*keys[start : start + 5000])
    finally:
        client.close()


def run(options: Options, echo: Echo) -> None:
    name = f"griddesk_bench_{os.getpid()}"
    url = asyncio.run(create_database(options.server_url, name))
    try:
        _run(options, url, name, echo)
    finally:
        asyncio.run(_admin(options.server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _spec(options: Options, url: str, texts: list[str], index: int, single: bool) -> Spec:
    base = 6_000_000_000 + (os.getpid() % 40) * 10 * CHAT_BLOCK + index * CHAT_BLOCK
    return Spec(
        db_url=url,
        texts=texts,
        framework=options.framework,
        redis_url=options.redis_url,
        conversations=options.conversations,
        concurrency=options.concurrency,
        chat_base=base,
        update_base=(index + 1) * CHAT_BLOCK,
        half_rate=single,
        open_conversations=options.open_conversations if single else 0,
        floor=single,
    )


def _run(options: Options, url: str, name: str, echo: Echo) -> None:
    state = "Redis" if options.redis_url else "the database"
    echo(
        f"griddesk bench e2e — {options.framework}, PostgreSQL database {name}, "
        f"conversation state in {state}"
    )
    texts = complaint_texts(min(options.conversations, 1000))
    echo(
        f"texts: {len(texts)} distinct complaints that name their place (not urgent), "
        f"{statistics.mean(map(len, texts)):.0f} characters on average, used in turn"
    )
    bare = asyncio.run(run_bare(url, texts, max(options.conversations, 5000), options.concurrency))
    _print_bare(bare, options.concurrency, echo)
    with tempfile.TemporaryDirectory(prefix="griddesk-bench-") as folder:
        specs = [_spec(options, url, texts, 0, single=True)]
        [single] = measure(specs, Path(folder), options.profile)
        _print_single(single, bare, options, echo)
        if options.processes > 1:
            pair = [
                _spec(options, url, texts, i + 1, single=False) for i in range(options.processes)
            ]
            specs += pair
            _print_pair(measure(pair, Path(folder)), single, echo)
    used = options.conversations * 2 + options.open_conversations + 10_000
    if options.redis_url:
        forget_redis_state(options.redis_url, specs, used)
    checked = asyncio.run(verify(url))
    ok = checked["tickets"] == checked["numbers"] and checked["without_card"] == 0
    echo(
        f"check: {checked['tickets']} tickets, {checked['numbers']} distinct numbers, "
        f"{checked['without_card']} without the worker card in the outbox"
        + (" — OK" if ok else " — WRONG")
    )
    if options.profile is not None:
        shown = options.profile if py_spy() else "none (py-spy not installed: pip install py-spy)"
        echo(f"profile of the single-process run: {shown}")


def _print_bare(bare: BareFigures, concurrency: int, echo: Echo) -> None:
    echo(
        f"bare pipeline (jieba.lcut + one asyncpg INSERT, {concurrency} connections): "
        f"{bare.complaints} complaints in {bare.seconds:.1f} s = {bare.rate:.0f} /s, "
        f"p50 {bare.p50_ms:.1f} ms, p99 {bare.p99_ms:.1f} ms"
    )


def _print_single(result: dict[str, Any], bare: BareFigures, options: Options, echo: Echo) -> None:
    top = result["max"]
    echo(
        f"one process, {options.concurrency} residents at a time: {top['tickets']} tickets "
        f"({top['updates']} updates) in {top['seconds']:.1f} s = {top['rate']:.1f} tickets/s; "
        f"update latency p50 {top['p50_ms']:.1f} ms, p99 {top['p99_ms']:.1f} ms; "
        f"{top['cpu_ms_per_ticket']:.1f} ms CPU of the bot process per ticket; "
        f"{top['failures']} failed"
    )
    ratio = top["rate"] / bare.rate if bare.rate else 0.0
    echo(f"  ratio to the bare pipeline: {ratio:.1%} (target ≥ 40%)")
    floor = result.get("floor")
    if floor:
        share = floor["rate"] / bare.rate if bare.rate else 0.0
        echo(f"  the framework's floor (same updates and replies, the core's work taken out): "
             f"{floor['rate']:.0f} filings/s = {share:.1%} of the bare pipeline; "
             f"{floor['cpu_ms_per_ticket']:.1f} ms CPU per filing")
    updates = top["updates"] / top["seconds"] if top["seconds"] else 0.0
    echo(f"  like with like (one update, one transaction, against one INSERT): "
         f"{updates:.0f} updates/s = {updates / bare.rate if bare.rate else 0.0:.1%}")
    half = result.get("half")
    if half:
        echo(
            f"half the max rate ({half['offered_rate']:.1f} filings/s offered, open loop, "
            f"{half['tickets']} tickets): update latency p50 {half['p50_ms']:.1f} ms, "
            f"p99 {half['p99_ms']:.1f} ms, max {half['max_ms']:.1f} ms (target p99 < 50 ms)"
        )
    if result.get("open_conversations"):
        echo(
            f"{result['open_conversations']:,} conversations in progress (waiting at the "
            f"summary): RSS {result['rss_open_mb']:.0f} MB (target < 300 MB)"
        )
    echo(
        f"RSS after build_app {result['rss_core_mb']:.0f} MB, ready (framework loaded, warmed "
        f"up) {result['rss_ready_mb']:.0f} MB, after the max-rate run "
        f"{result['rss_after_max_mb']:.0f} MB; peak RSS of the process "
        f"{result['peak_rss_mb']:.0f} MB"
    )


def _print_pair(results: list[dict[str, Any]], single: dict[str, Any], echo: Echo) -> None:
    tickets = sum(r["max"]["tickets"] for r in results)
    began = min(r["max"]["started_at"] for r in results)
    ended = max(r["max"]["ended_at"] for r in results)
    rate = tickets / (ended - began) if ended > began else 0.0
    scale = rate / single["max"]["rate"] if single["max"]["rate"] else 0.0
    p99 = max(r["max"]["p99_ms"] for r in results)
    failures = sum(r["max"]["failures"] for r in results)
    echo(
        f"{len(results)} processes sharing the database: {tickets} tickets in "
        f"{ended - began:.1f} s = {rate:.1f} tickets/s ({scale:.2f}x one process); "
        f"worst update p99 {p99:.1f} ms; {failures} failed"
    )
