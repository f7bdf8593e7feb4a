"""Who made a claim's count: the agent, subject, instrument or force a sentence names."""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractor.components.claims.finding import ClaimFinding
from extractor.components.claims.frames import _controller, verb_effect
from extractor.components.claims.tokens import (
    _clean,
    _is_nominal,
    _is_place,
    _lemma,
    _name_part,
    _phrase_text,
    _place_word,
    _text_of,
    _word_lemma,
)
from extractor.components.claims.vocabulary import (
    AGENT_PREPOSITIONS,
    AREA_WORDS,
    ATTRIBUTION_LINKS,
    ATTRIBUTION_OPENERS,
    LOSS_PREPOSITIONS,
    PARTITIVE,
    PLACE_ENTITIES,
    PLACE_PREPOSITIONS,
    PLACE_UNITS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    THING_PRONOUNS,
    ClaimVocabulary,
)
from extractor.components.claims.wording import idiom_verb
from extractor.components.document import entities_in
from extractor.components.speakers import speaker_vocabulary


def find_actor(verb: Token | None, vocab: ClaimVocabulary, last_actor: str | None) -> str | None:
    """Who carried the action out: the active subject of a military verb, the passive agent, the strike a
    casualty was "killed in", or through "they" the last actor named before."""
    token = verb
    # "coalition forces returned fire, killing one insurgent": who does the killing is the subject of the
    # verb the participle hangs on, whatever that verb means
    from_participle = False
    controlled = False
    for _ in range(5):
        if token is None:
            return None
        controller = _controller(token, vocab)
        if controller is not None:
            # "managed to destroy", "were able to destroy": who achieved it did it
            token, controlled = _predicate_of(controller), True
            if token.dep_ == "amod" and _is_nominal(token.head):
                return _head_phrase(token.head)  # "a terrorist responsible for killing two soldiers"
        lemma = _lemma(token)
        if lemma in vocab.reporting_verbs:
            return None
        agent = _passive_agent(token, vocab) or _passive_attacker_when(token, vocab)
        if agent is not None:
            return _actor_phrase(agent)
        if lemma in vocab.nominalizations and _by_whom(token) is not None:
            return _actor_phrase(_by_whom(token))  # "the destruction of 12 tanks by Turkish jets"
        if idiom_verb(token, vocab) is not None:
            # "air strikes claimed the lives of 12 soldiers": who claimed them killed them
            token, controlled = idiom_verb(token, vocab), True
            lemma = _lemma(token)
        if lemma in vocab.nominalizations and _result_clause_verb(token, vocab) is not None:
            # "air strikes resulted in the deaths of 12 soldiers": what brought the result about acted
            token, controlled = _result_clause_verb(token, vocab), True
            lemma = _lemma(token)
        acting = (
            lemma in vocab.verbs
            or lemma in vocab.strike_verbs
            or lemma in vocab.nominalizations
            or lemma in vocab.attack_verbs
        )
        # "two women were among the dead": the subject of "be" is what the claim counts, never its actor;
        # but "they were able to destroy": the subject of whoever achieved it
        acting = (acting or from_participle) and lemma != "be" or controlled
        orphan = _orphan_participle(token)
        sense = vocab.verbs.get(lemma)
        if sense is not None and (sense.subject_loses or sense.subject_counted):
            # "the enemy lost up to 90 personnel": whose loss, not who inflicted it; "lost some positions to
            # Azerbaijan's army": the winner; "died in Turkish air strikes": the strikes they died in
            winners = [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ in LOSS_PREPOSITIONS
                for g in c.children
            ]
            winners = [g for g in winners if g.dep_ == "pobj" and _is_nominal(g)]
            if winners:
                return _actor_phrase(winners[0])
            attacker = _attacker_when(token, vocab)
            return _actor_phrase(attacker) if attacker is not None else _means_of(token, vocab)
        if controlled and _clause_relative(token):
            # "ambushed the insurgents, which resulted in the deaths of five fighters": the ambush did
            token = token.head.head
            continue
        for child in [] if orphan else _subjects_first_named(token):
            if child.dep_ == "nsubj" and acting and _lemma(child) not in vocab.nominalizations:
                if child.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                    if from_participle:
                        return None  # "targeted a leader who operates there, detaining 20": a misread clause
                    return _relative_antecedent(token.head, vocab)
                if child.lower_ in PRONOUNS:
                    if child.lower_ in THING_PRONOUNS:
                        return _reporting_subject(token, vocab) or last_actor
                    return None
                if _is_nominal(child):
                    # "the quick action by Afghan forces eliminated ...": who acted, not the action
                    return _actor_phrase(_by_whom(child) or child)
        if acting and token.dep_ == "acl" and token.tag_ == "VBD" and _is_nominal(token.head):
            # "In Nahr-e Saraj district, ..., a coalition patrol killed three insurgents": a finite verb the
            # parser hung on the noun before it has that noun for its subject
            return _actor_phrase(token.head)
        fronted = _subject_in_fronted_place(token) if acting and not orphan else None
        if fronted is not None:
            return _actor_phrase(fronted)
        run_in = _subject_after_a_source(token) if acting and not orphan else None
        if run_in is not None:
            return run_in
        means = _means_of(token, vocab)
        if means is not None:
            return means
        if (token.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") or orphan) and token.head.i != token.i:
            from_participle = (
                token.dep_ in ("advcl", "ccomp", "acl", "pcomp")
                and token.tag_ == "VBG"
                and _lemma(token) in vocab.verbs
            )
            token = token.head
            if token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX"):
                token = token.head  # "took control of the town after killing 100 terrorists": who took it
            # "struck emplacements ..., killing 50": from the noun a participle hangs on, to its verb
            while (
                _is_nominal(token)
                and token.head.i != token.i
                and token.dep_ in ("dobj", "pobj", "prep", "conj")
            ):
                token = token.head
            continue
        return None
    return None


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
        for child in candidate.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
    return None


def _attacker_when(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """Who attacked in a clause that says when the loss came: "13 guards died when a Russian vessel shelled
    the island", "were killed when jets struck their convoy"."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or _lemma(clause) not in vocab.attack_verbs:
            continue
        if not any(c.tag_ == "WRB" and c.dep_ == "advmod" for c in clause.children):
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and _is_nominal(c)]
        if subjects:
            return subjects[0]
    return None


def _passive_attacker_when(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return _attacker_when(verb, vocab) if passive else None


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


def _reporting_subject(verb: Token, vocab: ClaimVocabulary) -> str | None:
    """Who "it" or "they" is in "the United States believes it killed ...", "Kurdish-led forces said they
    captured ...": the country or armed body that is the subject of the verb of saying or believing the
    clause hangs on."""
    if verb.dep_ != "ccomp":
        return None
    for child in verb.head.children:
        if child.dep_ != "nsubj" or not _is_nominal(child) or _names_a_person(child):
            continue
        if child.ent_type_ in ("GPE", "ORG", "NORP") or _lemma(child) in vocab.armed_bodies:
            return _text_of(child)
    return None


def _names_a_person(token: Token) -> bool:
    """Whether the speaker finder took the phrase for a person ("Lieutenant General Pavel Orlov", which the
    small model may tag as an organization)."""
    return any(
        speaker.kind == "person" and start <= token.idx < end
        for speaker in token.doc._.speakers or ()
        for start, end in speaker.mentions
    )


def _relative_antecedent(noun: Token, vocab: ClaimVocabulary) -> str | None:
    """What "which" stands for in "an earlier strike on the outskirts of Albu Kamal which destroyed ...": the
    noun the clause hangs on, or, when the parse hung it on a place, the strike that place belongs to."""
    for candidate in [noun, *noun.ancestors][:5]:
        if _names_strikes(candidate, vocab):
            return _text_of(candidate)
    if noun.ent_type_ in PLACE_ENTITIES or noun.lower_ in AREA_WORDS:
        return None
    return _text_of(noun) if _is_nominal(noun) else None


def _means_of(verb: Token, vocab: ClaimVocabulary) -> str | None:
    """The strike named as the means: "killed in a U.S. strike", "injured in these strikes" (also when the
    phrase hangs on a verb joined to this one: "were killed and 100 injured in these strikes")."""
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
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
                    if _names_strikes(grandchild, vocab):
                        # "killed in a raid by Afghan commandos": whose raid, else the raid itself
                        agent = _by_whom(grandchild)
                        return _actor_phrase(agent) if agent is not None else _text_of(grandchild)
                    # "killed during an operation by Turkish forces": whoever ran the operation
                    agent = _by_whom(grandchild)
                    if agent is not None:
                        return _actor_phrase(agent)
                    if _lemma(grandchild) in vocab.operation_nouns and strike_maker(grandchild) is not None:
                        return _head_phrase(grandchild)  # "killed in the U.S. operation": the operation
    return None


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
    verb, preposition = noun.head, None
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb, preposition = verb.head, verb.lower_
    elif noun.dep_ != "dobj":
        return None
    wanted = vocab.result_verbs.get(_lemma(verb), "")
    return verb if wanted == preposition else None


def _by_whom(noun: Token) -> Token | None:
    """Who an action noun is by: "an operation by Turkish forces" -> "forces"."""
    for by in noun.children:
        if by.dep_ == "prep" and by.lower_ in AGENT_PREPOSITIONS:
            for agent in by.children:
                if agent.dep_ == "pobj" and _is_nominal(agent):
                    return agent
    return None


def _names_strikes(noun: Token, vocab: ClaimVocabulary) -> bool:
    """A strike, or a group of them: "a U.S. strike", "a series of Russian air strikes"."""
    if _lemma(noun) in vocab.strike_nouns:
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in PARTITIVE
        and any(g.dep_ == "pobj" and _lemma(g) in vocab.strike_nouns for g in c.children)
        for c in noun.children
    )


def strike_maker(noun: Token) -> str | None:
    """Who a strike belongs to, from its modifiers: "a U.S. strike" -> "U.S."."""
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.ent_type_ in ("GPE", "NORP", "ORG"):
            doc = noun.doc
            ent = next((e for e in entities_in(doc) if e.start <= child.i < e.end), None)
            return _clean(ent.text if ent is not None else child.text)
    return None


def _subjects_first_named(verb: Token) -> list[Token]:
    """A verb's children with a dateline city or a place the parser also made its subject put last
    ("KABUL, Afghanistan (Dec. 17) - An Afghan and coalition security force arrested", "In Charkh district,
    Logar province, a coalition force detained")."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if len(subjects) < 2:
        return children
    return sorted(children, key=lambda c: c.dep_ == "nsubj" and (_dateline_city(c) or _place_word(c)))


def _dateline_city(token: Token) -> bool:
    """A city in capitals before its country: "KABUL, Afghanistan"."""
    doc = token.doc
    return (
        token.is_upper
        and token.i + 2 < len(doc)
        and doc[token.i + 1].text == ","
        and _is_place(doc[token.i + 2])
    )


def _actor_phrase(subject: Token) -> str:
    """Who a subject names, with the whole of a coordination ("a combined Afghan and coalition security
    force"). A dateline city or a place parsed as the subject ("KABUL, Afghanistan (Jan. 18) - Afghan and
    coalition forces detained", "In Andar district, Ghazni province, coalition forces killed") gives way to
    the body beside it."""
    doc = subject.doc
    if _dateline_city(subject) or _place_word(subject):
        beside = [
            c
            for c in subject.rights
            if c.dep_ in ("appos", "conj")
            and not _place_word(c)
            and c.ent_type_ != "DATE"
            # "Afghan and coalition forces" hangs on the adjective when the parser joins it to the city
            and (_is_nominal(c) or any(g.dep_ == "conj" and _is_nominal(g) for g in c.rights))
        ]
        if beside:
            subject = beside[0]
    left, right = _phrase_text(doc, subject)
    # "In Daraa province army units eliminated": a place run into the subject when commas were stripped
    units = [i for i in range(left, subject.i) if doc[i].lemma_.lower() in PLACE_UNITS and doc[i].i > left]
    if units and _name_part(doc[units[-1] - 1]):
        left = units[-1] + 1
    # "MOSCOW (Sputnik) Russia's Aerospace Forces": a dateline run into the subject is not part of it
    closers = [i for i in range(left, subject.i) if doc[i].text in (")", "-", "\u2013", "\u2014")]
    if closers and doc[left].is_upper and (_is_place(doc[left]) or _dateline_city(doc[left])):
        left = closers[-1] + 1
    member = subject
    while True:
        conjuncts = [c for c in member.rights if c.dep_ == "conj" and _is_nominal(c)]
        if not conjuncts:
            break
        member = conjuncts[0]
        right = max(right, _phrase_text(doc, member)[1])
    return _clean(doc[left:right].text)


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
    if lemma not in vocab.verbs and lemma not in vocab.strike_verbs or lemma in vocab.reporting_verbs:
        return None
    for child in root.children:
        if child.dep_ == "nsubj" and _is_nominal(child) and child.lower_ not in PRONOUNS:
            return _actor_phrase(child)
    return None
