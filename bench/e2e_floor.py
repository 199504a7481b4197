"""The framework's floor for `griddesk bench e2e`: the same filings through the same dispatcher
and in-process Bot API, with the core's work taken out.

While the real core handles the warm-up filings, `OutcomeRecorder` keeps one outcome of each
step (the summary after a complaint text, the ticket number after 确认提交). `canned_core` then
makes the core answer every update with the recorded outcome of its step, re-addressed to the
update's chat: no database, no routing, no state, but the same replies, keyboards and button
answers for the framework to send. The filing rate of that run bounds what any core could reach
with this framework on this machine.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace

from handlers.core import Core
from handlers.types import Incoming, Kind, Outcome

Handle = Callable[[Incoming], Awaitable[Outcome]]


class OutcomeRecorder:
    """Wraps `Core.handle` and keeps the latest outcome of a text and of a button press."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.inner: Handle = core.handle
        self.text: Outcome | None = None
        self.press: Outcome | None = None

    async def __call__(self, incoming: Incoming) -> Outcome:
        outcome = await self.inner(incoming)
        if outcome.replies:
            if incoming.kind == Kind.CALLBACK:
                self.press = outcome
            elif incoming.kind == Kind.TEXT:
                self.text = outcome
        return outcome


@contextlib.contextmanager
def _handling(core: Core, handle: Handle) -> Iterator[None]:
    """While inside, `core` handles updates with `handle` instead of its own method."""
    core.handle = handle  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        del core.handle  # back to the class's method


@contextlib.contextmanager
def recording(core: Core) -> Iterator[OutcomeRecorder]:
    recorder = OutcomeRecorder(core)
    with _handling(core, recorder):
        yield recorder


def readdressed(outcome: Outcome, incoming: Incoming) -> Outcome:
    """`outcome` sent to the chat of `incoming` (and answering its button press)."""
    assert incoming.chat_id is not None
    replies = [replace(reply, chat_id=incoming.chat_id) for reply in outcome.replies]
    answer = outcome.answer
    if answer is not None and incoming.callback_id is not None:
        answer = replace(answer, callback_id=incoming.callback_id)
    return Outcome(replies, answer, [])


@contextlib.contextmanager
def canned_core(core: Core, recorder: OutcomeRecorder) -> Iterator[None]:
    """While inside, `core` answers each update with the recorded outcome of its step."""
    if recorder.text is None or recorder.press is None:
        raise RuntimeError("no outcome recorded: run some filings through the real core first")
    text, press = recorder.text, recorder.press

    async def handle(incoming: Incoming) -> Outcome:
        return readdressed(press if incoming.kind == Kind.CALLBACK else text, incoming)

    with _handling(core, handle):
        yield
