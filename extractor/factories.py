"""Making the project's spaCy factories readable by every spaCy version the project installs with."""

from __future__ import annotations

import typing
from collections.abc import Callable

Factory = typing.TypeVar("Factory", bound=Callable)


def evaluated_annotations(factory: Factory) -> Factory:
    """The factory with its annotations evaluated. The component modules postpone their annotations
    (`from __future__ import annotations`), and the confection that spaCy 3.8.2-3.8.6 bring (0.1, held
    there by weasel < 0.5) checks a factory's arguments with pydantic v1, which cannot read annotations left
    as strings: nlp.add_pipe then fails with "field 'nlp' not yet prepared". Applied above
    @Language.factory, which registers the function itself, so the registered factory is the one changed."""
    factory.__annotations__ = typing.get_type_hints(factory)
    return factory
