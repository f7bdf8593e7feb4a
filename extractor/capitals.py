"""A capital named by its country ("Ukraine's capital", "the Syrian capital"): the capital's names."""

from __future__ import annotations

import re
from functools import cache

from extractor.vocabulary import load_data, require

SOURCE = "countries.json"
_WORD = re.compile(r"[^\W\d_]+(?:[.'\u2019-][^\W\d_]+)*\.?")
_POSSESSIVE = re.compile(r"['\u2019]s$")


@cache
def _tables() -> tuple[dict[str, str], dict[str, list[str]], frozenset[str], frozenset[str]]:
    """Each lower-case form of a country (name, adjective, other names) to its name; each country's
    capitals; the words that say "capital"; the words to skip around the country ("the", "of")."""
    data = load_data("countries")
    forms: dict[str, str] = {}
    for name, others in require(data, "countries", dict, SOURCE).items():
        for form in (name, *others):
            forms.setdefault(form.lower(), name)
    capitals: dict[str, list[str]] = {}
    for city, country in require(data, "capitals", dict, SOURCE).items():
        capitals.setdefault(country, []).append(city)
    patterns = load_data("place_patterns")
    capital_words = frozenset(require(patterns, "capital_words", list, "place_patterns.json"))
    skipped = frozenset(
        require(patterns, "leading_articles", list, "place_patterns.json")
        + require(patterns, "naming_prepositions", list, "place_patterns.json")
    )
    return forms, capitals, capital_words, skipped


def _country_form(word: str, forms: dict[str, str]) -> str | None:
    """The country a word or a scraped possessive names ("Syrias" for "Syria's")."""
    if word in forms:
        return forms[word]
    return forms.get(word[:-1]) if word.endswith("s") and len(word) > 3 else None


def capital_named(link: str) -> tuple[list[str], list[str]] | None:
    """The country's names (its name first, then its other forms) and its capital's names when `link`
    names a country's capital by the country: "Ukraine's capital", "the Ukrainian capital", "the capital
    of Syria", "Syrias capital"; else None."""
    forms, capitals, capital_words, skipped = _tables()
    words = [_POSSESSIVE.sub("", w.lower()) for w in _WORD.findall(link)]
    if not any(w in capital_words for w in words):
        return None
    rest = " ".join(w for w in words if w not in capital_words and w not in skipped)
    country = forms.get(rest) or (_country_form(rest, forms) if " " not in rest else None)
    if country is None or country not in capitals:
        return None
    names = [country, *(form for form, name in forms.items() if name == country and form != country.lower())]
    return names, capitals[country]


def country_of_form(text: str) -> str | None:
    """The country's name a word or phrase names by its name, adjective or other name ("Nigerian",
    "the Sudanese"), else None."""
    forms = _tables()[0]
    words = [w for w in _WORD.findall(text.lower()) if w not in _tables()[3]]
    return _country_form(" ".join(words), forms) if words else None


@cache
def _other_names() -> dict[str, tuple[str, ...]]:
    """Each country's name as countries.json writes it, folded to lower case, to its other forms."""
    countries = require(load_data("countries"), "countries", dict, SOURCE)
    return {name.lower(): tuple(others) for name, others in countries.items()}


def other_country_names(name: str) -> tuple[str, ...]:
    """The other forms of a country named by the name news English gives it ("Russia": "Russian
    Federation", ...; "Turkey": "Turkiye", ...), for a lookup the ISO name alone misses; () for any other
    word, a country's adjective among them."""
    return _other_names().get(name.lower().strip(), ())
