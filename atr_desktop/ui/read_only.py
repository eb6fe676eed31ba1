"""A window that may only look: no edit controls at all, rather than ones that fail.

A chair's login on a team's server store (``init --roles``: SELECT only), a copy opened
``--read-only`` and a handed-over copy cannot save anything. Greyed-out buttons would still
say "you could do this"; hidden ones do not, and the title says why in plain words.
Every page names its buttons (``objectName``), so the edit controls are listed here once,
by name, and hidden wherever they appear, including the dialogs a reader may still open.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QTabWidget, QWidget

TITLE_NOTE = "read only: your login may look but not change"
FILE_NOTE = "read-only"

# Buttons and menu actions that change records. Outputs (exports, briefs, agendas, invites,
# opening a paper, history) stay: they only read.
EDIT_CONTROLS = frozenset(
    {
        # Groups
        "groupsFirstStep",
        "addGroup",
        "editGroup",
        "closeGroup",
        # People, members, declarations, Terms of Reference, import
        "peopleFirstStep",
        "addPerson",
        "editPerson",
        "addMember",
        "endMember",
        "importMembers",
        "addDeclaration",
        "confirmDeclarations",
        "endDeclarations",
        "newDraft",
        "editDraft",
        "approveDraft",
        "discardDraft",
        "browseImport",
        "checkImport",
        "skipProblems",
        "runImport",
        # Meetings, agendas, papers, packs, minutes
        "meetingsFirstStep",
        "scheduleMeetings",
        "editMeeting",
        "cancelMeeting",
        "addItem",
        "addSubItem",
        "editItem",
        "removeItem",
        "buildAgenda",
        "copyPrevious",
        "attachPaper",
        "expectPaper",
        "replacePaper",
        "editCover",
        "withdrawPaper",
        "buildPack",
        "publishMeeting",
        "registerMinutes",
        "approveMinutesAction",
        "withdrawApprovalAction",
        "addForwardPlanItem",
        "withdrawForwardPlanItem",
        # Actions and decisions
        "actionsFirstStep",
        "editAction",
        "bulkUpdate",
        "importActions",
        "openMeetingRecord",
        "withdrawDecision",
        "ratifyDecision",
        # The window's menus
        "undoAction",
        "redoAction",
        "settingsAction",
    }
)
# Tabs that hold nothing but editing.
EDIT_TABS = frozenset({"importMembersTab"})


class _KeepHidden(QObject):
    """Hides a control again whenever a page shows it (a first-step button when a list
    empties, a button shown for the selected record)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.hide()
        return False


def title_note(readonly: bool, can_write: bool) -> str:
    """What the title adds after the store's name: why nothing can be changed, if so."""
    if readonly:
        return f" ({FILE_NOTE})"  # opened only to look (--read-only, a handed-over copy)
    return "" if can_write else f" ({TITLE_NOTE})"


def hide_edit_controls(root: QWidget) -> None:
    """Hide every edit control under ``root`` (a page, a dialog, the window's menus)."""
    keeper = root.findChild(_KeepHidden, "keepEditControlsHidden")
    if keeper is None:
        keeper = _KeepHidden(root)
        keeper.setObjectName("keepEditControlsHidden")
    for button in root.findChildren(QAbstractButton):
        if button.objectName() in EDIT_CONTROLS:
            button.hide()
            button.setEnabled(False)
            button.installEventFilter(keeper)
    for action in root.findChildren(QAction):
        if action.objectName() in EDIT_CONTROLS:
            action.setVisible(False)
            action.setEnabled(False)
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page is not None and page.objectName() in EDIT_TABS:
                tabs.setTabVisible(index, False)
