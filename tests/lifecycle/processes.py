"""Real `griddesk run` / `griddesk webhook` processes (with an optional hold point) against the
Bot API double in the test's event loop; killed, stopped and restarted by the tests."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.botapi_double import BotApiDouble, SimUser
from tests.e2e.test_front_door import LAMP

ROOT = Path(__file__).resolve().parents[2]
SECRET = "life-Secret_3"
HOOK_PATH = "/tg/hook"
START_TIMEOUT_S = 90.0


@dataclass
class BotProcess:
    process: subprocess.Popen[bytes]
    log: Path
    offset: int = 0  # where this process's output starts in the shared log

    def text(self) -> str:
        data = self.log.read_bytes()[self.offset :]
        return data.decode("utf-8", errors="replace")

    async def wait_for_line(self, needle: str, timeout: float = 60.0) -> str:  # noqa: ASYNC109
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.text().splitlines():
                if needle in line:
                    return line
            if self.process.poll() is not None:
                raise AssertionError(f"process exited before {needle!r}:\n{self.text()[-3000:]}")
            await asyncio.sleep(0.05)
        raise AssertionError(f"no {needle!r} in the log:\n{self.text()[-3000:]}")

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    async def stop(self, sig: signal.Signals = signal.SIGTERM, timeout: float = 60) -> int:  # noqa: ASYNC109
        """Send `sig` and wait for the exit (the event loop keeps serving the double)."""
        self.process.send_signal(sig)
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                self.process.kill()
                raise AssertionError(f"no exit after {sig.name}:\n{self.text()[-3000:]}")
            await asyncio.sleep(0.05)
        return int(self.process.returncode)


@dataclass
class Launcher:
    """Starts the bot the same way each time: `mode` is "run" (polling) or "webhook"."""

    api: BotApiDouble
    db_url: str
    framework: str
    mode: str
    folder: Path
    port: int
    running: list[BotProcess] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{HOOK_PATH}"

    def env(self, hold: str | None, **extra: str) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("GRIDDESK_", "TELEGRAM_", "REDIS_"))
        }
        env.update(
            PYTHONPATH=str(ROOT),
            GRIDDESK_DATABASE_URL=self.db_url,
            TELEGRAM_BOT_TOKEN=self.api.token,
            TELEGRAM_API_BASE=self.api.base_url,
            TELEGRAM_WEBHOOK_SECRET=SECRET,
            GRIDDESK_LOG_LEVEL="INFO",
            GRIDDESK_TEST_HOLD=hold or "none:0",
            **extra,
        )
        return env

    def arguments(self) -> list[str]:
        if self.mode == "run":
            return ["run", "--framework", self.framework]
        return [
            "webhook",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--path",
            HOOK_PATH,
            "--url",
            self.url,
            "--framework",
            self.framework,
        ]

    async def start(self, hold: str | None = None, **extra: str) -> BotProcess:
        """A new process; returns once it takes updates."""
        log = self.folder / "bot.log"
        offset = log.stat().st_size if log.exists() else 0
        bot = BotProcess(_spawn(self.arguments(), self.env(hold, **extra), log), log, offset)
        self.running.append(bot)
        await bot.wait_for_line(
            "GridDesk webhook on" if self.mode == "webhook" else "GridDesk polling with",
            timeout=START_TIMEOUT_S,
        )
        if self.mode == "webhook":
            await self.api.wait_for_call("setWebhook", timeout=10)
        return bot

    def acknowledged(self, update_id: int) -> bool:
        """Telegram would not deliver the update again: HTTP 2xx, or a later offset."""
        if self.mode == "webhook":
            return any(
                d.update_id == update_id and 200 <= d.status < 300
                for d in self.api.webhook_deliveries
            )
        return any(
            e.method == "getUpdates" and int(e.params.get("offset") or 0) > update_id
            for e in self.api.exchanges
        )

    async def wait_acknowledged(self, update_id: int, timeout: float = 30) -> None:  # noqa: ASYNC109
        deadline = time.monotonic() + timeout
        while not self.acknowledged(update_id):
            if time.monotonic() > deadline:
                raise AssertionError(f"update {update_id} never acknowledged")
            await asyncio.sleep(0.05)

    def stop_all(self) -> None:
        for bot in self.running:
            if bot.process.poll() is None:
                bot.process.kill()
                bot.process.wait()


def _spawn(arguments: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """`griddesk …` through the hold hook, in its own interpreter, appending to `log`."""
    command = [sys.executable, "-m", "tests.lifecycle.hold", *arguments]
    with log.open("ab") as sink:
        return subprocess.Popen(
            command, cwd=log.parent, env=env, stdout=sink, stderr=subprocess.STDOUT
        )


async def press_confirm(api: BotApiDouble, resident: SimUser, text: str = LAMP) -> Any:
    """The resident describes a problem and presses 确认提交; returns the press's update."""
    await resident.send_text(text)
    summary = await api.wait_for(resident, "请核对", timeout=30)
    return await resident.press(summary, "确认提交")
