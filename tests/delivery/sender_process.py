"""One outbox sender as its own process, until SIGTERM (test_sigkill_pg kills it with SIGKILL).

python tests/delivery/sender_process.py DB_URL API_BASE TOKEN --lease 3 --rate 200
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal

from bot.telegram.ratelimit import Limits
from bot.telegram.sender_api import BotApi
from bot.workers.sender import Sender, SenderConfig
from models.clock import SystemClock
from models.db import create_engine, session_factory
from models.uow import UnitOfWorkFactory


async def serve(args: argparse.Namespace) -> None:
    engine = create_engine(args.db_url)
    uows = UnitOfWorkFactory(session_factory(engine), SystemClock())
    limits = Limits(global_rate=args.rate, private_interval=0.0, group_interval=0.0,
                    group_per_minute=100_000)  # fmt: skip
    config = SenderConfig(limits=limits, lease=args.lease, poll_interval=0.05,
                          backoff_base=0.05, backoff_cap=0.5)  # fmt: skip
    sender = Sender(uows, BotApi(args.token, args.api_base), config=config, worker_id=args.worker)
    task = asyncio.create_task(sender.run())
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    print("ready", flush=True)
    try:
        with contextlib.suppress(asyncio.CancelledError):
            await task
    finally:
        await sender.api.close()
        await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db_url")
    parser.add_argument("api_base")
    parser.add_argument("token")
    parser.add_argument("--lease", type=float, default=3.0)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--worker", default=None)
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
