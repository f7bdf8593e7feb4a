"""Inputs to documents: files, folders, JSON/JSONL/CSV records, HTML pages, Markdown posts, stdin -> text +
metadata."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import errno
import io
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from extractor.api import parse_published, read_published
from extractor.front_matter import split_post
from extractor.vocabulary import load_data, require
from extractor.webpage import PageProblem, read_page

MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES)
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".json", ".jsonl", ".csv")
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES
# files that describe documents and are never documents themselves (../shared/corpus/FORMAT.md)
SIDECAR_SUFFIX = ".meta.json"
NOT_DOCUMENT_SUFFIXES = (SIDECAR_SUFFIX, ".gold.json")
STDIN = "-"
STDIN_DOC_ID = "stdin"
CSV_DELIMITERS = (",", ";", "\t")
# what marks a record written by `extract` (models.DocumentRecord), and a line of its --errors file
OUTPUT_RECORD_FIELDS = frozenset({"schema_version", "extractor_version"})
ERROR_LINE_FIELDS = frozenset({"path", "kind", "message"})

# a UTF-8 character takes at most 4 bytes: a file larger than this cannot fit under --max-chars
MAX_BYTES_PER_CHAR = 4
# HTML carries markup around its main text; its raw size may exceed the text limit by this factor
HTML_BYTES_PER_TEXT_CHAR = 20

# how much more "chaos" (charset-normalizer's measure of unlikely characters) than the detected codec
# Windows-1252 may show and still be preferred
SINGLE_BYTE_CHAOS_TOLERANCE = 0.01

_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(-?)(\d\d)\2(\d\d)(?!\d)")

# byte order marks, the longest first: the UTF-32 LE mark begins with the UTF-16 LE one
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_BINARY_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"\x7fELF", "an executable"),
)


class InputProblem(Exception):
    """An input that cannot become a document; `kind` names the problem for the errors file."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass
class InputError:
    """An input that failed before extraction: reported by `source` and skipped."""

    source: str
    kind: str
    message: str


@dataclass
class SourceDocument:
    """The text of one document and what its input says about it."""

    text: str
    doc_id: str
    source: str
    published: dt.date | None = None  # from the input's own metadata (record, sidecar, HTML)
    published_source: str | None = None  # where `published` was found, when not plain metadata
    filename_date: dt.date | None = None  # a date in the file name: a fallback only
    guessed_published: dt.date | None = None  # a web page's date as htmldate guesses it: a fallback only
    title: str | None = None
    author: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class RecordFields:
    """Names of the fields of JSON/JSONL records."""

    text: str = "text"
    id: str = "id"
    published: str = "published"
    title: str = "title"
    url: str = "url"


@dataclass
class ReadOptions:
    """What the reader accepts and how it decodes."""

    max_chars: int = 500_000
    glob: Sequence[str] = ()
    exclude: Sequence[str] = ()
    encoding: str | None = None  # force a codec instead of detecting
    fields: RecordFields = field(default_factory=RecordFields)
    stdin_format: str = "txt"
    skip_paths: frozenset[str] = frozenset()  # absolute paths never read (the run's own outputs)


def date_from_filename(name: str) -> dt.date | None:
    """A date written `2015-10-16` or `20151016` in a file name, if it is a real day."""
    for match in _FILENAME_DATE.finditer(name):
        year, _, month, day = match.groups()
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, list[str]]:
    """The text of `data` and warnings about how it was decoded; InputProblem when it is not text.

    A byte order mark decides the codec and is removed; else UTF-8, where a few invalid bytes beside
    valid multi-byte sequences are damage, replaced by U+FFFD with a warning; else the encoding
    charset-normalizer detects, Windows-1252 when it does as well as the single-byte codec chosen."""
    if encoding:
        try:
            return codecs.decode(data, encoding), []
        except (UnicodeDecodeError, ValueError) as err:
            raise InputProblem("encoding", f"not valid {encoding}: {err}") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), []
            except UnicodeDecodeError as err:
                raise InputProblem(
                    "encoding",
                    f"starts with a {codec.upper()} byte order mark but has invalid bytes at {err.start}",
                ) from None
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputProblem("binary", f"binary file ({what}), not text")
    if b"\x00" in data[:8192]:
        raise InputProblem("binary", "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        first_bad = err.start
    # valid multi-byte UTF-8 beside invalid bytes: damaged UTF-8, not another encoding
    if any(ord(ch) > 0x7F for ch in data.decode("utf-8", errors="ignore")):
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
        return text, [
            f"invalid UTF-8: {bad} bad byte sequence(s), the first at byte {first_bad}, replaced by U+FFFD"
        ]
    return _detected(data, first_bad)


def _detected(data: bytes, first_bad: int) -> tuple[str, list[str]]:
    """The text of non-UTF-8 `data` in the encoding charset-normalizer finds. Among single-byte codecs
    it often hesitates (Central European, Baltic and Western ones read Western text alike, and it may
    pick cp1250 for "naïve"); Windows-1252, by far the most common, wins whenever it reads the text as
    cleanly as the one chosen."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputProblem("encoding", f"not UTF-8 (bad byte at offset {first_bad}) and no encoding detected")
    text, encoding = str(best), best.encoding
    if encoding != "cp1252" and len(text) == len(data):  # a single-byte codec: one character a byte
        western = from_bytes(data, cp_isolation=["cp1252"]).best()
        if western is not None and western.chaos <= best.chaos + SINGLE_BYTE_CHAOS_TOLERANCE:
            text, encoding = str(western), "cp1252"
    return text, [f"the text is not UTF-8; decoded as {encoding} (detected)"]


def _check_text(text: str, max_chars: int) -> None:
    if not text.strip():
        raise InputProblem(
            "empty", "empty document (no text)" if not text else "empty document (whitespace only)"
        )
    if len(text) > max_chars:
        raise InputProblem(
            "too_large",
            f"text of {len(text):,} characters is over --max-chars {max_chars:,}; "
            "split it or raise the limit",
        )


def _read_bytes(handle: BinaryIO, max_chars: int, bytes_per_char: int) -> bytes:
    """The whole file, unless its size shows that its text is over `max_chars` (then not read at all)."""
    try:
        size = os.fstat(handle.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        size = 0
    if size > max_chars * bytes_per_char:
        raise InputProblem(
            "too_large",
            f"file of {size / 1e6:.1f} MB is too large for --max-chars {max_chars:,}; "
            "split it or raise the limit",
        )
    return handle.read()


def _open(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")  # noqa: SIM115 - the caller closes it
    except IsADirectoryError:
        raise InputProblem("is_directory", "is a directory, not a file") from None
    except PermissionError:
        raise InputProblem("unreadable", "permission denied") from None
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputProblem("broken_symlink", f"broken symbolic link (to {os.readlink(path)})") from None
        raise InputProblem("not_found", "no such file or directory") from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputProblem("symlink_loop", "symbolic link loop") from None
        raise InputProblem("unreadable", err.strerror or str(err)) from None


def html_document(html: str) -> tuple[str, dict[str, str | None]]:
    """The main text of an HTML page and its title, date (with where it was found) and author."""
    try:
        page = read_page(html)
    except PageProblem as problem:
        raise InputProblem("empty", str(problem)) from None
    names = ("title", "date", "author", "url", "date_source", "guessed_date")
    meta = {name: getattr(page, name) for name in names}
    return page.text, meta


@cache
def skipped_folder_names() -> frozenset[str]:
    """Folders of tools' files that a folder walk does not enter (extractor/data/inputs.json)."""
    return frozenset(require(load_data("inputs"), "skipped_folders", list, "inputs.json"))


@cache
def _saved_page_folder_suffixes() -> tuple[str, ...]:
    return tuple(require(load_data("inputs"), "saved_page_folder_suffixes", list, "inputs.json"))


def _saved_page_folder(name: str, siblings: frozenset[str]) -> bool:
    """Whether `name` is the folder of a saved web page's resources: `report_files` beside `report.html`."""
    for suffix in _saved_page_folder_suffixes():
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if any(stem + page in siblings for page in HTML_SUFFIXES):
                return True
    return False


class PathFilter:
    """Which files and folders under a folder are read: `--glob` and `--exclude` patterns with
    gitignore's wildcards (`**` spans folders, so `**/*.txt` also matches `a.txt`; a pattern with a
    `/` is anchored at the folder given); a glob starting with `!` leaves out what it matches, as an
    exclude does. Hidden files and folders and the folders of tools' files are never read."""

    def __init__(self, globs: Sequence[str] = (), excludes: Sequence[str] = ()):
        import pathspec

        positive = [g for g in globs if not g.startswith("!")]
        negated = [g[1:] for g in globs if g.startswith("!") and len(g) > 1]
        self._include = pathspec.GitIgnoreSpec.from_lines(positive) if positive else None
        leave_out = [*excludes, *negated]
        self._exclude = pathspec.GitIgnoreSpec.from_lines(leave_out) if leave_out else None

    def enters(self, rel: str, name: str, siblings: frozenset[str] = frozenset()) -> bool:
        """Whether the walk goes into the folder at `rel`, beside the entries named `siblings`."""
        if name.startswith(".") or name in skipped_folder_names() or _saved_page_folder(name, siblings):
            return False
        return self._exclude is None or not self._exclude.match_file(rel + "/")

    def reads(self, rel: str, name: str, siblings: frozenset[str] = frozenset()) -> bool:
        """Whether the file at `rel` is an input, beside the entries named `siblings`."""
        if name.startswith(".") or _is_not_document(name) or _annotates_a_sibling(name, siblings):
            return False
        if self._include is not None:
            if not self._include.match_file(rel):
                return False
        elif not name.lower().endswith(INPUT_SUFFIXES):
            return False
        return self._exclude is None or not self._exclude.match_file(rel)


class InputReader:
    """Turns command-line paths into SourceDocuments and InputErrors, in input order.

    doc_ids are unique within one reader: a clash is an error for the second input."""

    def __init__(self, options: ReadOptions | None = None, stdin: BinaryIO | None = None):
        self.options = options or ReadOptions()
        self._stdin = stdin
        self.files_read = 0
        self.earlier_outputs: list[str] = []  # files skipped as written by `extract` itself
        self._ids: dict[str, str] = {}
        self._files_seen: set[str] = set()
        self._filter = PathFilter(self.options.glob, self.options.exclude)

    # -- the walk ---------------------------------------------------------------------------------

    def read(self, paths: Sequence[str]) -> Iterator[SourceDocument | InputError]:
        """Every document and every failed input under `paths`."""
        for arg in paths:
            if arg == STDIN:
                yield from self._unique(self._read_stdin())
                continue
            path = Path(arg)
            if path.is_dir():
                for item in self.walk(path, arg):
                    if isinstance(item, InputError):
                        yield item
                    else:
                        file_path, source, rel = item
                        yield from self._unique(self._read_file(file_path, source, str(PurePosixPath(rel))))
            elif _is_not_document(path.name):
                continue
            else:
                yield from self._unique(self._read_file(path, arg, path.stem))

    def _unique(self, items: Iterator[SourceDocument | InputError]) -> Iterator[SourceDocument | InputError]:
        for item in items:
            if isinstance(item, SourceDocument):
                first = self._ids.get(item.doc_id)
                if first is not None:
                    yield InputError(
                        item.source, "duplicate_doc_id", f"doc_id {item.doc_id!r} is already used by {first}"
                    )
                    continue
                self._ids[item.doc_id] = item.source
            yield item

    def walk(self, root: Path, arg: str) -> Iterator[tuple[Path, str, str] | InputError]:
        """(file, source, relative path without suffix) of each input file under `root`, sorted by name."""
        ancestors: list[tuple[int, int]] = []
        visited: set[tuple[int, int]] = set()

        def visit(directory: Path, rel_dir: str) -> Iterator[tuple[Path, str, str] | InputError]:
            shown = os.path.join(arg, rel_dir) if rel_dir else arg
            try:
                info = directory.stat()
            except OSError as err:
                yield InputError(shown, "unreadable", err.strerror or str(err))
                return
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield InputError(
                    shown, "symlink_loop", "symbolic link loop: the folder contains itself; skipped"
                )
                return
            if key in visited:
                return  # reached again through another link: read once
            visited.add(key)
            try:
                entries = sorted(os.scandir(directory), key=lambda e: e.name)
            except OSError as err:
                yield InputError(shown, "unreadable", f"cannot list the folder: {err.strerror or err}")
                return
            ancestors.append(key)
            names = frozenset(entry.name for entry in entries)
            for entry in entries:
                rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
                yield from self._entry_inputs(entry, rel, os.path.join(arg, rel), names, visit)
            ancestors.pop()

        yield from visit(root, "")

    def _entry_inputs(
        self, entry: os.DirEntry, rel: str, source: str, names: frozenset[str], visit
    ) -> Iterator[tuple[Path, str, str] | InputError]:
        """What one entry of a folder gives: a file to read, the files of a sub-folder (through `visit`), an
        error, or nothing when the filters leave it out."""
        if self.options.skip_paths and os.path.abspath(entry.path) in self.options.skip_paths:
            return
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as err:
            if self._filter.reads(rel, entry.name):
                kind = "symlink_loop" if err.errno == errno.ELOOP else "unreadable"
                yield InputError(source, kind, err.strerror or str(err))
            return
        if is_dir:
            if not self._filter.enters(rel, entry.name, names):
                return
            if entry.name.lower().endswith(INPUT_SUFFIXES):
                yield InputError(source, "is_directory", "is a directory, not a file; skipped")
                return
            yield from visit(Path(entry.path), rel)
        elif is_file:
            if self._filter.reads(rel, entry.name, names):
                yield Path(entry.path), source, _without_suffix(rel)
        elif entry.is_symlink() and self._filter.reads(rel, entry.name):
            yield _broken_link(source, entry.path)

    # -- one input --------------------------------------------------------------------------------

    def _read_file(self, path: Path, source: str, base_id: str) -> Iterator[SourceDocument | InputError]:
        suffix = path.suffix.lower()
        if self.options.skip_paths and os.path.abspath(path) in self.options.skip_paths:
            return  # this run's own output, named among the inputs
        real = os.path.realpath(path)
        if real in self._files_seen:
            return  # the same file again, named another way ("dup/a/x.txt" and "dup"): read once
        self._files_seen.add(real)
        try:
            if suffix == ".jsonl":
                with _open(path) as handle:
                    if self._earlier_output(source, _first_jsonl_value(handle)):
                        return
                    handle.seek(0)
                    self.files_read += 1
                    yield from self._jsonl_records(handle, source, base_id)
                return
            if suffix in (".json", ".csv"):
                with _open(path) as handle:
                    data = handle.read()
                read = self._json_records if suffix == ".json" else self._csv_records
                items = read(data, source, base_id)
                self.files_read += 1
                first = next(items, None)  # the file's shape is known once its first record is read
                if first is EARLIER_OUTPUT:
                    self.files_read -= 1
                    self.earlier_outputs.append(source)
                    return
                if first is not None:
                    yield first
                    yield from items
                return
            html = suffix in HTML_SUFFIXES
            per_char = HTML_BYTES_PER_TEXT_CHAR if html else MAX_BYTES_PER_CHAR
            with _open(path) as handle:
                data = _read_bytes(handle, self.options.max_chars, per_char)
            self.files_read += 1
            document = self._document(data, source, base_id, html=html, markdown=suffix in MARKDOWN_SUFFIXES)
            document.filename_date = date_from_filename(path.name)
            self._apply_sidecar(document, path)
            yield document
        except InputProblem as problem:
            yield InputError(source, problem.kind, problem.message)

    def _read_stdin(self) -> Iterator[SourceDocument | InputError]:
        handle = self._stdin if self._stdin is not None else sys.stdin.buffer
        fmt = self.options.stdin_format
        try:
            if fmt == "jsonl":
                self.files_read += 1
                yield from self._jsonl_records(handle, STDIN, STDIN_DOC_ID)
                return
            data = handle.read()
            self.files_read += 1
            if fmt == "json":
                for item in self._json_records(data, STDIN, STDIN_DOC_ID):
                    if item is EARLIER_OUTPUT:
                        self.earlier_outputs.append(STDIN)
                        return
                    yield item
            else:
                yield self._document(data, STDIN, STDIN_DOC_ID, html=fmt == "html")
        except InputProblem as problem:
            yield InputError(STDIN, problem.kind, problem.message)

    def _earlier_output(self, source: str, first: object) -> bool:
        if _is_output_record(first):
            self.earlier_outputs.append(source)
            return True
        return False

    def _document(
        self, data: bytes, source: str, doc_id: str, *, html: bool, markdown: bool = False
    ) -> SourceDocument:
        text, warnings = decode_bytes(data, self.options.encoding)
        document = SourceDocument(text=text, doc_id=doc_id, source=source, warnings=warnings)
        if markdown:
            post = split_post(text)
            document.text = post.body
            document.warnings.extend(post.warnings)
            try:
                parse_published(post.metadata.get("published"))
            except ValueError:
                document.warnings.append(
                    f"the front matter's date {post.metadata.pop('published')!r} is not a date; ignored"
                )
            fields = RecordFields(text="", id="", published="published", title="title", url="url")
            self._apply_metadata(document, post.metadata, fields)
        if html:
            document.text, meta = html_document(text)
            document.title = meta["title"] or None
            document.author = meta["author"] or None
            document.url = meta["url"] or None
            try:
                document.published = parse_published(meta["date"])
                document.published_source = meta["date_source"]
                document.guessed_published = parse_published(meta["guessed_date"])
            except ValueError as err:
                document.warnings.append(f"the page's date was not understood ({err}); ignored")
        _check_text(document.text, self.options.max_chars)
        return document

    def _apply_sidecar(self, document: SourceDocument, path: Path) -> None:
        sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX) if path.suffix else None
        if sidecar is None or not sidecar.is_file():
            return
        try:
            meta = json.loads(sidecar.read_bytes().decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise InputProblem(
                "metadata", f"its metadata file {sidecar.name} cannot be read: {err}"
            ) from None
        if not isinstance(meta, dict):
            raise InputProblem("metadata", f"its metadata file {sidecar.name} is not a JSON object")
        try:
            self._apply_metadata(document, meta, RecordFields(text="", id="doc_id", url="source"))
        except InputProblem as problem:
            raise InputProblem(problem.kind, f"{sidecar.name}: {problem.message}") from None

    def _apply_metadata(self, document: SourceDocument, meta: dict, fields: RecordFields) -> None:
        doc_id = meta.get(fields.id)
        if doc_id is None and fields.id == "id":
            doc_id = meta.get("doc_id")  # the sidecar's name for it, accepted in records too
        if doc_id is not None:
            if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool) or not str(doc_id).strip():
                raise InputProblem("metadata", f"field {fields.id!r} is not a usable id: {doc_id!r}")
            document.doc_id = str(doc_id).strip()
        if meta.get(fields.published) not in (None, ""):
            # a date not in ISO form is read with a warning; one that cannot be read is left out, with a
            # warning, and the document goes on
            published, warning = read_published(meta[fields.published])
            if warning is not None:
                document.warnings.append(f"field {fields.published!r}: {warning}")
            if published is not None:
                document.published = published
                document.published_source = None  # the input's metadata: it beats the page's own date
        for name, attribute in ((fields.title, "title"), (fields.url, "url"), ("author", "author")):
            value = meta.get(name)
            if isinstance(value, str) and value.strip():
                setattr(document, attribute, value.strip())

    # -- JSON and JSONL records ---------------------------------------------------------------------

    def _record(self, record: object, source: str, doc_id: str) -> SourceDocument:
        fields = self.options.fields
        if not isinstance(record, dict):
            raise InputProblem("no_text", f"a record must be a JSON object, not {type(record).__name__}")
        text = record.get(fields.text)
        if text is None:
            raise InputProblem("no_text", f"the record has no {fields.text!r} field")
        if not isinstance(text, str):
            raise InputProblem("no_text", f"the record's {fields.text!r} field is not a string")
        document = SourceDocument(text=text.removeprefix("\ufeff"), doc_id=doc_id, source=source)
        self._apply_metadata(document, record, fields)
        _check_text(document.text, self.options.max_chars)
        return document

    def _json_records(self, data: bytes, source: str, base_id: str) -> Iterator[SourceDocument | InputError]:
        text, _ = decode_bytes(data, self.options.encoding)
        try:
            value = json.loads(text)
        except ValueError as err:
            raise InputProblem("invalid_json", f"not valid JSON: {err}") from None
        if _is_output_record(value[0] if isinstance(value, list) and value else value):
            yield EARLIER_OUTPUT
            return
        if isinstance(value, list):
            for number, record in enumerate(value, start=1):
                record_source = f"{source}#{number}"
                try:
                    yield self._record(record, record_source, f"{base_id}#{number}")
                except InputProblem as problem:
                    yield InputError(record_source, problem.kind, problem.message)
        else:
            yield self._record(value, source, base_id)

    def _csv_records(self, data: bytes, source: str, base_id: str) -> Iterator[SourceDocument | InputError]:
        """One record per row, named by its header; `source#N` and `doc_id#N` for the row starting on line
        N of the file (the header is line 1). The delimiter is the one that makes the text field a
        column of the header: a comma, else a semicolon (spreadsheets in many locales) or a tab."""
        text, _ = decode_bytes(data, self.options.encoding)
        first_line = text.split("\n", 1)[0]
        delimiter = next(
            (
                d
                for d in CSV_DELIMITERS
                if self.options.fields.text in (c.strip(' "') for c in first_line.split(d))
            ),
            CSV_DELIMITERS[0],
        )
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        csv.field_size_limit(max(csv.field_size_limit(), self.options.max_chars * MAX_BYTES_PER_CHAR))
        try:
            header = next(rows, None)
        except csv.Error as err:
            raise InputProblem("invalid_csv", f"not valid CSV: {err}") from None
        if header is None:
            raise InputProblem("empty", "empty CSV file (no header row)")
        header = [name.strip() for name in header]
        if _is_output_record(dict.fromkeys(header)):
            yield EARLIER_OUTPUT
            return
        start = rows.line_num + 1
        while True:
            record_source = f"{source}#{start}"
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as err:
                yield InputError(record_source, "invalid_csv", f"not valid CSV: {err}")
                return
            if any(cell.strip() for cell in row):
                # an empty cell is a field left out, as a key missing from a JSON record
                record = {name: cell for name, cell in zip(header, row, strict=False) if name and cell}
                try:
                    yield self._record(record, record_source, f"{base_id}#{start}")
                except InputProblem as problem:
                    yield InputError(record_source, problem.kind, problem.message)
            start = rows.line_num + 1

    def _jsonl_records(
        self, handle: BinaryIO, source: str, base_id: str
    ) -> Iterator[SourceDocument | InputError]:
        line_limit = self.options.max_chars * MAX_BYTES_PER_CHAR + 65536
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            record_source = f"{source}#{number}"
            try:
                if len(raw) > line_limit:
                    raise InputProblem("too_large", f"line of {len(raw) / 1e6:.1f} MB is over --max-chars")
                line, warnings = _utf8_line(raw)
                try:
                    value = json.loads(line)
                except ValueError as err:
                    raise InputProblem("invalid_json", f"not valid JSON: {err}") from None
                document = self._record(value, record_source, f"{base_id}#{number}")
                document.warnings.extend(warnings)
                yield document
            except InputProblem as problem:
                yield InputError(record_source, problem.kind, problem.message)


class _EarlierOutput:
    """Stands for a file of records that `extract` wrote: not an input."""


EARLIER_OUTPUT = _EarlierOutput()


def _is_output_record(value: object) -> bool:
    """Whether `value` is a record `extract` wrote (or a line of its errors file)."""
    if not isinstance(value, dict):
        return False
    return OUTPUT_RECORD_FIELDS <= value.keys() or value.keys() == ERROR_LINE_FIELDS


def _broken_link(source: str, path: str) -> InputError:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return InputError(source, "broken_symlink", f"broken symbolic link (to {target}); skipped")


def _utf8_line(raw: bytes) -> tuple[str, list[str]]:
    """A JSONL line as text: a stray invalid byte becomes U+FFFD with a warning, as in a text file."""
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as err:
        return raw.decode("utf-8", errors="replace"), [
            f"invalid UTF-8 in the line (first bad byte at {err.start}), replaced by U+FFFD"
        ]


def _first_jsonl_value(handle: BinaryIO) -> object:
    """The first record of a JSONL file, or None when it does not parse."""
    for raw in handle:
        if raw.strip():
            try:
                return json.loads(raw.removeprefix(codecs.BOM_UTF8))
            except ValueError:  # includes UnicodeDecodeError: reported when the file is read
                return None
    return None


def _is_not_document(name: str) -> bool:
    return name.lower().endswith(NOT_DOCUMENT_SUFFIXES)


def _annotates_a_sibling(name: str, siblings: frozenset[str]) -> bool:
    """A `<stem>.<tag>.json` beside `<stem>.txt` (or a page of that stem) describes that document, as
    `.meta.json` and `.gold.json` do: a scorer's gold (`report.isaf.json`), not a document of its own."""
    stem, dot, rest = name.rpartition(".json")[0].rpartition(".")
    if not name.lower().endswith(".json") or not dot or not stem or not rest:
        return False
    return any(stem + suffix in siblings for suffix in TEXT_SUFFIXES + HTML_SUFFIXES)


def _without_suffix(rel: str) -> str:
    base, suffix = os.path.splitext(rel)
    return base if suffix else rel
