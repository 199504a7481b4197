"""The offline demo (a scripted conversation without Telegram) and the history simulator."""
