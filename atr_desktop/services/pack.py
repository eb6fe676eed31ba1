"""Checking and building a meeting's pack (main, supplementary or restricted).

Two steps so the window can keep its thread: :func:`plan` reads the store (quick, one
unit of work) into plain data; :func:`check_plan` and :func:`build_plan` do the slow part
in the pack worker process, touching no Session.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from atr_desktop.adapters.office import Converter, find_converter
from atr_desktop.documents.pack import runner
from atr_desktop.documents.pack.prepare import Job, Prepared
from atr_desktop.documents.pack.spec import Appendices, Entry, Header, PackSpec
from atr_desktop.domain.dates import medium_date
from atr_desktop.domain.marking import Marking
from atr_desktop.domain.pack import megabytes, too_large
from atr_desktop.errors import UserError
from atr_desktop.paths import app_paths
from atr_desktop.services import settings
from atr_desktop.services.house import part_a_label
from atr_desktop.services.marking import part_b_marking
from atr_desktop.services.pack_data import (
    PaperPlan,
    agenda_items,
    agenda_rows,
    appendices,
    confidential_ids,
    header_for,
    number_key,
    paper_plans,
)
from atr_desktop.services.papers import paper_references
from atr_desktop.services.refs import find_meeting
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Group

KINDS = ("main", "supplement", "restricted")
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one paper, named by its agenda item and file."""

    item: str
    paper: str
    filename: str
    message: str
    paper_id: int = 0
    blocks_file: bool = True  # the file cannot go in (a placeholder would stand in)
    changed: bool = False  # the stored file no longer matches what was attached

    def __str__(self) -> str:
        name = f"{self.filename} ('{self.paper}')" if self.filename else f"'{self.paper}'"
        return f"Item {self.item}, {name}: {self.message}."


@dataclass(frozen=True)
class PackPlan:
    """Everything needed to check and build, as plain data."""

    meeting_id: int
    label: str  # 'SG:2027-02-09'
    kind: str
    header: Header
    papers: list[PaperPlan]
    appendices: Appendices
    problems: list[Problem]  # found from the records alone
    blob_root: str
    first_page: int = 1
    supplement: int = 0
    author: str = ""
    agenda: list = field(default_factory=list)  # AgendaRow, filled once pages are known
    meeting_date: dt.date | None = None
    email_limit_mb: int = 20


@dataclass(frozen=True)
class Note:
    """Something the pack did to a paper that the secretariat should know (not a problem)."""

    item: str
    paper: str
    filename: str
    message: str

    def __str__(self) -> str:
        return f"Item {self.item}, {self.filename} ('{self.paper}'): {self.message}."


@dataclass(frozen=True)
class CheckResult:
    plan: PackPlan
    prepared: dict[str, Prepared]
    problems: list[Problem]
    notes: list[Note] = field(default_factory=list)
    # Each PDF paper's own accessibility, as it came (what publishing would put online).
    accessibility: list[Note] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class BuildResult:
    path: Path
    page_count: int
    first_page: int
    last_page: int
    size: int
    item_pages: dict[str, int]
    placeholders: list[Problem]
    warnings: list[str]
    entry_pages: list[int] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # active content removed, per paper
    accessibility: list[Note] = field(default_factory=list)  # each PDF paper, as it came


class PackProblems(UserError):
    """The pack cannot be built yet: every problem, one per line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(
            f"The pack was not built: {_count(len(problems))} to fix first "
            f"(or build with placeholder pages):\n{lines}"
        )


def _count(n: int) -> str:
    return f"{n} problem" if n == 1 else f"{n} problems"


def cache_dir() -> Path:
    return app_paths().cache / "pack-pdf"


def plan(
    db: Database,
    ref: str | int,
    kind: str = "main",
    version_line: str = "",
    today: dt.date | None = None,
) -> PackPlan:
    """Read what the pack needs, in one unit of work."""
    from atr_desktop.services.pack_issue import issued_packs, supplement_base

    if kind not in KINDS:
        raise UserError(f"A pack is main, supplement or restricted, not '{kind}'.")
    today = today or dt.date.today()
    values = settings.all_settings(db)
    required = set(values["required_cover_fields"])
    with db.session() as s:
        meeting = find_meeting(s, ref)
        group = s.get(Group, meeting.group_id)
        assert group is not None
        label = f"{group.code}:{meeting.date.isoformat()}"
        items, numbers = agenda_items(s, meeting)
        secret = confidential_ids(items)
        restricted = kind == "restricted"
        chosen = [i for i in items if (i.id in secret) == restricted]
        papers = paper_plans(s, chosen, numbers, paper_references(s, meeting))
        first_page, number, note = 1, 0, ""
        if kind == "supplement":
            first_page, number, since = supplement_base(s, meeting.id)
            papers = [p for p in papers if p.added_at is not None and p.added_at > since]
            if not papers:
                raise UserError(
                    f"No paper has arrived or changed since the pack for {label} was issued: "
                    "there is nothing for a supplementary pack."
                )
            note = "\n".join(
                f"Item {p.item}: {p.cover.title} ("
                + ("revised version" if p.revised else "new paper")
                + ")"
                for p in papers
            )
        problems = _record_problems(chosen, numbers, papers, required, kind)
        if not version_line:
            same = "restricted" if restricted else "main"
            done = [p for p in issued_packs(s, meeting.id) if p.kind == same]
            version_line = (
                f"Draft pack (version {len(done) + 1} not yet issued), built {medium_date(today)}"
            )
        mark = (
            part_b_marking(s, [i.id for i in chosen])
            if restricted
            else Marking(part_a_label(values["protective_marking"]))
        )
        header = header_for(s, meeting, values["organisation_name"], mark.label, version_line)
        if restricted:
            header = replace(
                header,
                title="Part B pack (confidential)",
                restricted=True,
                exempt_line=mark.exempt_line,
            )
        if kind == "supplement":
            header = replace(
                header, title=f"Supplementary pack {number}", supplement=number, note=note
            )
        app = (
            appendices(s, meeting, items, numbers, today, int(values["action_amber_days"]))
            if kind == "main"
            else Appendices()
        )
        base_rows = agenda_rows(meeting, items, numbers, secret, restricted, set())
        if kind == "supplement":
            wanted = {p.item for p in papers}
            base_rows = [r for r in base_rows if r.number in wanted]
        return PackPlan(
            meeting_id=meeting.id,
            label=label,
            kind=kind,
            header=header,
            papers=papers,
            appendices=app,
            problems=problems,
            blob_root=str(db.blobs.root),
            first_page=first_page,
            supplement=number,
            author=values["organisation_name"],
            agenda=base_rows,
            meeting_date=meeting.date,
            email_limit_mb=int(values["pack_email_limit_mb"]),
        )


def _record_problems(
    items: list, numbers: dict[int, str], papers: list[PaperPlan], required: set[str], kind: str
) -> list[Problem]:
    out = []
    if kind == "restricted":
        for item in items:
            if item.confidential and not item.exemption:
                out.append(
                    Problem(
                        numbers.get(item.id, ""),
                        item.title,
                        "",
                        "the item is Part B but has no exemption reason for its OFFICIAL-SENSITIVE "
                        "marking: choose one in the item's dialog (or agenda edit --exempt)",
                        blocks_file=False,
                    )
                )
    for paper in papers:
        for key in sorted(required):
            if key in paper.values and not str(paper.values[key]).strip():
                out.append(
                    Problem(
                        paper.item,
                        paper.cover.title,
                        paper.filename,
                        f"the cover sheet has no {key.replace('_', ' ')}",
                        paper.paper_id,
                        blocks_file=False,
                    )
                )
        if paper.paper_id and not paper.sha256:
            out.append(
                Problem(
                    paper.item,
                    paper.cover.title,
                    "",
                    "the paper was expected but has not been received",
                    paper.paper_id,
                )
            )
        if not paper.paper_id and kind != "supplement":
            out.append(
                Problem(
                    paper.item,
                    paper.cover.item_title,
                    "",
                    "the agenda says this item has papers but none has been added",
                )
            )
    return out


def check_plan(
    plan_: PackPlan,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    converter: Converter | str | None = "find",
    timeout: float = runner.PAPER_TIMEOUT,
    command: list[str] | None = None,
    worker: runner.Worker | None = None,
) -> CheckResult:
    """Read and check every paper in the worker; all problems together.

    A paper whose stored file has changed since it was attached is reported and not read
    (its prepared copy is cached by the sha256 it should have)."""
    from atr_desktop.storage.blobs import BlobStore

    blobs = BlobStore(Path(plan_.blob_root))
    changed = changed_papers(plan_)
    skip = {p.paper_id for p in changed}
    jobs = [
        Job(str(p.paper_id), p.filename, str(blobs.path_for(p.sha256)), p.sha256)
        for p in plan_.papers
        if p.sha256 and p.paper_id not in skip
    ]
    names = {str(p.paper_id): p for p in plan_.papers}
    total = len(jobs)
    done = 0

    def on_event(event: dict) -> None:
        nonlocal done
        if progress is None:
            return
        if event.get("event") == "start":
            paper = names[event["key"]]
            progress(done, total, f"Checking item {paper.item}: {paper.filename}")
        elif event.get("event") == "done":
            done += 1
            progress(done, total, "")

    chosen = find_converter() if converter == "find" else converter
    assert not isinstance(chosen, str)
    try:
        prepared = runner.run_prepare(
            jobs, cache_dir(), chosen, on_event, cancelled, timeout, command, worker
        )
    except runner.WorkerCancelled:
        raise UserError("Cancelled: nothing was written.") from None
    problems = list(plan_.problems) + changed
    notes = []
    for key, result in prepared.items():
        p = names[key]
        if result.problem:
            problems.append(Problem(p.item, p.cover.title, p.filename, result.problem, p.paper_id))
        if result.removed:
            removed = ", ".join(result.removed)
            notes.append(
                Note(
                    p.item,
                    p.cover.title,
                    p.filename,
                    f"active content removed for the pack: {removed}",
                )
            )
    problems.sort(key=lambda p: (number_key(p.item), p.paper))
    notes.sort(key=lambda n: (number_key(n.item), n.paper))
    return CheckResult(plan_, prepared, problems, notes, paper_accessibility(plan_, skip))


def paper_accessibility(plan_: PackPlan, skip: Collection[int] = ()) -> list[Note]:
    """Whether each PDF paper is tagged for accessibility, read from the file as it came,
    so the secretariat can ask an author for an accessible version before publishing."""
    from atr_desktop.documents.pdf_access import read_tagging
    from atr_desktop.storage.blobs import BlobStore

    blobs = BlobStore(Path(plan_.blob_root))
    out = []
    for p in plan_.papers:
        if not p.sha256 or p.paper_id in skip or not p.filename.lower().endswith(".pdf"):
            continue
        path = blobs.path_for(p.sha256)
        if path.is_file():
            out.append(Note(p.item, p.cover.title, p.filename, read_tagging(path).describe()))
    out.sort(key=lambda n: (number_key(n.item), n.paper))
    return out


class PapersChanged(UserError):
    """A paper's stored file no longer matches what was attached: never built or issued."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(
            "The pack was not built: a paper has changed since it was attached, so what "
            f"members would read is not what was received:\n{lines}"
        )


CHANGED = (
    "has changed since it was attached (the stored file no longer matches it): "
    "attach the paper again, or restore the papers' store from a backup"
)


def changed_papers(plan_: PackPlan) -> list[Problem]:
    """Papers whose stored file no longer hashes to the sha256 recorded when attached."""
    from atr_desktop.storage.blobs import BlobStore, file_sha256

    blobs = BlobStore(Path(plan_.blob_root))
    changed = []
    for paper in plan_.papers:
        if not paper.sha256:
            continue
        path = blobs.path_for(paper.sha256)
        if path.is_file() and file_sha256(path) != paper.sha256:
            changed.append(
                Problem(
                    paper.item,
                    paper.cover.title,
                    paper.filename,
                    CHANGED,
                    paper.paper_id,
                    changed=True,
                )
            )
    return changed


def verify_papers(plan_: PackPlan) -> None:
    """Hash every paper's stored file again, just before building and issuing."""
    changed = changed_papers(plan_)
    if changed:
        raise PapersChanged(changed)


def spec_for(checked: CheckResult, placeholders: bool) -> tuple[PackSpec, list[Problem]]:
    """The PackSpec: papers in order, placeholders standing in for unusable files."""
    plan_ = checked.plan
    changed = [p for p in checked.problems if p.changed]
    if changed:
        raise PapersChanged(changed)
    blocking = [p for p in checked.problems if p.blocks_file]
    if checked.problems and not placeholders:
        raise PackProblems(checked.problems)
    used: list[Problem] = []
    entries = []
    reasons = {p.paper_id: p for p in blocking if p.paper_id}
    unrecorded = {p.item: p for p in blocking if not p.paper_id}
    for paper in plan_.papers:
        result = checked.prepared.get(str(paper.paper_id)) if paper.paper_id else None
        if not paper.sha256:  # never received: it follows
            reason = reasons.get(paper.paper_id) or unrecorded.get(paper.item)
            text = (
                "The paper has not been received yet."
                if paper.paper_id
                else "No paper has been received for this item yet."
            )
            entries.append(
                Entry(
                    paper.item,
                    paper.cover,
                    placeholder=text,
                    paper_id=paper.paper_id,
                    to_follow=True,
                )
            )
            if reason:
                used.append(reason)
        elif paper.paper_id in reasons or result is None or not result.pdf:
            reason = reasons.get(paper.paper_id)
            text = reason.message if reason else "could not be read"
            entries.append(
                Entry(
                    paper.item,
                    paper.cover,
                    placeholder=f"The paper {text}.",
                    paper_id=paper.paper_id,
                )
            )
            if reason:
                used.append(reason)
        else:
            entries.append(
                Entry(paper.item, paper.cover, source=result.pdf, paper_id=paper.paper_id)
            )
    with_pages = {e.item for e in entries}
    app = plan_.appendices
    if app.minutes is not None and app.minutes_item:
        with_pages.add(app.minutes_item)
    if app.actions is not None and app.actions_item:
        with_pages.add(app.actions_item)
    following = {e.item for e in entries if e.to_follow}
    agenda = [
        replace(row, has_pack_pages=row.number in with_pages, to_follow=row.number in following)
        for row in plan_.agenda
    ]
    spec = PackSpec(
        header=plan_.header,
        agenda=agenda,
        entries=entries,
        appendices=app,
        first_page=plan_.first_page,
        author=plan_.author,
    )
    return spec, used


def build_plan(
    checked: CheckResult,
    out: Path,
    placeholders: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    command: list[str] | None = None,
    worker: runner.Worker | None = None,
) -> BuildResult:
    """Build in the worker into a temporary folder, then move into place: a cancelled or
    failed build leaves nothing half-written at ``out``."""
    spec, used = spec_for(checked, placeholders)
    verify_papers(checked.plan)
    out = out.expanduser().resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".atr-pack-", dir=out.parent))
    try:

        def on_event(event: dict) -> None:
            if progress is not None and event.get("event") == "progress":
                progress(-1, -1, event.get("text", ""))

        try:
            built = runner.run_build(
                spec, work / "pack.pdf", on_event, cancelled, command=command, worker=worker
            )
        except runner.WorkerCancelled:
            raise UserError("Cancelled: nothing was written.") from None
        except runner.WorkerFailed as exc:
            raise UserError(f"The pack could not be built ({exc}).") from None
        os.replace(work / "pack.pdf", out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    warnings = []
    if too_large(built.size, checked.plan.email_limit_mb):
        warnings.append(
            f"The pack is {megabytes(built.size)}, larger than the "
            f"{checked.plan.email_limit_mb} MB email limit: share it another way."
        )
    return BuildResult(
        path=out,
        page_count=built.page_count,
        first_page=built.first_page,
        last_page=built.last_page,
        size=built.size,
        item_pages=built.item_pages,
        placeholders=used,
        warnings=warnings,
        entry_pages=built.entry_pages,
        notes=checked.notes,
        accessibility=checked.accessibility,
    )


def check(db: Database, ref: str | int, kind: str = "main", **kw: object) -> CheckResult:
    return check_plan(plan(db, ref, kind), **kw)  # type: ignore[arg-type]


def build(
    db: Database,
    ref: str | int,
    out: Path,
    kind: str = "main",
    placeholders: bool = False,
    version_line: str = "",
    today: dt.date | None = None,
) -> BuildResult:
    with runner.Worker() as worker:
        checked = check_plan(plan(db, ref, kind, version_line, today), worker=worker)
        return build_plan(checked, out, placeholders, worker=worker)
