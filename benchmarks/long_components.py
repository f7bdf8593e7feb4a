"""Processor seconds of our components on one long document's pieces, each piece parsed once by the
statistical pipeline and kept (Doc.to_bytes) in a cache folder, so that a change to our code is timed
without parsing again; with `--profile`, a cProfile of our components. Linear code takes 4x the time for
4x the text.

    .venv/bin/python benchmarks/long_components.py 150000 600000 [--cache /tmp/long-pieces] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pickle
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import long_document  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from extractor.pieces import PIECE_CHARS, piece_bounds  # noqa: E402
from extractor.pipeline import COMPONENTS, build_pipeline, make_document  # noqa: E402


def parsed_pieces(nlp: Language, characters: int, cache: Path) -> tuple[list[bytes], float]:
    """The serialized pieces of the long document after every pipe but ours, and the seconds those
    took (read from the cache when there)."""
    path = cache / f"pieces_{characters}_{PIECE_CHARS}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    text, published = long_document(characters)
    pieces, seconds = [], 0.0
    for start, end in piece_bounds(text, PIECE_CHARS):
        doc = make_document(nlp, text[start:end], dt.date.fromisoformat(published), "header")
        began = time.process_time()
        for name, pipe in nlp.pipeline:
            if name not in COMPONENTS:
                doc = pipe(doc)
        seconds += time.process_time() - began
        pieces.append(doc.to_bytes())
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps((pieces, seconds)))
    return pieces, seconds


def our_seconds(nlp: Language, pieces: list[bytes], profile: cProfile.Profile | None) -> dict[str, float]:
    """Processor seconds of each of our components over the pieces."""
    seconds = dict.fromkeys(COMPONENTS, 0.0)
    for data in pieces:
        doc = Doc(nlp.vocab).from_bytes(data)
        for name in COMPONENTS:
            pipe = nlp.get_pipe(name)
            began = time.process_time()
            if profile is not None:
                profile.enable()
            doc = pipe(doc)
            if profile is not None:
                profile.disable()
            seconds[name] += time.process_time() - began
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("characters", type=int, nargs="+", help="document sizes")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/long-pieces"), help="parsed pieces' folder")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of our components")
    args = parser.parse_args()
    nlp, _ = build_pipeline()
    nlp.max_length = max(nlp.max_length, PIECE_CHARS + 1)
    for characters in args.characters:
        pieces, statistical = parsed_pieces(nlp, characters, args.cache)
        profile = cProfile.Profile() if args.profile else None
        seconds = our_seconds(nlp, pieces, profile)
        print(
            f"{characters} characters, {len(pieces)} pieces: other pipes {statistical:.1f} s, ours "
            f"{sum(seconds.values()):.1f} s"
        )
        print("  " + ", ".join(f"{name.removeprefix('briefing_')} {s:.2f}" for name, s in seconds.items()))
        if profile is not None:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
