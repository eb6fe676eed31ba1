"""Is a path on a network share or in a cloud-synced folder? (Where SQLite is not safe.)

SQLite's locking is unreliable over SMB/NFS, and sync clients (OneDrive, Dropbox, Google
Drive, iCloud) copy a database mid-write and make conflicted copies. The probes (Windows
drive type, Linux mount table) are injectable so every branch is tested anywhere.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path, PurePath, PureWindowsPath

DRIVE_REMOTE = 4
CLOUD_MARKERS = (
    ("onedrive", "OneDrive"),
    ("sharepoint", "SharePoint"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud"),
    ("iclouddrive", "iCloud"),
    ("com~apple~clouddocs", "iCloud"),
    ("box sync", "Box"),
)
NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "sshfs",
    "davfs",
    "fuse.davfs2",
    "9p",
    "afs",
    "ncpfs",
    "glusterfs",
    "ceph",
    "fuse.rclone",
}


def _windows_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _read_mounts() -> str:
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""


def cloud_service(path: PurePath) -> str | None:
    """The sync service whose folder holds ``path`` (from the folder names), or None."""
    for part in path.parts:
        low = part.lower()
        for marker, name in CLOUD_MARKERS:
            if low == marker or low.startswith(marker + " -") or low.startswith(marker + "-"):
                return name
            if marker in ("onedrive", "dropbox", "sharepoint") and low.startswith(marker):
                return name
    return None


def linux_network_mount(path: PurePath, mounts: str) -> str | None:
    """The network file system type holding ``path`` per a /proc/mounts text, or None."""
    best = ("", "")
    text = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best[0]):
            best = (point, fields[2])
    return best[1] if best[1] in NETWORK_FS else None


def describe_location(
    path: Path | PurePath,
    platform: str = sys.platform,
    drive_type: Callable[[str], int] = _windows_drive_type,
    mounts: Callable[[], str] = _read_mounts,
) -> str | None:
    """Why ``path`` is a risky place for the live database, in a few words; None if local."""
    if platform.startswith("win"):
        win = PureWindowsPath(str(path))
        if win.drive.startswith("\\\\") or str(path).startswith(("\\\\", "//")):
            return "a network share"
        service = cloud_service(win)
        if service:
            return f"a folder synced by {service}"
        if win.drive and drive_type(win.drive + "\\") == DRIVE_REMOTE:
            return f"a network drive ({win.drive})"
        return None
    resolved = Path(os.path.abspath(path))
    service = cloud_service(resolved)
    if service:
        return f"a folder synced by {service}"
    fs = linux_network_mount(resolved, mounts())
    if fs:
        return f"a network share ({fs})"
    return None
