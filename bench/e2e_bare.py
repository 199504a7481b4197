"""The physical ceiling `griddesk bench e2e` compares against: per complaint, jieba segmentation
plus one plain asyncpg INSERT (autocommit), with as many connections as the bot's concurrency."""

from __future__ import annotations

import asyncio
import time
from array import array
from dataclasses import dataclass

from sqlalchemy.engine import make_url

TABLE = "bench_bare"


@dataclass(frozen=True)
class BareFigures:
    complaints: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        return self.complaints / self.seconds if self.seconds else 0.0


def asyncpg_dsn(url: str) -> str:
    """`postgresql+asyncpg://…` (SQLAlchemy) → `postgresql://…` (asyncpg)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def run_bare(url: str, texts: list[str], count: int, concurrency: int) -> BareFigures:
    import asyncpg
    import jieba

    jieba.setLogLevel(30)
    jieba.initialize()
    for text in texts[:200]:
        jieba.lcut(text)
    pool = await asyncpg.create_pool(asyncpg_dsn(url), min_size=concurrency, max_size=concurrency)
    try:
        await pool.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (id bigserial PRIMARY KEY, text text NOT NULL,"
            " words text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
        )
        latencies: array[float] = array("d")
        indexes = iter(range(count))
        insert = f"INSERT INTO {TABLE} (text, words) VALUES ($1, $2)"

        async def worker() -> None:
            async with pool.acquire() as connection:
                for index in indexes:
                    start = time.perf_counter()
                    text = texts[index % len(texts)]
                    await connection.execute(insert, text, " ".join(jieba.lcut(text)))
                    latencies.append(time.perf_counter() - start)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
        await pool.execute(f"DROP TABLE {TABLE}")
    finally:
        await pool.close()
    ordered = sorted(latencies)
    return BareFigures(
        count,
        elapsed,
        ordered[len(ordered) // 2] * 1e3,
        ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1e3,
    )
