"""Demo people and organisations from the sectors of the partnership, and their memberships.

Over several years seats turn over: each current member had predecessors in the same role,
serving one to three years each back to the programme's start, and further people (paper
authors, presenters, guests) bring a decade's demo to about 400 people.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from atr_desktop.domain.people import SECTORS
from atr_desktop.storage.database import Database
from atr_desktop.storage.models import Group, Membership, Organisation, Person, Sector

ORGANISATIONS = (
    ("West Yorkshire Integrated Care Board", "NHS"),
    ("Leeds Teaching Hospitals NHS Trust", "NHS"),
    ("Bradford District Care NHS Foundation Trust", "NHS"),
    ("South West Yorkshire Partnership NHS Foundation Trust", "NHS"),
    ("Leeds City Council", "Local authority"),
    ("City of Bradford Metropolitan District Council", "Local authority"),
    ("Kirklees Council", "Local authority"),
    ("Calderdale Council", "Local authority"),
    ("Wakefield Council", "Local authority"),
    ("West Yorkshire Police", "Police"),
    ("West Yorkshire Violence Reduction Unit", "Police"),
    ("Incommunities", "Housing"),
    ("Together Housing", "Housing"),
    ("Leeds Beckett University", "Education"),
    ("Calderdale College", "Education"),
    ("Leeds Youth Justice Service", "Youth justice"),
    ("Forum Central", "Voluntary and community sector"),
    ("Barnardo's", "Voluntary and community sector"),
    ("Touchstone", "Voluntary and community sector"),
    ("ATR Lived Experience Panel", "Lived experience"),
)

# (title, first, last, job title, organisation index, lived experience)
PEOPLE = (
    ("Dr", "Siân", "Evans", "Director of Public Health", 4, False),
    ("Ms", "Zoë", "Clarke", "Head of Safeguarding", 0, False),
    ("Mr", "Tariq", "Haddad", "Chief Inspector", 9, False),
    ("Mrs", "Aisha", "Rahman", "Programme Lead, ATR", 0, False),
    ("Mr", "Gareth", "O'Neill", "Assistant Director, Children's Services", 5, False),
    ("Ms", "Niamh", "Byrne", "Consultant Clinical Psychologist", 2, False),
    ("Dr", "Oluwaseun", "Adeyemi", "Consultant Paediatrician", 1, False),
    ("Ms", "Chloé", "Dubois", "Housing Services Manager", 11, False),
    ("Mr", "Piotr", "Nowak", "Youth Justice Manager", 15, False),
    ("Ms", "Hannah", "Whitaker", "Chief Executive", 16, False),
    ("Mr", "Imran", "Hussain", "Head of Partnerships", 10, False),
    ("Ms", "Rebecca", "Sutcliffe", "Deputy Director of Nursing", 3, False),
    ("Mr", "Daniel", "Firth", "Service Manager, Adults", 6, False),
    ("Ms", "Grace", "Mensah", "Lived Experience Member", 19, True),
    ("Mr", "Jordan", "Lee", "Lived Experience Member", 19, True),
    ("Ms", "Priya", "Sharma", "Senior Lecturer in Social Work", 13, False),
    ("Mrs", "Helen", "Barraclough", "Head of Inclusion", 14, False),
    ("Mr", "Marcus", "Brown", "Service Director", 17, False),
    ("Ms", "Fatima", "Akhtar", "Commissioning Manager", 7, False),
    ("Mr", "Tom", "Greenwood", "Homelessness Lead", 12, False),
    ("Ms", "Laura", "Pickles", "Head of Early Help", 8, False),
    ("Dr", "Ewan", "MacLeod", "Clinical Director, Mental Health", 0, False),
    ("Ms", "Sophie", "Armitage", "Programme Officer", 0, False),
    ("Mr", "Kwame", "Owusu", "Service Manager", 18, False),
    ("Ms", "Bethany", "Holroyd", "Detective Superintendent", 9, False),
    ("Mr", "Connor", "Walsh", "Lived Experience Member", 19, True),
    ("Ms", "Amira", "Khalil", "Team Manager, Care Leavers", 4, False),
    ("Mr", "Liam", "Hartley", "Strategic Housing Lead", 11, False),
    ("Ms", "Joanne", "Stead", "Designated Nurse, Safeguarding", 0, False),
    ("Mr", "Samuel", "Okafor", "Head of Youth Services", 6, False),
    ("Ms", "Rachel", "Thornton", "Programme Officer", 0, False),
    ("Ms", "Eleanor", "Royle", "Public Health Specialist", 7, False),
)

# group code -> list of (person index, role, voting)
MEMBERSHIPS = {
    "SG": [
        (0, "chair", True),
        (1, "vice-chair", True),
        (2, "member", True),
        (4, "member", True),
        (5, "member", True),
        (9, "member", True),
        (10, "member", True),
        (11, "member", True),
        (12, "member", True),
        (13, "lived-experience member", True),
        (18, "member", True),
        (21, "member", True),
        (24, "member", True),
        (31, "member", True),
        (3, "secretariat", False),
        (22, "secretariat", False),
    ],
    "NET": [
        (6, "chair", True),
        (20, "vice-chair", True),
        (4, "member", True),
        (8, "member", True),
        (14, "lived-experience member", True),
        (15, "member", True),
        (16, "member", True),
        (26, "member", True),
        (28, "member", True),
        (29, "member", True),
        (30, "secretariat", False),
    ],
    "MNC": [
        (9, "chair", True),
        (12, "vice-chair", True),
        (7, "member", True),
        (17, "member", True),
        (19, "member", True),
        (23, "member", True),
        (25, "lived-experience member", True),
        (27, "member", True),
        (5, "member", True),
        (30, "secretariat", False),
    ],
    "JNC": [(3, "chair", False), (30, "secretariat", False)],
}


# Names for the people of earlier years, combined deterministically.
# fmt: off
FIRST_NAMES = (
    "Aaliyah", "Abdul", "Adam", "Aidan", "Alice", "Amelia", "Amir", "Andrew", "Anna", "Asha",
    "Ben", "Bilal", "Caitlin", "Carl", "Catherine", "Chris", "Claire", "Dafydd", "David",
    "Deborah", "Declan", "Dominika", "Elaine", "Ellie", "Emma", "Farah", "Fiona", "Gemma",
    "George", "Harriet", "Harvey", "Ibrahim", "Iqra", "Isla", "Jack", "Jasmine", "Javed",
    "Jenny", "Joel", "Jonathan", "Julie", "Kamala", "Karen", "Katie", "Kieran", "Kirsty",
    "Leah", "Luke", "Mabel", "Maria", "Mark", "Martha", "Megan", "Michael", "Mohammed", "Nadia",
    "Naomi", "Nathan", "Nicola", "Oliver", "Paul", "Rania", "Rashid", "Richard", "Robert",
    "Rosie", "Ruth", "Saima", "Sajid", "Sara", "Shabana", "Simon", "Stacey", "Stephen", "Susan",
    "Tanya", "Usman", "Vikram", "Wendy", "Yasmin", "Yusuf", "Zainab", "Zara",
)
# fmt: on
# fmt: off
LAST_NAMES = (
    "Ahmed", "Ali", "Appleyard", "Atkinson", "Bailey", "Bibi", "Booth", "Bottomley", "Brook",
    "Chadwick", "Cooper", "Crowther", "Dawson", "Denton", "Ellis", "Fletcher", "Gill", "Haigh",
    "Hall", "Hanson", "Holmes", "Hussain", "Iqbal", "Jackson", "Jagger", "Kaur", "Kelly",
    "Khan", "Lister", "Lockwood", "Mahmood", "Marsden", "Mitchell", "Moorhouse", "Naylor",
    "Nolan", "Parkin", "Patel", "Pearson", "Quinn", "Riaz", "Robinson", "Shaw", "Singh",
    "Smith", "Stansfield", "Sykes", "Taylor", "Thompson", "Townend", "Wainwright", "Walker",
    "Whiteley", "Wood", "Wright", "Yousaf",
)
# fmt: on
JOB_TITLES = (
    "Service Manager",
    "Team Leader",
    "Commissioning Manager",
    "Head of Service",
    "Senior Practitioner",
    "Policy Officer",
    "Project Manager",
    "Clinical Lead",
    "Community Development Worker",
    "Safeguarding Lead",
    "Research Fellow",
    "Lived Experience Member",
)  # fmt: skip
DEMO_PEOPLE = 400  # about this many people in a decade's demo (fewer for fewer years)


def programme_start(today: dt.date, years: int) -> dt.date:
    """The April the programme started, about ``years`` before ``today``."""
    return dt.date(today.year - years, 4, 1)


def email_for(first: str, last: str, organisation: str) -> str:
    """A plausible work address; accents dropped so it is a valid address."""
    import unicodedata

    def plain(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(c for c in decomposed if c.isalnum()).lower()

    domain = (
        "nhs.net"
        if "NHS" in organisation or "Board" in organisation
        else (plain(organisation.split()[0]) + ".example.org")
    )
    return f"{plain(first)}.{plain(last)}@{domain}"


def add_people(db: Database, today: dt.date, rng: random.Random, years: int = 1) -> dict[str, int]:
    with db.session() as s:
        sectors = {}
        for name in SECTORS:
            sector = s.scalar(select(Sector).where(Sector.name == name))
            if sector is None:
                sector = Sector(name=name, builtin=True)
                s.add(sector)
            sectors[name] = sector
        orgs = [Organisation(name=n, sector=sectors[sec]) for n, sec in ORGANISATIONS]
        s.add_all(orgs)
        people = []
        for title, first, last, job, org_index, lived in PEOPLE:
            org = orgs[org_index]
            people.append(
                Person(
                    title=title,
                    first_name=first,
                    last_name=last,
                    job_title=job,
                    organisation=org,
                    email=email_for(first, last, org.name),
                    phone=f"0113 {rng.randint(200, 999)} {rng.randint(1000, 9999)}",
                    lived_experience=lived,
                )
            )
        s.add_all(people)
        s.flush()
        start = today.replace(year=today.year - 1, month=4, day=1)
        origin = programme_start(today, years)
        wanted = (DEMO_PEOPLE - len(people)) * min(years, 10) // 10
        extra = _more_people(s, orgs, rng, wanted) if years > 1 else []
        spare = iter(extra)
        count = 0
        for code, rows in MEMBERSHIPS.items():
            group = s.scalar(select(Group).where(Group.code == code))
            if group is None:
                continue
            for index, role, voting in rows:
                since = start
                if years > 1 and role != "secretariat":
                    since = start.replace(year=start.year - rng.randint(0, 3))
                s.add(
                    Membership(
                        person_id=people[index].id,
                        group_id=group.id,
                        role=role,
                        voting=voting,
                        start_date=since,
                    )
                )
                count += 1
                # Predecessors in the same seat, back to the programme's start.
                while since > origin and role != "secretariat":
                    person = next(spare, None)
                    if person is None:
                        break
                    until = since - dt.timedelta(days=1)
                    since = max(origin, until - dt.timedelta(days=rng.randint(365, 3 * 365)))
                    s.add(
                        Membership(
                            person_id=person.id,
                            group_id=group.id,
                            role=role,
                            voting=voting,
                            start_date=since,
                            end_date=until,
                            end_reason=rng.choice(END_REASONS),
                        )
                    )
                    count += 1
    return {
        "organisations": len(orgs),
        "people": len(people) + len(extra),
        "memberships": count,
    }


END_REASONS = ("Changed role", "Left the organisation", "Term ended", "Retired", "")


def _more_people(
    s: Session, orgs: list[Organisation], rng: random.Random, count: int
) -> list[Person]:
    """``count`` more people with distinct names and addresses, in the partner organisations."""
    pairs = [(f, last) for f in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(pairs)
    out = []
    for first, last in pairs[:count]:
        org = rng.choice(orgs)
        job = rng.choice(JOB_TITLES)
        out.append(
            Person(
                title="",
                first_name=first,
                last_name=last,
                job_title=job,
                organisation=org,
                email=email_for(first, last, org.name),
                phone=f"01274 {rng.randint(200, 999)} {rng.randint(100, 999)}",
                lived_experience=job == "Lived Experience Member",
            )
        )
    s.add_all(out)
    s.flush()
    return out
