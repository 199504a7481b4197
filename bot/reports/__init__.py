"""Rendering of the monthly analysis: Markdown, HTML, PNG charts and the XLSX ledgers."""
