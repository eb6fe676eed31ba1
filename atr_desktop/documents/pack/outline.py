"""A paper's own bookmarks, read as plain (title, page, children) and copied into the pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_DEPTH = 6


@dataclass
class Node:
    title: str
    page: int | None
    children: list[Node] = field(default_factory=list)


def _dest_page(pdf: Any, item: Any, pages: dict[tuple[int, int], int]) -> int | None:
    """The page index a bookmark points at: explicit, named, or through a GoTo action."""
    import pikepdf

    dest = item.destination
    if dest is None and item.action is not None and item.action.get("/S") == "/GoTo":
        dest = item.action.get("/D")
    if isinstance(dest, pikepdf.Name | pikepdf.String):
        dest = _named(pdf, dest)
    if isinstance(dest, pikepdf.Dictionary):
        dest = dest.get("/D")
    if isinstance(dest, pikepdf.Array) and len(dest) > 0:
        target = dest[0]
        if isinstance(target, pikepdf.Dictionary):
            return pages.get(target.objgen)
        if isinstance(target, int) and 0 <= target < len(pages):
            return target
    return None


def _named(pdf: Any, name: Any) -> Any:
    import pikepdf

    key = str(name).lstrip("/")
    try:
        names = pdf.Root.get("/Names")
        if names is not None and "/Dests" in names:
            tree = pikepdf.NameTree(names.Dests)
            if key in tree:
                return tree[key]
        dests = pdf.Root.get("/Dests")
        if dests is not None:
            return dests.get("/" + key)
    except (KeyError, TypeError, ValueError, pikepdf.PdfError):
        return None
    return None


def read_outline(pdf: Any) -> list[Node]:
    """The paper's bookmarks; a broken outline yields what could be read."""
    import pikepdf

    if "/Outlines" not in pdf.Root:
        return []
    pages = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}

    def walk(items: Any, depth: int) -> list[Node]:
        out = []
        for item in items:
            node = Node(str(item.title or ""), _dest_page(pdf, item, pages))
            if depth < MAX_DEPTH:
                node.children = walk(item.children, depth + 1)
            out.append(node)
        return out

    try:
        with pdf.open_outline(strict=False) as outline:
            return walk(outline.root, 0)
    except (pikepdf.PdfError, pikepdf.OutlineStructureError, ValueError, TypeError):
        return []


def copy_outline(nodes: list[Node], parent: Any, offset: int) -> None:
    """Add ``nodes`` beneath ``parent``, their pages moved on by ``offset``."""
    from pikepdf import OutlineItem

    for node in nodes:
        page = offset + (node.page if node.page is not None else 0)
        item = OutlineItem(node.title or "(untitled)", page)
        parent.children.append(item)
        copy_outline(node.children, item, offset)
