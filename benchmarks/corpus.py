"""A reproducible briefing-style benchmark corpus: documents built from templates written for this project,
plus the texts of ../shared/corpus when that folder exists."""

from __future__ import annotations

import datetime as dt
import os
import random
from collections.abc import Iterator
from pathlib import Path

# the project's shared corpus beside the repository; BENCHMARK_SHARED_CORPUS points elsewhere
SHARED_CORPUS = Path(
    os.environ.get("BENCHMARK_SHARED_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus"
)

PLACES = [
    "Kherson",
    "the Donetsk region",
    "Helmand province",
    "the Andar district",
    "Bakhmut",
    "the northern sector",
    "Kandahar",
    "the coastal area",
    "Zaporizhzhia",
    "the eastern front",
    "Nangarhar province",
    "the border crossing",
]
FORCES = [
    "the Ukrainian forces",
    "coalition troops",
    "an Afghan and coalition security force",
    "the air defence units",
    "the navy",
    "the 93rd Mechanized Brigade",
    "government forces",
    "the joint task force",
]
SPEAKERS = [
    ("Colonel", "Maria Kovalenko", "the spokeswoman for the General Staff"),
    ("Maj. Gen.", "Daniel Hartley", "the deputy commander of the joint command"),
    ("Lt. Col.", "Oleh Bondar", "a spokesman for the southern command"),
    ("Captain", "Sarah Whitfield", "the coalition press officer"),
    ("General", "Andriy Melnyk", "the commander of the ground forces"),
    ("Defence Minister", "Ivan Petrenko", "the head of the ministry"),
]
ORGS = ["the General Staff", "the Ministry of Defence", "the joint command", "the regional administration"]
UNITS = ["tanks", "armoured vehicles", "artillery systems", "drones", "helicopters", "trucks", "boats"]
WEAPONS = ["cruise missiles", "attack drones", "rockets", "ballistic missiles", "guided bombs"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
VAGUE = ["about", "more than", "nearly", "at least", "some", "up to", "over"]

# Each template is one sentence of the kind the extractor reads; {slots} are filled at random.
SENTENCES = [
    "{force_cap} destroyed {n_word} enemy {unit} near {place} on {weekday}, {speaker_full} said.",
    "According to {org}, {n} {unit} and {n2} {unit2} were hit during the past {n_small} days.",
    "{speaker_full} told reporters that {vague} {n_big} soldiers had been killed since {month} {day}.",
    "Air defence shot down {n} of {n_big} {weapon} launched overnight, {org} reported.",
    "The total combat losses of the enemy since {month} {day}, {year} amount to {n_huge} personnel "
    "(+{n_small}).",
    "{unit_cap} -- {n_big} (+{n_small})",
    "On {month} {day}, {force} detained {n_word} suspected insurgents in {place}.",
    "No civilians were harmed during the operation, {speaker_title} {speaker_name} added.",
    '"We have lost {n_small} positions but regained {n_word} villages," {speaker_name} said on {weekday}.',
    "{vague_cap} {n_big} people were wounded in shelling of {place} last week, the regional governor said.",
    "The security force also seized {n_word} weapons caches containing {n_big} rounds of ammunition.",
    "In the last 24 hours, {force} repelled {n_small} attacks near {place}.",
    "{org_cap} said {n} {weapon} had been intercepted between {month} {day} and {month} {day2}.",
    "Roughly {n_big} tonnes of supplies reached {place} by {weekday} evening.",
    "{speaker_title} {speaker_name}, {speaker_role}, said the strikes killed {n_word} commanders.",
    "Since the start of the year, {force} have cleared {n_big} square kilometres around {place}.",
    "Heavy fighting continued in {place} for a {ordinal} straight day, with {n_small} clashes recorded.",
    "The convoy of {n} {unit} was spotted {n_small} kilometres north of {place} on {month} {day}.",
    "{n_word_cap} sailors were rescued after the {ordinal} boat sank off {place}, the navy said.",
    "Officials estimate that {vague} {n_huge} residents have left {place} since {year}.",
]
ORDINALS = ["second", "third", "fourth", "fifth", "tenth"]
MONTHS = [
    "January",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "December",
]
DATELINE_PLACES = ["KYIV, Ukraine", "KABUL, Afghanistan", "BRUSSELS", "WASHINGTON", "ODESA, Ukraine"]


def _fill(template: str, rng: random.Random) -> str:
    title, name, role = rng.choice(SPEAKERS)
    force = rng.choice(FORCES)
    org = rng.choice(ORGS)
    unit = rng.choice(UNITS)
    n_word = rng.choice(NUMBER_WORDS)
    vague = rng.choice(VAGUE)
    day = rng.randint(1, 27)
    values = {
        "force": force,
        "force_cap": force[0].upper() + force[1:],
        "place": rng.choice(PLACES),
        "speaker_full": f"{title} {name}, {role},",
        "speaker_title": title,
        "speaker_name": name,
        "speaker_role": role,
        "org": org,
        "org_cap": org[0].upper() + org[1:],
        "unit": unit,
        "unit_cap": unit[0].upper() + unit[1:],
        "unit2": rng.choice([u for u in UNITS if u != unit]),
        "weapon": rng.choice(WEAPONS),
        "n": rng.randint(2, 60),
        "n2": rng.randint(2, 30),
        "n_small": rng.randint(1, 14),
        "n_big": rng.randint(20, 950),
        "n_huge": f"{rng.randint(1_000, 350_000):,}",
        "n_word": n_word,
        "n_word_cap": n_word[0].upper() + n_word[1:],
        "vague": vague,
        "vague_cap": vague[0].upper() + vague[1:],
        "weekday": rng.choice(WEEKDAYS),
        "month": rng.choice(MONTHS),
        "day": day,
        "day2": day + rng.randint(1, 3),
        "year": rng.randint(2011, 2024),
        "ordinal": rng.choice(ORDINALS),
    }
    return template.format(**values)


def generated_document(rng: random.Random, sentences: tuple[int, int] = (4, 10)) -> tuple[str, str]:
    """(text, published ISO date) of one made-up briefing: a dateline, then paragraphs of template
    sentences."""
    published = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))
    count = rng.randint(*sentences)
    lines = [f"{rng.choice(DATELINE_PLACES)} ({published:%b}. {published.day}, {published.year}) -"]
    paragraph: list[str] = []
    for _ in range(count):
        paragraph.append(_fill(rng.choice(SENTENCES), rng))
        if len(paragraph) >= rng.randint(1, 3):
            lines.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        lines.append(" ".join(paragraph))
    lines[0] = lines[0] + " " + lines.pop(1) if len(lines) > 1 else lines[0]
    return "\n\n".join(lines), published.isoformat()


def shared_texts() -> list[tuple[str, str]]:
    """(name, text) of every ../shared/corpus/*/*.txt, sorted by path; empty when the folder is absent."""
    if not SHARED_CORPUS.is_dir():
        return []
    return [
        (f"{path.parent.name}/{path.stem}", path.read_text(encoding="utf-8", errors="replace"))
        for path in sorted(SHARED_CORPUS.glob("*/*.txt"))
    ]


def benchmark_documents(generated: int, *, seed: int = 7, include_shared: bool = True) -> list[dict]:
    """The throughput corpus: `generated` template documents, then the shared corpus texts; each a dict
    with doc_id, text and (for generated ones) published."""
    rng = random.Random(seed)
    documents = []
    for index in range(generated):
        text, published = generated_document(rng)
        documents.append({"doc_id": f"gen-{index:05d}", "text": text, "published": published})
    if include_shared:
        for name, text in shared_texts():
            documents.append({"doc_id": name, "text": text, "published": None})
    return documents


def short_documents(count: int, *, seed: int = 11) -> Iterator[dict]:
    """`count` short generated documents (two to four sentences), made lazily so that holding the inputs
    costs no memory: for the peak-RSS runs."""
    rng = random.Random(seed)
    for index in range(count):
        text, published = generated_document(rng, sentences=(2, 4))
        yield {"doc_id": f"short-{index:06d}", "text": text, "published": published}


def word_count(text: str) -> int:
    return len(text.split())


def long_document(characters: int, *, seed: int = 5) -> tuple[str, str]:
    """(text, published ISO date) of one document of about `characters` characters: the shared corpus's
    texts one after another (datelines, headings and page furniture included), then generated briefings
    where that folder is absent or runs out; for the time of long documents against short ones."""
    rng = random.Random(seed)
    parts: list[str] = []
    held = 0
    texts = iter(text for _, text in shared_texts())
    while held < characters:
        text = next(texts, None) or generated_document(rng, sentences=(20, 40))[0]
        parts.append(text.strip())
        held += len(parts[-1]) + 2
    return "\n\n".join(parts)[:characters], "2016-03-09"
