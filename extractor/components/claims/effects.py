"""Effects: what a claim verb did to what it counts, alone and joined by "and" or "or" to other verbs over
the same object."""

from __future__ import annotations

from spacy.tokens import Token

from extractor.components.claims.tokens import _lemma
from extractor.components.claims.vocabulary import (
    ALTERNATIVE_COORDINATORS,
    COORDINATORS,
    PARTICLE_OPTIONAL_VERBS,
    PARTICLE_REQUIRED_VERBS,
    ClaimVocabulary,
)

# how a verb governs the word that states its result ("were taken prisoner", "was confirmed dead")
RESULT_WORD_DEPS = frozenset({"acomp", "oprd", "xcomp", "dobj"})


def _has_particle(verb: Token, particle: str) -> bool:
    # the small model tags the particle of "shot down 23 of 31 drones" as an adverb as often as not
    return any(
        c.lower_ == particle and (c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1)
        for c in verb.children
    )


def verb_effect(verb: Token, person: bool, vocab: ClaimVocabulary) -> tuple[bool, str | None]:
    """(whether the verb is a military claim verb, the effect it gives)."""
    lemma = _lemma(verb)
    if lemma in vocab.nominalizations:
        lemma = vocab.nominalizations[lemma]
    sense = vocab.verbs.get(lemma)
    if sense is None:
        return False, None
    if sense.particle and not _has_particle(verb, sense.particle):
        if lemma in PARTICLE_OPTIONAL_VERBS:
            return True, "killed" if person else "hit"
        if lemma in PARTICLE_REQUIRED_VERBS:
            # "were taken prisoner": without its particle, the verb claims only by a result word it governs
            if any(c.dep_ in RESULT_WORD_DEPS and c.lower_ in vocab.result_words for c in verb.children):
                return True, None
            return False, None
    return True, sense.person if person else sense.thing


def vague_verb(verb: Token, vocab: ClaimVocabulary) -> bool:
    """A verb whose effect on people is only a guess without its particle or a result word: "shot" (dead,
    wounded or only fired at), where "shot down" and "shot dead" say what befell them."""
    lemma = _lemma(verb)
    sense = vocab.verbs.get(lemma)
    if lemma not in PARTICLE_OPTIONAL_VERBS or sense is None or sense.particle is None:
        return False
    if _has_particle(verb, sense.particle):
        return False
    return not any(c.lower_ in vocab.result_words for c in verb.children if c.dep_ in RESULT_WORD_DEPS)


def _definite(verb: Token, person: bool, vocab: ClaimVocabulary) -> bool:
    claims, effect = verb_effect(verb, person, vocab)
    return claims and effect is not None and not vague_verb(verb, vocab)


def _object_past_a_verb_of_no_loss(verb: Token, person: bool, vocab: ClaimVocabulary) -> Token | None:
    """ "arrested and later released 12 suspects", "captured and disarmed 15 fighters", "arrested and shot
    two robbers": the parser hangs an object two verbs share on the last; where that one tells of no loss
    (or only a vague one), the claim verb it is joined to by "and", with no object of its own, did it."""
    if verb.dep_ != "conj" or verb.head.i == verb.i or _definite(verb, person, vocab):
        return None
    first = verb.head
    if first.pos_ != "VERB" or not {c.lower_ for c in first.children if c.dep_ == "cc"} & COORDINATORS:
        return None
    if any(c.dep_ in ("dobj", "nsubjpass") for c in first.children if c.i < verb.i):
        return None
    return first if _definite(first, person, vocab) else None


def past_a_verb_of_no_loss(verb: Token, relation: str, vocab: ClaimVocabulary) -> tuple[Token, str]:
    """ "Two insurgents were engaged and killed": where the parser hung the subject on a verb that tells of
    no loss to people, the claim verb joined to it that shares the subject, with nothing of its own; and
    the same for an object two verbs share."""
    if relation == "object":
        first = _object_past_a_verb_of_no_loss(verb, True, vocab)
        return (first, relation) if first is not None else (verb, relation)
    sense = vocab.verbs.get(_lemma(verb))
    if relation not in ("passive", "subject") or sense is not None and sense.person is not None:
        return verb, relation
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    while joined:  # down the chain: "was spotted, engaged and detained"
        member = joined.pop(0)
        if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in member.children):
            continue
        member_sense = vocab.verbs.get(_lemma(member))
        if member_sense is not None and member_sense.person is not None:
            return member, relation
        joined.extend(c for c in member.children if c.dep_ == "conj" and c.pos_ == "VERB")
    return verb, relation


def _in_sequence(members: list[Token], person: bool, vocab: ClaimVocabulary) -> bool:
    """ "abducted and killed three aid workers", "captured and executed": effects that follow one another on
    the same people in the order told (`sequential_effects`), so the last is what befell them."""
    effects = [verb_effect(m, person, vocab)[1] for m in members if _definite(m, person, vocab)]
    return len(effects) == 2 and effects[0] in vocab.sequential_effects.get(effects[1] or "", ())


def mixed_effects(verb: Token | None, person: bool, vocab: ClaimVocabulary) -> bool:
    """Whether the verb stands in an "or" with a verb of another effect: "killed or captured", "were killed
    or wounded"."""
    if verb is None:
        return False
    first = verb.head if verb.dep_ == "conj" and verb.head.i != verb.i else verb
    joiners = {c.lower_ for c in first.children if c.dep_ == "cc"}
    # "killing and injuring many of them": one object shared, no one effect; "killed 5 and wounded 7" has two,
    # and so has "30 fighters killed and 12 wounded", where the second verb has a subject of its own
    shared = (
        bool(joiners & COORDINATORS)
        and not any(c.dep_ in ("dobj", "nsubjpass") for c in first.children)
        and not any(
            g.dep_ in ("nsubj", "nsubjpass") for c in first.children if c.dep_ == "conj" for g in c.children
        )
    )
    if not (joiners & ALTERNATIVE_COORDINATORS or shared):
        return False
    members = sorted([first, *(c for c in first.children if c.dep_ == "conj")], key=lambda t: t.i)
    together = not joiners & ALTERNATIVE_COORDINATORS
    if together:
        # "shot and arrested three robbers": a verb that only guesses at the effect yields to one that says it
        members = [m for m in members if not vague_verb(m, vocab)] or members
        if _in_sequence(members, person, vocab):
            return False
    effects = {verb_effect(m, person, vocab)[1] for m in members if _lemma(m) in vocab.verbs}
    effects |= {vocab.result_words.get(m.lower_) for m in members if m.lower_ in vocab.result_words}
    if together:
        effects.discard("hit")  # "engaged and sank 3 boats": the hit and its result are one act
    effects -= {None}  # "wounded and captured two insurgents": both befell them (co_occurring_effects)
    both = len(effects) == 2 and min(effects) in vocab.co_occurring_effects.get(max(effects), ())
    return len(effects) > 1 and not (both and together)
