"""Search everything from one box: ranked FTS5 matches with the matching words marked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from sqlalchemy import Select, column, select, table, text

from atr_desktop.errors import UserError
from atr_desktop.storage.database import Database
from atr_desktop.storage.search_schema import SOURCES, TABLE

MARK_START, MARK_END = "\x02", "\x03"
KINDS = tuple(SOURCES)
_WORD = re.compile(r"\w+", re.UNICODE)


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


def fts_query(user_text: str) -> str:
    """Every word must match (as a prefix); a phrase in double quotes must match as one."""
    parts: list[str] = []
    for index, chunk in enumerate(user_text.split('"')):
        words = _WORD.findall(chunk)
        if not words:
            continue
        if index % 2 == 1:
            parts.append('"' + " ".join(words) + '"')
        else:
            parts.extend(f'"{w}"*' for w in words)
    return " ".join(parts)


def matching_ids(kind: str, user_text: str) -> Select[tuple[int]]:
    """The ids of records of ``kind`` whose indexed text has every word (as a prefix).

    A subquery for list filters, so "filter as you type" runs in the index, not in Python.
    """
    query = fts_query(user_text)
    index = table(TABLE, column("ref_id"), column("kind"), column(TABLE))
    found = select(index.c.ref_id).where(index.c.kind == kind)
    if not query:
        return found
    return found.where(index.c[TABLE].op("MATCH")(query))


def search(
    db: Database, user_text: str, kind: str | None = None, limit: int = 50
) -> list[SearchHit]:
    """Best matches first (bm25, titles weighted above bodies)."""
    if kind is not None and kind not in KINDS:
        raise UserError(f"'{kind}' is not something to search: choose one of {', '.join(KINDS)}.")
    query = fts_query(user_text)
    if not query:
        return []
    where = f"{TABLE} MATCH :q" + (" AND kind = :kind" if kind else "")
    sql = text(
        f"SELECT kind, ref_id, meeting_id, "
        f"highlight({TABLE}, 0, :s, :e) AS title, "
        f"snippet({TABLE}, 1, :s, :e, '…', 16) AS snippet, "
        f"bm25({TABLE}, 5.0, 1.0) AS rank "
        f"FROM {TABLE} WHERE {where} ORDER BY rank LIMIT :limit"
    )
    params = {"q": query, "kind": kind, "s": MARK_START, "e": MARK_END, "limit": limit}
    with db.session() as s:
        rows = s.execute(sql, params).all()
    return [
        SearchHit(r.kind, int(r.ref_id), r.meeting_id, r.title, r.snippet, float(r.rank))
        for r in rows
    ]
