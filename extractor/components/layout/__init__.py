"""The page-structure component: published date, report sections and datelines, paragraphs, quotations, page
furniture, loss lists and list leads, worked out once and left on the Doc (see extractor.components.page)."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.document import document_text
from extractor.components.layout.furniture import find_loss_lines, furniture_sentences, list_lead, list_leads
from extractor.components.layout.lines import (
    LineBreakSentencizer,
    dateline_openings,
    make_line_breaker,
    mark_line_breaks,
)
from extractor.components.layout.paragraphs import find_paragraphs, find_quotes, sentence_paragraphs
from extractor.components.layout.published import (
    HEAD_CHARACTERS,
    find_published,
    locate_published,
    locate_sections,
)
from extractor.components.page import PublishedDate, register_page_extensions
from extractor.factories import evaluated_annotations


class PageLayout:
    """Leaves the page's structure on the Doc: `doc._.published` (when the caller gave none: the text's own
    dateline or header date, else the fallback the reader found), `doc._.published_mark`,
    `doc._.report_sections`, `doc._.paragraphs`, `doc._.sentence_paragraphs`, `doc._.quote_spans`,
    `doc._.furniture`, `doc._.loss_lines` and `doc._.list_leads`. Runs once the sentences are set."""

    def __init__(self, nlp: Language, name: str = "briefing_layout", list_items_read_back: int = 40):
        self.name = name
        # how many sentences back a list item's lead (the line ending with a colon) is looked for
        self.list_items_read_back = list_items_read_back
        register_page_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = document_text(doc)
        located = locate_published(text)
        _decide_published(doc, located)
        sections = locate_sections(text, doc._.published)
        if located is not None and located.source == "dateline":
            sections[0] = replace(sections[0], dateline=(located.start, located.end))
        if sections[0].dateline is None:
            # one with no date ("KHARTOUM, Sudan - ") still says where the report was filed, not its news
            opening = next(iter(dateline_openings(text[:HEAD_CHARACTERS])), None)
            sections[0] = replace(sections[0], dateline=opening)
        doc._.published_mark = located
        doc._.report_sections = sections
        paragraphs = find_paragraphs(text)
        doc._.paragraphs = paragraphs
        doc._.quote_spans = find_quotes(text, paragraphs)
        doc._.sentence_paragraphs = sentence_paragraphs(doc)
        doc._.furniture = furniture_sentences(doc)
        doc._.loss_lines = find_loss_lines(doc)
        doc._.list_leads = list_leads(doc, self.list_items_read_back)
        return doc


def _decide_published(doc: Doc, located: PublishedDate | None) -> None:
    """The published date, decided here alone: the caller's (the reader's metadata, front matter or web
    page) first, then the text's own dateline or header, then the file name or a page's guessed date."""
    if doc._.published is not None:
        return
    if located is not None:
        doc._.published, doc._.published_source = located.date, located.source
    elif doc._.fallback_published is not None:
        # a date in the file name or a page's guessed date: weaker than the text's own dateline
        doc._.published = doc._.fallback_published
        doc._.published_source = doc._.fallback_published_source or "filename"


@evaluated_annotations
@Language.factory("briefing_layout", default_config={"list_items_read_back": 40})
def make_page_layout(nlp: Language, name: str, list_items_read_back: int) -> PageLayout:
    """The page-structure finder as a pipeline component (add it once the sentences are set)."""
    return PageLayout(nlp, name, list_items_read_back)


__all__ = [
    "LineBreakSentencizer",
    "PageLayout",
    "find_loss_lines",
    "find_paragraphs",
    "find_published",
    "find_quotes",
    "furniture_sentences",
    "list_lead",
    "list_leads",
    "locate_published",
    "locate_sections",
    "make_line_breaker",
    "make_page_layout",
    "mark_line_breaks",
    "sentence_paragraphs",
]
