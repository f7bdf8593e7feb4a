"""Readers: decoding, file names, folder walks, sidecars, records, HTML and stdin (no pipeline needed)."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import os

import pytest

from extractor.readers import (
    InputError,
    InputProblem,
    InputReader,
    ReadOptions,
    RecordFields,
    SourceDocument,
    date_from_filename,
    decode_bytes,
)

TEXT = "Coalition warplanes destroyed 12 tanks near Raqqa on Monday, the ministry said."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT),
        ("“12 tanks” — destroyed".encode("utf-8-sig"), "“12 tanks” — destroyed"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), TEXT),
    ],
)
def test_decode_known_encodings(data, expected):
    text, warnings = decode_bytes(data)
    assert text == expected
    assert warnings == []


def test_decode_detects_a_legacy_encoding():
    data = ("Le ministère a déclaré que 12 chars ont été détruits près de Raqqa. " * 3).encode("cp1252")
    text, warnings = decode_bytes(data)
    assert "déclaré que 12 chars" in text  # cp1252 and cp1250 agree on these letters
    assert warnings and "not UTF-8" in warnings[0]


@pytest.mark.parametrize(
    ("data", "kind", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "PNG image"),
        (b"PK\x03\x04\x14\x00\x00\x00", "binary", "zip archive"),
        (b"tanks\x00\x00\x01\x02", "binary", "NUL bytes"),
        (codecs.BOM_UTF8 + b"tanks \xff", "encoding", "byte order mark"),
    ],
)
def test_decode_refuses_what_is_not_text(data, kind, words):
    with pytest.raises(InputProblem) as caught:
        decode_bytes(data)
    assert caught.value.kind == kind
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("text", "codec", "expected_codec"),
    [
        ("The naïve analyst said the café near the border was shelled twice.", "cp1252", "cp1252"),
        ("Le ministère a déclaré que 12 chars ont été détruits — “selon lui”.", "cp1252", "cp1252"),
        ("Die Sprecherin sagte, 12 Panzer seien zerstört worden, Größe unbekannt.", "cp1252", "cp1252"),
        ("Zażółć gęślą jaźń: dwanaście czołgów zniszczono pod Łodzią.", "cp1250", "cp1250"),
        ("Это был доклад: уничтожено 12 танков и 3 самолёта.", "cp1251", "cp1251"),
    ],
)
def test_single_byte_encodings_prefer_windows_1252_when_it_reads_as_well(text, codec, expected_codec):
    decoded, warnings = decode_bytes(text.encode(codec))
    assert decoded == text
    assert warnings == [f"the text is not UTF-8; decoded as {expected_codec} (detected)"]


@pytest.mark.parametrize(
    ("data", "expected", "first_bad"),
    [
        ("ministère “12” ".encode() + b"\xff tanks", "ministère “12” \ufffd tanks", 20),
        ("“Twelve” tanks".encode() + b"\x92s crews \xe9", "“Twelve” tanks\ufffds crews \ufffd", 18),
    ],
)
def test_a_stray_byte_in_utf8_is_replaced_with_a_warning(data, expected, first_bad):
    text, warnings = decode_bytes(data)
    assert text == expected
    assert len(warnings) == 1 and f"first at byte {first_bad}" in warnings[0] and "U+FFFD" in warnings[0]


def test_decode_with_a_forced_encoding():
    assert decode_bytes("déjà".encode("latin-1"), "latin-1") == ("déjà", [])
    with pytest.raises(InputProblem):
        decode_bytes(b"\xff", "utf-8")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sputnik-2015-10-16-kartapolov.txt", dt.date(2015, 10, 16)),
        ("briefing_20151016.txt", dt.date(2015, 10, 16)),
        ("report-2015-13-45.txt", None),
        ("report-12.txt", None),
        ("id-120151016999.txt", None),
        ("2015-1016.txt", None),
    ],
)
def test_date_from_filename(name, expected):
    assert date_from_filename(name) == expected


def _read(paths, **options) -> list[SourceDocument | InputError]:
    return list(InputReader(ReadOptions(**options)).read([str(p) for p in paths]))


def _write(path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def test_folder_walk_gives_relative_doc_ids_and_skips_sidecars(tmp_path):
    root = tmp_path / "corpus"
    _write(root / "b.txt", TEXT)
    _write(root / "sub" / "report-12.md", TEXT)
    _write(
        root / "sub" / "report-12.meta.json", json.dumps({"published": "2015-10-16", "source": "http://x"})
    )
    _write(root / "a.gold.json", "{}")
    _write(root / "notes.csv", "a,b")
    items = _read([root])
    assert [(i.doc_id, i.source) for i in items] == [
        ("b", os.path.join(str(root), "b.txt")),
        ("sub/report-12", os.path.join(str(root), "sub/report-12.md")),
    ]
    assert items[1].published == dt.date(2015, 10, 16)
    assert items[1].url == "http://x"


def test_a_file_named_directly_has_its_stem_as_doc_id_and_the_sidecar_id_wins(tmp_path):
    _write(tmp_path / "2015-10-16-brief.txt", TEXT)
    _write(tmp_path / "other.txt", TEXT)
    _write(tmp_path / "other.meta.json", json.dumps({"doc_id": "given-id"}))
    first, second = _read([tmp_path / "2015-10-16-brief.txt", tmp_path / "other.txt"])
    assert (first.doc_id, first.filename_date, first.published) == (
        "2015-10-16-brief",
        dt.date(2015, 10, 16),
        None,
    )
    assert second.doc_id == "given-id"


def test_a_bad_sidecar_is_an_error_for_its_document(tmp_path):
    _write(tmp_path / "a.txt", TEXT)
    _write(tmp_path / "a.meta.json", json.dumps({"doc_id": "  "}))
    (item,) = _read([tmp_path / "a.txt"])
    assert isinstance(item, InputError)
    assert item.kind == "metadata" and "a.meta.json" in item.message


def test_a_sidecar_date_that_cannot_be_read_is_left_out_with_a_warning(tmp_path):
    _write(tmp_path / "a.txt", TEXT)
    _write(tmp_path / "a.meta.json", json.dumps({"published": "last Friday"}))
    (item,) = _read([tmp_path / "a.txt"])
    assert isinstance(item, SourceDocument) and item.published is None
    assert any("last Friday" in warning for warning in item.warnings)


def test_duplicate_doc_id_is_an_error_for_the_second_input(tmp_path):
    _write(tmp_path / "one" / "brief.txt", TEXT)
    _write(tmp_path / "two" / "brief.txt", TEXT)
    first, second = _read([tmp_path / "one" / "brief.txt", tmp_path / "two" / "brief.txt"])
    assert isinstance(first, SourceDocument)
    assert isinstance(second, InputError) and second.kind == "duplicate_doc_id"
    assert str(tmp_path / "one" / "brief.txt") in second.message


def test_glob_and_exclude(tmp_path):
    for name in ("a.txt", "b.md", "skip/c.txt", "d.log"):
        _write(tmp_path / name, TEXT)
    assert [i.doc_id for i in _read([tmp_path], glob=["*.txt"])] == ["a", "skip/c"]
    assert [i.doc_id for i in _read([tmp_path], exclude=["skip"])] == ["a", "b"]
    assert [i.doc_id for i in _read([tmp_path], glob=["*.log"])] == ["d"]


def test_walk_reports_loops_broken_links_and_directories_named_like_files(tmp_path):
    _write(tmp_path / "good.txt", TEXT)
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "folder.txt").mkdir()
    items = _read([tmp_path])
    errors = {os.path.basename(i.source): i.kind for i in items if isinstance(i, InputError)}
    assert errors == {"gone.txt": "broken_symlink", "folder.txt": "is_directory", "loop": "symlink_loop"}
    assert [i.doc_id for i in items if isinstance(i, SourceDocument)] == ["good"]


def test_missing_and_empty_inputs(tmp_path):
    _write(tmp_path / "empty.txt", "")
    _write(tmp_path / "blank.txt", " \n\t\n")
    items = _read([tmp_path / "missing.txt", tmp_path / "empty.txt", tmp_path / "blank.txt"])
    assert [(type(i), i.kind) for i in items] == [
        (InputError, "not_found"),
        (InputError, "empty"),
        (InputError, "empty"),
    ]
    assert "whitespace only" in items[2].message


def test_size_is_refused_before_reading(tmp_path):
    _write(tmp_path / "big.txt", "x" * 500)
    (item,) = _read([tmp_path / "big.txt"], max_chars=100)
    assert item.kind == "too_large" and "--max-chars 100" in item.message
    (item,) = _read([tmp_path / "big.txt"], max_chars=300)
    assert item.kind == "too_large" and "500 characters" in item.message


def test_jsonl_records_with_a_bad_line(tmp_path):
    lines = [
        json.dumps(
            {"id": "r1", "text": TEXT, "published": "2015-10-16", "title": "Update", "url": "http://a"}
        ),
        "{not json",
        "",
        json.dumps({"body": TEXT}),
        json.dumps({"text": TEXT}),
        json.dumps({"text": 12}),
    ]
    _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = _read([tmp_path / "feed.jsonl"])
    feed = str(tmp_path / "feed.jsonl")
    assert [(i.source, getattr(i, "kind", None) or i.doc_id) for i in items] == [
        (f"{feed}#1", "r1"),
        (f"{feed}#2", "invalid_json"),
        (f"{feed}#4", "no_text"),
        (f"{feed}#5", "feed#5"),
        (f"{feed}#6", "no_text"),
    ]
    first = items[0]
    assert (first.published, first.title, first.url) == (dt.date(2015, 10, 16), "Update", "http://a")


def test_json_records_with_field_names_from_options(tmp_path):
    records = [{"uid": 7, "body": TEXT, "date": "2015-10-16T10:00:00", "headline": "H", "link": "http://b"}]
    _write(tmp_path / "list.json", json.dumps(records))
    _write(tmp_path / "one.json", json.dumps({"body": TEXT}))
    fields = RecordFields(text="body", id="uid", published="date", title="headline", url="link")
    first, second = _read([tmp_path / "list.json", tmp_path / "one.json"], fields=fields)
    assert (first.doc_id, first.source.endswith("list.json#1"), first.published) == (
        "7",
        True,
        dt.date(2015, 10, 16),
    )
    assert (first.title, first.url) == ("H", "http://b")
    assert second.doc_id == "one"


def test_invalid_json_file(tmp_path):
    _write(tmp_path / "broken.json", '{"text": "unfinished')
    (item,) = _read([tmp_path / "broken.json"])
    assert item.kind == "invalid_json" and "not valid JSON" in item.message


def test_html_page_main_text_and_metadata(tmp_path):
    page = (
        "<html><head><title>Strikes update</title><meta name='author' content='Jane Roe'>"
        "<meta property='article:published_time' content='2015-10-16'></head><body>"
        "<nav>Home | News | Contact</nav><article><p>" + TEXT + " The ministry gave more details of the"
        " operation later in the day.</p><p>Over the past week, aircraft flew 394 sorties over Syria, the"
        " ministry added in its statement.</p></article></body></html>"
    )
    _write(tmp_path / "page.html", page)
    (item,) = _read([tmp_path / "page.html"])
    assert TEXT in item.text and "Contact" not in item.text
    assert (item.title, item.author, item.published) == ("Strikes update", "Jane Roe", dt.date(2015, 10, 16))


def test_stdin_text_and_jsonl():
    reader = InputReader(stdin=io.BytesIO(TEXT.encode("utf-8-sig")))
    (item,) = reader.read(["-"])
    assert (item.doc_id, item.source, item.text) == ("stdin", "-", TEXT)
    lines = (json.dumps({"text": TEXT}) + "\n" + json.dumps({"id": "x", "text": TEXT}) + "\n").encode()
    reader = InputReader(ReadOptions(stdin_format="jsonl"), stdin=io.BytesIO(lines))
    assert [(i.doc_id, i.source) for i in reader.read(["-"])] == [("stdin#1", "-#1"), ("x", "-#2")]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode"
)
def test_unreadable_file(tmp_path):
    _write(tmp_path / "locked.txt", TEXT)
    (tmp_path / "locked.txt").chmod(0)
    try:
        (item,) = _read([tmp_path])
    finally:
        (tmp_path / "locked.txt").chmod(0o644)
    assert item.kind == "unreadable" and "permission denied" in item.message


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    """The same path as chmod 000 for a user other than root, whoever runs the tests."""
    from extractor import readers

    _write(tmp_path / "locked.txt", TEXT)
    _write(tmp_path / "open.txt", TEXT)

    def refuse(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(readers, "open", refuse, raising=False)
    locked, good = _read([tmp_path])
    assert (locked.kind, locked.message) == ("unreadable", "permission denied")
    assert good.doc_id == "open"


def test_a_tagged_json_file_beside_a_text_describes_it_and_is_no_document(tmp_path):
    _write(tmp_path / "release.txt", TEXT)
    _write(tmp_path / "release.isaf.json", json.dumps({"province": "Kandahar"}))
    _write(tmp_path / "records.json", json.dumps([{"id": "r1", "text": TEXT}]))
    items = _read([tmp_path])
    assert sorted(item.doc_id for item in items) == ["r1", "release"]
    assert all(isinstance(item, SourceDocument) for item in items)
