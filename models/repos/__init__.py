"""Repositories: the only place that builds queries. Each takes one AsyncSession and a Clock."""
