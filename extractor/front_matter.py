"""The front matter of Markdown posts (YAML between `---` lines, or JSON): read as metadata, not as text."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from extractor.vocabulary import load_data, require

SOURCE = "inputs.json"


@dataclass
class Post:
    """A post's body and the metadata its front matter gives (None when it gives none)."""

    body: str
    metadata: dict[str, object] = field(default_factory=dict)  # document field -> value
    warnings: list[str] = field(default_factory=list)


@cache
def _front_matter_keys() -> dict[str, tuple[str, ...]]:
    keys = require(load_data("inputs"), "front_matter", dict, SOURCE)
    return {name: tuple(str(key).casefold() for key in names) for name, names in keys.items()}


def split_post(text: str) -> Post:
    """The body after the front matter and the document fields read from it (`title`, `published`,
    `author`, `url`); a text without front matter is all body. The body starts at the first line that
    is not blank after the closing `---`, so a claim's offsets count from there."""
    import frontmatter
    import yaml

    handler = frontmatter.detect_format(text, frontmatter.handlers) if text.startswith(("---", "{")) else None
    if handler is None:
        return Post(text)
    try:
        raw, body = handler.split(text)
        values = handler.load(raw)
    except ValueError:  # no closing delimiter: a rule under the first line, not front matter
        return Post(text)
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        # the front matter starts on the opening `---` line: its line N from 0 is the file's line N + 1 from 1
        line = f" (line {where.line + 1})" if where is not None else ""
        return Post(text, warnings=[f"the front matter is not valid YAML{line}; read as text"])
    if not isinstance(values, dict):
        return Post(text)
    folded = {str(key).casefold(): value for key, value in values.items()}
    metadata: dict[str, object] = {}
    for name, keys in _front_matter_keys().items():
        value = next((folded[key] for key in keys if folded.get(key) not in (None, "")), None)
        if value is not None:
            metadata[name] = value
    return Post(body.lstrip("\r\n"), metadata)
