"""Making the project's spaCy factories readable by every spaCy version the project installs with."""

from __future__ import annotations

import typing

from spacy.language import Language
from spacy.util import registry


def resolve_factory_annotations(name: str) -> None:
    """Evaluates the annotations of the factory registered as `name`. The component modules postpone their
    annotations (`from __future__ import annotations`), and the confection that spaCy 3.8.2-3.8.6 bring
    (0.1, held there by weasel < 0.5) checks a factory's arguments with pydantic v1, which cannot read
    annotations left as strings: nlp.add_pipe then fails with "field 'nlp' not yet prepared"."""
    factory = registry.factories.get(Language.get_factory_name(name))
    if any(isinstance(value, str) for value in factory.__annotations__.values()):
        factory.__annotations__ = typing.get_type_hints(factory)
