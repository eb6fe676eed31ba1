"""The pinned Qt binding keeps ``None`` alive on Python 3.11.

PySide6 6.12.0 returns ``None`` from every void call without taking a reference (it assumes
the immortal ``None`` of Python 3.12+), so a day of window use aborts with
``none_dealloc``. constraints.txt pins a release without the fault; this test keeps it so.
"""

import sys

import pytest
from PySide6.QtWidgets import QLabel, QTreeWidgetItem


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal on Python 3.12+")
def test_void_calls_and_item_data_keep_none_references(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    items = [QTreeWidgetItem() for _ in range(500)]
    before = sys.getrefcount(None)
    for n, item in enumerate(items):
        label.setText(str(n))
        item.setData(0, 256, n)
        item.setText(0, "x")
    assert sys.getrefcount(None) >= before
