"""What one token is to the claim finder: its lemma, a noun, a person, a place word, its phrase."""

from __future__ import annotations

import re

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from extractor.components.claims.policy import MAX_PHRASE_TOKENS
from extractor.components.claims.vocabulary import (
    ARGUMENT_DEPS,
    DEFINITE_ARTICLES,
    NAME_JOINERS,
    NOMINAL_TAGS,
    PARTITIVE,
    PHRASE_VERBS,
    PLACE_ENTITIES,
    PLACE_UNITS,
    SOURCE_PREPOSITIONS,
    ClaimVocabulary,
)

# doc.user_data key: the lower-case lemma of each token (token_lemmas)
LEMMAS_KEY = "briefing_extractor.claim_lemmas"
DASHES = ("-", "\u2013", "\u2014")  # a dash between spaces closes a dateline


# doc.user_data key: the preposition that ends a phrase verb ("set fire to"), by index, with its verb's index
PHRASE_OBJECTS_KEY = "briefing_extractor.phrase_objects"
# how far after its verb a phrase verb's last word may stand ("set 20 shops and cars ablaze")
PHRASE_REACH = 10


def _lemma(token: Token) -> str:
    return token_lemmas(token.doc)[token.i]


def token_lemmas(doc: Doc) -> list[str]:
    """Each token's lemma in lower case, else its lower-case form, read once per document from its arrays:
    the claim finder asks for the lemmas of the same tokens many times over, and for the lemmas of whole
    sentences, which need no Token objects this way. The verb of a phrase verb ("set fire to") has the lemma
    of the claim verb the phrase stands for ("burn")."""
    found = doc.user_data.get(LEMMAS_KEY)
    if found is None or len(found) != len(doc):
        strings = doc.vocab.strings
        rows = doc.to_array([LEMMA, LOWER]).tolist()
        found = [strings[lemma].lower() or strings[lower] for lemma, lower in rows]
        doc.user_data[PHRASE_OBJECTS_KEY] = _read_phrase_verbs(doc, found)
        doc.user_data[LEMMAS_KEY] = found
    return found


def phrase_object_verb(preposition: Token) -> Token | None:
    """The phrase verb whose last word is this preposition: the verb whose object the preposition's object
    is ("set fire to 3 tankers": the tankers were burned)."""
    token_lemmas(preposition.doc)
    verb = preposition.doc.user_data[PHRASE_OBJECTS_KEY].get(preposition.i)
    return preposition.doc[verb] if verb is not None else None


def _read_phrase_verbs(doc: Doc, lemmas: list[str]) -> dict[int, int]:
    """Gives each verb of a phrase verb the claim verb's lemma; returns the prepositions that end one."""
    objects: dict[int, int] = {}
    for i, lemma in enumerate(lemmas):
        phrases = PHRASE_VERBS.get(lemma)
        if not phrases or doc[i].pos_ != "VERB":
            continue
        for words, claim_lemma in phrases:
            matched = _phrase_words(doc[i], words)
            if matched:
                lemmas[i] = claim_lemma
                if matched[-1].pos_ == "ADP":
                    objects[matched[-1].i] = i
                break
    return objects


def _phrase_word(token: Token, word: str, heads: set[int]) -> bool:
    return token.lower_ == word and token.head.i in heads and token.dep_ != "compound"


def _phrase_words(verb: Token, words: tuple[str, ...]) -> list[Token]:
    """The tokens of a phrase's later words after its verb, each hung on the verb, on the word before it or
    on the verb's object (not "set up a fire base": "fire" is the base's); empty when any is missing."""
    doc = verb.doc
    heads = {verb.i} | {c.i for c in verb.children if c.dep_ == "dobj"}
    matched: list[Token] = []
    k, end = verb.i + 1, min(len(doc), verb.i + PHRASE_REACH)
    for word in words:
        while k < end and not _phrase_word(doc[k], word, heads):
            k += 1
        if k >= end:
            return []
        matched.append(doc[k])
        heads.add(k)
        k += 1
    return matched


def is_person(token: Token, vocab: ClaimVocabulary) -> bool:
    """A noun that counts people ("militants", "Daesh fighters", "civilians")."""
    lemma = _lemma(token)
    if lemma in vocab.aircraft_nouns and any(
        c.dep_ in ("compound", "amod", "nmod") and any(ch.isdigit() for ch in c.text) for c in token.children
    ):
        return False  # "two Su-34 bombers": a bomber with a model number is an aircraft, not a suicide bomber
    if (
        lemma in vocab.person_nouns
        or token.lower_ in vocab.person_nouns
        or _word_lemma(token.lower_) in vocab.person_nouns
    ):
        return True
    if token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS"):
        return True  # "32 Cubans": a nationality in the plural counts people
    return token.ent_type_ == "PERSON" and token.pos_ == "PROPN"


def names_a_speaker(token: Token, kind: str | None = None) -> bool:
    """Whether the speaker finder took the phrase for a speaker (of `kind`, a person or an organization, when
    given)."""
    return any(
        (kind is None or speaker.kind == kind) and start <= token.idx < end
        for speaker in token.doc._.speakers or ()
        for start, end in speaker.mentions
    )


def _is_nominal(token: Token) -> bool:
    return (
        token.pos_ in ("NOUN", "PROPN")
        or token.tag_ in NOMINAL_TAGS
        or _acronym(token)
        or _gerund_noun(token)
    )


def _gerund_noun(token: Token) -> bool:
    """A gerund with an adjective, an article or an owner, or with no object of its own, as a subject:
    "Russian shelling damaged 10 houses", "Shelling on the outskirts killed 4", which the small model tags as
    a verb form."""
    if token.tag_ != "VBG" or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    children = [c.dep_ for c in token.children]
    return any(d in ("amod", "det", "poss") for d in children) or not any(
        d in ("dobj", "nsubj", "aux", "attr") for d in children
    )


def _acronym(token: Token) -> bool:
    """A word in capitals in a noun's place, whatever its tag: the small model reads "destroyed an ISIL
    VBIED" with "VBIED" as a participle."""
    return token.is_upper and token.is_alpha and len(token) > 1 and token.dep_ in ARGUMENT_DEPS


def _phrase_text(doc: Doc, token: Token) -> tuple[int, int]:
    """A noun phrase's token range: its subtree without trailing relative clauses, capped in length."""
    left, right = token.left_edge.i, token.i + 1
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "appos", "advcl") or child.text in (",", "(", ";"):
            break
        if child.dep_ == "prep" and child.lower_ not in PARTITIVE | SOURCE_PREPOSITIONS:
            break
        if child.dep_ == "prep" and any(g.dep_ == "pcomp" for g in child.children):
            break  # "accused the air force of bombing a clinic": a deed after the noun is no part of it
        if child.ent_type_ in ("DATE", "TIME") and token.ent_type_ not in ("DATE", "TIME"):
            break  # "a second attack the following day": when, hung on the noun, is no part of who
        right = child.right_edge.i + 1
    while (
        left < token.i
        and doc[left].dep_ in ("det", "punct", "cc")
        and doc[left].lower_ not in DEFINITE_ARTICLES
    ):
        left += 1
    # "On May 2 Turkish forces struck": a named day the parser ran into the phrase is no part of it (but
    # "a four-day operation" and "last week's attacks" keep theirs)
    day_end = left
    # (a possessive closes it: "Ukraine's forces" is no day, whatever the model's date ran over)
    while (
        day_end < token.i
        and doc[day_end].ent_type_ == "DATE"
        and token.ent_type_ != "DATE"
        and doc[day_end].dep_ != "case"
    ):
        day_end += 1
        if doc[day_end - 1].text in DASHES and doc[day_end - 1].whitespace_:
            break  # "March 4 - Russian shelling": the model's date ran over a dateline's dash
    if day_end > left and any(doc[k].tag_ == "NNP" for k in range(left, day_end)):
        if doc[day_end].dep_ != "case":
            left = day_end
    right = min(right, left + MAX_PHRASE_TOKENS)
    while right > token.i + 1 and doc[right - 1].is_punct:
        right -= 1
    return left, right


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:-\u2013\u2014\"'\u201c\u201d")


def _place_word(token: Token) -> bool:
    """A word the model tagged as a place, or a unit of one ("province")."""
    return token.ent_type_ in PLACE_ENTITIES or token.lemma_ in PLACE_UNITS


def _text_of(token: Token) -> str:
    doc = token.doc
    left, right = _phrase_text(doc, token)
    return _clean(doc[left:right].text)


def _is_place(token: Token, strong: bool = False) -> bool:
    """A place name; after a strong place preposition ("near", "in the vicinity of") any capitalized name,
    even one the small model took for a person's ("near Palmyra")."""
    if token.ent_type_ in PLACE_ENTITIES:
        return True
    allowed = ("", "ORG", "PRODUCT") + (("DATE", "WORK_OF_ART", "EVENT", "PERSON") if strong else ())
    return token.pos_ == "PROPN" and token.ent_type_ in allowed and token.is_title


def _name_part(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.text in NAME_JOINERS


def _word_lemma(word: str) -> str:
    lexeme = word.lower()
    if lexeme.endswith("men"):
        return lexeme[:-3] + "man"  # "men", "servicemen", "gunmen": plurals the taxonomy's lemmas miss
    for suffix, replacement in (("ies", "y"), ("ses", "s"), ("s", "")):
        if lexeme.endswith(suffix) and len(lexeme) > len(suffix) + 2 and not lexeme.endswith("ss"):
            return lexeme[: -len(suffix)] + replacement
    return lexeme
