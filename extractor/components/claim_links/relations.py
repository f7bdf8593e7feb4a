"""Which claim states an earlier one again, and which figure is part of another's total."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from extractor.components.claim_links.positions import ClaimPositions, SectionLookup
from extractor.components.claim_links.sides import side_vocabulary
from extractor.components.document import document_text, lower_words
from extractor.vocabulary import load_data, require


@dataclass(frozen=True)
class RelationVocabulary:
    """The words that set a figure inside another's total, from claim_links.json."""

    part_words: frozenset[str]
    operation_nouns: frozenset[str]
    plural_words: frozenset[str]
    generic_nouns: frozenset[str]
    addition_words: frozenset[str]
    totality_words: frozenset[str]
    partitive_pronouns: frozenset[str]
    fallen_words: frozenset[str]
    # "strikes consisting of 14 engagements" (claim_terms.json): units of a count, not operations of their own
    consisting_verbs: frozenset[str] = frozenset()
    # "17 people", "9 targets": a total a list beside it may break down
    total_nouns: frozenset[str] = frozenset()
    # "of" between a count and the whole it is picked out of (claim_terms.json's function words)
    partitive: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls) -> RelationVocabulary:
        data = load_data("claim_links")
        return cls(
            part_words=frozenset(require(data, "part_words", list, "claim_links.json")),
            operation_nouns=frozenset(require(data, "operation_nouns", list, "claim_links.json")),
            plural_words=frozenset(require(data, "plural_words", list, "claim_links.json")),
            generic_nouns=frozenset(require(data, "generic_nouns", list, "claim_links.json")),
            addition_words=frozenset(require(data, "addition_words", list, "claim_links.json")),
            totality_words=frozenset(require(data, "totality_words", list, "claim_links.json")),
            partitive_pronouns=frozenset(require(data, "partitive_pronouns", list, "claim_links.json")),
            fallen_words=frozenset(require(data, "fallen_words", list, "claim_links.json")),
            consisting_verbs=frozenset(
                require(load_data("claim_terms"), "consisting_verbs", list, "claim_terms.json")
            ),
            partitive=frozenset(
                require(load_data("claim_terms"), "function_words", dict, "claim_terms.json")["partitive"]
            ),
            total_nouns=frozenset(require(data, "total_nouns", list, "claim_links.json")),
        )


@lru_cache(maxsize=1)
def relation_vocabulary() -> RelationVocabulary:
    return RelationVocabulary.from_data()


# ---------------------------------------------------------------------------------------------------------
# restatements


def _same_place(place: str | None, other: str | None) -> bool:
    return place is None or other is None or place in other or other in place


def _refers_back(doc: Doc, finding: Any) -> bool:
    """A definite phrase ("the two individuals") or a pronoun ("returned fire, killing him") names what it
    counts as known already."""
    return finding.definite or finding.noun_index is not None and doc[finding.noun_index].pos_ == "PRON"


def restated_by_definite_phrase(doc: Doc, finding: Any, earlier: Sequence[Any]) -> int | None:
    """ "Detained two suspected insurgents ... detained the two individuals": a definite phrase with the
    same figure, kind and effect as an earlier claim names the same people or things again; "the militants
    were all killed" and "the second facilitator was detained" restate any earlier count of that loss.
    Another place named is another incident ("In Andar district, ... arrested the targeted leader" after a
    facilitator detained in Sabari district). The position in `earlier` of the claim restated, the latest
    that fits."""
    if not _refers_back(doc, finding):
        return None
    any_count = finding.quantifier == "plural" or finding.member
    for position in range(len(earlier) - 1, -1, -1):
        other = earlier[position]
        if (
            (any_count or other.value == finding.value and other.quantifier == finding.quantifier)
            and other.effect == finding.effect
            and other.kind == finding.kind
            and _same_place(finding.own_place, other.own_place)
        ):
            return position
    return None


def restated_by_generic_noun(
    doc: Doc, finding: Any, earlier: Sequence[Any], generic: frozenset[str]
) -> int | None:
    """ "Detained two suspected insurgents ... Two individuals were detained": the same figure, kind and
    effect again over a noun that says nothing new of who or what was counted rewords the earlier claim
    (in another place it is another incident)."""
    lemma = _head_lemma(doc, finding)
    if lemma not in generic:
        return None
    if (
        finding.member
        or _adds_to(doc, finding, relation_vocabulary().addition_words)
        and not _joined(doc, finding)
    ):
        return None  # "a second suspect", "another suspect": one more, not the one counted before
    for position in range(len(earlier) - 1, -1, -1):
        other = earlier[position]
        if (
            other.value == finding.value
            and other.quantifier == finding.quantifier
            and other.effect == finding.effect
            and other.kind == finding.kind
            and _head_lemma(doc, other) != lemma
            and _same_place(finding.own_place, other.own_place)
        ):
            return position
    return None


def _joined(doc: Doc, finding: Any) -> bool:
    """Whether the counted noun is joined to others before it, which its addition word counts it beside ("the
    leader, the facilitator and several additional individuals were taken into custody")."""
    return doc[finding.noun_index].dep_ == "conj"


def _adds_to(doc: Doc, finding: Any, addition: frozenset[str]) -> bool:
    """Whether the counted phrase says it counts others ("two more insurgents", "another two")."""
    noun = doc[finding.noun_index]
    return any(word in addition for word in lower_words(doc)[noun.left_edge.i : noun.i])


def restated_by_same_noun(
    doc: Doc, at: int, findings: Sequence[Any], earlier_count: int, index: ClaimPositions
) -> int | None:
    """ "Detained two facilitators along with two suspected insurgents ... The second facilitator and two
    suspected insurgents were detained after questioning": the same figure of the same noun with the same
    effect, in a later sentence of the same report and place, tells the same people or things again,
    unless it says it counts others ("two more insurgents"). The earlier figure stands in the report's lead
    or in the same paragraph: a figure in another paragraph of the body tells of another clash. The claim
    is `findings[at]`, the claims before `earlier_count` the earlier ones."""
    finding = findings[at]
    if finding.noun_index is None or finding.value is None:
        return None
    addition = relation_vocabulary().addition_words
    adds = _adds_to(doc, finding, addition)
    lemma = _head_lemma(doc, finding)
    section = index.section_of[at]
    lead = index.first_paragraph_before(section, earlier_count)
    paragraphs = {finding.paragraph, finding.paragraph if lead is None else lead}
    for position in index.in_paragraphs_before(paragraphs, earlier_count):
        other = findings[position]
        if (
            other.value == finding.value
            and other.quantifier is None
            and other.effect == finding.effect
            and other.kind == finding.kind
            and _same_party(_head_lemma(doc, other), lemma)
            # "two other militants ... Two other insurgents were also captured": others than the same ones
            and (not adds or other.noun_index is not None and _adds_to(doc, other, addition))
            and index.section_of[position] == section
            and _same_place(finding.own_place, other.own_place)
        ):
            return position
    return None


def _same_party(lemma: str | None, other: str | None) -> bool:
    """The same noun, or two generic names of one armed party ("militants", "insurgents")."""
    party = side_vocabulary().party_words
    return lemma == other or lemma in party and other in party


def restated_by_name(doc: Doc, finding: Any, earlier: Sequence[Any]) -> int | None:
    """A person named in an earlier claim with the same effect ("killed Haji Iman ... the killing of Haji
    Iman"), counted there."""
    if finding.noun_index is None or doc[finding.noun_index].pos_ != "PROPN" or finding.value != 1:
        return None
    name = doc[finding.noun_index].text
    text = document_text(doc)
    for position in range(len(earlier) - 1, -1, -1):
        other = earlier[position]
        if (
            other.effect == finding.effect
            and other.kind == finding.kind
            and name in text[other.evidence_start : other.evidence_end]
        ):
            return position
    return None


def restated_as_a_sum(doc: Doc, finding: Any, earlier: Sequence[Any], totality: frozenset[str]) -> int | None:
    """ "A commander and two advisors were killed ... killing all three": a figure over all of those just
    counted, equal to the sum of the claims of the same kind and effect in its sentence and the one before,
    restates them (the position of the first)."""
    evidence = doc.char_span(finding.evidence_start, finding.evidence_end, alignment_mode="expand")
    if finding.value is None or evidence is None:
        return None
    # "All three were detained": the word may stand just before the evidence
    if not any(word in totality for word in lower_words(doc)[max(0, evidence.start - 1) : evidence.end]):
        return None
    total, summed = 0, []
    for position in range(len(earlier) - 1, -1, -1):
        other = earlier[position]
        if other.sentence_index < finding.sentence_index - 1 or other.restates is not None:
            break
        if other.kind != finding.kind:
            continue  # the strike that killed them
        if other.effect != finding.effect or other.value is None:
            break
        total += other.value
        summed.append(position)
        if total >= finding.value:
            break
    return summed[-1] if len(summed) > 1 and total == finding.value else None


def link_restatements(doc: Doc, findings: Sequence[Any]) -> None:
    """Sets `restates` on each claim that states an earlier sentence's claim again, naming the first
    statement (a restatement of a restatement names the original)."""
    vocab = relation_vocabulary()
    index = ClaimPositions(findings, SectionLookup(doc._.report_sections or []))
    for at, finding in enumerate(findings):
        earlier_count = index.earlier_count(at, finding.sentence_index)
        earlier = findings[:earlier_count]
        found = restated_by_definite_phrase(doc, finding, earlier)
        if found is None:
            found = restated_by_generic_noun(doc, finding, earlier, vocab.generic_nouns)
        if found is None:
            found = restated_by_same_noun(doc, at, findings, earlier_count, index)
        if found is None:
            found = restated_by_name(doc, finding, earlier)
        if found is None:
            found = restated_as_a_sum(doc, finding, earlier, vocab.totality_words)
        if found is not None:
            while findings[found].restates is not None:
                found = findings[found].restates
            finding.restates = found


def _states_a_figure(doc: Doc, finding: Any) -> bool:
    """Whether a claim's evidence holds a number ("the two individuals"), not a thing or person referred to
    again by a definite noun or a name ("the target was hit", "the killing of Haji Iman")."""
    return any(
        finding.evidence_start <= span.start_char < finding.evidence_end for span in doc._.numbers or []
    )


def without_references(doc: Doc, findings: list[Any]) -> list[Any]:
    """The claims, less those that only refer back to a thing or person an earlier claim counted: a figure
    stated again stays a claim of its own (with `restates`), a reference to one states no figure."""
    link_restatements(doc, findings)
    kept = [f for f in findings if f.restates is None or _states_a_figure(doc, f)]
    if len(kept) == len(findings):
        return findings
    for finding in kept:
        finding.restates = None
    link_restatements(doc, kept)
    return kept


# ---------------------------------------------------------------------------------------------------------
# parts of a total


def _fits_within(part: Any, total: Any) -> bool:
    """A part counts no more than its total (a vague total holds any figure)."""
    if total.value is None or part.value is None:
        return total.value is None
    return part.value <= total.value


def _head_lemma(doc: Doc, finding: Any) -> str | None:
    return doc[finding.noun_index].lemma_.lower() if finding.noun_index is not None else None


def _is_part_word(token: Token, vocab: RelationVocabulary) -> bool:
    return token.lower_ in vocab.part_words or token.lemma_.lower() in vocab.part_words


def _part_marker(token: Token, vocab: RelationVocabulary) -> tuple[Token | None, Token]:
    """The word that sets a counted phrase inside a whole, and the whole: "including" above it ("including
    three commanders"), or "among them" inside a phrase set beside the whole ("15 insurgents, among them
    two commanders")."""
    if _is_part_word(token.head, vocab):
        return token.head, token.head.head
    if token.dep_ in ("appos", "npadvmod"):  # "15 insurgents, among them two commanders"
        marker = next((c for c in token.children if c.i < token.i and _is_part_word(c, vocab)), None)
        if marker is not None:
            return marker, token.head
    return None, token


def included_in(doc: Doc, finding: Any, others: Sequence[Any], vocab: RelationVocabulary) -> int | None:
    """ "Killed 12 militants, including three commanders": the claim whose counted noun or verb the part's
    "including" or "among" hangs from."""
    if finding.noun_index is None:
        return None
    token: Token = doc[finding.noun_index]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "including 10 tanks, 20 trucks and 16 depots": each conjunct is a part
    marker, whole = _part_marker(token, vocab)
    if marker is None:
        return None
    for position, other in enumerate(others):
        if other is finding or other.kind != finding.kind or other.sentence_index != finding.sentence_index:
            continue
        # the whole is named before its part, which keeps "wounded among civilians and soldiers" from
        # making each of two claims the other's part
        before = other.evidence_start < finding.evidence_start
        # and stands outside what is included ("among civilians and soldiers": neither is the other's whole)
        inside = (
            other.noun_index is not None and marker.left_edge.i <= other.noun_index <= marker.right_edge.i
        )
        if (
            before
            and not inside
            and (
                whole.i in (other.noun_index, other.verb_index) or _in_the_clause_after(marker, whole, other)
            )
            and _fits_within(finding, other)
        ):
            return position
    return None


def _in_the_clause_after(marker: Token, whole: Token, total: Any) -> bool:
    """ "Strikes killed 27 people in Gaza on Tuesday, including 11 children": a part marker after a total's
    counted noun, that the parser hung on another word of the total's clause (its subject, a place, a day),
    sets its part in that total (the caller asks for the same effect)."""
    if total.noun_index is None or total.verb_index is None or marker.i < total.noun_index:
        return False
    word = whole
    while word.i != total.verb_index:
        if word.pos_ in ("VERB", "AUX") or word.head.i == word.i:
            return False  # another clause, or none of the total's
        word = word.head
    return True


def partitive_pronouns(doc: Doc, vocab: RelationVocabulary) -> list[int]:
    """The positions of the document's partitive pronouns ("whom", "them"), in order: read once, so that
    each claim looks back along its sentence at these alone."""
    return [i for i, word in enumerate(lower_words(doc)) if word in vocab.partitive_pronouns]


def _partitive_before(noun: Token, pronouns: list[int]) -> Token | None:
    """The quantity of a partitive over a pronoun ("two of whom", "one of them") that opens the clause
    `noun` stands in, found back along its sentence (`pronouns`: partitive_pronouns)."""
    doc = noun.doc
    for i in reversed(pronouns[bisect_left(pronouns, noun.sent.start) : bisect_left(pronouns, noun.i)]):
        token = doc[i]
        if token.dep_ != "pobj" or token.head.dep_ != "prep":
            continue
        quantity = token.head.head
        if quantity.i < token.i and (quantity.like_num or quantity.pos_ in ("NUM", "PRON", "DET")):
            return quantity
        # "of whom 4 were children": the partitive fronted on the clause whose subject is the quantity
        fronted = [c for c in quantity.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > token.i]
        if quantity.dep_ == "relcl" and fronted and fronted[0].like_num:
            return fronted[0]
    return None


def partitive_of(doc: Doc, finding: Any, others: Sequence[Any], pronouns: list[int]) -> int | None:
    """ "Detained three men, two of whom are suspected Taliban fighters": a figure named after a partitive
    that picks some of a counted group out is part of that group's total, the last claim of the same kind
    and effect counted before the partitive."""
    if finding.noun_index is None:
        return None
    quantity = _partitive_before(doc[finding.noun_index], pronouns)
    if quantity is None:
        return None
    found = None
    for position, other in enumerate(others):
        if other is finding or other.noun_index is None or other.sentence_index != finding.sentence_index:
            continue
        if other.noun_index < quantity.i and other.kind == finding.kind and other.effect == finding.effect:
            # the partitive's own quantity is the part's count, where the part names none
            found = position if finding.value is None or _fits_within(finding, other) else None
    return found


def _picked_out_of(noun: Token, vocab: RelationVocabulary) -> Token | None:
    """The figure a partitive picks out of a definite counted noun: "two" of "two of the missiles", "two of
    the three soldiers killed"; None for a noun no figure picks out, or one picked out of an indefinite
    whole ("10 of their vehicles" counts its own)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in vocab.partitive or noun.tag_ not in ("NNS", "NNPS"):
        return None
    figure = noun.head.head
    if not figure.like_num or figure.i > noun.i:
        return None
    definite = any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in noun.children)
    return figure if definite else None


def partitive_of_the_counted(
    doc: Doc, finding: Any, others: Sequence[Any], vocab: RelationVocabulary
) -> int | None:
    """ "Russia fired 3 missiles ... two of the missiles missed", "two of the three soldiers killed": a figure
    picked out of a definite whole is part of the whole's own count, in its phrase, else of the nearest
    claim before it (in its sentence or the two before) that counts the same noun with the same kind and
    effect."""
    if finding.noun_index is None:
        return None
    noun = doc[finding.noun_index]
    figure = _picked_out_of(noun, vocab)
    if figure is None or not finding.evidence_start <= figure.idx < finding.evidence_end:
        return None
    found = None
    for position, other in enumerate(others):
        if other is finding or other.kind != finding.kind or other.effect != finding.effect:
            continue
        if not _fits_within(finding, other):
            continue
        if other.noun_index == noun.i:
            return position  # the whole's own figure: "two of the three soldiers"
        near = finding.sentence_index - 2 <= other.sentence_index <= finding.sentence_index
        if near and other.evidence_start < figure.idx and _head_lemma(doc, other) == noun.lemma_.lower():
            found = position
    return found


def _of_the_fallen(noun: Token, vocab: RelationVocabulary) -> bool:
    """The noun a verb "be" says a part of the fallen was: "Two of the dead were children", "Among the dead
    were 5 commanders", "Among those killed were 3 medics"; or what the fallen included: "The 23 dead
    included 7 children"."""
    if noun.dep_ == "dobj" and _is_part_word(noun.head, vocab):
        return any(
            word.lower_ in vocab.fallen_words
            for subject in noun.head.children
            if subject.dep_ == "nsubj"
            for word in (subject, *(c for c in subject.children if c.dep_ == "acl"))
        )
    if noun.dep_ != "attr":
        return False
    for among in (c for c in noun.head.children if c.dep_ == "prep" and _is_part_word(c, vocab)):
        for group in (g for g in among.children if g.dep_ == "pobj"):
            if group.lower_ in vocab.fallen_words or any(
                a.dep_ == "acl" and a.lower_ in vocab.fallen_words for a in group.children
            ):
                return True
    for subject in (c for c in noun.head.children if c.dep_ == "nsubj" and c.like_num):
        for of in (c for c in subject.children if c.dep_ == "prep"):
            if any(g.dep_ == "pobj" and g.lower_ in vocab.fallen_words for g in of.children):
                return True
    return False


def part_of_the_fallen(
    doc: Doc, finding: Any, others: Sequence[Any], vocab: RelationVocabulary
) -> int | None:
    """ "Strikes killed 14 people. Two of the dead were children": a part of the fallen is part of the
    nearest loss of the same kind and effect counted before it (in its own sentence or the two before)."""
    if finding.noun_index is None or not _of_the_fallen(doc[finding.noun_index], vocab):
        return None
    found = None
    for position, other in enumerate(others):
        if other is finding or other.evidence_start >= finding.evidence_start:
            continue
        near = finding.sentence_index - 2 <= other.sentence_index <= finding.sentence_index
        if (
            near
            and other.kind == finding.kind
            and other.effect == finding.effect
            and _fits_within(finding, other)
        ):
            found = position
    return found


def part_beside_its_total(doc: Doc, finding: Any, others: Sequence[Any]) -> int | None:
    """ "Carried out 9 strikes: six near Raqqa and three near Mosul": a figure set beside a counted noun (or
    joined to one that is) counts a part of that noun's total."""
    if finding.noun_index is None:
        return None
    span = doc.char_span(finding.evidence_start, finding.evidence_end, alignment_mode="expand")
    figure = next((t for t in span if t.like_num), None) if span is not None else None
    if figure is None or figure.i <= finding.noun_index:
        return None
    part = figure.head if figure.dep_ == "conj" and figure.head.like_num else figure
    if part.dep_ != "appos" or part.head.i != finding.noun_index:
        return None
    for position, other in enumerate(others):
        if other is finding or other.noun_index != finding.noun_index:
            continue
        if other.evidence_start < finding.evidence_start and _fits_within(finding, other):
            return position
    return None


def parts_set_beside_their_total(
    doc: Doc, finding: Any, others: Sequence[Any], vocab: RelationVocabulary
) -> int | None:
    """ "Gunmen killed 17 people (14 soldiers and 3 police officers)", "killed 17 people, 14 soldiers and 3
    police": counted nouns set beside a counted noun (in apposition), or listed after it with figures that add
    up to its own, break its total down: each is part of it."""
    if finding.noun_index is None:
        return None
    first = doc[finding.noun_index]
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    by_noun = {other.noun_index: position for position, other in enumerate(others) if other is not finding}
    # only a total of no kind of its own ("17 people", "9 targets") is broken down by the nouns beside it: a
    # list of things ("two caches, two vehicles, a mortar system"), which the parser may also set in
    # apposition, counts each on its own, and "5 tanks, 3 trucks and 2 boats" adds up by chance
    generic = vocab.total_nouns
    if first.dep_ == "appos" and first.head.i in by_noun:
        total = others[by_noun[first.head.i]]
        alike = total.kind == finding.kind and total.effect == finding.effect
        fits = alike and _head_lemma(doc, total) in generic and _fits_within(finding, total)
        return by_noun[first.head.i] if fits else None
    if first.i == finding.noun_index or first.i not in by_noun:
        return None
    total = others[by_noun[first.i]]
    if _head_lemma(doc, total) not in generic:
        return None
    members = [
        other
        for other in others
        if other.noun_index is not None
        and other.noun_index != first.i
        and _coordinated_under(doc[other.noun_index], first)
        and other.kind == total.kind
        and other.effect == total.effect
    ]
    values = [m.value for m in members]
    if len(members) < 2 or total.value is None or None in values or sum(values) != total.value:
        return None
    return by_noun[first.i] if finding in members else None


def _coordinated_under(noun: Token, first: Token) -> bool:
    """Whether `noun` is a conjunct of the coordination `first` opens."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
        if noun.i == first.i:
            return True
    return False


#: doc.user_data key: _summary_sentence's answer by sentence start, asked again for each later figure
SUMMARY_SENTENCES_KEY = "briefing_extractor.summary_sentences"


def _summary_sentence(sentence: Span, vocab: RelationVocabulary) -> bool:
    """_summary_of_operations, read once per sentence of a document."""
    known = sentence.doc.user_data.setdefault(SUMMARY_SENTENCES_KEY, {})
    key = str(sentence.start)  # user_data travels as msgpack, whose maps are keyed by strings here
    found = known.get(key)
    if found is None:
        found = known[key] = _summary_of_operations(sentence, vocab)
    return found


def _summary_of_operations(sentence: Span, vocab: RelationVocabulary) -> bool:
    """A figure spread over several operations: "in four operations", "during separate operations", or a
    plural the figure's clause says it came in ("during security operations in Nangarhar and Khost
    provinces"), not one it acts on ("targeting its financial operations") nor a slip for one ("a swift
    operations")."""
    for token in sentence:
        if token.lemma_.lower() not in vocab.operation_nouns or token.tag_ != "NNS":
            continue
        made_of = token.head.head if token.dep_ == "pobj" else token.head
        if made_of.lemma_.lower() in vocab.consisting_verbs:
            continue  # "four strikes consisting of 14 engagements": what one count is made of
        if any(c.lower_ in vocab.plural_words or c.like_num for c in token.children):
            return True
        indefinite = any(c.dep_ == "det" and "Ind" in c.morph.get("Definite") for c in token.children)
        if token.dep_ == "pobj" and not indefinite:
            return True
    return False


def _list_heading(text: str, total: Any) -> bool:
    """A total whose sentence hands over to a list: "destroyed 46 targets, including:"."""
    return text[total.sentence_start : total.sentence_end].rstrip().endswith(":")


def link_parts(doc: Doc, findings: Sequence[Any], sentences: Sequence[Span], sections: Sequence[Any]) -> None:
    """Sets `part_of` on each figure that is a part of another claim's total: a total's "including" in its
    own sentence, the items of a list a total heads, and the operations' own counts under a summary of
    several operations."""
    vocab = relation_vocabulary()
    totals = HeadingTotals(doc, findings, sentences, vocab)
    pronouns = partitive_pronouns(doc, vocab)
    lookup = SectionLookup(sections)
    held: dict[int, int] = {}  # what the parts a later report gave an earlier total add up to so far
    for position, finding in enumerate(findings):
        if finding.restates is not None:
            continue
        found = included_in(doc, finding, findings, vocab)
        if found is None:
            found = partitive_of(doc, finding, findings, pronouns)
        if found is None:
            found = part_of_the_fallen(doc, finding, findings, vocab)
        if found is None:
            found = partitive_of_the_counted(doc, finding, findings, vocab)
        if found is None:
            found = part_beside_its_total(doc, finding, findings)
        if found is None:
            found = parts_set_beside_their_total(doc, finding, findings, vocab)
        if found is None:
            section = lookup.section(finding.evidence_start)
            found = _total_above(
                doc, finding, findings, section, totals, heads_a_list=totals.listing[position]
            )
        if found is None:
            found = reported_before(finding, findings, sections, held)
            if found is not None and _same_figure(doc, finding, findings[found]):
                finding.restates, found = found, None  # the update says the release's figure again
            elif found is not None:
                held[found] = held.get(found, 0) + (finding.value or 0)
        if found is not None:
            finding.part_of = found


class HeadingTotals:
    """The claims that may head others as a total, read once per document: a figure in a summary of
    several operations, or in a line that hands over to a list."""

    def __init__(
        self, doc: Doc, findings: Sequence[Any], sentences: Sequence[Span], vocab: RelationVocabulary
    ):
        text = document_text(doc)
        self.listing = [_list_heading(text, total) for total in findings]
        summaries = {i: _summary_sentence(sentences[i], vocab) for i in {f.sentence_index for f in findings}}
        self.summary = [summaries[total.sentence_index] for total in findings]
        self.positions = [p for p, total in enumerate(findings) if self.listing[p] or self.summary[p]]
        # the first sentence after each that states no claim: a list runs on while each line is a claim
        claimed = {f.sentence_index for f in findings}
        last = max(claimed, default=0) + 1
        self.next_unclaimed = [0] * (last + 1)
        self.next_unclaimed[last] = last
        for i in range(last - 1, -1, -1):
            self.next_unclaimed[i] = self.next_unclaimed[i + 1] if i in claimed else i

    def heads_list_to(self, position: int, total: Any, sentence_index: int) -> bool:
        """Whether the total's line heads a list whose lines, each a claim, run on to `sentence_index`."""
        after = total.sentence_index + 1
        first_unclaimed = self.next_unclaimed[after] if after < len(self.next_unclaimed) else after
        return self.listing[position] and first_unclaimed >= sentence_index


def _total_above(
    doc: Doc,
    finding: Any,
    findings: Sequence[Any],
    section: Any | None,
    totals: HeadingTotals,
    heads_a_list: bool = False,
) -> int | None:
    """The summary or list heading in an earlier sentence of the same report (`section`) whose total holds
    this figure, the same kind and effect of the same thing where the summary names several. A figure
    that heads a list of its own is no item of the list above it ("In Iraq, ... 5 strikes:" after the
    list under "In Syria, ... 9 strikes:")."""
    candidates = []
    for position in totals.positions:
        total = findings[position]
        if total.sentence_index >= finding.sentence_index:
            continue
        # a total that is itself a part ("In Syria, ... 9 strikes:" under the day's 14) heads only its list
        nested = total.part_of is not None
        if section is not None and not section.start <= total.evidence_start < section.end:
            continue
        if total.kind != finding.kind or total.effect != finding.effect or total.cumulative:
            continue
        if total.background and not finding.background:  # an earlier toll holds none of the news
            continue
        if not _fits_within(finding, total):
            continue
        # a list's items follow its heading line after line, each a claim of its own
        in_its_list = not heads_a_list and totals.heads_list_to(position, total, finding.sentence_index)
        if in_its_list or totals.summary[position] and not nested:
            candidates.append(position)
    if not candidates:
        return None
    lemma = _head_lemma(doc, finding)
    same_thing = [p for p in candidates if _head_lemma(doc, findings[p]) == lemma]
    return (same_thing or candidates)[-1]


# ---------------------------------------------------------------------------------------------------------
# a later report on an operation an earlier one gave


#: how many days apart two reports may date the same operation (an update's "Saturday" for a release's
#: "yesterday" filed the day after)
SAME_OPERATION_DAYS = 1


def _section_index(sections: Sequence[Any], char: int) -> int | None:
    return next((i for i, s in enumerate(sections) if s.start <= char < s.end), None)


def _same_area(finding: Any, other: Any) -> bool:
    """Whether two claims' places agree: the same province where the gazetteer placed both, else one
    location naming the other ("Ghazni province", "Andar district, Ghazni province"); an unplaced claim
    agrees with any."""
    provinces = [(claim.geo or {}).get("admin1") for claim in (finding, other)]
    if all(provinces):
        return provinces[0] == provinces[1]
    return _same_place(finding.location, other.location)


def _same_time(finding: Any, other: Any) -> bool:
    if finding.date is None or other.date is None:
        return True
    return abs((finding.date - other.date).days) <= SAME_OPERATION_DAYS


def _holds(total: Any, part: Any, held: int) -> bool:
    """Whether a total can hold one more part beside those it holds already (a vague total holds any)."""
    if total.value is None:
        return True
    return part.value is not None and held + part.value <= total.value


def _same_figure(doc: Doc, finding: Any, other: Any) -> bool:
    return (
        finding.value == other.value
        and finding.quantifier == other.quantifier
        and _head_lemma(doc, finding) == _head_lemma(doc, other)
    )


def reported_before(
    finding: Any, findings: Sequence[Any], sections: Sequence[Any], held: dict[int, int]
) -> int | None:
    """ "Detained several suspected insurgents while in pursuit of a Taliban leader ... UPDATE: ISAF
    confirmed the capture of the Taliban leader": a figure of a later report in the same text, of the same
    kind and effect, place and day as a total of an earlier report, counts people or things that total
    counted already. The position of that total, the latest that can still hold it."""
    index = _section_index(sections, finding.evidence_start)
    if not index:
        return None
    opened = sections[index].start
    for position in range(len(findings) - 1, -1, -1):
        total = findings[position]
        if total.evidence_start >= opened or total.part_of is not None or total.restates is not None:
            continue
        if total.cumulative or total.kind != finding.kind or total.background and not finding.background:
            continue
        if (
            total.effect == finding.effect
            and _same_area(finding, total)
            and _same_time(finding, total)
            and _holds(total, finding, held.get(position, 0))
        ):
            return position
    return None
