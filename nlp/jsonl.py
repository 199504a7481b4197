"""The JSON Lines contract of `griddesk route`: one request line in, one result line out.

Request: {"id": ..., "text": "...", "location": {"lat": .., "lon": ..} | null}.
Result: {"id", "category", "category_name", "community", "grid", "building", "urgent",
"confidence", "needs_review", "keywords", "script"}; a bad line gives {"id", "error"}.
"""

from __future__ import annotations

import json
import re
from typing import Any

from nlp.router import Router

_ID_RE = re.compile(r'"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)')


def parse_location(value: Any) -> tuple[float, float] | None:
    """`{"lat": .., "lon": ..}` or null → (lat, lon) | None; ValueError when malformed."""
    if value is None:
        return None
    if not isinstance(value, dict) or "lat" not in value or "lon" not in value:
        raise ValueError('location must be null or {"lat": number, "lon": number}')
    lat, lon = value["lat"], value["lon"]
    if any(isinstance(v, bool) or not isinstance(v, int | float) for v in (lat, lon)):
        raise ValueError("location lat and lon must be numbers")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"location out of range: lat {lat}, lon {lon}")
    return float(lat), float(lon)


class RequestError(ValueError):
    """A request line that cannot be routed; `id` is echoed when it could be read."""

    def __init__(self, request_id: Any, reason: str) -> None:
        super().__init__(reason)
        self.request_id = request_id
        self.reason = reason


def _guess_id(line: str) -> Any:
    match = _ID_RE.search(line)
    if match is None:
        return None
    try:
        return json.loads(match.group(1))
    except ValueError:
        return None


def parse_request(line: str) -> tuple[Any, str, tuple[float, float] | None]:
    """(id, text, location) of one request line; RequestError when it is malformed."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RequestError(
            _guess_id(line), f"invalid JSON: {exc.msg} (column {exc.colno})"
        ) from None
    if not isinstance(item, dict):
        raise RequestError(None, "each line must be a JSON object")
    request_id = item.get("id")
    if "text" not in item:
        raise RequestError(request_id, "missing field: text")
    text = item["text"]
    if not isinstance(text, str):
        raise RequestError(request_id, "text must be a string")
    try:
        location = parse_location(item.get("location"))
    except ValueError as exc:
        raise RequestError(request_id, str(exc)) from None
    return request_id, text, location


def route_line(router: Router, line: str, explain: bool = False) -> dict[str, Any]:
    """One result object for one request line; never raises for bad input."""
    try:
        request_id, text, location = parse_request(line)
    except RequestError as exc:
        return {"id": exc.request_id, "error": exc.reason}
    try:
        decision = router.route(text, location)
    except Exception as exc:  # a bug must not stop the other lines
        return {"id": request_id, "error": f"internal error: {type(exc).__name__}: {exc}"}
    return {"id": request_id, **decision.to_json_dict(explain=explain)}


def dumps(result: dict[str, Any]) -> str:
    """One output line; lone surrogates (from a JSON "\\ud83d" escape) stay escaped."""
    text = json.dumps(result, ensure_ascii=False, separators=(", ", ": "))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(result, ensure_ascii=True, separators=(", ", ": "))
    return text
