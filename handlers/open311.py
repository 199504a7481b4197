"""Open311 GeoReport v2 use cases: who the client is, filing a request through the one ticket
service, and reading requests. The HTTP layer (`bot/web/open311`) only parses and renders."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from handlers.context import Services
from handlers.conversation import Draft, Reporter
from handlers.open311_view import OPEN311_SOURCE, STATUSES
from handlers.tickets import TicketService
from handlers.triage import street_of
from handlers.urgent import keep_frame
from models.orm import ApiKeyRow, TicketRow
from models.repos.open311 import RequestQuery
from models.uow import UnitOfWork

KEY_PREFIX = "gd_"
RATE_WINDOW = timedelta(minutes=1)
SAME_REQUEST_WINDOW_MIN = 10  # an identical request again within 10-20 minutes is a retry
DEFAULT_WINDOW = timedelta(days=90)  # the specification's default and widest date range
MAX_MEDIA_URL = 2000
OTHER = "other"
Permission = Literal["file", "read"]


class Open311Error(Exception):
    """A request the API refuses: the HTTP status and the specification's error body."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def key_hash(key: str) -> str:
    """What is stored of a key (and the HMAC secret its callbacks are signed with)."""
    return hashlib.sha256(key.strip().encode()).hexdigest()


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(24)


@dataclass(frozen=True)
class KeySpec:
    """A new client: its name, permissions, filings a minute and callback URL."""

    name: str
    can_file: bool = False
    can_read: bool = False
    per_minute: int = 60
    callback_url: str | None = None


async def create_key(uow: UnitOfWork, spec: KeySpec) -> str:
    """Store a new key (hashed) for a client; returns the key, which is never shown again."""
    if await uow.open311.key_named(spec.name) is not None:
        raise ValueError(f"a key named {spec.name!r} exists already")
    if spec.callback_url is not None:
        parts = urlsplit(spec.callback_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("the callback URL must be an http(s) URL")
    key = new_key()
    uow.open311.add_key(ApiKeyRow(
        name=spec.name, key_hash=key_hash(key), prefix=key[:8], can_file=spec.can_file,
        can_read=spec.can_read, per_minute=spec.per_minute, callback_url=spec.callback_url,
        created_at=uow.now()))
    await uow.flush()
    return key


async def revoke_key(uow: UnitOfWork, name: str) -> bool:
    """Revoke a client's key; False when there is no such key (or it was revoked)."""
    client = await uow.open311.key_named(name)
    if client is None or client.revoked_at is not None:
        return False
    client.revoked_at = uow.now()
    await uow.flush()
    return True


def sign(secret: str, body: bytes) -> str:
    """The callback signature header's value: HMAC-SHA256 of the body, keyed with the key's
    SHA-256 (hex) — the client computes the same from its key (docs/open311.md)."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def source_of(client: ApiKeyRow) -> str:
    return f"{OPEN311_SOURCE}{client.name}"


async def client_of(uow: UnitOfWork, api_key: str | None, need: Permission) -> ApiKeyRow:
    """The key's client, allowed to `need`; a 403 otherwise."""
    if not api_key:
        raise Open311Error(403, "api_key required")
    client = await uow.open311.key_by_hash(key_hash(api_key))
    if client is None:
        raise Open311Error(403, "invalid api_key")
    if client.revoked_at is not None:
        raise Open311Error(403, "api_key revoked")
    if not (client.can_file if need == "file" else client.can_read):
        raise Open311Error(403, f"api_key may not {'file requests' if need == 'file' else 'read'}")
    return client


@dataclass(frozen=True)
class Submission:
    """The fields of `POST requests` (strings as sent; None: absent)."""

    service_code: str | None = None
    lat: str | None = None
    long: str | None = None
    address_string: str | None = None
    description: str | None = None
    media_url: str | None = None
    email: str | None = None
    phone: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    idempotency_key: str | None = None  # the Idempotency-Key header

    @classmethod
    def from_fields(cls, fields: Mapping[str, str], idempotency_key: str | None) -> Submission:
        names = [name for name in cls.__dataclass_fields__ if name != "idempotency_key"]
        values = {name: (fields.get(name) or "").strip() or None for name in names}
        return cls(**values, idempotency_key=(idempotency_key or "").strip()[:100] or None)

    def digest(self) -> str:
        """What makes two requests of one client the same request."""
        fields = asdict(self)
        fields.pop("idempotency_key")
        return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()[:40]


@dataclass(frozen=True)
class Filed:
    ticket: TicketRow
    replayed: bool  # a retry: the ticket filed by the first request


class AlreadyFiled(Exception):
    """A concurrent retry recorded the same request first: roll back, answer with its ticket."""


class Open311Desk:
    """Filing and reading for Open311 clients, inside the caller's unit of work."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.config = services.config

    def _idempotency_keys(self, submission: Submission) -> list[str]:
        """The keys a retry of `submission` would carry, the one to record first."""
        if submission.idempotency_key:
            return [f"h:{submission.idempotency_key}"]
        bucket = int(self.services.clock.now().timestamp() // 60) // SAME_REQUEST_WINDOW_MIN
        digest = submission.digest()
        return [f"b:{digest}:{bucket}", f"b:{digest}:{bucket - 1}"]

    async def file(self, uow: UnitOfWork, client: ApiKeyRow, submission: Submission) -> Filed:
        """File `submission` as `client` (a retry answers with the first ticket)."""
        first = await self.first_filed(uow, client.id, submission)
        if first is not None:
            return Filed(first, replayed=True)
        since = self.services.clock.now() - RATE_WINDOW
        if await uow.open311.filings_since(client.id, since) >= client.per_minute:
            raise Open311Error(429, f"too many requests: at most {client.per_minute} a minute")
        draft = self.draft(submission)
        service = TicketService(uow, self.services.clock, self.config)
        ticket = await service.file(draft, Reporter(None, None, source=source_of(client)))
        await uow.flush()
        key = self._idempotency_keys(submission)[0]
        if not await uow.open311.record_filing(client.id, key, ticket.id):
            raise AlreadyFiled
        return Filed(ticket, replayed=False)

    async def first_filed(self, uow: UnitOfWork, client_id: int,
                          submission: Submission) -> TicketRow | None:
        """The ticket a request like `submission` filed first (after `AlreadyFiled`)."""
        for key in self._idempotency_keys(submission):
            found = await uow.open311.filed_under(client_id, key)
            if found is not None:
                return found
        return None

    def draft(self, submission: Submission) -> Draft:
        """The submission checked and routed as the chat routes a complaint."""
        text = self._description(submission.description)
        location = self._location(submission)
        category = self._category(submission.service_code)
        router = self.services.router
        decision = router.route(text, location)
        draft = Draft(text=text, location=location, address_text=submission.address_string,
                      media_url=self._media_url(submission.media_url),
                      phone=(submission.phone or "")[:32] or None,
                      contact_name=" ".join(filter(None, (submission.first_name,
                                                          submission.last_name)))[:64] or None)
        draft.routed(decision)
        keep_frame(router, draft, decision)
        self._place(draft, submission.address_string, location)
        if category is not None:
            draft.category = category
            draft.confidence = 1.0  # the client chose it: only the place may need review
        draft.needs_review = draft.grid is None or draft.confidence < router.review_threshold
        return draft

    def _description(self, description: str | None) -> str:
        if not description:
            raise Open311Error(400, "description required: what is the problem?")
        limit = self.services.limits.max_text
        if len(description) > limit:
            raise Open311Error(400, f"description too long: at most {limit} characters")
        return description

    def _category(self, code: str | None) -> str | None:
        """The client's category, or None: routed from the text."""
        if code is None or code == OTHER:
            return None
        if code not in {category.code for category in self.config.taxonomy.categories}:
            raise Open311Error(400, f"unknown service_code: {code[:40]}")
        return code

    def _location(self, submission: Submission) -> tuple[float, float] | None:
        if submission.lat is None and submission.long is None:
            if not submission.address_string:
                raise Open311Error(400, "location required: lat and long, or address_string")
            return None
        try:
            point = (float(submission.lat or ""), float(submission.long or ""))
        except ValueError:
            raise Open311Error(400, "lat and long must both be decimal degrees") from None
        if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
            raise Open311Error(400, "lat and long out of range")
        if not self._inside(point):
            raise Open311Error(400, f"location outside {self.config.district.name}")
        return point

    def _inside(self, point: tuple[float, float]) -> bool:
        """Within a grid of the district, or near one street's grids."""
        match = self.services.router.resolve_address(None, point)
        return match.grid is not None or street_of(self.config, (), point) is not None

    def _place(self, draft: Draft, address: str | None,
               location: tuple[float, float] | None) -> None:
        """The address string and the point, where the description named no grid."""
        if draft.grid is not None and draft.building is not None:
            return
        match = self.services.router.resolve_address(address, location)
        if match.community is not None and (draft.grid is None or match.grid is not None):
            draft.put_place((match.community, match.grid, match.building or draft.building))

    @staticmethod
    def _media_url(url: str | None) -> str | None:
        if url is None:
            return None
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > MAX_MEDIA_URL:
            raise Open311Error(400, "media_url must be an http(s) URL")
        return url


def request_query(params: Mapping[str, str], config_zone: str, now: datetime) -> RequestQuery:
    """The filters of `GET requests`; `service_request_id` overrides all others."""
    numbers = _list(params.get("service_request_id"))
    if numbers:
        return RequestQuery(numbers=tuple(number.upper() for number in numbers))
    statuses: list[str] = []
    for status in _list(params.get("status")):
        if status not in STATUSES:
            raise Open311Error(400, f"status must be open or closed, not {status[:20]}")
        statuses.extend(STATUSES[status])
    zone = ZoneInfo(config_zone)
    start = _date(params.get("start_date"), "start_date", zone)
    end = _date(params.get("end_date"), "end_date", zone)
    if start is not None and end is not None and start > end:
        raise Open311Error(400, "start_date is after end_date")
    if start is not None and end is not None and end - start > DEFAULT_WINDOW:
        raise Open311Error(400, "start_date to end_date may span 90 days at most")
    if start is None:
        start = (end or now) - DEFAULT_WINDOW
    return RequestQuery(categories=tuple(_list(params.get("service_code"))),
                        statuses=tuple(statuses), since=start, until=end)


def _list(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _date(value: str | None, name: str, zone: ZoneInfo) -> datetime | None:
    """A W3C datetime (2026-12-01T00:00:00Z, +08:00, or local time of the district)."""
    if not value:
        return None
    try:
        at = datetime.fromisoformat(value.strip())
    except ValueError:
        raise Open311Error(400, f"{name} is not a W3C datetime (2026-12-01T00:00:00+08:00)") \
            from None
    return at if at.tzinfo is not None else at.replace(tzinfo=zone)
