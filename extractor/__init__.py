"""briefing-extractor: structured, validated claims from military briefings and press releases."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The public names are imported on first use: `import extractor.cli` (a worker process starting, `--help`)
# then costs no spaCy import, and a worker can tie its life to its parent's before that import's seconds.
_PUBLIC = {
    "Extractor": "extractor.api",
    "extract": "extractor.api",
    "Claim": "extractor.models",
    "ClaimKind": "extractor.models",
    "DocumentRecord": "extractor.models",
    "Effect": "extractor.models",
    "Evidence": "extractor.models",
    "Quote": "extractor.models",
    "Speaker": "extractor.models",
    "DocumentInput": "extractor.records",
}

if TYPE_CHECKING:
    from extractor.api import Extractor, extract
    from extractor.models import Claim, ClaimKind, DocumentRecord, Effect, Evidence, Quote, Speaker
    from extractor.records import DocumentInput


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'extractor' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])


__all__ = [
    "Claim",
    "ClaimKind",
    "DocumentInput",
    "DocumentRecord",
    "Effect",
    "Evidence",
    "Extractor",
    "Quote",
    "Speaker",
    "__version__",
    "extract",
]
