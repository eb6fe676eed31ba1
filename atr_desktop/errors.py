"""The two kinds of failure (after qutebrowser): a user's mistake and a bug.

A :class:`UserError` carries one plain-English message that says what is wrong and what to
do; faces show it as it is (CLI: stderr and exit 1; GUI: a message box). Anything else is a
bug: logged with its traceback, shown with "copy details", exit 2.
"""

from __future__ import annotations

import datetime as dt


class UserError(Exception):
    """A problem the user can fix; ``str(err)`` is the message to show."""


class NotFound(UserError):
    """A reference (group code, meeting, person) names nothing in the database."""


class StoreError(UserError):
    """The database file cannot be used: not ours, too new, damaged, locked."""


class NotSaved(UserError):
    """The store could not take a save just now (a server out of reach, a dropped
    connection, a file busy in another program): nothing was changed, and the same save may
    simply be tried again, so a form keeps what was typed and its Save button retries."""


class NeedsConfirmation(UserError):
    """Something unusual the user may well mean (a meeting on a bank holiday, a second chair).

    The service refuses until it is called again with its ``confirmed`` argument; the window
    asks the ``questions`` and the command line names ``flag``, so every face obeys the rule.
    """

    def __init__(self, questions: list[str], flag: str = "--yes") -> None:
        self.questions = list(questions)
        self.flag = flag
        super().__init__(" ".join(self.questions))


class ChangedSince(UserError):
    """Someone saved the record after this face read it, so this save was refused.

    Carries ``who`` (the audit trail's name for them: a server login role, or a computer's
    user; blank when the trail does not say) and ``when`` (UTC), so the window can offer
    to reload and show whose change it would be reloading.
    """

    def __init__(self, message: str, who: str = "", when: dt.datetime | None = None) -> None:
        self.who = who
        self.when = when
        super().__init__(message)
