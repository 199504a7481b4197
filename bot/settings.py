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
    # Seconds SIGTERM/SIGINT give the updates in flight to finish; the rest are left unconfirmed
    # (Telegram delivers them again). Keep it below the supervisor's kill timeout.
    shutdown_grace: float = Field(default=20.0, gt=0, alias="GRIDDESK_SHUTDOWN_GRACE")

    @field_validator("telegram_bot_token", "redis_url", "webhook_secret", mode="before")
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
