"""Loading the word lists, patterns and taxonomies kept as data files in extractor/data/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any


class VocabularyError(ValueError):
    """A data file is missing a key or has an entry of the wrong shape."""


@cache
def load_data(name: str) -> dict[str, Any]:
    """The parsed JSON data file `extractor/data/<name>.json`."""
    path = resources.files("extractor") / "data" / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise VocabularyError(f"data file {name}.json is missing from extractor/data") from err
    except json.JSONDecodeError as err:
        raise VocabularyError(f"data file {name}.json is not valid JSON: {err}") from err


def require(data: dict[str, Any], key: str, kind: type, source: str) -> Any:
    """data[key], checked to be of `kind`; a malformed data file fails loudly, naming the key."""
    if key not in data:
        raise VocabularyError(f"{source}: missing key {key!r}")
    value = data[key]
    if not isinstance(value, kind):
        raise VocabularyError(f"{source}: {key!r} should be a {kind.__name__}, not {type(value).__name__}")
    return value


@cache
def month_spellings() -> dict[str, int]:
    """Each way English writes a month's name, in lower case, to its number: the names and abbreviations of
    dateparser's English locale data ("sept", "sep", "september"), each abbreviation also with the full stop
    the tokenizer keeps on it ("Sept."). dates.json names the months in calendar order by that data's keys."""
    from dateparser.data.date_translation_data import en

    spellings: dict[str, int] = {}
    for number, month in enumerate(require(load_data("dates"), "month_names", list, "dates.json"), start=1):
        for word in require(en.info, month, list, "dateparser's English locale data"):
            spellings[word] = number
            if len(word) < len(month):
                spellings[f"{word}."] = number
    return spellings


@cache
def place_kind_words() -> dict[str, str]:
    """The word that ends a place phrase with the kind of place it says ("city" -> "town", "oblast" ->
    "province"), from place_patterns.json's kind_words: read alike by the place finder, the claims' places
    and geo."""
    kinds = require(load_data("place_patterns"), "kind_words", dict, "place_patterns.json")
    return {word: kind for kind, words in kinds.items() if kind != "_note" for word in words}


def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    """Phrases as tuples of lower-case words, longest first, for token-wise matching."""
    split = {tuple(item.lower().split()) for item in items}
    return tuple(sorted(split, key=len, reverse=True))


def expand_word_lists(value: Any, lists: dict[str, list[str]], source: str) -> Any:
    """A matcher pattern from a data file with its '@name' references replaced by the word lists they name
    (the claim and attribution frames share the notation)."""
    if isinstance(value, dict):
        return {key: expand_word_lists(item, lists, source) for key, item in value.items()}
    if isinstance(value, list):
        return [expand_word_lists(item, lists, source) for item in value]
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in lists:
            raise VocabularyError(f"{source}: unknown word list {value!r}")
        return list(lists[value[1:]])
    return value


@dataclass(frozen=True)
class TargetCategory:
    label: str
    synonyms: tuple[str, ...]


class TargetTaxonomy:
    """Maps a counted noun phrase ("46 command and communication posts") to a normalized label."""

    def __init__(self, categories: list[TargetCategory]):
        self.categories = categories
        self._by_phrase: dict[tuple[str, ...], str] = {}
        for category in categories:
            for synonym in category.synonyms:
                self._by_phrase.setdefault(tuple(synonym.split()), category.label)
        self._longest = max((len(p) for p in self._by_phrase), default=1)

    @classmethod
    def from_data(cls, data: dict[str, Any] | None = None) -> TargetTaxonomy:
        """The hand taxonomy (given, or target_categories.json) with, after each label's own synonyms, the
        words wordnet_terms.json derives for it: a hand synonym keeps its label where both name a word."""
        shipped = data is None
        data = data if data is not None else load_data("target_categories")
        derived = derived_category_words() if shipped else {}
        categories = []
        for entry in require(data, "categories", list, "target_categories.json"):
            label = require(entry, "label", str, "target_categories.json")
            synonyms = require(entry, "synonyms", list, f"target_categories.json ({label})")
            if not all(isinstance(s, str) and s == s.lower() for s in synonyms):
                raise VocabularyError(
                    f"target_categories.json ({label}): synonyms must be lower-case strings"
                )
            extra = [w for w in derived.get(label, ()) if w not in synonyms]
            categories.append(TargetCategory(label, tuple(synonyms) + tuple(extra)))
        known = {c.label for c in categories}
        categories += [
            TargetCategory(label, tuple(words)) for label, words in derived.items() if label not in known
        ]
        return cls(categories)

    @property
    def labels(self) -> list[str]:
        return [c.label for c in self.categories]

    def names_at_head(self, lemmas: list[str]) -> bool:
        """Whether a synonym of two words or more ends at the head: "staging area", not "area" alone."""
        words = [w for w in lemmas if w]
        return any(
            tuple(words[-size:]) in self._by_phrase for size in range(2, min(self._longest, len(words)) + 1)
        )

    def label_for(self, lemmas: list[str]) -> str:
        """The label for a phrase given as lower-case lemmas; the head is the last word.

        The longest synonym ending at the head wins; failing that, any synonym inside the
        phrase (a "truck with a trailer" is a vehicle); else "other".
        """
        words = [w for w in lemmas if w]
        if not words:
            return "other"
        for size in range(min(self._longest, len(words)), 0, -1):
            label = self._by_phrase.get(tuple(words[-size:]))
            if label:
                return label
        for end in range(len(words) - 1, 0, -1):
            for size in range(min(self._longest, end), 0, -1):
                label = self._by_phrase.get(tuple(words[end - size : end]))
                if label:
                    return label
        return "other"


@lru_cache(maxsize=1)
def armed_groups() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Each armed group of armed_groups.json as (its name, the names it goes by, its abbreviations): read by
    the claim linker (whose losses) and the speaker finder (a group's name is a body speaking)."""
    found = []
    for entry in require(load_data("armed_groups"), "groups", list, "armed_groups.json"):
        source = f"armed_groups.json: {entry.get('name')}"
        found.append(
            (
                require(entry, "name", str, source),
                tuple(require(entry, "names", list, source)),
                tuple(require(entry, "abbreviations", list, source)),
            )
        )
    return tuple(found)


@lru_cache(maxsize=1)
def target_taxonomy() -> TargetTaxonomy:
    """The taxonomy shipped in extractor/data/target_categories.json."""
    return TargetTaxonomy.from_data()


# ---------------------------------------------------------------------------------------------------------
# the vocabulary derived from WordNet by scripts/derive_vocabulary.py


@cache
def _derived() -> dict[str, Any]:
    data = load_data("wordnet_terms")
    for section in ("categories", "verbs"):
        for name, entry in require(data, section, dict, "wordnet_terms.json").items():
            require(entry, "words", dict, f"wordnet_terms.json ({section}/{name})")
    return data


def derived_category_words() -> dict[str, list[str]]:
    """Taxonomy label -> the words WordNet gives for it, lower case."""
    return {label: list(entry["words"]) for label, entry in _derived()["categories"].items()}


def derived_person_nouns() -> frozenset[str]:
    """The single words of the classes that count people (combatants, leaders, civilians, officials)."""
    return frozenset(
        word
        for entry in _derived()["categories"].values()
        if entry.get("person")
        for word in entry["words"]
        if " " not in word
    )


def derived_other_verbs(name: str) -> frozenset[str]:
    """The verbs of one of wordnet_terms.json's 'other_verbs' classes, which make no claim ('transfer')."""
    classes = require(_derived(), "other_verbs", dict, "wordnet_terms.json")
    entry = require(classes, name, dict, "wordnet_terms.json (other_verbs)")
    return frozenset(require(entry, "words", dict, f"wordnet_terms.json (other_verbs/{name})"))


def derived_verbs() -> dict[str, tuple[str | None, str | None]]:
    """Verb lemma -> (effect on a thing, effect on a person) for the claim verbs WordNet gives."""
    verbs: dict[str, tuple[str | None, str | None]] = {}
    for name, entry in _derived()["verbs"].items():
        if "thing" not in entry or "person" not in entry:
            raise VocabularyError(f"wordnet_terms.json (verbs/{name}): needs 'thing' and 'person'")
        for word in entry["words"]:
            verbs.setdefault(word, (entry["thing"], entry["person"]))
    return verbs
