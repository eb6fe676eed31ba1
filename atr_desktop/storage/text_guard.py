"""No NUL character is ever stored: refused, with one plain sentence, before any flush.

A NUL (U+0000) arrives only from a damaged file or a broken paste; nobody types one. Stored,
it breaks every output that is XML (Word, Excel) and truncates text in C libraries, long
after the moment it could have been explained. So every unit of work checks the text of
what it is about to write, whichever service wrote it (an import, an edit, the window).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from atr_desktop.errors import UserError


def refuse_nul(session: Session, _context: Any, _instances: Any) -> None:
    """A ``before_flush`` listener: refuse the unit of work if any new text holds a NUL."""
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            value = state.dict.get(attr.key)  # what is loaded or set; never a fresh load
            if isinstance(value, str) and "\x00" in value:
                label = attr.key.replace("_", " ")
                raise UserError(
                    f"The {label} contains a NUL character (an invisible character that no "
                    "document can hold, usually from a damaged file or paste): "
                    "remove it and try again. Nothing was saved."
                )
