"""The look of the whole app in one place: spacing, type sizes, focus, compact controls.

Every page and dialog takes its spacing and type sizes from :data:`STYLE_SHEET`, so the app
looks like one tool rather than several; :func:`fit_small_screens` keeps long drop-down
lists from widening a page beyond a 1366x768 laptop screen.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidgetItem,
    QWidget,
)

# A drop-down shows this many characters before it elides; its list still shows them all.
COMBO_CHARACTERS = 20


def heading(text: str) -> QLabel:
    """A page's title, sized by the style sheet (QLabel[role="heading"])."""
    label = QLabel(text)
    label.setProperty("role", "heading")
    label.setAccessibleName(text)
    return label


def fit_small_screens(root: QWidget) -> None:
    """Stop drop-downs under ``root`` from sizing themselves to their longest entry.

    A group called "West Yorkshire Adversity, Trauma and Resilience Programme Board" made every
    filter row ~300 px wider than it needed to be; the open list is widened to show it whole.
    """
    for combo in root.findChildren(QComboBox):
        longest = max((len(combo.itemText(i)) for i in range(combo.count())), default=0)
        if longest > COMBO_CHARACTERS or combo.objectName().endswith("Group"):
            compact_combo(combo)  # group lists grow as groups are added


def name_for_screen_readers(root: QWidget) -> None:
    """Give the parts a screen reader meets unnamed a name: each drop-down's list, and each
    table cell that holds a control (the register's status, deputy, arrived and left)."""
    for combo in root.findChildren(QComboBox):
        name_combo_list(combo)
    for table in root.findChildren(QTableWidget):
        describe_cells(table)


def name_combo_list(combo: QComboBox) -> None:
    combo.view().setAccessibleName(f"{combo.accessibleName() or 'Choices'}: list")


def describe_cells(table: QTableWidget) -> None:
    """Put words in every cell of ``table``: a blank cell says so, and a cell holding a
    drop-down reads as the drop-down's name and choice ("Status of Ann Lee: Present"),
    kept up to date as the choice changes."""
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, column, item)
            widget = table.cellWidget(row, column)
            if isinstance(widget, QComboBox):
                name_combo_list(widget)
                _follow_combo(item, widget)
            elif not item.text():
                header = table.horizontalHeaderItem(column)
                label = header.text() if header is not None else "cell"
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{label}: none")


def describe_blank_cells(item: QTreeWidgetItem) -> None:
    """A blank cell of a tree's line reads as "<column>: none" rather than nothing."""
    tree = item.treeWidget()
    header = tree.headerItem() if tree is not None else None
    for column in range(item.columnCount()):
        if not item.text(column):
            label = (header.text(column) if header is not None else "") or "Detail"
            item.setData(column, Qt.ItemDataRole.AccessibleTextRole, f"{label}: none")


def _follow_combo(item: QTableWidgetItem, combo: QComboBox) -> None:
    def update(*_: object) -> None:
        choice = combo.currentText() or "none"
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{combo.accessibleName()}: {choice}")

    update()
    combo.currentIndexChanged.connect(update)


def compact_combo(combo: QComboBox, characters: int = COMBO_CHARACTERS) -> None:
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    view = combo.view()
    view.setMinimumWidth(min(view.sizeHintForColumn(0) + 24, 640))


# Spacing and type sizes for every window. Kept small: Fusion draws the controls, this only
# evens out spacing, makes keyboard focus visible everywhere (lists included) and gives the
# headings and status chips one look.
STYLE_SHEET = """
QWidget { font-size: 10pt; }
QLabel[role="heading"] { font-size: 15pt; font-weight: 600; padding: 2px 0 4px 0; }
QLabel[role="empty"] { font-size: 11pt; padding: 12px; }
QListWidget#navigation { font-size: 11pt; padding: 4px; }
QListWidget#navigation::item { padding: 8px 10px; border-radius: 4px; }
QListWidget#navigation::item:selected {
    background: palette(highlight); color: palette(highlighted-text);
}
QAbstractItemView:focus, QTextBrowser:focus, QPlainTextEdit:focus, QTextEdit:focus {
    border: 2px solid palette(highlight);
}
QStatusBar QLabel { padding: 0 6px; }
"""


class FocusFrameStyle(QProxyStyle):
    """Fusion, with a clear frame round the control that has keyboard focus.

    Fusion marks focus on text boxes but barely (or not at all) on buttons, drop-downs, spin
    boxes, check boxes or tabs; a keyboard user has to see where they are on every control.
    """

    FRAMED_CONTROLS = (
        QStyle.ComplexControl.CC_ComboBox,
        QStyle.ComplexControl.CC_SpinBox,
        QStyle.ComplexControl.CC_ToolButton,  # split buttons (a button with its own menu)
    )
    FRAMED_ELEMENTS = (
        QStyle.ControlElement.CE_PushButton,
        QStyle.ControlElement.CE_CheckBox,
        QStyle.ControlElement.CE_RadioButton,
        QStyle.ControlElement.CE_TabBarTab,
    )

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in self.FRAMED_CONTROLS:
            _focus_frame(option, painter)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element in self.FRAMED_ELEMENTS:
            _focus_frame(option, painter)


def _focus_frame(option: QStyleOption, painter: QPainter) -> None:
    if not option.state & QStyle.StateFlag.State_HasFocus:  # type: ignore[operator]
        return
    painter.save()
    painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 2))  # type: ignore[attr-defined]
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(option.rect.adjusted(1, 1, -1, -1), 3, 3)  # type: ignore[attr-defined]
    painter.restore()


# Under the high-contrast palette Fusion's borders (shades of the window colour) vanish
# into black: every box that takes input gets a white edge.
HIGH_CONTRAST_SHEET = """
QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QTextEdit, QPlainTextEdit,
QTextBrowser, QPushButton, QToolButton, QTabWidget::pane, QGroupBox {
    border: 1px solid #ffffff;
}
QPushButton, QComboBox, QLineEdit, QAbstractSpinBox { padding: 3px 6px; }
QPushButton:disabled { border-color: #a0a0a0; }
QCheckBox::indicator, QRadioButton::indicator {
    border: 1px solid #ffffff; width: 13px; height: 13px;
}
QCheckBox::indicator:checked { background: #ffff00; }
QAbstractItemView:focus, QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus,
QAbstractSpinBox:focus, QCheckBox:focus, QTabBar::tab:focus { border: 2px solid #ffff00; }
"""


def apply_style(app: QCoreApplication, high_contrast: bool | None = None) -> None:
    """Fusion, the app's style sheet and (when asked, or when the system asks for high
    contrast) the high-contrast palette."""
    assert isinstance(app, QApplication), "the style is for the window, not the command line"
    if high_contrast is None:
        high_contrast = system_wants_high_contrast()
    # The palette goes in with no style sheet set, then the sheet re-polishes every widget:
    # a palette changed under a style sheet does not reach widgets already shown.
    app.setStyleSheet("")
    app.setStyle(FocusFrameStyle())
    app.setPalette(high_contrast_palette() if high_contrast else app.style().standardPalette())
    app.setProperty("highContrast", high_contrast)
    app.setStyleSheet(STYLE_SHEET + (HIGH_CONTRAST_SHEET if high_contrast else ""))


def system_wants_high_contrast() -> bool:
    """True when the desktop (Windows' contrast themes, GNOME's high contrast) asks for it."""
    hints = QGuiApplication.styleHints()  # kept alive while its accessibility() is read
    preference = hints.accessibility().contrastPreference()
    return bool(preference == Qt.ContrastPreference.HighContrast)


def is_high_contrast() -> bool:
    app = QApplication.instance()
    return bool(app is not None and app.property("highContrast"))


def high_contrast_palette() -> QPalette:
    """White on black with yellow selection, after Windows' "Night sky" contrast theme."""
    palette = QPalette()
    black, white, yellow, cyan = (
        QColor("#000000"),
        QColor("#ffffff"),
        QColor("#ffff00"),
        QColor("#00ffff"),
    )
    for role, colour in (
        (QPalette.ColorRole.Window, black),
        (QPalette.ColorRole.WindowText, white),
        (QPalette.ColorRole.Base, black),
        (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
        (QPalette.ColorRole.Text, white),
        (QPalette.ColorRole.Button, black),
        (QPalette.ColorRole.ButtonText, white),
        (QPalette.ColorRole.BrightText, yellow),
        (QPalette.ColorRole.Highlight, yellow),
        (QPalette.ColorRole.HighlightedText, black),
        (QPalette.ColorRole.Link, cyan),
        (QPalette.ColorRole.ToolTipBase, black),
        (QPalette.ColorRole.ToolTipText, white),
        (QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0")),
    ):
        palette.setColor(role, colour)
    grey = QColor("#a0a0a0")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return palette


def row_colours(background: str | None) -> tuple[QColor, QColor] | None:
    """The (background, text) a colour-coded row is painted in.

    Pastel backgrounds carry dark text; under the high-contrast palette the row keeps its
    meaning with a dark tint of the same hue and white text, so nothing turns into pale
    text on a pale background.
    """
    if background is None:
        return None
    colour = QColor(background)
    if is_high_contrast():
        return QColor.fromHsv(colour.hsvHue(), 255, 110), QColor("#ffffff")
    return colour, QColor("#000000")


def chip_stylesheet(background: str) -> str:
    """A label drawn as a coloured chip, readable under either palette."""
    colours = row_colours(background)
    assert colours is not None
    fill, text = colours
    return f"background: {fill.name()}; color: {text.name()}; padding: 2px 8px; border-radius: 8px;"


LOOK_FILE = "window.json"


def saved_high_contrast(data_folder: Path) -> bool | None:
    """The user's own choice (Edit > High-contrast colours), or None to follow the system."""
    try:
        saved = json.loads((data_folder / LOOK_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    choice = saved.get("high_contrast") if isinstance(saved, dict) else None
    return choice if isinstance(choice, bool) else None


def save_high_contrast(data_folder: Path, on: bool) -> None:
    data_folder.mkdir(parents=True, exist_ok=True)
    (data_folder / LOOK_FILE).write_text(json.dumps({"high_contrast": on}), encoding="utf-8")


# The app's own icon set (resources/icons/src, rendered by tools/make_icons.py): one look,
# in dark strokes, or white under the high-contrast palette.
AREA_ICONS = {
    "Home": "home",
    "Groups": "groups",
    "People": "people",
    "Meetings": "meetings",
    "Actions": "actions",
    "Decisions": "decisions",
}
BUTTON_ICONS = {
    "addGroup": "add",
    "editGroup": "edit",
    "addPerson": "add",
    "editPerson": "edit",
    "addMember": "add",
    "scheduleMeetings": "add",
    "editMeeting": "edit",
    "buildPack": "pack",
    "registerMinutes": "minutes",
    "openMeetingRecord": "minutes",
    "agendaOutputs": "export",
    "addItem": "add",
    "editItem": "edit",
    "editAction": "edit",
    "exportActions": "export",
    "exportDecisions": "export",
    "exportTor": "export",
    "newDraft": "add",
    "editDraft": "edit",
}


def icon(name: str) -> QIcon:
    from atr_desktop.paths import resources_dir

    folder = resources_dir() / "icons" / "ui"
    if not is_high_contrast():
        return QIcon(str(folder / f"{name}.png"))
    # White strokes on black; dark ones on the yellow of a selected line.
    made = QIcon(str(folder / f"{name}-light.png"))
    made.addFile(str(folder / f"{name}.png"), mode=QIcon.Mode.Selected)
    return made


def apply_icons(root: QWidget) -> None:
    """Give the main buttons under ``root`` their icons (again, after the palette changes)."""
    for button in root.findChildren(QAbstractButton):
        name = BUTTON_ICONS.get(button.objectName())
        if name is not None:
            button.setIcon(icon(name))
