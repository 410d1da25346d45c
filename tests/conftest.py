"""Shared test configuration.

Integration tests start a real Tansu broker (extra ``embedded``) and real
``streams worker`` processes; they are part of ``make test`` and never skipped
silently: if the broker binary is missing they fail with the install hint.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "gold"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO
