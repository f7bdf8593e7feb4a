"""Running a document through the pipeline only as far as the component under test."""

from extractor.pipeline import make_document


def run_until(nlp, text, published, last):
    """The document `text` through the pipeline's components up to and including `last` (what runs after it
    is not under test)."""
    doc = make_document(nlp, text, published)
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == last:
            break
    return doc
