"""Saved web pages: their main text (trafilatura) and their own date, read from the article header first."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

# a page's own date stands under (or over) its headline, among short lines (date, byline, tags) before
# the article's prose begins and within this much text; the dates of related news in sidebars, teasers
# and footers lie beyond the prose or further away
HEADER_TEXT_CHARS = 300
# a text of this many words is the article's prose: the header ends with it
PROSE_WORDS = 8
# the earliest date a saved news page can carry (htmldate's own lower bound)
EARLIEST_PAGE_DATE = dt.datetime(1995, 1, 1)


class PageProblem(Exception):
    """A page with no main text to read."""


@dataclass
class WebPage:
    """The main text of a page and what the page says about itself."""

    text: str
    title: str | None = None
    author: str | None = None
    url: str | None = None
    date: str | None = None  # ISO date the page states: under its headline, or in its meta tags
    date_source: str | None = None  # "header" (under the headline) or "metadata" (meta tags, JSON-LD)
    guessed_date: str | None = None  # htmldate's pick among all the page's dates, when it states none


def read_page(html: str) -> WebPage:
    """The main text, title, author, address and own date of an HTML page.

    The date under the page's headline, then the one its meta tags or JSON-LD declare, are the page's
    own. Without either, trafilatura's date (htmldate weighing every date of the page, the sidebar's
    related news included) is only a guess: a dateline in the text beats it."""
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise PageProblem("no main text found in the HTML page")
    page = WebPage(
        text=text,
        title=getattr(found, "title", None) or None,
        author=getattr(found, "author", None) or None,
        url=getattr(found, "url", None) or None,
    )
    header = header_date(html, page.title)
    declared = declared_date(html) if header is None else None
    if header is not None:
        page.date, page.date_source = header, "header"
    elif declared is not None:
        page.date, page.date_source = declared, "metadata"
    else:
        page.guessed_date = getattr(found, "date", None) or None
    return page


def declared_date(html: str) -> str | None:
    """The publication date the page declares for machines: htmldate's reading of the meta tags of its
    `<head>` and of its JSON-LD (`datePublished`), without its guesses from the page's text."""
    from htmldate import find_date
    from lxml.etree import SubElement
    from lxml.html import Element
    from trafilatura import load_html

    tree = load_html(html)
    if tree is None:
        return None
    declared = Element("html")
    head = SubElement(declared, "head")
    head.extend(copy.deepcopy(element) for element in tree.xpath("//head/meta"))
    body = SubElement(declared, "body")
    body.extend(copy.deepcopy(element) for element in tree.xpath("//script[@type='application/ld+json']"))
    latest = dt.datetime.now() + dt.timedelta(days=1)
    return find_date(declared, extensive_search=False, original_date=True, max_date=latest)


def header_date(html: str, title: str | None = None) -> str | None:
    """The first full date (day, month, year) in the text right after or before the page's headline."""
    headline = _headline(html, title)
    if headline is None:
        return None
    for segment in _header_segments(headline):
        found = _date_in(segment)
        if found is not None:
            return found
    return None


def _headline(html: str, title: str | None):
    """The page's headline: the `h1` or `h2` whose text is its `og:title`, else the longest one that
    its `<title>` holds (which adds the site's name), else the one that is `title` (trafilatura's), else
    the first `h1`. A site may set its own name in an `h1` and the article's title in an `h2`."""
    from trafilatura import load_html  # lxml, with the page's encoding declaration and bad markup handled

    tree = load_html(html)
    if tree is None:
        return None
    headings = [(h, _folded(h.text_content())) for h in tree.xpath("//h1 | //h2")]
    headings = [(h, text) for h, text in headings if text]
    og_titles = {_folded(t) for t in tree.xpath("//meta[@property='og:title']/@content")}
    page_title = _folded(" ".join(tree.xpath("//title//text()")))
    held = [(len(text), -n, h) for n, (h, text) in enumerate(headings) if text in page_title]
    choices = (
        [h for h, text in headings if text in og_titles],
        [max(held, key=lambda item: item[:2])[2]] if held else [],
        [h for h, text in headings if text == _folded(title)],
        [h for h, _ in headings if h.tag == "h1"],
    )
    return next((found[0] for found in choices if found), None)


def _folded(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _header_segments(headline) -> list[str]:
    """Text segments after the headline, then before it in its own container: up to the first one of
    prose (included, for a dateline) or HEADER_TEXT_CHARS."""
    visible = "[not(ancestor::script) and not(ancestor::style)][normalize-space()]"
    after = headline.xpath(f"following::text(){visible}")
    before = headline.xpath(f"preceding-sibling::*//text(){visible} | preceding-sibling::text(){visible}")
    segments: list[str] = []
    for texts in (after, reversed(before)):
        budget = HEADER_TEXT_CHARS
        for text in texts:
            segment = " ".join(str(text).split())
            segments.append(segment)
            budget -= len(segment)
            if budget <= 0 or len(segment.split()) >= PROSE_WORDS:
                break
    return segments


def _date_in(segment: str) -> str | None:
    """A full date in a short text, by htmldate's parser of date expressions (ISO, numeric, month names
    in many languages); None for a year or a month alone."""
    latest = dt.datetime.now() + dt.timedelta(days=1)
    try:
        # htmldate's own reader of one date expression: not in its documented API, so a release that
        # moves it costs the header date (the page's metadata still decides), not the page
        from htmldate.extractors import try_date_expr

        return try_date_expr(segment, "%Y-%m-%d", True, EARLIEST_PAGE_DATE, latest)
    except (ImportError, TypeError):
        return None
