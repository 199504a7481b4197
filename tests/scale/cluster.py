"""Several real `griddesk webhook` processes on loopback ports, one database (and Redis), the Bot
API double for their outgoing calls: what a load balancer in front of a scaled-out bot sees."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[2]
SECRET = "scale-Secret_9"
PATH = "/tg/hook"
START_TIMEOUT_S = 90.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class WebhookProcess:
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{PATH}"

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]


def start_webhook(
    index: int, env: dict[str, str], folder: Path, framework: str, jobs: bool = True
) -> WebhookProcess:
    """`griddesk webhook` as its own interpreter (working directory `folder`: no stray .env)."""
    port = free_port()
    command = [
        "webhook",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--path",
        PATH,
        "--framework",
        framework,
        "--jobs" if jobs else "--no-jobs",
    ]
    return WebhookProcess(port, *_spawn(command, env, folder / f"webhook{index}.log"))


def start_worker(env: dict[str, str], folder: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """`griddesk worker`: the sweeper and the sender of a scaled-out layout."""
    return _spawn(["worker", "--no-daily-report"], env, folder / "worker.log")


def _spawn(
    arguments: list[str], env: dict[str, str], log: Path
) -> tuple[subprocess.Popen[bytes], Path]:
    command = [sys.executable, "-c", "from bot.cli import main; main()", *arguments]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=log.parent, env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    return process, log


async def wait_listening(hook: WebhookProcess) -> None:
    """Until the port accepts connections (the event loop keeps serving the Bot API double)."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if hook.process.poll() is not None:
            raise AssertionError(f"webhook process exited:\n{hook.log_tail()}")
        with contextlib.suppress(OSError):
            _, writer = await asyncio.open_connection("127.0.0.1", hook.port)
            writer.close()
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"webhook process never listened:\n{hook.log_tail()}")


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.asynccontextmanager
async def webhooks(
    count: int,
    *,
    db_url: str,
    api_base: str,
    token: str,
    framework: str,
    folder: Path,
    redis_url: str | None = None,
    worker: bool = False,
) -> AsyncIterator[list[WebhookProcess]]:
    """`count` webhook processes, started one after the other (each syncs the configuration at
    start-up), stopped at the end. Each runs its own sweeper and sender, or with `worker` none
    does and one `griddesk worker` process runs them for all."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GRIDDESK_", "TELEGRAM_", "REDIS_"))
    }
    env.update(
        PYTHONPATH=str(ROOT),
        GRIDDESK_DATABASE_URL=db_url,
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE=api_base,
        TELEGRAM_WEBHOOK_SECRET=SECRET,
        GRIDDESK_LOG_LEVEL="WARNING",
        REDIS_URL=redis_url or "",
    )
    hooks: list[WebhookProcess] = []
    workers: list[subprocess.Popen[bytes]] = []
    try:
        for index in range(count):
            hooks.append(start_webhook(index, env, folder, framework, jobs=not worker))
            await wait_listening(hooks[-1])
        if worker:
            workers.append(start_worker(env, folder)[0])
        yield hooks
    finally:
        stop([hook.process for hook in hooks] + workers)


class Poster:
    """POSTs updates to the webhook processes the way Telegram does (secret header)."""

    def __init__(self, hooks: list[WebhookProcess]) -> None:
        self.hooks = hooks
        self.posted = [0] * len(hooks)

    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[Poster]:
        async with aiohttp.ClientSession() as http:
            self.http = http
            yield self

    async def post(self, index: int, update: dict[str, Any]) -> None:
        hook = self.hooks[index % len(self.hooks)]
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with self.http.post(
            hook.url, json=dict(update), headers=headers, timeout=aiohttp.ClientTimeout(total=60)
        ) as response:
            assert response.status == 200, f"{hook.url}: {response.status}\n{hook.log_tail()}"
        self.posted[index % len(self.hooks)] += 1

    async def post_together(self, pairs: list[tuple[int, dict[str, Any]]]) -> None:
        """Several updates at the same moment (to different processes)."""
        await asyncio.gather(*(self.post(index, update) for index, update in pairs))
