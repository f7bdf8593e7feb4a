"""Answers the claim finder asks for more than once about the same words of one document, kept while it reads
that document.

The finder asks who governs a counted noun, who acted and where for each reading of a sentence, and a
sentence is read several times over (its figures, its single claims, its pronouns, then the context of each
finding), so the same question comes again with the same words. The answers depend only on the parsed
document and the vocabularies, which do not change while the finder runs; they are kept for that one run
and dropped when it ends, so nothing outlives the document or crosses into its serialized form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar

from spacy.tokens import Doc, Span, Token

Answer = TypeVar("Answer")


class _Remembered:
    """The document being read and the answers given about it so far."""

    doc: Doc | None = None
    answers: dict[tuple, Any] = {}


_REMEMBERED = _Remembered()


@contextmanager
def remembering(doc: Doc) -> Iterator[None]:
    """Keeps the answers of remembered functions about `doc` until the block ends."""
    outer = (_REMEMBERED.doc, _REMEMBERED.answers)
    _REMEMBERED.doc, _REMEMBERED.answers = doc, {}
    try:
        yield
    finally:
        _REMEMBERED.doc, _REMEMBERED.answers = outer


def _argument_key(argument: Any) -> Any:
    """A token or span by its position (the objects are made anew on each access), anything else as itself:
    the vocabularies are the finder's own objects, which live as long as it does."""
    if isinstance(argument, Token):
        return argument.i
    if isinstance(argument, Span):
        return (argument.start, argument.end)
    if argument is None or isinstance(argument, str | int):
        return argument
    return id(argument)


def _document_of(arguments: tuple) -> Doc | None:
    for argument in arguments:
        if isinstance(argument, Token | Span):
            return argument.doc
    return None


def remembered(function: Callable[..., Answer]) -> Callable[..., Answer]:
    """`function`, answering from memory a question already asked about the document being read; outside
    `remembering` (a test calling it directly) it is asked afresh each time."""

    @wraps(function)
    def answer(*arguments: Any) -> Answer:
        if _REMEMBERED.doc is None or _document_of(arguments) is not _REMEMBERED.doc:
            return function(*arguments)
        key = (function, *(_argument_key(a) for a in arguments))
        answers = _REMEMBERED.answers
        if key not in answers:
            answers[key] = function(*arguments)
        return answers[key]

    return answer
