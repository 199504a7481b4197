"""A chat's conversation, typed: its states, the resident's draft and the staff member's note.

    (idle) --我要反映 / a text / a photo / a location--> draft --filed / 取消--> (idle)
    draft steps: text | edit --> [urgent_answer] --> [address] --> confirm --> filed
                 confirm --a second text--> new_or_add --新的问题 / 补充--> (held draft) ...
    (idle) --a missing or fallen person filed--> urgent_details --6 h or a new complaint--> ...
    staff card button --> staff_note | hand_in --the text--> (idle)
    staff text outside a prompt --> staff_text --使用 / 作为新问题--> (idle) | draft
    不满意 --> rating_reason --the reason--> (idle)
    走访登记 --> visit --楼栋, 房号--> 无诉求 (idle) | 代居民反映 --> draft (on behalf) ...
    代居民反映 --> draft (on behalf) [resident_contact: name and phone, with consent] --> filed

What each input does at each state and step is declared in `handlers.core.TEXT_ROUTES`. The models
are stored as JSON in the chat's conversation row (`to_data`) and read back with `from_data`,
which also reads drafts stored before they were typed (their step was called `awaiting`)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from models.orm import TELEGRAM
from nlp.router import RoutingDecision


class State(StrEnum):
    """The conversation a chat is in (IDLE: none)."""

    IDLE = ""
    DRAFT = "draft"
    URGENT_DETAILS = "urgent_details"  # after a missing or fallen person's filing
    STAFF_NOTE = "staff_note"  # the reason or result a staff button asked for
    HAND_IN = "hand_in"  # the result of a case escalated away (提交办理结果)
    STAFF_HELD = "staff_text"  # staff text sent outside any prompt, held
    RATING_REASON = "rating_reason"  # why 不满意
    VISIT = "visit"  # 走访登记: the household, then 无诉求 or 代居民反映


STATES = frozenset(state.value for state in State)


class Step(StrEnum):
    """What an open draft waits for next (None: nothing yet, the description is being read)."""

    TEXT = "text"  # the description (我要反映, a location or a photo came first)
    EDIT = "edit"  # a new description after 修改
    ADDRESS = "address"  # where it is
    CONFIRM = "confirm"  # 确认提交 on the summary
    NEW_OR_ADD = "new_or_add"  # a second text: a new problem or part of this one?
    URGENT = "urgent_answer"  # is anyone in danger now?
    RESIDENT_CONTACT = "resident_contact"  # 代报: the resident's name and phone, with consent


class Stored(BaseModel):
    """A model kept in the conversation row: unknown keys of older versions are ignored."""

    model_config = ConfigDict(extra="ignore", validate_assignment=False)

    def to_data(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_defaults=True)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Any:
        """The stored model, or None when the stored data cannot be one (a stale format)."""
        try:
            return cls.model_validate(data)
        except ValidationError:
            return None


class Draft(Stored):
    """A complaint being written: what the resident said and what routing made of it."""

    nonce: str = Field(default_factory=lambda: secrets.token_hex(4))  # its buttons carry it
    step: Step | None = Field(default=None, validation_alias=AliasChoices("step", "awaiting"))
    text: str | None = None
    photos: list[str] = Field(default_factory=list)
    album: str | None = None  # the media group of the last photo
    location: tuple[float, float] | None = None
    address_asked: bool = False
    address_text: str | None = None
    phone: str | None = None
    contact_name: str | None = None
    media_url: str | None = None  # a picture given by URL (Open311)
    # what routing made of the text
    script: str = "hans"
    normalized: str = ""
    category: str = "other"
    community: str | None = None
    grid: str | None = None
    building: int | None = None
    confidence: float = 0.0
    needs_review: bool = False
    keywords: list[str] = Field(default_factory=list)
    urgent: bool = False
    emergency: list[str] = Field(default_factory=list)
    urgent_ask: bool = False
    urgent_frame: str | None = None
    urgent_answer: str | None = None
    # a second text while the summary is open, until the resident says what it is
    pending: str | None = None
    pending_photos: list[str] = Field(default_factory=list)
    pending_album: str | None = None
    held: list[Draft] = Field(default_factory=list)  # drafts put aside for this one
    # 代报: a grid worker files for a resident (on a visit, `visit`: its row)
    on_behalf: bool = False
    visit: int | None = None
    visit_building: int | None = None

    def routed(self, decision: RoutingDecision) -> None:
        """Keep what routing decided about the text."""
        self.script = decision.script
        self.normalized = decision.normalized_text
        self.category = decision.category
        self.community, self.grid = decision.community, decision.grid
        self.building = decision.building
        self.urgent = decision.urgent
        self.emergency = list(decision.emergency_numbers)
        self.confidence = decision.confidence
        self.needs_review = decision.needs_review
        self.keywords = list(decision.keywords)

    def place(self) -> tuple[str | None, str | None, int | None]:
        return self.community, self.grid, self.building

    def put_place(self, place: tuple[str | None, str | None, int | None]) -> None:
        self.community, self.grid, self.building = place

    def put_aside(self) -> Draft:
        """A new draft; this one waits in its `held` list (without its own pending question)."""
        kept = self.model_copy(update={"held": [], "pending": None})
        return Draft(step=Step.TEXT, held=[*self.held, kept])


class Details(Stored):
    """The urgent ticket whose details the resident sends, and until when (epoch seconds)."""

    ticket: int = 0
    until: float = 0.0


class Note(Stored):
    """What a staff member is asked to write: the reason of 上报 / 驳回, the result of 办结 or
    of 提交办理结果, the reason of a transfer; photos sent before it go with it."""

    action: str = "resolve"
    ticket: int = 0
    number: str = ""
    photos: list[str] = Field(default_factory=list)
    album: str | None = None


class HeldText(Stored):
    """What a staff member sent outside any prompt, held until it is used."""

    text: str | None = None
    photos: list[str] = Field(default_factory=list)
    album: str | None = None


class Visit(Stored):
    """A household visit being logged: the grid, the building picked, the household typed."""

    nonce: str = Field(default_factory=lambda: secrets.token_hex(4))
    grid: str = ""
    building: int | None = None
    unit: str | None = None
    room: str | None = None
    note: str | None = None


class RatingReason(Stored):
    """The resolved case a 不满意 was given to, waiting for its reason (`other`: after 其他)."""

    ticket: int = 0
    round: int = 0
    number: str = ""
    other: bool = False


@dataclass(frozen=True)
class Reporter:
    """Who files a ticket: an account on a channel (`channel`, the user there and the chat to
    answer in) and the channel or client the ticket came through (`tickets.source`). A grid
    worker filing for a resident on a visit (代报): no account yet, `filed_by` the worker,
    `follow_token` the hash of the follow link that later binds the resident's chat. A ticket
    that nobody on a channel filed (an Open311 client's) has no reporter account either:
    `Reporter(None, None, source=…, channel=None)`; the bot tells its resident nothing."""

    user_id: int | None
    chat_id: int | None
    source: str = "telegram"
    channel: str | None = TELEGRAM
    filed_by: str | None = None
    follow_token: str | None = None


# The typed model of each state's data.
MODELS: dict[State, type[Stored]] = {
    State.DRAFT: Draft,
    State.URGENT_DETAILS: Details,
    State.STAFF_NOTE: Note,
    State.HAND_IN: Note,
    State.STAFF_HELD: HeldText,
    State.RATING_REASON: RatingReason,
    State.VISIT: Visit,
}
