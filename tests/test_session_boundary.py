"""Repositories own every query: outside models/, nothing reaches a unit of work's session."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def session_lines(source: str) -> list[int]:
    """Lines reading `uow.session` or `<anything>.uow.session`."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute) and node.attr == "session"
        and "uow" in (getattr(node.value, "id", None), getattr(node.value, "attr", None))
    )


def test_handlers_and_bot_never_touch_the_session() -> None:
    uses = [
        f"{path.relative_to(ROOT)}:{line}"
        for package in ("handlers", "bot")
        for path in sorted((ROOT / package).rglob("*.py"))
        for line in session_lines(path.read_text(encoding="utf-8"))
    ]
    assert uses == []


def test_the_check_sees_both_spellings() -> None:
    source = "async def f(self, uow):\n    await self.uow.session.flush()\n    uow.session.add(1)\n"
    assert session_lines(source) == [2, 3]
    assert session_lines("uow.tickets.add(t)\nsession.add(t)\n") == []


def test_only_the_wiring_builds_units_of_work() -> None:
    """The application, the worker and the CLI's `opened` make the session factory; every other
    command goes through them, so none writes rows through a bare session."""
    builders = sorted(
        str(path.relative_to(ROOT))
        for package in ("handlers", "bot")
        for path in (ROOT / package).rglob("*.py")
        if "session_factory(" in path.read_text(encoding="utf-8")
    )
    assert builders == ["bot/app.py", "bot/cli/commands/worker_cmd.py", "bot/cli/database.py"]
