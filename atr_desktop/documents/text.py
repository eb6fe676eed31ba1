"""Text that every output format can hold.

XML 1.0 (Word, Excel) cannot hold most control characters or lone surrogates. The rule
(documented in docs/outputs.md): tab, newline and carriage return are kept; any other
character XML cannot hold becomes U+FFFD (the replacement character), so nothing is
silently dropped and the output never fails.
"""

from __future__ import annotations

import re

_XML_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udfff]",
)
REPLACEMENT = "\ufffd"


def xml_safe(text: str | None) -> str:
    """``text`` with characters XML 1.0 cannot hold replaced by U+FFFD."""
    if not text:
        return ""
    return _XML_ILLEGAL.sub(REPLACEMENT, text)


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell value that Excel will never run as a formula (OWASP CSV injection).

    CSV has no styles, so text starting with = + - @ (or tab/CR) gets a leading single
    quote. Workbooks do not use this: they mark such cells with the quote-prefix style
    (documents/xlsx.py), which shows no apostrophe. Numbers and dates pass through.
    """
    if isinstance(value, str):
        value = xml_safe(value)
        if value.startswith(FORMULA_PREFIXES):
            return "'" + value
    return value
