"""The two kinds of failure (after qutebrowser): a user's mistake and a bug.

A :class:`UserError` carries one plain-English message that says what is wrong and what to
do; faces show it as it is (CLI: stderr and exit 1; GUI: a message box). Anything else is a
bug: logged with its traceback, shown with "copy details", exit 2.
"""


class UserError(Exception):
    """A problem the user can fix; ``str(err)`` is the message to show."""


class NotFound(UserError):
    """A reference (group code, meeting, person) names nothing in the database."""


class StoreError(UserError):
    """The database file cannot be used: not ours, too new, damaged, locked."""
