"""Process settings from the environment and `.env` (pydantic-settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from models.config.loader import BUNDLED_DEMO


def default_database_url() -> str:
    """The embedded default: a SQLite file under the working directory."""
    return f"sqlite+aiosqlite:///{Path.cwd() / 'griddesk.db'}"


class Settings(BaseSettings):
    """Everything a GridDesk process reads from its environment; secrets are SecretStr."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    database_url: SecretStr = Field(
        default_factory=lambda: SecretStr(default_database_url()), alias="GRIDDESK_DATABASE_URL"
    )
    config_dir: Path = Field(default=BUNDLED_DEMO, alias="GRIDDESK_CONFIG")
    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base: str = Field(default="", alias="TELEGRAM_API_BASE")
    bot_username: str | None = Field(default=None, alias="TELEGRAM_BOT_USERNAME")  # follow links
    telegram_framework: Literal["aiogram", "ptb"] = Field(
        default="aiogram", alias="TELEGRAM_FRAMEWORK"
    )
    webhook_secret: SecretStr | None = Field(default=None, alias="TELEGRAM_WEBHOOK_SECRET")
    redis_url: SecretStr | None = Field(default=None, alias="REDIS_URL")
    time_scale: float = Field(default=1.0, gt=0, alias="GRIDDESK_TIME_SCALE")
    review_threshold: float = Field(default=0.35, ge=0, le=1, alias="GRIDDESK_REVIEW_THRESHOLD")
    log_level: str = Field(default="INFO", alias="GRIDDESK_LOG_LEVEL")
    tickets_per_hour: int = Field(default=5, ge=1, alias="GRIDDESK_TICKETS_PER_HOUR")
    burst_messages: int = Field(default=20, ge=1, alias="GRIDDESK_BURST_MESSAGES")
    burst_window_s: int = Field(default=60, ge=1, alias="GRIDDESK_BURST_WINDOW")
    max_text: int = Field(default=2000, ge=10, alias="GRIDDESK_MAX_TEXT")
    # Messages per second this process's outbox sender may send over all chats. Telegram allows
    # about 30 per bot: with N processes sending, give each 29 / N (docs/deployment.md).
    sender_rate: float = Field(default=29.0, gt=0, le=30, alias="GRIDDESK_SENDER_RATE")
    # 转派 more often than this sends the ticket to its community's triage for a decision.
    max_transfers: int = Field(default=2, ge=0, alias="GRIDDESK_MAX_TRANSFERS")
    # Retention (docs/privacy.md): days each kind of row is kept, hours between pruning passes.
    retain_processed_updates_days: float = Field(
        default=7, gt=0, alias="GRIDDESK_RETAIN_PROCESSED_UPDATES_DAYS"
    )
    retain_callback_tokens_days: float = Field(
        default=30, gt=0, alias="GRIDDESK_RETAIN_CALLBACK_TOKENS_DAYS"
    )
    retain_conversations_days: float = Field(
        default=7, gt=0, alias="GRIDDESK_RETAIN_CONVERSATIONS_DAYS"
    )
    retain_sent_outbox_days: float = Field(
        default=30, gt=0, alias="GRIDDESK_RETAIN_SENT_OUTBOX_DAYS"
    )
    retain_security_events_days: float = Field(
        default=180, gt=0, alias="GRIDDESK_RETAIN_SECURITY_EVENTS_DAYS"
    )
    retain_finished_contacts_days: float = Field(
        default=30, gt=0, alias="GRIDDESK_RETAIN_FINISHED_CONTACTS_DAYS"
    )
    retain_visit_notes_days: float = Field(
        default=180, gt=0, alias="GRIDDESK_RETAIN_VISIT_NOTES_DAYS"
    )
    retention_interval_hours: float = Field(
        default=6, gt=0, alias="GRIDDESK_RETENTION_INTERVAL_HOURS"
    )
    # Resolved cases nobody rates close by themselves (as 未评价) after this many days.
    unrated_close_days: float = Field(default=7.0, gt=0, alias="GRIDDESK_UNRATED_CLOSE_DAYS")
    # A notification that keeps failing transiently (429, 5xx, timeouts) is given up only after
    # this many hours (domain time) since it was written; permanent errors give up at once.
    outbox_max_age_hours: float = Field(default=24.0, gt=0, alias="GRIDDESK_OUTBOX_MAX_AGE_HOURS")
    # Seconds SIGTERM/SIGINT give the updates in flight to finish; the rest are left unconfirmed
    # (Telegram delivers them again). Keep it below the supervisor's kill timeout.
    shutdown_grace: float = Field(default=20.0, gt=0, alias="GRIDDESK_SHUTDOWN_GRACE")
    # Open311: reading requests needs a key with --can-read too (filing always needs one).
    open311_read_needs_key: bool = Field(default=False, alias="GRIDDESK_OPEN311_READ_NEEDS_KEY")
    # Open311 status callbacks: a delivery still failing after this many hours is given up.
    callback_max_age_hours: float = Field(default=24.0, gt=0,
                                          alias="GRIDDESK_CALLBACK_MAX_AGE_HOURS")

    # The web console (docs/console.md): its public address (sign-in links point there), the key
    # that signs its cookies (random per process when unset: sessions end at a restart), how
    # long a session lasts, and the map's tile URL template (none: grids on a plain background).
    console_url: str = Field(default="http://127.0.0.1:8081", alias="GRIDDESK_CONSOLE_URL")
    console_secret: SecretStr | None = Field(default=None, alias="GRIDDESK_CONSOLE_SECRET")
    console_session_hours: float = Field(default=12.0, gt=0, le=24 * 30,
                                         alias="GRIDDESK_CONSOLE_SESSION_HOURS")
    console_tile_url: str = Field(default="", alias="GRIDDESK_CONSOLE_TILE_URL")

    @field_validator("telegram_bot_token", "redis_url", "webhook_secret", "console_secret",
                     mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("config_dir", mode="before")
    @classmethod
    def _empty_is_demo(cls, value: object) -> object:
        return BUNDLED_DEMO if value in ("", None) else value

    @field_validator("telegram_api_base")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")

    def database_url_value(self) -> str:
        return self.database_url.get_secret_value()
