"""The place finder: place mentions with their kind and role, as the span group doc.spans["places"]."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IS_STOP, LIKE_NUM, LOWER, ORTH, POS, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from extractor.components.document import (
    entities_in,
    lower_words,
    members,
    sentence_bounds,
    sentence_spans,
    word_hashes,
)
from extractor.components.places.heads import a_target_place, hung_on_an_attack, names_a_unit, struck_site
from extractor.components.places.roles import entity_role
from extractor.components.places.sites import named_site_start
from extractor.components.places.topics import topic_places
from extractor.components.places.words import (
    AREA_WORDS,
    ATTACK_VERBS,
    BODIES,
    CAPITALIZED_WORD,
    DEFINITE_ARTICLES,
    DIRECTIONS,
    GAZETTEER_PLACES,
    KIND_OF_WORD,
    NAME_JOINERS,
    NAME_LABELS,
    NAME_PARTICLES,
    NAMED_BEFORE_KINDS,
    NAMED_BY_BODY,
    NAMED_BY_OF,
    NAMING_PREPOSITIONS,
    NO_PLACE_HEADS,
    PAIR_PREPOSITIONS,
    PART_PREPOSITIONS,
    PHRASE_STOPS,
    PLACE_ENTITIES,
    PLACE_PATTERNS,
    PLACE_PREPOSITIONS,
    PLACE_RELATIVES,
    PLACE_UNITS,
    PLACES_GROUP,
    PLATFORMS,
    SITES,
    SPEECH_VERBS,
    SPEECH_WORDS,
    STATE_SUFFIXES,
    STATE_WORDS,
    STRONG_PREPOSITIONS,
    TARGET_PREPOSITIONS,
    VERBS_NEEDING_SPEECH,
    WHERE,
    word_lemma,
)
from extractor.factories import evaluated_annotations
from extractor.gazetteer import gazetteer
from extractor.vocabulary import VocabularyError, require
from extractor.windowed_matcher import greedy_matches

# _word_is_name_part per word (ORTH), for the Matcher's getter and _name_part_flags
_NAME_PART_WORDS: dict[int, bool] = {}


def _is_name_part(token: Token) -> bool:
    """A word of a proper place name: capitalized and no function word, a lower-case article of a
    transliterated name ("al", "-e"), or a joining mark with no space beside it ("Qal'a-ye"). Other than for
    a joining mark the answer depends on the word alone and is kept per word (_word_is_name_part): the place
    Matcher asks it of every token of its windows."""
    orth = token.orth
    if orth in word_hashes(NAME_JOINERS):
        doc = token.doc
        return (not doc[token.i - 1].whitespace_ if token.i > 0 else False) and token.i + 1 < len(doc)
    flag = _NAME_PART_WORDS.get(orth)
    if flag is None:
        flag = _NAME_PART_WORDS[orth] = _word_is_name_part(token.text, token.is_stop)
    return flag


def register_place_extensions() -> None:
    """The token flag the place patterns use and the attributes of each place span."""
    if not Token.has_extension("place_name_part"):
        Token.set_extension("place_name_part", getter=_is_name_part)
    for name, default in (("place_cue", None), ("place_phrase", False), ("place_part", False)):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    if not Span.has_extension("place_role"):
        Span.set_extension("place_role", default=WHERE)


@dataclass
class PlaceCandidate:
    """A place found by one of the three sources, before overlaps are settled."""

    start: int
    end: int
    cue: int  # the token that introduces it, else its own head
    phrase: bool  # a place phrase (after a preposition or in a pattern), not a bare name
    part: bool  # names a part of a larger place: "near X", "the outskirts of X", "X district"
    kind: str | None = None
    role: str = WHERE


def _expand(items: list, lists: dict) -> list:
    """Pattern tokens with "@name" references replaced by the named list of the data file."""
    expanded = []
    for spec in items:
        spec = dict(spec)
        for attr, value in list(spec.items()):
            if isinstance(value, dict) and isinstance(value.get("IN"), str):
                key = value["IN"].lstrip("@")
                if key not in lists:
                    raise VocabularyError(f"place_patterns.json: no list named {key!r}")
                spec[attr] = {"IN": lists[key]}
        expanded.append(spec)
    return expanded


def build_place_matcher(nlp: Language, data: dict) -> tuple[Matcher, dict[str, dict]]:
    """A Matcher over the patterns of place_patterns.json, and each pattern's entry by id."""
    register_place_extensions()
    matcher = Matcher(nlp.vocab)
    entries = {}
    for entry in require(data, "patterns", list, "place_patterns.json"):
        ident = require(entry, "id", str, "place_patterns.json")
        pattern = _expand(require(entry, "pattern", list, f"place_patterns.json ({ident})"), data)
        matcher.add(ident, [pattern], greedy="LONGEST")
        entries[ident] = entry
    return matcher, entries


def _state_word(lower: str) -> bool:
    """A word that says who holds a place or what befell it: "occupied", "rebel-held", "Russian-occupied"."""
    return lower in STATE_WORDS or ("-" in lower and lower.rsplit("-", 1)[1] in STATE_SUFFIXES)


def _state_length(words: list[str], i: int) -> int:
    """How many words from the i-th say a place's state: "occupied" one; "Houthi - controlled", which the
    tokenizer splits at its hyphen, three; 0 for none."""
    if _state_word(words[i]):
        return 1
    if i + 2 < len(words) and words[i + 1] == "-" and words[i + 2] in STATE_SUFFIXES:
        return 3
    return 0


def _word_is_name_part(text: str, is_stop: bool) -> bool:
    """_is_name_part for a word that is no joining mark, which depends on the word alone."""
    lower = text.lower()
    if lower in NAME_PARTICLES:
        return True
    if _state_word(lower):
        return False  # "Houthi-controlled Hodeidah": who holds the town, no word of its name
    return (
        CAPITALIZED_WORD.match(text) is not None
        and not is_stop
        and lower not in PLACE_PREPOSITIONS
        and lower not in KIND_OF_WORD
    )


def _name_part_flags(doc: Doc) -> numpy.ndarray:
    """_is_name_part of every token, from the document's arrays and an answer kept per word."""
    orths, stops, spaces = doc.to_array([ORTH, IS_STOP, SPACY]).T
    strings = doc.vocab.strings
    if len(_NAME_PART_WORDS) > 200_000:  # a corpus of millions keeps meeting new words
        _NAME_PART_WORDS.clear()
    # built as a list of Python values: a numpy item set per token cost more than the answer
    flags: list[bool] = []
    joiners = word_hashes(NAME_JOINERS)
    spaced = spaces.tolist()
    for i, (orth, stop) in enumerate(zip(orths.tolist(), stops.tolist(), strict=True)):
        if orth in joiners:
            flags.append(bool(i > 0 and not spaced[i - 1] and i + 1 < len(doc)))
            continue
        flag = _NAME_PART_WORDS.get(orth)
        if flag is None:
            flag = _NAME_PART_WORDS[orth] = _word_is_name_part(strings[orth], bool(stop))
        flags.append(flag)
    return numpy.array(flags, dtype=bool)


@dataclass(frozen=True)
class PatternWords:
    """What the place patterns ask of a token besides being a name part: the words any node names, whether a
    node asks for a number, and per pattern the words of one node every match needs (preferably no stop
    word), for windowed_matcher."""

    words: frozenset[str]
    numbers: bool
    anchors: frozenset[str]


# what a place pattern's node may test for windowed_matcher to know which tokens it may match; any other test
# and the patterns run over the whole Doc
_WINDOWED_TESTS = frozenset({"LOWER", "ORTH", "LIKE_NUM", "DEP", "OP", "_", "ENT_TYPE", "IS_UPPER"})
# tests that only narrow what a node's name part or word lets in (the masks grant a token by those alone)
_NARROWING_TESTS = frozenset({"DEP", "ENT_TYPE", "IS_UPPER"})


def pattern_words(patterns: list[list[dict]]) -> PatternWords | None:
    """The PatternWords of the place patterns, None when a node tests something else."""
    words: set[str] = set()
    anchors: set[str] = set()
    for pattern in patterns:
        required = []
        for node in pattern:
            if set(node) - _WINDOWED_TESTS or set(node.get("_", {})) - {"place_name_part"}:
                return None
            if set(node) & _NARROWING_TESTS and not {"_", "LOWER", "ORTH", "LIKE_NUM"} & set(node):
                return None
            for attr in ("LOWER", "ORTH"):
                value = node.get(attr)
                values = [value] if isinstance(value, str) else list(value.get("IN", [])) if value else []
                words.update(v.lower() for v in values)
                if values and "OP" not in node:
                    required.append({v.lower() for v in values})
        plain = [r for r in required if not r & STOP_WORDS]
        anchors.update((plain or required or [{""}])[0])
    numbers = any("LIKE_NUM" in node for pattern in patterns for node in pattern)
    return PatternWords(frozenset(words), numbers, frozenset(anchors))


def _pattern_masks(doc: Doc, words: PatternWords) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Which tokens may be in a place pattern's match, and which may anchor one."""
    lowers, numbers = doc.to_array([LOWER, LIKE_NUM]).T
    usable = _name_part_flags(doc) | members(lowers, word_hashes(words.words))
    if words.numbers:
        usable |= numbers.astype(bool)
    return usable, members(lowers, word_hashes(words.anchors))


def _pattern_candidates(
    doc: Doc, matcher: Matcher, entries: dict[str, dict], words: PatternWords | None = None
) -> list[PlaceCandidate]:
    found = []
    if words is None:
        matches = matcher(doc)
    else:
        matches = greedy_matches(matcher, doc, *_pattern_masks(doc, words))
    for match_id, start, end in matches:
        entry = entries[doc.vocab.strings[match_id]]
        first, last = entry["place"]
        left = start + first if first >= 0 else end + first
        right = end if last is None else (start + last if last >= 0 else end + last)
        # an English word that doubles as a name particle ("as", "at") never opens or closes a name
        while left < right and (doc[left].is_stop or doc[left].text in NAME_JOINERS):
            left += 1
        # nor does a particle end one ("Minian at": "at" is the next phrase's preposition)
        while right > left and (
            doc[right - 1].text in NAME_JOINERS or doc[right - 1].lower_ in NAME_PARTICLES
        ):
            right -= 1
        if right <= left or _describes_the_next_name(doc, right):
            continue
        cue = start + entry["cue"] if entry.get("cue") is not None else doc[left:right].root.i
        found.append(PlaceCandidate(left, right, cue, True, bool(entry.get("part")), entry.get("kind")))
    return found


def _describes_the_next_name(doc: Doc, end: int) -> bool:
    """ "the Ukrainian city of Kharkiv", "the Syrian province of Idlib": a place word that a named place
    follows with "of" says what kind that place is; the nationality before it names no place."""
    return (
        end + 1 < len(doc)
        and doc[end - 1].lower_ in KIND_OF_WORD
        and doc[end].lower_ in NAMING_PREPOSITIONS
        and doc[end + 1]._.place_name_part
    )


def _is_place(token: Token, strong: bool = False) -> bool:
    """A place name; after a strong place preposition ("near", "in the vicinity of") any capitalized name,
    even one the small model took for a person's ("near Palmyra")."""
    if token.ent_type_ in PLACE_ENTITIES:
        return True
    allowed = ("", "ORG", "PRODUCT") + (("DATE", "WORK_OF_ART", "EVENT", "PERSON") if strong else ())
    if token.pos_ == "PROPN" and token.ent_type_ in allowed and token.is_title:
        return True
    # "over Belgorod", "in northern Syria's Afrin", which the model takes for a nationality, a person or a
    # language: a name the gazetteer knows as a town or a province is a place after a place preposition
    if not token.is_title:
        return False
    if token.ent_type_ == "PERSON":
        return _place_named_like_a_person(token)
    # "in Rafah overnight", which the model took for a language (never a day: "on Nov. 21")
    return token.ent_type_ in NAME_LABELS and gazetteer().kind_of(token.text) in GAZETTEER_PLACES


def _described_as_a_place(token: Token) -> bool:
    """A name whose apposition says it is a place ("Wad Madani, the capital of Gezira state", "Bunagana, a
    border town"), whatever the model tagged it and however the gazetteer spells it; the apposition a noun
    with its article (not a place of its own the parser hung there: "..., Baghlan province")."""
    return any(
        c.dep_ == "appos"
        and (c.lower_ in KIND_OF_WORD or c.lower_ in SITES)
        and any(g.dep_ == "det" for g in c.children)
        for c in token.children
    )


def _place_named_like_a_person(token: Token) -> bool:
    """A name the model tagged as a person's that is a town: the whole name is one the gazetteer has ("in
    Khan Younis"); or the word is, and stands alone or after a direction (a person's name may end in a
    town's: "Samir al-Asmar"); or a country's name standing alone ("in central Mali")."""
    name = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if name is None:
        return False
    if len(name) > 1 and gazetteer().kind_of(name.text) in GAZETTEER_PLACES:
        return True
    if _transliterated_place_object(name):
        return True
    if len(name) == 1 and gazetteer().country_code(token.text) is not None:
        return True  # "in central Mali", which the model may take for a person's name
    if gazetteer().kind_of(token.text) not in GAZETTEER_PLACES:
        return False
    return len(name) == 1 or any(t.lower_ in DIRECTIONS for t in token.subtree)


def _named_before(head: Token) -> bool:
    """ "near the town", "outside the village": a word of a settlement or a division with a definite article
    alone names the place the text named before (where the claim's place carries from), no place of its
    own; not "the Turkish border", "the capital" (a site)."""
    lefts = list(head.lefts)
    return (
        KIND_OF_WORD.get(head.lower_) in NAMED_BEFORE_KINDS
        and len(lefts) == 1
        and lefts[0].lower_ in DEFINITE_ARTICLES
        and not any(c.dep_ == "prep" for c in head.rights)
    )


def _transliterated_place_object(name: Span) -> bool:
    """ "killed 40 villagers in Wad al-Noura": a name of several words with a particle of a transliterated
    Arabic place name inside it ("al-", "el-"), the object of a place preposition, is a town the gazetteer
    does not know, not a person (who is no place's object but as a possessor, "in al-Sharaa's speech", or
    with a noun that says who he is, "at al-Nusra terrorist Samir al-Asmar")."""
    root = name.root
    return (
        len(name) > 2
        and root.dep_ == "pobj"
        and root.left_edge.i >= name.start
        and root.head.lower_ in PLACE_PREPOSITIONS
        and not any(c.dep_ == "case" for c in root.children)
        and any(t.lower_ in NAME_PARTICLES and t.i > name.start for t in name)
    )


def _nameless_area(prep: Token, head: Token) -> bool:
    """ "near the Turkish border", "on an air base": a site, or an area word after a strong preposition or
    with a nationality, is a place without a name."""
    if _named_before(head):
        return False
    doc = head.doc
    two_words = f"{doc[head.i - 1].lower_} {head.lower_}" if head.i > 0 else head.lower_
    return (
        head.lower_ in SITES
        or two_words in SITES
        or (
            head.lower_ in AREA_WORDS
            and (prep.lower_ in PART_PREPOSITIONS or any(c.ent_type_ == "NORP" for c in head.children))
        )
    )


def _site_in_a_named_place(head: Token) -> bool:
    """A site without a name whose own place phrase names a place: "a checkpoint in the Chahar Dara
    district", "an air base near Raqqa"; not a named unit the model took for a nationality's ("Sabari
    district in Khost")."""
    if head.lower_ not in SITES or any(
        c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in head.children
    ):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in PLACE_PREPOSITIONS
        and any(_is_place(t, c.lower_ in STRONG_PREPOSITIONS) or t.lower_ in PLACE_UNITS for t in c.subtree)
        for c in head.children
    )


def _of_a_place(head: Token) -> bool:
    """ "the southeastern port of Mariupol", "the Syrian city of Ashara": a common noun that a named place
    follows with "of" is that place; a building's or public place's noun, any name ("the market of Mellit",
    which the model takes for a person's)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in NAMING_PREPOSITIONS
        and any(_named_place(g) or _name_of_a_building(head, g) for g in c.children if g.dep_ == "pobj")
        for c in head.children
    )


def _name_of_a_building(head: Token, name: Token) -> bool:
    """ "the market of Mellit", "the mosque of Garoua Boulai": a proper name (not a possessor's, not a
    body's) after the "of" of a building or public place names where it stands."""
    return (
        head.lower_ in NAMED_BY_OF
        and name.pos_ == "PROPN"
        and name.is_title
        and name.ent_type_ in ("", "PERSON", "GPE", "LOC", "FAC")
        and not any(c.dep_ == "case" for c in name.children)
        and name.lower_ not in BODIES
    )


def _event_of_a_place(head: Token) -> Token | None:
    """The named place an event noun is "of" ("the shelling of Kherson", "an attack of Avdiivka"): where the
    event happened, which the event's own phrase is not."""
    if word_lemma(head.lower_) not in NO_PLACE_HEADS and head.lower_ not in NO_PLACE_HEADS:
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in NAMING_PREPOSITIONS:
            places = [g for g in c.children if g.dep_ == "pobj" and _named_place(g)]
            if places:
                return places[0]
    return None


def _named_place(token: Token) -> bool:
    """A name the model tags as a place or the gazetteer knows as one ("Krasnodar"), not any capitalized
    word ("the custody of the Commandos")."""
    return token.ent_type_ in PLACE_ENTITIES or (
        token.pos_ == "PROPN" and gazetteer().kind_of(token.text) is not None
    )


def _phrase_head(prep: Token) -> tuple[Token, Token] | None:
    """The object of a place preposition and the first token of the place ("in Pul-e 'Alam district": the
    model may split a name at its marks into two objects of "in")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return None
    head = objects[0]
    if len(objects) > 1 and objects[-1].lower_ in PLACE_UNITS and objects[-1].i - head.i <= 6:
        return objects[-1], objects[0]
    return head, head


def _name_after_participle(head: Token) -> Token | None:
    """The name a participle before it was taken to govern ("in occupied Tokmak", "near besieged Mariupol":
    the small model reads the adjective as the preposition's object, a verb with the name as its object)."""
    if head.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "nsubj") for c in head.children):
        return None
    return next(
        (c for c in head.rights if c.pos_ == "PROPN" and c.left_edge.i == head.i + 1 and c.dep_ != "prep"),
        None,
    )


def _place_from_preposition(prep: Token, max_tokens: int) -> tuple[int, int] | None:
    """The token range of the place a place preposition introduces: "near Raqqa", "in the vicinity of
    Tell-Alam", "in Andar district, Ghazni province"."""
    heads = _phrase_head(prep)
    if heads is None:
        return None
    head, first = heads
    doc = head.doc
    named = _event_of_a_place(head)
    if named is not None:
        head = first = named  # "in the shelling of Kherson": the place is Kherson, not the shelling
    described = _name_after_participle(head)
    if described is not None:
        head = first = described
    if head.lower_ in BODIES and head.ent_type_ not in ("GPE", "LOC"):
        return None  # "attacks on Afghan National Security Forces": a body, whatever the model tagged it
    name = " ".join(
        [c.lower_ for c in head.children if c.dep_ == "compound" and c.i < head.i] + [head.lower_]
    )
    if name in PLATFORMS or head.lower_ in PLATFORMS:
        return None  # "said in a statement on Facebook": where it was posted, whatever the model tagged it
    # a name its state describes ("occupied", "besieged") is a place's, whatever the model tagged it
    strong = prep.lower_ in STRONG_PREPOSITIONS or head.lower_ in AREA_WORDS or described is not None
    named_unit = (
        head.lower_ in PLACE_UNITS
        and any(names_a_unit(c) for c in head.children)
        and not any(c.dep_ == "poss" and c.pos_ != "PROPN" for c in head.children)
    )  # "Mohammad Aghah district", whatever the model took the name for; not "the city's X district"
    nameless = _nameless_area(prep, head)
    site = named_site_start(head)
    if nameless and site is None and _site_in_a_named_place(head):
        return None  # "on a base in Lower Shabelle region": the named place's own phrase tells where
    named_unit = named_unit or site is not None  # "at the Jenin refugee camp in the West Bank"
    if not named_unit and not nameless and not any(_is_place(t, strong) for t in head.subtree):
        if not _of_a_place(head):
            return None
    if (
        not _is_place(head, strong)
        and not nameless
        and not named_unit
        and head.lower_ not in AREA_WORDS
        and not _of_a_place(head)
    ):
        return None
    left = first.left_edge.i if first is not head else head.left_edge.i
    right = _phrase_end(doc, head, head.right_edge.i + 1)
    words = lower_words(doc)
    while left < head.i and (doc[left].dep_ in ("det", "punct") or _state_length(words, left)):
        left += max(1, _state_length(words, left))  # "besieged Avdiivka": the name, not its state
    right = min(right, left + max_tokens)
    while right > left + 1 and (doc[right - 1].is_punct or doc[right - 1].dep_ in ("cc", "det", "prep")):
        right -= 1
    return left, _wider_place(doc, right, sentence_bounds(doc, head.i)[1])


def _phrase_end(doc: Doc, head: Token, right: int) -> int:
    """Where a place phrase stops: at a comma ("In Kandahar City, Afghan and coalition forces detained":
    what follows is part of the place only if it is a larger place, which _wider_place takes) or at a clause
    hung on it, or at a day hung on it ("at the Rafah border crossing on Sunday": when, no part of where)."""
    for i in range(head.i + 1, right):
        if doc[i].text == "," or doc[i].dep_ in ("relcl", "acl") or doc[i].lower_ in PHRASE_STOPS:
            return i
        if (
            doc[i].dep_ == "prep"
            and doc[i].lower_ not in NAMING_PREPOSITIONS  # "the area of Mayadeen", a name the model dated
            and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in doc[i].children)
        ):
            return i
    return right


def _name_part(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.text in NAME_JOINERS or token._.place_name_part


def _wider_place(doc: Doc, right: int, limit: int) -> int:
    """Extends a place over the larger places named after commas: "Andar district, Ghazni province", "Sufi
    Qut village, Qal'a-ye Zal district, Kunduz province", "near Raqqa, Syria"."""
    while right + 2 <= limit and doc[right].text == ",":
        stop = right + 1
        while stop < limit and stop - right <= 7 and _name_part(doc[stop]):
            stop += 1
        if stop > right + 1 and stop < limit and doc[stop].lower_ in PLACE_UNITS:
            right = stop + 1
        elif (
            stop > right + 1
            and all(doc[k].ent_type_ in ("GPE", "LOC") for k in range(right + 1, stop))
            and doc[stop - 1].dep_ != "poss"  # "..., Ukraine's air force said": whose, no larger place
            # "In Bakhmut, Ukrainian troops destroyed", "near Zmiinyi island, Ukraine said": a name that
            # hangs on a word after it (the noun it modifies, the verb it is the subject of) is no larger
            # place either
            and doc[stop - 1].head.i < stop
        ):
            right = stop
        else:
            break
    return right


def _part_of_a_place(prep: Token) -> bool:
    """A place phrase that names a part of a larger place: "near X", "on the eastern bank of", "in the
    outskirts of", "in Andar district"."""
    heads = _phrase_head(prep)
    head = heads[0].lower_ if heads else ""
    return prep.lower_ in PART_PREPOSITIONS or head in AREA_WORDS | SITES | PLACE_UNITS


def _phrase_role(prep: Token, span: Span) -> str:
    """Why a place phrase is no claim's place, else WHERE: "the ministry in Moscow" names a body;
    "in 12 regions" counts places; "in Syrian and Russian joint Airstrikes" names an event."""
    if (prep.head.lemma_.lower() in NAMED_BY_BODY or prep.head.lower_ in NAMED_BY_BODY) and not struck_site(
        prep.head
    ):
        return "body"
    if prep.i > prep.head.i and any(_where_spoken(word) for word in _heads_of_phrase(prep)):
        # only after its speech word: "In Berdyansk, officials said 12 were wounded" names the news's place
        return "speech"
    head = span.root
    if any(c.dep_ == "nummod" for c in head.children) and head.tag_ in ("NNS", "NNPS"):
        return "count"
    if word_lemma(head.lower_) in NO_PLACE_HEADS or head.lower_ in NO_PLACE_HEADS:
        return "event"
    return WHERE


def _heads_of_phrase(prep: Token) -> list[Token]:
    """The word a place phrase hangs on, and the words that one hangs on through a name or a day: "to meet
    with Trump in Florida", "a meeting Sunday in Florida"."""
    heads = [prep.head]
    word = prep.head
    for _ in range(2):
        if word.dep_ == "pobj" and word.pos_ == "PROPN" and word.head.dep_ == "prep":
            word = word.head.head  # not "commenting on airstrikes near Hatla": the strikes' place
        elif word.ent_type_ in ("DATE", "TIME") and word.head.i != word.i:
            word = word.head
        else:
            break
        heads.append(word)
    return heads


def _where_spoken(word: Token) -> bool:
    """A word a place phrase hangs on that makes the place where someone spoke: a speech verb in the active
    voice with no object but an audience ("said in Baghdad", "told reporters in Brussels"; not "casualties
    were reported in Idlib" or "reported 20 dead in Aleppo", reports of what happened there), a speech event
    ("a news conference in Baghdad") or an audience ("reporters in Brussels")."""
    doc = word.doc
    two_words = f"{doc[word.i - 1].lower_} {word.lower_}" if word.i > 0 else word.lower_
    if word.pos_ in ("VERB", "AUX"):
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in word.children)
        told = all(c.lower_ in SPEECH_WORDS for c in word.children if c.dep_ in ("dobj", "dative"))
        lemma = word.lemma_.lower()
        # "fighting continued in Avdiivka": a verb that reports words only with the words it reports
        if lemma in VERBS_NEEDING_SPEECH and not any(c.dep_ in ("ccomp", "parataxis") for c in word.children):
            return False
        return not passive and told and lemma in SPEECH_VERBS
    return word.lower_ in SPEECH_WORDS or two_words in SPEECH_WORDS


def _phrase_candidates(doc: Doc, sentence: Span, max_tokens: int) -> list[PlaceCandidate]:
    found = []
    words = lower_words(doc)
    for i in range(sentence.start, sentence.end):
        if words[i] in PAIR_PREPOSITIONS:
            found.extend(_between_towns(doc[i]))
        token = doc[i]
        if words[i] in TARGET_PREPOSITIONS and hung_on_an_attack(token):
            # the target itself a place: not "strikes against ISIL in Syria", whose place is its own phrase
            target = _phrase_head(token)
            extent = (
                _place_from_preposition(token, max_tokens) if target and a_target_place(target[0]) else None
            )
            found.extend([PlaceCandidate(*extent, i, True, False)] if extent is not None else [])
        if words[i] not in PLACE_PREPOSITIONS and words[i] not in NAMING_PREPOSITIONS:
            continue
        named = _state_then_name(doc, i, words, sentence.end)
        if named is not None:
            part = words[i] in PART_PREPOSITIONS
            found.append(
                PlaceCandidate(*named, i, True, part, role=_phrase_role(token, doc[named[0] : named[1]]))
            )
            continue
        if words[i] not in PLACE_PREPOSITIONS and not _acting_event(token):
            continue
        # a sentence the parser rooted on its opening "In" still names its place there
        joined = _joined_preposition(token)
        if (token.dep_ not in ("prep", "ROOT") and joined is None) or _inside_an_area_phrase(token):
            continue
        extent = _place_from_preposition(token, max_tokens)
        if extent is None:
            continue
        cue = joined or token  # the phrase hangs where its first preposition does
        role = _phrase_role(cue, doc[extent[0] : extent[1]])
        found.append(PlaceCandidate(extent[0], extent[1], cue.i, True, _part_of_a_place(token), role=role))
    return found


def _inside_an_area_phrase(prep: Token) -> bool:
    """ "on a village in Sagaing region": a phrase on an area word that a place phrase of its own takes in
    whole; not one on an area word the verb struck ("struck a shopping centre in Kremenchuk")."""
    area = prep.head
    return area.lower_ in AREA_WORDS and not (area.dep_ in ("dobj", "nsubjpass") and area.head.pos_ == "VERB")


def _between_towns(prep: Token) -> list[PlaceCandidate]:
    """ "on the road between Gao and Ansongo": the stretch between two towns the gazetteer knows, whole (not
    "clashes between Russia and Ukraine", no two towns; nor "talks between Sanaa and Aden", who spoke)."""
    first = next((c for c in prep.children if c.dep_ == "pobj"), None)
    pair = [first, *(c for c in first.children if c.dep_ == "conj")] if first is not None else []
    names = [" ".join([c.text for c in t.lefts if c.dep_ == "compound"] + [t.text]) for t in pair]
    towns = len(pair) == 2 and not _where_spoken(prep.head)
    towns = towns and all(gazetteer().kind_of(name) == "town" for name in names)
    return [PlaceCandidate(prep.i, pair[-1].i + 1, prep.i, True, True)] if towns else []


def _joined_preposition(token: Token) -> Token | None:
    """ "in and around El Fasher": the first of two joined prepositions, which the parser left no object."""
    head = token.head
    joined = token.dep_ == "conj" and head.dep_ == "prep" and head.lower_ in PLACE_PREPOSITIONS
    return head if joined and not any(c.dep_ == "pobj" for c in head.children) else None


def _state_then_name(doc: Doc, i: int, words: list[str], limit: int) -> tuple[int, int] | None:
    """ "near occupied Melitopol", "the shelling of rebel-held Douma": a place preposition (or the "of" of an
    attack), a word of the place's state, then its name, read from the words: the small model often takes
    the name for the subject of the verb after it and leaves the preposition without an object."""
    state = _state_length(words, i + 1) if i + 2 < limit else 0
    if not state:
        return None
    if words[i] not in PLACE_PREPOSITIONS and word_lemma(words[i - 1] if i else "") not in NO_PLACE_HEADS:
        return None  # "the governor of occupied Zaporizhzhia": a post's, not an attack's, "of"
    start = end = i + 1 + state
    while end < limit and end - start < 7 and doc[end]._.place_name_part:
        end += 1
    while end > start and (doc[end - 1].text in NAME_JOINERS or words[end - 1] in NAME_PARTICLES):
        end -= 1
    return (start, end) if end > start else None


def _attacked_place_candidates(doc: Doc) -> list[PlaceCandidate]:
    """A named place an attack verb takes as its object ("shelled El Fasher", "bombed Kherson"): where the
    attack and what it did happened, whatever label the model gave the name. The proper-noun objects are
    read from the arrays: a Token is made for those alone."""
    deps, tags = doc.to_array([DEP, POS]).T
    objects = numpy.flatnonzero((deps == get_string_id("dobj")) & (tags == get_string_id("PROPN"))).tolist()
    found = _attacked_site_candidates(doc, numpy.flatnonzero(deps == get_string_id("dobj")).tolist())
    for token in (doc[i] for i in objects):
        if token.head.lemma_.lower() not in ATTACK_VERBS or named_site_start(token) is not None:
            continue
        start = token.left_edge.i
        while start < token.i and not doc[start].is_title:
            start += 1  # "the city of", an article: the name alone
        name = doc[start : token.i + 1]
        if (
            token.ent_type_ in PLACE_ENTITIES
            or gazetteer().kind_of(name.text) in GAZETTEER_PLACES
            or _described_as_a_place(token)
        ):
            found.append(PlaceCandidate(start, token.i + 1, token.head.i, True, False))
    return found


def _attacked_site_candidates(doc: Doc, objects: list[int]) -> list[PlaceCandidate]:
    """A named camp or base an attack verb takes as its object, with the place phrase on it ("hit Ain
    al-Asad air base in western Iraq"): where the attack and what it did happened."""
    found = []
    for token in (doc[i] for i in objects):
        start = named_site_start(token) if token.head.lemma_.lower() in ATTACK_VERBS else None
        if start is None:
            continue
        end = _phrase_end(doc, token, token.right_edge.i + 1)
        while end > token.i + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "det", "prep")):
            end -= 1
        found.append(
            PlaceCandidate(
                start, _wider_place(doc, end, sentence_bounds(doc, token.i)[1]), token.head.i, True, False
            )
        )
    return found


def _relative_place_candidates(doc: Doc) -> list[PlaceCandidate]:
    """A name that a relative clause only a place takes hangs on ("sent troops to Marawi, where militants
    killed 9"): a place, whatever label the model gave it; the clause's claims happened there."""
    found = []
    clauses = numpy.flatnonzero(doc.to_array([DEP]) == get_string_id("relcl")).tolist()
    for clause in (doc[i] for i in clauses):
        if (
            clause.head.pos_ != "PROPN"
            or clause.head.ent_type_ in ("DATE", "TIME")
            or not any(c.lower_ in PLACE_RELATIVES and c.tag_ == "WRB" for c in clause.children)
        ):
            continue
        name = clause.head
        start = name.left_edge.i
        while start < name.i and not doc[start].is_title:
            start += 1  # "the town of", an article: the name alone
        found.append(PlaceCandidate(start, name.i + 1, name.i, True, False))
    return found


def _acting_event(of: Token) -> bool:
    """The "of" of an attack that acts as a subject or an object ("Russian shelling of Nikopol damaged 10
    houses"): the place it names is where the attack was (under a place preposition the phrase's own
    preposition reads it: "in the shelling of Kherson")."""
    event = of.head
    return (
        of.dep_ == "prep"
        and event.dep_ in ("nsubj", "nsubjpass", "dobj")
        and (event.lower_ in NO_PLACE_HEADS or word_lemma(event.lower_) in NO_PLACE_HEADS)
    )


def _entity_extent(ent: Span) -> int:
    """A named place with the place words after it: "Andar district, Ghazni province"."""
    doc = ent.doc
    end = ent.end
    limit = sentence_bounds(doc, ent.start)[1]
    while end < limit and doc[end].lower_ in AREA_WORDS:
        end += 1
    if (
        end + 1 < limit
        and doc[end].text == ","
        and doc[end + 1].ent_type_ in PLACE_ENTITIES
        and doc[end + 1].dep_ != "poss"  # "..., Ukraine's air force said": whose, no larger place
    ):
        end += 1
        while end < limit and (doc[end].ent_type_ in PLACE_ENTITIES or doc[end].lower_ in AREA_WORDS):
            end += 1
    return end


def _entity_candidates(doc: Doc) -> list[PlaceCandidate]:
    found = []
    for ent in entities_in(doc, labels=PLACE_ENTITIES):
        kind = "facility" if ent.label_ == "FAC" else None
        start = ent.start
        while start < ent.end - 1 and doc[start].dep_ == "det":
            start += 1  # "the Nad Ali district": the model may take the article into the name
        found.append(PlaceCandidate(start, _entity_extent(ent), ent.root.i, False, False, kind))
        found[-1].role = entity_role(ent)
    return found


def _settle(candidates: list[PlaceCandidate]) -> list[PlaceCandidate]:
    """One candidate per stretch of text: the longest (a chain "Andar district, Ghazni province" over its
    links); a phrase keeps the cue and the part flag of the shorter phrases it swallows."""
    kept: list[PlaceCandidate] = []
    for cand in sorted(candidates, key=lambda c: (not c.phrase, -(c.end - c.start), c.start)):
        over = next((k for k in kept if k.start < cand.end and cand.start < k.end), None)
        if over is None:
            kept.append(cand)
        elif cand.phrase and over.phrase and cand.cue < over.start:
            over.cue = cand.cue  # "near" before the pattern's place
            over.part = over.part or cand.part
            if cand.role != WHERE:
                over.role = cand.role
    return sorted(kept, key=lambda c: c.start)


def place_kind(span: Span, given: str | None = None) -> str:
    """country, province, district, town, area, facility or airspace: the kind word that ends the first
    link of a place ("Andar district"), else what the gazetteer knows of the name, else the entity label."""
    link = span
    comma = next((t.i for t in span if t.text == ","), None)
    if comma is not None and comma > span.start:
        link = span.doc[span.start : comma]
    last = link[-1].lower_
    if given and given != "area":
        return given
    if last in KIND_OF_WORD:
        return KIND_OF_WORD[last]
    if given:
        return given
    known = gazetteer().kind_of(link.text)
    if known:
        return known
    if link.root.ent_type_ == "FAC":
        return "facility"
    return "area" if link.root.ent_type_ == "LOC" else "town"


class PlaceFinder:
    """Finds the places of a document: place phrases after prepositions, the patterns of
    place_patterns.json, and the parser's GPE/LOC/FAC entities, each once, with its kind and role."""

    def __init__(self, nlp: Language, name: str, *, max_phrase_tokens: int = 14):
        register_place_extensions()
        self.name = name
        self.max_phrase_tokens = max_phrase_tokens
        self.matcher, self.entries = build_place_matcher(nlp, PLACE_PATTERNS)
        self.words = pattern_words(
            [
                _expand(entry["pattern"], PLACE_PATTERNS)
                for entry in require(PLACE_PATTERNS, "patterns", list, "")
            ]
        )
        gazetteer()  # read at load, with the rest of start-up, not at the first document

    def __call__(self, doc: Doc) -> Doc:
        candidates = _pattern_candidates(doc, self.matcher, self.entries, self.words)
        for sentence in sentence_spans(doc):
            candidates.extend(_phrase_candidates(doc, sentence, self.max_phrase_tokens))
        candidates.extend(_attacked_place_candidates(doc))
        candidates.extend(_relative_place_candidates(doc))
        # before the model's entities: the parser takes a heading's name for the subject it opens
        candidates.extend(PlaceCandidate(start, end, start, False, False) for start, end in topic_places(doc))
        candidates.extend(_entity_candidates(doc))
        spans = []
        for cand in _settle(candidates):
            span = Span(doc, cand.start, cand.end)
            span = Span(doc, cand.start, cand.end, label=place_kind(span, cand.kind))
            span._.place_cue, span._.place_phrase = cand.cue, cand.phrase
            span._.place_part, span._.place_role = cand.part, cand.role
            spans.append(span)
        doc.spans[PLACES_GROUP] = spans
        return doc


def clean_place(text: str) -> str:
    """A place's words without the spacing and punctuation around them."""
    return re.sub(r"\s+", " ", text).strip(" ,;:-\u2013\u2014\"'\u201c\u201d")


@evaluated_annotations
@Language.factory("briefing_places", default_config={"max_phrase_tokens": 14})
def make_place_finder(nlp: Language, name: str, max_phrase_tokens: int) -> PlaceFinder:
    """The place finder as a pipeline component."""
    return PlaceFinder(nlp, name, max_phrase_tokens=max_phrase_tokens)
