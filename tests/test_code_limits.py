"""The package's size limits (issue 16): no module above 900 lines, no function above 60 lines. Complexity
is ruff's C901, set in pyproject.toml."""

import ast
from pathlib import Path

import pytest

import extractor

PACKAGE_DIR = Path(extractor.__file__).parent
MAX_MODULE_LINES = 900
MAX_FUNCTION_LINES = 60
MODULES = sorted(PACKAGE_DIR.rglob("*.py"))


def _long_functions(source: str) -> list[str]:
    return [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_module_within_limits(path):
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_MODULE_LINES
    assert _long_functions(source) == []


def test_the_limits_catch_a_long_function():
    body = "".join(f"    x{n} = {n}\n" for n in range(MAX_FUNCTION_LINES))
    assert _long_functions(f"def f():\n{body}") == [f"f ({MAX_FUNCTION_LINES + 1} lines)"]
    assert _long_functions("def g():\n    return 1\n") == []
