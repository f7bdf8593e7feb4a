"""Document-level Doc extensions that the caller sets before the pipeline runs and components read."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import numpy
from spacy.attrs import IDX, IS_ALPHA, LOWER
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from extractor.components.serialization import register_msgpack_types
from extractor.tree_matcher import TreeRootMatcher

# name -> default; list defaults are given as getters-free None and filled per document
DOCUMENT_EXTENSIONS = {
    "published": None,  # datetime.date the text was published, when known
    "published_source": None,  # how it was found: argument, metadata, dateline, header, filename
    "fallback_published": None,  # a date from outside the text (the file name) used when the text has none
    "fallback_published_source": None,  # where that date came from, when not the file name
    "source_text": None,  # the decoded text before whitespace normalization, for evidence offsets
    "doc_warnings": None,  # plain-language warnings the components raise about this document
    "report_sections": None,  # the reports a text holds, each under its own dateline (the date finder's)
}


TEXT_KEY = "briefing_extractor.text"
LOWER_KEY = "briefing_extractor.lower_words"
LEADING_KEY = "briefing_extractor.leading_space"
BOUNDS_KEY = "briefing_extractor.sentence_bounds"
ENTITIES_KEY = "briefing_extractor.entities"
SPANS_KEY = "briefing_extractor.sentence_spans"
ENTITY_STARTS_KEY = "briefing_extractor.entity_starts"


def register_document_extensions() -> None:
    """Registers the shared document extensions once; safe to call from every component."""
    register_msgpack_types()
    for name, default in DOCUMENT_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def add_warning(doc: Doc, message: str) -> None:
    """Adds a plain-language warning to the document, once."""
    if doc._.doc_warnings is None:
        doc._.doc_warnings = []
    if message not in doc._.doc_warnings:
        doc._.doc_warnings.append(message)


def document_text(doc: Doc) -> str:
    """doc.text, built once per document: spaCy joins every token again on each access, which made long
    documents quadratic. Tokens never change text after tokenization, so the copy stays right."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Gives document_text the text a Doc was made from, when the caller has it."""
    doc.user_data[TEXT_KEY] = text


def at_top(doc: Doc, char: int) -> bool:
    """Whether only white space comes before character `char` of the document."""
    leading = doc.user_data.get(LEADING_KEY)
    if leading is None:
        text = document_text(doc)
        leading = doc.user_data[LEADING_KEY] = len(text) - len(text.lstrip())
    return char <= leading


def sentence_of(token: Token) -> Span:
    """The sentence holding a token; cheaper than Token.sent (see sentence_bounds)."""
    start, end = sentence_bounds(token.doc, token.i)
    return Span(token.doc, start, end)


def lower_words(doc: Doc) -> list[str]:
    """The lower-case form of every token, built once per document: the word-list lookups of several
    components compare runs of tokens, and a Token object made for each comparison was their main cost."""
    words = doc.user_data.get(LOWER_KEY)
    if words is None:
        strings = doc.vocab.strings
        words = doc.user_data[LOWER_KEY] = [strings[h] for h in doc.to_array(LOWER).tolist()]
    return words


@lru_cache(maxsize=16)
def word_hashes(words: frozenset[str]) -> frozenset[int]:
    """The string-store ids of a word list, to compare with a document's arrays: the hash of each word, or its
    fixed number where spaCy reserves one (labels such as "PERSON", "poss", "NOUN", and words such as
    "number")."""
    return frozenset(get_string_id(w) for w in words)


def members(values: numpy.ndarray, hashes: frozenset[int]) -> numpy.ndarray:
    """Which of a document's array values are in `hashes`, as booleans: one binary search of the sorted
    hashes for all values at once (numpy.isin sorts both sides on every call, and a set lookup per value
    runs in Python)."""
    ordered = _sorted_hashes(hashes)
    if not len(ordered):
        return numpy.zeros(len(values), dtype=bool)
    found = numpy.searchsorted(ordered, values)
    found[found == len(ordered)] = 0
    return ordered[found] == values


@lru_cache(maxsize=64)
def _sorted_hashes(hashes: frozenset[int]) -> numpy.ndarray:
    return numpy.array(sorted(hashes), dtype=numpy.uint64)


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token, read from the document's arrays."""
    return doc.to_array(IDX).tolist()


def alphabetic(doc: Doc) -> list[bool]:
    """Whether each token is all letters, read from the document's arrays."""
    return [bool(flag) for flag in doc.to_array(IS_ALPHA).tolist()]


def sentence_spans(doc: Doc) -> list[Span]:
    """doc.sents as a list, built once per document: each pass over doc.sents walks every token again, and
    several components (the claim finder once per report section) ask for them. The Spans kept in
    user_data tie the Doc to itself in a cycle, which Extractor breaks by clearing user_data once the
    record is made, as it does for the components' other spans."""
    spans = doc.user_data.get(SPANS_KEY)
    if spans is None or not all(isinstance(span, Span) for span in spans[:1]):  # none yet, or sent as none
        table = _sentence_table(doc)
        spans = doc.user_data[SPANS_KEY] = tuple(Span(doc, a, b) for a, b in zip(*table, strict=True))
    return list(spans)


def _sentence_table(doc: Doc) -> tuple[list[int], list[int]]:
    bounds = doc.user_data.get(BOUNDS_KEY)
    if bounds is None:
        if doc.has_annotation("SENT_START"):
            spans = list(doc.sents)
            bounds = ([s.start for s in spans], [s.end for s in spans])
        else:
            bounds = ([0], [len(doc)])
        doc.user_data[BOUNDS_KEY] = bounds
    return bounds


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) of the sentence holding token i, the whole document when it has no sentences; cheaper
    than Token.sent, which walks the tokens each time."""
    starts, ends = _sentence_table(doc)
    k = bisect.bisect_right(starts, i) - 1
    return starts[k], ends[k]


def entities_in(
    doc: Doc, start: int = 0, end: int | None = None, labels: frozenset[str] | None = None
) -> list[Span]:
    """The named entities within tokens start..end, of `labels` only when given; doc.ents, which walks every
    token on each access, is read once per document (kept as plain numbers, as sentence_spans says why)."""
    found = doc.user_data.get(ENTITIES_KEY)
    if found is None:
        found = doc.user_data[ENTITIES_KEY] = [(e.start, e.end, e.label) for e in doc.ents]
        doc.user_data[ENTITY_STARTS_KEY] = [e[0] for e in found]
    end = len(doc) if end is None else end
    wanted = word_hashes(labels) if labels is not None else None
    # entities are sorted and never overlap: those within start..end are found by bisection, so that asking
    # for the entities of each sentence costs what the sentence holds, not what the document holds
    starts = doc.user_data[ENTITY_STARTS_KEY]
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end, first)
    return [
        Span(doc, a, b, label=label)
        for a, b, label in found[first:last]
        if b <= end and (wanted is None or label in wanted)
    ]


# token attributes a dependency pattern's root may be keyed on that the token arrays hold as string ids
_ROOT_ATTRS = ("LEMMA", "LOWER", "ORTH", "DEP", "POS")
# past this share of a document's tokens in trees that may match, one pass over the whole Doc is cheaper
# than copying those trees out; with TreeRootMatcher, which skips trees that cannot match by itself, one pass
# is always cheaper (claim frames on 417 development documents: 2.2x faster than copying the trees out)
_WHOLE_DOC_SHARE = 0.0


def pattern_roots(patterns: list[list[dict]]) -> tuple[dict[str, frozenset[int]], ...] | None:
    """Each DependencyMatcher pattern's root node as hashes of the words or labels it asks for (an "IN" list
    or one value of LEMMA, LOWER, ORTH or DEP), for `dependency_matches`; None when a root asks for none of
    these, so that any token could be one."""
    roots = []
    for pattern in patterns:
        wanted = {}
        for attr, value in pattern[0].get("RIGHT_ATTRS", {}).items():
            if attr in _ROOT_ATTRS and isinstance(value, str):
                wanted[attr] = word_hashes(frozenset([value]))
            elif attr in _ROOT_ATTRS and isinstance(value, dict) and set(value) == {"IN"}:
                wanted[attr] = word_hashes(frozenset(value["IN"]))
        if not wanted:
            return None
        roots.append(wanted)
    return tuple(roots)


_DEPENDENCY_MATCHERS: dict[tuple[int, str], tuple[Vocab, DependencyMatcher]] = {}


def dependency_matcher(
    vocab: Vocab, name: str, patterns: Callable[[], Iterable[tuple[str, list[dict]]]]
) -> DependencyMatcher:
    """The DependencyMatcher of the labelled `patterns` named `name`, built once per vocabulary. Components
    build theirs at load: built at the first document, inside a memory zone, its labels' strings would be
    freed with the zone."""
    cached = _DEPENDENCY_MATCHERS.get((id(vocab), name))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    matcher = TreeRootMatcher(vocab)
    for label, pattern in patterns():
        matcher.add(label, [pattern])
    _DEPENDENCY_MATCHERS[(id(vocab), name)] = (vocab, matcher)
    return matcher


def dependency_matches(
    matcher,
    doc: Doc,
    roots: tuple[dict[str, frozenset[int]], ...] | None,
    whole_doc_share: float = _WHOLE_DOC_SHARE,
) -> list:
    """`matcher(doc)` (a DependencyMatcher whose patterns' roots are `roots`), run only over the parse trees
    that hold a token a root may match. Its token Matcher tests every node's attributes on every token of
    what it is given, most of a run's matching time; a match lies within one tree, and each tree is copied
    out whole, so the matches are the same, in the same order for each root token."""
    n = len(doc)
    if roots is None or n == 0:
        return list(matcher(doc))
    arrays = doc.to_array(list(_ROOT_ATTRS) + ["HEAD"])
    maybe = numpy.zeros(n, dtype=bool)
    for wanted in roots:
        mask = numpy.ones(n, dtype=bool)
        for attr, hashes in wanted.items():
            mask &= members(arrays[:, _ROOT_ATTRS.index(attr)], hashes)
        maybe |= mask
    if not maybe.any():
        return []
    windows = _tree_windows(arrays[:, -1].view(numpy.int64), maybe)
    if windows is None or sum(b - a for a, b in windows) > whole_doc_share * n:
        return list(matcher(doc))
    found = []
    for start, end in windows:
        for key, tokens in matcher(doc[start:end].as_doc()):
            found.append((key, [t + start for t in tokens]))
    return found


def _tree_windows(relative_heads: numpy.ndarray, maybe: numpy.ndarray) -> list[tuple[int, int]] | None:
    """The runs of consecutive tokens whose parse trees hold a `maybe` token, None when a tree is not one
    unbroken run of tokens."""
    n = len(relative_heads)
    roots = numpy.arange(n) + relative_heads
    while True:  # each step doubles the path followed towards the tree's root
        further = roots[roots]
        if numpy.array_equal(further, roots):
            break
        roots = further
    run_starts = numpy.flatnonzero(numpy.r_[True, roots[1:] != roots[:-1]])
    if len(run_starts) != len(numpy.unique(roots)):
        return None
    wanted = numpy.isin(roots, roots[maybe])
    edges = numpy.flatnonzero(numpy.diff(numpy.r_[0, wanted.astype(numpy.int8), 0]))
    return list(zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True))


# the node attributes `head_child_matches` reads from the token arrays, and the relations it follows
_NODE_ATTRS = ("LEMMA", "LOWER", "ORTH", "DEP", "POS", "TAG")
# a head or a child, also on a given side ("<--": the head comes before it, as the DependencyMatcher reads it)
_NODE_RELATIONS = frozenset({"<", ">", "<++", "<--", ">++", ">--"})


def simple_tree_patterns(patterns: list[list[dict]]) -> tuple[tuple[tuple, ...], ...] | None:
    """DependencyMatcher patterns as (left node, relation, {attribute: hashes}) per node, for
    `head_child_matches`; None when a pattern asks for more than it reads (another relation than a head or
    a child, another attribute, or a test other than a value or an "IN" list)."""
    compiled = []
    for pattern in patterns:
        ids = [node["RIGHT_ID"] for node in pattern]
        nodes = []
        for node in pattern:
            wanted = {}
            for attr, value in node.get("RIGHT_ATTRS", {}).items():
                if attr not in _NODE_ATTRS:
                    return None
                if isinstance(value, str):
                    wanted[_NODE_ATTRS.index(attr)] = word_hashes(frozenset([value]))
                elif isinstance(value, dict) and set(value) == {"IN"}:
                    wanted[_NODE_ATTRS.index(attr)] = word_hashes(frozenset(value["IN"]))
                else:
                    return None
            relation = node.get("REL_OP")
            if relation is not None and relation not in _NODE_RELATIONS:
                return None
            left = ids.index(node["LEFT_ID"]) if relation is not None else None
            nodes.append((left, relation, tuple(wanted.items())))
        compiled.append(tuple(nodes))
    return tuple(compiled)


def head_child_matches(doc: Doc, patterns: tuple[tuple[tuple, ...], ...]) -> list[tuple[int, list[int]]]:
    """The matches a DependencyMatcher would find of `patterns` (from simple_tree_patterns), as (pattern
    number, token of each node): the same set of matches, found from the root candidates of each pattern
    through heads and children in the document's arrays, instead of testing every node on every token and
    building Token objects for each candidate, which was most of the claim finder's time."""
    n = len(doc)
    if n == 0:
        return []
    values = doc.to_array(list(_NODE_ATTRS))
    heads = numpy.arange(n) + doc.to_array("HEAD").view(numpy.int64)
    tree = _HeadChildTree(values, heads)
    found = []
    for number, nodes in enumerate(patterns):
        mask = numpy.ones(n, dtype=bool)
        for column, hashes in nodes[0][2]:
            mask &= members(values[:, column], hashes)
        for root in numpy.flatnonzero(mask).tolist():
            for tokens in tree.assignments(nodes, [root]):
                found.append((number, tokens))
    return found


class _HeadChildTree:
    """A document's heads, children and node attributes as plain lists, for head_child_matches."""

    def __init__(self, values: numpy.ndarray, heads: numpy.ndarray):
        self.values = values.tolist()
        self.heads = heads.tolist()
        order = numpy.argsort(heads, kind="stable")
        # the tokens sorted by head: a token's children are the run of those whose head it is
        self.firsts = numpy.searchsorted(heads[order], numpy.arange(len(heads) + 1)).tolist()
        self.order = order.tolist()

    def children(self, token: int) -> list[int]:
        return [c for c in self.order[self.firsts[token] : self.firsts[token + 1]] if c != token]

    def assignments(self, nodes: tuple[tuple, ...], assigned: list[int]):
        """Every way to give the nodes after those `assigned` a token, each in the relation its pattern
        asks to an earlier node's token and with its attributes."""
        if len(assigned) == len(nodes):
            yield list(assigned)
            return
        left, relation, wanted = nodes[len(assigned)]
        anchor = assigned[left]
        if relation[0] == ">":
            candidates = self.children(anchor)
        else:  # "<": the head, which a root lacks
            head = self.heads[anchor]
            candidates = [] if head == anchor else [head]
        if len(relation) == 3:  # "++": the token after the anchor, "--": before it
            after = relation[1] == "+"
            candidates = [token for token in candidates if (token > anchor) == after]
        for token in candidates:
            row = self.values[token]
            if all(row[column] in hashes for column, hashes in wanted):
                yield from self.assignments(nodes, [*assigned, token])


def listed_spans(doc: Doc, name: str):
    """The spans of the list extension `name` (serialization.set_span_list_extension keeps them in the span
    group "briefing_<name>"), as that group: read one at a time, where the extension copies every span
    into a new list on each read; () when there are none."""
    group = f"briefing_{name}"
    return doc.spans[group] if group in doc.spans else ()


def listed_spans_from_end(doc: Doc, name: str) -> Iterator[Span]:
    """The spans of the list extension `name`, last first, each made only when the caller gets to it."""
    spans = listed_spans(doc, name)
    for k in range(len(spans) - 1, -1, -1):
        yield spans[k]


def listed_spans_within(doc: Doc, name: str, start: int, end: int) -> list[Span]:
    """The spans of the list extension `name` that start within tokens start..end, in the list's order, found
    by bisection over their starts (sorted once per document): asked for each sentence, a scan of the
    whole list made the cost grow with the square of the document."""
    spans = listed_spans(doc, name)
    key = f"briefing_extractor.listed_starts {name}"
    cached = doc.user_data.get(key)
    if cached is None or cached[0] != len(spans):
        ordered = sorted((span.start, k) for k, span in enumerate(spans))
        cached = doc.user_data[key] = (len(spans), [s for s, _ in ordered], [k for _, k in ordered])
    _, starts, positions = cached
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end, first)
    return [spans[k] for k in sorted(positions[first:last])]
