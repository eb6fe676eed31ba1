"""The expected-papers list, for chasing authors (Word), and one email draft per author."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from atr_desktop.documents import eml, word


@dataclass(frozen=True)
class ExpectedPaper:
    item: str
    title: str
    author: str
    author_email: str
    deadline: str
    status: str


def build_list(
    house: word.House, heading: str, when: str, papers: Sequence[ExpectedPaper], out: Path
) -> Path:
    doc = word.new_document(house)
    doc.add_paragraph(heading, style="Title")
    doc.add_paragraph(f"Papers expected for the meeting on {when}")
    word.add_table(
        doc,
        ("Item", "Paper", "Author", "Email", "Deadline", "Status"),
        [(p.item, p.title, p.author, p.author_email, p.deadline, p.status) for p in papers],
        widths_cm=(1.2, 5.5, 3.2, 3.8, 2.3, 1.8),
    )
    if not papers:
        doc.add_paragraph("No papers are outstanding.")
    return word.save(doc, out)


def author_draft(
    group_name: str,
    when: str,
    author: str,
    email: str,
    papers: Sequence[ExpectedPaper],
    template: Path | None,
    sender: str,
) -> EmailMessage:
    lines = [
        f"Dear {author.split()[0] if author.split() else 'colleague'},",
        "",
        f"Thank you for agreeing to provide a paper for the {group_name} on {when}.",
        "",
        "Please send:",
        *(f"- {p.title} (agenda item {p.item}), by {p.deadline}" for p in papers),
        "",
        "Please use the attached cover sheet, complete every field marked *, and send the "
        "paper as a PDF or Word document without a password.",
        "",
        "With thanks,",
        sender,
    ]
    subject = f"{group_name}, {when}: paper deadline"
    return eml.draft([(author, email)], subject, "\n".join(lines), [template] if template else [])
