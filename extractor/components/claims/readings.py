"""The readings of a sentence's figures as claims: counts, list members and loss lines (a noun with no
figure is read in singular.py)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractor.components.claims.effects import mixed_effects
from extractor.components.claims.finding import ClaimFinding
from extractor.components.claims.frames import (
    _aircraft_of,
    _bare_figure,
    _counts_a_source,
    _flown_by,
    _hypothetical,
    _idiom_holds,
    _kind_for,
    _negated,
    _phrase_start,
    _relative_clause_verb,
    _result_effect,
    category_extent,
    clause_result,
    counted_noun,
    governing_verb,
    range_head,
    shared_subject_verb,
    verb_effect,
)
from extractor.components.claims.policy import MAX_EVIDENCE_TOKENS
from extractor.components.claims.tokens import _clean, _is_nominal, _lemma, is_person
from extractor.components.claims.vocabulary import (
    AUXILIARY_LEMMAS,
    COPULA_LEMMAS,
    DEFINITE_OPENERS,
    DESIGNATION,
    PARTITIVE,
    RECIPIENT_PREPOSITIONS,
    RELATIVE_PRONOUNS,
    ClaimVocabulary,
)
from extractor.components.claims.wording import (
    group_picked_from,
    participle_after,
    participle_read_as_noun,
    people_a_bare_figure_counts,
    running_total_set,
)
from extractor.components.document import at_top
from extractor.components.page import LossLine


def _one_of_a_group(figure: Token) -> bool:
    """ "The militants, one of them a commander, were killed", "is one of more than 50 insurgents killed": one
    member set beside a group that is itself the claim."""
    groups = [g for c in figure.children if c.lower_ in PARTITIVE for g in c.children if g.dep_ == "pobj"]
    if not groups:
        return False
    if figure.dep_ == "appos":
        return True
    counted_group = any(c.dep_ == "nummod" or c.like_num for c in groups[0].children)
    return figure.dep_ == "attr" and counted_group


def _whole_of_a_part(noun: Token, figure: Span) -> bool:
    """The five of "two of the five suspects were detained" or "of the 40 drones, 35 were shot down": the
    claim is the part, counted by its own figure."""
    if _after_a_part(figure):
        return True
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ not in PARTITIVE:
        return False
    part = of.head
    if part.pos_ in ("VERB", "AUX") and of.i < part.i:
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.like_num for c in part.children)
    return part.like_num and not figure.start <= part.i < figure.end and not _one_of_a_group(part)


def _after_a_part(figure: Span) -> bool:
    """The 20 of "shot down 17 of (the) 20 drones", which the parser may hang on the noun beside the part:
    a figure after "of" and another figure."""
    doc = figure.doc
    k = figure.start - 1
    if k > 0 and doc[k].dep_ == "det":
        k -= 1
    return k > 0 and doc[k].lower_ in PARTITIVE and doc[k - 1].like_num and not _one_of_a_group(doc[k - 1])


def _with_verb(start: int, end: int, verb: Token | None) -> tuple[int, int]:
    """A claim's token range widened to take in its verb when the verb stands close before or after it."""
    if verb is not None and verb.i < start and start - verb.i <= 4:
        start = verb.i
    if verb is not None and verb.i >= end and verb.i - end <= 3:
        end = verb.i + 1
    return start, end


def _char_extent(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the tokens start..end, without the trailing space."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _list_member_claim(
    doc: Doc, sentence: Span, span: Span, vocab: ClaimVocabulary, found: list[ClaimFinding], taken: set[int]
) -> ClaimFinding | None:
    """A figure the parse left without a verb that stands in an unpunctuated list with a figure that has
    one: "three command posts nine strongpoints eight tanks and four depots were destroyed"."""
    reading = span._.number
    noun = counted_noun(doc, reading.core_start, reading.core_end)
    if noun is not None and noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        return None  # "the strikes, carried out by 12 aircraft, destroyed ...": who struck, not what was hit
    counts = [
        f for f in found if f.value is not None and f.verb_index is not None and f.noun_index is not None
    ]
    for other in sorted(counts, key=lambda f: abs(f.noun_index - span.start)):
        other_start = doc.char_span(other.evidence_start, other.evidence_end, alignment_mode="expand").start
        if other_start == span.start:
            continue
        if span.start < other.verb_index < other.noun_index:
            continue  # "14 counterattacks, and that losses amounted to 1,200 servicemen": the verb is theirs
        between = doc[min(span.start, other_start) : max(span.start, other_start)]
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in between):
            continue
        if any(t.text in (";", ":", ".") for t in between):
            continue
        return _count_claim(doc, sentence, span, vocab, [], verb_override=doc[other.verb_index])
    return None


@dataclass
class _CountReading:
    """What a figure's sentence says of it, worked out in stages: the counted noun, the verb governing it and
    how (`relation`), whether people are counted, and the kind and effect of the claim."""

    noun: Token | None
    core_last: Token
    verb: Token | None = None
    relation: str = ""
    person: bool = False
    flown: bool = False
    kind: str = ""
    effect: str | None = None
    # a loss noun of no one effect ("40 casualties": killed and wounded)
    mixed: bool = False


def _count_claim(
    doc: Doc,
    sentence: Span,
    span: Span,
    vocab: ClaimVocabulary,
    earlier: list[ClaimFinding],
    verb_override: Token | None = None,
) -> ClaimFinding | None:
    """The claim a figure makes ("destroyed 12 tanks", "12 soldiers were killed"), or None when it counts
    no loss, strike or sortie."""
    if _bare_figure(doc, span):
        return None
    count = _counted_thing(doc, sentence, span, vocab)
    if count is None:
        return None
    count, launched = count
    if not _find_count_verb(count, span, vocab, launched if launched is not None else verb_override):
        return None
    _count_person(count, vocab, earlier)
    if not _count_kind_and_effect(count, vocab, earlier) or not _count_kept(count, sentence, earlier, vocab):
        return None
    return _count_finding(doc, sentence, span, count, vocab, earlier)


def _counted_thing(
    doc: Doc, sentence: Span, span: Span, vocab: ClaimVocabulary
) -> tuple[_CountReading, Token | None] | None:
    """The noun a figure counts (None for "more than 20 were killed"), with the participle that launched the
    whole of a part ("shot down 23 of 31 drones launched by Russia"); None when the figure counts no claim."""
    reading = span._.number
    noun = counted_noun(doc, reading.core_start, reading.core_end)
    if noun is not None and DESIGNATION.fullmatch(noun.text):
        noun = _aircraft_of(noun, sentence, vocab) or noun
    core_last = range_head(doc, reading.core_start, reading.core_end)
    if noun is None and _one_of_a_group(core_last):
        return None
    if noun is None and _whole_of_a_bare_part(core_last):
        return None  # "intercepted 90 percent of the drones, or 36 of 40": the 40 were not all intercepted
    speaking_after = _verb_before_a_speaker(doc, span, noun, vocab)
    if speaking_after is not None:
        return _CountReading(None, core_last), speaking_after
    launched = None
    if noun is not None and _whole_of_a_part(noun, span):
        # "shot down 23 of 31 drones launched by Russia": the whole was launched, a count of its own
        launches = [c for c in noun.children if c.dep_ == "acl" and _lemma(c) in vocab.launch_verbs]
        # "of the 45 people killed, 18 were women": a whole with a claim participle of its own is a claim
        launches = launches or [p for p in (_claim_participle(noun, vocab),) if p is not None]
        if not launches:
            return None
        launched = launches[0]
    return _CountReading(noun, core_last), launched


def _verb_before_a_speaker(doc: Doc, span: Span, noun: Token | None, vocab: ClaimVocabulary) -> Token | None:
    """ "killed five people and injured seven Homs Governor Talal said" with its commas stripped: the parser
    takes the speaker's name for what the figure counts; the figure is the bare object of the claim verb
    before it (a count of a name is no count)."""
    while noun is not None and noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head  # "six Aleppo Mayor Ahmad Saleh": the name's last word is the subject
    if noun is None or noun.pos_ != "PROPN" or span.start == 0 or noun.i + 1 >= len(doc):
        return None
    speaks = noun.head if noun.dep_ == "nsubj" else doc[noun.i + 1]  # or the name parsed as the object
    if speaks.pos_ != "VERB" or _lemma(speaks) not in vocab.reporting_verbs:
        return None
    verb = doc[span.start - 1]
    return verb if verb.pos_ == "VERB" and _lemma(verb) in vocab.verbs else None


def _find_count_verb(
    count: _CountReading, span: Span, vocab: ClaimVocabulary, verb_override: Token | None
) -> bool:
    """Sets the verb that governs the figure and the noun it stands for; False when the figure counts who
    speaks ("one official said ...")."""
    noun, core_last = count.noun, count.core_last
    part = None
    if verb_override is None and (noun is None or noun.i == core_last.head.i):
        part = _part_named_after_a_pronoun(core_last, vocab)
    if part is not None:
        count.noun, (count.verb, count.relation) = part
        return True
    subject = noun if noun is not None else core_last
    if noun is None:
        noun = _partitive_noun(core_last)  # "more than 20 were killed", "two of the positions"
    verb, relation = governing_verb(subject, vocab)
    if verb is None and noun is not None and noun is not subject:
        verb, relation = governing_verb(noun, vocab)
    if noun is not None and (verb is None or _lemma(verb) not in vocab.verbs):
        verb, relation = _relative_clause_verb(noun, vocab) or (verb, relation)
    if noun is not None and verb is not None and _lemma(verb) in AUXILIARY_LEMMAS:
        verb, relation = participle_read_as_noun(noun, verb, vocab) or (verb, relation)
    if verb is None and noun is None:
        verb, relation = participle_after(span.doc, span, vocab) or (verb, relation)
    if (
        relation == "subject"
        and verb_override is None
        and verb is not None
        and _lemma(verb) in vocab.reporting_verbs
        and not any(c.dep_ == "xcomp" for c in verb.children)  # "70 people reported killed" is a count
    ):
        return False  # "one official said ...", "two witnesses told reporters": counted sources, not targets
    if relation == "subject":
        verb, relation = shared_subject_verb(verb, relation, vocab)
    if verb_override is not None:
        verb, relation = verb_override, "object"
    if noun is None and verb is not None:
        noun = _fronted_part_noun(verb, core_last)
    if noun is not None and noun.pos_ == "PRON":
        noun = None  # "killing several of them": the verb says what was counted
    noun = _named_part(noun, verb, core_last, vocab) or _held_as_result(noun, vocab) or noun
    count.noun, count.verb, count.relation = noun, verb, relation
    return True


def _part_named_after_a_pronoun(
    core_last: Token, vocab: ClaimVocabulary
) -> tuple[Token, tuple[Token, str]] | None:
    """ "killed 14 soldiers, three of whom were officers", "killed 30 people, 12 of them children": a part
    picked out of a counted noun by a pronoun and named after it is that noun's loss, by its verb; the name is
    what the part counts (not "four of whom were later released": no copula names them). The parser makes
    the name a relative copula's attribute, or the verb's loose modifier."""
    clause = core_last.head
    # the partitive on the figure ("three of whom were"), or fronted on its clause ("of whom three were")
    partitives = [*core_last.children, *(c for c in clause.children if c.i < core_last.i)]
    if core_last.dep_ != "nsubj" or not any(
        c.lower_ in PARTITIVE and any(g.pos_ == "PRON" for g in c.children) for c in partitives
    ):
        return None
    if clause.dep_ == "relcl" and _lemma(clause) in COPULA_LEMMAS and _is_nominal(clause.head):
        if not any(c.dep_ == "nummod" for c in clause.head.children):
            return None  # "detained the men, one of whom is a leader": the part of a group no figure counts
        named = next((c for c in clause.children if c.dep_ == "attr" and _is_nominal(c)), None)
        verb, relation = governing_verb(clause.head, vocab)
    elif clause.dep_ == "npadvmod" and _is_nominal(clause) and clause.head.pos_ == "VERB":
        named, verb, relation = clause, clause.head, "object"
    else:
        return None
    if named is None or verb is None or _lemma(verb) not in vocab.verbs:
        return None
    return named, (verb, relation)


def _whole_of_a_bare_part(figure: Token) -> bool:
    """Whether a bare figure is the whole a part is picked out of, with no noun: the 40 of "36 of 40"."""
    of = figure.head
    return figure.dep_ == "pobj" and of.lower_ in PARTITIVE and of.head.like_num and of.head.i < figure.i


def _partitive_noun(core_last: Token) -> Token | None:
    """The noun a bare figure stands for through "of": the positions of "two of the positions"; the drones of
    "17 of 20 drones", which the parser hangs on the noun beside the whole's figure; none for a bare figure
    ("36 of 40")."""
    noun = None
    for child in core_last.children:
        if child.dep_ == "prep" and child.lower_ in PARTITIVE:
            objects = [g for g in child.children if g.dep_ == "pobj" and not g.like_num]
            if objects:
                noun = objects[0]
    clause = core_last.head
    if (
        noun is not None
        and noun.lower_ in RELATIVE_PRONOUNS
        and clause.dep_ == "relcl"
        and _is_nominal(clause.head)
    ):
        noun = clause.head  # "64 drones, 48 of which were shot down": the noun the clause is on
    doc = core_last.doc
    if noun is None:
        noun = _total_broken_down(core_last)
    if noun is None and core_last.dep_ == "quantmod" and core_last.i + 1 < len(doc):
        whole = core_last.head.head if core_last.head.like_num else core_last.head
        if doc[core_last.i + 1].lower_ in PARTITIVE and whole.i > core_last.i and _is_nominal(whole):
            noun = whole
    return noun


def _total_broken_down(figure: Token) -> Token | None:
    """The strikes of "carried out 9 strikes: six near Raqqa and three near Mosul": a bare figure set beside a
    counted noun, or joined to one that is, counts a part of it."""
    part = figure.head if figure.dep_ == "conj" and figure.head.like_num else figure
    if part.dep_ != "appos" or not _is_nominal(part.head):
        return None
    total = part.head
    return total if any(c.dep_ == "nummod" for c in total.children) else None


def _fronted_part_noun(verb: Token, core_last: Token) -> Token | None:
    """ "of the 40 drones, 35 were shot down": the part's noun opens the clause; "42 drones, of which 35 were
    shot down": the noun the clause is on."""
    fronted = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in PARTITIVE and c.i < core_last.i
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if fronted and fronted[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and _is_nominal(verb.head):
        return verb.head
    return fronted[0] if fronted and _is_nominal(fronted[0]) else None


def _count_person(count: _CountReading, vocab: ClaimVocabulary, earlier: list[ClaimFinding]) -> None:
    """Whether people are counted, and whether aircraft counted as they fly are sorties."""
    noun, verb = count.noun, count.verb
    person = noun is not None and is_person(noun, vocab)
    if verb is not None and not person:
        # "killed dozens of tourists", "detained 40 smugglers": only people are killed or detained, and a bare
        # figure of a nominalization of such a verb counts them ("the death toll rose to 45")
        lemma = _lemma(verb)
        sense = vocab.verbs.get(vocab.nominalizations.get(lemma, lemma) if noun is None else lemma)
        person = sense is not None and sense.thing is None and sense.person is not None
        # but an operation or a strike is what such a verb carries out ("executed 3 operations")
        person = person and (noun is None or _lemma(noun) not in vocab.operation_nouns | vocab.strike_nouns)
    if noun is None and earlier and not person:
        # an elliptical figure takes the noun of the figure before it: "304 militants killed and 170 wounded"
        person = earlier[-1].kind == "casualties"
    # "two F-16 jets flew into Syrian air space": aircraft counted as they fly are sorties, flown by them
    count.flown = (
        noun is not None
        and verb is not None
        and count.relation == "subject"
        and _lemma(noun) in vocab.aircraft_nouns
        and _lemma(verb) in vocab.flight_verbs
    )
    count.person = person


def _count_kind_and_effect(count: _CountReading, vocab: ClaimVocabulary, earlier: list[ClaimFinding]) -> bool:
    """Sets the claim's kind and effect; False when the figure claims nothing."""
    verb = count.verb
    if count.flown:
        count.kind = "sorties"
    else:
        count.kind = (
            "strikes" if count.relation == "instrument" else _kind_for(count.noun, count.person, vocab, verb)
        )
    if verb is not None and _hypothetical(verb, vocab):
        return False
    count.effect = _count_effect(count, vocab)
    if count.relation == "subject" and verb is not None and _counts_a_source(verb, vocab):
        return False  # "one official said ...": the figure counts who speaks, not a loss
    if count.kind in ("targets", "casualties") and _agent_of_its_verb(count, vocab):
        if not _aircraft_striking(count, vocab):
            return False
        count.kind, count.effect = "strikes", None
    if count.kind == "targets" and count.effect == "captured" and _ground(count.noun, vocab):
        return False  # "recaptured 3 villages": ground taken, no thing hit nor person taken
    if count.kind in ("targets", "casualties"):
        return _loss_effect(count, earlier)
    if count.kind in ("sorties", "strikes"):
        return _strikes_made(count, vocab)
    return True


def _agent_of_its_verb(count: _CountReading, vocab: ClaimVocabulary) -> bool:
    """ "Two soldiers killed 5 militants", "two battalions captured 40 fighters": the counted subject of an
    active claim verb that has an object of its own did the deed and lost nothing (not the subject of a verb
    whose subject is the one counted or the loser: "two soldiers lost their lives")."""
    verb = count.verb
    if count.relation != "subject" or verb is None or count.noun is None:
        return False
    sense = vocab.verbs.get(_lemma(verb))
    if sense is None or sense.subject_counted or sense.subject_loses:
        return False
    subject = count.noun
    while subject.dep_ == "conj" and subject.head.i != subject.i:
        subject = subject.head
    # (a member named by "including" under the subject is of the verb's loss: "missiles killed 14 people,
    # including 3 children", which the parser may hang on "missiles")
    if subject.dep_ != "nsubj" or subject.head != verb:
        return False
    return any(c.dep_ == "dobj" and c is not count.noun for c in verb.children)


def _aircraft_striking(count: _CountReading, vocab: ClaimVocabulary) -> bool:
    """ "Two jets struck 6 positions": aircraft that hit are strikes, as one is ("a Russian jet hit the
    area")."""
    sense = vocab.verbs.get(_lemma(count.verb))
    return _lemma(count.noun) in vocab.aircraft_nouns and sense is not None and sense.thing == "hit"


def _count_effect(count: _CountReading, vocab: ClaimVocabulary) -> str | None:
    """The effect of the counted words, else of their verb, else of a loss noun ("15 fatalities")."""
    noun, verb = count.noun, count.verb
    effect = _result_effect(noun, vocab) if noun is not None else None
    if effect is None:
        effect = _result_effect(count.core_last, vocab)
    if effect is None and verb is not None and not _negated(verb):
        effect = _count_verb_effect(count, vocab)
    if effect is None and noun is not None and _lemma(noun) in vocab.loss_nouns and _idiom_holds(noun, vocab):
        # "15 fatalities": the noun is the loss; "claimed 12 lives" only in its idiom ("saved 12 lives")
        effect, count.person = vocab.loss_nouns[_lemma(noun)], True
        count.mixed = effect is None  # "suffered 40 casualties": the killed and the wounded together
    fallen = None
    if effect is None and noun is not None:
        fallen = _partitive_noun(count.core_last) or _whole_of_the_part_before(verb)
    if fallen is not None and fallen is not noun and _part_of_the_fallen(fallen, vocab):
        effect, count.person = vocab.result_words[fallen.lower_], True
    fallen = _fallen_amounting(verb, vocab) if effect is None and count.relation == "object" else None
    if fallen is not None:
        effect, count.person = vocab.result_words[fallen.lower_], True
    return effect or _fronted_whole_effect(count, vocab)


def _ground(noun: Token | None, vocab: ClaimVocabulary) -> bool:
    """Ground, by its noun or the noun of its measure ("3 villages", "12 square kilometres")."""
    return noun is not None and (_lemma(noun) in vocab.ground_nouns or noun.lower_ in vocab.ground_nouns)


def _fallen_amounting(verb: Token | None, vocab: ClaimVocabulary) -> Token | None:
    """The result word of "The 23 dead included 7 children", "Those killed included 5 officers": the fallen
    as the subject of a verb of amounting, whose object counts those the result word befell."""
    if verb is None or _lemma(verb) not in vocab.amount_verbs:
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for word in (subject, *(c for c in subject.children if c.dep_ == "acl")):
            if word.lower_ in vocab.result_words and vocab.result_words[word.lower_] is not None:
                return word
    return None


def _named_part(
    noun: Token | None, verb: Token | None, core_last: Token, vocab: ClaimVocabulary
) -> Token | None:
    """The children of "two of the dead were children", the women of "of the 45 (people) killed, 18 were
    women": what a part of the fallen is said to be."""
    if verb is None or _lemma(verb) not in COPULA_LEMMAS:
        return None
    noun = noun or _whole_of_the_part_before(verb)
    fallen = noun is not None and _part_of_the_fallen(noun, vocab)
    whole = None if fallen else _fronted_whole(verb, core_last, vocab)
    if not fallen and (whole is None or whole.i == core_last.i):
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and _is_nominal(c)), None)


def _whole_of_the_part_before(verb: Token | None) -> Token | None:
    """The dead of "seven of the dead were police officers and two were civilians": a copula joined to one
    whose subject is a part of a whole shares that whole."""
    if verb is None or verb.dep_ != "conj" or _lemma(verb.head) not in COPULA_LEMMAS:
        return None
    return next((_partitive_noun(c) for c in verb.head.children if c.dep_ == "nsubj"), None)


def _claim_participle(noun: Token, vocab: ClaimVocabulary) -> Token | None:
    """The claim verb's participle a counted whole is named by ("the 45 people killed")."""
    return next(
        (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and _lemma(c) in vocab.verbs), None
    )


def _fronted_whole(verb: Token | None, core_last: Token, vocab: ClaimVocabulary) -> Token | None:
    """The whole of "Of the 45 (people) killed, 18 were women": a figure or noun after an "of" that opens the
    copula's clause, named by a claim participle."""
    if verb is None or _lemma(verb) not in COPULA_LEMMAS:
        return None
    # a copula joined to another shares its fronted whole ("of the 45 killed, 18 were women and 11 were men")
    first = verb.head if verb.dep_ == "conj" and _lemma(verb.head) in COPULA_LEMMAS else verb
    wholes = [
        g
        for c in (*first.children, *core_last.children)  # the parser hangs the "of" on either
        if c.dep_ == "prep" and c.lower_ in PARTITIVE and c.i < core_last.i
        for g in c.children
        if g.dep_ == "pobj" and _claim_participle(g, vocab) is not None
    ]
    return wholes[0] if wholes else None


def _fronted_whole_effect(count: _CountReading, vocab: ClaimVocabulary) -> str | None:
    """The effect the participle of a fronted whole names for its part ("of the 45 killed, 18 were women":
    killed), on people when the part is people or the verb harms only them."""
    whole = _fronted_whole(count.verb, count.core_last, vocab)
    if whole is None:
        return None
    participle = _claim_participle(whole, vocab)
    on_things = None if count.person else verb_effect(participle, False, vocab)[1]
    if on_things is not None:
        return on_things
    count.person = True
    return verb_effect(participle, True, vocab)[1]


def _held_as_result(noun: Token | None, vocab: ClaimVocabulary) -> Token | None:
    """The soldiers of "took 30 soldiers prisoner", which the parser reads as a compound of the result word
    the verb governs: the plural noun before the result word is what is counted, the result its effect."""
    if noun is None or noun.lower_ not in vocab.result_words or noun.tag_ != "NN":
        return None
    before = noun.doc[noun.i - 1]
    if before.dep_ == "compound" and before.head.i == noun.i and before.tag_ == "NNS":
        return before
    return None


def _part_of_the_fallen(noun: Token, vocab: ClaimVocabulary) -> bool:
    """ "Two of the dead were children", "three of the wounded": a part of the people a result word stands
    for, whose loss it says."""
    return noun.lower_ in vocab.result_words and noun.dep_ == "pobj" and noun.head.lower_ in PARTITIVE


def _strikes_made(count: _CountReading, vocab: ClaimVocabulary) -> bool:
    """Whether strikes or sorties counted were carried out (no effect of their own)."""
    count.effect = None
    verb = count.verb
    if verb is None or _negated(verb) or count.relation in ("", "means"):
        return False  # "linked to two deadly attacks" counts no strikes of its own
    if count.relation in ("object", "passive") and _lemma(verb) in vocab.transfer_verbs | vocab.cache_verbs:
        # "Iran supplied 400 drones", "found a cache containing 12 rockets": weapons handed over or held, not
        # strikes carried out
        return False
    if count.relation == "object" and _sent_to_a_country(verb, vocab):
        return False  # "North Korea sent 20 missiles to Russia", not "sent 40 drones at Kyiv"
    if _units_of_counted_strikes(count.noun, vocab):
        return False
    # "38 attacks were repelled": assaults beaten off, no strikes carried out
    return _lemma(verb) not in vocab.repelling_verbs


def _units_of_counted_strikes(noun: Token | None, vocab: ClaimVocabulary) -> bool:
    """ "four strikes consisting of 14 engagements": the units a counted strike noun is made of, which are
    no strikes of their own."""
    if noun is None or noun.dep_ not in ("pobj", "dobj"):
        return False
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if _lemma(verb) not in vocab.consisting_verbs or verb.dep_ not in ("acl", "relcl"):
        return False
    strikes = verb.head
    return _lemma(strikes) in vocab.strike_nouns and any(c.dep_ == "nummod" for c in strikes.children)


def _sent_to_a_country(verb: Token, vocab: ClaimVocabulary) -> bool:
    """A sending verb whose object went to a country named after it: weapons handed over."""
    if _lemma(verb) not in vocab.sending_verbs:
        return False
    for recipient in (g for c in verb.children if c.lower_ in RECIPIENT_PREPOSITIONS for g in c.children):
        words = [t for t in recipient.doc[recipient.left_edge.i : recipient.i + 1] if t.pos_ == "PROPN"]
        if words and " ".join(t.lower_ for t in words) in vocab.country_names:
            return True
    return False


def _count_verb_effect(count: _CountReading, vocab: ClaimVocabulary) -> str | None:
    """The effect the verb gives, else the result its clause states ("were among the dead")."""
    noun, verb = count.noun, count.verb
    effect = verb_effect(verb, count.person, vocab)[1]
    if effect is None and count.relation == "nominal" and not count.person:
        # "airstrikes on 9 depots", "fired missiles at 6 villages": a strike with no verb of its own hit them
        effect = "hit" if _lemma(verb) in vocab.strike_nouns | vocab.strike_means else None
    if effect is None:
        effect = clause_result(verb, vocab, count.core_last)
        if effect is not None:
            if noun is None or is_person(noun, vocab) or _lemma(noun) in vocab.result_words:
                count.person = True
    return effect


def _loss_effect(count: _CountReading, earlier: list[ClaimFinding]) -> bool:
    """Settles a loss as casualties or targets with an effect that fits; False when it has none."""
    effect = count.effect
    if count.mixed and count.relation != "means":
        count.kind = "casualties"
        return True
    if effect is None or count.relation == "means":
        return False
    if count.noun is None and not earlier and effect in ("killed", "wounded", "captured"):
        count.person = True
    if count.person:
        count.kind = "casualties"
        if effect in ("destroyed", "hit"):
            count.effect = "killed" if effect == "destroyed" else None
    elif effect in ("killed", "wounded") and count.noun is not None:
        count.effect = {"killed": "destroyed", "wounded": "damaged"}[effect]
    return True


def _count_kept(
    count: _CountReading, sentence: Span, earlier: list[ClaimFinding], vocab: ClaimVocabulary
) -> bool:
    """False for a headline's verb run into the text, or a loss with neither noun nor verb of its own."""
    noun, verb = count.noun, count.verb
    if verb is not None and _headline_verb(verb, sentence):
        return False
    if noun is not None and any(c.dep_ == "acl" and _headline_verb(c, sentence) for c in noun.children):
        return False  # a teaser headline run into the text: "Over 20 Terrorists Killed in SDF Operations"
    if noun is not None and _title_cased(noun, sentence, vocab):
        return False
    if noun is not None and _owner_of_counted_ones(noun):
        return False
    loss = count.kind in ("targets", "casualties")
    # "the death toll rose to 45": a bare figure of a loss only people suffer is a count of them
    people_only = count.relation == "nominal" and count.person
    return not (
        noun is None and not earlier and loss and count.relation in ("", "nominal") and not people_only
    )


def _owner_of_counted_ones(noun: Token) -> bool:
    """A noun after the "of" of a noun counted by a figure of its own ("killing eight members of one family",
    "3 commanders of two brigades"): what the counted ones belong to, itself no loss."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in PARTITIVE
        and prep.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "nummod" for c in prep.head.children)
    )


TITLE_CASE_FROM = 3  # the first words of a sentence may be capitalized as a sentence's, not a title's


def _title_cased(noun: Token, sentence: Span, vocab: ClaimVocabulary) -> bool:
    """A counted common word capitalized inside a sentence: a page's title or label run into the text ("38
    Topic US Missile Attack on Syrian Air Base (200) Tags"), not a count; a sentence's first words may be
    capitalized ("Twelve Soldiers were killed", "The 12 Soldiers")."""
    if not noun.is_title or noun.i - sentence.start < TITLE_CASE_FROM:
        return False
    return noun.pos_ == "NOUN" or _lemma(noun) in vocab.strike_nouns


def _count_category(
    doc: Doc,
    sentence: Span,
    span: Span,
    count: _CountReading,
    vocab: ClaimVocabulary,
    earlier: list[ClaimFinding],
) -> tuple[str | None, int]:
    """What a loss counts as worded ("armoured vehicles"), and the token its words end before."""
    noun = count.noun
    category = None
    category_end = span.end
    if count.kind not in ("targets", "casualties"):
        return None, category_end
    if noun is not None and noun.i >= span.end:
        first = span.end
        if doc[first].lower_ in PARTITIVE:  # "two of the positions": what is counted is "positions"
            first += 1
            # "12 of them children": the pronoun the part is picked out of is no part of what it counts
            while first < noun.i and (doc[first].dep_ in ("det", "pobj") or doc[first].like_num):
                first += 1
        if noun.dep_ == "attr":
            first = max(first, noun.left_edge.i)  # "two of the dead were children": what the part was
        first, category_end = category_extent(doc, first, noun)
        category = _clean(doc[first:category_end].text)
    elif noun is not None:
        category = _clean(doc[_phrase_start(doc, noun, sentence.start) : noun.i + 1].text)
        category_end = max(category_end, noun.i + 1)
    elif count.person and (picked_from := group_picked_from(doc, sentence, span, vocab)) is not None:
        # "killing three of them": the people "them" stands for, named by the noun and its compounds (not
        # "several"); before an earlier claim's, which may count other things ("destroyed 2 trucks, then
        # engaged a group of insurgents, killing three of them")
        first = min([picked_from.i, *(c.left_edge.i for c in picked_from.lefts if c.dep_ == "compound")])
        category = _clean(doc[first : picked_from.i + 1].text)
    elif earlier:
        category = earlier[-1].category
    elif count.person and (counted := people_a_bare_figure_counts(doc, sentence, span, vocab)) is not None:
        category = _clean(counted.text)  # "engaged insurgents ..., killing five"
    return category, category_end


def _count_evidence(doc: Doc, span: Span, count: _CountReading, category_end: int) -> tuple[int, int]:
    """Character offsets of a count claim's words: the figure, what it counts and its verb close by."""
    noun, verb = count.noun, count.verb
    end_token = max(span.end, category_end)
    if (
        noun is not None
        and count.kind in ("sorties", "strikes")
        and noun.i >= span.end
        and noun.i - span.end <= 3
    ):
        end_token = max(end_token, noun.i + 1)
    if count.flown and verb.i >= span.end:
        end_token = max(end_token, verb.i + 1)  # "two F-16 and two A-10 jets flew"
    start_token, end_token = _with_verb(span.start, end_token, verb)
    end_token = min(end_token, start_token + MAX_EVIDENCE_TOKENS)
    return _char_extent(doc, start_token, end_token)


def _count_finding(
    doc: Doc,
    sentence: Span,
    span: Span,
    count: _CountReading,
    vocab: ClaimVocabulary,
    earlier: list[ClaimFinding],
) -> ClaimFinding:
    """The finding of a count claim read in full."""
    reading = span._.number
    noun, verb, kind = count.noun, count.verb, count.kind
    category, category_end = _count_category(doc, sentence, span, count, vocab, earlier)
    evidence_start, evidence_end = _count_evidence(doc, span, count, category_end)
    # "killed or captured more than 40 militants": no one effect
    loss = kind in ("targets", "casualties") and not mixed_effects(verb, count.person, vocab)
    return ClaimFinding(
        kind=kind,
        value=reading.value,
        value_max=reading.value_max,
        quantifier=reading.quantifier,
        approximate=reading.approximate,
        cumulative=reading.cumulative or running_total_set(span.root, vocab),
        category=category or None,
        effect=count.effect if loss else None,
        delta=reading.delta,
        evidence_start=evidence_start,
        evidence_end=evidence_end,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        verb_index=verb.i if verb is not None else None,
        noun_index=noun.i if noun is not None else None,
        definite=span.start > 0 and doc[span.start - 1].lower_ in DEFINITE_OPENERS,
        flown_by=_flown_by(doc, span, noun) if count.flown else None,
    )


def _headline_verb(verb: Token, sentence: Span) -> bool:
    """A headline's verb run into the text: "Forces destroy stations, kill 77 terrorists" (present tense at
    the very top of a scraped page), or "20 Terrorists Killed in Operations" (capitalized mid-sentence)."""
    if verb.is_title and verb.i != sentence.start and not verb.ent_type_:
        return True
    top = at_top(sentence.doc, sentence.start_char)
    return top and verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in AUXILIARY_LEMMAS


def _loss_line_claims(doc: Doc, lines: list[LossLine], vocab: ClaimVocabulary) -> list[ClaimFinding]:
    """Claims of a running-losses list, one line an item: "tanks ‒ 1,393 (+10),"."""
    found = []
    for line in lines:
        label_tokens = doc[line.label_start : line.label_end]
        start, end = _char_extent(doc, line.start, line.end)
        person = any(_lemma(t) in vocab.person_nouns or t.lower_ in vocab.person_nouns for t in label_tokens)
        found.append(
            ClaimFinding(
                kind="casualties" if person else "targets",
                value=line.value,
                approximate=line.approximate,
                cumulative=True,
                category=_clean(label_tokens.text),
                effect="killed" if person else "destroyed",
                delta=line.delta,
                evidence_start=start,
                evidence_end=end,
                sentence_start=start,
                sentence_end=end,
            )
        )
    return found
