"""Reading an integer written in digits with thousands separators, for any component that meets one."""

from __future__ import annotations

import re

DIGITS = re.compile(r"^\d{1,3}(?:([,.\u00a0\u202f' ])\d{3})*(?:\1\d{3})*$|^\d+$")


def parse_digits(text: str) -> int | None:
    """The integer written with digits and optional thousands separators ("1,393", "19 600", "1.458")."""
    compact = text.replace("\u00a0", " ").replace("\u202f", " ")
    match = DIGITS.match(compact)
    if not match:
        return None
    return int(re.sub(r"\D", "", compact))
