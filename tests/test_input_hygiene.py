"""What a folder walk reads: hidden folders and earlier outputs left out, gitignore-style globs, Markdown
front matter, CSV records (no pipeline needed)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extractor.readers import InputError, InputReader, ReadOptions, RecordFields, SourceDocument

TEXT = "Artillery crews destroyed 7 fuel depots near the river crossing, the brigade said."
EARLIER_RECORD = {
    "schema_version": "1",
    "doc_id": "brief",
    "extractor_version": "0.1.0",
    "text": TEXT,
    "claims": [],
}


def _write(path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _reader(**options) -> InputReader:
    return InputReader(ReadOptions(**options))


def _ids(folder, **options) -> list[str]:
    return [i.doc_id for i in _reader(**options).read([str(folder)]) if isinstance(i, SourceDocument)]


@pytest.mark.parametrize(
    "name",
    [
        ".git/notes.txt",
        ".ipynb_checkpoints/brief-checkpoint.txt",
        "node_modules/pkg/readme.md",
        "sub/__pycache__/cached.txt",
        ".hidden.txt",
        "sub/.draft.md",
    ],
)
def test_hidden_and_tool_folders_are_not_inputs(tmp_path, name):
    _write(tmp_path / "brief.txt", TEXT)
    _write(tmp_path / name, TEXT)
    assert _ids(tmp_path) == ["brief"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("run.jsonl", json.dumps(EARLIER_RECORD) + "\n"),
        ("run.json", json.dumps(EARLIER_RECORD, indent=2)),
        ("records/brief.json", json.dumps(EARLIER_RECORD)),
        ("all.json", json.dumps([EARLIER_RECORD])),
        ("rows.csv", "schema_version,doc_id,extractor_version,claim_id\n1,brief,0.1.0,c1\n"),
        ("errors.jsonl", json.dumps({"path": "x.txt", "kind": "empty", "message": "empty"}) + "\n"),
    ],
)
def test_earlier_outputs_are_skipped_and_named(tmp_path, name, content):
    _write(tmp_path / "brief.txt", TEXT)
    _write(tmp_path / name, content)
    reader = _reader()
    items = list(reader.read([str(tmp_path)]))
    assert [i.doc_id for i in items] == ["brief"]
    assert reader.earlier_outputs == [str(tmp_path / name)] and reader.files_read == 1


def test_the_run_s_own_output_named_as_input_is_skipped(tmp_path):
    _write(tmp_path / "brief.txt", TEXT)
    _write(tmp_path / "out.jsonl", "")
    reader = _reader(skip_paths=frozenset({str(tmp_path / "out.jsonl")}))
    items = list(reader.read([str(tmp_path / "brief.txt"), str(tmp_path / "out.jsonl")]))
    assert [i.doc_id for i in items] == ["brief"]


@pytest.mark.parametrize(
    ("globs", "excludes", "expected"),
    [
        (["**/*.txt"], [], ["a", "sub/c"]),
        (["*.txt"], [], ["a", "sub/c"]),
        (["sub/*.txt"], [], ["sub/c"]),
        (["*.txt", "!sub/**"], [], ["a"]),
        (["!*.md"], [], ["a", "sub/c"]),
        (["*", "!*.md", "!*.log"], [], ["a", "sub/c"]),
        ([], ["sub/"], ["a", "b"]),
        ([], ["sub"], ["a", "b"]),
        ([], ["**/c.txt"], ["a", "b"]),
        (["*.log"], [], ["d"]),
    ],
)
def test_globs_have_gitignore_semantics(tmp_path, globs, excludes, expected):
    for name in ("a.txt", "b.md", "sub/c.txt", "d.log"):
        _write(tmp_path / name, TEXT)
    assert _ids(tmp_path, glob=globs, exclude=excludes) == expected


@pytest.mark.parametrize(
    ("content", "text", "published", "title"),
    [
        (
            "---\ntitle: Depot raid\ndate: 2023-03-02\ndescription: Crews destroyed 7 depots.\n---\n" + TEXT,
            TEXT,
            dt.date(2023, 3, 2),
            "Depot raid",
        ),
        (
            "---\nTitle: Depot raid\npublishDate: '2023-03-02T09:00:00Z'\n---\n\n" + TEXT,
            TEXT,
            dt.date(2023, 3, 2),
            "Depot raid",
        ),
        ("---\nlayout: post\n---\n" + TEXT, TEXT, None, None),
        (TEXT + "\n\n---\n\nMore later.", TEXT + "\n\n---\n\nMore later.", None, None),
    ],
)
def test_markdown_front_matter_is_metadata_not_text(tmp_path, content, text, published, title):
    for suffix in (".md", ".markdown"):
        _write(tmp_path / f"post{suffix}", content)
        (document,) = _reader().read([str(tmp_path / f"post{suffix}")])
        assert isinstance(document, SourceDocument)
        assert (document.text, document.published, document.title) == (text, published, title)


def test_a_front_matter_date_that_is_no_date_is_a_warning(tmp_path):
    _write(tmp_path / "post.md", "---\ndate: sometime in March\n---\n" + TEXT)
    (document,) = _reader().read([str(tmp_path / "post.md")])
    assert document.published is None and "not a date" in document.warnings[0]


def test_csv_records_with_field_options(tmp_path):
    rows = (
        "uid,body,day,headline\n"
        f'7,"{TEXT}",2023-03-02,Raid\n'
        ',"Two lines:\nJets flew 12 sorties.",,\n'
        "\n"
        "9,,2023-03-03,Empty\n"
    )
    _write(tmp_path / "feed.csv", rows)
    fields = RecordFields(text="body", id="uid", published="day", title="headline")
    items = list(_reader(fields=fields).read([str(tmp_path / "feed.csv")]))
    feed = str(tmp_path / "feed.csv")
    assert [(i.source, getattr(i, "kind", None) or i.doc_id) for i in items] == [
        (f"{feed}#2", "7"),
        (f"{feed}#3", "feed#3"),
        (f"{feed}#6", "no_text"),
    ]
    assert (items[0].published, items[0].title) == (dt.date(2023, 3, 2), "Raid")
    assert items[1].text == "Two lines:\nJets flew 12 sorties."


@pytest.mark.parametrize("content", ["", "text\n"])
def test_a_csv_without_rows_gives_no_documents(tmp_path, content):
    _write(tmp_path / "feed.csv", content)
    items = list(_reader().read([str(tmp_path / "feed.csv")]))
    assert all(isinstance(i, InputError) for i in items) and len(items) == (1 if not content else 0)


def test_the_same_file_named_twice_is_read_once(tmp_path):
    _write(tmp_path / "dup" / "a" / "x.txt", TEXT)
    _write(tmp_path / "dup" / "b" / "y.txt", TEXT)
    paths = [tmp_path / "dup", tmp_path / "dup" / "a", tmp_path / "dup" / "a" / ".." / "b" / "y.txt"]
    items = list(_reader().read([str(p) for p in paths]))
    assert [(type(i).__name__, i.doc_id) for i in items] == [
        ("SourceDocument", "a/x"),
        ("SourceDocument", "b/y"),
    ]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiter_is_the_one_that_makes_the_text_a_column(tmp_path, delimiter):
    _write(tmp_path / "feed.csv", delimiter.join(["id", "text"]) + f'\nr1{delimiter}"{TEXT}"\n')
    (document,) = _reader().read([str(tmp_path / "feed.csv")])
    assert (document.doc_id, document.text) == ("r1", TEXT)


def test_an_earlier_output_on_standard_input_is_skipped():
    import io

    stdin = io.BytesIO(json.dumps([EARLIER_RECORD]).encode())
    reader = InputReader(ReadOptions(stdin_format="json"), stdin=stdin)
    assert list(reader.read(["-"])) == [] and reader.earlier_outputs == ["-"]


def test_a_stray_byte_in_a_jsonl_line_is_replaced_with_a_warning(tmp_path):
    line = json.dumps({"id": "r1", "text": "Crews destroyed 7 depots X"}).encode().replace(b"X", b"\xe9")
    (tmp_path / "feed.jsonl").write_bytes(line + b"\n")
    (document,) = _reader().read([str(tmp_path / "feed.jsonl")])
    assert document.text == "Crews destroyed 7 depots \ufffd"
    assert "replaced by U+FFFD" in document.warnings[0]


@pytest.mark.parametrize(
    ("folder", "page", "expected"),
    [
        ("report_files", "report.html", ["report"]),  # a saved page's images, scripts and frames
        ("report-Dateien", "report.htm", ["report"]),
        ("report_files", "other.html", ["other", "report_files/frame"]),  # no page of that name
        ("files", "report.html", ["files/frame", "report"]),
    ],
)
def test_a_saved_page_s_resource_folder_is_not_read(tmp_path, folder, page, expected):
    html = "<html><head><title>Raid</title></head><body><h1>Raid</h1><p>{}</p></body></html>"
    _write(tmp_path / page, html.format(TEXT))
    _write(tmp_path / folder / "frame.html", html.format("Advert: 3 days of sales on 12 sofas, shop now."))
    assert _ids(tmp_path) == expected
