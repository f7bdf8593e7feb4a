"""The project's spaCy components, one module each; they talk only through Doc and Span extensions."""
