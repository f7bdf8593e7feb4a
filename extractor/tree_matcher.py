"""A DependencyMatcher that reads its token tests and parse-tree roots from the Doc's arrays.

spaCy's DependencyMatcher runs a token Matcher with one single-token pattern per node of each pattern (an
"IN" list is a Python call per token and node), groups the token matches by the root of their tree, found by
walking each match's ancestors one Token at a time, and then tries every pattern on every tree. Here the
node tests that compare a word or label (LEMMA, LOWER, ORTH, DEP, POS, TAG: one value or an "IN" list) are
one array lookup per node for the whole Doc, the roots follow from the HEAD column in a few array steps, and
only the trees holding a token for every node of some pattern are handed on: a tree missing one yields no
match. Groups, positions and their order are the same as spaCy's, so are the matches
(`tests/test_tree_matcher.py`); a pattern with any other test falls back to spaCy's own token Matcher.
"""

from __future__ import annotations

import warnings
from collections import defaultdict

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, TAG
from spacy.errors import Warnings
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

# the node tests read from the token arrays: these attributes hold string ids
ARRAY_ATTRS = {"LEMMA": LEMMA, "LOWER": LOWER, "ORTH": ORTH, "DEP": DEP, "POS": POS, "TAG": TAG}

NodeTest = tuple[int, tuple[tuple[int, numpy.ndarray], ...]]  # matcher key, (attribute, sorted ids) tests


def tree_roots(doc: Doc) -> numpy.ndarray:
    """The index of the root of each token's parse tree (a token without a head is its own root)."""
    roots = numpy.arange(len(doc)) + doc.to_array(HEAD).astype(numpy.int64)
    while len(roots):  # each step doubles the path followed towards the root
        further = roots[roots]
        if numpy.array_equal(further, roots):
            break
        roots = further
    return roots


def _node_test(key: int, attrs: dict) -> NodeTest | None:
    """A node's attribute tests as sorted string ids, None when it tests anything the arrays do not hold."""
    tests = []
    for name, value in attrs.items():
        if name not in ARRAY_ATTRS:
            return None
        if isinstance(value, dict) and set(value) == {"IN"}:
            values = value["IN"]
        elif isinstance(value, str):
            values = [value]
        else:
            return None
        ids = numpy.array(sorted({get_string_id(v) for v in values}), dtype=numpy.uint64)
        tests.append((ARRAY_ATTRS[name], ids))
    return key, tuple(tests)


def _holds(values: numpy.ndarray, ids: numpy.ndarray) -> numpy.ndarray:
    if not len(ids):
        return numpy.zeros(len(values), dtype=bool)
    found = numpy.searchsorted(ids, values)
    found[found == len(ids)] = 0
    return ids[found] == values


class TreeRootMatcher(DependencyMatcher):
    """DependencyMatcher with its token tests, tree roots and candidate trees read from the Doc's arrays."""

    def _compiled(self) -> tuple[list[NodeTest] | None, list[frozenset[int]]]:
        """The node tests of all patterns (None if one is not read from arrays), and each pattern's keys."""
        size = sum(len(keys) for keys in self._tokens_to_key.values())
        cached = self.__dict__.get("_compiled_for")
        if cached is not None and cached[0] == size:
            return cached[1], cached[2]
        tests: list[NodeTest] | None = []
        required = []
        for key, patterns in self._patterns.items():
            for nodes, keys in zip(patterns, self._tokens_to_key[key], strict=True):
                required.append(frozenset(keys))
                for node, node_key in zip(nodes, keys, strict=True):
                    test = _node_test(node_key, node[0])
                    if test is None or tests is None:
                        tests = None
                    else:
                        tests.append(test)
        self.__dict__["_compiled_for"] = (size, tests, required)
        return tests, required

    def _token_matches(self, doc: Doc, tests: list[NodeTest] | None) -> list[tuple[int, int]]:
        """(token, key) for every node test a token passes, in token order."""
        if tests is None:
            found = []
            for match_id, start, end in self._matcher(doc):
                if start + 1 != end:
                    pattern = self._matcher.get(match_id)[1][0][0]
                    tokens = [t.text for t in doc[start:end]]
                    warnings.warn(Warnings.W110.format(tokens=tokens, pattern=pattern), stacklevel=3)
                found.append((start, match_id))
            return found
        columns = sorted({attr for _, node in tests for attr, _ in node})
        arrays = doc.to_array(columns).reshape(len(doc), len(columns))
        pairs = []
        for key, node in tests:
            mask = numpy.ones(len(doc), dtype=bool)
            for attr, ids in node:
                mask &= _holds(arrays[:, columns.index(attr)], ids)
            pairs.extend((i, key) for i in numpy.flatnonzero(mask).tolist())
        pairs.sort(key=lambda pair: pair[0])
        return pairs

    def _get_keys_to_position_maps(self, doc: Doc) -> dict:
        tests, required = self._compiled()
        keys_to_position_maps: dict = defaultdict(lambda: defaultdict(list))
        matches = self._token_matches(doc, tests) if len(doc) else []
        if not matches:
            return keys_to_position_maps
        roots = tree_roots(doc).tolist()
        for i, key in matches:
            keys_to_position_maps[roots[i]][key].append(i)
        return {
            root: keys
            for root, keys in keys_to_position_maps.items()
            if any(needed <= keys.keys() for needed in required)
        }
