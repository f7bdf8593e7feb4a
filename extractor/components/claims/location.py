"""Where a claim happened: the places span group read for a claim's own clause."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from extractor.components.claims.memo import remembered
from extractor.components.claims.tokens import _clean, names_a_speaker
from extractor.components.claims.vocabulary import (
    OTHER_EVENT_NOUNS,
    OTHER_EVENT_WORDS,
    OTHER_PLACE_ADVERBS,
    PLACE_ROLE_WHERE,
    PLACES_GROUP,
    SENTENCE_ENDS,
    ClaimVocabulary,
)
from extractor.components.document import document_text, entities_in, sentence_bounds
from extractor.vocabulary import load_data, place_kind_words, require

# "city" -> "town": the kind of place a common noun names, for "the city's Qasr Talil district"
KIND_OF_WORD = place_kind_words()
_KINDS_BY_SIZE = require(load_data("place_patterns"), "kinds_by_size", dict, "place_patterns.json")
# "town" -> 0, ... "country" -> 3: a place span's label is its kind (the place finder's)
KIND_SIZE = {
    kind: size for size, kind in enumerate(require(_KINDS_BY_SIZE, "kinds", list, "place_patterns.json"))
}
# the relations of a clause that describes a noun ("a militant linked to attacks in Tunisia", "a leader who
# plans attacks in Ghazni"): what it tells happened elsewhere or before
DESCRIBING_CLAUSES = frozenset({"acl", "relcl"})
# the kinds of place that hold towns and districts: the less specific of two places named for a claim
WIDE_KINDS = frozenset({"country", "province"})
# a figure set beside a total or joined to one that is: a part, which may name its own place
PART_DEPS = frozenset({"appos", "conj"})
# and a figure the parser hung on the verb as an adverb ("downed 12 drones over Kursk, 3 over Oryol")
PART_FIGURE_DEPS = PART_DEPS | {"npadvmod"}
# "a commander of Kunduz province": the place a person or thing is of, not where the claim happened
NAMING_PREPOSITIONS = frozenset(require(load_data("places"), "naming_prepositions", list, "places.json"))
# doc.user_data key: the places that tell where, by start (_where_places)
WHERE_PLACES_KEY = "briefing_extractor.claim_where_places"


def _places_of(sentence: Span) -> list[Span]:
    """The places the place finder left in `sentence` that may be a claim's (not a dateline's city, a
    body's seat, a force's possessor, a count of places)."""
    doc = sentence.doc
    group = doc.spans[PLACES_GROUP] if PLACES_GROUP in doc.spans else ()
    start = _line_fragment_start(sentence)
    starts, positions = _where_places(doc, group)
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, sentence.end, first)
    return [group[k] for k in sorted(positions[first:last])]


def _where_places(doc: Doc, group) -> tuple[list[int], list[int]]:
    """The starts of the places of `group` that tell where, sorted, with each one's position in the group:
    read once per document, as each claim and each sentence before it asks for its own."""
    key = f"{PLACES_GROUP} {len(group)}"
    cached = doc.user_data.get(WHERE_PLACES_KEY)
    if cached is None or cached[0] != key:
        where = sorted((p.start, k) for k, p in enumerate(group) if p._.place_role == PLACE_ROLE_WHERE)
        cached = doc.user_data[WHERE_PLACES_KEY] = (key, [s for s, _ in where], [k for _, k in where])
    return cached[1], cached[2]


def _line_fragment_start(sentence: Span) -> int:
    """Where the sentence's own line item begins when the parser broke the item at a comma ("- Near Irbil" |
    ", one strike destroyed ..."): the item's opening is the sentence's too; else the sentence's start."""
    doc = sentence.doc
    text = document_text(doc)
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    before = text[line_start : sentence.start_char].rstrip()
    if not before or before.endswith(SENTENCE_ENDS):
        return sentence.start
    span = doc.char_span(line_start, sentence.start_char, alignment_mode="expand")
    if span is None or sentence_bounds(doc, span.start)[1] != sentence.start:
        return sentence.start  # more than one sentence before it on the line: a paragraph, no item
    return span.start


@remembered
def find_location(
    sentence: Span,
    anchor: Token | None,
    vocab: ClaimVocabulary,
    figure: Token | None = None,
    counted: Token | None = None,
) -> str | None:
    """The most specific place named for the claim: a place phrase hung on its own figure ("9 strikes: six
    near Raqqa and three near Mosul"), a place phrase in the clause of `anchor` (and of its `counted` noun
    when the verb counts several), else a place named in the sentence (not one that speaks or acts: "Russia
    says ...")."""
    doc = sentence.doc
    places = _places_of(sentence)
    phrases = [(doc[p._.place_cue], p) for p in places if p._.place_phrase]
    own = [
        p for p in places if figure is not None and figure.dep_ in PART_FIGURE_DEPS and _hung_on(p) == figure
    ]
    if own:
        return _clean(own[0].text)
    places, phrases = _without_other_parts_places(places, phrases, figure)
    places, phrases = _without_sources_places(places, phrases)
    if (
        anchor is not None
        and anchor.tag_ == "VBG"
        and anchor.dep_ in ("advcl", "conj")
        and anchor.head.pos_ == "VERB"
    ):
        # "carried out strikes in western Libya, killing 40 people in an operation targeting a suspect
        # linked to attacks in Tunisia": a participle's figure happened where the verb it hangs on did
        anchor = anchor.head
    if anchor is not None:
        own = [p for p in places if not _other_events_place(doc[p._.place_cue], anchor, vocab)]
        if own or _named_before(sentence, vocab):
            # "killed a militant linked to attacks in Tunisia": his attacks' place only when nothing else
            # names one ("captured a facilitator involved in attacks throughout Khost province")
            places = own
            phrases = [p for p in phrases if p[1] in own]
    if phrases:
        return _from_phrases(phrases, anchor, counted)
    if not places:
        return None
    target = anchor.i if anchor is not None else places[0].start
    return _clean(min(places, key=lambda p: abs(p.start - target)).text)


def _from_phrases(phrases: list[tuple[Token, Span]], anchor: Token | None, counted: Token | None) -> str:
    """The place of the phrase of the claim's own clause, with the place that holds it."""
    if anchor is not None:
        # within the anchor's subtree, asked of each cue rather than walking the whole subtree
        under = [p for p in phrases if p[0].i == anchor.i or anchor.is_ancestor(p[0])]
        # a joined verb's own count makes its place its own only while the claim's clause names one too
        # ("destroying 17 vehicles and killing 50 terrorists in Daraa countryside": both there)
        in_clause = [p for p in under if not _in_a_joined_clause(p[0], anchor, counts=True)] or [
            p for p in under if not _in_a_joined_clause(p[0], anchor, counts=False)
        ]
        phrases = in_clause or phrases
    choices = _the_counts_own_phrases(phrases, counted)
    target = anchor.i if anchor is not None else phrases[0][0].i
    # "in Syria on the eastern bank of the Euphrates": the part of a place before the place it is in; of
    # two parts, a town before a region ("In the Kharkiv region, shelling killed a man in the village X")
    best = min(
        choices,
        key=lambda p: (
            _clause_depth(p[0], anchor),
            not p[1]._.place_part,
            p[1].label_ in WIDE_KINDS,
            abs(p[0].i - target),
        ),
    )[1]
    return _with_holding_place(best, [p for _, p in phrases])


def _in_a_joined_clause(cue: Token, anchor: Token, counts: bool) -> bool:
    """A place phrase inside a clause joined to the claim's with a subject or a count of its own: "the army
    killed 14 insurgents in Kunar and police detained 6 suspects in Laghman" puts the 14 in Kunar alone, as
    "killed 30 militants in the Lake Chad region and arrested 12 in Maiduguri" puts the 30 (`counts`: a
    count of its own is enough)."""
    for word in (cue, *cue.ancestors):
        if word.i == anchor.i:
            return False
        if word.dep_ == "conj" and any(
            c.dep_ in ("nsubj", "nsubjpass") or counts and _a_count(c) for c in word.children
        ):
            return True
    return False


def _a_count(word: Token) -> bool:
    """The object of a verb that is a figure or counted by one ("arrested 12", "destroyed 2 howitzers")."""
    return word.dep_ == "dobj" and (word.like_num or any(c.dep_ == "nummod" for c in word.children))


def _the_counts_own_phrases(
    phrases: list[tuple[Token, Span]], counted: Token | None
) -> list[tuple[Token, Span]]:
    """The place phrases the claim may take when its verb counts several things, each with its own place
    ("destroyed 3 tanks near Bakhmut and 2 howitzers near Avdiivka"): the one hung on its own counted noun,
    else those not hung on another count's noun while one stands after its own (the parser may hang the
    first count's place on the verb); with none of its own, the counts share the sentence's places."""
    if counted is None:
        return phrases
    siblings = [w for w in counted.head.children if w.dep_ == counted.dep_ and w.i != counted.i]
    others = {
        w.i
        for w in (*counted.conjuncts, *siblings, *_joined_to_the_verb(counted))
        if w.i != counted.i
        and w.pos_ != "VERB"
        and (w.like_num or any(c.dep_ == "nummod" for c in w.children))
    }
    if not others:
        return phrases
    # not "a commander of Kunduz province and two advisors were killed": whose he was, not where
    own = [
        p for p in phrases if _hung_on(p[1]).i == counted.i and _preposition(p[1]) not in NAMING_PREPOSITIONS
    ]
    if own:
        return own
    rest = [p for p in phrases if _hung_on(p[1]).i not in others]
    if len(rest) < len(phrases) and any(cue.i > counted.i for cue, _ in rest):
        return rest
    return phrases


def _joined_to_the_verb(counted: Token) -> list[Token]:
    """The other count of a verb's object when the parser joined the second count to the verb rather than
    to the first ("destroyed 3 tanks near Bakhmut and 2 howitzers near Avdiivka", "howitzers" a conjunct of
    "destroyed"): the first's, for the second; the second's, for the first."""
    verb = counted.head
    if counted.dep_ == "conj" and verb.pos_ == "VERB":
        return [c for c in verb.children if c.dep_ == "dobj"]
    if counted.dep_ == "dobj" and verb.pos_ == "VERB":
        return [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    return []


def _without_other_parts_places(
    places: list[Span], phrases: list[tuple[Token, Span]], figure: Token | None
) -> tuple[list[Span], list[tuple[Token, Span]]]:
    """The places of a sentence less those hung on another part's figure: "intercepted 10 drones over the
    Rostov region, 4 over Bryansk and 2 over Crimea" puts the 10 over the Rostov region alone, Bryansk being
    the 4's own place and no town within the region."""
    if figure is None:
        return places, phrases
    theirs = set()
    for place in places:
        word = _hung_on(place)
        if word != figure and word.dep_ in PART_FIGURE_DEPS and word.like_num:
            theirs.add(place.start)
    if not theirs or len(theirs) == len(places):
        return places, phrases
    return [p for p in places if p.start not in theirs], [(c, p) for c, p in phrases if p.start not in theirs]


def _without_sources_places(
    places: list[Span], phrases: list[tuple[Token, Span]]
) -> tuple[list[Span], list[tuple[Token, Span]]]:
    """The places of a sentence less those inside a source's words ("killed 14 soldiers, a military source
    in Goma said"), while the sentence names another; a source's place alone stays the claim's, as a local
    official mostly speaks of his own town."""
    theirs = {p.start for p in places if names_a_speaker(p[0])}
    if not theirs or len(theirs) == len(places):
        return places, phrases
    return [p for p in places if p.start not in theirs], [(c, p) for c, p in phrases if p.start not in theirs]


def _preposition(place: Span) -> str:
    """The preposition a place's phrase opens with, "" for none."""
    cue = place.doc[place._.place_cue]
    if cue.dep_ == "pobj":
        cue = cue.head
    return cue.lower_ if cue.dep_ == "prep" else ""


def _hung_on(place: Span) -> Token:
    """The word a place's phrase hangs on: "4 over Bryansk" hangs Bryansk on the 4, whether the place
    finder took it from its preposition or from the parser's entity."""
    cue = place.doc[place._.place_cue]
    if cue.dep_ == "pobj" and cue.head.dep_ == "prep":
        cue = cue.head
    return cue.head if cue.dep_ == "prep" else cue


def _with_holding_place(best: Span, others: list[Span]) -> str:
    """The claim's place named with the place that holds it when the sentence names both: "Tokmak,
    Zaporizhzhia province", "Sabari district, Khost"."""
    doc = best.doc
    place = _clean(best.text)
    apart = [other for other in others if other.end <= best.start or other.start >= best.end]
    names = {t.lower_ for t in best if t.pos_ == "PROPN"}
    within = [
        other
        for other in apart
        if KIND_SIZE.get(best.label_, 0) >= KIND_SIZE["province"]
        and _holds(best, other)
        and not {t.lower_ for t in other if t.is_alpha} & names
    ]
    if within:
        # "in Tokmak, in Zaporizhzhia province": the town first, then the province that holds it (unless
        # the town's phrase runs on into it)
        smaller = _clean(within[0].text)
        return smaller if place in smaller else f"{smaller}, {place}"
    if best._.place_part:
        # "In Khost last night, a force searched a compound in the Sabari district": the part, then the
        # larger place it is in when the sentence names one
        larger = [
            # "the Kharkiv region's Kupiansk district": a province named with its kind word, whole
            _clean(other.text) if _a_named_province(other) else _clean(ent.text)
            for other in apart
            if not other._.place_part
            for ent in entities_in(doc, other.start, other.end)
            if ent.label_ in ("GPE", "LOC")
        ]
        if larger and larger[0] not in place:
            place = f"{place}, {larger[0]}"
    return _name_the_possessor(best, place)


def _a_named_province(place: Span) -> bool:
    """A province named by its name and kind word alone ("the Kharkiv region", "Hama countryside", "Gezira
    state", whose "state" the place finder's pattern read as a province's word in lower case after a name)."""
    return (
        place.label_ == "province"
        and len(place) > 1
        # "countryside" is a province's word and an area's
        and (place[-1].lower_ in KIND_OF_WORD or place[-1].is_lower and place[-1].is_alpha)
        and all(t.pos_ == "PROPN" for t in place[:-1])
    )


def _named_before(sentence: Span, vocab: ClaimVocabulary, lookback: int = 3) -> bool:
    """Whether one of the few sentences before `sentence` names a place a claim may take."""
    doc = sentence.doc
    start = sentence.start
    for _ in range(lookback):
        if start == 0:
            return False
        earlier = doc[sentence_bounds(doc, start - 1)[0] : start]
        if _places_of(earlier):
            return True
        start = earlier.start
    return False


def _other_events_place(cue: Token, anchor: Token, vocab: ClaimVocabulary) -> bool:
    """A place phrase inside a clause that describes a noun of the claim's, and there hangs on an attack:
    "killed a militant linked to attacks in Tunisia" tells where his earlier attacks were, not where he was
    killed."""
    event = described = False
    for ancestor in cue.ancestors:
        if ancestor.i == anchor.i:
            return described
        lemma = ancestor.lemma_.lower()
        if not event and ancestor.pos_ == "NOUN" and lemma in vocab.operation_nouns:
            return False  # "attacks ... during a security operation in Nangarhar": the operation's place
        if ancestor.pos_ == "NOUN" and lemma in vocab.strike_nouns:
            event = True
        # "others injured in strikes on an air base": a clause of a claim verb is a claim's own clause
        own = ancestor.lemma_.lower() in vocab.verbs
        described = described or (event and ancestor.dep_ in DESCRIBING_CLAUSES and not own)
    return False


def _holds(larger: Span, smaller: Span) -> bool:
    """Whether one place is of a kind that holds the other's (a province a town's), both kinds known."""
    size, other = KIND_SIZE.get(larger.label_), KIND_SIZE.get(smaller.label_)
    return size is not None and other is not None and size > other


def _name_the_possessor(place: Span, text: str) -> str:
    """ "the city's Qasr Talil district" after "the Libyan city of Sabratha": the district, and the nearest
    place of the possessor's kind the text named before it ("Qasr Talil district, Sabratha")."""
    first = place[0]
    kind = KIND_OF_WORD.get(first.lower_)
    if first.dep_ != "poss" or kind is None or len(place) < 3:
        return text
    group = place.doc.spans[PLACES_GROUP]
    named = [
        p
        for p in group
        if p.end <= place.start
        and p.label_ == kind
        and p[0].pos_ == "PROPN"
        and p._.place_role == PLACE_ROLE_WHERE
    ]
    if not named:
        return text
    own = place[1:] if place[1].tag_ != "POS" else place[2:]
    return f"{_clean(own.text)}, {_clean(named[-1].text)}"


def _clause_depth(token: Token, anchor: Token | None) -> int:
    """How many clauses down from the claim's verb a place phrase stands: "detained five suspects as they
    targeted a commander associated with attacks on the district center" puts the center two clauses down."""
    if anchor is None:
        return 0
    depth = 0
    for ancestor in token.ancestors:
        if ancestor.i == anchor.i:
            return depth
        if ancestor.dep_ in ("acl", "relcl", "advcl", "ccomp", "xcomp"):
            depth += 1
    return depth


def place_of_its_source(sentence: Span, location: str | None) -> bool:
    """Whether a claim's place is named only inside the words of its source ("killed 11 soldiers, a military
    source in Goma said"): the source's own place, a claim of another source's takes it from no one."""
    return location is not None and any(
        names_a_speaker(p[0]) and _clean(p.text) == location for p in _places_of(sentence)
    )


def tells_of_another_event(sentence: Span, vocab: ClaimVocabulary) -> bool:
    """Whether a sentence tells of another event than the one told before ("In a separate attack, bandits
    killed 4 herders", "in another incident", "Elsewhere, ..."): its claims take no place from the sentences
    before."""
    nouns = vocab.strike_nouns | vocab.operation_nouns | OTHER_EVENT_NOUNS
    opener = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    if opener is not None and opener.lower_ in OTHER_PLACE_ADVERBS:
        return True  # "Elsewhere, 4 soldiers were killed in clashes"
    return any(
        token.lemma_.lower() in nouns
        and any(c.dep_ in ("amod", "det") and c.lower_ in OTHER_EVENT_WORDS for c in token.children)
        for token in sentence
        if token.pos_ == "NOUN"
    )


def _earlier_place(
    sentences: list[Span], index: int, vocab: ClaimVocabulary, lookback: int, speaker: str | None = None
) -> str | None:
    """A place named in the sentences just before a claim that names none: "In Khost last night, a joint
    force searched a compound. ... the force detained a suspected insurgent"; first, the place of the next
    sentence when that one goes on about the same strike ("... struck a facility. The strike took place
    north of Palmyra"). Not the place of another source than the claim's `speaker` ("..., a military source in
    Goma said. The rebels said they killed 40 soldiers": where that source is)."""
    if index + 1 < len(sentences) and _about_the_same_strike(sentences[index + 1], vocab):
        place = find_location(sentences[index + 1], None, vocab)
        if place is not None:
            return place
    sources = sentences[index].doc._.sentence_speakers or {}
    for earlier in reversed(sentences[max(0, index - lookback) : index]):
        place = find_location(earlier, None, vocab)
        if sources.get(earlier.start) not in (None, speaker) and place_of_its_source(earlier, place):
            continue
        if place is not None:
            return place
    return None


def _about_the_same_strike(sentence: Span, vocab: ClaimVocabulary) -> bool:
    """A sentence whose subject is a strike the text has told of, named with a definite article or a
    demonstrative and no number ("The strike took place ...", "These raids hit ...")."""
    root = sentence.root
    for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
        determiners = [c for c in subject.children if c.dep_ == "det"]
        definite = any(
            "Def" in c.morph.get("Definite") or "Dem" in c.morph.get("PronType") for c in determiners
        )
        counted = any(c.dep_ == "nummod" for c in subject.children)
        if subject.lemma_.lower() in vocab.strike_nouns and definite and not counted:
            return True
    return False
