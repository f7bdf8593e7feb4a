"""The library's inputs and Docs: bad items in a batch, texts of the wrong type, Docs that travel."""

from pathlib import Path

import pytest
from spacy.tokens import DocBin

import extractor
from extractor.api import extract
from extractor.pipeline import make_document
from extractor.records import DocumentInput

STORY = (
    "KANDAHAR, Afghanistan (March 3, 2012) - An Afghan and coalition patrol killed four insurgents and "
    "detained two suspects in Zhari district yesterday, said Maj. Ann Lee, a spokeswoman."
)


@pytest.mark.parametrize(
    "bad, message",
    [
        (None, "not NoneType"),
        (42, "not int"),
        (DocumentInput(text=None), "not NoneType"),  # type: ignore[arg-type]
        (b"\xff\xfe not utf-8", "not UTF-8"),
    ],
)
def test_a_bad_item_fails_alone_and_the_batch_goes_on(extractor, bad, message):
    results = list(extractor.process(["Troops killed three insurgents.", bad, "Police detained two men."]))
    assert len(results) == 3
    assert not isinstance(results[0][1], Exception) and not isinstance(results[2][1], Exception)
    assert isinstance(results[1][1], TypeError)
    assert message in str(results[1][1])


@pytest.mark.parametrize(
    "bad, message",
    [
        (None, "must be a str (or UTF-8 bytes), not NoneType"),
        (3.5, "not float"),
        (b"caf\xe9 bombed", "bytes that are not UTF-8"),
    ],
)
def test_extract_refuses_what_is_not_text(bad, message):
    with pytest.raises(TypeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        extract(bad)


def test_extract_reads_utf8_bytes(extractor):
    from_bytes = extractor.extract(STORY.encode("utf-8"), published="2012-03-03")
    from_text = extractor.extract(STORY, published="2012-03-03")
    assert from_bytes.model_dump() == from_text.model_dump()
    assert from_bytes.claims


def test_the_package_is_typed():
    assert (Path(extractor.__file__).parent / "py.typed").is_file()


def _findings(doc) -> tuple:
    # a DocBin gives lists back as tuples: the values are compared, not the kind of sequence
    return (
        doc._.published,
        [(s.start, s.end, s._.number) for s in doc._.numbers],
        [(s.start, s.end, s._.date_value) for s in doc._.dates],
        list(doc._.report_sections),
        list(doc._.speakers),
        list(doc._.quotes),
        list(doc._.claims),
    )


def test_docs_keep_their_findings_in_a_docbin(nlp):
    doc = nlp(make_document(nlp, STORY))
    assert doc._.claims and doc._.numbers and doc._.dates
    stored = DocBin(store_user_data=True)
    stored.add(doc)
    (again,) = DocBin().from_bytes(stored.to_bytes()).get_docs(nlp.vocab)
    assert _findings(again) == _findings(doc)


def test_docs_come_back_from_worker_processes(nlp):
    alone = [_findings(nlp(STORY)), _findings(nlp("Troops killed three insurgents on Friday."))]
    texts = [STORY, "Troops killed three insurgents on Friday."]
    together = [_findings(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert together == alone
