"""The geo finder: each claim's `geo` from the gazetteer; a district joined to its report's province."""

from __future__ import annotations

import bisect
import collections
import re
from typing import NamedTuple

from spacy.attrs import ENT_TYPE, IS_TITLE, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.capitals import capital_named, country_of_form
from extractor.components.document import entities_in, sentence_spans
from extractor.factories import evaluated_annotations
from extractor.gazetteer import CITY_POPULATION, Gazetteer, GazetteerEntry, gazetteer
from extractor.vocabulary import load_data, place_kind_words, require

PLACES_GROUP = "places"
# the roles of the place mentions that say which country a report is about: where things happened and
# where the report was filed, not whose forces ("Russia's defence ministry") or who spoke
CONTEXT_ROLES = frozenset({"where", "dateline"})
_PATTERNS = load_data("place_patterns")
_KIND_WORDS = require(_PATTERNS, "kind_words", dict, "place_patterns.json")
NAME_PARTICLES = frozenset(require(_PATTERNS, "name_particles", list, "place_patterns.json"))
KIND_OF_WORD = place_kind_words()
# the words of a province's kind, "countryside" among them (which KIND_OF_WORD gives an area's kind too)
PROVINCE_WORDS = frozenset(require(_KIND_WORDS, "province", list, "place_patterns.json"))
FEATURE_WORDS = frozenset(require(_PATTERNS, "feature_words", list, "place_patterns.json"))
NAMING_PREPOSITIONS = frozenset(require(_PATTERNS, "naming_prepositions", list, "place_patterns.json"))
WATER_EDGE_WORDS = require(
    require(_PATTERNS, "water_edge_words", dict, "place_patterns.json"), "words", list, "place_patterns.json"
)


def _any_word(key: str) -> str:
    """A regular expression group matching any word of place_patterns.json's list `key`."""
    return "(?:" + "|".join(map(re.escape, require(_PATTERNS, key, list, "place_patterns.json"))) + ")"


# "15 km east of Palmyra", "the outskirts of Raqqa": the named place follows the last "of"
NAMED_AFTER_OF = re.compile(
    rf"^.*\b{_any_word('naming_prepositions')}\s+(?:{_any_word('definite_articles')}\s+)?", re.IGNORECASE
)
# "the banks of the Volga", "the left bank of the Dnipro": the name of the water an edge word is of
NAMED_WATER = re.compile(
    rf"(?i:\b(?:{'|'.join(map(re.escape, WATER_EDGE_WORDS))})\s+{_any_word('naming_prepositions')}\s+"
    rf"(?:{_any_word('definite_articles')}\s+)?)([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)"
)
_BORDERS = require(_PATTERNS, "border_words", dict, "place_patterns.json")
_BORDER_WORD = "(?:" + "|".join(map(re.escape, require(_BORDERS, "words", list, "place_patterns.json"))) + ")"
_COUNTRY_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+)?[A-Z][\w'\u2019.-]*)*"
# "the border with Chad", "the Chad border": the country on the other side of the border
NEIGHBOURS = (
    re.compile(
        rf"\b{_BORDER_WORD}\s+(?:{'|'.join(require(_BORDERS, 'prepositions', list, 'place_patterns.json'))})"
        rf"\s+(?:{_any_word('definite_articles')}\s+)?(?P<name>{_COUNTRY_NAME})",
        re.IGNORECASE,
    ),
    re.compile(rf"(?P<name>{_COUNTRY_NAME})\s+(?i:{_BORDER_WORD})\b"),
)
# the kinds of place that a province the report names may contain
JOINED_KINDS = frozenset({"district", "town", "area"})
LEADING_ARTICLE = re.compile(rf"^{_any_word('leading_articles')}\s+", re.IGNORECASE)
POSSESSIVE_END = re.compile(r"['\u2019]s$")
# "state" -> the countries whose first-level divisions are states (ISO 3166-2, scripts/make_division_words.py)
DIVISION_COUNTRIES = {
    word: frozenset(codes)
    for word, codes in require(load_data("division_words"), "countries", dict, "division_words.json").items()
}
# a name known in one country only, as a place of this many people or more, is that place whatever country
# the report names ("Brussels", "Kilis"): the population tier the gazetteer keeps for every country
WELL_KNOWN_POPULATION = 100_000
# below this many people (or none recorded), a town found only by a respelling may be any hamlet: the tier of
# the towns whose names scripts/derive_misread_places.py reads
HAMLET_POPULATION = 5_000


def _names_to_try(link: str) -> list[tuple[str, str | None]]:
    """The names a link of a location may be found under, with the kind of place it asks for: "Ghazni
    province" is the province Ghazni; "15 km east of Palmyra" is the town Palmyra."""
    name = NAMED_AFTER_OF.sub("", LEADING_ARTICLE.sub("", link.strip()))
    words = name.split()
    kind = KIND_OF_WORD.get(words[-1].lower()) if words else None
    wanted = kind if kind in ("province", "country") else "town"
    tries = [(" ".join(words[:-1]), wanted), (name, wanted)] if kind is not None and len(words) > 1 else []
    tries += [(name, "town")] if name and kind is None else []
    # "southern and northern countryside of Hama central province", "village of Hatla in the Deir ez-Zor
    # province": each proper name in it, the first (the most specific) first
    for run in _proper_names(link):
        if all(run != tried for tried, _ in tries):
            tries.append((run, wanted if run in name and kind is not None else "town"))
    waters = {m.group(1) for m in NAMED_WATER.finditer(link)}
    return [(tried, kind) for tried, kind in tries if tried not in waters]


def _proper_names(text: str) -> list[str]:
    """The runs of capitalized words (with the particles inside them) in a piece of text."""
    runs, current, possessors = [], [], set()
    for word in text.replace(",", " ").split():
        possessive = POSSESSIVE_END.search(word) or _country_without_apostrophe(word)
        if possessive is not None and word[:1].isupper():
            # "Falluja's medical center": the name, then the run ends
            possessors.add(len(runs))
            runs.append([*current, word[: possessive.start()]])
            current = []
        elif word[:1].isupper():
            current.append(word)
        elif current and (word.lower() in NAME_PARTICLES or word.lower().split("-")[0] in NAME_PARTICLES):
            current.append(word)  # "Deir ez-Zor", "Deir al-Zour"
        else:
            runs.append(current)
            current = []
    runs.append(current)
    runs = _possessed_first(runs, possessors)
    names = []
    for run in runs:
        while run and run[-1].lower() in NAME_PARTICLES:
            run = run[:-1]
        if run:
            names.append(" ".join(run))
    return names


def _possessed_first(runs: list[list[str]], possessors: set[int]) -> list[list[str]]:
    """ "Gaza's Jabalia", "Kharkiv's Saltivskyi district": the place a name's possessive holds is the more
    specific, and comes before it (`possessors`: the positions of the runs that end in a possessive)."""
    ordered: list[list[str]] = []
    held: list[list[str]] = []
    for k, run in enumerate(runs):
        if k in possessors:
            held.append(run)
        elif run:
            ordered += [run, *held]
            held = []
    return ordered + held


def _country_named(span: Span, index: Gazetteer) -> str | None:
    """The country a place mention names: the whole mention ("Syria"), else a name in it ("northern Syria",
    "Syria's Homs province")."""
    if span.label_ == "country":
        return index.country_code(span.text)
    return next((code for name in _proper_names(span.text) if (code := index.country_code(name))), None)


def _country_without_apostrophe(word: str) -> re.Match | None:
    """ "Syrias Idlib province", a country's possessive whose apostrophe a scraper dropped: where it ends."""
    if len(word) > 3 and word.endswith("s") and gazetteer().country_code(word[:-1]) is not None:
        return re.search(r"s$", word)
    return None


class ReportCountries:
    """The countries a document's place mentions name: per heading line ("Iraq" over a list of strikes), and
    the one it names most."""

    def __init__(self, doc: Doc, index: Gazetteer):
        group = doc.spans[PLACES_GROUP] if PLACES_GROUP in doc.spans else ()
        text = doc.text
        self.headings: list[tuple[int, str]] = []
        # the character ranges of list items whose lead names one country ("In Iraq, ... 5 strikes:")
        self.items: list[tuple[int, int, str]] = []
        self._item_starts: list[int] = []
        countries_at: list[tuple[int, str]] = []
        counts: collections.Counter[str] = collections.Counter()
        for span in group:
            if span._.place_role not in CONTEXT_ROLES:
                continue
            code = _country_named(span, index)
            if code is None or (neighbour_named(span.text, index) or (None,))[0] == code:
                continue  # "near the border with Chad": no place in Chad
            counts[code] += 1
            countries_at.append((span.start_char, code))
            line_start = text.rfind("\n", 0, span.start_char) + 1
            line_end = text.find("\n", span.end_char)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            if line.strip(" :-\u2013\u2014*#") == span.text:
                self.headings.append((span.start_char, code))
        if not counts:
            # no country named: the countries of the places it names that the gazetteer knows in one country
            for span in group:
                name = clean_place(span.text)
                if span._.place_role in CONTEXT_ROLES and name != name.lower():  # no "capital", "sea"
                    known = {e.country for e in index.candidates(name)}
                    # as written: a respelling found abroad says nothing of the report's country ("Hiraan")
                    if len(known) == 1 and index.known_as_written(name):
                        counts[known.pop()] += 1
        self.named = set(counts)
        self.main = counts.most_common(1)[0][0] if counts else None
        self.spoken_of = frozenset(self.named | _countries_spoken_of(doc, group, index))
        self._items_under_one_country_leads(doc, countries_at)

    def _items_under_one_country_leads(self, doc: Doc, countries_at: list[tuple[int, str]]) -> None:
        leads = doc._.list_leads if Doc.has_extension("list_leads") else None
        if not leads:
            return
        sentences = sentence_spans(doc)
        lead_country: dict[int, str | None] = {}  # each lead read once, however many items it has
        for lead in set(leads.values()):
            start, end = sentences[lead].start_char, sentences[lead].end_char
            named = {code for char, code in countries_at if start <= char < end}
            lead_country[lead] = named.pop() if len(named) == 1 else None
        for item, lead in leads.items():
            if lead_country[lead] is not None:
                self.items.append((sentences[item].start_char, sentences[item].end_char, lead_country[lead]))
        self.items.sort()
        self._item_starts = [start for start, _, _ in self.items]

    def at(self, char: int) -> str | None:
        """The country of the lead over the list item at character `char`, else of the heading over it,
        else the document's."""
        k = bisect.bisect_right(self._item_starts, char) - 1
        if k >= 0 and char < self.items[k][1]:
            return self.items[k][2]
        k = bisect.bisect_right([start for start, _ in self.headings], char) - 1
        return self.headings[k][1] if k >= 0 else self.main


#: the model's labels of nationalities and countries, whose words may name a country the report speaks of
COUNTRY_ENTITY_LABELS = frozenset({"NORP", "GPE"})


def _countries_spoken_of(doc: Doc, group, index: Gazetteer) -> set[str]:
    """The countries a report names in any role ("Russia's defence ministry") or by their adjective
    ("Iraqi jets", "Nigerian police"): no context for a place, only a preference between namesakes."""
    found = {code for span in group if (code := _country_named(span, index)) is not None}
    # the model's nationalities and countries, and a capitalized word it left unlabelled ("Nigeria: gunmen
    # kill 15", a headline's country before a colon)
    words = [ent.text for ent in entities_in(doc, labels=COUNTRY_ENTITY_LABELS)]
    # read from the document's arrays, each different word once: a Token made for each word cost more than
    # the rest of the lookup
    flags = doc.to_array([IS_TITLE, ENT_TYPE, ORTH])
    unlabelled = set(flags[(flags[:, 0] == 1) & (flags[:, 1] == 0), 2].tolist())
    words += [doc.vocab.strings[orth] for orth in unlabelled]
    for word in set(words):
        name = country_of_form(word)
        code = index.country_code(name) if name is not None else None
        if code is not None:
            found.add(code)
    return found


def _as_geo(entry: GazetteerEntry) -> dict:
    return {
        "name": entry.name,
        "country": entry.country,
        "admin1": entry.admin1,
        "lat": entry.lat,
        "lon": entry.lon,
        "source": entry.source,
    }


def _one_division(name: str, index: Gazetteer) -> bool:
    """A name that is a first-level division of one country and nothing else ("Florida" in a report on
    Ukraine): no ambiguity to settle by the report's country."""
    found = index.candidates(name)
    return bool(found) and all(e.kind == "province" for e in found) and len({e.country for e in found}) == 1


def _well_known(name: str, index: Gazetteer) -> bool:
    """A name of one country only, and there a large town or a division ("Brussels" in a report on Iraq,
    "Kilis" in one on Syria): its country needs no naming in the report."""
    found = index.candidates(name)
    return (
        bool(found)
        and len({e.country for e in found}) == 1
        and any(e.kind == "province" or e.population >= WELL_KNOWN_POPULATION for e in found)
    )


def resolve_location(
    location: str,
    country: str | None,
    named: set[str],
    index: Gazetteer,
    spoken_of: frozenset[str] = frozenset(),
) -> dict | None:
    """`geo` for a claim's location: the most specific link of it the gazetteer knows, in the context's
    country (or another country the report names); else only the context's country, with no coordinates.
    `spoken_of`: the countries the report speaks of in any way ("Nigerian police"), which an ambiguous name
    with no country of context takes ("Plateau state": Nigeria's, not Benin's)."""
    location, country = _this_side_of_a_border(location, country, spoken_of | named, index)
    # "the Gulf of Aden", "the Red Sea", "the Juba valley": open water or a natural feature, which no town or
    # province of its name is
    links = [
        (link, _names_to_try(link))
        for link in (_road_between_towns(part, index) or part for part in location.split(","))
        if not _no_town_of_its_name(link)
    ]
    # "northern Syria's Afrin": the country the location names itself is named in the report
    named = named | {code for _, tries in links for name, _ in tries if (code := index.country_code(name))}
    for k, (link, unsorted) in enumerate(links):
        capital = _capital_of(link, index)
        if capital is not None:
            return _as_geo(capital)
        # "a military airfield in Syria near Homs": the town before the country it is in
        tries = sorted(unsorted, key=lambda t: index.country_code(t[0]) is not None)
        # "Kani township, Sagaing": a place is in the country of the division or country that holds it
        holders = _holders_countries(links[k + 1 :], country, index)
        for name, wanted in tries:
            if name == name.lower():
                continue  # "the capital", "sea": a common noun, no name to look up
            prefer = _division_preference(name, link, wanted, spoken_of | holders, index)
            entry = index.lookup(name, country, wanted, prefer)
            if entry is None and country is not None:
                entry = index.lookup(name, None, wanted, prefer)
                if (
                    entry is not None
                    and entry.country not in named
                    and not _one_division(name, index)
                    and not _well_known(name, index)
                ):
                    entry = None  # known only in a country the report never names: no guess
            if holders and entry is not None and entry.country not in holders:
                entry = None  # a namesake in another country than the place that holds it
            if country is None and _respelt_abroad(name, entry, spoken_of | named, index):
                entry = None
            if entry is not None and not _outside_the_wider_link(link, entry, links[k + 1 :], country, index):
                return _as_geo(entry)
    if country is None:
        return None
    return {"name": None, "country": country, "admin1": None, "lat": None, "lon": None, "source": None}


def neighbour_named(location: str, index: Gazetteer) -> tuple[str, int, int] | None:
    """The country on the other side of a border the location names ("near the border with Chad": TD), with
    where its name stands in the location."""
    for pattern in NEIGHBOURS:
        for match in pattern.finditer(location):
            code = index.country_code(match.group("name"))
            if code is not None:
                return code, match.start("name"), match.end("name")
    return None


def _this_side_of_a_border(
    location: str, country: str | None, countries: frozenset[str] | set[str], index: Gazetteer
) -> tuple[str, str | None]:
    """The location less the name of the country across a border it names, and the country it is in: the
    context's, unless that is the neighbour, then the one other country the report speaks of ("clashes near
    the border with Chad, the Sudanese army said": Sudan), else none."""
    neighbour = neighbour_named(location, index)
    if neighbour is None:
        return location, country
    code, start, end = neighbour
    if country == code or country is None:
        others = set(countries) - {code}
        country = others.pop() if len(others) == 1 else None
    return location[:start] + location[end:], country


def _respelt_abroad(
    name: str, entry: GazetteerEntry | None, countries: frozenset[str] | set[str], index: Gazetteer
) -> bool:
    """A name found only as another spelling ("Hiraan" as "Hīrān", a hamlet of Iraq) as a hamlet of a country
    other than those the report speaks of ("Somalia army says ..."): a place the gazetteer does not know, no
    guess; a town of some size keeps its respelling ("Deir al-Balah" as "Dayr al Balah")."""
    return (
        entry is not None
        and entry.kind == "town"
        and entry.population < HAMLET_POPULATION
        and bool(countries)
        and entry.country not in countries
        and not index.known_as_written(name)
    )


def _division_preference(
    name: str, link: str, wanted: str | None, prefer: frozenset[str], index: Gazetteer
) -> frozenset[str]:
    """The countries to prefer for a division's name: those the report names or that hold it, of those that
    have a division of the name when the link asks for one ("Donetsk region" in a report that speaks of
    Russia: Ukraine's province, not a Russian town of its name); of a name several countries' divisions
    share, else those whose divisions the word ending the link names ("Plateau state": Nigeria's state, not
    Benin's department)."""
    shared = {e.country for e in index.candidates(name) if e.kind == "province"}
    if wanted == "province" and shared:
        prefer = prefer & shared
    words = link.split()
    typed = DIVISION_COUNTRIES.get(words[-1].lower(), frozenset()) if words else frozenset()
    if not typed or len(shared) < 2 or shared & prefer:
        return prefer
    return prefer | (shared & typed)


def _holders_countries(
    wider: list[tuple[str, list]], country: str | None, index: Gazetteer
) -> frozenset[str]:
    """The countries of the links after a link that name a country or a division of one country only (the
    places a chain says hold the link before them): a town after a comma may be the next item of a list,
    and "Eastern" a province of six countries, no holder."""
    found = set()
    for _, tries in wider:
        for name, wanted in tries:
            entry = index.lookup(name, country, wanted) if name != name.lower() else None
            if entry is None or entry.kind not in ("province", "country"):
                continue
            divisions = {e.country for e in index.candidates(name) if e.kind in ("province", "country")}
            if len(divisions) == 1:
                found.add(entry.country)
            break
    return frozenset(found)


def _no_town_of_its_name(link: str) -> bool:
    """A link that names a sea, a gulf or a strait ("the Gulf of Aden", "the Black Sea"), or a natural
    feature or a road ("the Juba valley", "the Kabul-Kandahar highway")."""
    words = LEADING_ARTICLE.sub("", link.strip()).lower().split()
    if not words:
        return False
    last, first = words[-1], words[0]
    of_water = len(words) > 2 and KIND_OF_WORD.get(first) == "airspace" and words[1] in NAMING_PREPOSITIONS
    return KIND_OF_WORD.get(last) == "airspace" or last in FEATURE_WORDS or of_water


def _road_between_towns(link: str, index: Gazetteer) -> str | None:
    """ "the Maiduguri-Damaturu highway": a road named by the two towns it joins runs from the first, as "on
    the road between Gao and Ansongo" does; None for a road or feature of any other name."""
    words = LEADING_ARTICLE.sub("", link.strip()).split()
    if len(words) < 2 or words[-1].lower() not in FEATURE_WORDS:
        return None
    ends = re.split(r"-(?=[^\W\d_])", " ".join(words[:-1]))
    known = len(ends) == 2 and all(
        end[:1].isupper() and any(e.kind in ("town", "province") for e in index.candidates(end))
        for end in ends
    )
    return ends[0] if known else None


def _outside_the_wider_link(
    link: str, entry: GazetteerEntry, wider: list[tuple[str, list]], country: str | None, index: Gazetteer
) -> bool:
    """ "Dniprovskyi district, Kherson": a district the gazetteer knows only in another division than the
    link after it that holds it (a district of the same name in Kyiv) is a place the gazetteer does not
    know, and the wider link tells where. Only a link that says it is a district: two towns in a row may be
    a list ("Morek, Hama countryside, Damascus Countryside"), no chain."""
    words = link.split()
    if not words or KIND_OF_WORD.get(words[-1].lower()) != "district":
        return False
    if entry.kind != "town" or entry.admin1 is None:
        return False
    for _, tries in wider:
        for name, wanted in tries:
            holder = index.lookup(name, country, wanted) if name != name.lower() else None
            if holder is not None and holder.kind != "country":
                # only two towns' divisions are compared: a province's division is named by another source
                # ("Kirkūk" for the towns' "Muhafazat Kirkuk")
                return holder.kind == "town" and holder.admin1 not in (None, entry.admin1)
    return False


class ReportPlaces(NamedTuple):
    """A report's place mentions, the provinces it names, and each mention's words and first character (read
    once per report: a Span's text is built anew on each access, and every claim compares them)."""

    group: list[Span]
    named: list[tuple[int, str]]
    texts: list[tuple[str, int]]
    by_first: dict[str, list[int]]  # the places by the first character of their text


def _capital_of(link: str, index: Gazetteer) -> GazetteerEntry | None:
    """ "Ukraine's capital", "the Syrian capital": the capital the gazetteer knows in the country named."""
    # "south of the Syrian capital": the capital the direction is from
    named = capital_named(link) or capital_named(NAMED_AFTER_OF.sub("", link.strip()))
    if named is None:
        return None
    countries, capitals = named
    # the gazetteer may know a country by another of its names ("Russian Federation")
    code = next((c for name in countries if (c := index.country_code(name)) is not None), None)
    for name in capitals:
        entry = index.lookup(name, code, "town")
        if entry is not None and entry.kind != "country" and entry.country == code:
            return entry
    return None


def _own_place(places: ReportPlaces, location: str, char: int) -> Span | None:
    """The place mention a claim's location was read from: the one with its words nearest the claim."""
    # one text is a prefix of the other only where both start alike: only those places are compared
    tried: list[int] | range = range(len(places.texts))
    if location:
        tried = sorted(places.by_first.get(location[:1], []) + places.by_first.get("", []))
    same = [
        k for k in tried if location.startswith(places.texts[k][0]) or places.texts[k][0].startswith(location)
    ]
    nearest = min(same, key=lambda k: abs(places.texts[k][1] - char)) if same else None
    return places.group[nearest] if nearest is not None else None


def _admin1_of(name: str, country: str | None, index: Gazetteer, wanted: str) -> str | None:
    for candidate, kind in _names_to_try(name):
        entry = index.lookup(candidate, country, kind if wanted == "town" else wanted)
        if entry is not None and entry.kind != "country":
            return entry.admin1
    return None


def join_named_province(
    doc: Doc,
    location: str,
    char: int,
    country: str | None,
    index: Gazetteer,
    places: ReportPlaces | None = None,
) -> str:
    """ "Aliabad district" for a claim of a report that names "Aliabad district, Kunduz province" before:
    a district, town or area joined to the province the same report names nearest before it (else after),
    unless the gazetteer puts the place in another province. `places`: the report's place mentions and
    named provinces (`report_places`), when the caller has them for all its claims."""
    places = places if places is not None else report_places(doc)
    named = places.named
    own = _own_place(places, location, char)
    if (
        own is None
        or own.label_ not in JOINED_KINDS
        or any(w.lower() in PROVINCE_WORDS for w in location.replace(",", " ").split())
    ):
        return location
    provinces = [(char_at, name) for char_at, name in named if not _names_the_province(location, name)]
    if not provinces:
        return location
    before = [p for p in provinces if p[0] < char]
    province = (before[-1] if before else provinces[0])[1]
    province_admin1 = _admin1_of(province, country, index, "province")
    if country is not None and province_admin1 is None and index.candidates(province):
        return location  # "Florida" in a report on Ukraine: a province of another country
    if _lies_elsewhere(location.split(",")[0], country, index, province_admin1):
        return location  # "Kabul City" in a report on Ghazni province: another province's city
    if _city_of_no_known_province(location.split(",")[0], country, index):
        return location  # "Nyala" after "North Darfur": a city of its own, its province unknown here
    return f"{location}, {province}"


def _city_of_no_known_province(name: str, country: str | None, index: Gazetteer) -> bool:
    """A city the gazetteer knows with no province (the countries it does not detail): whether the province
    a report names before holds it, nothing tells, and the city is a place of its own."""
    entry = index.lookup(name, country, "town")
    return (
        entry is not None
        and entry.kind == "town"
        and entry.admin1 is None
        and entry.population >= CITY_POPULATION
    )


def _names_the_province(location: str, province: str) -> bool:
    """Whether a location names the province already: whole, or as the place that holds its first part,
    without its kind word ("Depayin township, Sagaing" names "Sagaing region"; "Kunduz" alone may be the
    town of the name, which the province's name then tells apart)."""
    if province in location:
        return True
    bare = " ".join(w for w in province.split() if w.lower() not in PROVINCE_WORDS)
    return bool(bare) and bare in (part.strip() for part in location.split(",")[1:])


def _lies_elsewhere(name: str, country: str | None, index: Gazetteer, province_admin1: str | None) -> bool:
    """Whether the gazetteer puts a place in another province than the one the report names; a name that
    several places share ("Qarah Bagh", a district of Ghazni and a town of Herat) lies in the province when
    any of them does."""
    placed_in = _admin1_of(name, country, index, "town")
    if placed_in is None or placed_in == province_admin1:
        return False
    return not any(
        entry.admin1 == province_admin1 and entry.kind != "country"
        for candidate, _ in _names_to_try(name)
        for entry in index.candidates(candidate)
        if country is None or entry.country == country
    )


def report_places(doc: Doc) -> ReportPlaces:
    """The report's place mentions and the provinces it names (`_named_provinces`): built once per report,
    not once per claim."""
    group = list(doc.spans[PLACES_GROUP]) if PLACES_GROUP in doc.spans else []
    texts = [(span.text.strip(), span.start_char) for span in group]
    by_first: dict[str, list[int]] = {}
    for k, (text, _) in enumerate(texts):
        by_first.setdefault(text[:1], []).append(k)
    return ReportPlaces(group, _named_provinces(group), texts, by_first)


def _named_provinces(group: list[Span]) -> list[tuple[int, str]]:
    """The provinces a report names where things happen, alone or as a link of a chain ("Aliabad district,
    Kunduz province"), with where each is named."""
    found = []
    for span in group:
        if span._.place_role != "where":
            continue
        links = [clean_place(link) for link in span.text.split(",")]
        adpositions = {token.text for token in span if token.pos_ == "ADP"}
        for link in links:
            words = link.split()
            if (
                span.label_ == "province"
                and len(links) == 1
                or (len(words) > 1 and KIND_OF_WORD.get(words[-1].lower()) == "province")
            ):
                found.append((span.start_char, _province_of_link(link, adpositions)))
    return found


def _province_of_link(link: str, adpositions: set[str]) -> str:
    """The province a link ends with, less a smaller named place the link opens with and the adposition
    (as the parser tagged it) that joins them ("Kajaki district of Helmand province": "Helmand province");
    a link that opens with no name ("the countryside of Hama province") or joins none stays whole."""
    words = link.split()
    cuts = [i for i, word in enumerate(words) if word in adpositions]
    if not cuts:
        return link
    opening, kept = words[: cuts[-1]], words[cuts[-1] + 1 :]
    if len(kept) < 2 or not kept[0][:1].isupper() or not any(word[:1].isupper() for word in opening):
        return link
    return " ".join(kept)


class GeoFinder:
    """Sets each claim's `geo` from its location, the report's countries and the gazetteer."""

    def __init__(self, nlp: Language, name: str, *, join_provinces: bool = True):
        self.name = name
        self.join_provinces = join_provinces

    def __call__(self, doc: Doc) -> Doc:
        claims = doc._.claims if Doc.has_extension("claims") else None
        located = [c for c in claims or () if c.location]
        if not located:
            return doc
        index = gazetteer()
        countries = ReportCountries(doc, index)
        places = report_places(doc) if self.join_provinces else None
        for claim in located:
            country = countries.at(claim.evidence_start)
            if self.join_provinces:
                claim.location = join_named_province(
                    doc, claim.location, claim.evidence_start, country, index, places
                )
            claim.geo = resolve_location(claim.location, country, countries.named, index, countries.spoken_of)
        return doc


def clean_place(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:-\u2013\u2014\"'\u201c\u201d")


@evaluated_annotations
@Language.factory("briefing_geo", default_config={"join_provinces": True})
def make_geo_finder(nlp: Language, name: str, join_provinces: bool) -> GeoFinder:
    """The geo finder as a pipeline component; `join_provinces`: a district's location gains the province
    its report names elsewhere."""
    return GeoFinder(nlp, name, join_provinces=join_provinces)
