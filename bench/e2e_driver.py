"""The measuring process of `griddesk bench e2e`: a real dispatcher (aiogram or PTB) and core on
PostgreSQL, fed Bot API updates directly, answered by the in-process Bot API.

Run by the coordinator (`bench.e2e`) as `python -m bench.e2e_driver SPEC.json`: it prints
`ready`, waits for a line on stdin (so several processes start together), runs its phases and
prints one JSON line of figures. Nothing here asserts a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import subprocess
import sys
import time
from array import array
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from bench.e2e_api import BOT_USER, TOKEN, LocalBotApi
from bench.e2e_floor import canned_core, recording
from bot.app import freeze_startup_objects
from handlers.core import Core

Feed = Callable[[dict[str, Any]], Awaitable[None]]


@dataclass
class Spec:
    """What one measuring process does (written as JSON by the coordinator)."""

    db_url: str
    texts: list[str]
    framework: str = "aiogram"
    redis_url: str | None = None
    conversations: int = 1000
    concurrency: int = 16
    chat_base: int = 6_000_000_000
    update_base: int = 1
    warmup: int = 50
    half_rate: bool = True  # also run the open-loop phase at half the measured rate
    half_seconds: float = 15.0
    open_conversations: int = 0  # then leave this many conversations waiting at the summary
    floor: bool = False  # and the same filings once more with the core's work taken out


@dataclass
class Phase:
    conversations: int = 0
    tickets: int = 0
    updates: int = 0
    seconds: float = 0.0
    started_at: float = 0.0  # wall clock, to combine processes
    ended_at: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    failures: int = 0
    offered_rate: float = 0.0
    cpu_ms_per_ticket: float = 0.0  # this process's CPU time (not PostgreSQL's)

    @property
    def rate(self) -> float:
        return self.tickets / self.seconds if self.seconds else 0.0


@dataclass
class Result:
    framework: str
    max: Phase = field(default_factory=Phase)
    half: Phase | None = None
    open_conversations: int = 0
    rss_core_mb: float = 0.0  # after build_app: configuration, routing engine, database
    rss_framework_mb: float = 0.0  # and the framework's bot / dispatcher
    rss_ready_mb: float = 0.0  # set up and warmed up, before the max-rate run
    rss_open_mb: float = 0.0
    floor: Phase | None = None  # the framework's floor (bench/e2e_floor.py)
    rss_after_max_mb: float = 0.0
    peak_rss_mb: float = 0.0
    api_calls: dict[str, int] = field(default_factory=dict)


def memory_mb() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MB."""
    values: dict[str, float] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def percentile(samples: array[float], fraction: float) -> float:
    if not samples:
        return 0.0
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Driver:
    """Simulated residents: each conversation is a complaint text, then 确认提交 on the summary."""

    def __init__(self, spec: Spec, api: LocalBotApi, feed: Feed) -> None:
        self.spec, self.api, self.feed = spec, api, feed
        self.next_update = spec.update_base
        self.next_query = 1
        self.next_chat = spec.chat_base
        self.latencies: array[float] = array("d")
        self.failures = 0
        self.cpu_began = 0.0

    def new_chat(self) -> int:
        self.next_chat += 1
        return self.next_chat

    def _update_id(self) -> int:
        self.next_update += 1
        return self.next_update

    @staticmethod
    def _user(chat_id: int) -> dict[str, Any]:
        return {"id": chat_id, "is_bot": False, "first_name": "居民", "language_code": "zh-hans"}

    def text_update(self, chat_id: int, text: str) -> dict[str, Any]:
        chat = {"id": chat_id, "type": "private", "first_name": "居民"}
        return {
            "update_id": self._update_id(),
            "message": {
                "message_id": 1,
                "date": int(time.time()),
                "chat": chat,
                "from": self._user(chat_id),
                "text": text,
            },
        }

    def press_update(self, chat_id: int, message_id: int, data: str) -> dict[str, Any]:
        self.next_query += 1
        chat = {"id": chat_id, "type": "private", "first_name": "居民"}
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": BOT_USER,
            "text": "请核对您的诉求",
        }
        return {
            "update_id": self._update_id(),
            "callback_query": {
                "id": str(self.next_query),
                "from": self._user(chat_id),
                "message": message,
                "chat_instance": str(chat_id),
                "data": data,
            },
        }

    async def _timed(self, update: dict[str, Any], arrived: float | None = None) -> None:
        start = arrived if arrived is not None else time.perf_counter()
        await self.feed(update)
        self.latencies.append(time.perf_counter() - start)

    async def start(self, chat_id: int, text: str, arrived: float | None = None) -> bool:
        """The complaint text; True when the summary with 确认提交 came back."""
        await self._timed(self.text_update(chat_id, text), arrived)
        return chat_id in self.api.confirm

    async def conversation(self, index: int, arrived: float | None = None) -> bool:
        """One complete filing; True when the resident got a ticket number."""
        chat_id = self.new_chat()
        texts = self.spec.texts
        if not await self.start(chat_id, texts[index % len(texts)], arrived):
            self.failures += 1
            return False
        message_id, data = self.api.confirm.pop(chat_id)
        await self._timed(self.press_update(chat_id, message_id, data))
        if self.api.numbers.pop(chat_id, None) is None:
            self.failures += 1
            return False
        return True

    def _phase(self, tickets: int, began: float, wall: float) -> Phase:
        elapsed = time.perf_counter() - began
        samples = self.latencies
        cpu = (time.process_time() - self.cpu_began) / max(1, tickets) * 1e3
        return Phase(
            conversations=0,
            tickets=tickets,
            updates=len(samples),
            seconds=elapsed,
            started_at=wall,
            ended_at=wall + elapsed,
            cpu_ms_per_ticket=cpu,
            p50_ms=percentile(samples, 0.50) * 1e3,
            p99_ms=percentile(samples, 0.99) * 1e3,
            max_ms=max(samples, default=0.0) * 1e3,
            failures=self.failures,
        )

    def _reset(self) -> None:
        self.latencies = array("d")
        self.failures = 0
        self.cpu_began = time.process_time()

    async def closed_loop(self, count: int, concurrency: int) -> Phase:
        """`concurrency` residents at a time, each starting the next filing at once."""
        self._reset()
        indexes = iter(range(count))
        filed = 0

        async def resident() -> None:
            nonlocal filed
            for index in indexes:
                done = await self.conversation(index)
                filed += done

        wall, began = time.time(), time.perf_counter()
        await asyncio.gather(*(resident() for _ in range(concurrency)))
        phase = self._phase(filed, began, wall)
        phase.conversations = count
        return phase

    async def open_loop(self, rate: float, count: int) -> Phase:
        """Filings start at a steady `rate` per second whether or not earlier ones finished;
        a text's latency counts from its scheduled arrival."""
        self._reset()
        wall, began = time.time(), time.perf_counter()
        tasks = []
        for index in range(count):
            arrival = began + index / rate
            delay = arrival - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(self.conversation(index, arrival)))
        filed = sum(await asyncio.gather(*tasks))
        phase = self._phase(filed, began, wall)
        phase.conversations, phase.offered_rate = count, rate
        return phase

    async def open_many(self, count: int, concurrency: int) -> int:
        """Leave `count` residents at the summary (drafts in progress); returns how many."""
        indexes = iter(range(count))
        waiting = 0

        async def resident() -> None:
            nonlocal waiting
            for index in indexes:
                chat_id = self.new_chat()
                texts = self.spec.texts
                if await self.start(chat_id, texts[index % len(texts)]):
                    waiting += 1
                    self.api.confirm.pop(chat_id, None)

        await asyncio.gather(*(resident() for _ in range(concurrency)))
        return waiting


STAGES: dict[str, float] = {}  # RSS (MB) after each start-up stage of this process


def warm_dictionary() -> None:
    """Build the routing engine once in a throw-away interpreter, so that jieba's dictionary
    cache exists (as after `griddesk route` at deployment): a process that builds the cache
    itself keeps ~45 MB more for its lifetime, which is not what a running bot looks like."""
    code = (
        "from models.config.loader import load_config; from nlp.router import Router; "
        "Router.from_config(load_config())"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


@contextlib.asynccontextmanager
async def stack(spec: Spec, api: LocalBotApi) -> AsyncIterator[tuple[Feed, Core]]:
    """The real bot stack of `spec.framework` over the core, with the in-process Bot API."""
    from bot.app import build_app
    from bot.settings import Settings

    warm_dictionary()

    settings = Settings.model_validate(
        {
            "GRIDDESK_DATABASE_URL": spec.db_url,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_FRAMEWORK": spec.framework,
            "REDIS_URL": spec.redis_url or "",
            "GRIDDESK_LOG_LEVEL": "WARNING",
        }
    )
    app = await build_app(settings, migrate=False)
    STAGES["core"] = memory_mb()[0]
    try:
        if spec.framework == "ptb":
            from bench.e2e_ptb import ptb_feed

            async with ptb_feed(app.core, api) as feed:
                STAGES["framework"] = memory_mb()[0]
                yield feed, app.core
        else:
            from bench.e2e_aiogram import aiogram_feed

            async with aiogram_feed(app.core, api) as feed:
                STAGES["framework"] = memory_mb()[0]
                yield feed, app.core
    finally:
        close = getattr(app.services.conversations, "close", None)
        if close is not None:
            await close()
        await app.close()


async def run(spec: Spec, go: Callable[[], Awaitable[None]]) -> Result:
    api = LocalBotApi()
    result = Result(spec.framework)
    async with stack(spec, api) as (feed, core):
        driver = Driver(spec, api, feed)
        with recording(core) as recorder:
            await driver.closed_loop(spec.warmup, min(spec.concurrency, max(1, spec.warmup)))
        freeze_startup_objects()
        result.rss_ready_mb = memory_mb()[0]
        result.rss_core_mb = STAGES.get("core", 0.0)
        result.rss_framework_mb = STAGES.get("framework", 0.0)
        await go()
        result.max = await driver.closed_loop(spec.conversations, spec.concurrency)
        result.rss_after_max_mb = memory_mb()[0]
        if spec.half_rate and result.max.rate > 0:
            rate = result.max.rate / 2
            count = max(20, min(spec.conversations, int(rate * spec.half_seconds)))
            result.half = await driver.open_loop(rate, count)
        if spec.open_conversations:
            result.open_conversations = await driver.open_many(
                spec.open_conversations, spec.concurrency
            )
            gc.collect()
            result.rss_open_mb = memory_mb()[0]
        if spec.floor:
            with canned_core(core, recorder):
                result.floor = await driver.closed_loop(spec.conversations, spec.concurrency)
    result.peak_rss_mb = memory_mb()[1]
    result.api_calls = dict(api.calls)
    return result


def result_json(result: Result) -> str:
    data = asdict(result)
    data["max"]["rate"] = result.max.rate
    if result.half is not None:
        data["half"]["rate"] = result.half.rate
    if result.floor is not None:
        data["floor"]["rate"] = result.floor.rate
    return json.dumps(data)


async def _stdin_go() -> None:
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)


def main(path: str) -> None:
    logging.basicConfig(level=logging.WARNING)
    with open(path, encoding="utf-8") as source:
        spec = Spec(**json.load(source))
    result = asyncio.run(run(spec, _stdin_go))
    print(result_json(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
