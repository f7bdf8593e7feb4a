"""Why a named place is no claim's place: a dateline's city, who speaks or acts, a hometown, where a mover
came from, a person's name, a modifier or a force's possessor."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractor.components.places.words import (
    AREA_WORDS,
    BODIES,
    DESCRIBING_CLAUSES,
    NAMED_BY_BODY,
    ORIGIN_PREPOSITIONS,
    PERSON_NOUNS,
    PLACE_ENTITIES,
    PLACE_UNITS,
    SPEECH_VERBS,
    WHERE,
    word_lemma,
)


def _hometown(token: Token) -> bool:
    """ "said Capt. X, a company commander, from Bismarck, N.D.": where a person is from."""
    while token.dep_ in ("appos", "conj", "compound") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in ORIGIN_PREPOSITIONS


def _a_speakers_word(token: Token) -> bool:
    """Whether the token stands in a mention of a speaker the speaker finder named ("Ukraine's military
    said", "Ukraine's air force commander said"): a place that possesses it says whose source, not where."""
    return any(
        start <= token.idx < end for speaker in token.doc._.speakers or () for start, end in speaker.mentions
    )


def _speaker_the_parser_missed(ent: Span) -> bool:
    """ "Among those Washington said it targeted ...": a name just before a speech verb that has no subject
    of its own is who speaks, wherever the parser hung it."""
    doc = ent.doc
    if ent.end >= len(doc):
        return False
    verb = doc[ent.end]
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in SPEECH_VERBS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _origin_of_a_mover(token: Token) -> bool:
    """ "three groups of fighters who arrived from the territory of Iraq", "militants coming from Mosul":
    where a counted noun came from, told in a clause that describes it, is no place of what befell it."""
    came_from = False
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return came_from and ancestor.dep_ in DESCRIBING_CLAUSES
        if ancestor.dep_ == "prep" and ancestor.lower_ in ORIGIN_PREPOSITIONS:
            came_from = True
    return False


def _named_as_a_person(token: Token) -> bool:
    """ "was Noureddine Chouchane, a Tunisian blamed for ...": a name whose apposition is a nationality or a
    person noun names a person, whatever entity label the model gave it."""
    return any(
        child.dep_ == "appos" and (child.ent_type_ == "NORP" or word_lemma(child.lower_) in PERSON_NOUNS)
        for child in token.children
    )


def _in_dateline(doc: Doc, char: int) -> bool:
    """Where the report was filed ("KABUL, Afghanistan (Nov. 14, 2010) -"), not where anything happened."""
    sections = doc._.report_sections if Doc.has_extension("report_sections") else None
    return any(s.dateline is not None and s.dateline[0] <= char < s.dateline[1] for s in sections or ())


def entity_role(ent: Span) -> str:
    """Why a named place is no claim's place, else WHERE."""
    doc, root = ent.doc, ent.root
    if _in_dateline(doc, ent.start_char):
        return "dateline"
    if root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
        return "subject"  # "Russia says ...": who speaks or acts
    if _speaker_the_parser_missed(ent):
        return "subject"
    if _hometown(root):
        return "hometown"
    if _origin_of_a_mover(root):
        return "origin"
    if _named_as_a_person(root):
        return "person"
    if root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
        return "modifier"  # "the Syria mission"
    if root.dep_ == "poss" and (
        root.head.lemma_.lower() in BODIES | NAMED_BY_BODY or _a_speakers_word(root.head)
    ):
        return "possessor"  # "Azerbaijan's army", "Ukraine's General Staff": whose body, not where
    if root.dep_ == "poss" and _acting_possession(root.head):
        return "possessor"  # "Sudan's paramilitary shelled the city": whose force acts, not where
    if ent.end < len(doc) and not doc[ent.end - 1].whitespace_ and doc[ent.end].text == "-":
        return "modifier"  # "US-led"
    return WHERE


def _acting_possession(head: Token) -> bool:
    """A possessed word that is the subject of a clause and no place: "Sudan's paramilitary shelled", not
    "Syria's Idlib province was hit"."""
    return (
        head.dep_ in ("nsubj", "nsubjpass")
        and head.ent_type_ not in PLACE_ENTITIES
        and head.lower_ not in PLACE_UNITS | AREA_WORDS
        and not any(c.ent_type_ in PLACE_ENTITIES for c in head.children if c.dep_ in ("compound", "nmod"))
    )
