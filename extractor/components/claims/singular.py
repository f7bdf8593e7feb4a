"""The readings of a sentence's nouns that carry no figure as claims: "a tank was destroyed", "the
commander was killed", and the people a pronoun stands for ("they were killed")."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractor.components.claims.finding import ClaimFinding
from extractor.components.claims.frames import (
    _hypothetical,
    _kind_for,
    _misparsed_body,
    _negated,
    _phrase_start,
    _singular_candidates,
    clause_result,
    governing_verb,
    past_age,
    verb_effect,
)
from extractor.components.claims.policy import MAX_EVIDENCE_TOKENS
from extractor.components.claims.readings import _char_extent, _headline_verb, _with_verb
from extractor.components.claims.tokens import (
    _acronym,
    _clean,
    _is_nominal,
    _lemma,
    _text_of,
    is_person,
    names_a_speaker,
)
from extractor.components.claims.vocabulary import (
    ANOTHER_WORDS,
    DEFINITE_ARTICLES,
    DEFINITE_WORDS,
    GROUP_PREPOSITIONS,
    GROUP_PRONOUNS,
    INCLUSION_WORDS,
    INDEFINITE_ARTICLES,
    INVARIANT_PLURALS,
    ONE_DETERMINERS,
    PARTITIVE,
    QUANTIFIER_WORDS,
    SINGULAR_DEMONSTRATIVES,
    SOURCE_PREPOSITIONS,
    TARGET_PREPOSITIONS,
    TOTALITY_WORDS,
    UNCOUNTED_ENTITIES,
    UNCOUNTED_LOSS_NOUNS,
    WHOSE_LOSS_NOUNS,
    ClaimVocabulary,
)
from extractor.components.claims.wording import claiming_verb, names_a_role, strike_made_by_someone
from extractor.components.document import lower_words, sentence_bounds, sentence_of
from extractor.vocabulary import TargetTaxonomy, load_data, require

# "Both insurgents were killed": a determiner that counts the plural noun it stands on
NUMBER_DETERMINERS: dict[str, int] = require(load_data("numbers"), "number_determiners", dict, "numbers.json")
# "twice as many civilians": a degree before a quantifier makes a comparison, no count (numbers.json)
DEGREE_WORDS = frozenset(require(load_data("numbers"), "degree_words", list, "numbers.json"))

# the labels of the name parts the parser hangs on the noun they modify ("Lashkar" -nmod-> "commander", its
# "e" -nummod-> "Lashkar"): spaCy's dependency labels, not words
NAME_MODIFIER_DEPS = frozenset({"nmod", "nummod"})


def _singular_claims(
    doc: Doc,
    sentence: Span,
    vocab: ClaimVocabulary,
    taxonomy: TargetTaxonomy,
    taken: set[int],
    lines_taken: set[int],
    strike_seen: bool = False,
) -> list[ClaimFinding]:
    """Claims of one ("destroyed an ammunition depot", "killed the Taliban leader", "carried out an air
    strike") and bare plurals with no number ("killed insurgents")."""
    found = []
    candidates = _singular_candidates(doc)
    first_candidate = bisect.bisect_left(candidates, sentence.start)
    last_candidate = bisect.bisect_left(candidates, sentence.end, first_candidate)
    taken = taken | lines_taken
    for noun in (doc[i] for i in candidates[first_candidate:last_candidate]):
        reading = _singular_reading(noun, vocab, taxonomy, taken, strike_seen, sentence)
        if reading is None:
            continue
        kind, value, quantifier, effect, verb = reading
        first, category, unit_end = _singular_words(doc, noun, kind, sentence, vocab)
        if unit_end is not None:
            taken = taken | set(range(noun.i, unit_end))
        start_token, end_token = _with_verb(first, noun.i + 1, verb)
        start_token = max(start_token, end_token - MAX_EVIDENCE_TOKENS)
        evidence_start, evidence_end = _char_extent(doc, start_token, end_token)
        found.append(
            ClaimFinding(
                kind=kind,
                value=value,
                quantifier=quantifier,
                category=category or None,
                effect=effect if kind in ("targets", "casualties") else None,
                evidence_start=evidence_start,
                evidence_end=evidence_end,
                sentence_start=sentence.start_char,
                sentence_end=sentence.end_char,
                verb_index=verb.i,
                noun_index=noun.i,
                definite=any(
                    c.dep_ == "det" and c.lower_ in DEFINITE_ARTICLES | SINGULAR_DEMONSTRATIVES
                    for c in noun.children
                ),
                member=any(c.ent_type_ == "ORDINAL" and c.dep_ == "amod" for c in noun.children),
            )
        )
    return found


def _singular_words(
    doc: Doc, noun: Token, kind: str, sentence: Span, vocab: ClaimVocabulary
) -> tuple[int, str | None, int | None]:
    """Where a singular claim's words start, what it counts as worded, and the end of a named unit's words
    ("a mobile sniper group of terrorists": the unit with whom it is made of, counted as one)."""
    first = _phrase_start(doc, _misparsed_body(noun, vocab) or noun, sentence.start)
    clause_subject = _compound_read_as_clause(*governing_verb(noun, vocab), vocab)
    if clause_subject is not None:
        first = min(first, _phrase_start(doc, clause_subject, sentence.start))
    if _after_abbreviation(noun):
        first = min(first, _phrase_start(doc, noun.head, sentence.start))  # "a device (IED) factory"
    elif any(t.tag_ == "-RRB-" for t in doc[noun.left_edge.i : noun.i]):
        first = min(first, max(noun.left_edge.i, sentence.start))  # the same, parsed as one phrase
    if noun.dep_ == "conj":
        first = max(first, noun.left_edge.i)  # "a woman and child": the child's own words
    while first < noun.i and doc[first].dep_ in ("det", "poss", "case"):  # "the facilitator's driver"
        first += 1
    category = None
    last = noun.i + 1
    unit_end = None
    if _named_unit(noun, vocab):
        members = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in PARTITIVE]
        if members:
            last = unit_end = members[0].right_edge.i + 1
    if kind in ("targets", "casualties"):
        if noun.pos_ == "PROPN" and (noun.ent_type_ == "PERSON" or kind == "casualties"):
            appositions = [c for c in noun.children if c.dep_ == "appos"]
            category = _text_of(appositions[0]) if appositions else _person_title(noun)
        else:
            category = _clean(doc[past_age(doc, first, noun.i) : last].text)
    return first, category, unit_end


def _pronoun_claims(
    doc: Doc, sentence: Span, vocab: ClaimVocabulary, taken: set[int], counted: set[int]
) -> list[ClaimFinding]:
    """One person killed, wounded or detained who is named by a pronoun ("He was engaged and killed", "the
    force returned fire, killing him"), unless the person it stands for was counted already; or by
    "another", one more of the person just counted ("one insurgent was killed and another detained")."""
    found = []
    words = lower_words(doc)
    for i in range(sentence.start, sentence.end):
        if words[i] not in vocab.person_pronouns | ANOTHER_WORDS or i in taken:
            continue
        pronoun = doc[i]
        verb, effect = _person_verb(pronoun, vocab)
        if verb is None or not _stands_alone(pronoun, verb):
            continue
        antecedent = _stands_for(pronoun, sentence, vocab, counted)
        if antecedent is None:
            continue
        start_token, end_token = _with_verb(pronoun.i, pronoun.i + 1, verb)
        evidence_start, evidence_end = _char_extent(doc, start_token, end_token)
        found.append(
            ClaimFinding(
                kind="casualties",
                value=1,
                category=_person_phrase(antecedent),
                effect=effect,
                evidence_start=evidence_start,
                evidence_end=evidence_end,
                sentence_start=sentence.start_char,
                sentence_end=sentence.end_char,
                verb_index=verb.i,
                noun_index=pronoun.i,
            )
        )
    return found


def _stands_alone(pronoun: Token, verb: Token) -> bool:
    """The pronoun is what the verb was done to: its object or passive subject, or the subject of a reduced
    passive ("one was killed and another wounded")."""
    if pronoun.dep_ in ("dobj", "nsubjpass"):
        return True
    return pronoun.dep_ == "nsubj" and pronoun.lower_ in ANOTHER_WORDS and verb.tag_ == "VBN"


def _stands_for(pronoun: Token, sentence: Span, vocab: ClaimVocabulary, counted: set[int]) -> Token | None:
    """The person a pronoun names when that person is not counted yet; for "another", the people just
    counted in the same sentence or the one before, of whom it is one more ("killed two insurgents and
    detained another", "One insurgent was killed. Another was detained.")."""
    if pronoun.lower_ in ANOTHER_WORDS:
        previous = sentence_bounds(pronoun.doc, sentence.start - 1)[0] if sentence.start else 0
        people = (t for t in reversed(pronoun.doc[previous : pronoun.i]) if t.i in counted)
        return next((t for t in people if is_person(t, vocab)), None)
    antecedent = _antecedent(pronoun, vocab)
    if antecedent is None:
        return None
    return None if antecedent.i in counted else antecedent


def _person_verb(pronoun: Token, vocab: ClaimVocabulary) -> tuple[Token | None, str | None]:
    """The claim verb a pronoun is the object or passive subject of, through verbs that share it ("was
    engaged and killed"), with the effect on a person."""
    head = pronoun.head
    shared = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for verb in [head, *shared]:
        if verb is not head and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        if _negated(verb) or _hypothetical(verb, vocab) or _headline_verb(verb, sentence_of(verb)):
            continue
        is_claim, effect = _person_effect(verb, pronoun, vocab)
        effect = "killed" if effect == "destroyed" else effect
        if is_claim and effect in ("killed", "wounded", "captured"):
            return verb, effect
    return None, None


def _antecedent(pronoun: Token, vocab: ClaimVocabulary) -> Token | None:
    """The person a pronoun stands for: the nearest single person named before it, in its sentence or the
    two before, a subject first ("a gunman fired from a rooftop near X. He was killed")."""
    sentences_back = 0
    people = []
    for token in reversed(pronoun.doc[max(0, pronoun.i - 80) : pronoun.i]):
        if token.is_sent_end and token.i < sentence_bounds(pronoun.doc, pronoun.i)[0]:
            sentences_back += 1
            if sentences_back > 2:
                break
        if token.dep_ != "compound" and token.tag_ in ("NN", "NNP") and is_person(token, vocab):
            people.append(token)
    subjects = [t for t in people if t.dep_ in ("nsubj", "nsubjpass")]
    return (subjects or people or [None])[0]


def _person_phrase(noun: Token) -> str:
    """A person as worded: a named one by the title before the name, else the noun and its modifiers."""
    if noun.pos_ == "PROPN":
        title = _person_title(noun)
        if title:
            return title
    if noun.tag_ == "NNS":  # one more of "several insurgents" is an "insurgent", without their count
        start, counts = _modifiers_start(noun), {t.i for span in noun.doc._.numbers or [] for t in span}
        while start < noun.i and start in counts:
            start += 1
        return _clean(f"{noun.doc[start : noun.i].text} {noun.lemma_}")
    return _clean(noun.doc[_modifiers_start(noun) : noun.i + 1].text)


def _person_title(noun: Token) -> str | None:
    """The title before a name: "Taliban leader" of "Taliban leader Mullah Abdul Rahman"."""
    first = _modifiers_start(noun)
    titles = [t for t in noun.doc[first : noun.i] if t.pos_ == "NOUN"]
    return _clean(noun.doc[first : titles[-1].i + 1].text) if titles else None


def _modifiers_start(noun: Token) -> int:
    # a count on the noun is the claim's value, not part of whom it counts ("One insurgent" -> "insurgent")
    left_out = ("det", "poss", "punct", "case", "nummod")
    modifiers = [t.i for t in noun.subtree if t.i < noun.i and t.dep_ not in left_out]
    return min(modifiers, default=noun.i)


def _looks_like_a_name(token: Token) -> bool:
    """A proper noun tagged as a person, or title-cased with no entity type (the small model leaves many
    Afghan and Arabic names unlabelled)."""
    return token.pos_ == "PROPN" and (
        token.ent_type_ == "PERSON" or token.ent_type_ == "" and token.is_title and not token.is_upper
    )


def _named_unit(noun: Token, vocab: ClaimVocabulary) -> bool:
    """A group or unit with words of its own ("a mobile sniper group", "a sabotage unit"): one thing; not
    "the Islamic State group", which names an organization."""
    children = list(noun.children)
    return (
        _lemma(noun) in vocab.unit_nouns
        and noun.dep_ != "pobj"  # "the leader of a terrorist group": whose group, not one lost
        and any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES | ANOTHER_WORDS for c in children)
        # "a sabotage unit", or whose unit it is: "a platoon from the 74th Brigade"
        and any(
            c.dep_ in ("amod", "compound")
            and not c.like_num
            or c.dep_ == "prep"
            and c.lower_ in SOURCE_PREPOSITIONS
            for c in children
        )
    )


@dataclass
class _OneReading:
    """A noun with no figure read as a claim: its determiners, the verb governing it and how."""

    noun: Token
    verb: Token | None  # None: no verb governs it (an indefinite strike may still be one)
    relation: str
    determiners: list[Token]
    indefinite: bool
    definite: bool
    singular: bool


def _singular_reading(
    noun: Token,
    vocab: ClaimVocabulary,
    taxonomy: TargetTaxonomy,
    taken: set[int],
    strike_seen: bool = False,
    sentence: Span | None = None,
):
    """(kind, value, quantifier, effect, verb) when `noun` is a counted thing with no figure, else None."""
    if not _singular_candidate(noun, vocab, taxonomy, taken):
        return None
    one = _one_reading(noun, vocab, taken)
    if one is None:
        return None
    if one.verb is None:
        # "after another strike by regime forces": an indefinite strike named with its maker is one strike
        made = one.indefinite and one.singular and strike_made_by_someone(noun, vocab)
        return ("strikes", 1, None, None, noun) if made else None
    sentence = sentence if sentence is not None else sentence_of(noun)
    if not _claiming_verb(one, vocab, sentence) or _named_member(one, vocab):
        return None
    strike = _one_strike(one, vocab, strike_seen)
    if strike is not None:
        return strike
    if (one.relation == "subject" or noun.dep_ == "attr") and one.singular and one.indefinite:
        return _subject_reading(noun, one.verb, vocab)
    if one.relation not in ("object", "passive", "nominal"):
        return None
    return _one_loss(one, vocab, taxonomy)


def _singular_candidate(
    noun: Token, vocab: ClaimVocabulary, taxonomy: TargetTaxonomy, taken: set[int]
) -> bool:
    """Whether a noun with no figure may be a thing counted: no date or place, no word of a counted phrase."""
    if not _is_nominal(noun) or noun.i in taken or noun.dep_ in ("compound", "poss"):
        return False
    if noun.lower_ in ANOTHER_WORDS:
        return False  # "detained a third": one more of those counted before, no thing called a third
    if noun.ent_type_ in UNCOUNTED_ENTITIES:
        return False
    if names_a_role(noun):
        return False  # "arrived as a reinforcement": a role, not a thing
    if noun.dep_ == "appos" and names_a_speaker(noun):
        return False  # "killed 9 farmers, a local official said": the source the parser set beside them
    if any(_after_abbreviation(c) for c in noun.children):
        return False  # "an explosive device (IED) factory": the noun after the abbreviation is the head
    if _lemma(noun) in vocab.not_counted_nouns and not _named_unit(noun, vocab):
        # "a staging area" is a target where "the area" is a place
        if not taxonomy.names_at_head(
            [_lemma(c) for c in noun.children if c.dep_ == "compound"] + [_lemma(noun)]
        ):
            return False
    # a projective parse's subtree is a contiguous run: its part before the noun starts at the left edge
    return not any(i in taken for i in range(noun.left_edge.i, noun.i))


def _after_abbreviation(noun: Token) -> bool:
    """An appositive that follows a bracketed abbreviation ("an explosive device (IED) storage site"): the
    head of the whole phrase, which the parser hung on the words before the brackets."""
    # the brackets hang on the words before or on the appositive itself
    start = max(noun.left_edge.i - 1, 0)
    return noun.dep_ == "appos" and any(t.tag_ == "-RRB-" for t in noun.doc[start : noun.i])


def _compound_read_as_clause(verb: Token | None, relation: str, vocab: ClaimVocabulary) -> Token | None:
    """The subject of a clause the parser made of one noun phrase under a claim verb ("struck [an ISIL
    mortar] firing [position]", "struck [an ISIL vehicle] borne [explosive device]"): the noun before the
    false verb, its article the phrase's, where the claim verb has no object of its own; None else."""
    if verb is None or relation != "object" or verb.dep_ != "ccomp" or verb.head.i > verb.i:
        return None
    outer = verb.head
    if _lemma(outer) not in vocab.verbs or _lemma(verb) in vocab.verbs:
        return None
    if any(c.dep_ in ("dobj", "obj") and c.i < verb.i for c in outer.children) or any(
        c.dep_ in ("aux", "auxpass", "mark", "neg") for c in verb.children
    ):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "compound")
            and c.i == verb.i - 1
            and c.pos_ in ("NOUN", "PROPN")
            and any(d.dep_ == "det" for d in c.children)
        ),
        None,
    )


def _one_reading(noun: Token, vocab: ClaimVocabulary, taken: set[int]) -> _OneReading | None:
    """The noun's determiners (its own, or those of the body or coordination it belongs to) and its verb."""
    determiners = [c for c in noun.children if c.dep_ in ("det", "nummod", "poss")]
    if noun.dep_ == "conj" and noun.head.i in taken and not determiners:
        return None  # part of a counted phrase: "22 warehouses and fuel depots"
    body = _misparsed_body(noun, vocab)
    if body is not None and not determiners:
        determiners = [c for c in body.children if c.dep_ in ("det", "poss")]
    if not determiners and _after_abbreviation(noun):
        determiners = [c for c in noun.head.children if c.dep_ in ("det", "poss")]  # "a device (IED) factory"
    if not determiners:
        # "a grenade launcher": the parser may hang the phrase's article on the compound before the noun
        determiners = [
            d for c in noun.lefts if c.dep_ == "compound" for d in c.children if d.dep_ == "det" and d.i < c.i
        ]
    if not determiners:
        determiners = _coordination_determiners(noun)
    verb, relation = governing_verb(noun, vocab)
    clause_subject = _compound_read_as_clause(verb, relation, vocab)
    if clause_subject is not None:
        # "struck an ISIL mortar firing position": the phrase's own article and the verb outside it
        verb = verb.head
        determiners = determiners or [c for c in clause_subject.children if c.dep_ in ("det", "poss")]
    if verb is not None and (_negated(verb) or relation == "" or _hypothetical(verb, vocab)):
        return None
    return _OneReading(
        noun,
        verb,
        relation,
        determiners,
        indefinite=any(
            d.lower_ in INDEFINITE_ARTICLES | ONE_DETERMINERS | ANOTHER_WORDS for d in determiners
        ),
        definite=any(d.lower_ in DEFINITE_ARTICLES for d in determiners),
        singular=noun.tag_ in ("NN", "NNP") or noun.lower_ in INVARIANT_PLURALS or _acronym(noun),
    )


def _coordination_determiners(noun: Token) -> list[Token]:
    """ "the facilitators and suspected insurgents": one definite article for the whole coordination (not
    the "a" of "a facilitator and other militants")."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is noun:
        return []
    determiners = [
        c for c in first.children if c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE_WORDS
    ]
    if not determiners and noun.tag_ == "NN" and first.tag_ == "NN":
        # "a woman and child": an indefinite article over singular nouns makes one of each
        determiners = [c for c in first.children if c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES]
    return determiners


def _claiming_verb(one: _OneReading, vocab: ClaimVocabulary, sentence: Span) -> bool:
    """Whether the verb may claim: no modifier read as a clause, no imperative, no headline run in."""
    verb = one.verb
    if one.relation == "subject" and _modifier_read_as_subject(one.noun, verb, vocab):
        return False
    if verb.tag_ == "VB" and verb.i == sentence.start:
        return False  # an imperative: "Strike the occupier!"
    return not _headline_verb(verb, sentence)


def _named_member(one: _OneReading, vocab: ClaimVocabulary) -> bool:
    """A member named of a group counted already, or a thing named with whose it is."""
    noun = one.noun
    if any(a.lower_ in INCLUSION_WORDS for a in itertools.islice(noun.ancestors, 4)):
        return True  # one named member of a group already counted
    if noun.head.lower_ in GROUP_PREPOSITIONS and any(c.lower_ in GROUP_PRONOUNS for c in noun.head.children):
        return True  # "eliminated a number of terrorists, among them Abu Khaled": a member named
    of_a_group = noun.dep_ == "pobj" and noun.head.lower_ in PARTITIVE
    counted = noun.head.head if of_a_group else None
    if counted is not None and _is_nominal(counted) and any(c.dep_ == "nummod" for c in counted.children):
        return True  # "killed 3 members of a Kurdish militia": the group the counted belonged to
    if counted is not None and noun.pos_ == "PROPN" and is_person(counted, vocab):
        return (
            True  # "killed a senior leader of Hurras al-Din": whose the leader was, a name read as a person
        )
    owned = of_a_group and one.definite
    owner = noun.head.head if owned else None
    # "3 air defence systems of the enemy": whose they were, not a thing counted
    return owner is not None and _is_nominal(owner) and not owner.like_num and one.relation != "nominal"


def _one_strike(one: _OneReading, vocab: ClaimVocabulary, strike_seen: bool):
    """ "carried out an air strike", "was killed in a U.S. strike", "a drone strike hit ...": one strike."""
    noun, verb, relation = one.noun, one.verb, one.relation
    definite_strike = one.definite and not strike_seen and relation in ("object", "subject")
    if _lemma(noun) not in vocab.strike_nouns or not one.singular or not (one.indefinite or definite_strike):
        return None
    if (
        relation in ("object", "means")
        and _lemma(verb) in vocab.strike_verbs | set(vocab.verbs)
        or relation in ("subject", "instrument")  # "engaged the insurgents with a precision strike"
        or relation == "object"  # "claimed responsibility for a raid": made by who claims it
        and claiming_verb(noun, vocab) == verb
        # "an air strike was carried out", "an airstrike on ISIL fighters was reported as ineffective"
        or relation == "passive"
        and _lemma(verb) in vocab.strike_verbs
        or relation == "object"
        and _lemma(verb) in vocab.depicting_verbs
        and any(c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS for c in noun.children)
    ):
        if _kind_for(noun, False, vocab, verb) == "strikes" or relation != "object":
            return "strikes", 1, None, None, verb
    return None


def _one_loss(one: _OneReading, vocab: ClaimVocabulary, taxonomy: TargetTaxonomy):
    """One thing or person lost, or people lost with no figure ("killed insurgents"); None else."""
    noun, verb = one.noun, one.verb
    named_person = _named_person(one, vocab)
    if one.relation == "nominal" and not _nominal_claim(one, named_person, vocab):
        return None
    if noun.dep_ == "appos" and _looks_like_a_name(noun.head):
        return None  # "Haji X, a facilitator, was detained": the named person is the claim
    person = is_person(noun, vocab) or named_person or _person_object(one, vocab)
    kind = _kind_for(noun, person, vocab, verb)
    if kind in ("sorties", "strikes"):
        return None
    if person and one.relation in ("object", "passive"):
        is_claim, effect = _person_effect(verb, noun, vocab)
    else:
        is_claim, effect = verb_effect(verb, person, vocab)
    if not is_claim or effect is None:
        return None
    if person:
        kind = "casualties"
        effect = "killed" if effect == "destroyed" else effect
        if effect in ("hit", "damaged"):
            return None
    elif (
        noun.pos_ == "PROPN"
        and not _own_article(noun)
        and not any(c.dep_ == "compound" for c in noun.children)
    ):
        # a place or a body named as struck is no counted thing; one of a named make is ("a BMP", "a Su-25")
        return None
    return _one_value(one, kind, effect, person, named_person, taxonomy)


def _own_article(noun: Token) -> bool:
    """A name under an indefinite article of its own ("a BMP"), not an abbreviation set after the words it
    stands for ("an ISIL vehicle borne improvised explosive device (VBIED)")."""
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in noun.children)


def _person_effect(verb: Token, anchor: Token, vocab: ClaimVocabulary) -> tuple[bool, str | None]:
    """(whether the verb claims, its effect) on a person it was done to; a claim verb that gives none may
    state it with a result phrase ("took a man into custody", "another was taken into custody"), as for a
    figure."""
    is_claim, effect = verb_effect(verb, True, vocab)
    if effect is None and _lemma(verb) in vocab.verbs:
        effect = clause_result(verb, vocab, anchor)
        is_claim = is_claim or effect is not None
    return is_claim, effect


def _person_verb_sense(verb: Token, vocab: ClaimVocabulary) -> bool:
    """A verb that takes people alone ("killed", "arrested"), not places too ("hit")."""
    sense = vocab.verbs.get(_lemma(verb))
    return sense is not None and sense.thing is None and sense.person is not None


def _named_person(one: _OneReading, vocab: ClaimVocabulary) -> bool:
    """A name is a person lost only where the verb takes people alone ("killed Hamza", "the arrest of X"), not
    where it takes places too ("shelling hit Martakert", which the small model may label a person)."""
    noun = one.noun
    return (
        not one.determiners
        and _looks_like_a_name(noun)
        and (_person_verb_sense(one.verb, vocab) or one.relation == "nominal")
        and noun.dep_ != "appos"
        and not _part_of_a_name_modifier(noun)
    )


def _part_of_a_name_modifier(noun: Token) -> bool:
    """ "a Hezb-e Islami commander", "a senior Lashkar-e-Taiba commander": a part of a name the parser hung,
    as a modifier, on the noun after it (or on another part that is one) names no person of its own."""
    token = noun
    for _ in range(4):
        if token.dep_ not in NAME_MODIFIER_DEPS or token.head.i == token.i:
            return False
        if token.head.i > noun.i:
            return True
        token = token.head
    return False


def _nominal_claim(one: _OneReading, named_person: bool, vocab: ClaimVocabulary) -> bool:
    """Whether a noun governed by an action noun is a claim: "the capture of a Taliban leader", "the death
    of Haqqani leader Shabeer", not "the loss of the bridge"."""
    head = _lemma(one.verb)
    named_loss = (
        named_person
        and one.noun.ent_type_ == "PERSON"
        and head not in WHOSE_LOSS_NOUNS
        and head not in vocab.strike_nouns
    )
    if named_loss:
        return True
    if head in vocab.strike_nouns:
        # "a strike on a vessel": what one strike was aimed at is hit; strikes "on an air base" name a place
        return one.indefinite and _one_strike_counted(one.verb, vocab)
    return one.indefinite and head not in UNCOUNTED_LOSS_NOUNS


def _one_strike_counted(strike: Token, vocab: ClaimVocabulary) -> bool:
    """A strike noun counted as one strike: "a strike", not "strikes", "the strike" nor "an attack" (which the
    claims count no strike of)."""
    return (
        strike.tag_ == "NN"
        and _lemma(strike) not in vocab.not_counted_nouns
        and any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in strike.children)
    )


def _person_object(one: _OneReading, vocab: ClaimVocabulary) -> bool:
    """ "arrested a weapons supplier": only people are arrested or detained."""
    noun = one.noun
    passive_subjects = [c for c in noun.head.children if c.dep_ == "nsubjpass"]
    return (
        _person_verb_sense(one.verb, vocab)
        and noun.pos_ == "NOUN"
        and (noun.dep_ == "dobj" or noun.dep_ == "nsubjpass" and len(passive_subjects) == 1)
    )


def _one_value(
    one: _OneReading, kind: str, effect: str, person: bool, named_person: bool, taxonomy: TargetTaxonomy
):
    """One of a singular or named thing, "plural" for people lost with no figure; None else."""
    noun, verb = one.noun, one.verb
    if one.singular and (one.indefinite or named_person or person and _possessed(noun)):
        return kind, 1, None, effect, verb
    if one.singular and one.definite and (person or taxonomy.label_for([_lemma(noun)]) != "other"):
        return kind, 1, None, effect, verb
    counted = next(
        (NUMBER_DETERMINERS[d.lower_] for d in one.determiners if d.lower_ in NUMBER_DETERMINERS), None
    )
    if counted is not None and noun.tag_ in ("NNS", "NNPS"):
        return kind, counted, None, effect, verb
    if noun.tag_ in ("NNS", "NNPS") and kind == "casualties" and not named_person and not _compared(noun):
        # "killed insurgents"; "the armed militants ... were all killed", when not counted before
        every = any(c.lower_ in TOTALITY_WORDS for c in (*noun.children, *verb.children))
        if not one.determiners or one.definite and every:
            vague = _earlier_vague_count(noun) if one.definite else None
            return kind, None, vague or "plural", effect, verb
    return None


def _compared(noun: Token) -> bool:
    """ "Twice as many civilians were killed": a degree word before a quantifier on the noun, a comparison."""
    return any(
        c.lower_ in QUANTIFIER_WORDS and c.i > 0 and noun.doc[c.i - 1].lower_ in DEGREE_WORDS
        for c in noun.children
    )


def _possessed(noun: Token) -> bool:
    """A person of someone's ("a Taliban leader and his bodyguard", "detained his brother"): one person, as
    a definite one is."""
    return any(c.dep_ == "poss" for c in noun.children)


def _earlier_vague_count(noun: Token) -> str | None:
    """The vague count of the same noun earlier in the paragraph, which a definite phrase over all of them
    restates ("several armed militants threatened the force. The armed militants were all killed")."""
    doc, lemma = noun.doc, _lemma(noun)
    for span in reversed(doc._.numbers or []):
        reading, counted = span._.number, span.root.head
        if span.end > noun.i or "\n" in doc.text[span.end_char : noun.idx]:
            continue
        if (
            reading is not None
            and reading.quantifier
            and counted.i != span.root.i
            and _lemma(counted) == lemma
        ):
            return reading.quantifier
    return None


def _modifier_read_as_subject(noun: Token, verb: Token, vocab: ClaimVocabulary) -> bool:
    """ "an ISIL rocket propelled grenade": a noun and participle that modify the bare noun after them, which
    the parse reads as a clause whose verb claims nothing (not "an airstrike struck ISIL equipment")."""
    if verb.i != noun.i + 1 or verb.tag_ not in ("VBN", "VBD", "VBG"):
        return False
    lemma = _lemma(verb)
    if lemma in vocab.verbs or lemma in vocab.strike_verbs or lemma in vocab.reporting_verbs:
        return False
    return any(
        c.dep_ == "dobj"
        and c.tag_ == "NN"
        and c.left_edge.i == verb.i + 1
        and not any(d.dep_ == "det" for d in c.children)
        for c in verb.children
    )


def _subject_reading(noun: Token, verb: Token, vocab: ClaimVocabulary):
    """One thing counted as a clause's subject: an aircraft that hits ("a Russian jet hit the same area" is
    a strike), or one of the dead or destroyed named with a copula ("among the killed militants was a field
    commander")."""
    sense = vocab.verbs.get(_lemma(verb))
    if _lemma(noun) in vocab.aircraft_nouns and sense is not None and sense.thing == "hit":
        return "strikes", 1, None, None, verb
    if sense is not None and sense.subject_counted and (is_person(noun, vocab) or _named_unit(noun, vocab)):
        return "casualties", 1, None, sense.person, verb  # "a soldier died", "a platoon surrendered"
    if verb.pos_ != "AUX" or _negated(verb):
        return None
    effect = clause_result(verb, vocab, noun)
    if effect is None and is_person(noun, vocab):
        effect = _group_effect(verb, vocab)  # "among them is a medic": one of the people counted before
    if effect is None:
        return None
    if is_person(noun, vocab):
        return "casualties", 1, None, "killed" if effect == "destroyed" else effect, verb
    return "targets", 1, None, {"killed": "destroyed", "wounded": "damaged"}.get(effect, effect), verb


def _group_effect(verb: Token, vocab: ClaimVocabulary) -> str | None:
    """ "Four people were killed. Among them is a medic": what happened to the people "them" points back to,
    named in the clause's sentence or the one before, for the one named among them."""
    pronouns = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in GROUP_PREPOSITIONS
        for g in c.children
        if g.lower_ in GROUP_PRONOUNS
    ]
    if not pronouns:
        return None
    doc = verb.doc
    sentence_start = sentence_bounds(doc, verb.i)[0]
    start = sentence_bounds(doc, sentence_start - 1)[0] if sentence_start > 0 else 0
    for token in reversed(doc[start : pronouns[0].i]):
        if token.tag_ in ("NNS", "NNPS") and is_person(token, vocab):
            group_verb, _ = governing_verb(token, vocab)
            if group_verb is None:
                return None
            is_claim, effect = verb_effect(group_verb, True, vocab)
            return effect if is_claim and effect in ("killed", "wounded", "captured") else None
    return None


def points_to_a_group(sentence: Span) -> bool:
    """Whether a sentence with no claim word of its own names a member of a group counted before ("Among
    them is a medic"), which only the sentence before says what happened to."""
    return any(t.lower_ in GROUP_PRONOUNS and t.head.lower_ in GROUP_PREPOSITIONS for t in sentence)
