"""The loop over a document's sentences that reads each into claims."""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.components.claims.actors import (
    _actor_is_the_count,
    _names_strikes_made,
    _sentence_actor,
    find_actor,
    loses_its_subject,
    strike_maker,
)
from extractor.components.claims.finding import ClaimFinding
from extractor.components.claims.frame_matcher import frame_matcher
from extractor.components.claims.frames import _claim_word_mask, clause_result, verb_effect
from extractor.components.claims.memo import remembering
from extractor.components.claims.policy import DEFAULT_POLICY, ClaimPolicy
from extractor.components.claims.readings import (
    _count_claim,
    _list_member_claim,
    _loss_line_claims,
)
from extractor.components.claims.scope import _attach_context
from extractor.components.claims.singular import _pronoun_claims, _singular_claims, points_to_a_group
from extractor.components.claims.timing import _report_day
from extractor.components.claims.tokens import _lemma, token_lemmas
from extractor.components.claims.vocabulary import (
    ADDITION_MODIFIERS,
    DEFINITE_ARTICLES,
    RELATIVE_PRONOUNS,
    ClaimVocabulary,
    claim_vocabulary,
)
from extractor.components.claims.wording import answers_a_deed, group_picked_from, sets_off_a_device
from extractor.components.document import (
    document_text,
    register_document_extensions,
    sentence_bounds,
    sentence_spans,
)
from extractor.components.page import LossLine, ReportSection, list_lead
from extractor.qualifiers import qualifier_rules
from extractor.speaker_vocabulary import speaker_vocabulary
from extractor.vocabulary import TargetTaxonomy, target_taxonomy


class ClaimFinder:
    """Reads the numbers, dates and speakers found before it and leaves `doc._.claims`."""

    def __init__(self, nlp: Language, name: str = "briefing_claims", policy: ClaimPolicy | None = None):
        self.name = name
        self.policy = policy or DEFAULT_POLICY
        self.vocab = claim_vocabulary()
        self.taxonomy = target_taxonomy()
        register_document_extensions()
        frame_matcher(nlp.vocab)
        if not Doc.has_extension("claims"):
            Doc.set_extension("claims", default=None)

    def __call__(self, doc: Doc) -> Doc:
        with remembering(doc):
            doc._.claims = find_claims(doc, self.vocab, self.taxonomy, self.policy)
        return doc


@dataclass
class _Carried:
    """What the next sentences ask of the findings so far, kept up to date instead of gathered each time."""

    last_actor: str | None = None
    # the last force named by the end of each sentence ("the strikes" made are no force of their own)
    last_force: str | None = None
    strike_seen: bool = False
    earlier_nouns: set[int] = field(default_factory=set)
    actor_after: dict[int, str | None] = field(default_factory=dict)
    # the category of the last loss of each kind counted, for "three more were killed" after it
    last_category: dict[str, str] = field(default_factory=dict)

    def update(self, sentence: Span, sentence_findings: list[ClaimFinding], vocab: ClaimVocabulary) -> None:
        """Takes in a sentence read and its findings."""
        self.strike_seen = self.strike_seen or any(f.kind == "strikes" for f in sentence_findings)
        # "air strikes targeted the city ... the bombardment had eased": a strike named, if uncounted, makes a
        # later "the strike" that one
        doc, lemmas = sentence.doc, token_lemmas(sentence.doc)
        self.strike_seen = self.strike_seen or any(
            lemmas[i] in vocab.strike_nouns and doc[i].pos_ == "NOUN"
            for i in range(sentence.start, sentence.end)
        )
        self.earlier_nouns.update(f.noun_index for f in sentence_findings if f.noun_index is not None)
        for finding in sentence_findings:
            if finding.category is None and _counts_more(doc, finding):
                finding.category = self.last_category.get(finding.kind)
            if finding.category is not None:
                self.last_category[finding.kind] = finding.category
        self.last_actor = _sentence_actor(sentence, vocab) or self.last_actor
        if self.last_actor is not None and not _names_strikes_made(self.last_actor, vocab):
            self.last_force = self.last_actor
        self.actor_after[sentence.start] = self.last_force


def _counts_more(doc: Doc, finding: ClaimFinding) -> bool:
    """ "Three more were killed": a figure followed by a word that counts more of what was counted before."""
    span = doc.char_span(finding.evidence_start, finding.evidence_end, alignment_mode="expand")
    return span is not None and any(
        t.like_num and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ADDITION_MODIFIERS for t in span
    )


def _sentence_key(sentence: Span) -> str:
    text = document_text(sentence.doc)[sentence.start_char : sentence.end_char]
    # a page's summary bullets repeat its sentences without their full stops
    return " ".join(text.split()).lower().rstrip(".!;:")


def find_claims(
    doc: Doc,
    vocab: ClaimVocabulary | None = None,
    taxonomy: TargetTaxonomy | None = None,
    policy: ClaimPolicy | None = None,
) -> list[ClaimFinding]:
    """Every claim in the document, in text order, each repeated sentence read once."""
    vocab = vocab or claim_vocabulary()
    taxonomy = taxonomy or target_taxonomy()
    policy = policy or DEFAULT_POLICY
    # the page's furniture and loss lists, as the layout component found them
    skipped = doc._.furniture
    loss_lines = doc._.loss_lines
    lines_taken = {t for line in loss_lines for t in range(line.line_start, line.line_end)}
    findings: list[ClaimFinding] = []
    seen_sentences: set[str] = set()
    numbers_by_sentence = _numbers_by_sentence(doc)
    carried = _Carried()
    claim_words = _claim_word_mask(doc, vocab)
    all_sentences = sentence_spans(doc)
    paragraph_of = doc._.sentence_paragraphs  # the layout component's
    for index, sentence in enumerate(all_sentences):
        if sentence.start in skipped or sentence.start in lines_taken:
            continue
        key = _sentence_key(sentence)
        if key in seen_sentences:
            continue
        seen_sentences.add(key)
        lead = list_lead(doc, index)
        lead_verb = _lead_verb(all_sentences[lead], vocab) if lead is not None else None
        spans = numbers_by_sentence.get(sentence.start, [])
        sentence_findings, taken = _count_claims(doc, sentence, spans, vocab, lines_taken, lead_verb)
        if claim_words[sentence.start : sentence.end].any() or points_to_a_group(sentence):
            sentence_findings.extend(
                _singular_claims(doc, sentence, vocab, taxonomy, taken, lines_taken, carried.strike_seen)
            )
            counted = carried.earlier_nouns | {
                f.noun_index for f in sentence_findings if f.noun_index is not None
            }
            sentence_findings.extend(_pronoun_claims(doc, sentence, vocab, taken | lines_taken, counted))
        lead_actor = carried.actor_after.get(all_sentences[lead].start) if lead is not None else None
        place = (index, paragraph_of[sentence.start])
        carried.last_actor = _attach_actors(
            doc, sentence_findings, vocab, place, carried.last_actor, lead_actor
        )
        sentence_findings = _kept_findings(doc, sentence, spans, sentence_findings, vocab)
        # a restatement in other words stays a claim; the claim linker says which one it restates
        findings.extend(sorted(sentence_findings, key=lambda f: f.evidence_start))
        carried.update(sentence, sentence_findings, vocab)
    _add_loss_line_claims(doc, loss_lines, vocab, findings, paragraph_of)
    findings.sort(key=lambda f: f.evidence_start)
    # a release with an update appended under its own dateline: each report's story is told on its own
    for section in doc._.report_sections or [ReportSection(0, len(document_text(doc)), doc._.published)]:
        members = [f for f in findings if section.start <= f.evidence_start < section.end]
        report_day = _report_day(doc, skipped, section, policy)
        _attach_context(doc, members, vocab, taxonomy, paragraph_of, section, policy, report_day)
    return _unique(findings)


def _numbers_by_sentence(doc: Doc) -> dict[int, list[Span]]:
    """The figures of each sentence, by its start token, leaving out those inside a date."""
    numbers_by_sentence: dict[int, list[Span]] = {}
    # the day of "1 February 2016 Russian forces destroy ..." counts nothing
    in_dates = {
        i for span in doc._.dates or [] if span._.date_value is not None for i in range(span.start, span.end)
    }
    for span in doc._.numbers or []:
        if span.start not in in_dates:
            numbers_by_sentence.setdefault(sentence_bounds(doc, span.start)[0], []).append(span)
    return numbers_by_sentence


def _count_claims(
    doc: Doc,
    sentence: Span,
    spans: list[Span],
    vocab: ClaimVocabulary,
    lines_taken: set[int],
    lead_verb: Token | None,
) -> tuple[list[ClaimFinding], set[int]]:
    """The claims of the figures of `sentence`, and the tokens they took; a figure no verb governs may be a
    member of a list before it, or an item under a lead's verb."""
    sentence_findings: list[ClaimFinding] = []
    taken: set[int] = set()
    unread = []
    for span in spans:
        if span.start in lines_taken:
            continue
        finding = _count_claim(doc, sentence, span, vocab, sentence_findings)
        if finding is not None:
            sentence_findings.append(finding)
            taken.update(range(span.start, span.end))
            evidence = doc.char_span(finding.evidence_start, finding.evidence_end, alignment_mode="expand")
            # "killed during a strike against two vessels": the strike the count hangs on stays one of its
            # own, as does a noun the counted phrase is joined to ("detained a leader and two associates")
            kept = {finding.verb_index, *_joined_to(doc[span.root.i]), *_joined_to(_counted(doc, finding))}
            taken.update(t.i for t in evidence or [] if t.i not in kept)
        else:
            unread.append(span)
    for span in unread:
        finding = _list_member_claim(doc, sentence, span, vocab, sentence_findings, taken)
        if finding is None and lead_verb is not None:
            # "Jets destroyed the following:" over "- 12 tanks": the item's verb is its lead's
            finding = _count_claim(doc, sentence, span, vocab, [], verb_override=lead_verb)
        if finding is not None:
            sentence_findings.append(finding)
            taken.update(range(span.start, span.end))
    return sentence_findings, taken


def _attach_actors(
    doc: Doc,
    sentence_findings: list[ClaimFinding],
    vocab: ClaimVocabulary,
    place: tuple[int, int],
    last_actor: str | None,
    lead_actor: str | None,
) -> str | None:
    """Sets each claim's actor (and its sentence and paragraph, `place`); returns the last actor named."""
    for finding in sentence_findings:
        finding.sentence_index, finding.paragraph = place
        verb = doc[finding.verb_index] if finding.verb_index is not None else None
        finding.actor = find_actor(verb, vocab, last_actor)
        finding.loser_is_subject = verb is not None and loses_its_subject(verb, vocab)
        if verb is not None and answers_a_deed(verb):
            # the other side's deed, answered: its actor is what its own clause names ("an ambush that
            # killed"), never who answered it
            finding.loser_is_subject = True
            finding.actor = finding.actor if verb.pos_ == "VERB" else None
        if finding.actor and finding.actor in _counted_text(doc, finding):
            finding.actor = None  # the counted thing is no actor of its own loss
        if finding.actor and _actor_is_the_count(finding, vocab):
            finding.actor = None
        if finding.flown_by:
            finding.actor = finding.flown_by
        if finding.actor is None and finding.kind == "strikes" and finding.noun_index is not None:
            finding.actor = strike_maker(doc[finding.noun_index], vocab.armed_bodies)
        if finding.actor is None and not finding.loser_is_subject:
            # a list item that names no one acted for the force its lead was about
            finding.actor = lead_actor
        if finding.actor:
            finding.actor = _armed_group_named_before(doc, finding.actor, finding.evidence_start)
            last_actor = finding.actor
    return last_actor


def _armed_group_named_before(doc: Doc, actor: str, at: int) -> str:
    """ "The Houthis' military spokesman said the group fired 3 missiles": "the group" (or militia, movement)
    acting is the armed group the text named last before it (armed_groups.json), by its name as written, as
    when it speaks (speakers.scope)."""
    words = actor.lower().split()
    vocab = speaker_vocabulary()
    if len(words) != 2 or words[0] not in DEFINITE_ARTICLES or words[1] not in vocab.armed_group_words:
        return actor
    return vocab.armed_group_before(document_text(doc), at) or actor


def _add_loss_line_claims(
    doc: Doc,
    loss_lines: list[LossLine],
    vocab: ClaimVocabulary,
    findings: list[ClaimFinding],
    paragraph_of: dict[int, int],
) -> None:
    """The claims of a losses list's lines, added to `findings`."""
    # a list's lines are their own paragraph's sentences: a day named in the report before them is not theirs
    sentences = sentence_spans(doc)
    starts = [s.start for s in sentences]
    last_paragraph = paragraph_of[sentences[-1].start] if sentences else 0
    for line, finding in zip(loss_lines, _loss_line_claims(doc, loss_lines, vocab), strict=True):
        finding.sentence_index = max(0, bisect.bisect_right(starts, line.start) - 1)
        finding.paragraph = paragraph_of.get(sentences[finding.sentence_index].start, last_paragraph)
        findings.append(finding)


def _counted(doc: Doc, finding: ClaimFinding) -> Token | None:
    return doc[finding.noun_index] if finding.noun_index is not None else None


def _joined_to(token: Token | None) -> list[int]:
    """The words of the nouns a counted phrase is a conjunct of, up the coordination, up to each noun: each
    may be counted on its own."""
    heads: list[int] = []
    while token is not None and token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        heads.extend(range(token.left_edge.i, token.i + 1))
    return heads


def _counted_text(doc: Doc, finding: ClaimFinding) -> str:
    """The evidence up to the counted noun: "12 tanks" of "12 tanks that Turkish jets destroyed"."""
    end = finding.evidence_end
    if finding.noun_index is not None:
        noun = doc[finding.noun_index]
        if finding.evidence_start <= noun.idx < end:
            end = noun.idx + len(noun)
    return document_text(doc)[finding.evidence_start : end]


def _lead_verb(lead: Span, vocab: ClaimVocabulary) -> Token | None:
    """The claim verb of a list's lead ("Ukrainian forces destroyed:", "hit the following targets:")."""
    root = lead.root
    return root if root.pos_ in ("VERB", "AUX") and _lemma(root) in vocab.verbs else None


def _qualified_away(doc: Doc, finding: ClaimFinding) -> bool:
    """Whether a qualifier (data/qualifiers.json) drops the claim: denied or hypothetical; an alleged one is
    kept with its qualifier noted."""
    anchor = finding.verb_index if finding.verb_index is not None else finding.noun_index
    if anchor is None:
        return False
    rules = qualifier_rules()
    counted = doc[finding.noun_index] if finding.noun_index is not None else _bare_figure(doc, finding)
    finding.qualifiers = frozenset(rules.categories(doc[anchor], counted))
    return any(rules.actions[c] == "drop" for c in finding.qualifiers)


def _kept_findings(
    doc: Doc, sentence: Span, figures: list[Span], findings: list[ClaimFinding], vocab: ClaimVocabulary
) -> list[ClaimFinding]:
    """A sentence's findings with those of an effect joined to theirs, less those a qualifier drops, a
    device set off, and the groups a loss was picked from."""
    findings = findings + _co_occurring_findings(doc, findings, vocab)
    picked_from = _groups_picked_from(doc, sentence, figures, findings, vocab)
    return [
        f
        for f in findings
        if not _qualified_away(doc, f)
        and not _device_set_off(doc, f, vocab)
        and not (f.value is None and f.noun_index in picked_from)
    ]


def _co_occurring_findings(
    doc: Doc, findings: list[ClaimFinding], vocab: ClaimVocabulary
) -> list[ClaimFinding]:
    """The same count again for an effect that befell the same ones with the finding's own, told by a verb
    joined to its verb with nothing counted of its own ("two insurgents were wounded and later taken into
    custody", "wounded and captured two insurgents") or by a relative clause on what it counted ("wounding
    another, who was later detained")."""
    found = []
    for finding in findings:
        partners = vocab.co_occurring_effects.get(finding.effect or "")
        if not partners or finding.verb_index is None:
            continue
        for joined in _verbs_of_the_same_count(doc, finding):
            effect = verb_effect(joined, True, vocab)[1] or clause_result(joined, vocab)
            if effect in partners and all(
                f.effect != effect or f.evidence_start != finding.evidence_start for f in findings + found
            ):
                found.append(
                    dataclasses.replace(finding, effect=effect, verb_index=joined.i, joined_effect=effect)
                )
    return found


def _verbs_of_the_same_count(doc: Doc, finding: ClaimFinding) -> list[Token]:
    """The verbs joined to a finding's verb that count nothing of their own, and the verbs of relative
    clauses on its counted noun whose subject is the relative pronoun."""
    verb = doc[finding.verb_index]
    subjects = ("nsubj", "nsubjpass")
    verbs = [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and not any(g.dep_ in (*subjects, "dobj") for g in c.children)
    ]
    head = verb.head
    if (
        verb.dep_ == "conj"
        and head.pos_ == "VERB"
        and not any(c.dep_ in ("dobj", "nsubjpass") for c in head.children)
    ):
        verbs.append(head)  # "wounded and captured two insurgents": the shared object hangs on the last
    counted = _counted(doc, finding)
    if counted is not None:
        verbs += [
            c
            for c in counted.children
            if c.dep_ == "relcl"
            and any(g.dep_ in subjects and g.lower_ in RELATIVE_PRONOUNS for g in c.children)
        ]
        # "wounding another, who was later detained": a relative clause set off right after the counted word
        # is that word's, wherever the parser hung it
        after = doc[counted.i + 2] if counted.i + 2 < len(doc) and doc[counted.i + 1].is_punct else None
        if after is not None and after.lower_ in RELATIVE_PRONOUNS and after.dep_ in subjects:
            if after.head.dep_ == "relcl" and after.head not in verbs:
                verbs.append(after.head)
    return verbs


def _groups_picked_from(
    doc: Doc, sentence: Span, figures: list[Span], findings: list[ClaimFinding], vocab: ClaimVocabulary
) -> set[int]:
    """The nouns of the groups a loss picks some of by "of them" ("a strike against a group of insurgents,
    killing five of them"): the group is the whole the loss was taken from, no loss of its own. A figure
    that only names a member ("The militants, one of them a commander, were all killed") picks nothing."""
    return {
        picked.i
        for figure in figures
        if any(f.evidence_start <= figure.start_char < f.evidence_end for f in findings)
        and (picked := group_picked_from(doc, sentence, figure, vocab)) is not None
    }


def _device_set_off(doc: Doc, finding: ClaimFinding, vocab: ClaimVocabulary) -> bool:
    """ "Their patrol hit a mine": the mine set off is no target hit."""
    if finding.kind != "targets" or finding.verb_index is None:
        return False
    device = sets_off_a_device(doc[finding.verb_index], vocab)
    return device is not None and device.i == finding.noun_index


def _bare_figure(doc: Doc, finding: ClaimFinding) -> Token | None:
    """A figure that stands for what it counts ("No one was hurt", "none were killed"), whose quantifiers
    are those of a counted noun."""
    span = doc.char_span(finding.evidence_start, finding.evidence_end, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].like_num else None


def _unique(findings: list[ClaimFinding]) -> list[ClaimFinding]:
    """One finding of each counted thing: two readings of the same words give one claim, while the nouns of
    "a woman and child", whose evidence starts alike, stay two."""
    seen, out = set(), []
    for finding in findings:
        key = (finding.kind, finding.value, finding.quantifier, finding.evidence_start, finding.noun_index)
        key += (finding.joined_effect,)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out
