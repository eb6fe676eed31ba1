"""The window fits the laptops people have, and the keyboard reaches every control.

Screen sizes run under Xvfb (a real X screen, as a user's) at 1366x768 at 100% and at
1920x1080 at 150% (QT_SCALE_FACTOR=1.5, a 1280x720 screen in Qt's terms): every page and
every main dialog must fit, leaving room for a title bar.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from atr_desktop.paths import app_paths
from atr_desktop.ui.main_window import MainWindow
from tests.gui_helpers import every_page
from tests.window_survey import clashes, windows

ROOT = Path(__file__).resolve().parents[1]
TITLE_BAR = 40  # a window manager's title bar, in Qt's (scaled) pixels


@pytest.fixture
def window(demo_window):
    return demo_window


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
@pytest.mark.parametrize(
    ("screen", "scale", "logical"),
    [("1366x768", "1", (1366, 768)), ("1920x1080", "1.5", (1280, 720))],
)
def test_every_page_and_dialog_fits_the_screen(
    demo_db, db_path: Path, screen: str, scale: str, logical: tuple[int, int]
) -> None:
    demo_db.close()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(QT_SCALE_FACTOR=scale, PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [
            *("xvfb-run", "-a", "-s", f"-screen 0 {screen}x24"),
            *(sys.executable, "-m", "tests.window_survey", str(db_path)),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    survey = json.loads(run.stdout.strip().splitlines()[-1])
    assert tuple(survey["screen"]) == logical  # the scale factor took effect
    assert len(survey["sizes"]) >= 20  # six pages and the main dialogs
    width, height = logical
    too_big = {
        name: size
        for name, size in survey["sizes"].items()
        if size[0] > width or size[1] > height - TITLE_BAR
    }
    assert too_big == {}, f"wider or taller than {width}x{height - TITLE_BAR}: {too_big}"


def test_no_two_controls_in_a_window_share_an_alt_key(window, qtbot) -> None:
    found = {}
    for name, shown in windows(window):
        clash = clashes(shown)
        if clash:
            found[name] = clash
    assert found == {}


def test_menus_have_their_own_alt_keys(window) -> None:
    from tests.window_survey import MNEMONIC

    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        keys = [
            m.group(1).lower()
            for a in menu.actions()
            if a.isVisible() and (m := MNEMONIC.search(a.text()))
        ]
        assert len(keys) == len(set(keys)), (menu_action.text(), keys)
    QApplication.processEvents()


@pytest.fixture
def styled(qapp):
    """The app's own style sheet and Fusion, put back as they were afterwards."""
    from atr_desktop.ui.style import apply_style

    before = (qapp.style().name(), qapp.styleSheet(), qapp.palette())
    apply_style(qapp, high_contrast=False)
    yield qapp
    qapp.setStyle(before[0])
    qapp.setStyleSheet(before[1])
    qapp.setPalette(before[2])
    qapp.setProperty("highContrast", False)


def test_tab_follows_the_reading_order(window) -> None:
    from tests.window_survey import focus_chain, out_of_reading_order

    found = {}
    for name, shown in windows(window):
        assert len(focus_chain(shown)) >= 2, name
        bad = out_of_reading_order(shown)
        if bad:
            found[name] = bad
    assert found == {}


def test_focus_is_visible_on_every_control_lists_included(styled, window, qtbot) -> None:
    from tests.window_survey import _name, focus_chain

    window.search_box.setFocus()
    unseen = []
    for name, shown in windows(window):
        if not name[0].isupper() or " / " in name or shown is not window:
            continue  # the pages: dialogs use the same controls
        for widget in focus_chain(shown):
            elsewhere = window.nav if widget is window.search_box else window.search_box
            elsewhere.setFocus()
            QApplication.processEvents()
            before = widget.grab().toImage()
            widget.setFocus(Qt.FocusReason.TabFocusReason)  # as when the user presses Tab
            QApplication.processEvents()
            assert widget.hasFocus() or not window.isActiveWindow(), _name(widget)
            if widget.grab().toImage() == before:
                unseen.append(f"{name}: {_name(widget)}")
    assert unseen == [], "\n".join(unseen)


def test_typing_into_a_purpose_box_chooses_by_its_word(window, qtbot) -> None:
    from atr_desktop.ui.item_dialogs import AgendaItemDialog

    window.go_to("Meetings")
    meeting = window.pages["Meetings"].current()
    dialog = AgendaItemDialog(window.db, meeting.id, None, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.ui.purposeCombo
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(combo, "dis")
    assert combo.currentData() == "discussion"
    qtbot.wait(1100)  # the type-ahead buffer empties, as it does between a user's words
    qtbot.keyClicks(combo, "i")
    assert combo.currentData() == "information"
    dialog.reject()


def contrast(a, b) -> float:
    """WCAG contrast ratio of two QColors (4.5 is the minimum for body text)."""

    def luminance(c) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        red, green, blue = channel(c.redF()), channel(c.greenF()), channel(c.blueF())
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def coloured_cells(window) -> list[tuple[str, object, object]]:
    """(where, background, text colour) of every colour-coded cell on every page."""
    from atr_desktop.ui.record_view import RecordView

    found = []
    for area, page in every_page(window).items():
        window.go_to(area)  # a page reads what it shows when it is first shown
        for tabs in page.findChildren(QTabWidget):  # and a tab when it is chosen
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
        QApplication.processEvents()  # the rows painted are fetched
        for view in page.findChildren(RecordView):
            model = view.model
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    fill = model.data(index, Qt.ItemDataRole.BackgroundRole)
                    if fill is not None:
                        text = model.data(index, Qt.ItemDataRole.ForegroundRole)
                        found.append((f"{area} {view.objectName()}", fill.color(), text.color()))
    home = window.pages["Home"]
    for row in home.rows_of("Actions overdue"):
        index = home.model.index(row, 0)
        fill = home.model.data(index, Qt.ItemDataRole.BackgroundRole)
        if fill is not None:
            text = home.model.data(index, Qt.ItemDataRole.ForegroundRole)
            found.append(("Home overdue", fill.color(), text.color()))
    return found


@pytest.mark.parametrize("high_contrast", [True, False])
def test_colour_coded_rows_stay_readable_in_either_palette(
    styled, window, high_contrast: bool
) -> None:
    from atr_desktop.ui.style import saved_high_contrast

    window.set_high_contrast(high_contrast)
    try:
        assert window.contrast_action.isChecked() is high_contrast
        assert saved_high_contrast(window.paths.data) is high_contrast  # kept for next time
        palette = QApplication.palette()
        text, base = palette.color(palette.ColorRole.Text), palette.color(palette.ColorRole.Base)
        assert contrast(text, base) >= (15 if high_contrast else 7)
        cells = coloured_cells(window)
        assert len({where for where, _, _ in cells}) >= 3  # meetings, actions, home at least
        unreadable = [
            (where, fill.name(), fg.name()) for where, fill, fg in cells if contrast(fill, fg) < 4.5
        ]
        assert unreadable == []
        if high_contrast:  # no pale fill left behind white text
            assert all(fill.lightness() < 128 for _, fill, _ in cells)
    finally:
        window.set_high_contrast(False)


def test_each_empty_page_says_what_goes_there_and_offers_the_first_step(
    qtbot, tmp_path: Path, db, db_path: Path
) -> None:
    from tests.gui_helpers import with_modal

    db.close()
    win = MainWindow(app_paths(), tmp_path / "log.txt")
    qtbot.addWidget(win)
    win.show()
    win.open_store(db_path)
    try:
        for area, view, opens in (
            ("People", win.pages["People"].people.view, "PersonDialog"),
            ("Meetings", win.pages["Meetings"].view, "MeetingDialog"),
            ("Actions", win.pages["Actions"].view, "ImportDialog"),
        ):
            win.go_to(area)
            assert view.empty.isVisible() and not view.table.isVisible(), area
            assert len(view.empty_text.text()) > 40  # says what goes here
            seen = with_modal(
                lambda dialog: (type(dialog).__name__, dialog.reject())[0],
                view.empty_button.click,
            )
            assert seen == [opens], area
        decisions = win.pages["Decisions"].view
        win.go_to("Decisions")
        assert decisions.empty.isVisible()
        decisions.empty_button.click()
        assert win.stack.currentWidget() is win.pages["Meetings"]
    finally:
        win.close_store()


def test_status_bar_says_what_was_saved_and_undone(window, qtbot) -> None:
    from PySide6.QtWidgets import QInputDialog

    from tests.gui_helpers import with_modal

    window.go_to("Groups")
    page = window.pages["Groups"]
    page.view.select_where(lambda g: g.active)

    def give_reason(dialog) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("merged into the Network")
        dialog.accept()

    with_modal(give_reason, page.close_button.click)
    message = window.statusBar().currentMessage()
    assert message.startswith("Saved: ") and "Ctrl+Z" in message
    window.undo_action.trigger()
    assert window.statusBar().currentMessage().startswith("Undone: ")


def test_pages_with_records_show_them_not_their_empty_message(window) -> None:
    from atr_desktop.ui.record_view import RecordView

    """The empty message is for an empty list only: the demo's pages show their tables
    (the Actions table, which fetches rows in windows, once said 'No actions to show')."""
    for area in ("People", "Meetings", "Actions", "Decisions"):
        window.go_to(area)
        for view in window.pages[area].findChildren(RecordView):
            if view.empty is not None and view.isVisibleTo(window):
                assert view.table.isVisible() and not view.empty.isVisible(), area
