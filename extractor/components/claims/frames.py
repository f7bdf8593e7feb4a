"""Frames: the counted noun, the verb that governs it, the effect it has and its qualifiers."""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, ENT_TYPE, IS_ALPHA, IS_UPPER, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Span, Token

from extractor.components.claims.effects import (
    past_a_verb_of_no_loss,
    verb_effect,
)
from extractor.components.claims.frame_matcher import (
    achieving,
    frame_relation,
    frame_role,
    frame_roles,
    governing_frame,
)
from extractor.components.claims.memo import remembered
from extractor.components.claims.tokens import _clean, _is_nominal, _lemma, is_person
from extractor.components.claims.vocabulary import (
    ACCOMPANYING_PREPOSITIONS,
    AGE_AFTER,
    AGE_UNITS,
    ALONG_WORDS,
    ARGUMENT_DEPS,
    COORDINATORS,
    DEFINITE_OPENERS,
    DESIGNATION,
    GROUP_PREPOSITIONS,
    HARM_PREPOSITIONS,
    INDEFINITE_ARTICLES,
    INFINITIVE_MARKERS,
    MEASURE_UNITS,
    MEMBER_PREPOSITIONS,
    MODIFIER_DEPS,
    NOMINAL_POS,
    NOMINAL_TAGS,
    ONE_DETERMINERS,
    ONE_WORDS,
    PARTICLE_REQUIRED_VERBS,
    PARTITIVE,
    PHRASE_VERBS,
    QUANTIFIER_WORDS,
    RESULTATIVE_VERBS,
    SINGULAR_CANDIDATES_KEY,
    UNCOUNTED_ENTITIES,
    ZERO_DETERMINERS,
    ClaimVocabulary,
)
from extractor.components.claims.wording import (
    acting_strike_verb,
    amount_governor,
    attack_made_with,
    claiming_verb,
    figure_read_as_a_joined_attribute,
    loss_resulting,
    losses_amounting,
    object_joined_to_its_verb,
    object_of_shifted_participle,
    object_read_as_a_later_subject,
    object_read_as_a_participles_subject,
    participle_joined_after_an_object,
    participle_read_as_relative,
    range_read_as_preposition,
    subject_read_as_a_joined_object,
    verb_of_its_own_preposition,
    verb_swallowed_by_relative,
)
from extractor.components.document import at_top, members, sentence_bounds, word_hashes

# the frames of claim_frames.json that tie the head of a counted phrase to its verb by its own label, and
# those that tie it through a preposition, in the order the climb asks them
DIRECT_FRAMES = ("verb_object", "verb_passive", "verb_subject")
RELATIVE_FRAMES = ("relative_object", "relative_passive")
EXCLAMATION = "!"
# the verb forms that tell of a deed done or being done, not called for
TOLD_VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP"})


def _claim_word_mask(doc: Doc, vocab: ClaimVocabulary) -> numpy.ndarray:
    """Which tokens are claim verbs, their nominalizations or strike nouns: a sentence with none of them
    holds no claim without a figure, and the search for one is skipped."""
    words = word_hashes(frozenset((*vocab.verbs, *vocab.nominalizations, *vocab.strike_nouns, *PHRASE_VERBS)))
    lemmas, lowers = doc.to_array([LEMMA, LOWER]).T
    return members(lemmas, words) | members(lowers, words)


def _singular_candidates(doc: Doc) -> list[int]:
    """The nouns `_singular_reading` does not turn away at once (nominal, no modifier of another noun, no
    date, place or nationality), in order, found once per document from its arrays."""
    found = doc.user_data.get(SINGULAR_CANDIDATES_KEY)
    if found is None:
        pos, tag, deps, entity_types, upper, alpha = doc.to_array(
            [POS, TAG, DEP, ENT_TYPE, IS_UPPER, IS_ALPHA]
        ).T
        nominal = members(pos, NOMINAL_POS) | members(tag, word_hashes(NOMINAL_TAGS))
        nominal |= (upper & alpha).astype(bool) & members(deps, word_hashes(ARGUMENT_DEPS))
        modifier = members(deps, word_hashes(MODIFIER_DEPS))
        uncounted = members(entity_types, word_hashes(UNCOUNTED_ENTITIES))
        found = doc.user_data[SINGULAR_CANDIDATES_KEY] = numpy.flatnonzero(
            nominal & ~modifier & ~uncounted
        ).tolist()
    return found


def range_head(doc: Doc, core_start: int, core_end: int) -> Token:
    """The word of a figure that the parse hangs its relations on: its last word, or for a range its first
    bound, to which the parser joins the second ("between 30 and 40 dead": "40" is a conjunct of "30")."""
    last = doc[core_end - 1]
    while last.dep_ == "conj" and core_start <= last.head.i < last.i:
        last = last.head
    return last


def counted_noun(doc: Doc, core_start: int, core_end: int) -> Token | None:
    """The noun a figure counts: its parse head when that is a noun to its right, else the last noun of the
    nominal run right after it (the small model often attaches "6" to the first of several nouns)."""
    last = range_head(doc, core_start, core_end)
    sentence_end = sentence_bounds(last.doc, last.i)[1]
    run_end = _nominal_run_end(doc, core_start, core_end, sentence_end)
    head = last.head
    if head.i >= core_end and _is_nominal(head) and head.i < run_end and not DESIGNATION.fullmatch(head.text):
        # the parse head may still be a modifier of a later noun in the run
        while head.head.i > head.i and head.head.i < run_end and _is_nominal(head.head):
            head = head.head
        if head.i + 1 < run_end and _participle_in_compound(doc, head.i + 1, core_start, run_end + 1):
            return next(doc[i] for i in range(run_end - 1, head.i, -1) if doc[i].tag_ == "NNS")
        return head
    if run_end > core_end:
        for i in range(run_end - 1, core_end - 1, -1):
            if _is_nominal(doc[i]):
                return doc[i]
        # "two F-16 and two A-10 jets": a designation standing for the noun it modifies
        designation = doc[core_end]
        if DESIGNATION.fullmatch(designation.text) and _is_nominal(designation.head):
            if designation.head.i > designation.i:
                return designation.head
    if _is_nominal(head) and head.i > core_end and head.i - core_end <= 3:
        return head
    if (
        _is_nominal(head)
        and head.i > core_end
        and all(core_end <= t.head.i <= head.i for t in doc[core_end : head.i])
    ):
        return head  # "two 19-year-old soldiers": all between the figure and its noun modifies the noun
    return None


def _nominal_run_end(doc: Doc, core_start: int, core_end: int, sentence_end: int) -> int:
    """Where the run of nouns and their modifiers right after a figure ends."""
    run_end = core_end
    if run_end < sentence_end and doc[run_end].ent_iob_ == "B" and doc[run_end].ent_type_ in ("DATE", "TIME"):
        return run_end  # "detained one Saturday": a day opening right after a bare figure says when
    while run_end < sentence_end:
        if _extends_run(doc, run_end, core_start, sentence_end):
            run_end += 1
            continue
        after_brackets = _bracketed_run_end(doc, run_end, sentence_end)
        if after_brackets is not None:
            run_end = after_brackets
            continue
        if _coordinated_in_run(doc, run_end, core_end):
            run_end += 1  # "command and communication posts"
            continue
        break
    return run_end


def _extends_run(doc: Doc, run_end: int, core_start: int, sentence_end: int) -> bool:
    """A token that goes on a nominal run: a noun, a modifier of one, a joined or designated name."""
    token = doc[run_end]
    if _is_nominal(token) or token.pos_ in ("ADJ", "PART") and token.dep_ in ("amod", "compound", "case"):
        return True
    if _modifying_participle(token):
        return True
    if _participle_in_compound(doc, run_end, core_start, sentence_end):
        return True  # "four rocket propelled grenade systems", parsed with "propelled" as a verb
    if _inside_a_hyphenated_word(doc, run_end) and run_end + 1 < sentence_end:
        return True  # "two surface-to-air missiles": the words of one word joined by hyphens
    if token.text in ("-", "/") and run_end + 1 < sentence_end:
        # "two ISIS-held buildings": the hyphen joins a holder to the participle that modifies the noun
        after = doc[run_end + 1]
        # "four al-Shabaab fighters": a name's part the parser tagged an adjective modifying the noun
        named = after.pos_ == "ADJ" and after.dep_ in ("amod", "compound") and after.head.i > after.i
        return _is_nominal(after) or _modifying_participle(after) or named
    return bool(DESIGNATION.fullmatch(token.text))  # "four F-16 jets", "3 T-72 tanks"


def _inside_a_hyphenated_word(doc: Doc, i: int) -> bool:
    """A hyphen with no space either side, or the word right after one, that goes on to another such hyphen:
    the "-to-" of "surface-to-air"."""
    hyphen = doc[i] if doc[i].tag_ == "HYPH" else doc[i - 1] if i > 0 else None
    if hyphen is None or hyphen.tag_ != "HYPH" or hyphen.whitespace_ or doc[hyphen.i - 1].whitespace_:
        return False
    word_end = hyphen.i + 2
    return word_end < len(doc) and doc[word_end].tag_ == "HYPH" and not doc[hyphen.i + 1].whitespace_


def _modifying_participle(token: Token) -> bool:
    """A participle that modifies a noun after it ("the destroyed tanks", "ISIS-held buildings")."""
    return token.tag_ in ("VBN", "VBG") and token.dep_ in ("amod", "compound") and token.head.i > token.i


def _bracketed_run_end(doc: Doc, run_end: int, sentence_end: int) -> int | None:
    """Past a bracketed name inside a nominal run ("Islamic State (IS) jihadists", "80 [Daesh] fighters"),
    or None."""
    if doc[run_end].text not in ("(", "[") or run_end + 2 >= sentence_end:
        return None
    close = next(
        (j for j in range(run_end + 1, min(run_end + 5, sentence_end)) if doc[j].text in (")", "]")),
        None,
    )
    if (
        close is not None
        and close + 1 < sentence_end
        and (_is_nominal(doc[close + 1]) or doc[close + 1].pos_ == "ADJ")
    ):
        return close + 1
    return None


def _coordinated_in_run(doc: Doc, run_end: int, core_end: int) -> bool:
    """A conjunction between two modifiers of one noun later in the run."""
    return (
        doc[run_end].lower_ in COORDINATORS
        and run_end > core_end
        and doc[run_end - 1].dep_ in ("compound", "amod", "nmod")
        and doc[run_end - 1].head.i > run_end
    )


def _participle_in_compound(doc: Doc, i: int, core_start: int, sentence_end: int) -> bool:
    """A participle inside a compound noun counted in the plural ("four rocket propelled grenade systems"):
    it follows a singular noun and comes before the plural noun the figure agrees with."""
    if doc[i].tag_ not in ("VBN", "VBG", "VBD") or i + 1 >= sentence_end or doc[i - 1].tag_ != "NN":
        return False
    if doc[core_start].lower_ in ONE_WORDS or doc[core_start].text == "1":
        return False
    after = i + 1
    while after < sentence_end and doc[after].tag_ == "NN":
        after += 1
    return after < sentence_end and doc[after].tag_ == "NNS"


def _phrase_start(doc: Doc, noun: Token, floor: int) -> int:
    """The first token of the modifiers before `noun` (adjectives, compounds), not before `floor`."""
    start = noun.i
    while start - 1 >= floor:
        token = doc[start - 1]
        if token.dep_ in ("compound", "amod", "nmod", "poss", "case") or _is_nominal(token):
            start -= 1
            continue
        if token.text in ("-", "/") and start - 2 >= floor:
            start -= 1
            continue
        if start - 2 >= floor and _inside_a_hyphenated_word(doc, token.i - 1):
            start -= 1  # the "to" of "a surface-to-air missile"
            continue
        if opens_measure(doc, token.i):
            start -= 1  # "a 155mm M777 howitzer": the calibre is part of what the thing is
            continue
        if token.lower_ in COORDINATORS and start - 2 >= floor and doc[start - 2].head.i >= start:
            start -= 1
            continue
        break
    return start


def _coordinated_nouns(noun: Token) -> list[Token]:
    """Nouns joined to `noun` that have no count of their own ("warehouses and fuel depots")."""
    joined = []
    for child in noun.children:
        if child.dep_ == "conj" and _is_nominal(child) and not _has_count(child):
            joined.append(child)
            joined.extend(_coordinated_nouns(child))
    return joined


def _has_count(noun: Token) -> bool:
    # "two insurgents and their leader": a singular of someone's is one of its own; "9 field artillery guns":
    # a figure the parser hung on the compound before the noun counts it too; "the deaths of five fighters
    # and the recovery of four rifles": a noun whose "of" counts something of its own is a nominal of its own
    before = noun.doc[noun.left_edge.i : noun.i]
    return (
        any(c.dep_ == "nummod" or c.like_num or c.dep_ == "poss" and noun.tag_ == "NN" for c in noun.children)
        or any(
            c.dep_ == "prep"
            and c.lower_ in PARTITIVE
            and any(o.dep_ == "pobj" and _has_count(o) for o in c.children)
            for c in noun.children
        )
        or any(t.like_num or t.lower_ in QUANTIFIER_WORDS for t in before)
        or noun.lower_ in QUANTIFIER_WORDS  # "12 militants and dozens of civilians"
        or any(
            c.lower_ in INDEFINITE_ARTICLES | ONE_DETERMINERS | ZERO_DETERMINERS and c.dep_ == "det"
            for c in noun.children
        )
    )


def category_extent(doc: Doc, first: int, noun: Token) -> tuple[int, int]:
    """The token range of what is counted, as worded, starting at `first` and ending at the head noun or
    the last coordinated noun without a count of its own."""
    end = noun.i + 1
    for joined in _coordinated_nouns(noun):
        if joined.i + 1 > end and joined.i - end <= 4:
            end = joined.i + 1
    return past_age(doc, first, noun.i), end


def _words_after_figure(doc: Doc, i: int, reach: int) -> list[str]:
    """The words within `reach` tokens after a figure at token i, hyphens left out ("19-year-old"); none
    after a token that is no figure."""
    return [t.lower_ for t in doc[i + 1 : i + 1 + reach] if t.text != "-"] if doc[i].like_num else []


def opens_measure(doc: Doc, i: int) -> bool:
    """Whether token i is the figure of a measure that names a kind of thing: "155mm", "122-mm", "5-ton"."""
    words = _words_after_figure(doc, i, 2)
    return bool(words) and words[0] in MEASURE_UNITS


def opens_age(doc: Doc, i: int) -> bool:
    """Whether token i is the figure of an age: "19-year-old", "12 years old"."""
    words = _words_after_figure(doc, i, 4)
    return len(words) >= 2 and words[0].rstrip("s") in AGE_UNITS and words[1] in AGE_AFTER


def past_age(doc: Doc, first: int, noun_index: int) -> int:
    """`first`, or the token after an age among the words before the noun: an age says who was counted, not
    what ("two 19-year-old soldiers" counts soldiers)."""
    for i in range(noun_index - 1, first, -1):
        words = [t.lower_ for t in doc[first:i] if t.text != "-"]
        if doc[i].lower_ in AGE_AFTER and words and words[-1].rstrip("s") in AGE_UNITS:
            if any(t.like_num for t in doc[max(first - 1, 0) : i]):
                return i + 1
    return first


def _named_anew(noun: Token) -> bool:
    """Not "the militants", "these fighters": people or things not spoken of before."""
    doc = noun.doc
    sentence_start = sentence_bounds(doc, noun.i)[0]
    if noun.i <= sentence_start:
        return True
    return doc[_phrase_start(doc, noun, sentence_start) - 1].lower_ not in DEFINITE_OPENERS


def _in_headline(noun: Token) -> bool:
    """A noun in a top headline in the present tense ("Russia says 62 troops killed")."""
    sentence_start = sentence_bounds(noun.doc, noun.i)[0]
    return at_top(noun.doc, noun.doc[sentence_start].idx) and noun.head.tag_ in ("VBZ", "VBP")


@remembered
def governing_verb(noun: Token, vocab: ClaimVocabulary) -> tuple[Token | None, str]:
    """The verb (or nominalization) whose object or subject `noun` is, and how: "object", "subject",
    "passive", "result", "nominal", or "instrument" (the drones of "attacked with 87 drones")."""
    direct = (
        _direct_governor(noun, vocab)
        or object_of_shifted_participle(noun, vocab)
        or object_read_as_a_later_subject(noun, vocab)
        or object_read_as_a_participles_subject(noun, vocab)
        or subject_read_as_a_joined_object(noun, vocab)
        or figure_read_as_a_joined_attribute(noun)
        or object_joined_to_its_verb(noun, vocab)
    )
    if direct is not None:
        return direct
    token = noun
    for _ in range(6):
        dep = token.dep_
        head = token.head
        if token.i == head.i:
            return verb_swallowed_by_relative(token, noun, vocab) or (None, "")
        # "some Tunisians, a Jordanian and two women were among the dead": a nationality stands as a noun
        noun_like = (
            _is_nominal(head)
            or head.pos_ == "ADJ"
            and head.dep_ in ("appos", "conj", "nsubj", "dobj")
            # "killing him and two other gunmen": joined to a pronoun the verb was done to
            or head.pos_ == "PRON"
            and dep == "conj"
            and head.dep_ in ("dobj", "nsubjpass")
        )
        if dep == "appos" and _losses_headed(token, vocab):
            return head, "nominal"  # "Enemy losses over the past day: 1,040 personnel, eight tanks"
        if dep in ("conj", "appos") and noun_like:
            token = head
            continue
        governed = governing_frame(token, *DIRECT_FRAMES) or _object_joined_to_verb(token)
        if governed is not None:
            return _through_the_verb(*governed, vocab)
        if dep == "pobj":
            verb, relation, onward = _governor_through_preposition(token, vocab)
            if verb is not None:
                return verb, relation
            if onward is None:
                break
            token = onward
            continue
        if dep == "npadvmod" and head.pos_ == "VERB" and _lemma(head) in vocab.verbs:
            # "shot down 23 of 31 drones", "Marines sank 4 boats": a figure or its noun the parser hung on the
            # verb loosely; "killed 27 people in Gaza, among them 11 children": a part of its object so hung
            if _loose_object(token) or _named_among(token):
                return head, "object"
        if dep in ("nummod", "compound", "amod", "npadvmod", "dep", "nmod"):
            token = head
            continue
        if dep in ("acl", "relcl", "advcl", "ccomp", "xcomp", "ROOT", "conj"):
            break
        break
    return None, ""


def _losses_headed(token: Token, vocab: ClaimVocabulary) -> bool:
    """A counted phrase set after a colon beside a noun of losses, which it says the losses were."""
    head = token.head
    sense = vocab.verbs.get(vocab.nominalizations.get(_lemma(head), ""))
    if sense is None or not sense.subject_loses:
        return False
    if not any(c.dep_ == "nummod" and c.i < token.i for c in token.children):
        return False  # "Losses: personnel 1,040, tanks 8": a table's pairs, read as a losses list is
    return any(t.text == ":" for t in token.doc[head.i + 1 : token.left_edge.i])


def _through_the_verb(verb: Token, relation: str, vocab: ClaimVocabulary) -> tuple[Token, str]:
    """What a verb that governs a phrase directly gives: the losses it says its object is ("Russian losses
    were 1,120 troops"), the passive a reporting verb announced, else the verb past one of no loss."""
    if relation == "object":
        losses = losses_amounting(verb, vocab)
        if losses is not None:
            return losses, "nominal"
        reported = _reported_passive(verb, vocab)
        if reported is not None:
            return reported, "passive"
    return past_a_verb_of_no_loss(verb, relation, vocab)


def _object_joined_to_verb(token: Token) -> tuple[Token, str] | None:
    """The verb whose object the parser joined `token` to the verb itself, beside that object ("killing him
    and one of his guards"); the list's last item it hung on a first verb ("struck two units and destroyed
    a cache, a truck and three bunkers") belongs to the verb joined after that one, before it."""
    governed = governing_frame(token, "object_joined_to_verb")
    if governed is None:
        return None
    verb = governed[0]
    if not any(c.dep_ == "dobj" and c.i < token.i for c in verb.children):
        return None
    later = [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and c.i < token.i
        and any(g.dep_ == "dobj" for g in c.children)
    ]
    return (later[-1], "object") if later else governed


def _named_among(token: Token) -> bool:
    """A counted noun opened by "among" ("among them 11 children"), which names part of a group before it."""
    return any(
        c.dep_ == "prep" and c.i < token.i and c.lower_ in GROUP_PREPOSITIONS for c in token.children
    ) and (any(c.dep_ == "nummod" and c.like_num for c in token.children))


def _loose_object(token: Token) -> bool:
    """A figure, or a noun a figure counts after its verb where the verb has no object of its own: what the
    verb acts on (not a place or a day hung on the verb: "arrested ..., Sar-e Pul province, Saturday")."""
    verb = token.head
    if token.like_num:
        return True
    counted = any(c.dep_ == "nummod" and c.like_num for c in token.children)
    return counted and token.i > verb.i and not any(c.dep_ == "dobj" for c in verb.children)


def _direct_governor(noun: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """A verb that governs `noun` from below it: a reduced passive relative, or the strikes' own verb."""
    # "a weapons operative captured by U.S. forces": a reduced passive relative over a noun named anew (not
    # "the militants killed in the offensive", who were counted before, nor a headline's "Russia says 62
    # troops killed")
    for verb in frame_roles(noun, "reduced_passive"):
        if _lemma(verb) in vocab.verbs and _named_anew(noun) and not _in_headline(noun):
            if not participle_read_as_relative(verb) and participle_joined_after_an_object(verb) is None:
                return verb, frame_relation("reduced_passive")
    strike_acting = acting_strike_verb(noun, vocab)
    if strike_acting is not None:
        return strike_acting, frame_relation("strike_acting")
    return None


def _governor_through_preposition(
    token: Token, vocab: ClaimVocabulary
) -> tuple[Token | None, str, Token | None]:
    """What governs `token`, the object of a preposition: the verb and relation, or else the token the
    search goes on from (a group it is a member of, a body misparsed over it), or neither."""
    prep = token.head
    body = _misparsed_body(token, vocab)
    if body is not None:
        return None, "", body
    own = verb_of_its_own_preposition(token, vocab)
    if own is not None:
        return own[0], own[1], None
    if range_read_as_preposition(token):
        return prep.head, "object", None
    nominal = _nominal_claim(token, vocab)
    if nominal is not None:
        return (*nominal, None)
    along = prep.lower_ in ACCOMPANYING_PREPOSITIONS and (
        prep.head.lower_ in ALONG_WORDS or _is_nominal(prep.head) and is_person(token, vocab)
    )
    if prep.lower_ in MEMBER_PREPOSITIONS or along:
        member_of = prep.head
        while member_of.dep_ == "prep" and member_of.head.i != member_of.i:  # "along with", "as well as"
            member_of = member_of.head
        if member_of.pos_ in ("VERB", "AUX"):
            return member_of, "object", None
        return None, "", member_of
    governed = governing_frame(token, "strike_target")
    if governed is not None and _lemma(governed[0]) in vocab.strike_nouns:
        return (*governed, None)
    governed = governing_frame(token, "strike_object_target")
    if governed is not None and _sent_strikes(governed[0], vocab):
        return (*governed, None)
    governed = governing_frame(token, "instrument", "instrument_on_object")
    if governed is not None and attack_made_with(governed[0], token, vocab):
        return (*governed, None)
    amount = amount_governor(token, vocab)
    if amount is not None:
        return (*amount, None)
    # "fired at a convoy" names what was hit; "were destroyed at the depot" where they were
    governed = governing_frame(token, "verb_target")
    if governed is not None and not any(c.dep_ in ("dobj", "nsubjpass") for c in governed[0].children):
        return (*governed, None)
    governed = governing_frame(token, "event_means")
    if governed is None and _lemma(token) in vocab.strike_nouns:
        governed = governing_frame(token, "event_means_on_object")
    return (*governed, None) if governed is not None else (None, "", None)


def _sent_strikes(strikes: Token, vocab: ClaimVocabulary) -> bool:
    """Strikes made by the verb they are the object of ("carried out strikes"), or the means of strikes sent
    ("dropped bombs", "opened fire"); not those seized or reported in passing
    ("seized rockets at 2 ports")."""
    lemma, verb = _lemma(strikes), _lemma(strikes.head)
    if lemma in vocab.strike_nouns and verb in vocab.strike_verbs and verb not in vocab.reporting_verbs:
        return True
    return lemma in vocab.strike_means and verb in vocab.means_verbs


def _relative_clause_verb(noun: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """ "listed 12 tanks that the jets destroyed", "12 tanks which were destroyed": a claim verb in a
    relative clause whose pronoun stands for the counted noun, when the noun's own verb claims nothing."""
    if _lemma(noun.head) in vocab.verbs:
        return None
    # the frames relative_object and relative_passive of claim_frames.json; the first clause that claims
    clauses = [(verb, frame_relation(name)) for name in RELATIVE_FRAMES for verb in frame_roles(noun, name)]
    clauses.sort(key=lambda clause: clause[0].i)
    return next((clause for clause in clauses if _lemma(clause[0]) in vocab.verbs), None)


def _bare_figure(doc: Doc, span: Span) -> bool:
    """A figure in a run of figures ("Share (200) 0 38"), or one an article parts from the noun after it
    ("38 A US missile strike"): page furniture such as share and comment counts, no count of a thing."""
    if span.end >= len(doc) or doc[span.end].is_sent_start:
        return False
    after = doc[span.end]
    if after.like_num and not after.is_punct:
        # "two 19-year-old soldiers" counts the soldiers, "two 155mm howitzers" the howitzers
        return not (opens_age(doc, after.i) or opens_measure(doc, after.i))
    return after.tag_ == "DT" and after.dep_ == "det" and after.head.i > after.i and after.is_title


def _counts_a_source(verb: Token, vocab: ClaimVocabulary) -> bool:
    """A reporting verb whose subject is who speaks ("one official said the strikes ..."), not one that
    reports its subject's fate ("70 people reported killed")."""
    if _lemma(verb) not in vocab.reporting_verbs:
        return False
    return not any(
        c.dep_ in ("acomp", "oprd", "xcomp") and (c.lower_ in vocab.result_words or _lemma(c) in vocab.verbs)
        for c in verb.children
    )


def _idiom_holds(noun: Token, vocab: ClaimVocabulary) -> bool:
    """A noun that is a claim only inside an idiom is so there: "claimed the lives of", not "saved the lives
    of"; other nominalizations always hold."""
    verbs = vocab.idiom_nouns.get(_lemma(noun))
    if verbs is None:
        return True
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "caused 12 deaths and 30 injuries": the verb of the first noun joined
    if noun.dep_ in ("dobj", "nsubjpass") and _lemma(noun.head) in verbs:
        return True
    # "resulted in 30 injuries": a result verb's preposition names what it caused, as "caused" would
    return noun.dep_ == "pobj" and loss_resulting(noun, vocab) is not None


def _nominal_claim(token: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """The claim noun whose object `token` is, through its preposition, and how: "the destruction of 12
    tanks" (the frame nominal_of), or a harm done."""
    governed = governing_frame(token, "nominal_of")
    if governed is not None and _lemma(governed[0]) in vocab.nominalizations:
        if _idiom_holds(governed[0], vocab):
            return governed
    harmed = _harm_done(token.head, vocab)
    return (harmed, "nominal") if harmed is not None else None


def _harm_done(prep: Token, vocab: ClaimVocabulary) -> Token | None:
    """The noun of harm whose victims the preposition names: "inflicted harm on 200 civilians", "caused cases
    of asphyxiation to 35 people" (the parser hangs the preposition on the verb or on the noun)."""
    if prep.lower_ not in HARM_PREPOSITIONS:
        return None
    doers = {_lemma(prep.head), _lemma(prep.head.head)}  # the verb the preposition or the noun hangs on
    nouns = [prep.head] if prep.head.pos in NOMINAL_POS else []
    for obj in prep.head.children:
        if obj.dep_ in ("dobj", "nsubjpass") and obj.i < prep.i:
            # "cases of asphyxiation": the harm named through a partitive
            nouns += [obj, *(c for p in obj.children if p.lower_ in PARTITIVE for c in p.children)]
    for noun in nouns:
        if vocab.idiom_nouns.get(_lemma(noun), frozenset()) & doers:
            return noun
    return None


def _subject_of_clause(noun: Token) -> bool:
    """The noun, or the noun it stands beside, is joined to or is picked out of, is a subject: "Near Hayat,
    one strike, struck a unit" (the strike read as in apposition to the place)."""
    token = noun
    while token.dep_ in ("appos", "conj") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in PARTITIVE and token.head.head.i < token.i:
        token = token.head.head  # "each of the three strikes destroyed a bunker": the strikes acted
    return token.dep_ == "nsubj"


def shared_subject_verb(verb: Token, relation: str, vocab: ClaimVocabulary) -> tuple[Token, str]:
    """For the subject of a verb that claims nothing, a claim verb joined to it that shares the subject:
    "several insurgents presented a threat and were killed"."""
    if _lemma(verb) in vocab.verbs or _lemma(verb) in vocab.strike_verbs:
        return verb, relation
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and _lemma(child) in vocab.verbs:
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                passive = any(c.dep_ == "auxpass" for c in child.children)
                return child, "passive" if passive else "subject"
    return verb, relation


def clause_result(verb: Token, vocab: ClaimVocabulary, anchor: Token | None = None) -> str | None:
    """An effect the clause states with a result word rather than a verb: "had been confirmed dead", "were
    among the dead", "left one person dead and 27 injured" (the word nearest after `anchor` wins)."""
    found: list[tuple[Token, str]] = []
    for child in verb.children:
        if (
            child.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl", "dobj")
            and child.lower_ in vocab.result_words
            and not _result_noun_set_free(child, verb)
        ):
            found.append((child, vocab.result_words[child.lower_]))
        if child.dep_ == "prep":
            for grandchild in child.children:
                if grandchild.dep_ != "pobj":
                    continue
                if child.lower_ in GROUP_PREPOSITIONS and grandchild.lower_ in vocab.result_words:
                    found.append((grandchild, vocab.result_words[grandchild.lower_]))
                elif child.lower_ in GROUP_PREPOSITIONS:
                    # "among the targets destroyed were 12 command posts"; "among those arrested were three
                    # facilitators": a result word, else any claim verb's participle
                    effect = _result_effect(grandchild, vocab)
                    found.append((grandchild, effect or _participle_effect(grandchild, anchor, vocab)))
                # "were taken into custody", "are held in custody"
                if (child.lower_, grandchild.lower_) in vocab.result_phrases:
                    found.append((grandchild, vocab.result_phrases[(child.lower_, grandchild.lower_)]))
        if child.dep_ in ("dobj", "ccomp", "xcomp", "oprd") and _lemma(verb) in RESULTATIVE_VERBS:
            for grandchild in child.subtree:
                if grandchild.lower_ in vocab.result_words and grandchild.i != child.i:
                    found.append((grandchild, vocab.result_words[grandchild.lower_]))
            # a text stripped of its commas ("left three others wounded Kurdish media said") parses the result
            # word as a verb of its own, standing right after the object
            after = verb.doc[min(child.right_edge.i + 1, len(verb.doc) - 1)]
            if after.lower_ in vocab.result_words and after.i > child.i:
                found.append((after, vocab.result_words[after.lower_]))
    found = [(t, e) for t, e in found if e is not None]
    if not found:
        return None
    if anchor is None:
        return found[0][1]
    after = [(t, e) for t, e in found if t.i > anchor.i]
    return min(after or found, key=lambda pair: abs(pair[0].i - anchor.i))[1]


def _result_noun_set_free(word: Token, verb: Token) -> bool:
    """ "Rebels freed 12 prisoners", "the sides exchanged 95 prisoners": a result noun as the object of a verb
    that neither takes nor leaves it so (not "took 30 prisoners", "left 9 dead") is who is counted, no
    capture."""
    if word.dep_ != "dobj" or word.tag_ not in ("NN", "NNS"):
        return False
    return _lemma(verb) not in PARTICLE_REQUIRED_VERBS | RESULTATIVE_VERBS


def _participle_effect(group: Token, anchor: Token | None, vocab: ClaimVocabulary) -> str | None:
    """The effect of a claim verb's participle on the group the counted are named among ("those
    arrested", "the men apprehended"): its effect on things when it has one and the counted may be things,
    else on people (only people are arrested)."""
    thing = anchor is not None and not is_person(anchor, vocab)
    for child in group.children:
        if child.dep_ in ("acl", "amod", "relcl") and child.tag_ == "VBN":
            effect = (thing and verb_effect(child, False, vocab)[1]) or verb_effect(child, True, vocab)[1]
            if effect is not None:
                return effect
    return None


def _result_effect(noun: Token, vocab: ClaimVocabulary) -> str | None:
    """An effect stated by a participle or adjective on the noun: "304 militants killed", "27 injured"."""
    for child in noun.children:
        if child.dep_ in ("acl", "amod", "relcl", "oprd", "xcomp") and child.lower_ in vocab.result_words:
            if not _said_of_a_part(child) and participle_joined_after_an_object(child) is None:
                return vocab.result_words[child.lower_]
    return None


def _said_of_a_part(clause: Token) -> bool:
    """ "struck 20 bridges, 12 of which were destroyed": a relative clause whose subject is a part counted by
    a figure of its own says what befell the part, not the whole."""
    return clause.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.like_num for c in clause.children
    )


def _reported_passive(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """ "The army announced a leader ... was killed": the small model takes the leader for what was announced
    and hangs "was killed" on "announced" with no subject; the passive verb is the one over the leader."""
    if _lemma(verb) not in vocab.reporting_verbs:
        return None
    for child in verb.children:
        if (
            child.dep_ == "conj"
            and child.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in child.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            return child
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _hypothetical(verb: Token, vocab: ClaimVocabulary) -> bool:
    """Not a thing done: by nobody in particular ("someone is destroying the infrastructure"), or only
    intended ("the force went to arrest a Taliban leader", "plans to capture"), unless achieved ("managed to
    destroy")."""
    if any(c.dep_ == "nsubj" and c.lower_ in vocab.indefinite_subjects for c in verb.children):
        return True
    if _exhorted(verb):
        return True
    infinitive = verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ in INFINITIVE_MARKERS for c in verb.children
    )
    if infinitive and verb.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp"):
        return not achieving(verb.head, vocab)
    return False


def _exhorted(verb: Token) -> bool:
    """A call to do it, no deed: a verb in the base form opening an exclamation with no subject ("Strike the
    occupier!", "Destroy the invaders!", a ministry's closing slogan; the small model tags a capitalized
    verb at a line's start as a name)."""
    if verb.dep_ != "ROOT" or verb.tag_ in TOLD_VERB_TAGS or verb.i != verb.sent.start:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        return False
    return any(c.dep_ == "punct" and c.text == EXCLAMATION for c in verb.children)


def _controller(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """The word of achieving a complement hangs on, directly ("managed to destroy") or through its
    preposition ("succeeded in destroying", "were responsible for destroying")."""
    controller = frame_role(verb, "control", "control_through_preposition")
    return controller if controller is not None and achieving(controller, vocab) else None


def _kind_for(noun: Token | None, person: bool, vocab: ClaimVocabulary, verb: Token | None) -> str:
    lemma = _lemma(noun) if noun is not None else ""
    words = lemma
    if noun is not None and noun.i > 0 and noun.dep_ != "compound":
        previous = noun.doc[noun.i - 1]
        words = f"{_lemma(previous)} {lemma}"
    if lemma in vocab.sortie_nouns or words in vocab.sortie_nouns:
        return "sorties"
    if lemma in vocab.strike_means and verb is not None and _lemma(verb) in vocab.means_verbs:
        return "strikes"  # "dropped 50 guided bombs", "fired 200 shells": each one sent is a strike made
    if lemma in vocab.strike_nouns or words in vocab.strike_nouns:
        hit_by_them = noun is not None and (
            _subject_of_clause(noun) or acting_strike_verb(noun, vocab) == verb
        )
        hit_by_them = hit_by_them or noun is not None and claiming_verb(noun, vocab) is not None
        # "the interception of 11 missiles": a nominalization's verb says what befell them
        verb_lemma = vocab.nominalizations.get(_lemma(verb), _lemma(verb)) if verb is not None else ""
        sense = vocab.verbs.get(verb_lemma)
        if sense is not None and (verb_lemma not in vocab.strike_verbs or sense.thing is not None):
            if not hit_by_them:
                # missiles and drones shot down, rockets struck or destroyed on the ground, are targets
                return "targets"
        return "strikes"
    return "casualties" if person else "targets"


def _aircraft_of(designation: Token, sentence: Span, vocab: ClaimVocabulary) -> Token | None:
    """The aircraft noun a designation names, across a coordination of counted types: the "jets" of "two
    F-15 and three A-10 jets", however the parser joined them."""
    doc = designation.doc
    for k in range(designation.i + 1, min(designation.i + 6, sentence.end)):
        token = doc[k]
        if _lemma(token) in vocab.aircraft_nouns:
            return token
        if not (
            token.like_num or DESIGNATION.fullmatch(token.text) or token.dep_ in ("cc", "compound", "amod")
        ):
            return None
    return None


def _flown_by(doc: Doc, span: Span, aircraft: Token) -> str:
    """The aircraft a count of sorties names, up to the next member of a coordination: "two F-16" of "two
    F-16 and two A-10 jets"."""
    end = aircraft.i + 1
    for k in range(span.end, aircraft.i):
        if doc[k].dep_ == "cc" or doc[k].text == ",":
            end = k
            break
    return _clean(doc[span.start : end].text)


def _misparsed_body(noun: Token, vocab: ClaimVocabulary) -> Token | None:
    """The body a role was misparsed under: in "arrested a senior Islamic Movement of Uzbekistan leader" the
    model makes "Movement" the object and "leader" the object of "of"; the leader is the one arrested."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in PARTITIVE or not is_person(noun, vocab):
        return None
    body = prep.head
    if body.pos_ != "PROPN" or body.i > noun.i:
        return None
    # the model tags the group's name, or leaves the whole of it untagged ("an Islamic Movement of
    # Uzbekistan facilitator" after "detained")
    named = all(t.pos_ == "PROPN" for t in noun.doc[prep.i + 1 : noun.i]) and prep.i + 1 < noun.i
    if body.ent_type_ not in ("ORG", "NORP") and not (body.ent_type_ == "" and named):
        return None
    if any(c.dep_ == "det" for c in noun.children):
        return None
    return body if any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in body.children) else None
