"""The expected-papers list, for chasing authors (Word), and one email draft per author."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from atr_desktop.documents import eml, word
from atr_desktop.documents.text import xml_safe


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
    doc = word.new_document(house, subject=f"{heading}, {when}")
    doc.add_paragraph(xml_safe(heading), style="Title")
    doc.add_paragraph(xml_safe(f"Papers expected for the meeting on {when}"))
    word.add_table(
        doc,
        ("Item", "Paper", "Author", "Email", "Deadline", "Status"),
        [(p.item, p.title, p.author, p.author_email, p.deadline, p.status) for p in papers],
        widths_cm=WIDTHS_CM,
    )
    if not papers:
        doc.add_paragraph("No papers are outstanding.")
    return word.save(doc, out, title=f"{heading}: papers expected")


# Item, Paper, Author, Email, Deadline, Status: 17.0 cm, the A4 text width between 2 cm
# margins (it was 17.8 cm and ran past the right margin). The fixed layout wraps a long
# email address inside its column rather than widening the table.
WIDTHS_CM = (1.3, 5.0, 3.0, 3.9, 2.2, 1.6)


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
