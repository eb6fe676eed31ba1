"""The settings the sector argues about, with their defaults.

Each setting has a key, a default and a plain description; the settings store keeps only
values that differ from the default, so a new default reaches users who never changed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: Any
    help: str = ""


COVER_SHEET_FIELDS = (
    "title",
    "agenda_reference",
    "author",
    "sponsor",
    "purpose",
    "summary",
    "recommendation",
    "risks",
    "equality_impact",
    "previously_considered",
)

SPECS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "organisation_name",
        "Organisation name on outputs",
        "West Yorkshire Adversity, Trauma and Resilience Programme",
    ),
    SettingSpec("logo_path", "Logo on outputs", "", "A PNG or JPEG copied into your templates."),
    SettingSpec(
        "protective_marking",
        "Protective marking",
        "OFFICIAL",
        "On Part A outputs. Part B business is marked OFFICIAL-SENSITIVE with its exemption "
        "reason, and personal data OFFICIAL-SENSITIVE PERSONAL, by the app itself.",
    ),
    SettingSpec("tor_review_warning_days", "Flag a ToR review this many days ahead", 60),
    SettingSpec("action_amber_days", "An action turns amber this many days before due", 14),
    SettingSpec("papers_due_days", "Papers are due this many days before a meeting", 14),
    SettingSpec("pack_issue_days", "The pack is issued this many days before a meeting", 7),
    SettingSpec("declaration_reconfirm_days", "Declarations are re-confirmed every", 365),
    SettingSpec("paper_max_mb", "Refuse a paper larger than (MB)", 50),
    SettingSpec(
        "invite_organiser_email",
        "Organiser's email on calendar invites",
        "",
        "The secretariat's mailbox; Outlook needs it to update or cancel an invite it sent.",
    ),
    SettingSpec("pack_email_limit_mb", "Warn when a pack is larger than (MB)", 20),
    SettingSpec("backup_folder", "Backup folder", "", "Blank: the backups folder in your data."),
    SettingSpec(
        "packs_folder",
        "Folder for meeting packs",
        "",
        "Blank: Documents, ATR Desktop, Packs on this computer. Restricted (Part B) packs are "
        "never saved here without asking.",
    ),
    SettingSpec("backup_interval_minutes", "Back up while in use every (minutes)", 30),
    SettingSpec(
        "required_cover_fields",
        "Cover-sheet fields that must be filled",
        ["title", "author", "purpose", "summary", "recommendation"],
    ),
)

DEFAULTS: dict[str, Any] = {spec.key: spec.default for spec in SPECS}
SPEC_BY_KEY: dict[str, SettingSpec] = {spec.key: spec for spec in SPECS}


def coerce(key: str, value: Any) -> Any:
    """Convert ``value`` to the type of the setting's default, or raise ValueError plainly."""
    spec = SPEC_BY_KEY.get(key)
    if spec is None:
        raise ValueError(f"There is no setting called '{key}'.")
    default = spec.default
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in {"1", "yes", "true", "on"}
        return bool(value)
    if isinstance(default, int):
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ValueError(f"'{spec.label}' must be a whole number.") from None
        if number < 0:
            raise ValueError(f"'{spec.label}' cannot be negative.")
        return number
    if isinstance(default, list):
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return list(value)
    text = "" if value is None else str(value)
    if key == "protective_marking":
        from atr_desktop.domain.marking import base_problem

        problem = base_problem(text)
        if problem:
            raise ValueError(problem)
        return text.strip().upper()
    return text
