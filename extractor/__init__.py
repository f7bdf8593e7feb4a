"""briefing-extractor: structured, validated claims from military briefings and press releases."""

__version__ = "0.1.0"

from extractor.api import Extractor, extract  # noqa: E402
from extractor.models import (  # noqa: E402
    Claim,
    ClaimKind,
    DocumentRecord,
    Effect,
    Evidence,
    Quote,
    Speaker,
)
from extractor.records import DocumentInput  # noqa: E402

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
