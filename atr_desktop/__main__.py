"""Allows ``python -m atr_desktop``."""

import sys

from atr_desktop.app import main

sys.exit(main())
