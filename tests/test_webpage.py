"""Saved web pages: the date under the headline beats the sidebar's dates of other news."""

from __future__ import annotations

import pytest

from extractor.readers import InputReader, SourceDocument
from extractor.runner import document_input
from extractor.webpage import header_date, read_page

SIDEBAR = """
<div id="sidebar"><h5>LATEST NEWS</h5>
<div class="news-post"><a href="news/2023/03/19/navy-report/">Navy report on mine clearing</a>
<p class="meta">19 march 2023, 11:00</p></div>
<div class="news-post"><a href="news/2023/03/18/losses/">Losses of the aggressor from 24.02 to 18.03</a>
<p class="meta">18 march 2023, 07:00</p></div>
<div class="news-post"><a href="news/2023/03/17/air-defence/">Air defence downed 9 drones overnight</a>
<p class="meta">Yesterday at 21:00</p></div>
</div>"""

ARTICLE = """
<p>The losses of the aggressor from 24.02 to {day}.{month} came to about:</p>
<p>troops - about 61,400 (+420) persons,</p>
<p>tanks - 2,118 (+9) units,</p>
<p>artillery pieces - 1,402 (+14) units.</p>
<p>The figures are being checked. Hostilities continue at high intensity.</p>"""


def page(header: str, *, day: str = "02", month: str = "03", head: str = "") -> str:
    title = f"Losses of the aggressor from 24.02 to {day}.{month}"
    return (
        f"<html><head><title>{title} | Ministry</title>{head}</head><body>"
        "<div id='menu'><ul><li><a href='news/'>NEWS</a></li>"
        "<li><a href='contacts.html'>CONTACTS</a></li></ul></div>"
        f"<div id='article'><div id='heading'><h1>{title}</h1>{header}</div>"
        f"<div id='content'>{ARTICLE.format(day=day, month=month)}</div></div>"
        f"{SIDEBAR}<div id='footer'>&copy; 2001-2023 Ministry</div></body></html>"
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("<span class='aticle-date'>2023-03-02 08:30:00 | <b>ID: 71102</b></span>", "2023-03-02"),
        ("<p class='byline'>Published 2 March 2023, 08:30</p>", "2023-03-02"),
        ("<div><small>March 2, 2023</small></div>", "2023-03-02"),
        ("<span>02.03.2023</span>", "2023-03-02"),
    ],
)
def test_the_date_under_the_headline_beats_the_sidebar(header, expected):
    html = page(header)
    assert header_date(html) == expected
    found = read_page(html)
    assert (found.date, found.date_source) == (expected, "header")
    assert "61,400" in found.text and "Navy report" not in found.text


def test_a_date_above_the_headline_is_the_header_too():
    html = page("").replace("<h1>", "<p class='kicker'>2 March 2023</p><h1>")
    assert header_date(html) == "2023-03-02"


@pytest.mark.parametrize(
    "header",
    [
        "",  # no date at all under the headline
        "<span>Updated: Thursday</span>",  # no full date
        "<span>March 2023</span>",  # a month is not a day
    ],
)
def test_without_a_header_date_the_page_metadata_decides(header):
    head = "<meta property='article:published_time' content='2023-03-02T08:30:00+02:00'>"
    found = read_page(page(header, head=head))
    assert header_date(page(header)) is None
    assert (found.date, found.date_source) == ("2023-03-02", "metadata")


def test_the_reader_says_the_date_came_from_the_header(tmp_path):
    (tmp_path / "losses.html").write_text(page("<span class='aticle-date'>2023-03-02 08:30:00</span>"))
    (document,) = InputReader().read([str(tmp_path / "losses.html")])
    assert isinstance(document, SourceDocument)
    assert str(document.published) == "2023-03-02" and document.published_source == "header"
    assert document_input(document).published_source == "header"


def test_the_headline_is_the_heading_that_carries_the_title():
    html = page("<p class='byline'>2 March 2023</p>").replace(
        "<div id='menu'>",
        "<div id='top'><h1>Ministry</h1><span>Today: 19 March 2023</span></div><div id='menu'>",
    )
    html = html.replace("<h1>Losses", "<h2>Losses").replace(
        "</h1><p class='byline'>", "</h2><p class='byline'>"
    )
    assert header_date(html, "Losses of the aggressor from 24.02 to 02.03") == "2023-03-02"
    assert read_page(html).date == "2023-03-02"


def test_an_xhtml_page_with_an_encoding_declaration():
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + page("<span>2 March 2023</span>")
    assert header_date(html) == "2023-03-02"


DATELINE_ARTICLE = (
    "<p>KHARKIV, March 2, 2023 - Gunners destroyed 4 ammunition depots overnight, the brigade said on "
    "Thursday.</p><p>The unit also shot down 3 drones over the ring road, the brigade added.</p>"
)


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (DATELINE_ARTICLE, ("2023-03-02", "dateline")),  # the text's own dateline beats the guess
        (ARTICLE.format(day="02", month="03"), ("2023-03-19", "metadata")),  # else the guess stands
    ],
)
def test_a_guessed_page_date_yields_to_the_dateline(tmp_path, extractor, article, expected):
    html = page("").replace(ARTICLE.format(day="02", month="03"), article)
    found = read_page(html)
    assert (found.date, found.guessed_date) == (None, "2023-03-19")  # htmldate picks the sidebar's latest
    (tmp_path / "page.html").write_text(html)
    (document,) = InputReader().read([str(tmp_path / "page.html")])
    ((_, record),) = list(extractor.process([document_input(document)]))
    assert (str(record.published), str(record.published_source)) == expected


def test_meta_tags_declare_the_date_when_the_header_has_none():
    json_ld = '{"@type": "NewsArticle", "datePublished": "2023-03-02"}'
    head = f"<script type='application/ld+json'>{json_ld}</script>"
    found = read_page(page("", head=head))
    assert (found.date, found.date_source) == ("2023-03-02", "metadata")
