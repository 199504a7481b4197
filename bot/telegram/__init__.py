"""Telegram: the aiogram and PTB adapters, long polling, the webhook, update parsing, the
process runners and the Bot API client the sender uses. The only place that speaks Telegram."""
