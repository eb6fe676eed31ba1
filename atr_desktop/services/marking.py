"""The marking an output of stored business carries, from the items it holds.

The rule is ``domain.marking``; this module only reads each Part B item's exemption
reason (a sub-item takes its parent's when it has none of its own).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.domain import marking as rule
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Action, AgendaItem, Decision


def item_exemptions(session: Session, item_ids: Iterable[int]) -> list[rule.Exemption]:
    """Each item's exemption, in the order given; an item without one takes its nearest
    Part B ancestor's."""
    out: list[rule.Exemption] = []
    for item_id in item_ids:
        node = session.get(AgendaItem, item_id)
        while node is not None and not node.exemption and node.parent_id:
            node = session.get(AgendaItem, node.parent_id)
        if node is not None and node.exemption:
            out.append(rule.Exemption(node.exemption, node.exemption_note))
    return out


def part_b_marking(session: Session, item_ids: Iterable[int]) -> rule.Marking:
    """OFFICIAL-SENSITIVE with the reasons of the Part B items an output holds."""
    return rule.part_b(item_exemptions(session, item_ids))


def export_marking(
    session: Session, include_part_b: bool, part_b_item_ids: Iterable[int]
) -> rule.Marking:
    """OFFICIAL when Part B rows are left out; OFFICIAL-SENSITIVE (the whole file) when in."""
    if not include_part_b:
        return rule.part_a()
    return part_b_marking(session, part_b_item_ids)


def records_marking(
    db: Database, model: type[Decision] | type[Action], include_part_b: bool, ids: Iterable[int]
) -> rule.Marking:
    """The marking of a log export holding these decisions or actions: OFFICIAL when Part
    B rows were left out, else OFFICIAL-SENSITIVE with the reasons of their items."""
    if not include_part_b:
        return rule.part_a()
    wanted = list(ids)
    with db.session() as s:
        item_ids = [
            i
            for i in s.scalars(select(model.agenda_item_id).where(model.id.in_(wanted)))
            if i is not None
        ]
        return part_b_marking(s, item_ids)


PART_B_LEFT_OUT = "Part B (confidential) {what} are left out"
PART_B_INCLUDED = "Includes Part B (confidential) {what}: do not circulate beyond those entitled"


def part_b_note(include_part_b: bool, what: str) -> str:
    """What an export says about Part B rows, in the file and to the user."""
    return (PART_B_INCLUDED if include_part_b else PART_B_LEFT_OUT).format(what=what)
