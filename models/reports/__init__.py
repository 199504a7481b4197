"""Report figures and their queries: the daily report, the monthly analysis, the ledger."""
