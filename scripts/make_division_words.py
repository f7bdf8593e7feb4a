"""Writes extractor/data/division_words.json (the word each country's ISO 3166-2 first-level subdivisions
are called by, to the countries that call them so) from pycountry.

Run when the table is to be rebuilt: `pip install pycountry==26.2.16; python scripts/make_division_words.py`.
The extractor reads the JSON it writes and never needs pycountry itself.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "extractor" / "data" / "division_words.json"

# the one-word category names news English ends a division's name with ("Plateau state", "Red Sea
# governorate"); ISO's longer ones ("Administrative region", "Popularate") are no words a report writes
WORDS = ("state", "province", "governorate", "region", "department", "county", "district", "prefecture")

ABOUT = (
    "The countries whose first-level subdivisions ISO 3166-2 calls by each word, as pycountry gives them "
    "(subdivisions with no parent, their 'type' lower-cased; written by scripts/make_division_words.py). "
    "A division's name that two countries share is the one of the country whose divisions the word after "
    "it names: 'Plateau state' is Nigeria's (a state), not Benin's (a department). Only a tie-breaker: a "
    "country the report names or that holds the place comes first."
)


def build() -> dict:
    import pycountry

    countries: dict[str, set[str]] = defaultdict(set)
    for subdivision in pycountry.subdivisions:
        kind = subdivision.type.lower()
        if subdivision.parent_code is None and kind in WORDS:
            countries[kind].add(subdivision.country_code)
    return {"_about": ABOUT, "countries": {word: sorted(countries[word]) for word in WORDS}}


if __name__ == "__main__":
    table = build()
    # one line a word: the lists are read, and reviewed, word by word
    lines = [f" {json.dumps(word)}: {json.dumps(codes)}" for word, codes in table["countries"].items()]
    body = ",\n".join(lines)
    OUT.write_text(
        f'{{\n "_about": {json.dumps(table["_about"])},\n "countries": {{\n{body}\n }}\n}}\n',
        encoding="utf-8",
    )
