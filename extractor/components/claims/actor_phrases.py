"""The words of who made a claim: a subject's phrase with its coordination, less a dateline or a place the
parser ran into it."""

from __future__ import annotations

import re

from spacy.tokens import Token

from extractor.components.claims.tokens import (
    DASHES,
    _clean,
    _is_nominal,
    _is_place,
    _name_part,
    _phrase_text,
    _place_word,
)
from extractor.components.claims.vocabulary import (
    PARTITIVE,
    PLACE_PREPOSITIONS,
    PLACE_ROLE_WHERE,
    PLACE_UNITS,
    PLACES_GROUP,
)
from extractor.components.claims.wording import attacked_place_start


def subjects_first_named(verb: Token) -> list[Token]:
    """A verb's children with a dateline city or a place the parser also made its subject put last
    ("KABUL, Afghanistan (Dec. 17) - An Afghan and coalition security force arrested", "In Charkh district,
    Logar province, a coalition force detained"). The subject of a participle the parser made the verb's
    clausal subject is the verb's own ("Forces searching for a Taliban leader detained two men": the
    participle says what the forces were after)."""
    children = list(verb.children)
    children += [
        s for c in children if c.dep_ == "csubj" and c.tag_ == "VBG" for s in c.children if s.dep_ == "nsubj"
    ]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if len(subjects) < 2:
        return children
    # a dateline city after all ("KIEV, March 4 (Reuters) - Russia launched": "Russia" acts, though a place)
    return sorted(
        children,
        key=lambda c: (c.dep_ == "nsubj" and _place_as_subject(c), c.dep_ == "nsubj" and _dateline_city(c)),
    )


def _place_as_subject(token: Token) -> bool:
    """A subject that is where, not who: a dateline city, a place word, or a place phrase whose preposition
    the parser took for part of a name ("Near Sinjar, one strike struck ...")."""
    opener = next(t for t in token.subtree if not t.is_punct or t.i == token.i)  # past a list item's dash
    doc = token.doc
    return (
        _dateline_city(token)
        or _place_word(token)
        # "Kharkiv region: Russian shelling wounded 6": a paragraph's place heading, which the parser took
        # for the subject of the sentence after its colon
        or token.i + 1 < len(doc)
        and doc[token.i + 1].text == ":"
        and _in_a_place(token)
        or opener.i < token.i
        and opener.lower_ in PLACE_PREPOSITIONS
        and (_is_place(token, strong=True) or _in_a_place(token))
    )


def _in_a_place(token: Token) -> bool:
    """Whether the place finder read the token as part of a place that tells where ("Near Mar'a", a name
    whose apostrophe makes it no title-case word)."""
    doc = token.doc
    group = doc.spans[PLACES_GROUP] if PLACES_GROUP in doc.spans else ()
    return any(p.start <= token.i < p.end and p._.place_role == PLACE_ROLE_WHERE for p in group)


def _dateline_city(token: Token) -> bool:
    """A city in capitals before its country or its date: "KABUL, Afghanistan", "KIEV, March 4 -"."""
    doc = token.doc
    return (
        token.is_upper
        and token.i + 2 < len(doc)
        and doc[token.i + 1].text == ","
        and (_is_place(doc[token.i + 2]) or doc[token.i + 2].ent_type_ == "DATE")
    )


def actor_phrase(subject: Token) -> str:
    """Who a subject names, with the whole of a coordination ("a combined Afghan and coalition security
    force"). A dateline city or a place parsed as the subject ("KABUL, Afghanistan (Jan. 18) - Afghan and
    coalition forces detained", "In Andar district, Ghazni province, coalition forces killed") gives way to
    the body beside it."""
    doc = subject.doc
    if _place_as_subject(subject):
        # "KABUL, Afghanistan - An Afghan ... force": the body may hang on the country after the city
        places = [subject] + [c for c in subject.rights if c.dep_ in ("appos", "conj") and _place_word(c)]
        if _dateline_city(subject) and _is_place(doc[subject.i + 2]):
            places.append(doc[subject.i + 2])  # the country, whatever the parser hung it on
        beside = [
            c
            for place in places
            for c in place.rights
            if c.dep_ in ("appos", "conj")
            and not _place_word(c)
            and c.ent_type_ != "DATE"
            # "Afghan and coalition forces" hangs on the adjective when the parser joins it to the city
            and (_is_nominal(c) or any(g.dep_ == "conj" and _is_nominal(g) for g in c.rights))
        ]
        if beside:
            subject = beside[0]
    subject = _past_an_object_read_as_subject(subject)
    left, right = _phrase_text(doc, subject)
    right = min(right, attacked_place_start(subject), _where_start(subject, left, right))
    # "In Daraa province army units eliminated": a place run into the subject when commas were stripped
    units = [i for i in range(left, subject.i) if doc[i].lemma_.lower() in PLACE_UNITS and doc[i].i > left]
    if units and _name_part(doc[units[-1] - 1]):
        left = units[-1] + 1
    # "MOSCOW (Sputnik) Russia's Aerospace Forces": a dateline run into the subject is not part of it
    closers = [i for i in range(left, subject.i) if doc[i].text == ")" or doc[i].text in DASHES]
    # (a hyphen inside a word, "Saudi-led", closes nothing)
    closers = [i for i in closers if doc[i].text == ")" or doc[i].whitespace_ and doc[i - 1].whitespace_]
    if closers and (_dateline_head(doc, left, closers[-1]) or _dated_dateline(doc, closers[-1])):
        left = closers[-1] + 1
    member = subject
    while True:
        conjuncts = [c for c in member.rights if c.dep_ == "conj" and _is_nominal(c)]
        if not conjuncts:
            break
        member = conjuncts[0]
        right = max(right, _phrase_text(doc, member)[1])
    return _clean(doc[left:right].text)


def _past_an_object_read_as_subject(subject: Token) -> Token:
    """ "said it intercepted most of them and its jets then struck 12 sites": the parser joined the object of
    a verb left without one to the subject of the next clause; the members after it are who acted."""
    doc = subject.doc
    before = subject.left_edge.i - 1
    if before < 0 or doc[before].pos_ != "VERB" or doc[before].i == subject.head.i:
        return subject
    verb = doc[before]
    # (the clause the subject is in may be hung on that verb as its complement)
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prt") and c != subject.head for c in verb.children):
        return subject
    joined = [c for c in subject.rights if c.dep_ == "conj" and _is_nominal(c)]
    return joined[0] if joined else subject


def _where_start(subject: Token, left: int, right: int) -> int:
    """Where a place that tells where the deed was done begins, with its cue, after the subject's head or
    over it ("A drone strike 12 km north of Kramatorsk killed", "troops of the 93rd Brigade near Bakhmut
    destroyed", "A missile strike west of Kharkiv", whose "west" the parser made the subject): where is no
    part of who; `right` when none does."""
    doc = subject.doc
    group = doc.spans[PLACES_GROUP] if PLACES_GROUP in doc.spans else ()
    starts = [
        min(place.start, place._.place_cue if place._.place_cue is not None else place.start)
        for place in group
        if place._.place_role == PLACE_ROLE_WHERE
        and place.start < right
        and (subject.i < place.start or place.start <= subject.i < place.end)
        and not _whose(place, subject)
    ]
    # ("- Near Tal Afar, six strikes": a place that opens the phrase is handled as the subject it is)
    return min(
        [right, *(start for start in starts if any(t.is_alpha or t.like_num for t in doc[left:start]))]
    )


def _whose(place, subject: Token) -> bool:
    """ "The joint force of Chad and Niger", "troops of Burkina Faso": the country a body is of, not where it
    acted (the place finder reads the "of" as a place's cue, or leaves it before the place)."""
    doc = place.doc
    start = min(place.start, place._.place_cue if place._.place_cue is not None else place.start)
    of = doc[start] if doc[start].lower_ in PARTITIVE else doc[start - 1] if start > 0 else None
    return of is not None and of.lower_ in PARTITIVE and of.head.i == subject.i


def _dateline_head(doc, left: int, closer: int) -> bool:
    """Whether the words from `left` to a closing dash are a dateline's place: a city in capitals, or the
    country after one ("KABUL, Afghanistan - Afghan and coalition forces" read from "Afghanistan")."""
    first = doc[left]
    if first.is_upper and (_is_place(first) or _dateline_city(first)):
        return True
    return (
        left >= 2
        and _dateline_city(doc[left - 2])
        and all(_is_place(t) or t.is_punct or t.ent_type_ == "DATE" for t in doc[left:closer])
    )


NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}")


def _dated_dateline(doc, closer: int) -> bool:
    """Whether all before a closing dash in its sentence is a dateline's date, with its city and the agency
    in brackets ("May 2 (Reuters) - Ukraine's forces", "05/02/2024 - Russian forces"): when, not who."""
    start = doc[closer].sent.start
    # the date finder's days as well as the model's: "Oct 21" may be no DATE entity
    days = {i for span in doc._.dates or [] for i in range(span.start, span.end)}
    dated, bracket = False, False
    for token in doc[start:closer]:
        if token.text in ("(", ")"):
            bracket = token.text == "("
        elif token.i in days or token.ent_type_ in ("DATE", "TIME") or NUMERIC_DATE.fullmatch(token.text):
            dated = True
        elif not (bracket or token.is_punct or token.like_num or token.is_upper or _is_place(token)):
            return False
    return dated
