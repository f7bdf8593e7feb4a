"""What a place phrase's words hang on: a word of attack whose target a named place is, a proper name before
a place unit."""

from __future__ import annotations

from spacy.tokens import Token

from extractor.components.places.words import ATTACK_VERBS, NO_PLACE_HEADS, PERSON_NOUNS, word_lemma
from extractor.gazetteer import gazetteer
from extractor.vocabulary import armed_groups

# the names an armed group goes by, lower case, and its abbreviations (armed_groups.json): "strikes against
# the Taliban", though a hamlet is called so
_GROUP_NAMES = frozenset(name.lower() for _, names, shorts in armed_groups() for name in (*names, *shorts))


def hung_on_an_attack(prep: Token) -> bool:
    """ "an attack against Kyiv", "shelling against Kherson": a target's preposition on a word of attack."""
    head = prep.head
    return prep.dep_ == "prep" and (
        word_lemma(head.lower_) in NO_PLACE_HEADS - PERSON_NOUNS or head.lemma_.lower() in ATTACK_VERBS
    )


def a_target_place(head: Token) -> bool:
    """The object of "against" a named place the gazetteer knows and no armed group's or body's name: "an
    attack against Kyiv", not "strikes against ISIL" (which the model tags a country) nor "an offensive
    against al-Shabaab" (a hamlet of Iran's name)."""
    first = min([c.i for c in head.lefts if c.dep_ == "compound"], default=head.i)
    name = head.doc[first : head.i + 1].text
    kind = gazetteer().kind_of(name)
    return (
        kind in ("town", "province", "country")
        and name.lower() not in _GROUP_NAMES
        and head.ent_type_ not in ("ORG", "NORP")
    )


def names_a_unit(word: Token) -> bool:
    """A proper name before a place unit ("Mohammad Aghah district"), also one the tagger read as an
    adjective ("Beni territory"), though not a nationality ("Russian territory")."""
    if word.dep_ in ("compound", "nmod"):
        return word.pos_ == "PROPN"
    return word.dep_ == "amod" and word.is_title and word.ent_type_ != "NORP" and not word.is_sent_start


def struck_site(noun: Token) -> bool:
    """A noun an attack verb struck ("struck a shopping centre in Kremenchuk", "a centre was shelled"): a
    building, whatever a body's word it shares ("the press centre in Moscow")."""
    verb = noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() in ATTACK_VERBS
