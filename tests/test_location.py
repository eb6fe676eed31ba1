"""Network shares and synced folders are recognised, on Windows and Linux, from injected probes."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from atr_desktop.adapters.location import DRIVE_REMOTE, describe_location
from atr_desktop.services.safety import location_warning

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//fileserver/governance /mnt/governance cifs rw,vers=3.0 0 0
nas:/export/home /home/shared nfs4 rw 0 0
/dev/sdb1 /mnt/governance/local-disk ext4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


def local(_root: str) -> int:
    return 3  # DRIVE_FIXED


def remote(_root: str) -> int:
    return DRIVE_REMOTE


@pytest.mark.parametrize(
    ("path", "probe", "expected"),
    [
        (r"C:\Users\jsmith\AppData\Local\ATR Desktop\atr-desktop.db", local, None),
        (r"\\fileserver\governance\atr.db", local, "a network share"),
        (r"H:\atr.db", remote, "a network drive (H:)"),
        (r"C:\Users\jsmith\OneDrive - NHS\Documents\atr.db", local, "OneDrive"),
        (r"C:\Users\jsmith\NHS England\SharePoint - ATR\atr.db", local, "SharePoint"),
        (r"D:\Dropbox\atr.db", local, "Dropbox"),
        (r"G:\My Drive\atr.db", local, "Google Drive"),
        (r"C:\Users\jsmith\iCloudDrive\atr.db", local, "iCloud"),
    ],
)
def test_windows_locations(path: str, probe, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    found = describe_location(path, platform="win32", drive_type=probe)  # type: ignore[arg-type]
    if expected is None:
        assert found is None
    else:
        assert found is not None and expected in found


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/jsmith/.local/share/ATR Desktop/atr-desktop.db", None),
        ("/mnt/governance/atr.db", "cifs"),
        ("/mnt/governance/local-disk/atr.db", None),  # the longest mount point wins
        ("/mnt/governancex/atr.db", None),
        ("/home/shared/atr.db", "nfs4"),
        ("/home/jsmith/Dropbox/atr.db", "Dropbox"),
        ("/Users/js/Library/Mobile Documents/com~apple~CloudDocs/atr.db", "iCloud"),
    ],
)
def test_linux_locations(path: str, expected: str | None) -> None:
    found = describe_location(PurePosixPath(path), platform="linux", mounts=lambda: MOUNTS)
    if expected is None:
        assert found is None
    else:
        assert found is not None and expected in found


def test_the_warning_offers_keeping_it_local_with_backups_shared() -> None:
    text = location_warning(Path("/mnt/x/atr.db"), describe=lambda p: "a network share (cifs)")
    assert text is not None
    assert "Keep it on this laptop" in text and "Backup folder" in text
    assert location_warning(Path("/home/a.db"), describe=lambda p: None) is None
