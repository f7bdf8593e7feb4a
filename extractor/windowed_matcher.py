"""A token Matcher run only over the stretches of a Doc where one of its matches can be, with its own results.

A Matcher makes a Token of every word it is given and tests each pattern's first node on it (an extension
getter or an "IN" list is a Python call per token). A match is one unbroken run of tokens that each pass some
node's test, and holds a token that passes a node every match of its pattern needs: given which tokens may be
in a match (`usable`) and which may anchor one (`anchors`), the Matcher runs only over the runs of usable
tokens that hold an anchor. The caller's masks may say yes too often, never too rarely. For patterns added
with greedy="LONGEST" the results, and their order, are those of the Matcher over the whole Doc
(`tests/test_windowed_matcher.py`): grouped by label in the order each label is first found, each label's
longest first, then by start.
"""

from __future__ import annotations

import numpy
from spacy.matcher import Matcher
from spacy.tokens import Doc


def usable_runs(usable: numpy.ndarray, anchors: numpy.ndarray) -> list[tuple[int, int]]:
    """The maximal runs of usable tokens that hold an anchor, as (start, end) token ranges."""
    edges = numpy.flatnonzero(numpy.diff(numpy.r_[0, usable.astype(numpy.int8), 0]))
    starts, ends = edges[0::2], edges[1::2]
    anchored = numpy.r_[0, numpy.cumsum(anchors & usable)]
    keep = anchored[ends] > anchored[starts]
    return list(zip(starts[keep].tolist(), ends[keep].tolist(), strict=True))


def greedy_matches(
    matcher: Matcher, doc: Doc, usable: numpy.ndarray, anchors: numpy.ndarray
) -> list[tuple[int, int, int]]:
    """matcher(doc) for a Matcher of greedy="LONGEST" patterns, run over the usable runs with an anchor."""
    by_label: dict[int, list[tuple[int, int]]] = {}
    for start, end in usable_runs(usable, anchors):
        for label, first, last in matcher(doc[start:end]):
            by_label.setdefault(label, []).append((start + first, start + last))
    found = []
    for label, spans in by_label.items():
        spans.sort(key=lambda span: (span[0] - span[1], span[0]))
        found.extend((label, start, end) for start, end in spans)
    return found
