"""Wordings the claim readings check beside the parse: a role a thing had, a strike named with its maker."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractor.components.claims.frame_matcher import frame_relation, frame_roles
from extractor.components.claims.tokens import (
    _is_nominal,
    _is_place,
    _lemma,
    _place_word,
    is_person,
    phrase_object_verb,
)
from extractor.components.claims.vocabulary import (
    ADDITION_NOUNS,
    AGENT_PREPOSITIONS,
    AMOUNT_PREPOSITIONS,
    AREA_WORDS,
    AUXILIARY_LEMMAS,
    COPULA_LEMMAS,
    GROUP_PRONOUNS,
    INDEFINITE_ARTICLES,
    NEGATIVE_PRONOUNS,
    PARTITIVE,
    RANGE_PREPOSITIONS,
    RESPONSIBILITY_PREPOSITIONS,
    ROLE_PREPOSITIONS,
    ZERO_DETERMINERS,
    ClaimVocabulary,
    claim_vocabulary,
)
from extractor.components.document import sentence_bounds
from extractor.vocabulary import load_data, require

ROLE_OPENER_DEPS = frozenset({"mark", "prep"})
# "in response to the killing of": what an attack answered (claim_terms.json)
ANSWERING_WORDS = frozenset(require(load_data("claim_terms"), "answering_words", list, "claim_terms.json"))
ANSWER_CLIMB = 4  # "in response to the killing of": the claim word, "to", "response"
# "the number of people killed rose to 18": nouns of a count that name what they count after "of"
TALLY_NOUNS = frozenset(require(load_data("claim_terms"), "tally_nouns", list, "claim_terms.json"))


def names_a_role(noun: Token) -> bool:
    """Whether the noun's phrase names the role a thing had ("arrived as a reinforcement", "a school used
    as a command post"): opened by a role word hanging on a verb, not the "as" of "such as", "as well as"."""
    if noun.left_edge.i == 0:
        return False
    opener = noun.doc[noun.left_edge.i - 1]
    return (
        opener.lower_ in ROLE_PREPOSITIONS
        and opener.dep_ in ROLE_OPENER_DEPS
        and opener.head.pos_ in ("VERB", "AUX")
    )


def strike_made_by_someone(noun: Token, vocab: ClaimVocabulary) -> bool:
    """Whether the noun is a strike named with who made it, which says it was carried out whatever verb the
    sentence hangs it on ("came shortly after another strike by regime forces")."""
    return _lemma(noun) in vocab.strike_nouns and any(
        c.dep_ in ("prep", "agent")
        and c.lower_ in AGENT_PREPOSITIONS
        and any(_is_nominal(g) for g in c.children)
        for c in noun.children
    )


def participle_after(doc: Doc, figure: Span, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """The claim participle right after a figure that counts no noun, as its passive verb: "two killed aboard
    the second", which the parse may hang on a noun before the figure."""
    if figure.end >= len(doc) or doc[figure.end].is_sent_start:
        return None
    after = doc[figure.end]
    if after.tag_ == "VBN" and _lemma(after) in vocab.verbs:
        return after, "passive"
    return None


def verb_added_to(token: Token) -> tuple[Token, str] | None:
    """The verb a count is added to by "in addition to" after it ("one tank was destroyed in addition to
    two vehicles"), with how the verb's own count stands to it, or None."""
    prep = token.head
    addition = prep.head
    opener = addition.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or addition.lower_ not in ADDITION_NOUNS:
        return None
    if addition.dep_ != "pobj" or opener.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = opener.head
    if opener.i < verb.i:
        return None  # "in addition to the infrastructure, a building was damaged": what was told before
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    return verb, "passive" if passive else "object"


def verb_swallowed_by_relative(root: Token, noun: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """The passive claim verb of a sentence whose parse has no verb of its own: "A post and three groups of
    fighters who arrived as a reinforcement were destroyed", where the parser hangs the main verb, with the
    role phrase as its subject, under the relative clause; the sentence's noun `root` and the nouns joined
    to it (`noun` one of them, not the "fighters" the groups hold) are the verb's subject."""
    if root.dep_ != "ROOT" or not _is_nominal(root) or noun.dep_ not in ("ROOT", "conj"):
        return None
    sentence_end = noun.sent.end
    for relative in (t for t in noun.subtree if t.dep_ == "relcl"):
        for verb in relative.subtree:
            if _swallowed_passive(verb, vocab) and verb.right_edge.i >= sentence_end - 2:
                return verb, "passive"
    return None


def _swallowed_passive(verb: Token, vocab: ClaimVocabulary) -> bool:
    """A passive claim verb hung as a clause, with no subject but a role phrase ("as a reinforcement")."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "conj", "ccomp") or _lemma(verb) not in vocab.verbs:
        return False
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return all(names_a_role(c) for c in verb.children if c.dep_ == "nsubjpass")


SHIFTED_OBJECT_DEPTH = 8  # how far above a shifted object its participle is looked for


def participle_read_as_relative(verb: Token) -> bool:
    """Whether a participle the parse hangs on a noun as a reduced relative is the main verb of a sentence
    that has none, the noun its subject: "In the province an army unit destroyed in an operation in the old
    quarter a command center", its object set after a long place phrase."""
    if verb.dep_ != "acl" or verb.sent.root.pos_ in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("agent", "dobj", "auxpass") for c in verb.children):
        return False
    return _shifted_object(verb) is not None


def participle_joined_after_an_object(verb: Token) -> Token | None:
    """The verb of "killed 12 militants, captured 4 and destroyed 2 vehicles" whose object the parser hung the
    second verb on as a reduced relative: a participle after a comma with an object of its own (a passive
    one takes none) is a verb joined to the one before it, sharing its subject."""
    if (
        verb.dep_ != "acl"
        or verb.tag_ not in ("VBN", "VBD")
        or verb.i < 2
        or verb.doc[verb.i - 1].text != ","
    ):
        return None
    if not any(c.dep_ == "dobj" for c in verb.children) or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    noun = verb.head
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB" or verb.doc[verb.i - 1].head.i != noun.i:
        return None
    return noun.head


def _shifted_object(verb: Token) -> Token | None:
    """The object such a participle has after its place phrase: the first noun with an indefinite article
    that the parse sets in apposition inside the phrase."""
    for token in verb.subtree:
        if token.i > verb.i and token.dep_ == "appos" and _is_nominal(token):
            if any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in token.children):
                return token
    return None


def object_of_shifted_participle(noun: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """The participle whose shifted object `noun` is (see participle_read_as_relative), as its verb."""
    for depth, ancestor in enumerate(noun.ancestors):
        if depth >= SHIFTED_OBJECT_DEPTH:
            break
        if (
            ancestor.dep_ == "acl"
            and _lemma(ancestor) in vocab.verbs
            and participle_read_as_relative(ancestor)
        ):
            return (ancestor, "object") if _shifted_object(ancestor) == noun else None
    return None


def sets_off_a_device(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """The device a patrol or vehicle "hit" by setting it off ("their patrol hit a mine", "a truck struck a
    roadside bomb"), else None: what hit it attacked no one."""
    if _lemma(verb) not in vocab.attack_verbs:
        return None
    # not strikes that hit an enemy's device ("one strike struck an ISIL improvised explosive device factory")
    if any(c.dep_ == "nsubj" and _lemma(c) in vocab.strike_nouns for c in verb.children):
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "ORG") for t in obj.lefts):
            continue  # "an ISIL IED": whose it is makes it a target
        before = obj.doc[obj.i - 1].lower_ if obj.i > 0 else ""
        if _lemma(obj) in vocab.set_off_devices or f"{before} {_lemma(obj)}" in vocab.set_off_devices:
            return obj
    return None


def strike_noun_read_as_verb(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """ "Army airstrikes on Saturday killed 9": a plural strike noun before the claim verb that the parser
    read as a verb in the present ("airstrikes" VBZ, the word before it its subject), and hung the claim verb
    on it as its clause or it on the claim verb as a subject: the strikes, with the word before, acted."""
    candidates = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ in ("ccomp", "advcl"):
        candidates.append(verb.head)
    for strikes in candidates:
        if strikes.i >= verb.i or strikes.tag_ != "VBZ":
            continue
        if strikes.lower_ not in vocab.strike_nouns and _lemma(strikes) not in vocab.strike_nouns:
            continue
        if any(c.dep_ == "nsubj" and c.i + 1 == strikes.i and _is_nominal(c) for c in strikes.children):
            return strikes
    return None


def strike_noun_hung_on_the_verb(subject: Token, verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """ "Ukrainian shelling killed a woman": a strike noun in "-ing" right after an adjective subject, which
    the parser hung on the verb as its modifier or auxiliary and left the adjective as the subject."""
    if subject.pos_ not in ("ADJ", "PROPN") or subject.i + 1 >= verb.i:
        return None
    following = subject.doc[subject.i + 1]
    misread = following.head.i == verb.i and following.dep_ in ("advmod", "aux", "npadvmod", "dep")
    if misread and following.tag_ == "VBG" and following.lower_ in vocab.strike_nouns:
        return following
    return None


def object_read_as_a_later_subject(noun: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """ "the strike killed four militants and no civilians were hurt": a counted phrase right after an active
    claim verb with no object, which the parser made the subject of the clause joined after it: the verb's
    object, not who the later verb befell."""
    phrase_start = noun.left_edge.i
    # a passive's subject only: "destroyed three vehicle borne devices" has "vehicle" the subject of "borne"
    if noun.dep_ != "nsubjpass" or noun.head.i < noun.i or phrase_start == 0:
        return None
    verb = noun.doc[phrase_start - 1]
    if verb.tag_ != "VBD" or _lemma(verb) not in vocab.verbs or verb.i == noun.head.i:
        return None
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children):
        return None
    counted = any(c.dep_ == "nummod" and c.i < noun.i for c in noun.children)
    return (verb, "object") if counted else None


def attack_made_with(verb: Token, means: Token, vocab: ClaimVocabulary) -> bool:
    """Whether the counted strikes are what an attack was made with, under a verb of attacking ("attacked
    Ukraine with 87 drones"), or of carrying out an attack that counts nothing itself ("launched an attack on
    Odesa with 40 drones"; "carried out a strike with 12 missiles" counts its one strike); also the bombs or
    shells an attack sent at something it does not count ("hit 100 targets with 200 precision munitions":
    what was spent on the targets counted, one strike perhaps several)."""
    lemma = _lemma(means)
    if lemma in vocab.strike_means and lemma not in vocab.strike_nouns:
        # bombs, shells, rounds: each one sent at something not counted itself ("attacked Kharkiv with 12
        # glide bombs"); with its targets counted, what was spent on them
        return _lemma(verb) in vocab.attack_verbs and not any(
            c.dep_ == "dobj" and any(g.dep_ == "nummod" for left in c.lefts for g in left.subtree)
            for c in verb.children
        )
    if lemma not in vocab.strike_nouns:
        return False
    if _lemma(verb) in vocab.attack_verbs:
        return True
    return _lemma(verb) in vocab.strike_verbs and any(
        c.dep_ == "dobj" and _lemma(c) in vocab.strike_nouns and _lemma(c) in vocab.not_counted_nouns
        for c in verb.children
    )


def object_read_as_a_participles_subject(noun: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """ "an aircraft killed two insurgents planting a roadside bomb": a phrase right after an active claim
    verb with no object, which the parser made the subject of a participle hung on that verb (a small
    clause): the verb's object, described by the participle, as in "detained three men carrying rifles". A
    phrase the parser made the subject of a participle it made a passive claim verb's subject is that verb's
    subject."""
    participle = noun.head
    if noun.dep_ != "nsubj" or participle.tag_ != "VBG" or participle.i < noun.i:
        return None
    verb = participle.head
    if participle.dep_ == "csubjpass" and verb.i > participle.i and _lemma(verb) in vocab.verbs:
        # "two insurgents planting a bomb were killed": the participle made the passive's subject
        return verb, "passive"
    phrase_start = noun.left_edge.i
    if phrase_start == 0 or verb.i != phrase_start - 1 or participle.dep_ not in ("advcl", "ccomp", "xcomp"):
        return None
    if verb.tag_ != "VBD" or _lemma(verb) not in vocab.verbs:
        return None
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children):
        return None
    return verb, "object"


def subject_read_as_a_joined_object(noun: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """ "the raid killed 6 gunmen and two soldiers were wounded": a counted noun the parser joined to the
    object before it, right before the auxiliary of a passive claim verb with no subject of its own, which
    the parser joined to the first verb: that verb's subject, not the first verb's object."""
    after = noun.right_edge.i + 1
    if noun.dep_ != "conj" or after >= len(noun.doc) or noun.doc[after].dep_ != "auxpass":
        return None
    verb = noun.doc[after].head
    if verb.tag_ != "VBN" or _lemma(verb) not in vocab.verbs or verb.i < noun.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    counted = any(c.dep_ == "nummod" and c.i < noun.i for c in noun.children)
    return (verb, "passive") if counted else None


def attacked_place_start(subject: Token) -> int:
    """Where an attack's place begins when an "of" phrase names it ("Shelling of the Dniprovskyi district",
    "the bombing of Gaza City"): what was hit is no part of who hit it, as "on" and "against" already are
    not; the end of the doc else. "Strikes of the Russian air force" keep their maker."""
    attacks = claim_vocabulary().strike_nouns
    if _lemma(subject) not in attacks and subject.lower_ not in attacks:
        return len(subject.doc)
    for child in subject.rights:
        target = next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ in PARTITIVE and target is not None:
            if _place_word(target) or _is_place(target) or target.lemma_.lower() in AREA_WORDS:
                return child.i
    return len(subject.doc)


def accused_doer(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """Who a verb of accusing says did the deed its gerund names, for the gerund and for a participle the
    parser hung on the verb of accusing itself ("the RSF accused the army of bombing a market, killing 20":
    the army), else None."""
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        owner = verb.head.head  # the verb of accusing, or its object when the parser hung the "of" there
        verb = owner.head if owner.dep_ == "dobj" else owner
    elif _lemma(verb) in vocab.accusing_verbs:
        accused = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        if not any(
            c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children)
            for a in accused
            for c in a.children
        ):
            return None
    if _lemma(verb) not in vocab.accusing_verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def participle_read_as_noun(
    noun: Token, auxiliary: Token, vocab: ClaimVocabulary
) -> tuple[Token, str] | None:
    """A claim verb's participle right after "have" that the tagger read as a modifier of the counted noun
    ("their fighters had overrun 3 police posts": "had" the verb, "overrun" a noun): the participle, with
    the noun its object; else None."""
    if auxiliary.i + 1 >= noun.i:
        return None
    word = noun.doc[auxiliary.i + 1]
    if word.head.i != noun.i or word.dep_ not in ("nmod", "amod", "compound"):
        return None
    return (word, "object") if _lemma(word) in vocab.verbs or word.lower_ in vocab.verbs else None


def auxiliary_of_participle_read_as_noun(verb: Token) -> Token | None:
    """The "have" before a participle read as a noun's modifier (participle_read_as_noun), whose subject is
    the participle's; else None."""
    if verb.dep_ not in ("nmod", "amod", "compound") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    return before if before.lemma_ in AUXILIARY_LEMMAS and verb.head.head.i == before.i else None


def figure_read_as_a_joined_attribute(figure: Token) -> tuple[Token, str] | None:
    """ "18 were women and 11 were children": a bare figure the parser joined to the attribute before it,
    right before a copula joined to the first one with no subject of its own: that copula's subject."""
    after = figure.i + 1
    if figure.dep_ != "conj" or not figure.like_num or after >= len(figure.doc):
        return None
    verb = figure.doc[after]
    if verb.dep_ != "conj" or _lemma(verb) not in COPULA_LEMMAS or figure.head.dep_ != "attr":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    return verb, "subject"


def answers_a_deed(claim_word: Token) -> bool:
    """Whether the claim is told as what an attack answered: "fired rockets in response to the killing of one
    of its commanders", "to avenge the deaths of": the other side's deed, not that of who answered it."""
    token = claim_word
    for _ in range(ANSWER_CLIMB):
        if token.head.i == token.i:
            return False
        token = token.head
        if _lemma(token) in ANSWERING_WORDS:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def noun_read_as_verb(subject: Token) -> bool:
    """ "Air defence means shot down 12 drones": a subject the tagger read as a verb in the present, with
    nouns compounded before it as only a noun has: the noun heading who acted. So too "Afghan and coalition
    forces killed 6 insurgents", where the parser made the first adjective the subject and joined the
    forces to it."""
    if subject.dep_ != "nsubj":
        return False
    if subject.pos_ == "ADJ":
        return any(c.dep_ == "conj" and _is_nominal(c) for c in subject.rights)
    compounded = any(c.dep_ == "compound" and _is_nominal(c) for c in subject.lefts)
    return subject.tag_ in ("VBZ", "VBP") and compounded


def object_joined_to_its_verb(noun: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """ "killed a senior official and two of his guards": a counted phrase the parser joined to the claim
    verb rather than to the verb's object before it: a second object of that verb."""
    verb = noun.head
    if noun.dep_ != "conj" or verb.pos_ != "VERB" or verb.i > noun.i:
        return None
    # "struck a unit and destroyed a cache, and three bunkers": the last verb before it, not the first
    verb = max((verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i < noun.i)))
    if _lemma(verb) not in vocab.verbs or not any(c.dep_ == "dobj" and c.i < noun.i for c in verb.children):
        return None
    return (verb, "object") if noun.like_num or _is_nominal(noun) else None


def inflicter_of_losses(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """Who the sentence of a side's own loss says inflicted losses, before it ("units of the Dnepr group
    inflicted losses on two brigades, the enemy lost up to 95 troops": the units); else None."""
    doc = verb.doc
    for word in (doc[i] for i in range(sentence_bounds(doc, verb.i)[0], verb.i)):
        if _lemma(word) not in vocab.result_verbs or vocab.result_verbs[_lemma(word)] is not None:
            continue  # a verb whose direct object is the loss ("inflicted losses", "caused losses")
        if any(c.dep_ == "dobj" and vocab.nominalizations.get(_lemma(c)) == "lose" for c in word.children):
            return next((c for c in word.children if c.dep_ == "nsubj" and _is_nominal(c)), None)
    return None


def claiming_verb(strikes: Token, vocab: ClaimVocabulary) -> Token | None:
    """The verb that claims the strikes through a noun of responsibility ("the group claimed responsibility
    for 3 attacks", "took credit for two bombings"; the parser hangs the preposition on the noun or verb)."""
    claimed = _claimed_through_responsibility(strikes, vocab)
    if claimed is None or claimed_by_no_one(claimed[0]):
        return None  # "no group has claimed responsibility for the bombings": nobody claims them
    return claimed[0]


def disclaimed_strikes(strikes: Token, vocab: ClaimVocabulary) -> Token | None:
    """The noun of responsibility for strikes no one claims ("No group has claimed responsibility for the 3
    bombings"): the claiming is denied, not the strikes, which were made by no one named."""
    claimed = _claimed_through_responsibility(strikes, vocab)
    return claimed[1] if claimed is not None and claimed_by_no_one(claimed[0]) else None


def claimed_by_no_one(verb: Token) -> bool:
    """Whether the subject of a verb names no one: "no group", "nobody"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(
        c.lower_ in NEGATIVE_PRONOUNS or any(d.lower_ in ZERO_DETERMINERS for d in c.children)
        for c in subjects
    )


def _claimed_through_responsibility(strikes: Token, vocab: ClaimVocabulary) -> tuple[Token, Token] | None:
    """The verb that claims the strikes through a noun of responsibility, and that noun."""
    prep = strikes.head
    if strikes.dep_ != "pobj" or prep.lower_ not in RESPONSIBILITY_PREPOSITIONS:
        return None
    holder = prep.head
    verb = holder.head if holder.dep_ == "dobj" else holder
    nouns = [holder] if holder.dep_ == "dobj" else [c for c in verb.children if c.dep_ == "dobj"]
    if verb.pos_ != "VERB" or not nouns:
        return None
    claimed = vocab.responsibility_nouns.get(_lemma(nouns[0]), frozenset())
    return (verb, nouns[0]) if _lemma(verb) in claimed and _lemma(strikes) in vocab.strike_nouns else None


def verb_of_its_own_preposition(token: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """A verb whose object comes after a preposition of its own: "in addition to" (verb_added_to), a phrase
    verb's ("set fire to 3 tankers") or a result verb's over a loss ("resulted in 12 deaths")."""
    added = verb_added_to(token)
    if added is not None:
        return added
    verb = phrase_object_verb(token.head) or loss_resulting(token, vocab) or claiming_verb(token, vocab)
    if verb is None and (disclaimed := disclaimed_strikes(token, vocab)) is not None:
        return disclaimed, "nominal"
    return (verb, "object") if verb is not None else None


def loss_resulting(token: Token, vocab: ClaimVocabulary) -> Token | None:
    """The result verb whose own preposition names the loss as what came of it ("resulted in 12 deaths", "led
    to 40 casualties"): the loss is the verb's result, not an event it came in ("died in 3 raids")."""
    prep = token.head
    verb = prep.head
    if verb.pos_ != "VERB" or vocab.result_verbs.get(_lemma(verb)) != prep.lower_:
        return None
    return verb if _lemma(token) in vocab.loss_nouns or token.lower_ in vocab.result_words else None


def participle_of_a_tally(tally: Token, vocab: ClaimVocabulary) -> Token | None:
    """The claim verb's participle that names what a tally counts ("the number of people killed has risen to
    18", "the number of soldiers wounded stood at 40", the parser hanging it on either noun): the figure the
    tally comes to counts those the participle befell."""
    if _lemma(tally) not in TALLY_NOUNS:
        return None
    counted = [g for c in tally.children if c.lower_ in PARTITIVE for g in c.children if g.dep_ == "pobj"]
    for noun in [*counted, tally]:
        for child in noun.children:
            if child.dep_ == "acl" and child.tag_ == "VBN" and _lemma(child) in vocab.verbs:
                return child
    return None


def imputed_doer(strikes: Token, vocab: ClaimVocabulary) -> Token | None:
    """Who a strike is laid on: "an attack blamed on the RSF", "the strike, which Kyiv blamed on Russia",
    "police blamed the attack, which killed 9, on Boko Haram", "authorities blamed Boko Haram for the
    attack" (imputing_verbs; a verb of accusing with "for"); else None."""
    clauses = [c for c in strikes.children if c.dep_ in ("acl", "relcl")]
    # "an attack which officials blamed on ...": the parser may hang the verb on a word of the clause
    verbs = [t for c in clauses for t in c.subtree if _lemma(t) in vocab.imputing_verbs and t.pos_ == "VERB"]
    holder = strikes.head
    if strikes.dep_ == "dobj" and _lemma(holder) in vocab.imputing_verbs:
        verbs.append(holder)
    for verb in verbs:
        preposition = vocab.imputing_verbs[_lemma(verb)]
        # "blamed the attack, which killed 9, on Boko Haram": the parser may hang it on the clause's verb
        owners = [verb, *(c for c in clauses if verb is holder)]
        doer = next(
            (
                g
                for owner in owners
                for c in owner.children
                if c.dep_ == "prep" and c.lower_ == preposition
                for g in c.children
                if g.dep_ == "pobj" and _is_nominal(g) and g.ent_type_ not in ("DATE", "TIME")
            ),
            None,
        )
        if doer is not None:
            return doer
    if strikes.dep_ == "pobj" and holder.lower_ in vocab.deed_prepositions:
        accusing = holder.head.head if holder.head.dep_ == "dobj" else holder.head
        if _lemma(accusing) in vocab.accusing_verbs:
            # "blamed Boko Haram for the attack", "Boko Haram was blamed for the attack"
            accused = (c for c in accusing.children if c.dep_ in ("dobj", "nsubjpass") and _is_nominal(c))
            return next(accused, None)
    return None


def amount_governor(token: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """What an amount is of: the losses of "Ukrainian losses amounted to 1,200 servicemen", or the
    participle of "the number of people killed rose to 18"."""
    for losses in frame_roles(token, "amount_of_losses"):
        if _lemma(losses.head) not in vocab.amount_verbs:
            continue
        if _lemma(losses) in vocab.nominalizations:
            return losses, frame_relation("amount_of_losses")
        fallen = participle_of_a_tally(losses, vocab)
        if fallen is not None:
            return fallen, "passive"
    tally = tally_set_through_its_participle(token, vocab)
    return (tally[1], "passive") if tally is not None else None


def tally_set_through_its_participle(token: Token, vocab: ClaimVocabulary) -> tuple[Token, Token] | None:
    """ "bringing the number of troops killed this month to 17", "bringing the total killed to 120": the
    tally noun an amount verb sets, and the participle of what it counts, where the parser hung the figure's
    preposition on that participle instead of the verb."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in AMOUNT_PREPOSITIONS:
        return None
    participle = prep.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or _lemma(participle) not in vocab.verbs:
        return None
    tally = participle.head
    if tally.dep_ == "pobj" and tally.head.lower_ in PARTITIVE:
        tally = tally.head.head  # "the number of troops killed"
    if tally.dep_ not in ("dobj", "nsubj") or _lemma(tally.head) not in vocab.amount_verbs:
        return None
    fallen = participle_of_a_tally(tally, vocab)
    return (tally, participle) if fallen is not None and fallen.i == participle.i else None


def running_total_set(token: Token, vocab: ClaimVocabulary) -> bool:
    """Whether a figure is the new sum a verb of adding sets a tally at ("bringing the total to 120", "The
    deaths bring to 14 the number of insurgents killed"): a running total."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in AMOUNT_PREPOSITIONS:
        return False
    tally = tally_set_through_its_participle(token, vocab)
    verb = tally[0].head if tally is not None else prep.head
    return _lemma(verb) in vocab.running_total_verbs


def losses_amounting(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """The losses a verb of amounting or "be" says its object is ("Russian losses over the past day were
    1,120 troops", "included 14 tanks", "totalled 25 artillery systems"): the count's nominal claim."""
    if _lemma(verb) not in vocab.amount_verbs and _lemma(verb) not in COPULA_LEMMAS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and _lemma(subject) in vocab.nominalizations else None


def group_picked_from(doc: Doc, sentence: Span, figure: Span, vocab: ClaimVocabulary) -> Token | None:
    """The people a bare figure picks some of through "of them" ("engaged a group of insurgents, killing
    three of them"): the nearest plural noun of people before it in the sentence, for its category."""
    if figure.end + 1 >= sentence.end or doc[figure.end].lower_ not in PARTITIVE:
        return None
    if doc[figure.end + 1].lower_ not in GROUP_PRONOUNS:
        return None
    return _people_before(doc, sentence, figure, vocab)


def _people_before(
    doc: Doc, sentence: Span, figure: Span, vocab: ClaimVocabulary, deps: frozenset[str] | None = None
) -> Token | None:
    """The nearest plural noun of people before the figure in its sentence (of one of `deps`, if given)."""
    return next(
        (
            t
            for t in reversed(doc[sentence.start : figure.start])
            if t.tag_ == "NNS" and (deps is None or t.dep_ in deps) and is_person(t, vocab)
        ),
        None,
    )


OBJECT_DEPS = frozenset({"dobj", "pobj"})


def people_a_bare_figure_counts(
    doc: Doc, sentence: Span, figure: Span, vocab: ClaimVocabulary
) -> Token | None:
    """The people a bare figure with no noun counts as the object of a verb of loss ("engaged insurgents in
    Kunar province, killing five"): the nearest plural noun of people before it in the sentence."""
    head = figure.root
    if head.dep_ not in ("dobj", "nsubjpass") or head.head.pos_ != "VERB" or head.head.i < figure.start - 2:
        return None
    # an object, not who acted: "Militants attacked a checkpoint, killing five" counts no militants
    return _people_before(doc, sentence, figure, vocab, OBJECT_DEPS)


def acting_strike_verb(noun: Token, vocab: ClaimVocabulary) -> Token | None:
    """ "Near Ramadi, an airstrike destroyed four caches": the small model reads the strike as an apposition
    to the place, with the verb that has an object of its own hung on it as a reduced relative; the strike
    is that verb's subject."""
    if _lemma(noun) not in vocab.strike_nouns or noun.dep_ in (
        "dobj",
        "pobj",
        "nsubjpass",
        "compound",
        "conj",
    ):
        return None  # "struck an ISIL rocket firing position": a weapon named inside what was hit
    # the frame strike_acting of claim_frames.json: a participle or past verb after the strike, with an object
    # (whatever the verb: "2 strikes produced inconclusive results" made them as "had" does)
    for verb in frame_roles(noun, "strike_acting"):
        return verb
    # "Near Manbij, 3 strikes cratered 2 routes": the opening place read as the verb's subject and the strike
    # as its loose modifier
    verb = noun.head
    if noun.dep_ == "npadvmod" and verb.pos_ == "VERB" and verb.i > noun.i:
        if any(c.dep_ == "nsubj" and c.i < noun.i and _is_place(c, strong=True) for c in verb.children):
            return verb
    return None


def range_read_as_preposition(token: Token) -> bool:
    """ "The strikes killed between 12 and 20 people": the opener of a range of two figures on the counted
    noun, read as a preposition on the verb, whose object the noun is."""
    prep = token.head
    if prep.lower_ not in RANGE_PREPOSITIONS or prep.head.pos_ != "VERB":
        return False
    return sum(t.like_num for t in token.doc[token.left_edge.i : token.i]) >= 2


def claims_it(verb: Token, vocab: ClaimVocabulary, noun: Token | None = None) -> bool:
    """ "claimed the attack", also through a noun of responsibility, its object ("for which al-Shabaab took
    responsibility") or the `noun` given ("responsibility ... was claimed by")."""
    if noun is not None:
        return _lemma(verb) in vocab.responsibility_nouns.get(_lemma(noun), ())
    if _lemma(verb) in vocab.claiming_verbs:
        return True
    return any(
        c.dep_ == "dobj" and _lemma(verb) in vocab.responsibility_nouns.get(_lemma(c), ())
        for c in verb.children
    )


def names_a_weapon(noun: Token, vocab: ClaimVocabulary) -> bool:
    """A weapon or a device set off ("a car bomb", "an IED"): who planted, worked or claimed it made the
    strike ("a roadside bomb planted by ISIS killed 4")."""
    lemma = _lemma(noun)
    before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
    return lemma in vocab.strike_means | vocab.set_off_devices or f"{before} {lemma}" in vocab.set_off_devices
