"""The hardening suite's driver and services, for the grid worker's own work."""

from tests.hardening.conftest import bot, router, services  # noqa: F401

from tests.hardening.conftest import limits  # noqa: F401  isort: skip
