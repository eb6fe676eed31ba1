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


class NeedsConfirmation(UserError):
    """Something unusual the user may well mean (a meeting on a bank holiday, a second chair).

    The service refuses until it is called again with its ``confirmed`` argument; the window
    asks the ``questions`` and the command line names ``flag``, so every face obeys the rule.
    """

    def __init__(self, questions: list[str], flag: str = "--yes") -> None:
        self.questions = list(questions)
        self.flag = flag
        super().__init__(" ".join(self.questions))
