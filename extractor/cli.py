"""The command line: `extract` (files and folders to records), `evaluate` (scores against gold), `schema`,
`ledger` (series of figures across reports)."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import json
import os
import sys
from dataclasses import dataclass
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


# the options of `extract`, named here so that the command reads as one line per option
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files and folders to read (folders recursively); '-' reads standard input.",
        metavar="PATH",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Output file; '-' or none: standard output.", dir_okay=False
    ),
]
OutDirOption = Annotated[
    Path | None,
    typer.Option(
        "--out-dir",
        metavar="DIR",
        help="Write one JSON file per document, DIR/<doc_id>.json.",
        file_okay=False,
    ),
]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="jsonl, json (one array), csv (one row per claim), parquet or geojson (a Point per placed "
        "claim); default from -o's suffix.",
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="Publication date (YYYY-MM-DD) for inputs whose metadata gives none."),
]
ResumeOption = Annotated[
    bool, typer.Option("--resume", help="Skip documents already in the output (same doc_id and text).")
]
IncludeTextOption = Annotated[
    bool, typer.Option("--include-text", help="Add the decoded text to each record.")
]
ErrorsOption = Annotated[
    Path | None,
    typer.Option(
        "--errors", metavar="FILE", help="Write one JSON line per failed input to this file.", dir_okay=False
    ),
]
MaxCharsOption = Annotated[
    int,
    typer.Option(
        "--max-chars", metavar="N", min=1, help="Refuse documents longer than this many characters."
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-j",
        metavar="N",
        min=1,
        help="Worker processes, each loading the pipeline once [default: cores].",
    ),
]
DaskOption = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="ADDRESS",
        help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
        "needs briefing-extractor[dask].",
    ),
]
GlobOption = Annotated[
    list[str] | None,
    typer.Option(
        "--glob",
        metavar="PATTERN",
        help="Only files matching this gitignore-style pattern in folders ('**/*.txt'; "
        "'!x' leaves out x; repeatable).",
    ),
]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude", metavar="PATTERN", help="Skip files and folders matching this pattern (repeatable)."
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(metavar="CODEC", help="Decode every input with this codec instead of detecting it."),
]
StdinFormatOption = Annotated[StdinFormat, typer.Option(metavar="FORMAT", help="What '-' reads.")]
TextFieldOption = Annotated[str, typer.Option(metavar="FIELD", help="JSON/JSONL field holding the text.")]
IdFieldOption = Annotated[str, typer.Option(metavar="FIELD", help="JSON/JSONL field holding the doc_id.")]
PublishedFieldOption = Annotated[
    str, typer.Option(metavar="FIELD", help="JSON/JSONL field holding the published date.")
]
TitleFieldOption = Annotated[str, typer.Option(metavar="FIELD", help="JSON/JSONL field holding the title.")]
UrlFieldOption = Annotated[str, typer.Option(metavar="FIELD", help="JSON/JSONL field holding the address.")]
ModelOption = Annotated[
    str | None,
    typer.Option(metavar="NAME", help="spaCy English pipeline to load [default: en_core_web_sm]."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")]
KernelOption = Annotated[
    Kernel | None,
    typer.Option(
        help="Matrix kernel of the English pipeline; auto: the faster on this machine, found by a short "
        "probe and cached [default: $BRIEFING_EXTRACTOR_KERNEL, else auto]."
    ),
]

FORMAT_BY_SUFFIX = {
    ".csv": OutputFormat.csv,
    ".parquet": OutputFormat.parquet,
    ".json": OutputFormat.json,
    ".geojson": OutputFormat.geojson,
}


@dataclass
class ExtractRequest:
    """What `extract` was asked to do, once its options are read and checked."""

    paths: list[str]
    output: Path | None
    out_dir: Path | None
    fmt: OutputFormat
    errors: Path | None
    resume: bool
    include_text: bool
    quiet: bool
    workers: int | None
    dask: str | None
    model: str | None
    published: dt.date | None


@app.command(cls=PlainHelpCommand)
def extract(
    paths: PathsArgument,
    output: OutputOption = None,
    out_dir: OutDirOption = None,
    fmt: FormatOption = None,
    published: PublishedOption = None,
    resume: ResumeOption = False,
    include_text: IncludeTextOption = False,
    errors: ErrorsOption = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    workers: WorkersOption = None,
    dask: DaskOption = None,
    glob: GlobOption = None,
    exclude: ExcludeOption = None,
    encoding: EncodingOption = None,
    stdin_format: StdinFormatOption = StdinFormat.txt,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    published_field: PublishedFieldOption = "published",
    title_field: TitleFieldOption = "title",
    url_field: UrlFieldOption = "url",
    model: ModelOption = None,
    quiet: QuietOption = False,
    kernel: KernelOption = None,
) -> None:
    """Extract claims from files and folders (.txt, .md, .markdown, .html, .json, .jsonl, .csv) into JSONL,
    a JSON array, JSON files, CSV or Parquet. Exit code 0: all inputs processed; 1: some inputs failed (each
    reported on stderr) or none was found; 2: bad usage."""
    from extractor.readers import ReadOptions, RecordFields

    _use_kernel(kernel)
    output, fmt = _output_and_format(output, fmt)
    _check_encoding(encoding)
    request = ExtractRequest(
        paths=paths,
        output=output,
        out_dir=out_dir,
        fmt=fmt,
        errors=errors,
        resume=resume,
        include_text=include_text,
        quiet=quiet,
        workers=workers,
        dask=dask,
        model=model,
        published=_parse_date(published, "--published"),
    )
    _check_request(request)
    fields = RecordFields(
        text=text_field, id=id_field, published=published_field, title=title_field, url=url_field
    )
    options = ReadOptions(
        max_chars=max_chars,
        glob=tuple(glob or ()),
        exclude=tuple(exclude or ()),
        encoding=encoding,
        fields=fields,
        stdin_format=stdin_format.value,
    )
    raise typer.Exit(_run_extract(request, options))


def _use_kernel(kernel: Kernel | None) -> None:
    if kernel is not None:
        # through the environment, so that the worker processes load on the same kernel
        os.environ[KERNEL_VARIABLE] = kernel.value


def _output_and_format(output: Path | None, fmt: OutputFormat | None) -> tuple[Path | None, OutputFormat]:
    """The output file (None: standard output, which "-o -" also asks for) and its format, by default from
    the file's suffix."""
    if output is not None and str(output) == "-":
        output = None
    if fmt is None:
        fmt = FORMAT_BY_SUFFIX.get(output.suffix.lower() if output is not None else "", OutputFormat.jsonl)
    return output, fmt


def _check_encoding(encoding: str | None) -> None:
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise _usage(f"unknown encoding {encoding!r}", "--encoding") from None


def _check_request(request: ExtractRequest) -> None:
    """A usage error (exit 2, nothing read) for options that do not go together."""
    from extractor.writers import parquet_available

    fmt, output, out_dir = request.fmt, request.output, request.out_dir
    if out_dir is not None and output is not None:
        raise _usage("give either -o/--output or --out-dir, not both", "--out-dir")
    if out_dir is not None and fmt is not OutputFormat.jsonl:
        raise _usage(
            "--out-dir writes JSON files; it does not take --format csv, parquet or geojson", "--format"
        )
    if fmt is OutputFormat.parquet and not parquet_available():
        raise _usage("Parquet output needs pyarrow: pip install 'briefing-extractor[parquet]'", "--format")
    if fmt is OutputFormat.parquet and output is None:
        raise _usage("Parquet output needs a file: -o run.parquet", "--format")
    if request.resume and fmt is not OutputFormat.jsonl:
        raise _usage("works with JSONL output (-o run.jsonl) and --out-dir", "--resume")
    if request.resume and output is None and out_dir is None:
        raise _usage("needs an output to resume: -o run.jsonl or --out-dir", "--resume")
    if request.paths.count("-") > 1:
        raise _usage("standard input ('-') can be read once", "PATHS")
    for target, option in ((output, "--output"), (request.errors, "--errors")):
        _require_folder_of(target, option)
    if request.dask is not None and request.workers is not None:
        raise _usage("give either --workers or --dask: the cluster's workers do the work", "--dask")


def _run_extract(request: ExtractRequest, options) -> int:
    """Reads the inputs into the writer and returns the exit code; the errors file is closed however the
    run ends."""
    from extractor.readers import InputReader
    from extractor.runner import Reporter, count_files
    from extractor.writers import OutputProblem, open_writer

    output, out_dir = request.output, request.out_dir
    with contextlib.ExitStack() as stack:
        errors_file = None
        if request.errors is not None:
            mode = "a" if request.resume else "w"
            errors_file = stack.enter_context(open(request.errors, mode, encoding="utf-8"))
        reporter = Reporter(quiet=request.quiet, errors_file=errors_file)
        try:
            writer = open_writer(
                request.fmt.value, output, out_dir, resume=request.resume, include_text=request.include_text
            )
        except (OSError, OutputProblem) as err:
            reporter.error(str(out_dir or output), "output", str(getattr(err, "message", err)))
            return EXIT_USAGE
        # the run's own outputs are never its inputs, even inside an input folder
        options.skip_paths = frozenset(
            os.path.abspath(p) for p in (output, out_dir, request.errors) if p is not None
        )
        reader = InputReader(options)
        if getattr(writer, "dropped_partial_line", False):
            reporter.note(f"{output}: dropped a partial last line; its document is redone")
        if not request.quiet and reporter.console.is_terminal:
            reporter.start(count_files(request.paths, InputReader(options)))
        summary = _run_batch(request, reader, writer, reporter)
        summary.files_read = reader.files_read
        _report_inputs(reporter, reader, request.paths, summary)
        reporter.note(summary.line())
    return EXIT_INPUT_FAILED if summary.errors else EXIT_OK


def _run_batch(request: ExtractRequest, reader, writer, reporter):
    """The run itself; each way it can stop early is told to the user and ends the command with its code."""
    from extractor.runner import default_workers, run

    try:
        return run(
            reader.read(request.paths),
            writer,
            reporter,
            published=request.published,
            model=request.model,
            include_text=request.include_text,
            workers=request.workers or default_workers(),
            resume=request.resume,
            dask_address=request.dask,
        )
    except BrokenPipeError:
        # the reader of standard output went away (`| head`): stop quietly
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_BROKEN_PIPE) from None
    except KeyboardInterrupt:
        reporter.notice("interrupted before any document was finished")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Exception as err:
        raise typer.Exit(_stop_code(err, request, reporter)) from None


def _stop_code(err: Exception, request: ExtractRequest, reporter) -> int:
    """The message and exit code of a run that could not go on; anything else is raised again."""
    from extractor.distributed import DaskUnavailable, SchedulerUnreachable
    from extractor.runner import PipelineUnavailable, RunStopped, WorkerDied

    if isinstance(err, RunStopped):
        reporter.notice(_stopped_message(err, request.fmt, request.output, request.out_dir))
        return EXIT_TERMINATED if err.terminated else EXIT_INTERRUPTED
    known = (
        (DaskUnavailable, "dask", "dask", EXIT_USAGE),
        (SchedulerUnreachable, request.dask or "dask", "dask", EXIT_INPUT_FAILED),
        (PipelineUnavailable, "pipeline", "pipeline", EXIT_USAGE),
        (WorkerDied, "workers", "worker_died", EXIT_INPUT_FAILED),
    )
    for kind, source, label, code in known:
        if isinstance(err, kind):
            reporter.error(source, label, str(err))
            return code
    if isinstance(err, OSError):
        target = str(request.output or request.out_dir or "stdout")
        reporter.error(target, "output", f"cannot write the output: {err}")
        return EXIT_INPUT_FAILED
    raise err


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
