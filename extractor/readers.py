"""Inputs to documents: files, folders, JSON/JSONL records, HTML pages and stdin -> text + metadata."""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import fnmatch
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from extractor.api import parse_published
from extractor.webpage import PageProblem, read_page

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".json", ".jsonl")
INPUT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES
# files that describe documents and are never documents themselves (../shared/corpus/FORMAT.md)
SIDECAR_SUFFIX = ".meta.json"
NOT_DOCUMENT_SUFFIXES = (SIDECAR_SUFFIX, ".gold.json")
STDIN = "-"
STDIN_DOC_ID = "stdin"

# a UTF-8 character takes at most 4 bytes: a file larger than this cannot fit under --max-chars
MAX_BYTES_PER_CHAR = 4
# HTML carries markup around its main text; its raw size may exceed the text limit by this factor
HTML_BYTES_PER_TEXT_CHAR = 20

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

    A byte order mark decides the codec and is removed; else UTF-8; else, when no valid UTF-8
    multi-byte sequence is present, the encoding charset-normalizer detects."""
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
        raise InputProblem("encoding", f"invalid UTF-8 (bad byte at offset {first_bad})")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputProblem("encoding", f"not UTF-8 (bad byte at offset {first_bad}) and no encoding detected")
    return str(best), [f"the text is not UTF-8; decoded as {best.encoding} (detected)"]


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
    meta = {name: getattr(page, name) for name in ("title", "date", "author", "url", "date_source")}
    return page.text, meta


class InputReader:
    """Turns command-line paths into SourceDocuments and InputErrors, in input order.

    doc_ids are unique within one reader: a clash is an error for the second input."""

    def __init__(self, options: ReadOptions | None = None, stdin: BinaryIO | None = None):
        self.options = options or ReadOptions()
        self._stdin = stdin
        self.files_read = 0
        self._ids: dict[str, str] = {}

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

    def _accepts(self, rel: str, name: str) -> bool:
        if _is_not_document(name):
            return False
        if self.options.glob:
            if not any(_matches(pattern, rel, name) for pattern in self.options.glob):
                return False
        elif not name.lower().endswith(INPUT_SUFFIXES):
            return False
        return not self._excluded(rel, name)

    def _excluded(self, rel: str, name: str) -> bool:
        return any(_matches(pattern, rel, name) for pattern in self.options.exclude)

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
            for entry in entries:
                rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
                source = os.path.join(arg, rel)
                if self.options.skip_paths and os.path.abspath(entry.path) in self.options.skip_paths:
                    continue
                try:
                    is_dir = entry.is_dir()
                    is_file = not is_dir and entry.is_file()
                except OSError as err:
                    if self._accepts(rel, entry.name):
                        kind = "symlink_loop" if err.errno == errno.ELOOP else "unreadable"
                        yield InputError(source, kind, err.strerror or str(err))
                    continue
                if is_dir:
                    if self._excluded(rel, entry.name):
                        continue
                    if self._accepts(rel, entry.name):
                        yield InputError(source, "is_directory", "is a directory, not a file; skipped")
                        continue
                    yield from visit(Path(entry.path), rel)
                elif is_file:
                    if self._accepts(rel, entry.name):
                        yield Path(entry.path), source, _without_suffix(rel)
                elif entry.is_symlink() and self._accepts(rel, entry.name):
                    try:
                        target = os.readlink(entry.path)
                    except OSError:
                        target = "?"
                    yield InputError(source, "broken_symlink", f"broken symbolic link (to {target}); skipped")
            ancestors.pop()

        yield from visit(root, "")

    # -- one input --------------------------------------------------------------------------------

    def _read_file(self, path: Path, source: str, base_id: str) -> Iterator[SourceDocument | InputError]:
        suffix = path.suffix.lower()
        try:
            if suffix == ".jsonl":
                with _open(path) as handle:
                    self.files_read += 1
                    yield from self._jsonl_records(handle, source, base_id)
                return
            if suffix == ".json":
                with _open(path) as handle:
                    data = handle.read()
                self.files_read += 1
                yield from self._json_records(data, source, base_id)
                return
            html = suffix in HTML_SUFFIXES
            per_char = HTML_BYTES_PER_TEXT_CHAR if html else MAX_BYTES_PER_CHAR
            with _open(path) as handle:
                data = _read_bytes(handle, self.options.max_chars, per_char)
            self.files_read += 1
            document = self._document(data, source, base_id, html=html)
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
                yield from self._json_records(data, STDIN, STDIN_DOC_ID)
            else:
                yield self._document(data, STDIN, STDIN_DOC_ID, html=fmt == "html")
        except InputProblem as problem:
            yield InputError(STDIN, problem.kind, problem.message)

    def _document(self, data: bytes, source: str, doc_id: str, *, html: bool) -> SourceDocument:
        text, warnings = decode_bytes(data, self.options.encoding)
        document = SourceDocument(text=text, doc_id=doc_id, source=source, warnings=warnings)
        if html:
            document.text, meta = html_document(text)
            document.title = meta["title"] or None
            document.author = meta["author"] or None
            document.url = meta["url"] or None
            if meta["date"]:
                try:
                    document.published = parse_published(meta["date"])
                    document.published_source = meta["date_source"]
                except ValueError:
                    document.warnings.append(f"the page's date {meta['date']!r} was not understood; ignored")
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
            try:
                document.published = parse_published(meta[fields.published])
                document.published_source = None  # the input's metadata: it beats the page's own date
            except ValueError as err:
                raise InputProblem("metadata", f"field {fields.published!r}: {err}") from None
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
        if isinstance(value, list):
            for number, record in enumerate(value, start=1):
                record_source = f"{source}#{number}"
                try:
                    yield self._record(record, record_source, f"{base_id}#{number}")
                except InputProblem as problem:
                    yield InputError(record_source, problem.kind, problem.message)
        else:
            yield self._record(value, source, base_id)

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
                try:
                    value = json.loads(raw.decode("utf-8"))
                except UnicodeDecodeError as err:
                    raise InputProblem(
                        "encoding", f"invalid UTF-8 (bad byte at offset {err.start})"
                    ) from None
                except ValueError as err:
                    raise InputProblem("invalid_json", f"not valid JSON: {err}") from None
                yield self._record(value, record_source, f"{base_id}#{number}")
            except InputProblem as problem:
                yield InputError(record_source, problem.kind, problem.message)


def _is_not_document(name: str) -> bool:
    return name.lower().endswith(NOT_DOCUMENT_SUFFIXES)


def _matches(pattern: str, rel: str, name: str) -> bool:
    """A pattern with a `/` is matched against the path relative to the folder, else the name."""
    return fnmatch.fnmatch(rel if "/" in pattern else name, pattern)


def _without_suffix(rel: str) -> str:
    base, suffix = os.path.splitext(rel)
    return base if suffix else rel
