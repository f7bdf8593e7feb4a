"""The layout component: the page structure it leaves on the Doc for the other components to read."""

import datetime as dt

import pytest
from spacy.tokens import DocBin

from extractor.components.document import sentence_spans
from extractor.components.page import in_dateline, list_lead, published_at
from extractor.pipeline import make_document

D = dt.date

UPDATED = (
    "KABUL, Afghanistan (Aug. 7, 2010) - Coalition forces detained two suspects in Khost province.\n\n"
    "---- UPDATE\n"
    "KABUL, Afghanistan (Aug. 9) - A patrol found a weapons cache in Kandahar province yesterday.\n"
)
LISTED = (
    "Army aviation hit the following targets near Idlib on Monday:\n"
    "- 12 tanks\n"
    "- 4 trucks\n"
    "\n"
    "Officials said the raid went as planned.\n"
)
QUOTED = (
    'The colonel told reporters: "We destroyed three depots and two bridges last night."\n\n'
    "Shelling went on in the east."
)


def _run(nlp, text, published=None, fallback=None):
    return nlp(make_document(nlp, text, published=published, fallback_published=fallback))


def test_the_layout_runs_once_sentences_are_set_and_before_the_components_that_read_it(nlp):
    names = nlp.pipe_names
    assert names.index("parser") < names.index("briefing_layout")
    for reader in ("briefing_spelling", "briefing_dates", "briefing_speakers", "briefing_claims"):
        assert names.index("briefing_layout") < names.index(reader)


@pytest.mark.parametrize(
    ("text", "given", "fallback", "published", "source"),
    [
        ("WASHINGTON, March 3, 2016 - Jets struck a depot.", None, None, D(2016, 3, 3), "dateline"),
        ("2017-10-08\nJets struck a depot on Friday.", None, None, D(2017, 10, 8), "header"),
        # the caller's date (a reader's metadata or front matter) wins over the text's own
        ("WASHINGTON, March 3, 2016 - Jets struck a depot.", D(2016, 3, 4), None, D(2016, 3, 4), "argument"),
        # a file name's date only where the text states none
        ("Jets struck a depot on Friday.", None, D(2015, 10, 16), D(2015, 10, 16), "filename"),
        (
            "WASHINGTON, March 3, 2016 - Jets struck a depot.",
            None,
            D(2015, 10, 16),
            D(2016, 3, 3),
            "dateline",
        ),
        ("Jets struck a depot on Friday.", None, None, None, None),
    ],
)
def test_the_published_date_is_decided_once(nlp, text, given, fallback, published, source):
    doc = nlp(
        make_document(
            nlp,
            text,
            published=given,
            published_source="argument" if given else None,
            fallback_published=fallback,
        )
    )
    assert (doc._.published, doc._.published_source) == (published, source)


def test_an_update_under_its_own_dateline_is_a_section_of_its_own(nlp):
    doc = _run(nlp, UPDATED)
    first, update = doc._.report_sections
    assert (first.published, update.published) == (D(2010, 8, 7), D(2010, 8, 9))
    update_at = UPDATED.index("KABUL, Afghanistan (Aug. 9)")
    assert update.start == update_at
    assert in_dateline(doc, update_at + 3) and not in_dateline(doc, UPDATED.index("weapons"))
    assert published_at(doc, UPDATED.index("weapons")) == D(2010, 8, 9)
    assert doc._.published_mark.source == "dateline"


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        ("- 12 tanks", "Army aviation hit the following targets near Idlib on Monday:"),
        ("- 4 trucks", "Army aviation hit the following targets near Idlib on Monday:"),
        ("Officials said the raid went as planned.", None),
    ],
)
def test_a_list_item_hangs_under_the_lead_that_ends_with_a_colon(nlp, item, lead):
    doc = _run(nlp, LISTED, published=D(2016, 2, 1))
    sentences = sentence_spans(doc)
    index = next(i for i, s in enumerate(sentences) if s.text.strip() == item)
    found = list_lead(doc, index)
    assert (sentences[found].text.strip() if found is not None else None) == lead


def test_paragraphs_and_quotes_are_left_on_the_doc(nlp):
    doc = _run(nlp, QUOTED)
    assert [QUOTED[a:b] for a, b in doc._.paragraphs] == QUOTED.split("\n\n")
    (quote,) = doc._.quote_spans
    assert QUOTED[quote.start : quote.end] == "We destroyed three depots and two bridges last night."
    assert quote.speaker is None  # the speaker finder writes on its own copy


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("Jets struck a depot. Two trucks burned.\nShelling went on.", [0, 0, 1]),
        ("Jets struck a depot.\n\nTwo trucks burned. Shelling went on.", [0, 1, 1]),
        ("Jets struck a depot near\nHoms. Two trucks burned.", [0, 0]),
    ],
)
def test_a_line_break_between_sentences_opens_a_paragraph(nlp, text, paragraphs):
    doc = _run(nlp, text, published=D(2016, 2, 1))
    assert [doc._.sentence_paragraphs[s.start] for s in sentence_spans(doc)] == paragraphs


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Photo: smoke rises over the town after the strikes", True),
        ("SUBSCRIBE TO OUR DAILY BRIEFING", True),
        ("Rebels shelled the town on Monday.", False),
    ],
)
def test_furniture_lines_are_marked(nlp, line, furniture):
    text = f"Jets struck a depot near Homs.\n{line}\nThe ministry said two more sorties followed."
    doc = _run(nlp, text, published=D(2016, 2, 1))
    marked = {s.text.strip() for s in sentence_spans(doc) if s.start in doc._.furniture}
    assert (line in marked) is furniture


def test_running_loss_lines_are_found(nlp):
    text = (
        "Total combat losses of the enemy:\n"
        "tanks \u2012 1,393 (+10)\nartillery \u2012 655 (+3)\ndrones \u2012 96\n"
    )
    doc = _run(nlp, text, published=D(2022, 4, 12))
    assert [(line.value, line.delta) for line in doc._.loss_lines] == [(1393, 10), (655, 3), (96, None)]
    assert [doc[line.label_start : line.label_end].text for line in doc._.loss_lines] == [
        "tanks",
        "artillery",
        "drones",
    ]


def _plain(value):
    return list(value) if isinstance(value, list | tuple) else value


def test_the_page_structure_travels_in_a_docbin(nlp):
    doc = _run(nlp, UPDATED + "\n" + QUOTED)
    stored = DocBin(store_user_data=True)
    stored.add(doc)
    (again,) = DocBin().from_bytes(stored.to_bytes()).get_docs(nlp.vocab)
    names = ("published_mark", "report_sections", "quote_spans", "furniture", "list_leads", "loss_lines")
    for name in names + ("sentence_paragraphs",):
        # a DocBin gives lists back as tuples: the values are compared, not the kind of sequence
        assert _plain(getattr(again._, name)) == _plain(getattr(doc._, name)), name
    assert [tuple(p) for p in again._.paragraphs] == [tuple(p) for p in doc._.paragraphs]


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        # a page's lines run into one: the photo credit after a sentence marks it a caption
        (
            "Jets struck a depot near Homs. Smoke rises over a street hit by shelling on May 2. "
            "(Reuters Photo) The ministry said two sorties followed.",
            "Smoke rises over a street hit by shelling on May 2.",
        ),
        (
            "Rebels shelled the town. Men clear rubble in the old market. (Getty Images) Four people died.",
            "Men clear rubble in the old market.",
        ),
        (
            "A drone hit a truck. Residents look at a burnt car on Friday. (Local Agencies) No one was hurt.",
            "Residents look at a burnt car on Friday.",
        ),
        # a bare agency name closes a story's line as well: no caption
        ("Jets struck a depot near Homs. Two soldiers were killed. (Reuters) Talks resume today.", None),
    ],
)
def test_a_sentence_before_a_photo_credit_is_a_caption(nlp, text, caption):
    doc = _run(nlp, text, published=D(2016, 5, 4))
    marked = [s.text.strip() for s in sentence_spans(doc) if s.start in doc._.furniture]
    assert marked == ([caption] if caption else [])


@pytest.mark.parametrize(
    "text, sentences",
    [
        # no sentence starts at the name after an abbreviated rank, which the parser may read as an end
        ("Israeli military spokesperson Lt. Col. Nadav Shoshani said 20 militants were killed in Rafah.", 1),
        ("Kenyan army spokesman Maj. Gen. Paul Njuguna said 9 fighters were killed near the border.", 1),
        # a full stop after a rank that ends a line still ends it
        ("The post went to Brig.\nGen. Ali Reza said 20 militants were killed.", 2),
    ],
)
def test_no_sentence_starts_after_an_abbreviated_rank(nlp, text, sentences):
    assert len(sentence_spans(_run(nlp, text))) == sentences
