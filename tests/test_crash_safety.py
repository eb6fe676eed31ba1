"""A kill at any moment of any save loses nothing reported saved and leaves no half record."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.crash_harness import run_kills

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill test forks writers")


def test_kill_during_saves_loses_nothing(tmp_path: Path) -> None:
    stats = run_kills(tmp_path / "atr.db", kills=32, seed=7)
    print(
        f"kills={stats.kills} groups={stats.groups_confirmed} papers={stats.papers_confirmed} "
        f"mid-paper={stats.kills_mid_paper} swept={stats.swept}"
    )
    assert stats.problems == []
    assert stats.kills == 32
    assert stats.groups_confirmed + stats.papers_confirmed >= 32


@pytest.mark.stress
def test_kill_during_saves_many_times(tmp_path: Path) -> None:
    stats = run_kills(tmp_path / "atr.db", kills=220, seed=11)
    print(vars(stats))
    assert stats.problems == []
    assert stats.kills_mid_paper > 0  # some kills really landed inside an attach
