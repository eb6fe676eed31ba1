"""Use cases shared by the window and the CLI: one unit of work per user action.

Services take an open :class:`~atr_desktop.storage.database.Database`, return plain frozen
dataclasses (never live ORM objects), and raise :class:`~atr_desktop.errors.UserError` for a
user's mistake. No Qt here.
"""
