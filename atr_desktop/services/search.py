"""Search everything from one box: ranked matches with the matching words marked.

The index is storage's (storage/search.py: FTS5 on SQLite, tsvector on PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from atr_desktop.errors import UserError
from atr_desktop.storage import search as index
from atr_desktop.storage.database import Database
from atr_desktop.storage.search import KINDS, matching_ids

MARK_START, MARK_END = "\x02", "\x03"
__all__ = ["KINDS", "MARK_END", "MARK_START", "SearchHit", "matching_ids", "search"]


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: int
    meeting_id: int | None
    title: str
    snippet: str
    rank: float

    def html(self) -> str:
        """The snippet as HTML with matches in bold."""
        return mark_html(self.snippet)

    def plain(self) -> str:
        """The snippet with matches in [brackets], for the terminal."""
        return self.snippet.replace(MARK_START, "[").replace(MARK_END, "]")


def mark_html(marked: str) -> str:
    return escape(marked).replace(MARK_START, "<b>").replace(MARK_END, "</b>")


def search(
    db: Database, user_text: str, kind: str | None = None, limit: int = 50
) -> list[SearchHit]:
    """Best matches first (bm25, titles weighted above bodies)."""
    if kind is not None and kind not in KINDS:
        raise UserError(f"'{kind}' is not something to search: choose one of {', '.join(KINDS)}.")
    with db.session() as s:
        found = index.find(s, user_text, kind, limit, (MARK_START, MARK_END))
    return [SearchHit(f.kind, f.ref_id, f.meeting_id, f.title, f.snippet, f.rank) for f in found]
