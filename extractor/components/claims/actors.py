"""Who made a claim's count: the agent, subject, instrument or force a sentence names."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from extractor.components.claims.actor_phrases import actor_phrase, subjects_first_named
from extractor.components.claims.attackers import (
    attacker_of_the_place,
    attacker_when,
    described_subject,
    passive_attacker_when,
    raised_subject,
)
from extractor.components.claims.finding import ClaimFinding
from extractor.components.claims.frame_matcher import frame_role, frame_roles
from extractor.components.claims.frames import _controller, _idiom_holds, verb_effect
from extractor.components.claims.memo import remembered
from extractor.components.claims.tokens import (
    _clean,
    _is_nominal,
    _is_place,
    _lemma,
    _phrase_text,
    _place_word,
    _text_of,
    _word_lemma,
    names_a_speaker,
)
from extractor.components.claims.vocabulary import (
    AREA_WORDS,
    ATTRIBUTION_LINKS,
    ATTRIBUTION_OPENERS,
    AUXILIARY_LEMMAS,
    COPULA_LEMMAS,
    DEFINITE_ARTICLES,
    DESIGNATION,
    LOSS_PREPOSITIONS,
    PARTITIVE,
    PLACE_ENTITIES,
    PLACE_PREPOSITIONS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEAKING_PRONOUNS,
    THING_PRONOUNS,
    ClaimVocabulary,
)
from extractor.components.claims.wording import (
    accused_doer,
    auxiliary_of_participle_read_as_noun,
    claimed_by_no_one,
    claiming_verb,
    claims_it,
    imputed_doer,
    inflicter_of_losses,
    names_a_weapon,
    noun_read_as_verb,
    participle_joined_after_an_object,
    sets_off_a_device,
    strike_noun_hung_on_the_verb,
    strike_noun_read_as_verb,
)
from extractor.components.document import entities_in
from extractor.speaker_vocabulary import speaker_vocabulary


@dataclass
class _ActorWalk:
    """Where the search for an actor stands as it climbs from a claim's verb to the verbs it hangs on."""

    token: Token
    from_participle: bool = False  # reached from a participle ("returned fire, killing one insurgent")
    controlled: bool = False  # reached from what a verb of achieving governs ("managed to destroy")
    shared: bool = (
        False  # reached from a verb joined to it with no subject of its own ("repelled ... and destroyed")
    )
    origin: int = -1  # the claim's own verb


FINITE_TAGS = ("VBD", "VBZ", "VBP")  # a verb in the past or present with a subject of its own


class _GoOn:
    """The answer of a step that decided nothing: climb to the next verb."""


_GO_ON = _GoOn()


@remembered
def find_actor(verb: Token | None, vocab: ClaimVocabulary, last_actor: str | None) -> str | None:
    """Who carried the action out: the active subject of a military verb, the passive agent, the strike a
    casualty was "killed in", or through "they" the last actor named before."""
    if verb is None:
        return None
    verb = auxiliary_of_participle_read_as_noun(verb) or verb
    # "coalition forces returned fire, killing one insurgent": who does the killing is the subject of the
    # verb the participle hangs on, whatever that verb means
    walk = _ActorWalk(verb, origin=verb.i)
    for _ in range(5):
        found = _actor_step(walk, vocab, last_actor)
        if found is not _GO_ON:
            return found
    return None


def _actor_step(walk: _ActorWalk, vocab: ClaimVocabulary, last_actor: str | None) -> str | None | _GoOn:
    """The actor the verb at `walk` names, None when it names none, or _GO_ON having climbed a step."""
    joined = participle_joined_after_an_object(walk.token)
    if joined is not None:
        walk.token, walk.shared = joined, True  # "killed 12 militants, captured 4": who killed them
        return _GO_ON
    accused = accused_doer(walk.token, vocab)
    if accused is not None:
        return actor_phrase(accused)
    found = _through_controller(walk, vocab)
    if found is not None:
        return found
    raised = raised_subject(walk.token, vocab) or described_subject(walk.token, vocab)
    if raised is not None:
        return actor_phrase(raised)
    if (
        _lemma(walk.token) in vocab.reporting_verbs
        and not walk.controlled
        and not _claims_strikes(walk, vocab)
    ):
        return None  # but "claimed to have shot down": the claimant did it, by its own word
    found = _named_agent(walk, vocab)
    if found is not None:
        return found
    token = walk.token
    lemma = _lemma(token)
    sense = vocab.verbs.get(lemma)
    if sense is not None and (sense.subject_loses or sense.subject_counted):
        return _winner_or_attacker(token, vocab)
    if walk.controlled and _clause_relative(token):
        # "ambushed the insurgents, which resulted in the deaths of five fighters": the ambush did
        walk.token = token.head.head
        return _GO_ON
    acting = _acting(walk, lemma, vocab)
    orphan = _orphan_participle(token)
    found = _subject_actor(walk, vocab, last_actor) if acting and not orphan else _GO_ON
    if found is not _GO_ON:
        return found
    found = _unmarked_subject(token, orphan) if acting else None
    if found is not None:
        return found
    found = None if _shares_an_acting_subject(token) else _means_of(token, vocab)
    if found is not None:
        return found
    return _GO_ON if _climb(walk, orphan, vocab) or _to_the_strikes_maker(walk, vocab) else None


def _claims_strikes(walk: _ActorWalk, vocab: ClaimVocabulary) -> bool:
    """ "The Islamic State claimed 20 attacks": a verb of claiming whose object is strikes, made by who claims
    them."""
    verb = walk.token
    if _lemma(verb) in vocab.claiming_verbs and any(
        c.dep_ == "dobj" and _names_strikes(c, vocab) for c in verb.children
    ):
        return True
    # "the group claimed responsibility for 3 attacks": through the noun of the claim
    return any(claiming_verb(t, vocab) == verb for t in verb.subtree if t.dep_ == "pobj")


def _to_the_strikes_maker(walk: _ActorWalk, vocab: ClaimVocabulary) -> bool:
    """ "Jets carried out strikes on 9 positions": from the strikes, the object of a verb of making them, to
    that verb and its subject (not a verb of saying, showing or foiling: "the ministry reported strikes on 9
    positions", "a video shows a strike on a boat", "the army foiled an attack on 3 posts")."""
    token = walk.token
    if token.pos_ != "NOUN" or token.dep_ != "dobj":
        return False
    lemma = _lemma(token.head)
    # "jets dropped bombs on 4 positions", "opened fire on 7 posts": who sent the strikes' means made them;
    # "the Islamic State claimed 20 attacks": who claims the strikes made them
    sent = _lemma(token) in vocab.strike_means and lemma in vocab.means_verbs
    sent = sent or lemma in vocab.claiming_verbs and _names_strikes(token, vocab)
    if not sent and not _names_strikes(token, vocab):
        return False
    excluded = vocab.reporting_verbs | COPULA_LEMMAS | AUXILIARY_LEMMAS
    if not sent and (lemma not in vocab.strike_verbs or lemma in excluded):
        return False
    walk.token, walk.shared = token.head, True
    return True


def _shares_an_acting_subject(verb: Token) -> bool:
    """An active verb with an object joined to one with a subject: "commandos freed 12 hostages and killed
    four guards in a night raid": the commandos killed them, the raid is where, not who; so too a pronoun's
    ("it shot down a jet and killed 20 soldiers in the attack": whoever "it" stands for)."""
    return (
        verb.dep_ == "conj"
        and any(c.dep_ == "dobj" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children)
        and any(c.dep_ == "nsubj" and (_is_nominal(c) or c.pos_ == "PRON") for c in verb.head.children)
    )


def _through_controller(walk: _ActorWalk, vocab: ClaimVocabulary) -> str | None:
    """ "managed to destroy", "were able to destroy": who achieved it did it (the walk moves to the verb of
    achieving); "a terrorist responsible for killing two soldiers": the noun the achievement describes."""
    controller = _controller(walk.token, vocab)
    if controller is None:
        return None
    walk.token, walk.controlled = _predicate_of(controller), True
    if walk.token.dep_ == "amod" and _is_nominal(walk.token.head):
        return _head_phrase(walk.token.head)
    return None


def _named_agent(walk: _ActorWalk, vocab: ClaimVocabulary) -> str | None:
    """The passive agent or the by-phrase of an action noun; an action noun that is a verb's result moves
    the walk to that verb ("air strikes resulted in the deaths of 12 soldiers": what brought it about)."""
    token = walk.token
    lemma = _lemma(token)
    agent = _passive_agent(token, vocab) or passive_attacker_when(token, vocab)
    agent = agent or attacker_of_the_place(token, vocab)
    if agent is not None:
        return actor_phrase(agent)
    # "the destruction of 12 tanks by Turkish jets", also with the by-phrase hung on the tanks
    agent = _by_whom(token, "by_phrase", "by_phrase_on_counted") if lemma in vocab.nominalizations else None
    if agent is not None:
        return actor_phrase(agent)
    agent = _result_gerund_subject(token, vocab)
    if agent is not None:
        return actor_phrase(agent)
    cause = _result_clause_verb(token, vocab) if lemma in vocab.nominalizations else None
    if cause is not None:
        walk.token, walk.controlled = cause, True
        agent = _passive_agent(cause, vocab)  # "the lives of 12 soldiers were claimed by air strikes"
        if agent is not None:
            return actor_phrase(agent)
    return None


def _result_gerund_subject(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """ "the raid resulted in coalition troops destroying 9 depots": a result told as a gerund clause has its
    own subject (the noun the parser hangs the gerund on), who acted, not the result verb's subject."""
    subject = frame_role(verb, "result_gerund_subject")
    if subject is None or not _is_nominal(subject):
        return None
    preposition = subject.head
    # which preposition a result verb takes is the data's pairing, not the pattern's
    return subject if vocab.result_verbs.get(_lemma(preposition.head)) == preposition.lower_ else None


def _acting(walk: _ActorWalk, lemma: str, vocab: ClaimVocabulary) -> bool:
    """Whether the verb's subject acted: a military verb's, or a participle's or achievement's verb's."""
    acting = (
        lemma in vocab.verbs
        or lemma in vocab.strike_verbs
        or lemma in vocab.nominalizations
        or lemma in vocab.attack_verbs
        or lemma in vocab.claiming_verbs  # over strikes only: a reporting verb gives no actor otherwise
        or _brought_a_loss_about(walk, lemma, vocab)
        or lemma in vocab.means_verbs  # "jets dropped 50 bombs": who sent the means of strikes
    )
    # "two women were among the dead": the subject of "be" is what the claim counts, never its actor;
    # but "they were able to destroy": the subject of whoever achieved it
    return (acting or walk.from_participle or walk.shared) and lemma not in COPULA_LEMMAS or walk.controlled


def _brought_a_loss_about(walk: _ActorWalk, lemma: str, vocab: ClaimVocabulary) -> bool:
    """ "the shelling caused 40 casualties", "the attack resulted in 12 deaths": the claim's own verb is a
    result verb over the loss, whose subject brought it about (not "caused several engagements": who caused
    a fight did not fight it alone)."""
    if walk.token.i != walk.origin or lemma not in vocab.result_verbs:
        return False
    results = [c for c in walk.token.children if c.dep_ == "dobj"]
    results += [g for c in walk.token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return not any(_lemma(r) in vocab.strike_nouns for r in results)


def loses_its_subject(verb: Token, vocab: ClaimVocabulary) -> bool:
    """ "the army lost 12 soldiers": a verb whose subject suffered the loss, named as its subject, or as the
    subject of the verb it is joined to with none of its own ("killed 14 fighters but lost 3 soldiers")."""
    sense = vocab.verbs.get(_lemma(verb))
    if sense is None or not sense.subject_loses:
        return False
    subjects = ("nsubj", "nsubjpass")
    if any(c.dep_ in subjects for c in verb.children):
        return True
    return verb.dep_ == "conj" and any(c.dep_ in subjects for c in verb.head.children)


def _winner_or_attacker(verb: Token, vocab: ClaimVocabulary) -> str | None:
    """ "the enemy lost up to 90 personnel": whose loss, not who inflicted it; "lost some positions to
    Azerbaijan's army": the winner; "died in Turkish air strikes": the strikes they died in."""
    winners = [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in LOSS_PREPOSITIONS for g in c.children
    ]
    winners = [g for g in winners if g.dep_ == "pobj" and _is_nominal(g)]
    if winners:
        return actor_phrase(winners[0])
    attacker = attacker_when(verb, vocab) or inflicter_of_losses(verb, vocab)
    return actor_phrase(attacker) if attacker is not None else _means_of(verb, vocab)


def _subject_actor(walk: _ActorWalk, vocab: ClaimVocabulary, last_actor: str | None) -> str | None | _GoOn:
    """The subject of an acting verb: a noun phrase, the antecedent of "which", "it" or "they" as the
    reporting subject or the last actor; _GO_ON when it has none."""
    token = walk.token
    if sets_off_a_device(token, vocab) is not None:
        return None  # "a truck struck a roadside bomb, killing four": the truck attacked no one
    for child in subjects_first_named(token):
        if child.dep_ != "nsubj" or _lemma(child) in vocab.nominalizations:
            continue
        if child.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
            if walk.from_participle:
                return None  # "targeted a leader who operates there, detaining 20": a misread clause
            return _relative_antecedent(token.head, vocab)
        if child.lower_ in PRONOUNS:
            if child.lower_ in THING_PRONOUNS:
                return (
                    _reporting_subject(token, vocab, child)
                    or _earlier_attacker(child, vocab)
                    or _subject_above(token)
                    or last_actor
                )
            return _speakers_body(token) if child.lower_ in SPEAKING_PRONOUNS else None
        if _counted_subject(child, token, vocab):
            return _GO_ON  # nor is another subject the parser gave the verb ("Near Mosul, ...")
        if _lemma(child) in vocab.responsibility_nouns:
            return _claimer(token, child, vocab)
        strikes = strike_noun_hung_on_the_verb(child, token, vocab)
        if strikes is not None:
            return _clean(token.doc[child.i : strikes.i + 1].text)
        if _is_nominal(child) or noun_read_as_verb(child):
            # "the quick action by Afghan forces eliminated ...": who acted, not the action
            return actor_phrase(_by_whom(child) or _strikes_made_by(child, vocab) or child)
    strikes = strike_noun_read_as_verb(token, vocab)
    if strikes is not None:
        return _clean(token.doc[token.doc[strikes.i - 1].left_edge.i : strikes.i + 1].text)
    return _GO_ON


def _claimer(verb: Token, noun: Token, vocab: ClaimVocabulary) -> str | None:
    """ "An ambush for which JNIM claimed responsibility killed 11": the parser ran the claim of the strike
    into its deed and made the noun of responsibility the deed's subject; who claims it made it."""
    claiming = verb.head
    if verb.dep_ != "ccomp" or _lemma(claiming) not in vocab.responsibility_nouns[_lemma(noun)]:
        return None
    subject = next((c for c in claiming.children if c.dep_ == "nsubj" and _is_nominal(c)), None)
    return actor_phrase(subject) if subject is not None else None


def _speakers_body(verb: Token) -> str | None:
    """The body "we" stands for in what someone says: the organization a person speaks for, or the body
    that speaks (""We destroyed 4 tanks," said an RSF commander" -> RSF); None for a person of no body."""
    doc = verb.doc
    said_by = (doc._.clause_speakers or {}).get(verb.i)
    said_by = said_by or (doc._.sentence_speakers or {}).get(verb.sent.start)
    speaker = next((s for s in doc._.speakers or () if s.id == said_by), None)
    if speaker is None:
        return None
    return speaker.organization if speaker.kind == "person" else speaker.name


def _counted_subject(subject: Token, verb: Token, vocab: ClaimVocabulary) -> bool:
    """ "40 Rebels killed and many wounded in air raids": a headline or list item's reduced passive (a count,
    a participle, no auxiliary) the parser read as an active verb with a subject and no object: the subject
    is what was counted, not who acted (strikes, sorties or aircraft counted do act: "three airstrikes
    struck ...")."""
    return (
        verb.tag_ in ("VBD", "VBN")
        and not _names_strikes(subject, vocab)
        and _word_lemma(subject.lower_) not in vocab.sortie_nouns | vocab.aircraft_nouns
        and any(c.dep_ == "nummod" for c in subject.children)
        and not any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children)
    )


def _misread_finite_verb(verb: Token) -> bool:
    """A verb the parser hung on the noun before it as a modifier although it is that noun's own verb: a
    past form with no auxiliary ("a coalition patrol killed three insurgents"), or a participle with a direct
    object of its own, which no reduced passive has ("strikes believed to be launched by rebel units killed
    at least 9 people"), or one joined to such a verb ("Marines located and destroyed three caches")."""
    if (
        verb.dep_ != "acl"
        or not _is_nominal(verb.head)
        or participle_joined_after_an_object(verb) is not None
    ):
        return False
    return (
        verb.tag_ == "VBD"
        or verb.tag_ == "VBN"
        and (
            _has_object(verb)
            or any(c.dep_ == "conj" and c.tag_ == "VBD" and _has_object(c) for c in verb.children)
        )
    )


def _has_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def _unmarked_subject(verb: Token, orphan: bool) -> str | None:
    """A subject the parse did not mark as the acting verb's: the noun a finite verb was hung on, a body
    joined to an opening place, one run into an opening source."""
    if _misread_finite_verb(verb):
        # "In Nahr-e Saraj district, ..., a coalition patrol killed three insurgents": a finite verb the
        # parser hung on the noun before it has that noun for its subject
        return actor_phrase(verb.head)
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and _has_object(verb) and _misread_finite_verb(verb.head):
        return actor_phrase(verb.head.head)  # the second of two verbs joined under one such subject
    if orphan:
        return None
    fronted = _subject_in_fronted_place(verb)
    if fronted is not None:
        return actor_phrase(fronted)
    return _subject_after_a_source(verb)


def _climb(walk: _ActorWalk, orphan: bool, vocab: ClaimVocabulary) -> bool:
    """Moves the walk from a verb that hangs on another (advcl, xcomp, conj, acl) to that verb; False at the
    top of the clause."""
    token = walk.token
    if not ((token.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") or orphan) and token.head.i != token.i):
        return False
    if any(c.dep_ == "nsubj" and _counted_subject(c, token, vocab) for c in token.children):
        return False  # "rockets hit the town, one guard killed": a clause of its own, no participle
    if (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and not _has_object(token)
        and _lemma(token) in vocab.launch_verbs
    ):
        return False  # "downed 18 of 20 drones launched overnight": who downed them did not launch them
    walk.from_participle = (
        token.dep_ in ("advcl", "ccomp", "acl", "pcomp")
        and token.tag_ == "VBG"
        and _lemma(token) in vocab.verbs
    )
    # "troops repelled 25 attacks and destroyed 3 tanks": joined verbs share a subject, whatever it means
    # (a finite verb's, not a participle read out of a name: "an ISIL vehicle borne IED and suppressed ...")
    walk.shared = (
        token.dep_ == "conj"
        and token.pos_ == "VERB"
        and _lemma(token) in vocab.verbs
        and _finite(token.head)
        and _main_clause(token.head, vocab)
        and not any(  # nor one whose subject is a thing counted ("six areas ... borne")
            c.dep_ == "nsubj" and any(g.dep_ == "nummod" for g in c.children) for c in token.head.children
        )
    )
    token = token.head
    if token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX"):
        token = token.head  # "took control of the town after killing 100 terrorists": who took it
    # "struck emplacements ..., killing 50": from the noun a participle hangs on, to its verb, through the
    # prepositions between ("thwarted an attack ..., killing scores of terrorists, shooting down 4 drones")
    while (
        (_is_nominal(token) or token.dep_ == "prep")
        and token.head.i != token.i
        and token.dep_ in ("dobj", "pobj", "prep", "conj")
    ):
        token = token.head
    walk.token = token
    return True


def _finite(verb: Token) -> bool:
    """A finite verb, or one with an auxiliary; also a sentence's past participle with an active subject and
    no auxiliary, a past tense the tagger misread ("Afghan forces located and destroyed three caches")."""
    if verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" for c in verb.children):
        return True
    return verb.dep_ == "ROOT" and verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children)


def _main_clause(verb: Token, vocab: ClaimVocabulary) -> bool:
    """A verb that is the sentence's own or what someone said, not one the parser made of a participle in
    a name and hung on a noun or another verb ("struck an ISIL vehicle borne IED facility and destroyed"),
    nor one whose subject is an item of a list of objects ("destroyed an ISIL vehicle, an ISIL vehicle borne
    device, ... and damaged")."""
    if not (
        verb.dep_ in ("ROOT", "conj") or verb.dep_ == "ccomp" and _lemma(verb.head) in vocab.reporting_verbs
    ):
        return False
    doc = verb.doc
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        start = subject.left_edge.i
        if start >= 2 and doc[start - 1].text == "," and doc[start - 2].dep_ in ("dobj", "conj", "appos"):
            return False
    return True


def _passive_agent(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """The by-phrase of a passive verb, or of a claim verb joined to it that shares its subject ("were hit
    and destroyed by Turkish jets"; not "were shot down and three tanks were hit by artillery")."""
    shared = [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.tag_ == "VBN"
        and verb_effect(c, False, vocab)[0]
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    for candidate in [verb, *shared]:
        agent = frame_role(candidate, "passive_agent") or frame_role(candidate, "agent_at_the_hands")
        if agent is not None:
            return agent
    # "nine civilians were wounded, officials said, by Russian shelling": the by-phrase of the verb of saying
    agent = frame_role(verb, "agent_on_the_source")
    if agent is not None and agent.i > verb.i and any(c.dep_ == "auxpass" for c in verb.children):
        return agent if _agent_like(agent, vocab) else None
    return None


def _agent_like(noun: Token, vocab: ClaimVocabulary) -> bool:
    """Strikes, a weapon or aircraft, or a body or person that could act ("Russian shelling", "an Israeli
    drone", "the rebels"), not the manner of saying ("by phone")."""
    lemma = _lemma(noun)
    return (
        _names_strikes(noun, vocab)
        or lemma in vocab.strike_means | vocab.aircraft_nouns | vocab.armed_bodies | vocab.person_nouns
        or noun.ent_type_ in ("ORG", "NORP", "GPE")
        or any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in noun.children)
    )


def _predicate_of(word: Token) -> Token:
    """The verb that carries the subject of a predicate adjective ("were able"), else the word itself."""
    return word.head if word.dep_ == "acomp" and word.head.i != word.i else word


def _subject_in_fronted_place(verb: Token) -> Token | None:
    """The subject the parser joined to an opening place phrase when the verb has none of its own: "In
    Kandahar City, Afghan and coalition forces detained ..." read as one list of places."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    for prep in verb.lefts:
        if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPOSITIONS:
            continue
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            for member in place.conjuncts:
                after_comma = member.left_edge.i > 0 and member.doc[member.left_edge.i - 1].text == ","
                if member.i > place.i and after_comma and not _place_word(member) and not _is_place(member):
                    return member
    return None


def _subject_after_a_source(verb: Token) -> str | None:
    """The subject run into an opening source when commas were stripped: "According to a Turkish General
    Staff statement artillery fire and air operations killed 55 militants"."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    report_nouns = speaker_vocabulary().report_nouns
    for according in verb.lefts:
        if according.lower_ not in ATTRIBUTION_OPENERS:
            continue
        objects = [
            g
            for to in according.children
            if to.lower_ in ATTRIBUTION_LINKS
            for g in to.children
            if g.dep_ == "pobj"
        ]
        if not objects:
            return None
        phrase = objects[0]
        report = next((t for t in phrase.subtree if t.lower_ in report_nouns and t.i < phrase.i), None)
        if report is None:
            return None
        return _clean(phrase.doc[report.i + 1 : phrase.right_edge.i + 1].text) or None
    return None


def _orphan_participle(verb: Token) -> bool:
    """A participle with no auxiliary hung on another verb ("struck gun emplacements ... killing 50",
    "returned fire killing him"): a subject the parser gives it is the other verb's object misread."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "ccomp")
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _reporting_subject(verb: Token, vocab: ClaimVocabulary, pronoun: Token | None = None) -> str | None:
    """Who "it" or "they" is in "the United States believes it killed ...", "Kurdish-led forces said they
    captured ...": the country or armed body that is the subject of the verb of saying or believing the
    clause hangs on."""
    if verb.dep_ != "ccomp":
        return None
    for child in verb.head.children:
        if child.dep_ != "nsubj" or not _is_nominal(child):
            continue
        if pronoun is not None and child.i > pronoun.i:
            continue  # "They killed 19 soldiers, local officials said": who says it told of others
        if _group_named_like_a_person(child, pronoun):
            return _text_of(child)
        if _names_a_person(child):
            continue
        if child.ent_type_ in ("GPE", "ORG", "NORP") or _lemma(child) in vocab.armed_bodies:
            return _text_of(child)
        # "the ministry said it had destroyed": a body the speaker finder named, if its number agrees
        # "Yemen's Houthis said they": a name in the plural form, whatever tag the model gave it
        plural = (
            child.tag_ in ("NNS", "NNPS")
            or any(c.dep_ == "conj" for c in child.children)
            or child.pos_ == "PROPN"
            and child.lower_.endswith("s")
            and not child.lower_.endswith("ss")
        )
        if names_a_speaker(child, "organization") and (
            pronoun is None or plural == ("Plur" in pronoun.morph.get("Number"))
        ):
            return _text_of(child)
    return None


def _group_named_like_a_person(subject: Token, pronoun: Token | None) -> bool:
    """ "The Houthis said they launched ...": a name the model took for a person's, but with the definite
    article, which no person's name takes, and spoken of as "they": a group."""
    return (
        pronoun is not None
        and "Plur" in pronoun.morph.get("Number")
        and subject.pos_ == "PROPN"
        and any(c.dep_ == "det" and c.lower_ in DEFINITE_ARTICLES for c in subject.children)
    )


def _earlier_attacker(pronoun: Token, vocab: ClaimVocabulary) -> str | None:
    """What "it" stands for when its sentence named one thing attacking before it: "while the army did not
    say where the rocket landed, locals said it struck a depot" -> "the rocket" (a singular subject of an
    attack verb; a plural or a person is no "it")."""
    for earlier in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start]):
        if (
            earlier.dep_ == "nsubj"
            and earlier.tag_ in ("NN", "NNP")
            and _lemma(earlier.head) in vocab.attack_verbs
            and not _names_a_person(earlier)
        ):
            return actor_phrase(earlier)
    return None


def _subject_above(verb: Token) -> str | None:
    """Who "they" or "it" is in a clause hung on a noun of another clause: that clause's named subject
    ("the force searched a compound in Wardak province, where they detained two suspects")."""
    if verb.dep_ != "relcl":
        return None
    word = verb.head
    while word.dep_ in ("pobj", "prep", "dobj", "appos", "conj", "compound") and word.head.i != word.i:
        word = word.head
    if word.pos_ not in ("VERB", "AUX"):
        return None
    for child in word.children:
        if child.dep_ == "nsubj" and _is_nominal(child) and child.lower_ not in PRONOUNS:
            return actor_phrase(child)
    return None


def _names_a_person(token: Token) -> bool:
    """Whether the speaker finder took the phrase for a person ("Lieutenant General Pavel Orlov", which the
    small model may tag as an organization)."""
    return names_a_speaker(token, "person")


def _relative_antecedent(noun: Token, vocab: ClaimVocabulary) -> str | None:
    """What "which" stands for in "an earlier strike on the outskirts of Albu Kamal which destroyed ...": the
    noun the clause hangs on, or, when the parse hung it on a place, the strike that place belongs to; who
    claims, is accused of or is blamed for the strike or operation made it ("blamed ISWAP for the ambush that
    killed 9")."""
    for candidate in [noun, *noun.ancestors][:5]:
        if (
            _names_strikes(candidate, vocab)
            or candidate.i == noun.i
            and _lemma(noun) in vocab.operation_nouns
        ):
            claimer = (
                _claimed_by(candidate, vocab)
                or accused_doer(candidate, vocab)
                or imputed_doer(candidate, vocab)
            )
            if claimer is not None:
                return actor_phrase(claimer)
            # a strike verb's gerund ("for shelling the village, which killed 3"): the word, not its clause
            return candidate.text if candidate.tag_ == "VBG" else _text_of(candidate)
    if noun.ent_type_ in PLACE_ENTITIES or noun.lower_ in AREA_WORDS:
        return None
    return _text_of(noun) if _is_nominal(noun) else None


def _claimed_by(strikes: Token, vocab: ClaimVocabulary) -> Token | None:
    """ "JNIM claimed responsibility for an attack that killed 23 soldiers": who claims the strike that the
    clause hangs on, through the noun of the claim ("claimed credit for"), made it."""
    responsible = claiming_verb(strikes, vocab)  # "took responsibility for an attack that killed 23"
    if responsible is not None:
        return next((c for c in responsible.children if c.dep_ == "nsubj" and _is_nominal(c)), None)
    holder = strikes.head.head if strikes.dep_ == "pobj" else None
    if holder is not None and holder.dep_ == "nsubjpass" and claims_it(holder.head, vocab, holder):
        return _by_whom(holder.head, "passive_agent")  # "responsibility for the blast was claimed by ..."
    claiming = holder.head if holder is not None and holder.dep_ == "dobj" else holder  # or on the verb
    if strikes.dep_ == "dobj":
        claiming = strikes.head  # "the Islamic State claimed the attack, which killed 20"
    # "the bombing, for which al-Shabaab claimed responsibility": the claim told in a clause on the strike
    clauses = [c for c in strikes.children if c.dep_ == "relcl" and claims_it(c, vocab)]
    for verb in [claiming, *clauses]:
        if verb is not None and claims_it(verb, vocab) and not claimed_by_no_one(verb):
            return next((c for c in verb.children if c.dep_ == "nsubj" and _is_nominal(c)), None)
    return None


def _means_of(verb: Token, vocab: ClaimVocabulary) -> str | None:
    """The strike named as the means: "killed in a U.S. strike", "injured in these strikes" (also when the
    phrase hangs on a verb joined to this one: "were killed and 100 injured in these strikes")."""
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    # "the death of 12 soldiers in Turkish air strikes": the parser hangs the means on what was counted
    verbs += frame_roles(verb, "counted_of_action")
    verbs += _coordinated_participles(verb)
    for candidate in verbs:
        for child in candidate.children:
            if child.dep_ == "prep" and child.lower_ in vocab.means_prepositions:
                for grandchild in child.children:
                    if grandchild.dep_ == "pcomp" and _lemma(grandchild) in vocab.attack_verbs:
                        # "wounded in shelling": the attack, named by its verb and what stands before it
                        return _clean(grandchild.doc[grandchild.left_edge.i : grandchild.i + 1].text)
                    if grandchild.dep_ != "pobj":
                        continue
                    grandchild = _cause_of(grandchild, vocab)
                    # "in regime and Russian bombings": a coordination whose last member names the strikes
                    if any(_names_strikes(m, vocab) for m in (grandchild, *grandchild.conjuncts)):
                        # "killed in a raid by Afghan commandos", "in an attack blamed on the RSF": whose
                        # raid, else the raid itself
                        agent = _by_whom(grandchild) or _strikes_made_by(grandchild, vocab)
                        if agent is not None:
                            return actor_phrase(agent)
                        return actor_phrase(grandchild) if grandchild.conjuncts else _text_of(grandchild)
                    # "killed during an operation by Turkish forces", "in an ambush claimed by JNIM":
                    # whoever ran the operation
                    agent = _by_whom(grandchild) or _strikes_made_by(grandchild, vocab)
                    if agent is not None:
                        return actor_phrase(agent)
                    if _lemma(grandchild) in vocab.operation_nouns and strike_maker(grandchild) is not None:
                        return _head_phrase(grandchild)  # "killed in the U.S. operation": the operation
    return None


def _coordinated_participles(verb: Token) -> list[Token]:
    """The reduced passives joined to a loss verb, which share their means with it: "70 fighters killed and
    many injured in air strikes", also when the parser made the second count the subject of a verb after
    it ("40 were killed and 200 civilians injured in shelling that hit markets, the ministry said")."""
    members = [c for c in verb.children if c.dep_ == "conj"]
    members += [s for c in members for s in c.children if s.dep_ == "nsubj" and s.i > verb.i]
    return [g for c in members for g in c.children if g.dep_ == "acl" and g.tag_ == "VBN"]


def _head_phrase(noun: Token) -> str:
    """A noun with the words before it, without what follows: "a terrorist" of "a terrorist responsible for
    killing two soldiers", "the U.S. operation" of "the U.S. operation in Caracas"."""
    return _clean(noun.doc[_phrase_text(noun.doc, noun)[0] : noun.i + 1].text)


def _clause_relative(verb: Token) -> bool:
    """A relative clause after a comma on the object of another verb, whose "which" stands for that verb's
    whole event rather than its object."""
    head = verb.head
    return (
        verb.dep_ == "relcl"
        and head.dep_ == "dobj"
        and head.head.pos_ == "VERB"
        and verb.doc[verb.left_edge.i - 1].text == ","
        and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in verb.children)
    )


def _cause_of(noun: Token, vocab: ClaimVocabulary) -> Token:
    """What "a result of" or "a consequence of" names ("died as a result of Turkish air strikes"), else the
    noun itself."""
    if _lemma(noun) not in vocab.cause_nouns:
        return noun
    causes = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in PARTITIVE for g in c.children]
    return next((g for g in causes if g.dep_ == "pobj"), noun)


def _result_clause_verb(noun: Token, vocab: ClaimVocabulary) -> Token | None:
    """The verb a nominal claim is the result of: "Turkish air strikes resulted in the deaths of 12
    soldiers", "caused the destruction of 12 tanks"."""
    cause = frame_role(noun, "idiom_verb")
    if cause is not None and _idiom_holds(noun, vocab):
        return cause  # "air strikes claimed the lives of 12 soldiers": the idiom's verb was acted
    cause = frame_role(noun, "result_object")
    if cause is not None:
        return cause if vocab.result_verbs[_lemma(cause)] is None else None
    cause = frame_role(noun, "result_through_preposition")
    # which preposition a result verb takes is the data's pairing, not the pattern's
    return cause if cause is not None and vocab.result_verbs[_lemma(cause)] == noun.head.lower_ else None


def _by_whom(noun: Token, *frames: str) -> Token | None:
    """Who an action noun is by: "an operation by Turkish forces" -> "forces" (the first by-phrase whose
    object is a noun, in the frames named: by_phrase unless told)."""
    for frame in frames or ("by_phrase",):
        # "carried out by an Israeli F-16": an aircraft's designation, which the model tags as a number
        agent = next(
            (t for t in frame_roles(noun, frame) if _is_nominal(t) or DESIGNATION.fullmatch(t.text)), None
        )
        if agent is not None:
            return agent
    return None


def _strikes_made_by(noun: Token, vocab: ClaimVocabulary) -> Token | None:
    """Who made the strikes or the operation a subject names, told in a passive clause on it ("the strikes,
    which were carried out by allied jets, destroyed ...") or laid on them ("an attack blamed on the RSF");
    not of a body, which acted itself ("the troops, backed by jets, killed ...")."""
    if names_a_weapon(noun, vocab) and not _names_strikes(noun, vocab):
        # not laid on it: "the fire, which officials blamed on faulty wiring" names no doer
        return _by_whom(noun, "relative_agent") or _claimed_by(noun, vocab)
    if not (_names_strikes(noun, vocab) or _lemma(noun) in vocab.operation_nouns):
        return None
    made = _by_whom(noun, "relative_agent") or imputed_doer(noun, vocab) or _claimed_by(noun, vocab)
    if made is not None:
        return made
    # "a series of air strikes carried out by the air force": the strikes of a group told on the strikes
    for strikes in (
        g for c in noun.children if c.dep_ == "prep" and c.lower_ in PARTITIVE for g in c.children
    ):
        if strikes.dep_ == "pobj" and _strike_word(strikes, vocab):
            return _by_whom(strikes, "by_phrase", "relative_agent") or imputed_doer(strikes, vocab)
    return None


def _names_strikes(noun: Token, vocab: ClaimVocabulary) -> bool:
    """A strike, or a group of them: "a U.S. strike", "a series of Russian air strikes"."""
    if _strike_word(noun, vocab):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in PARTITIVE
        and any(g.dep_ == "pobj" and _strike_word(g, vocab) for g in c.children)
        for c in noun.children
    )


def _strike_word(noun: Token, vocab: ClaimVocabulary) -> bool:
    """A strike noun, also a plural in a headline's capitals, which the tagger takes for a name and leaves
    unlemmatized ("in Russian Airstrikes")."""
    return _lemma(noun) in vocab.strike_nouns or _word_lemma(noun.lower_) in vocab.strike_nouns


def strike_maker(noun: Token, bodies: frozenset[str] = frozenset()) -> str | None:
    """Who a strike belongs to, from its modifiers: "a U.S. strike" -> "U.S.", also on the weapon that names
    it ("a French drone strike" -> "French"), or an armed body's word among them with the words before it
    ("the Saudi-led coalition raid" -> "Saudi-led coalition"), else from its by-phrase ("another strike by
    rebel units")."""
    weapons = [c for c in noun.children if c.dep_ == "compound"]
    modifiers = [*noun.children, *(g for weapon in weapons for g in weapon.children)]
    for child in modifiers:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.ent_type_ in ("GPE", "NORP", "ORG"):
            doc = noun.doc
            ent = next((e for e in entities_in(doc) if e.start <= child.i < e.end), None)
            return _clean(ent.text if ent is not None else child.text)
    body = next((c for c in modifiers if c.dep_ == "compound" and _lemma(c) in bodies), None)
    if body is not None:
        words = [t for t in noun.doc[noun.left_edge.i : body.i + 1] if not (t.like_num or t.dep_ == "det")]
        return _clean(noun.doc[words[0].i : body.i + 1].text)
    agent = _by_whom(noun)
    return actor_phrase(agent) if agent is not None else None


def _names_strikes_made(actor: str, vocab: ClaimVocabulary) -> bool:
    """ "the strikes", "three air strikes": strikes or sorties, not who made them."""
    words = actor.lower().split()
    return bool(words) and _word_lemma(words[-1]) in vocab.strike_nouns | vocab.sortie_nouns


def _actor_is_the_count(finding: ClaimFinding, vocab: ClaimVocabulary) -> bool:
    """ "The strike took place": the strikes or sorties counted are no actor of themselves."""
    words = finding.actor.lower().split()
    if words and _word_lemma(words[-1]) in vocab.sortie_nouns:
        return True  # "the sorties destroyed ...": the flights, not who flew them
    return finding.kind in ("strikes", "sorties") and _names_strikes_made(finding.actor, vocab)


def _sentence_actor(sentence: Span, vocab: ClaimVocabulary) -> str | None:
    """The named subject of a sentence whose main verb is a military action, for a "they" after it."""
    root = sentence.root
    lemma = _lemma(root)
    known = lemma in vocab.verbs or lemma in vocab.strike_verbs or lemma in vocab.assault_verbs
    if not known or lemma in vocab.reporting_verbs:
        return None
    for child in root.children:
        if child.dep_ == "nsubj" and _is_nominal(child) and child.lower_ not in PRONOUNS:
            return actor_phrase(child)
    return None
