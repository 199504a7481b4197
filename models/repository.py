"""All repositories in one import (they live in `models.repos`)."""

from models.repos.conversations import ConversationRepo
from models.repos.events import EventRepo
from models.repos.org import Chain, OrgRepo
from models.repos.outbox import OutboxRepo
from models.repos.tickets import TicketRepo
from models.repos.updates import UpdateRepo

__all__ = [
    "Chain",
    "ConversationRepo",
    "EventRepo",
    "OrgRepo",
    "OutboxRepo",
    "TicketRepo",
    "UpdateRepo",
]
