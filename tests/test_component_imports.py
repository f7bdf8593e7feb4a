"""Components talk only through Doc extensions: no component module imports another component's module.

A component is a module or package of extractor/components that registers a spaCy factory; the others there
(document, page, serialization) are helpers any component may import, and which import no component."""

import ast
from pathlib import Path

import pytest

import extractor.components

COMPONENTS_DIR = Path(extractor.components.__file__).parent
PREFIX = "extractor.components."


def _unit(path: Path) -> str:
    """The top-level module or package of extractor/components that a file belongs to."""
    return path.relative_to(COMPONENTS_DIR).parts[0].removesuffix(".py")


def _files() -> list[Path]:
    return sorted(
        p for p in COMPONENTS_DIR.rglob("*.py") if p.name != "__init__.py" or p.parent != COMPONENTS_DIR
    )


def _registers_a_factory(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "factory":
            if isinstance(node.value, ast.Name) and node.value.id == "Language":
                return True
    return False


def _imported_units(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n[len(PREFIX) :].split(".")[0] for n in names if n.startswith(PREFIX)}


TREES = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _files()}
COMPONENTS = {_unit(path) for path, tree in TREES.items() if _registers_a_factory(tree)}


def test_the_components_and_helpers_are_the_expected_ones():
    assert {"layout", "dates", "numbers", "speakers", "places", "claims", "claim_links"} <= COMPONENTS
    helpers = {_unit(path) for path in TREES} - COMPONENTS
    assert helpers == {"document", "page", "serialization"}


@pytest.mark.parametrize("path", sorted(TREES), ids=lambda p: str(p.relative_to(COMPONENTS_DIR)))
def test_no_component_imports_another(path):
    own = _unit(path)
    others = (_imported_units(TREES[path]) - {own}) & COMPONENTS
    assert not others, f"{path.relative_to(COMPONENTS_DIR)} imports the component(s) {sorted(others)}"


def test_the_check_sees_an_import_of_another_component():
    tree = ast.parse("from extractor.components.dates import in_dateline\nimport extractor.components.layout")
    assert _imported_units(tree) == {"dates", "layout"}
