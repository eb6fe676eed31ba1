"""Publishing a meeting for the website: the accessible public page set (Part A only).

What goes into the folder:

- ``index.html``: the agenda with times, purposes and leads, each paper linked, and the
  minutes and decisions once the minutes are approved;
- the app's own documents (agenda, cover sheets, minutes, decision log) as Word files and
  as tagged PDF/UA files made from them by Word or LibreOffice (one start for them all);
- the authors' papers exactly as they came, each checked again against the hash recorded
  when it was attached, with a note for every PDF that is not tagged for accessibility.

Part B (confidential) items appear by title and exemption reason when the record gives
one, otherwise as "Confidential item"; their papers, minutes and decisions never appear.
Without Word or LibreOffice the page and the Word files are still written, and the result
says plainly that the accessible PDFs need one of them.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from atr_desktop.adapters.office import Converter, convert_all, find_converter
from atr_desktop.documents import public_page, word
from atr_desktop.documents.cover_sheets import cover_sheet_docx
from atr_desktop.documents.pdf_access import mark_decorations, read_tagging
from atr_desktop.domain.dates import hhmm, long_date, medium_date
from atr_desktop.errors import UserError
from atr_desktop.services import decisions, minutes_export, pack, settings
from atr_desktop.services.agenda import part_b, rows_for
from atr_desktop.services.house import house
from atr_desktop.services.marking import item_exemptions
from atr_desktop.services.meeting_outputs import export_agenda, when_text, where_text
from atr_desktop.services.minutes import show
from atr_desktop.services.pack_data import PaperPlan
from atr_desktop.services.refs import find_meeting
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import AgendaItem, Group

NO_CONVERTER = (
    "The accessible PDFs were not made: they need Microsoft Word or LibreOffice on this "
    "computer. The page links the Word files instead; install either and publish again."
)


@dataclass(frozen=True)
class Published:
    """One file of the set: what it is and where."""

    label: str
    path: Path
    kind: str  # 'page', 'word', 'pdf', 'paper'


@dataclass(frozen=True)
class PublishResult:
    folder: Path
    index: Path
    files: list[Published]
    converter: str  # 'LibreOffice', 'Microsoft Office' or '' when there was none
    messages: list[str] = field(default_factory=list)  # what the secretariat should know

    @property
    def pdfs(self) -> list[Path]:
        return [f.path for f in self.files if f.kind == "pdf"]


@dataclass
class _Doc:
    label: str
    word: Path
    pdf: Path | None = None


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:40] or "paper"


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


def _kind(path: Path) -> str:
    return {
        ".pdf": "PDF",
        ".docx": "Word",
        ".doc": "Word",
        ".odt": "OpenDocument text",
        ".xlsx": "Excel",
        ".pptx": "PowerPoint",
    }.get(path.suffix.lower(), path.suffix.lstrip(".").upper() or "file")


def _links(doc: _Doc) -> list[public_page.Link]:
    links = []
    if doc.pdf is not None:
        links.append(public_page.Link(doc.pdf.name, f"{doc.label} (PDF, {_size(doc.pdf)})"))
    links.append(public_page.Link(doc.word.name, f"{doc.label} (Word, {_size(doc.word)})"))
    return links


def _folder(out: Path, overwrite: bool) -> Path:
    out = Path(out).expanduser()
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} is a file: give a folder to publish into.")
    if (out / "index.html").exists() and not overwrite:
        raise UserError(
            f"{out} already holds a published page: choose an empty folder, or confirm "
            "(--yes) to replace it."
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
        if overwrite:  # a paper withdrawn since last time must not stay online
            for old in _our_files(out):
                old.unlink()
    except OSError as exc:
        raise UserError(f"The folder {out} could not be prepared ({exc.strerror}).") from None
    return out


# What a publication writes, and so what replacing one may remove: nothing else is touched.
OUR_FILES = ("index.html", "agenda.*", "minutes.*", "decision-log.*", "cover-sheet-*", "paper-*")


def _our_files(folder: Path) -> list[Path]:
    return [p for pattern in OUR_FILES for p in folder.glob(pattern) if p.is_file()]


def publish(
    db: Database,
    ref: str | int,
    out: Path,
    converter: Converter | str | None = "find",
    overwrite: bool = False,
    today: dt.date | None = None,
) -> PublishResult:
    """Write the meeting's public page set into the folder ``out``."""
    today = today or dt.date.today()
    organisation = str(settings.get(db, "organisation_name"))
    with db.session() as s:
        meeting = find_meeting(s, ref)
        group = s.get_one(Group, meeting.group_id)
        rows = rows_for(s, meeting)
        found = s.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id))
        # The reason in words, a sub-item taking its Part B parent's (services.marking).
        reasons = {
            item_id: next((e.words for e in item_exemptions(s, [item_id])), "") for item_id in found
        }
        day, short = long_date(meeting.date), medium_date(meeting.date)
        when, where = when_text(meeting), where_text(meeting)
    folder = _folder(out, overwrite)
    secret = part_b(rows)
    plan = pack.plan(db, ref, "main", today=today)
    view = show(db, ref)
    decided = [
        public_page.PublicDecision(item.number, item.title, d.text)
        for item in view.items
        for d in item.decisions
        if d.status == "valid" and item.item_id not in secret  # beneath a Part B item too
    ]
    titles = _Titles(group.name, day, organisation)
    docs = _word_files(db, ref, folder, plan, titles, view.locked, bool(decided))
    messages: list[str] = []
    chosen = find_converter() if converter == "find" else converter
    assert not isinstance(chosen, str)
    if chosen is None:
        messages.append(NO_CONVERTER)
    else:
        messages += _accessible_pdfs(chosen, folder, list(docs.values()))
    files: list[Published] = []
    paper_links = _copy_papers(db, folder, plan, docs, files, messages)
    for doc in docs.values():
        files.append(Published(doc.label, doc.word, "word"))
        if doc.pdf is not None:
            files.append(Published(doc.label, doc.pdf, "pdf"))
    by_item: dict[str, list[public_page.Link]] = {}
    waiting: set[str] = set()
    for paper in plan.papers:
        if paper.paper_id in paper_links:
            by_item.setdefault(paper.item, []).extend(paper_links[paper.paper_id])
        elif not paper.sha256:
            waiting.add(paper.item)
    public_items = [
        public_page.PublicItem(
            number=r.number,
            time=hhmm(r.start),
            title=r.title,
            lead=r.lead,
            purpose=r.purpose.capitalize(),
            links=by_item.get(r.number, []),
            level=r.level,
            confidential=r.id in secret,
            exempt_reason=reasons.get(r.id, "") if r.id in secret else "",
            note="(deferred)" if r.deferred else "(paper to follow)" if r.number in waiting else "",
        )
        for r in rows
    ]
    if view.locked:
        note = "The minutes were approved as a correct record" + (
            f" at the meeting of {medium_date(view.approved_at)}." if view.approved_at else "."
        )
    else:
        note = "The minutes will be published here once the group has approved them."
    page = public_page.PublicPage(
        organisation=organisation,
        group_name=group.name,
        day=day,
        when=when,
        where=where,
        items=public_items,
        documents=[(d.label, _links(d)) for k, d in docs.items() if k in MEETING_DOCUMENTS],
        minutes_note=note,
        decisions=decided if view.locked else [],
        published=long_date(today),
    )
    index = public_page.save(page, folder / "index.html")
    files.insert(0, Published(f"{group.name}, {short}: public page", index, "page"))
    return PublishResult(folder, index, files, chosen.label if chosen else "", messages)


MEETING_DOCUMENTS = ("agenda", "minutes", "decisions")  # listed under "Meeting documents"


@dataclass(frozen=True)
class _Titles:
    group: str
    day: str
    organisation: str


def _word_files(
    db: Database,
    ref: str | int,
    folder: Path,
    plan: pack.PackPlan,
    titles: _Titles,
    approved: bool,
    decided: bool,
) -> dict[str, _Doc]:
    """The app's own Word files, each with its title and language: the agenda, a cover
    sheet per received paper (keyed by paper id), and once approved the minutes and the
    meeting's decision log."""
    group, day, organisation = titles.group, titles.day, titles.organisation
    docs: dict[str, _Doc] = {}
    agenda = export_agenda(db, ref, folder / "agenda.docx")
    word.set_title(agenda, f"{group}: agenda, {day}", organisation)
    docs["agenda"] = _Doc("Agenda", agenda)
    style = house(db)
    for paper in plan.papers:
        if not paper.sha256:
            continue
        letter = _letter(paper)
        name = f"cover-sheet-{letter}-{_slug(paper.cover.title)}.docx"
        made = cover_sheet_docx(style, paper.cover, group, day, folder / name)
        label = f"Cover sheet for paper {letter}"
        word.set_title(made, f"{label}: {paper.cover.title}", organisation)
        docs[f"paper:{paper.paper_id}"] = _Doc(label, made)
    if approved:
        made = minutes_export.export(db, ref, folder / "minutes.docx")
        word.set_title(made, f"{group}: minutes of the meeting on {day}", organisation)
        docs["minutes"] = _Doc("Minutes", made)
        if decided:
            made = decisions.export(db, folder / "decision-log.docx", meeting=ref)
            word.set_title(made, f"{group}: decisions of the meeting on {day}", organisation)
            docs["decisions"] = _Doc("Decision log", made)
    return docs


def _letter(paper: PaperPlan) -> str:
    return paper.cover.reference.rsplit("/", 1)[-1] or paper.item


def _accessible_pdfs(converter: Converter, folder: Path, docs: list[_Doc]) -> list[str]:
    """Tagged PDF/UA beside each Word file (one converter start); returns what failed."""
    messages = []
    problems = convert_all(converter, [d.word for d in docs], folder, accessible=True)
    for doc in docs:
        pdf = folder / f"{doc.word.stem}.pdf"
        if problems.get(doc.word):
            messages.append(f"{doc.label}: no accessible PDF ({problems[doc.word]})")
        elif pdf.is_file():
            mark_decorations(pdf)
            doc.pdf = pdf
    return messages


def _copy_papers(
    db: Database,
    folder: Path,
    plan: pack.PackPlan,
    docs: dict[str, _Doc],
    files: list[Published],
    messages: list[str],
) -> dict[int, list[public_page.Link]]:
    """Each received paper copied as it came (unless changed since attached), with its
    cover sheet's links; an untagged PDF is reported. Returns the links by paper id."""
    changed = {p.paper_id for p in pack.changed_papers(plan)}
    links: dict[int, list[public_page.Link]] = {}
    for paper in plan.papers:
        if not paper.sha256:
            continue
        letter = _letter(paper)
        if paper.paper_id in changed:
            messages.append(f"Paper {letter} ({paper.filename}) was left out: it {pack.CHANGED}.")
            continue
        suffix = Path(paper.filename).suffix.lower()
        target = folder / f"paper-{letter}-{_slug(paper.cover.title)}{suffix}"
        shutil.copyfile(db.blobs.path_for(paper.sha256), target)
        files.append(Published(f"Paper {letter}: {paper.cover.title}", target, "paper"))
        text = f"Paper {letter}: {paper.cover.title} ({_kind(target)}, {_size(target)})"
        links[paper.paper_id] = [public_page.Link(target.name, text)]
        links[paper.paper_id] += _links(docs[f"paper:{paper.paper_id}"])
        if suffix == ".pdf":
            tagging = read_tagging(target)
            if not tagging.tagged:
                messages.append(f"Paper {letter} ({paper.filename}) {tagging.describe()}.")
    return links
