"""Shared fixtures of the routing-engine tests: one Router per session, its cache in a tmp dir."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from models.config.schema import GridDeskConfig
from nlp.router import Router

DATA = Path(__file__).parent / "data"
SHARED_DEV = Path(__file__).resolve().parents[3] / "shared" / "spec" / "dev-complaints.jsonl"


@pytest.fixture(scope="session")
def cache_directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every tokenizer built by these tests (CLI runs included) caches in a tmp dir."""
    path = tmp_path_factory.mktemp("griddesk-cache")
    previous = os.environ.get("GRIDDESK_CACHE_DIR")
    os.environ["GRIDDESK_CACHE_DIR"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("GRIDDESK_CACHE_DIR", None)
    else:
        os.environ["GRIDDESK_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def router(demo_config: GridDeskConfig, cache_directory: Path) -> Router:
    return Router.from_config(demo_config)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
