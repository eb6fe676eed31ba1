"""Demo meeting records: registers of held meetings, minutes (the latest of each group still
a draft), decisions (one awaiting ratification) and about 25 actions in every state.

Agenda items and approved ToR quorum rules are added only where an earlier step left none.
Over several years each held meeting has 2-5 decisions and 4-8 actions; actions older than a
year were updated at the meetings that followed and closed (a few superseded, a few still
carried forward), while the last year's move on as in the one-year demo.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random

from sqlalchemy import select

from atr_desktop.domain.agenda import DEFAULT_STANDING_ITEMS
from atr_desktop.services import actions, decisions, minutes
from atr_desktop.services.actions import ActionChange
from atr_desktop.services.attendance import _members_on
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import (
    AgendaItem,
    Attendance,
    Group,
    Meeting,
    MinuteEntry,
    Minutes,
    Person,
    TorVersion,
)

# code -> (count, numerator, denominator, chair required, sectors)
RULES = {
    "SG": (6, None, None, True, ["NHS", "Local authority"]),
    "NET": (None, 1, 3, False, []),
    "MNC": (None, 1, 3, True, []),
}

TOPICS = {
    "SG": [
        "Trauma-informed workforce strategy",
        "Training Collaborative proposal",
        "Programme budget 2027/28",
    ],
    "NET": ["Schools trauma-informed practice pilot", "Youth voice: findings of the survey"],
    "MNC": ["Multiple disadvantage pathway", "Housing first: six-month review"],
    "JNC": ["Transition protocol for 16 to 25 year olds", "Joint training calendar"],
}

DISCUSSION = (
    "The Programme Lead introduced the paper and summarised the progress since the last meeting.\n"
    "Members discussed:\n- the capacity of partners to release staff\n"
    "- how lived experience members will shape the next phase\n"
    "- the evaluation measures and when they report"
)

DECISION_WORDING = (
    "The Group APPROVED the recommendations of the paper on {topic}.",
    "The Group AGREED to proceed with the {topic}, subject to the funding being confirmed.",
    "The Group NOTED the update on {topic} and ASKED for a further report in six months.",
    "The Group ENDORSED the approach to {topic} set out in the paper.",
)

STANDING_TEXT = {
    "apologies": "The Chair welcomed members and noted the apologies received.",
    "declarations": "No new interests were declared.",
    "minutes": "The minutes of the last meeting were APPROVED as a correct record. There were "
    "no matters arising that are not on the agenda.",
    "action_log": "Members reviewed the action log. Updates are recorded against each action; "
    "actions completed since the last meeting were agreed for closure.",
    "aob": "There was no other business.",
}

ACTION_TEXTS = (
    "Circulate the training matrix to all partners",
    "Draft the evaluation framework for the pilot",
    "Confirm funding for the next phase with the ICB",
    "Arrange a workshop with lived experience members",
    "Map current trauma-informed training across districts",
    "Report back on the schools pilot sign-up",
    "Share the housing first case studies",
    "Update the risk register entry on workforce capacity",
)


def _ensure_rules(db: Database) -> None:
    with db.session() as s:
        for code, (count, num, den, chair, sectors) in RULES.items():
            group = s.scalar(select(Group).where(Group.code == code))
            if group is None or s.scalar(select(TorVersion).where(TorVersion.group_id == group.id)):
                continue
            s.add(
                TorVersion(
                    group_id=group.id,
                    version=1,
                    status="approved",
                    quorum_count=count,
                    quorum_numerator=num,
                    quorum_denominator=den,
                    quorum_chair_required=chair,
                    quorum_sectors=json.dumps(sectors),
                    approved_on=dt.date(2025, 4, 1),
                )
            )


def _ensure_items(db: Database, confidential_for: set[int]) -> None:
    with db.session() as s:
        for meeting in s.scalars(select(Meeting)):
            if s.scalar(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id)):
                continue
            group = s.get(Group, meeting.group_id)
            assert group is not None
            specs = [(x.title, x.kind, x.lead, False) for x in DEFAULT_STANDING_ITEMS[:-1]]
            specs += [(t, "standard", "Programme Lead", False) for t in TOPICS.get(group.code, [])]
            if meeting.id in confidential_for:
                specs.append(
                    ("Commissioning of the training provider (Part B)", "standard", "Chair", True)
                )
            specs.append((DEFAULT_STANDING_ITEMS[-1].title, "aob", "Chair", False))
            for position, (title, kind, lead, secret) in enumerate(specs, start=1):
                s.add(
                    AgendaItem(
                        meeting_id=meeting.id,
                        position=position,
                        title=title,
                        kind=kind,
                        lead=lead,
                        confidential=secret,
                        exemption="negotiations" if secret else "",
                        purpose="decision" if kind == "standard" else "",
                    )
                )


def _mark_register(db: Database, meeting_id: int, rng: random.Random, thin: bool) -> None:
    """Most members present; a 'thin' meeting misses its quorum."""
    with db.session() as s:
        meeting = s.get(Meeting, meeting_id)
        assert meeting is not None
        group = s.get(Group, meeting.group_id)
        assert group is not None
        sources = [(group, None)] + [(g, g.id) for g in group.constituents]
        seen: set[int] = set()
        for source, constituent in sources:
            for m in _members_on(s, source.id, meeting.date):
                if m.person_id in seen:
                    continue
                seen.add(m.person_id)
                roll = rng.random()
                if m.role in ("chair", "secretariat"):
                    status = "present" if m.role == "chair" else "in-attendance"
                elif thin:
                    status = "present" if roll < 0.15 else "apologies"
                else:
                    status = "present" if roll < 0.8 else ("apologies" if roll < 0.95 else "absent")
                s.add(
                    Attendance(
                        meeting_id=meeting.id,
                        person_id=m.person_id,
                        status=status,
                        constituent_group_id=constituent,
                    )
                )


def add_records(db: Database, today: dt.date, rng: random.Random, years: int = 1) -> dict[str, int]:
    _ensure_rules(db)
    with db.session() as s:
        held = [
            (m.id, g.code, m.date)
            for m, g in s.execute(
                select(Meeting, Group)
                .join(Group, Group.id == Meeting.group_id)
                .where(Meeting.date < today, Meeting.status != "cancelled")
                .order_by(Meeting.date)
            )
        ]
        upcoming = {
            g.code: m.id
            for m, g in s.execute(
                select(Meeting, Group)
                .join(Group, Group.id == Meeting.group_id)
                .where(Meeting.date >= today)
                .order_by(Meeting.date.desc())
            )
        }
    sg_held = [m for m, code, _ in held if code == "SG"]
    # The thin (non-quorate) meeting falls after NET's ToR was approved, so quorum applies.
    net = [m for m, code, _ in held if code == "NET"]
    thin = net[-2] if len(net) >= 2 else (net[0] if net else None)
    _ensure_items(db, set(sg_held[-1:]) | ({thin} if thin else set()))
    counts = {"registers": 0, "minutes": 0, "decisions": 0, "actions": 0}
    raised: list[tuple[str, str, dt.date]] = []  # ref, group, meeting date
    by_group: dict[str, list[tuple[int, dt.date]]] = {}
    for meeting_id, code, day in held:
        by_group.setdefault(code, []).append((meeting_id, day))
        _mark_register(db, meeting_id, rng, meeting_id == thin)
        counts["registers"] += 1
        items = minutes.agenda_items(db, meeting_id)
        _write_minutes(db, meeting_id, items)
        # Decisions and actions arise under the meeting's own business, not standing items.
        topical = [i for i in items if i.kind == "standard" and not i.title.startswith("Any ")]
        decided = topical[:2]
        raising = topical[:3]
        if years > 1 and topical:
            decided = [topical[n % len(topical)] for n in range(rng.randint(2, 5))]
            raising = [topical[n % len(topical)] for n in range(rng.randint(4, 8))]
        present = _present_emails(db, meeting_id) if raising else []
        for item in decided:
            wording = DECISION_WORDING[counts["decisions"] % len(DECISION_WORDING)].format(
                topic=item.title.lower()
            )
            decisions.add_decision(db, meeting_id, item.id, wording)
            counts["decisions"] += 1
        for n, item in enumerate(raising):
            if len(raised) >= 26 and years == 1:
                break
            owner = _owner(present, rng)
            due = day + dt.timedelta(days=rng.choice((21, 35, 49, 70, 120)))
            text = ACTION_TEXTS[(len(raised) + n) % len(ACTION_TEXTS)]
            info = actions.add_action(db, meeting_id, item.id, text, owner, due, today=today)
            raised.append((info.ref, code, day))
        counts["minutes"] += 1
    # Approve each group's minutes at its next held meeting; the latest stays a draft.
    now = dt.datetime.combine(today, dt.time.min)  # the demo's day, not the clock's
    for meetings in by_group.values():
        for (meeting_id, _), (later_id, _) in itertools.pairwise(meetings):
            minutes.approve(db, meeting_id, later_id, now=now)
    # One approval was given before a correction was agreed: withdrawn (on record) and given
    # again with the amendment, as the history of those minutes shows.
    oldest = next((m for m in by_group.values() if len(m) >= 2), None)
    if oldest is not None:
        (first, _), (second, _) = oldest[0], oldest[1]
        minutes.withdraw_approval(
            db, first, "Approved before the correction to the action log was agreed"
        )
        minutes.approve(
            db, first, second, "Action log: the owner of one action corrected.", now=now
        )
    year_ago = today - dt.timedelta(days=365)
    _progress_history(db, [r for r in raised if r[2] < year_ago], by_group, rng)
    _progress(db, [r for r in raised if r[2] >= year_ago], by_group, upcoming, rng, today)
    counts["actions"] = len(raised)
    return counts


def _write_minutes(db: Database, meeting_id: int, items: list[minutes.ItemChoice]) -> None:
    """The minutes of a held meeting, in one transaction (the demo is built quickly)."""
    with db.session() as s:
        record = Minutes(meeting_id=meeting_id, status="draft")
        s.add(record)
        s.flush()
        for item in items:
            text = STANDING_TEXT.get(item.kind, DISCUSSION)
            s.add(MinuteEntry(minutes_id=record.id, agenda_item_id=item.id, discussion=text))


def _present_emails(db: Database, meeting_id: int) -> list[str]:
    """The emails of those present at the meeting, sorted (action owners come from them)."""
    with db.session() as s:
        return sorted(
            email
            for email in s.scalars(
                select(Person.email)
                .join(Attendance, Attendance.person_id == Person.id)
                .where(Attendance.meeting_id == meeting_id, Attendance.status == "present")
            )
            if email
        )


def _owner(emails: list[str], rng: random.Random) -> str:
    """Someone present at the meeting (by email), now and then a team named in words."""
    if not emails or rng.random() < 0.15:
        return rng.choice(("Finance lead (ICB)", "Comms team"))
    return rng.choice(emails)


def _progress(
    db: Database,
    raised: list[tuple[str, str, dt.date]],
    by_group: dict[str, list[tuple[int, dt.date]]],
    upcoming: dict[str, int],
    rng: random.Random,
    today: dt.date,
) -> None:
    """Move the actions on as a year would: updates, moved dates, closures, one superseded."""
    for index, (ref, code, day) in enumerate(raised):
        later = [m for m, d in by_group.get(code, []) if d > day]
        info = actions.get_action(db, ref, today)
        long_past = info.due_date is not None and info.due_date < today - dt.timedelta(days=45)
        roll = index % 6
        on = min(today, day + dt.timedelta(days=14))
        if later and (roll == 0 or (long_past and roll in (1, 2, 4))):
            done = ActionChange(note="Done and circulated.", status="proposed for closure")
            actions.update_action(db, ref, done, on)
            actions.update_action(db, ref, ActionChange(status="closed", at_meeting=later[0]), on)
        elif index == 11:
            why = "Replaced by the joint training plan action."
            actions.update_action(db, ref, ActionChange(status="superseded", reason=why), on)
        elif roll == 1:
            note = "Work started; first draft shared."
            actions.update_action(db, ref, ActionChange(status="in progress", note=note), on)
        elif roll == 2 and info.due_date:
            moved = info.due_date + dt.timedelta(days=42)
            note = "Partner capacity: agreed to move the date."
            actions.update_action(db, ref, ActionChange(due=moved, note=note), on)
        elif roll == 3:
            note = "Complete: to confirm at the next meeting."
            actions.update_action(
                db, ref, ActionChange(status="proposed for closure", note=note), on
            )


HISTORY_NOTES = (
    "Update given at the meeting: in hand.",
    "Partners consulted; a draft is with the lead.",
    "Delayed by staff changes; the owner remains committed.",
    "Most of the work done; to report back next time.",
)


def _progress_history(
    db: Database,
    raised: list[tuple[str, str, dt.date]],
    by_group: dict[str, list[tuple[int, dt.date]]],
    rng: random.Random,
) -> None:
    """Older actions: updated at the meetings that followed, then closed at one of them.

    About one in twenty was superseded and one in fifty is still carried forward (so the
    log has long-overdue actions, as real ones do).
    """
    for ref, code, day in raised:
        later = [(m, d) for m, d in by_group.get(code, []) if d > day]
        roll = rng.random()
        steps = later[: rng.randint(1, 3)]
        if not steps:
            continue
        for _meeting, on in steps[:-1]:
            change = ActionChange(note=rng.choice(HISTORY_NOTES), status="in progress")
            actions.update_action(db, ref, change, on)
        last_id, last_on = steps[-1]
        if roll < 0.02:
            note = "Carried forward: still open."
            actions.update_action(db, ref, ActionChange(note=note), last_on)
        elif roll < 0.07:
            why = "Overtaken by the revised workplan."
            actions.update_action(db, ref, ActionChange(status="superseded", reason=why), last_on)
        else:
            note = "Done; agreed for closure."
            done = ActionChange(note=note, status="closed", at_meeting=last_id)
            actions.update_action(db, ref, done, last_on)
