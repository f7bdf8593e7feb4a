"""Camps, bases and works named by a proper name before them ("the Jenin refugee camp", "Ain al-Asad air
base", "the Ryazan oil refinery"): a place of their own, unless the name is an armed group's or a
nationality's ("a Taliban training camp")."""

from __future__ import annotations

from spacy.tokens import Token

from extractor.capitals import country_of_form
from extractor.components.places.words import NAME_PARTICLES, NAMED_SITES, PLACE_ENTITIES
from extractor.gazetteer import gazetteer
from extractor.vocabulary import armed_groups

# the names an armed group goes by, lower case, and its abbreviations as written (armed_groups.json)
_GROUP_NAMES = frozenset(name.lower() for _, names, _ in armed_groups() for name in names)
_GROUP_ABBREVIATIONS = frozenset(short for _, _, shorts in armed_groups() for short in shorts)
# labels of a name that is a camp's own whatever the site word's case: a place's, or a person's (the small
# model takes the names of camps it does not know for people's: "Zamzam camp", "Kakuma camp")
_NAME_LABELS = PLACE_ENTITIES | {"PERSON"}


def named_site_start(head: Token) -> int | None:
    """Where the proper name of a camp or base begins, when `head` is the site's noun and a name of a place
    stands before it, with only common nouns between ("the Jenin refugee camp", "Zamzam camp", "Al Asad
    Air Base"); None for a site without one, or one named by who holds it ("a Taliban training camp", "an
    RSF base", "a Wagner base", "a Russian base")."""
    if head.lower_ not in NAMED_SITES:
        return None
    doc = head.doc
    i = head.i - 1
    while i >= head.left_edge.i and doc[i].is_lower and _common_modifier(doc[i]):
        i -= 1  # "refugee", "air", "training", "nuclear power", "oil"
    end = i + 1
    while i >= head.left_edge.i and _name_word(doc[i]) and doc[i].ent_type_ != "DATE":
        i -= 1
    start = i + 1
    if start == end or doc[start].lower_ in NAME_PARTICLES and start + 1 == end:
        return None
    name = doc[start:end]
    if name.text.lower() in _GROUP_NAMES or name.text in _GROUP_ABBREVIATIONS or name.text.isupper():
        return None  # a group's camp, or an acronym's ("an ISWAP base"): a target, no named place
    known = gazetteer().kind_of(name.text) not in (None, "country")
    # "a Russian base", "a U.S. base": whose, not which; "Socotra island", which the model may tag as a
    # nationality too, is a place the gazetteer knows and names no country
    nationality = any(t.ent_type_ == "NORP" for t in name) and (not known or country_of_form(name.text))
    if nationality or gazetteer().country_code(name.text) is not None:
        return None
    labelled = name.root.ent_type_ in _NAME_LABELS
    return start if known or labelled or head.is_title else None


def _common_modifier(token: Token) -> bool:
    """A common noun or adjective that says what a site is ("refugee camp", "nuclear power plant", "oil
    refinery"), not a name nor whose."""
    return token.dep_ == "compound" and token.pos_ == "NOUN" or token.dep_ == "amod" and token.pos_ == "ADJ"


def _name_word(token: Token) -> bool:
    """A word of a proper name: capitalized, a lower-case particle inside it ("Ain al-Asad"), or a hyphen."""
    return token.is_title or token.lower_ in NAME_PARTICLES or (token.text == "-" and not token.whitespace_)
