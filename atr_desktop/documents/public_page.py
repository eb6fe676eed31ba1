"""The meeting's public page (index.html) for the website, built from plain data.

WCAG 2.2 AA by construction: ``lang="en-GB"``, one h1 and headings in order, the agenda as
a table with a caption and header cells (``scope``), lists for links, link text that says
what the file is, its format and size. No scripts and no links but relative ones to the
files beside it; a little inline CSS that the page does not need to be read. Every piece
of text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote

from atr_desktop.documents.atomic import atomic_path

STYLE = (
    "body{font-family:Arial,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;"
    "line-height:1.5;color:#212b32}table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #768692;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "caption{text-align:left;font-weight:bold;padding:.3rem 0}a{color:#005eb8}"
    "td ul{margin:0;padding-left:1.1rem}"
)


@dataclass(frozen=True)
class Link:
    href: str  # a file name in the published folder
    text: str  # what it is: 'Paper C: Highlight report (PDF, 120 KB)'


@dataclass(frozen=True)
class PublicItem:
    number: str
    time: str
    title: str
    lead: str
    purpose: str
    links: Sequence[Link] = ()
    level: int = 0
    confidential: bool = False
    exempt_reason: str = ""  # why a Part B item is exempt, when the record says
    note: str = ""  # '(to follow)', '(deferred)'


@dataclass(frozen=True)
class PublicDecision:
    item: str
    item_title: str
    text: str


@dataclass(frozen=True)
class PublicPage:
    organisation: str
    group_name: str
    day: str  # 'Tuesday 13 October 2026'
    when: str
    where: str
    items: Sequence[PublicItem]
    documents: Sequence[tuple[str, Sequence[Link]]]  # ('Agenda', [pdf link, word link])
    minutes_note: str  # whether the minutes are approved, in a sentence
    decisions: Sequence[PublicDecision] = ()
    published: str = ""
    notes: Sequence[str] = field(default_factory=tuple)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _link(link: Link) -> str:
    return f'<a href="{_e(quote(link.href))}">{_e(link.text)}</a>'


def _item_title(item: PublicItem) -> str:
    if item.confidential:
        if item.exempt_reason:
            return f"{_e(item.title)} (exempt from publication: {_e(item.exempt_reason)})"
        return "Confidential item (taken in private)"
    return _e(item.title) + (f" {_e(item.note)}" if item.note else "")


def _agenda(items: Sequence[PublicItem]) -> list[str]:
    heads = ("Item", "Time", "Title", "Lead", "Purpose", "Papers")
    out = [
        "<table>",
        "<caption>Agenda items, with their times, leads, purposes and papers</caption>",
        "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in heads) + "</tr></thead>",
        "<tbody>",
    ]
    for item in items:
        if item.links and not item.confidential:
            papers = "<ul>" + "".join(f"<li>{_link(x)}</li>" for x in item.links) + "</ul>"
        else:
            papers = "None" if not item.confidential else "Not published"
        out.append(
            f'<tr><th scope="row">{_e(item.number)}</th><td>{_e(item.time)}</td>'
            f"<td>{_item_title(item)}</td>"
            f"<td>{'' if item.confidential else _e(item.lead)}</td>"
            f"<td>{'' if item.confidential else _e(item.purpose)}</td><td>{papers}</td></tr>"
        )
    out += ["</tbody>", "</table>"]
    return out


def render(page: PublicPage) -> str:
    title = f"{page.group_name}: meeting on {page.day}"
    body = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}: agenda and papers</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<p>{_e(page.organisation)}</p>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(page.when)}</p>",
    ]
    if page.where:
        body.append(f"<p>{_e(page.where)}</p>")
    body += ["</header>", "<main>", '<h2 id="agenda">Agenda</h2>', *_agenda(page.items)]
    if any(i.confidential for i in page.items):
        body.append(
            "<p>Confidential (Part B) items are taken in private; their papers are not "
            "published.</p>"
        )
    body.append('<h2 id="documents">Meeting documents</h2>')
    if page.documents:
        body.append("<ul>")
        for name, links in page.documents:
            body.append(f"<li>{_e(name)}: " + ", ".join(_link(x) for x in links) + "</li>")
        body.append("</ul>")
    else:
        body.append("<p>No documents have been published for this meeting yet.</p>")
    body += ['<h2 id="minutes">Minutes and decisions</h2>', f"<p>{_e(page.minutes_note)}</p>"]
    if page.decisions:
        body += ["<h3>Decisions</h3>", "<ul>"]
        body += [
            f"<li>Item {_e(d.item)}, {_e(d.item_title)}: {_e(d.text)}</li>" for d in page.decisions
        ]
        body.append("</ul>")
    body += [
        '<h2 id="formats">Other formats</h2>',
        "<p>If you need any of these documents in another format, such as large print or "
        f"plain text, please contact {_e(page.organisation)}.</p>",
    ]
    if page.notes:
        body += ["<ul>", *(f"<li>{_e(n)}</li>" for n in page.notes), "</ul>"]
    body += ["</main>", "<footer>"]
    if page.published:
        body.append(f"<p>Published {_e(page.published)}.</p>")
    body += ["</footer>", "</body>", "</html>", ""]
    return "\n".join(body)


def save(page: PublicPage, out: Path) -> Path:
    with atomic_path(out) as tmp:
        tmp.write_text(render(page), encoding="utf-8")
    return out
