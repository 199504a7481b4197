"""Benchmarks, routing evaluation and the local Bot API double: tools that measure and print.

Installed with GridDesk for `griddesk bench …` and `griddesk route-eval`; the runtime packages
(`bot`, `handlers`, `nlp`, `models`) never import it (an import-linter contract)."""
