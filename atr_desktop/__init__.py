"""ATR Desktop: offline governance administration for the West Yorkshire ATR Programme."""

__version__ = "0.1.0"
APP_NAME = "ATR Desktop"
