"""The window: the only package that imports Qt (besides the composition root)."""

from atr_desktop.ui.feature_scan import quieten

quieten()  # before the window's imports, so none of them has its source read (issue 12)
