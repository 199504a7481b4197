"""Processed Telegram update ids: a duplicate delivery is recognised and ignored."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete

from models.orm import ProcessedUpdateRow
from models.repos.base import Repository, upsert


class UpdateRepo(Repository):
    async def seen(self, update_id: int) -> bool:
        """Record `update_id`; True when it had been recorded before (a duplicate)."""
        statement = (
            upsert(self.session, ProcessedUpdateRow)
            .values(update_id=update_id, at=self.clock.now())
            .on_conflict_do_nothing(index_elements=["update_id"])
            .returning(ProcessedUpdateRow.update_id)
        )
        inserted = (await self.session.execute(statement)).scalar_one_or_none()
        return inserted is None

    async def prune(self, before: datetime) -> int:
        """Forget update ids recorded before `before`; returns how many."""
        result = await self.session.execute(
            delete(ProcessedUpdateRow).where(ProcessedUpdateRow.at < before)
        )
        return int(getattr(result, "rowcount", 0) or 0)
