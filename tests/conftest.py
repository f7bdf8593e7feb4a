"""Shared fixtures: the pipeline is loaded once per test session."""

import pytest

from extractor import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp
