"""The place finder's words: the word lists of places.json, place_patterns.json and claim_terms.json it
reads, and the labels and roles a place may have."""

from __future__ import annotations

import re

from extractor.vocabulary import load_data, place_kind_words, require

PLACES_GROUP = "places"
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# the relations of a clause that describes a noun ("fighters who arrived from Iraq", "militants coming from")
DESCRIBING_CLAUSES = frozenset({"acl", "relcl"})
# marks inside a transliterated place name ("Qal'a-ye Zal", "Pul-e 'Alam")
NAME_JOINERS = frozenset({"-", "'", "\u2018", "\u2019", "`"})
# a capitalized word, apostrophes and hyphens inside it or one at its end ("Qal’a", "Tell-Alam", "Qal’ eh
# ye Zal"), or an acronym
CAPITALIZED_WORD = re.compile(r"^[^\W\d_a-z][^\W\d_]*(?:['\u2018\u2019`-][^\W\d_]+)*['\u2019]?$")
GAZETTEER_PLACES = frozenset({"town", "province"})
# the model's labels for a name that may be a town's after a place preposition: a nationality, a language
NAME_LABELS = frozenset({"NORP", "LANGUAGE"})
# what a place is to the text: the only role a claim's location may come from is WHERE
WHERE = "where"

_PLACES = load_data("places")
PLACE_PREPOSITIONS = frozenset(require(_PLACES, "place_prepositions", list, "places.json"))
TARGET_PREPOSITIONS = frozenset(require(_PLACES, "target_prepositions", list, "places.json"))
PLACE_UNITS = frozenset(require(_PLACES, "place_units", list, "places.json"))
AREA_WORDS = frozenset(require(_PLACES, "area_words", list, "places.json"))
SITES = frozenset(require(_PLACES, "sites", list, "places.json"))
NAMED_SITES = frozenset(require(_PLACES, "named_sites", list, "places.json"))
NAMED_BY_OF = frozenset(require(_PLACES, "named_by_of", list, "places.json"))
BODIES = frozenset(require(_PLACES, "bodies", list, "places.json"))
NAMED_BY_BODY = frozenset(require(_PLACES, "body_heads", list, "places.json"))
PLATFORMS = frozenset(require(_PLACES, "platforms", list, "places.json"))
PART_PREPOSITIONS = frozenset(require(_PLACES, "part_prepositions", list, "places.json"))
STRONG_PREPOSITIONS = PART_PREPOSITIONS
PHRASE_STOPS = frozenset(require(_PLACES, "phrase_stops", list, "places.json"))
PLACE_RELATIVES = frozenset(require(_PLACES, "place_relatives", list, "places.json"))
NAMING_PREPOSITIONS = frozenset(require(_PLACES, "naming_prepositions", list, "places.json"))
ORIGIN_PREPOSITIONS = frozenset(require(_PLACES, "origin_prepositions", list, "places.json"))
# "speaking in Moscow", "told reporters in Brussels", "at a news conference in Baghdad": where words were said
SPEECH_WORDS = frozenset(require(_PLACES, "speech_words", list, "places.json"))
SPEECH_VERBS = SPEECH_WORDS | frozenset(
    require(load_data("reporting_verbs"), "verbs", list, "reporting_verbs.json")
)
# "fighting continued in Avdiivka": a verb that reports words only with the words it reports
VERBS_NEEDING_SPEECH = frozenset(
    require(load_data("reporting_verbs"), "verbs_needing_speech", list, "reporting_verbs.json")
)
_TERMS = load_data("claim_terms")
# "in Syrian and Russian joint Airstrikes", "in SDF Operations": capitalized, yet an event or people
PERSON_NOUNS = frozenset(require(_TERMS, "person_nouns", list, "claim_terms.json"))
NO_PLACE_HEADS = frozenset(
    [*require(_TERMS, "strike_nouns", list, "claim_terms.json")]
    + [*PERSON_NOUNS]
    + [*require(_PLACES, "event_heads", list, "places.json")]
)
# "shelled El Fasher", "bombed Kherson": verbs whose object is what they hit, a place among them
ATTACK_VERBS = frozenset(require(_TERMS, "attack_verbs", list, "claim_terms.json")) | frozenset(
    require(_PLACES, "assault_verbs", list, "places.json")
)
PLACE_PATTERNS = load_data("place_patterns")
NAME_PARTICLES = frozenset(require(PLACE_PATTERNS, "name_particles", list, "place_patterns.json"))
DIRECTIONS = frozenset(require(PLACE_PATTERNS, "directions", list, "place_patterns.json"))
KIND_OF_WORD = place_kind_words()
# "near occupied Melitopol", "of rebel-held Douma": who holds a place or what befell it, before its name
STATE_WORDS = frozenset(require(PLACE_PATTERNS, "state_words", list, "place_patterns.json"))
STATE_SUFFIXES = frozenset(require(PLACE_PATTERNS, "state_suffixes", list, "place_patterns.json"))
PAIR_PREPOSITIONS = frozenset(require(PLACE_PATTERNS, "pair_prepositions", list, "place_patterns.json"))
DEFINITE_ARTICLES = frozenset(require(PLACE_PATTERNS, "definite_articles", list, "place_patterns.json"))
# the kinds of place a word with "the" alone refers back to ("near the town"): settlements and divisions
NAMED_BEFORE_KINDS = frozenset({"town", "district", "province"})


def word_lemma(word: str) -> str:
    for suffix, replacement in (("ies", "y"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word
