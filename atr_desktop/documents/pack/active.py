"""Strip active content from an author's PDF before it goes to every member in the pack.

JavaScript, actions that launch programs, submit forms, import data or open other files,
embedded files, multimedia, and actions that run on opening, closing or printing have no
place in an official pack. Links to web pages (URI) and to places in the paper (GoTo,
named destinations) stay: they are what a reader expects a link to do. What was removed
is returned as plain phrases for the pack check.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

# Actions that run code, start programs, send or fetch data, or open other documents.
UNSAFE_ACTIONS = {
    "/JavaScript": "JavaScript",
    "/Launch": "an action that starts a program",
    "/SubmitForm": "an action that sends form data",
    "/ImportData": "an action that imports data",
    "/ResetForm": "an action that resets a form",
    "/GoToR": "an action that opens another file",
    "/GoToE": "an action that opens an embedded file",
    "/Rendition": "multimedia",
    "/Movie": "multimedia",
    "/Sound": "multimedia",
    "/RichMediaExecute": "multimedia",
    "/Hide": "an action that hides parts of the page",
    "/SetOCGState": "an action that changes what is shown",
    "/Trans": "an action that changes what is shown",
    "/GoTo3DView": "multimedia",
}
MEDIA_ANNOTATIONS = {"/Screen", "/Movie", "/Sound", "/RichMedia", "/3D"}
SAFE_SCHEMES = ("http://", "https://", "mailto:")  # a URI link to anything else (file:,
# javascript:, a Windows share) can open or run something on the reader's machine
MAX_CHAIN = 50


def _unsafe(action: Any, found: Counter[str]) -> bool:
    """Count the unsafe actions in ``action`` and its /Next chain; True if any."""
    import pikepdf

    bad = False
    pending, seen = [action], 0
    while pending and seen < MAX_CHAIN:
        current = pending.pop()
        seen += 1
        if isinstance(current, pikepdf.Array):
            pending.extend(current)
            continue
        if not isinstance(current, pikepdf.Dictionary):
            continue
        kind = str(current.get("/S", ""))
        if kind in UNSAFE_ACTIONS:
            found[UNSAFE_ACTIONS[kind]] += 1
            bad = True
        elif kind == "/URI":
            uri = str(current.get("/URI", "")).strip().lower()
            if not uri.startswith(SAFE_SCHEMES):
                found["a link to a file or script rather than a web page"] += 1
                bad = True
        if "/Next" in current:
            pending.append(current.Next)
    return bad


def _strip_additional(obj: Any, found: Counter[str]) -> None:
    """Remove /AA (actions on events: open, close, print, focus, keystroke ...)."""
    if "/AA" in obj:
        for action in obj.AA.values():
            if not _unsafe(action, found):
                found["an action that runs by itself"] += 1
        del obj["/AA"]


def _strip_field(field: Any, found: Counter[str]) -> None:
    """A form field and the fields above it: their actions go, their values stay."""
    node = field
    for _depth in range(32):
        if node is None or not hasattr(node, "keys"):
            return
        if "/A" in node and _unsafe(node.A, found):
            del node["/A"]
        _strip_additional(node, found)
        node = node.get("/Parent")


def _strip_page(page: Any, found: Counter[str]) -> None:
    import pikepdf

    obj = page.obj
    _strip_additional(obj, found)
    annots = obj.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return
    kept = pikepdf.Array()
    for annot in annots:
        if not isinstance(annot, pikepdf.Dictionary):
            continue
        subtype = str(annot.get("/Subtype", ""))
        if subtype == "/FileAttachment":
            found["embedded file"] += 1
            continue
        if subtype in MEDIA_ANNOTATIONS:
            found["multimedia"] += 1
            continue
        if "/A" in annot and _unsafe(annot.A, found):
            if subtype == "/Link":
                continue  # a link whose only purpose is the unsafe action
            del annot["/A"]
        _strip_field(annot, found)
        kept.append(annot)
    obj.Annots = kept


def _strip_document(pdf: Any, found: Counter[str]) -> None:
    import pikepdf

    root = pdf.Root
    if "/OpenAction" in root:
        action = root.OpenAction
        harmless = not isinstance(action, pikepdf.Dictionary) or action.get("/S") == "/GoTo"
        if not harmless and not _unsafe(action, found):
            found["an action that runs when it is opened"] += 1
        del root["/OpenAction"]
    _strip_additional(root, found)
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        if "/JavaScript" in names:
            count = sum(1 for _ in pikepdf.NameTree(names.JavaScript))
            found["JavaScript"] += max(count, 1)
            del names["/JavaScript"]
        if "/EmbeddedFiles" in names:
            count = sum(1 for _ in pikepdf.NameTree(names.EmbeddedFiles))
            found["embedded file"] += max(count, 1)
            del names["/EmbeddedFiles"]
    form = root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary):
        if "/XFA" in form:
            found["an XFA form (which can run scripts)"] += 1
            del form["/XFA"]
        for field in form.get("/Fields", pikepdf.Array()):
            _strip_field(field, found)


def _phrase(text: str, count: int) -> str:
    if text == "embedded file":
        return "1 embedded file" if count == 1 else f"{count} embedded files"
    if text == "JavaScript":
        return text if count == 1 else f"JavaScript in {count} places"
    return text if count == 1 else f"{text} ({count})"


def strip_active(pdf: Any) -> list[str]:
    """Remove active content from an open pikepdf Pdf; what was removed, as phrases."""
    found: Counter[str] = Counter()
    _strip_document(pdf, found)
    for page in pdf.pages:
        _strip_page(page, found)
    return [_phrase(text, count) for text, count in sorted(found.items())]
