"""A real small file system for the disk-full and read-only tests (tmpfs; needs root).

CI runs as root, so these run there; elsewhere the tests that need one are skipped with
the reason, and tests/test_disk_errors.py simulates a full disk instead.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest


@contextmanager
def small_filesystem(where: Path, size_kb: int) -> Iterator[Path]:
    """Mount a ``size_kb`` tmpfs at ``where`` for the block (skips when not permitted)."""
    if os.name == "nt" or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root (CI runs as root)")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def remount(where: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(where)], check=True)


def fill(folder: Path) -> Path:
    """Fill the file system holding ``folder`` to the last byte; returns the filler."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 4096
    with filler.open("ab", buffering=0) as fh:
        with suppress(OSError):
            while True:
                fh.write(chunk)
        with suppress(OSError):
            while True:  # the last partial page
                fh.write(b"\0")
    probe = folder / "probe"
    try:
        probe.write_bytes(b"x")
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    else:  # pragma: no cover - a file system that never fills
        probe.unlink()
        raise AssertionError("the file system did not fill")
    return filler


def untouched(db_path: Path) -> bool:
    """The file is where it was and nothing was moved aside."""
    moved = list(db_path.parent.glob(f"{db_path.name}.damaged-*"))
    return db_path.is_file() and not moved
