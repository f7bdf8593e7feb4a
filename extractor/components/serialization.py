"""Msgpack encoders for the values the components leave on a Doc, so that Docs cross process boundaries
(`nlp.pipe(..., n_process=2)`) and go into `DocBin(store_user_data=True)` with their findings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from functools import lru_cache
from typing import Any

import srsly
from spacy.tokens import Doc, Span

# only dataclasses defined in these modules are rebuilt from msgpack: a DocBin from elsewhere cannot make
# the loader construct arbitrary classes
TRUSTED_MODULES = "extractor."
DATACLASS_TAG = "__briefing_dataclass__"
DATE_TAG = "__briefing_date__"
DATETIME_TAG = "__briefing_datetime__"
SET_TAG = "__briefing_set__"
REGISTRY_NAME = "briefing_extractor"


def encode_value(obj: Any, chain=None) -> Any:
    """msgpack's fallback for the project's values: dates, sets and the components' dataclasses."""
    if isinstance(obj, dt.datetime):
        return {DATETIME_TAG: obj.isoformat()}
    if isinstance(obj, dt.date):
        return {DATE_TAG: obj.isoformat()}
    if isinstance(obj, set | frozenset):
        return {SET_TAG: sorted(obj, key=repr)}
    if isinstance(obj, Span):
        # only the sentence cache holds Spans (document.sentence_spans): it is sent as nothing and built
        # again, from the Doc's own sentence bounds, when a component asks for it on the other side
        return None
    cls = type(obj)
    if dataclasses.is_dataclass(obj) and cls.__module__.startswith(TRUSTED_MODULES):
        values = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj) if f.init}
        return {DATACLASS_TAG: f"{cls.__module__}:{cls.__qualname__}", "fields": values}
    return obj if chain is None else chain(obj)


def decode_value(obj: Any, chain=None) -> Any:
    """The inverse of encode_value, for each map msgpack reads."""
    if isinstance(obj, dict) and len(obj) <= 2:
        if DATE_TAG in obj:
            return dt.date.fromisoformat(obj[DATE_TAG])
        if DATETIME_TAG in obj:
            return dt.datetime.fromisoformat(obj[DATETIME_TAG])
        if SET_TAG in obj:
            return set(obj[SET_TAG])
        if DATACLASS_TAG in obj:
            return _rebuild(obj[DATACLASS_TAG], obj["fields"])
    return obj if chain is None else chain(obj)


def _rebuild(name: str, values: dict) -> Any:
    module_name, _, qualname = name.partition(":")
    if not module_name.startswith(TRUSTED_MODULES):
        raise ValueError(f"refusing to rebuild {name!r}: not one of briefing-extractor's own classes")
    cls: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        cls = getattr(cls, part)
    if not dataclasses.is_dataclass(cls):
        raise ValueError(f"refusing to rebuild {name!r}: not a dataclass")
    declared = {f.name: str(f.type) for f in dataclasses.fields(cls)}
    return cls(**{key: _restore_tuples(value, declared.get(key, "")) for key, value in values.items()})


def _restore_tuples(value: Any, declared: str) -> Any:
    """msgpack reads arrays back as all lists or all tuples: give fields declared as tuples, lists or lists
    of tuples their type again, so that findings compare and hash as they did before the trip."""
    if not isinstance(value, list | tuple):
        return value
    if declared.startswith("tuple"):
        return tuple(value)
    if declared.startswith("list[tuple"):
        return [tuple(item) if isinstance(item, list) else item for item in value]
    if declared.startswith("list"):
        return list(value)
    return value


@lru_cache(maxsize=1)
def register_msgpack_types() -> None:
    """Registers the encoder and decoder with srsly (which spaCy's Doc.to_bytes and DocBin use), once: the
    registry reads the installed packages' entry points on each look-up, too slow to repeat per document."""
    if REGISTRY_NAME not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register(REGISTRY_NAME, func=encode_value)
    if REGISTRY_NAME not in srsly.msgpack_decoders.get_all():
        srsly.msgpack_decoders.register(REGISTRY_NAME, func=decode_value)


def set_span_list_extension(name: str) -> None:
    """A Doc extension holding a list of spans, kept in the span group of the same name: a span group is
    serialised with the Doc and holds its Doc weakly, where a list of Spans in user_data can be neither
    serialised nor freed before Python's full garbage collection."""
    if Doc.has_extension(name):
        return
    group = f"briefing_{name}"

    def get_spans(doc: Doc) -> list[Span] | None:
        return list(doc.spans[group]) if group in doc.spans else None

    def set_spans(doc: Doc, spans: list[Span] | None) -> None:
        if spans is None:
            doc.spans.pop(group, None)
        else:
            doc.spans[group] = spans

    Doc.set_extension(name, getter=get_spans, setter=set_spans)
