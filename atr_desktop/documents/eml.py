"""Email drafts (.eml) that Outlook opens as a new, unsent message ready to edit and send.

The app never sends mail itself: it writes a draft the user opens, checks and sends.
``X-Unsent: 1`` makes Outlook open the file as a draft rather than a received message.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path


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
    message["To"] = ", ".join(formataddr(pair) for pair in to if pair[1])
    if cc:
        message["Cc"] = ", ".join(formataddr(pair) for pair in cc if pair[1])
    message["Subject"] = subject
    message.set_content(body)
    for path in attachments:
        kind, _ = mimetypes.guess_type(path.name)
        maintype, subtype = (kind or "application/octet-stream").split("/", 1)
        message.add_attachment(
            path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name
        )
    return message


def save(message: EmailMessage, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(bytes(message))
    return out
