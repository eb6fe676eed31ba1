"""Email drafts (.eml) that Outlook opens as a new, unsent message ready to edit and send.

The app never sends mail itself: it writes a draft the user opens, checks and sends.
``X-Unsent: 1`` makes Outlook open the file as a draft rather than a received message.

Header injection is impossible: addresses are refused at entry when they hold a line
break or control character (domain/people.py), and here, at output, every header value is
cleaned again (an address from an older file, a name or subject with a line break): control
characters become spaces and an address that is still not one is left out. Drafts are
written readable by the user only (they name people).
"""

from __future__ import annotations

import mimetypes
import os
import re
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]+")
_ADDRESS = re.compile(r"[^@\s<>;,\"()\[\]\\]+@[^@\s<>;,\"()\[\]\\]+\.[A-Za-z]{2,}")


def header_text(value: str) -> str:
    """One line of header text: control characters (CR, LF, NUL, ...) become a space."""
    return " ".join(_CONTROL.sub(" ", value).split())


def _recipients(pairs: Sequence[tuple[str, str]]) -> str:
    shown = []
    for name, address in pairs:
        address = (address or "").strip()
        if not _ADDRESS.fullmatch(address):
            continue  # blank, or not an address (a line break, a second header): left out
        shown.append(formataddr((header_text(name or ""), address)))
    return ", ".join(shown)


def draft(
    to: Sequence[tuple[str, str]],
    subject: str,
    body: str,
    attachments: Sequence[Path] = (),
    cc: Sequence[tuple[str, str]] = (),
) -> EmailMessage:
    """A draft to (name, address) pairs, with files attached."""
    message = EmailMessage()
    message["X-Unsent"] = "1"
    message["To"] = _recipients(to)
    if cc:
        message["Cc"] = _recipients(cc)
    message["Subject"] = header_text(subject)
    message.set_content(body.replace("\x00", ""))
    for path in attachments:
        kind, _ = mimetypes.guess_type(path.name)
        maintype, subtype = (kind or "application/octet-stream").split("/", 1)
        message.add_attachment(
            path.read_bytes(), maintype=maintype, subtype=subtype, filename=header_text(path.name)
        )
    return message


def save(message: EmailMessage, out: Path) -> Path:
    """Write the draft, readable by the user only."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(bytes(message))
    os.chmod(out, 0o600)  # an existing file keeps its old mode through O_TRUNC
    return out
