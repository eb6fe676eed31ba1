"""The pack benchmark (``-m benchmark``): prints times and ratios, asserts no timing."""

from __future__ import annotations

import pytest


@pytest.mark.benchmark
def test_pack_benchmark_600_pages(capsys: pytest.CaptureFixture[str]) -> None:
    from tools.bench_pack import run

    results = run(30, 600)
    with capsys.disabled():
        base = results["pypdf concatenation"]
        for name, seconds in results.items():
            print(f"{name}: {seconds:.2f} s ({seconds / base:.2f}x pypdf)")
    assert set(results) >= {"pypdf concatenation", "qpdf concatenation", "pack (in process)"}
