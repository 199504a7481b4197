"""Faults a test can inject into the double: `api.inject("sendMessage", retry_after(3))`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Fault:
    """One scripted failure: an error answer, a dropped connection or a delay before answering."""

    kind: str
    status: int = 0
    description: str = ""
    parameters: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = dict(self.parameters)
        return body


def retry_after(seconds: int) -> Fault:
    """429 Too Many Requests with parameters.retry_after."""
    return Fault(
        "retry_after",
        429,
        f"Too Many Requests: retry after {seconds}",
        {"retry_after": int(seconds)},
    )


def server_error(status: int = 500, description: str | None = None) -> Fault:
    """A 5xx answer with a JSON error body."""
    return Fault(
        "server_error", status, description or _PHRASES.get(status, "Internal Server Error")
    )


def error(status: int, description: str, parameters: dict[str, Any] | None = None) -> Fault:
    """Any Bot API error answer."""
    return Fault("error", status, description, dict(parameters or {}))


def delay(seconds: float) -> Fault:
    """Answer normally, but only after `seconds` (exercises client timeouts)."""
    return Fault("delay", seconds=seconds)


connection_reset = Fault("connection_reset")
blocked = Fault("blocked", 403, "Forbidden: bot was blocked by the user")
chat_not_found = Fault("chat_not_found", 400, "Bad Request: chat not found")
user_deactivated = Fault("user_deactivated", 403, "Forbidden: user is deactivated")

_PHRASES = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
_BY_NAME = {
    "connection_reset": connection_reset,
    "blocked": blocked,
    "chat_not_found": chat_not_found,
    "user_deactivated": user_deactivated,
    "server_error": server_error(500),
    "retry_after": retry_after(1),
}


def as_fault(value: Fault | str) -> Fault:
    """Accept a Fault or one of the names above ("blocked", "retry_after", ...)."""
    if isinstance(value, Fault):
        return value
    try:
        return _BY_NAME[value]
    except KeyError:
        raise ValueError(f"unknown fault {value!r}; known: {sorted(_BY_NAME)}") from None


@dataclass
class Injection:
    """A fault armed for a method (or "*") and optionally one chat, `remaining` more times."""

    method: str
    fault: Fault
    remaining: int | None
    chat_id: int | str | None = None
    hits: int = 0

    def matches(self, method: str, params: dict[str, Any]) -> bool:
        if self.remaining is not None and self.remaining <= 0:
            return False
        if self.method != "*" and self.method.lower() != method.lower():
            return False
        return self.chat_id is None or str(params.get("chat_id")) == str(self.chat_id)

    def take(self) -> Fault:
        self.hits += 1
        if self.remaining is not None:
            self.remaining -= 1
        return self.fault
