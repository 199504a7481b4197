"""Background workers: the outbox sender, the escalation sweeper (and daily report), retention."""
