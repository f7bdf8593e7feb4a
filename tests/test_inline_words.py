"""No English word is compared inline in Python: word lists live in extractor/data/*.json.

The test reads the AST of every module of extractor/ and flags a comparison (`==`, `!=`, `in`, `not in`)
between an expression that reads the text of a word and a literal word: a string literal of two or more
lower-case letters, a tuple/list/set/frozenset of them, or a name bound at module or class level to such
a collection (`PRONOUNS = {"they", "it"}` ... `token.lower_ in PRONOUNS`).

Why the text side decides, and not an English word list: our codes are English words too (the claim kinds
"strikes" and "targets", effects "killed", roles "actor", dependency labels "prep", "case", "mark"), and a
word list cannot tell `finding.kind == "strikes"` (a code, fine) from `token.lower_ == "strikes"` (the
text, a vocabulary that belongs in data). What tells them apart is what is compared: an expression reads
text when it is a token attribute that holds the word (`.lower_`, `.lemma_`, `.text`, `.norm_`, `.orth_`),
a string method that cases it (`.lower()`, `.casefold()`), a call, name or attribute whose name says it
holds words (`_lemma(verb)`, `first_word`, `lowers[0]`, `two_words`), or an item of one of these. A
variable a module assigns from a token's text reads text too (`after = doc[end].lower_`), and a word
collection imported from another module of extractor/ is followed to where it is defined. Codes are
compared through other attributes (`.dep_`, `.pos_`, `.label_`, `.kind`), which this test leaves alone.
`x in "sxz"` against a bare string is a test for a letter or substring, not a word, and is left alone.
What the test cannot see: a word handed through a parameter whose name does not say it holds one.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

import extractor

PACKAGE_DIR = Path(extractor.__file__).parent
WORD = re.compile(r"[a-z]{2,}")
TEXT_ATTRIBUTES = frozenset({"lower_", "lemma_", "text", "norm_", "orth_", "text_with_ws"})
CASING_METHODS = frozenset({"lower", "casefold"})
TEXT_NAME = re.compile(r"word|lower|lemma|text|norm|orth")
COLLECTION_CALLS = frozenset({"frozenset", "set", "tuple", "list"})


def _literal_words(node: ast.AST, word_names: set[str]) -> list[str]:
    """The English words a comparison's other side holds literally ([] when it holds none)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if WORD.fullmatch(node.value) else []
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) in COLLECTION_CALLS and node.args:
        return _literal_words(node.args[0], word_names)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [w for e in node.elts for w in _literal_words(e, word_names)]
    if isinstance(node, ast.BinOp):
        return _literal_words(node.left, word_names) + _literal_words(node.right, word_names)
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
    return [name] if name in word_names else []


def _says_text(name: str) -> bool:
    return not name.isupper() and bool(TEXT_NAME.search(name.lower()))


def _reads_text(node: ast.AST, text_names: frozenset[str] = frozenset()) -> bool:
    """Whether an expression holds the text of a word (see the module's docstring)."""
    if isinstance(node, ast.IfExp):
        return _reads_text(node.body, text_names) or _reads_text(node.orelse, text_names)
    if isinstance(node, ast.Subscript):
        return _reads_text(node.value, text_names)
    if isinstance(node, ast.Name):
        return node.id in text_names or _says_text(node.id)
    if isinstance(node, ast.Attribute):
        return node.attr in TEXT_ATTRIBUTES or _says_text(node.attr)
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute):
            return node.func.attr in CASING_METHODS or _says_text(node.func.attr)
        return isinstance(node.func, ast.Name) and _says_text(node.func.id)
    return False


def word_collections(tree: ast.Module) -> set[str]:
    """Names bound at module or class level to a literal collection of English words."""
    bodies = [tree.body] + [n.body for n in tree.body if isinstance(n, ast.ClassDef)]
    names = set()
    for node in (n for body in bodies for n in body):
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if value is None or isinstance(value, ast.Constant):
            continue
        if _literal_words(value, set()):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def _holds_token_text(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr in TEXT_ATTRIBUTES for n in ast.walk(node))


def text_names(tree: ast.Module) -> frozenset[str]:
    """Variables a module assigns from a token's text (`after = doc[end].lower_`)."""
    return frozenset(
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _holds_token_text(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    )


def inline_words(tree: ast.Module, word_names: set[str]) -> list[tuple[int, str]]:
    """(line, comparison) for each comparison of a word's text with literal English words."""
    found, assigned_text = [], text_names(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        for (left, right), op in zip(zip(sides[:-1], sides[1:], strict=True), node.ops, strict=True):
            if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, ast.Constant):
                continue  # a letter or substring test, not a word
            if isinstance(op, (ast.Eq, ast.NotEq, ast.In, ast.NotIn)):
                pair = ((left, right), (right, left))
                if any(_reads_text(a, assigned_text) and _literal_words(b, word_names) for a, b in pair):
                    found.append((node.lineno, ast.unparse(node)))
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE_DIR.rglob("*.py"))


def _module_path(node: ast.ImportFrom, path: Path) -> Path | None:
    """The file of extractor/ that `from X import ...` in `path` names (None outside the package)."""
    if node.level:
        base = path.parents[node.level - 1]
    elif node.module and node.module.split(".")[0] == PACKAGE_DIR.name:
        base = PACKAGE_DIR.parent
    else:
        return None
    target = base.joinpath(*(node.module or "").split("."))
    for candidate in (target.with_suffix(".py"), target / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@functools.cache
def _word_names(path: Path) -> frozenset[str]:
    """The word collections a module defines or imports from another module of extractor/."""
    tree = ast.parse(path.read_text())
    names = word_collections(tree)
    for node in ast.walk(tree):
        source = _module_path(node, path) if isinstance(node, ast.ImportFrom) else None
        if source is not None and source != path:
            defined = word_collections(ast.parse(source.read_text()))
            names.update(a.asname or a.name for a in node.names if a.name in defined)
    return frozenset(names)


FLAGGED = [
    ('token.lower_ == "of"', set()),
    ('token.lemma_ in ("be", "have")', set()),
    ('doc[i + 1].lower_ != "to"', set()),
    ('_lemma(verb) == "leave"', set()),
    ('word.lower() not in {"from", "by"}', set()),
    ('lowers[0] == "last"', set()),
    ('first_word in ["in", "during"]', set()),
    ('token.text in frozenset({"the", "a"})', set()),
    ('head.norm_ in tuple(("said",))', set()),
    ('"according" == token.lower_', set()),
    ("token.lower_ in PRONOUNS", {"PRONOUNS"}),
    ("token.lower_ in ARTICLES | PRONOUNS", {"PRONOUNS"}),
    ('after = doc[end].lower_ if end < len(doc) else ""\nafter in ("of", "since")', set()),
]

ALLOWED = [
    'token.dep_ == "nsubj"',
    'token.dep_ in ("prep", "agent")',
    'finding.kind == "strikes"',
    'span.label_ == "country"',
    'token.text == ","',
    'token.lower_ in ("\'s", "’s")',
    "token.lower_ in vocab.pronouns",
    'word[-3] in "sxz"',
    'token.lower_ == "a"',
    "token.lower_ in WORDS_FROM_DATA",
    'relation = token.dep_\nrelation == "prep"',
]


@pytest.mark.parametrize(("comparison", "word_names"), FLAGGED)
def test_flags_a_word_compared_inline(comparison: str, word_names: set[str]) -> None:
    assert inline_words(ast.parse(comparison), word_names)


@pytest.mark.parametrize("comparison", ALLOWED)
def test_leaves_codes_and_data_lookups_alone(comparison: str) -> None:
    assert not inline_words(ast.parse(comparison), set())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('PRONOUNS = {"they", "it"}', {"PRONOUNS"}),
        ('class V:\n    OPENERS = frozenset({"on", "in"})', {"OPENERS"}),
        ('STOPS: tuple[str, ...] = ("of", "to")', {"STOPS"}),
        ('PUNCT = frozenset({",", ";"})', set()),
        ('NAME = "word"', set()),
        ('def f():\n    local = {"of", "to"}', set()),
    ],
)
def test_finds_module_level_word_collections(source: str, expected: set[str]) -> None:
    assert word_collections(ast.parse(source)) == expected


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_no_english_word_compared_inline(path: Path) -> None:
    found = inline_words(ast.parse(path.read_text()), set(_word_names(path)))
    assert not found, f"{path.name}: move these words to extractor/data/*.json: {found}"
