"""Who acted, told outside the claim verb's own subject and agent: the attacker of a clause that says when
the loss came, the agent of an attack on the place where it came, the subject of a verb of saying or thinking
that the doer's own verb hangs on."""

from __future__ import annotations

from spacy.tokens import Token

from extractor.components.claims.frame_matcher import frame_role
from extractor.components.claims.tokens import _is_nominal, _lemma
from extractor.components.claims.vocabulary import COPULA_LEMMAS, ClaimVocabulary
from extractor.components.claims.wording import sets_off_a_device


def raised_subject(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """ "The explosion is believed to have killed 8 soldiers", "Russian forces are said to have destroyed 12
    tanks": the subject of a verb of saying in the passive is who did what its active infinitive says (not
    "40 soldiers are believed to have been killed": what befell them)."""
    lemma = _lemma(verb)
    if lemma not in vocab.reporting_verbs and lemma not in vocab.raising_verbs:
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children) or not any(
        c.dep_ == "xcomp" and _lemma(c) in vocab.verbs and not any(g.dep_ == "auxpass" for g in c.children)
        for c in verb.children
    ):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and _is_nominal(c)), None)


def described_subject(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """ "Gunmen believed to be from the ADF killed 30 villagers", "The attackers, believed to be Boko Haram
    fighters, killed 12": the parser read the participle that describes the subject as its finite verb of
    thinking and hung the subject's own verb on it; that subject did what the verb says."""
    head = verb.head
    if (
        verb.dep_ not in ("conj", "ccomp")
        or head.i == verb.i
        or any(c.dep_ == "nsubj" for c in verb.children)
    ):
        return None
    if _lemma(head) not in vocab.reporting_verbs | vocab.raising_verbs or head.tag_ not in ("VBD", "VBN"):
        return None
    if not any(c.dep_ == "xcomp" and c.lemma_ in COPULA_LEMMAS and c.i < verb.i for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and _is_nominal(c)), None)


def attacker_when(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """Who attacked in a clause that says when the loss came: "13 guards died when a Russian vessel shelled
    the island", "were killed when jets struck their convoy"."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or not _tells_an_attack(clause, vocab):
            continue
        if sets_off_a_device(clause, vocab) is not None:
            continue  # "were wounded when their patrol hit a mine": the patrol attacked no one
        if not any(
            c.tag_ == "WRB"
            and c.dep_ == "advmod"
            or c.dep_ == "mark"
            and c.lower_ in vocab.attack_clause_marks
            for c in clause.children
        ):
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and _is_nominal(c)]
        if subjects:
            return subjects[0]
        # "were killed when their convoy was ambushed by JNIM fighters": the agent of the attack told passive
        if any(c.dep_ == "nsubjpass" for c in clause.children):
            agent = frame_role(clause, "passive_agent")
            if agent is not None:
                return agent
    return None


def _tells_an_attack(clause: Token, vocab: ClaimVocabulary) -> bool:
    """An attack's verb, or one that sends the means of strikes ("opened fire", "returned fire")."""
    lemma = _lemma(clause)
    if lemma in vocab.attack_verbs | vocab.assault_verbs:
        return True
    return lemma in vocab.means_verbs and any(
        c.dep_ == "dobj" and _lemma(c) in vocab.strike_means for c in clause.children
    )


def passive_attacker_when(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return attacker_when(verb, vocab) if passive else None


def attacker_of_the_place(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """ "20 civilians were killed in the village of Yelwata, which had been attacked overnight by armed
    herders": the agent of an attack told in a passive relative clause on where a loss told passive came."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    places = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    places += [
        g
        for p in list(places)
        for c in p.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for place in places:
        for clause in place.children:
            if clause.dep_ != "relcl" or _lemma(clause) not in vocab.attack_verbs | vocab.assault_verbs:
                continue
            if any(c.dep_ == "nsubjpass" for c in clause.children):
                agent = frame_role(clause, "passive_agent")
                if agent is not None:
                    return agent
    return None
