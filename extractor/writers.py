"""Outputs of a run: JSON Lines, a JSON array, one JSON file per document, CSV and Parquet, none left
half-written."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import sys
import tempfile
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

from extractor.models import Claim, DocumentRecord

# lists of a document that one row per claim cannot hold (OUTPUT.md, "CSV")
NOT_IN_ROWS = ("speakers", "quotes", "claims", "warnings")
SPEAKER_COLUMNS = ("speaker_name", "speaker_title", "speaker_role", "speaker_organization")
FORMATS = ("jsonl", "json", "csv", "parquet", "geojson")
# the range of Parquet's int64 columns; Python's integers (and so JSONL and CSV) have none
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


class OutputProblem(Exception):
    """A record that cannot be written where it was asked to go (reported for its document)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


# -- atomic files -----------------------------------------------------------------------------------


@contextlib.contextmanager
def atomic_file(path: Path, mode: str = "w", **open_args: Any) -> Iterator[IO]:
    """A temporary file beside `path`, renamed onto it when the block ends without error, else removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_json_file(path: Path, data: object) -> None:
    """`data` as indented JSON at `path`, written atomically."""
    with atomic_file(path, "w", encoding="utf-8", newline="\n") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.write("\n")


# -- rows: one per claim ------------------------------------------------------------------------------


def _plain_type(annotation: Any) -> Any:
    """int, bool, date, a model class or str: what a field holds once None and constraints are set aside."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _plain_type(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        kinds = [_plain_type(a) for a in typing.get_args(annotation) if a is not type(None)]
        return kinds[0] if len(kinds) == 1 else str
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return bool
        if issubclass(annotation, int):
            return int
        if issubclass(annotation, dt.date):
            return dt.date
        if issubclass(annotation, BaseModel):
            return annotation
    return str


def _flat_fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, Any]]:
    columns = []
    for name, info in model.model_fields.items():
        kind = _plain_type(info.annotation)
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            columns.extend(_flat_fields(kind, f"{prefix}{name}_"))
        else:
            columns.append((f"{prefix}{name}", kind))
    return columns


def row_columns(include_text: bool = False) -> list[tuple[str, Any]]:
    """(name, type) of each column of a claim row: the document's fields, then the claim's, flattened
    with `_`."""
    document = [
        (name, kind)
        for name, kind in _flat_fields(DocumentRecord)
        if name not in NOT_IN_ROWS and (include_text or name != "text")
    ]
    claim: list[tuple[str, Any]] = []
    for name, kind in _flat_fields(Claim):
        if name == "speaker":
            claim.extend((column, str) for column in SPEAKER_COLUMNS)
        else:
            claim.append((name, kind))
    names = [name for name, _ in document + claim]
    if len(names) != len(set(names)):
        raise RuntimeError(f"row columns clash: {sorted(n for n in names if names.count(n) > 1)}")
    return document + claim


def _flatten(data: dict, prefix: str, into: dict) -> None:
    for key, value in data.items():
        if isinstance(value, dict):
            _flatten(value, f"{prefix}{key}_", into)
        else:
            into[f"{prefix}{key}"] = value


def claim_rows(record: dict) -> list[dict]:
    """One flat dict per claim of a record (as `DocumentRecord.to_json_dict()` gives it); a document
    without claims gives one row with its own fields and empty claim columns, so that it is not lost."""
    document: dict = {}
    _flatten({k: v for k, v in record.items() if k not in NOT_IN_ROWS}, "", document)
    speakers = {s["id"]: s for s in record.get("speakers", [])}
    rows = []
    for claim in record.get("claims", []):
        row = dict(document)
        speaker = speakers.get(claim.get("speaker_id")) or {}
        flat: dict = {}
        _flatten({k: v for k, v in claim.items() if k != "speaker"}, "", flat)
        row.update(flat)
        row["speaker_name"] = claim.get("speaker")
        for part in ("title", "role", "organization"):
            row[f"speaker_{part}"] = speaker.get(part)
        rows.append(row)
    return rows or [document]


# -- writers --------------------------------------------------------------------------------------------


class RecordWriter:
    """Where a run's records go. `close()` commits the output, `abort()` leaves any earlier one untouched."""

    #: the number of lines or files already there when the run resumed
    resumed = 0

    def is_done(self, doc_id: str, sha256: str, source: str | None = None) -> bool:
        """True when the output already holds this document with this text (for --resume): the same
        doc_id, or the same input file (`source`, however its path was spelled) with the same text."""
        return False

    def write(self, record: dict) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Commits what was written."""

    def abort(self) -> None:
        """Stops without committing a half-written file."""
        self.close()


class JsonlWriter(RecordWriter):
    """One whole line per document, flushed at once: an interrupted run leaves every finished line valid.

    With `resume`, documents already in the file (same doc_id and content_sha256) are skipped, a partial
    last line is dropped, and a document whose text changed is redone and its old line removed at close."""

    def __init__(self, path: Path | None, *, resume: bool = False):
        self.path = path
        self._done: dict[str, str] = {}
        self._done_sources: dict[str, str] = {}  # source_key -> content_sha256
        self._redone: set[str] = set()
        self.dropped_partial_line = False
        if path is None:
            self._handle: IO[str] = sys.stdout
            return
        if resume and path.exists():
            self._load(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"")
        self._handle = open(path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in close()

    def _load(self, path: Path) -> None:
        good_end = 0
        with open(path, "rb") as handle:
            for line in handle:
                try:
                    if not line.endswith(b"\n"):
                        raise ValueError("partial line")
                    record = json.loads(line)
                    self._done[str(record["doc_id"])] = str(record.get("content_sha256"))
                    key = source_key(record.get("source"))
                    if key is not None:
                        self._done_sources[key] = str(record.get("content_sha256"))
                except (ValueError, KeyError, TypeError):
                    # only the last line can be partial: it was being written when the run stopped
                    if handle.read(1):
                        raise OutputProblem(
                            "corrupt_output",
                            f"{path} has an invalid line that is not the last one; cannot resume",
                        ) from None
                    self.dropped_partial_line = True
                    break
                good_end += len(line)
        if self.dropped_partial_line:
            with open(path, "r+b") as handle:
                handle.truncate(good_end)
        self.resumed = len(self._done)

    def is_done(self, doc_id: str, sha256: str, source: str | None = None) -> bool:
        key = source_key(source)
        if key is not None and self._done_sources.get(key) == sha256:
            return True  # the same file read under another doc_id ("extract dup" then "extract dup/a")
        known = self._done.get(doc_id)
        if known is None:
            return False
        if known == sha256:
            return True
        self._redone.add(doc_id)
        return False

    def write(self, record: dict) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()

    def close(self) -> None:
        if self.path is None:
            self._handle.flush()
            return
        self._handle.close()
        if self._redone:
            self._drop_stale_lines()

    def _drop_stale_lines(self) -> None:
        """Keeps the last line of each redone doc_id: the one written by this run."""
        assert self.path is not None
        last: dict[str, int] = {}
        with open(self.path, encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                doc_id = json.loads(line)["doc_id"]
                if doc_id in self._redone:
                    last[doc_id] = number
        with (
            open(self.path, encoding="utf-8") as source,
            atomic_file(self.path, "w", encoding="utf-8") as target,
        ):
            for number, line in enumerate(source):
                doc_id = json.loads(line)["doc_id"]
                if doc_id not in self._redone or last[doc_id] == number:
                    target.write(line)


def source_key(source: object) -> str | None:
    """The input a record's `source` names, whatever the spelling of its path: the real path of the file
    (with `#N` for a record of it); None for standard input, a string, or a file no longer there."""
    if not isinstance(source, str) or source in ("", "-"):
        return None
    file, mark, number = source.rpartition("#")
    if not (mark and number.isdigit()):
        file, number = source, ""
    if not os.path.exists(file):
        return None
    return os.path.realpath(file) + (f"#{number}" if number else "")


class TextTarget:
    """Where a streamed text output goes: standard output, or a temporary file renamed onto `path` when
    committed and removed when discarded, so that a file on disk is only ever whole."""

    def __init__(self, path: Path | None, newline: str = "\n"):
        self._context = None
        if path is None:
            self.handle: IO[str] = sys.stdout
        else:
            self._context = atomic_file(path, "w", encoding="utf-8", newline=newline)
            self.handle = self._context.__enter__()

    @property
    def is_file(self) -> bool:
        return self._context is not None

    def commit(self) -> None:
        """Renames the file onto its path (flushes standard output)."""
        if self._context is None:
            self.handle.flush()
        else:
            self._context.__exit__(None, None, None)
            self._context = None

    def discard(self) -> None:
        """Drops an unfinished file; standard output keeps what was written."""
        if self._context is not None:
            error = KeyboardInterrupt()
            with contextlib.suppress(KeyboardInterrupt):
                self._context.__exit__(type(error), error, None)
            self._context = None


class JsonArrayWriter(RecordWriter):
    """The records as one JSON array (`-o run.json`), in a temporary file renamed onto `path` at close.
    An interrupted run closes the array over the records finished so far: nothing written is lost."""

    def __init__(self, path: Path | None):
        self.path = path
        self._target = TextTarget(path)
        self._handle: IO[str] | None = self._target.handle
        self._count = 0
        self._handle.write("[")

    def write(self, record: dict) -> None:
        self._handle.write(("\n" if self._count == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
        self._count += 1

    def close(self) -> None:
        if self._handle is None:
            return
        self._handle.write("\n]\n" if self._count else "]\n")
        self._target.commit()
        self._handle = None


def doc_id_path(out_dir: Path, doc_id: str) -> Path:
    """`<out_dir>/<doc_id>.json`; OutputProblem for an id that would leave the folder."""
    parts = doc_id.split("/")
    if any(part in ("", ".", "..") or "\\" in part or "\x00" in part for part in parts):
        raise OutputProblem("unsafe_doc_id", f"doc_id {doc_id!r} is not a safe relative path for --out-dir")
    return out_dir.joinpath(*parts[:-1], parts[-1] + ".json")


class JsonDirWriter(RecordWriter):
    """One indented JSON file per document at `<doc_id>.json`, each written atomically."""

    def __init__(self, out_dir: Path, *, resume: bool = False):
        self.out_dir = out_dir
        self.resume = resume
        self._by_source: dict[str, str] | None = None
        out_dir.mkdir(parents=True, exist_ok=True)

    def is_done(self, doc_id: str, sha256: str, source: str | None = None) -> bool:
        try:
            path = doc_id_path(self.out_dir, doc_id)
            existing = json.loads(path.read_text(encoding="utf-8"))
        except (OutputProblem, OSError, ValueError):
            existing = None
        done = isinstance(existing, dict) and existing.get("content_sha256") == sha256
        key = source_key(source)
        if not done and key is not None:
            done = self._sources().get(key) == sha256
        self.resumed += done
        return done

    def _sources(self) -> dict[str, str]:
        """source_key -> content_sha256 of every record in the folder, read once, on the first miss."""
        if self._by_source is None:
            self._by_source = {}
            for path in self.out_dir.rglob("*.json"):
                try:
                    record = json.loads(path.read_text(encoding="utf-8"))
                    key = source_key(record.get("source"))
                except (OSError, ValueError, AttributeError):
                    continue
                if key is not None:
                    self._by_source[key] = str(record.get("content_sha256"))
        return self._by_source

    def write(self, record: dict) -> None:
        write_json_file(doc_id_path(self.out_dir, record["doc_id"]), record)


class CsvWriter(RecordWriter):
    """One row per claim (see `claim_rows`), into a temporary file renamed onto `path` at close."""

    def __init__(self, path: Path | None, *, include_text: bool = False):
        self.path = path
        self.columns = [name for name, _ in row_columns(include_text)]
        self._target = TextTarget(path, newline="")
        self._handle = self._target.handle
        self._csv = csv.DictWriter(self._handle, fieldnames=self.columns, extrasaction="ignore")
        self._csv.writeheader()

    def write(self, record: dict) -> None:
        self._csv.writerows(claim_rows(record))

    def close(self) -> None:
        self._target.commit()

    def abort(self) -> None:
        self._target.discard()


class GeoJsonWriter(RecordWriter):
    """An RFC 7946 FeatureCollection: one Point (longitude, latitude) per claim whose place the gazetteer
    placed, its properties the CSV columns; streamed into a temporary file renamed onto `path` at close."""

    def __init__(self, path: Path | None, *, include_text: bool = False):
        self.columns = [name for name, _ in row_columns(include_text)]
        self._target = TextTarget(path)
        self._handle: IO[str] | None = self._target.handle
        self._handle.write('{"type": "FeatureCollection", "features": [')
        self._first = True

    def write(self, record: dict) -> None:
        for row in claim_rows(record):
            if row.get("geo_lat") is None or row.get("geo_lon") is None:
                continue
            feature = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [row["geo_lon"], row["geo_lat"]]},
                "properties": {name: row.get(name) for name in self.columns},
            }
            self._handle.write(("\n" if self._first else ",\n") + json.dumps(feature, ensure_ascii=False))
            self._first = False

    def close(self) -> None:
        if self._handle is None:
            return
        self._handle.write("\n]}\n")
        self._target.commit()
        self._handle = None

    def abort(self) -> None:
        if self._target.is_file:
            self._target.discard()
        elif self._handle is not None:
            self.close()  # standard output: what was written stays a whole collection


def parquet_available() -> bool:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


class ParquetWriter(RecordWriter):
    """One row per claim in a Parquet file (pyarrow), typed from the models, renamed into place at close."""

    BATCH_ROWS = 2000

    def __init__(self, path: Path, *, include_text: bool = False):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        types_ = {int: pa.int64(), bool: pa.bool_(), dt.date: pa.date32()}
        columns = row_columns(include_text)
        self.schema = pa.schema([(name, types_.get(kind, pa.string())) for name, kind in columns])
        self._dates = [name for name, kind in columns if kind is dt.date]
        self._integers = [name for name, kind in columns if kind is int]
        self._rows: list[dict] = []
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(fd)
        self._writer = pq.ParquetWriter(self._temp, self.schema)

    def write(self, record: dict) -> None:
        rows = claim_rows(record)
        for row in rows:
            for name in self._integers:
                if row.get(name) is not None and not INT64_MIN <= row[name] <= INT64_MAX:
                    raise OutputProblem(
                        "value_too_large",
                        f"{name} {row[name]} does not fit Parquet's 64-bit integers; the document is left "
                        "out of the Parquet file (JSONL and CSV hold any integer)",
                    )
            for name in self._dates:
                if row.get(name):
                    row[name] = dt.date.fromisoformat(row[name])
        self._rows.extend(rows)
        if len(self._rows) >= self.BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def close(self) -> None:
        if self._writer is None:
            return
        self._flush()
        self._writer.close()
        self._writer = None
        os.replace(self._temp, self.path)

    def abort(self) -> None:
        if self._writer is None:
            return
        with contextlib.suppress(Exception):
            self._writer.close()
        self._writer = None
        with contextlib.suppress(OSError):
            os.unlink(self._temp)


def open_writer(
    fmt: str,
    output: Path | None,
    out_dir: Path | None,
    *,
    resume: bool = False,
    include_text: bool = False,
) -> RecordWriter:
    """The writer for a format and destination (None: standard output)."""
    if out_dir is not None:
        return JsonDirWriter(out_dir, resume=resume)
    if fmt == "csv":
        return CsvWriter(output, include_text=include_text)
    if fmt == "geojson":
        return GeoJsonWriter(output, include_text=include_text)
    if fmt == "parquet":
        if output is None:
            raise ValueError("Parquet output needs a file: -o run.parquet")
        return ParquetWriter(output, include_text=include_text)
    if fmt == "json":
        return JsonArrayWriter(output)
    return JsonlWriter(output, resume=resume)
