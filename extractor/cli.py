"""The command line: `extract` (files and folders to records), `evaluate` (scores against gold), `schema`,
`ledger` (series of figures across reports)."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperArgument, TyperCommand

from extractor import __version__
from extractor.kernels import KERNEL_VARIABLE

# exit codes, documented in the README
EXIT_OK = 0
EXIT_INPUT_FAILED = 1  # some inputs failed; the others were processed
EXIT_USAGE = 2  # bad usage, or the pipeline could not be loaded: nothing was processed
EXIT_INTERRUPTED = 130  # Ctrl-C: what was finished is written
EXIT_TERMINATED = 143  # SIGTERM: the same
EXIT_BROKEN_PIPE = 141  # standard output closed by its reader (`| head`): stopped quietly, as SIGPIPE would

DEFAULT_MAX_CHARS = 500_000
SCHEMA_FILE = "document.schema.json"

app = typer.Typer(
    name="briefing-extractor",
    help="Structured, validated claims from military briefings and press releases.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # plain help: rich markup read "[dask]" and "[default: cores]" as style tags and dropped them
    rich_markup_mode=None,
)


class PlainHelpCommand(TyperCommand):
    """A command whose help names each argument by its metavar alone: typer adds the Python type after it
    ("PATH <list[str]>"), which tells a user of the command line nothing."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument) and param.metavar is not None:
                param.display_type_rich = _no_type  # type: ignore[method-assign]


def _no_type(ctx: object = None) -> None:
    return None


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"
    geojson = "geojson"


class Kernel(str, Enum):
    auto = "auto"
    blis = "blis"
    numpy = "numpy"


class StdinFormat(str, Enum):
    txt = "txt"
    html = "html"
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        from extractor.kernels import UnknownKernel, choose_kernel

        try:
            kernel = choose_kernel().describe()
        except UnknownKernel as err:
            kernel = str(err)
        typer.echo(f"briefing-extractor {__version__} (matrix kernel: {kernel})")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Structured, validated claims from military briefings and press releases."""


def _usage(message: str, param: str) -> typer.BadParameter:
    """A usage error (exit code 2) naming the option at fault."""
    return typer.BadParameter(message, param_hint=param)


def _require_folder_of(path: Path | None, option: str) -> None:
    """A usage error when the folder a file is to be written in does not exist: a mistyped path should not
    make a tree of folders."""
    if path is not None and not path.parent.is_dir():
        raise _usage(f"the folder {str(path.parent)!r} does not exist; create it first", option)


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _usage(f"{value!r} is not a date in the form YYYY-MM-DD", option) from None


@app.command(cls=PlainHelpCommand)
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files and folders to read (folders recursively); '-' reads standard input.",
            metavar="PATH",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Output file; '-' or none: standard output.",
            dir_okay=False,
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir",
            metavar="DIR",
            help="Write one JSON file per document, DIR/<doc_id>.json.",
            file_okay=False,
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="jsonl, json (one array), csv (one row per claim), parquet or geojson (a Point per placed "
            "claim); default from -o's suffix.",
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="Publication date (YYYY-MM-DD) for inputs whose metadata gives none."
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip documents already in the output (same doc_id and text).")
    ] = False,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="Add the decoded text to each record.")
    ] = False,
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            metavar="FILE",
            help="Write one JSON line per failed input to this file.",
            dir_okay=False,
        ),
    ] = None,
    max_chars: Annotated[
        int,
        typer.Option(
            "--max-chars", metavar="N", min=1, help="Refuse documents longer than this many characters."
        ),
    ] = DEFAULT_MAX_CHARS,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-j",
            metavar="N",
            min=1,
            help="Worker processes, each loading the pipeline once [default: cores].",
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
            "needs briefing-extractor[dask].",
        ),
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            metavar="PATTERN",
            help="Only files matching this gitignore-style pattern in folders ('**/*.txt'; "
            "'!x' leaves out x; repeatable).",
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude", metavar="PATTERN", help="Skip files and folders matching this pattern (repeatable)."
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(metavar="CODEC", help="Decode every input with this codec instead of detecting it."),
    ] = None,
    stdin_format: Annotated[
        StdinFormat, typer.Option(metavar="FORMAT", help="What '-' reads.")
    ] = StdinFormat.txt,
    text_field: Annotated[
        str, typer.Option(metavar="FIELD", help="JSON/JSONL field holding the text.")
    ] = "text",
    id_field: Annotated[
        str, typer.Option(metavar="FIELD", help="JSON/JSONL field holding the doc_id.")
    ] = "id",
    published_field: Annotated[
        str, typer.Option(metavar="FIELD", help="JSON/JSONL field holding the published date.")
    ] = "published",
    title_field: Annotated[
        str, typer.Option(metavar="FIELD", help="JSON/JSONL field holding the title.")
    ] = "title",
    url_field: Annotated[
        str, typer.Option(metavar="FIELD", help="JSON/JSONL field holding the address.")
    ] = "url",
    model: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="spaCy English pipeline to load [default: en_core_web_sm]."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    kernel: Annotated[
        Kernel | None,
        typer.Option(
            help="Matrix kernel of the English pipeline; auto: the faster on this machine, found by a short "
            "probe and cached [default: $BRIEFING_EXTRACTOR_KERNEL, else auto]."
        ),
    ] = None,
) -> None:
    """Extract claims from files and folders (.txt, .md, .markdown, .html, .json, .jsonl, .csv) into JSONL,
    a JSON array, JSON files, CSV or Parquet. Exit code 0: all inputs processed; 1: some inputs failed (each
    reported on stderr) or none was found; 2: bad usage."""
    from extractor.distributed import DaskUnavailable, SchedulerUnreachable
    from extractor.readers import InputReader, ReadOptions, RecordFields
    from extractor.runner import (
        PipelineUnavailable,
        Reporter,
        RunStopped,
        WorkerDied,
        count_files,
        default_workers,
        run,
    )
    from extractor.writers import OutputProblem, open_writer, parquet_available

    reference = _parse_date(published, "--published")
    if kernel is not None:
        # through the environment, so that the worker processes load on the same kernel
        os.environ[KERNEL_VARIABLE] = kernel.value
    if output is not None and str(output) == "-":
        output = None  # "-o -": standard output, as the default is
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise _usage(f"unknown encoding {encoding!r}", "--encoding") from None
    if fmt is None:
        suffix = output.suffix.lower() if output is not None else ""
        by_suffix = {
            ".csv": OutputFormat.csv,
            ".parquet": OutputFormat.parquet,
            ".json": OutputFormat.json,
            ".geojson": OutputFormat.geojson,
        }
        fmt = by_suffix.get(suffix, OutputFormat.jsonl)
    if out_dir is not None and output is not None:
        raise _usage("give either -o/--output or --out-dir, not both", "--out-dir")
    if out_dir is not None and fmt is not OutputFormat.jsonl:
        raise _usage(
            "--out-dir writes JSON files; it does not take --format csv, parquet or geojson", "--format"
        )
    if fmt is OutputFormat.parquet:
        if not parquet_available():
            raise _usage(
                "Parquet output needs pyarrow: pip install 'briefing-extractor[parquet]'", "--format"
            )
        if output is None:
            raise _usage("Parquet output needs a file: -o run.parquet", "--format")
    if resume and fmt is not OutputFormat.jsonl:
        raise _usage("works with JSONL output (-o run.jsonl) and --out-dir", "--resume")
    if resume and output is None and out_dir is None:
        raise _usage("needs an output to resume: -o run.jsonl or --out-dir", "--resume")
    if paths.count("-") > 1:
        raise _usage("standard input ('-') can be read once", "PATHS")
    for target, option in ((output, "--output"), (errors, "--errors")):
        _require_folder_of(target, option)
    if dask is not None and workers is not None:
        raise _usage("give either --workers or --dask: the cluster's workers do the work", "--dask")

    options = ReadOptions(
        max_chars=max_chars,
        glob=tuple(glob or ()),
        exclude=tuple(exclude or ()),
        encoding=encoding,
        fields=RecordFields(
            text=text_field, id=id_field, published=published_field, title=title_field, url=url_field
        ),
        stdin_format=stdin_format.value,
    )
    with contextlib.ExitStack() as stack:
        errors_file = None
        if errors is not None:
            errors_file = stack.enter_context(open(errors, "a" if resume else "w", encoding="utf-8"))
        reporter = Reporter(quiet=quiet, errors_file=errors_file)
        try:
            writer = open_writer(fmt.value, output, out_dir, resume=resume, include_text=include_text)
        except (OSError, OutputProblem) as err:
            reporter.error(str(out_dir or output), "output", str(getattr(err, "message", err)))
            raise typer.Exit(EXIT_USAGE) from None
        # the run's own outputs are never its inputs, even inside an input folder
        options.skip_paths = frozenset(os.path.abspath(p) for p in (output, out_dir, errors) if p is not None)
        reader = InputReader(options)
        if getattr(writer, "dropped_partial_line", False):
            reporter.note(f"{output}: dropped a partial last line; its document is redone")
        if not quiet and reporter.console.is_terminal:
            reporter.start(count_files(paths, InputReader(options)))
        try:
            summary = run(
                reader.read(paths),
                writer,
                reporter,
                published=reference,
                model=model,
                include_text=include_text,
                workers=workers or default_workers(),
                resume=resume,
                dask_address=dask,
            )
        except DaskUnavailable as err:
            reporter.error("dask", "dask", str(err))
            raise typer.Exit(EXIT_USAGE) from None
        except SchedulerUnreachable as err:
            reporter.error(dask or "dask", "dask", str(err))
            raise typer.Exit(EXIT_INPUT_FAILED) from None
        except PipelineUnavailable as err:
            reporter.error("pipeline", "pipeline", str(err))
            raise typer.Exit(EXIT_USAGE) from None
        except WorkerDied as err:
            reporter.error("workers", "worker_died", str(err))
            raise typer.Exit(EXIT_INPUT_FAILED) from None
        except BrokenPipeError:
            # the reader of standard output went away (`| head`): stop quietly
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except RunStopped as stop:
            reporter.notice(_stopped_message(stop, fmt, output, out_dir))
            raise typer.Exit(EXIT_TERMINATED if stop.terminated else EXIT_INTERRUPTED) from None
        except KeyboardInterrupt:
            reporter.notice("interrupted before any document was finished")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except OSError as err:
            reporter.error(str(output or out_dir or "stdout"), "output", f"cannot write the output: {err}")
            raise typer.Exit(EXIT_INPUT_FAILED) from None
        summary.files_read = reader.files_read
        _report_inputs(reporter, reader, paths, summary)
        reporter.note(summary.line())
    raise typer.Exit(EXIT_INPUT_FAILED if summary.errors else EXIT_OK)


def _stopped_message(stop, fmt: OutputFormat, output: Path | None, out_dir: Path | None) -> str:
    """What an interrupted run left, and how to go on from there: --resume only where it works."""
    done = f"{stop} after {stop.summary.documents} documents"
    target = out_dir or output
    if target is None:
        return f"{done}; each was written whole to standard output"
    if fmt is OutputFormat.jsonl:
        return f"{done}, each written whole to {target}; run again with --resume to do the rest"
    return (
        f"{done}, written to {target}; {fmt.value.upper()} output cannot be resumed: run again to redo "
        "everything, or write JSONL (-o run.jsonl) to be able to --resume"
    )


def _report_inputs(reporter, reader, paths: list[str], summary) -> None:
    """Notes the earlier outputs left out; an error (exit 1) when no input file was found at all."""
    from extractor.readers import INPUT_SUFFIXES

    skipped = reader.earlier_outputs
    if skipped:
        shown = ", ".join(skipped[:3]) + (", ..." if len(skipped) > 3 else "")
        reporter.note(f"skipped {len(skipped)} earlier output(s) of briefing-extractor: {shown}")
    if summary.files_read or summary.errors:
        return
    options = reader.options
    if options.glob:
        message = "no file matched --glob " + " ".join(repr(g) for g in options.glob)
    else:
        message = f"no input file found (read: {' '.join(INPUT_SUFFIXES)}; hidden files left out)"
    if options.exclude:
        message += " after --exclude " + " ".join(repr(e) for e in options.exclude)
    reporter.error(" ".join(paths), "no_inputs", message)
    summary.errors += 1


@app.command(cls=PlainHelpCommand)
def schema(
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            metavar="DIR",
            help=f"Write {SCHEMA_FILE} into this folder instead of printing it.",
            file_okay=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of one output record."""
    from extractor.models import json_schema
    from extractor.writers import write_json_file

    document = json_schema()
    if write is None:
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    target = write / SCHEMA_FILE
    write_json_file(target, document)
    typer.echo(f"wrote {target}", err=True)


@app.command(cls=PlainHelpCommand)
def evaluate(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            help="Folder of <id>.txt, <id>.gold.json and optional <id>.meta.json.",
            metavar="GOLD_DIR",
            exists=True,
            file_okay=False,
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scores as JSON instead of a table.")
    ] = False,
    model: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="spaCy English pipeline to load [default: en_core_web_sm]."),
    ] = None,
) -> None:
    """Extract from every document of a gold folder and score the claims and speakers found."""
    try:
        from extractor.evaluate import evaluate_folder, gold_documents
    except ImportError as err:
        typer.echo(f"error: evaluation is not available in this installation ({err})", err=True)
        raise typer.Exit(EXIT_INPUT_FAILED) from None
    if next(iter(gold_documents(gold_dir)), None) is None:
        typer.echo(f"error: {gold_dir}: no gold files (<id>.gold.json) to score against", err=True)
        raise typer.Exit(EXIT_INPUT_FAILED)
    from extractor.runner import shared_extractor

    try:
        extractor = shared_extractor(model)
        extractor.include_text = False
    except Exception as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    report = evaluate_folder(gold_dir, extractor)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(report.as_table())


class LedgerFormat(str, Enum):
    csv = "csv"
    json = "json"


@app.command(cls=PlainHelpCommand)
def ledger(
    runs: Annotated[
        list[Path],
        typer.Argument(metavar="RUN", help="JSONL runs written by `extract` (or JSON files, folders, '-')."),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Ledger file (default: standard output).", dir_okay=False
        ),
    ] = None,
    fmt: Annotated[
        LedgerFormat | None,
        typer.Option(
            "--format", metavar="FORMAT", help="csv or json [default: from the output's suffix, else csv]."
        ),
    ] = None,
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot", metavar="DIR", help="Write one PNG chart per series into this folder.", file_okay=False
        ),
    ] = None,
) -> None:
    """Follow each claimant's figures across reports, merge repeated reports, and flag what does not add
    up. Exit code 0: all inputs read; 1: some input lines were bad (each reported); 2: bad usage."""
    from extractor.ledger import run_ledger

    raise typer.Exit(run_ledger(runs, output, fmt.value if fmt else None, plot))


def main(args: list[str] | None = None) -> None:
    """The console script: runs the command line and exits with its code."""
    app(args=args if args is not None else sys.argv[1:], prog_name="briefing-extractor")
