"""One word for a country however a speaker's name gives it: its name, its adjective or another name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from extractor.vocabulary import VocabularyError, load_data, require


@dataclass(frozen=True)
class CountryNames:
    """The forms of countries.json by their lower-case text, each mapped to its country's key word."""

    forms: dict[str, str]
    # the forms that are a capital or a seat of government ("the Kremlin") standing for its country
    capitals: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls) -> CountryNames:
        source = "countries.json"
        data = load_data("countries")
        countries = require(data, "countries", dict, source)
        forms: dict[str, str] = {}
        for name, others in countries.items():
            if not isinstance(others, list) or not all(isinstance(o, str) and o.strip() for o in others):
                raise VocabularyError(f"{source}: {name!r} must list non-empty strings")
            key = country_key(name)
            for form in (name, *others):
                forms[form.lower()] = key
        capitals = set()
        for city, country in require(data, "capitals", dict, source).items():
            if country not in countries:
                raise VocabularyError(f"{source}: the capital {city!r} names no country of the table")
            if city.lower() not in forms:  # "Luxembourg" names the country itself
                forms[city.lower()] = country_key(country)
                capitals.add(city.lower())
        for seat, country in _seats_of_government(countries).items():
            forms[seat.lower()] = country_key(country)
            capitals.add(seat.lower())
        return cls(forms, frozenset(capitals))

    @cached_property
    def keys(self) -> frozenset[str]:
        """The key words, one per country ("russia", "united-states")."""
        return frozenset(self.forms.values())

    @cached_property
    def _phrases(self) -> re.Pattern[str] | None:
        """The forms of more than one word or with marks in them ("united states", "u.s."), longest first."""
        long_forms = sorted((f for f in self.forms if not f.isalpha()), key=len, reverse=True)
        if not long_forms:
            return None
        return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, long_forms)) + r")(?![\w])")

    def fold(self, lower: str) -> str:
        """Lower-case text with each country form of several words replaced by its key word."""
        if self._phrases is None:
            return lower
        return self._phrases.sub(lambda m: self.forms[m.group()], lower)

    def is_capital(self, name: str) -> bool:
        """The name is a capital or a seat of government standing for its country's government ("Washington",
        "Moscow", "the Kremlin")."""
        return name.lower() in self.capitals

    def names_a_country(self, name: str) -> bool:
        """The words are a country's name, adjective, other name or capital, and nothing more."""
        return name.lower() in self.forms

    def key(self, word: str) -> str | None:
        """The country a single lower-case word names ("russian" -> "russia"), else None."""
        return self.forms.get(word)


def _seats_of_government(countries: dict) -> dict[str, str]:
    """seats_of_government.json: a building or street that stands for its country's government ("the
    Kremlin") -> the country, checked against the countries of countries.json."""
    source = "seats_of_government.json"
    seats = require(load_data("seats_of_government"), "seats", dict, source)
    for seat, country in seats.items():
        if country not in countries:
            raise VocabularyError(f"{source}: the seat {seat!r} names no country of countries.json")
    return seats


def country_key(name: str) -> str:
    """A country's name as one word: "United States" -> "united-states"."""
    return "-".join(name.lower().replace(".", "").split())


@lru_cache(maxsize=1)
def country_names() -> CountryNames:
    """The table shipped in extractor/data/countries.json."""
    return CountryNames.from_data()
