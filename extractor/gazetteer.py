"""The gazetteer: place names to countries, provinces and coordinates, from the compact index in data/."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from extractor.capitals import other_country_names
from extractor.vocabulary import VocabularyError, load_data, require

INDEX_FILE = "gazetteer.json.gz"
VOWELS = frozenset("aeiouy")
FOUND_KEPT = 50_000
_APOSTROPHES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u02bb": "'", "\u2032": "'"}
)
_PARTICLES = tuple(
    f"{p} " for p in require(load_data("place_patterns"), "name_particles", list, "place_patterns.json")
)
# vowels a transliteration writes one for another ("Paktya", "Paktia"), tried for a province's name only
VOWEL_SPELLINGS = tuple(
    (a, b) for a, b in require(load_data("place_patterns"), "vowel_spellings", list, "place_patterns.json")
)
# "al" -> "el": the Arabic article's vowel as one transliteration or another writes it ("Deir al-Balah")
_ARTICLE_SPELLINGS = require(
    require(load_data("place_patterns"), "article_spellings", dict, "place_patterns.json"),
    "pairs",
    list,
    "place_patterns.json",
)
DIVISION_KINDS = frozenset({"province", "country"})
# a town of this many people is the place its name means before any smaller namesake, however spelt: the
# population tier the gazetteer keeps for every country
CITY_POPULATION = 100_000


# a report's place names come back claim after claim, and each lookup folds its candidates' names too
@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A name as the index keys it: no accents, lower case, apostrophes dropped, hyphens as spaces
    ("Qal’a-ye Zal" and "Qal'a-ye Zal" both give "qala ye zal")."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("'", "")
    return re.sub(r"[\s\-\u2010-\u2015.]+", " ", text).strip()


def name_keys(name: str) -> list[str]:
    """The keys a name is found under: folded, and without a leading article ("Ar Raqqah", "Raqqah")."""
    key = fold(name)
    keys = [key] if key else []
    for particle in _PARTICLES:
        if key.startswith(particle) and len(key) > len(particle) + 2:
            keys.append(key[len(particle) :])
            break
    return keys


def spelling_variants(key: str) -> list[str]:
    """The other ways a transliteration writes a folded name: a letter doubled or single ("raqa", "raqqa"),
    an article run into the name it assimilates to ("ezzor", "ez zor")."""
    variants = []
    for i in range(1, len(key)):
        if key[i] == key[i - 1] and key[i].isalpha():
            variants.append(key[:i] + key[i + 1 :])
        elif key[i].isalpha() and key[i] not in VOWELS and key[i - 1] != " ":
            variants.append(key[: i + 1] + key[i:])
    words = key.split()
    for k, word in enumerate(words):
        variants += [
            " ".join([*words[:k], other, *words[k + 1 :]])
            for written, other in _ARTICLE_SPELLINGS
            if word == written
        ]
        for particle in _PARTICLES:
            article = particle.strip()
            rest = word[len(article) :]
            if word.startswith(article) and len(rest) > 2 and rest[0] == article[-1]:
                variants.append(" ".join([*words[:k], article, rest, *words[k + 1 :]]))
    return variants


def vowel_variants(key: str) -> list[str]:
    """A folded name with one of its vowels written as another transliteration writes it ("paktya",
    "paktia"; "hilmand", "helmand"), one change at a time."""
    variants = []
    for written, other in VOWEL_SPELLINGS:
        start = key.find(written)
        while start >= 0:
            variants.append(key[:start] + other + key[start + len(written) :])
            start = key.find(written, start + 1)
    return variants


@dataclass(frozen=True)
class GazetteerEntry:
    """One place of the index: a country, a first-level division or a populated place."""

    kind: str  # "country", "province" or "town"
    name: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    source: str
    population: int


class Gazetteer:
    """Names (and their alternate spellings) to places; an ambiguous name is settled by a country hint,
    then by the kind of place asked for, then by population."""

    def __init__(self, data: dict):
        self.meta = {k: v for k, v in data.items() if k.startswith("_")}
        self._columns = require(data, "columns", list, INDEX_FILE)
        names = require(data, "names", str, INDEX_FILE).split("\n")
        positions = require(data, "positions", list, INDEX_FILE)
        if len(names) != len(positions):
            raise VocabularyError(f"{INDEX_FILE}: {len(names)} names for {len(positions)} positions")
        self._keys = dict(zip(names, positions, strict=True))
        # a report names its few places many times: each name's entries are found once (bounded, as a batch
        # may name places without end)
        self._found: dict[str, tuple[GazetteerEntry, ...]] = {}

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Every entry a name may stand for; a name not found as spelled, under its transliteration variants
        ("Raqa" for "Raqqa", "Deir Ezzor" for "Deir ez-Zor")."""
        known = self._found.get(name)
        if known is None:
            known = self._find(name)
            if len(self._found) >= FOUND_KEPT:
                self._found.clear()
            self._found[name] = known
        return list(known)

    def _find(self, name: str) -> tuple[GazetteerEntry, ...]:
        keys = name_keys(name)
        for key in [*keys, *(v for k in keys for v in spelling_variants(k))]:
            found = self._entries(key)
            if found:
                return found
        for key in (v for k in keys for v in vowel_variants(k)):
            divisions = tuple(entry for entry in self._entries(key) if entry.kind in DIVISION_KINDS)
            if divisions:
                # the variant is the division's own name rather than another's alternate ("paktika")
                return tuple(e for e in divisions if fold(e.name) == key) or divisions
        # "Russia", "Turkey": a country by the name news English gives it, which ISO 3166 spells otherwise
        # ("Russian Federation", "Türkiye")
        for other in other_country_names(name):
            found = tuple(e for e in self._find(other) if e.kind == "country")
            if found:
                return found
        return ()

    def _entries(self, key: str) -> tuple[GazetteerEntry, ...]:
        found = self._keys.get(key, ())
        return tuple(
            GazetteerEntry(*(column[i] for column in self._columns))
            for i in ((found,) if isinstance(found, int) else found)
        )

    def known_as_written(self, name: str) -> bool:
        """Whether some entry has the name as written (less accents, case and a leading article), not only
        as one of the spellings `candidates` tries after it."""
        return any(key in self._keys for key in name_keys(name))

    def lookup(
        self,
        name: str,
        country: str | None = None,
        kind: str | None = None,
        prefer: frozenset[str] | set[str] = frozenset(),
        own_name_first: bool = True,
    ) -> GazetteerEntry | None:
        """The entry `name` most likely means; in `country` when that is given and the name is known there
        (an ambiguous name takes the country of its context); None when the name is unknown. Of several
        countries, one the name is a place's own name in comes first, then one of `prefer` (the countries
        the report speaks of, by name or adjective); `own_name_first` False: all countries alike."""
        found = self.candidates(name)
        if country:
            # a name known in the context's country means the place there; known only elsewhere, it is
            # no place of this report unless it names a country ("Kobani" is also a village in Tanzania)
            found = [e for e in found if e.country == country] or [e for e in found if e.kind == "country"]
        found = self.own_name_countries(name, found) if own_name_first else found
        if not found:
            return None
        # "Paktika" is also an old name of Paktia: a place whose own name it is comes before one it is an
        # alternate name of; but a city comes before a hamlet of its name as spelt ("Zaporizhzhia": the
        # city of 700,000 GeoNames spells "Zaporizhzhya", not a village of 656)
        key = fold(name)
        return max(
            found,
            key=lambda e: (
                e.country in prefer,
                e.kind == kind,
                e.kind == "country",
                e.kind == "town",
                e.population >= CITY_POPULATION,
                fold(e.name) == key,
                e.population,
            ),
        )

    def own_name_countries(self, name: str, found: list[GazetteerEntry]) -> list[GazetteerEntry]:
        """The entries of the countries where `name` is some place's own name, when it is one anywhere:
        "Anbar" is Iraq's province, not a Turkish village that has it for an alternate name (the
        alternate names of the index are many and loose); in one country, all its entries stay ("Raqqa" is
        an alternate name of the town only)."""
        keys = set(name_keys(name))
        own = {e.country for e in found if keys & set(name_keys(e.name))}
        return [e for e in found if e.country in own] if own else found

    def kind_of(self, name: str) -> str | None:
        """country, province or town when the name is known, else None."""
        # a kind for the place finder's labels, which no country of context settles yet: of the likeliest
        # kind anywhere, not of the country whose own name it is ("Mar'a", a Syrian town, is also Mara, a
        # region of Tanzania)
        entry = self.lookup(name, own_name_first=False)
        return entry.kind if entry is not None else None

    def country_code(self, name: str) -> str | None:
        """The ISO 3166-1 code of a country's name ("Syria", "the Syrian Arab Republic"), else None."""
        entry = next((e for e in self.candidates(name) if e.kind == "country"), None)
        return entry.country if entry is not None else None


@cache
def gazetteer() -> Gazetteer:
    """The index shipped in extractor/data/, loaded once, at the first name looked up."""
    path = resources.files("extractor") / "data" / INDEX_FILE
    try:
        with path.open("rb") as raw, gzip.open(raw) as unpacked:
            # bytes parsed whole: reading through a text wrapper doubled the load
            return Gazetteer(json.loads(unpacked.read()))
    except FileNotFoundError as err:
        raise VocabularyError(
            f"{INDEX_FILE} is missing from extractor/data: run scripts/build_gazetteer.py"
        ) from err
