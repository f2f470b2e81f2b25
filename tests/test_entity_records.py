"""Issue 15: a grow reads an export folder's entity records by id, each made when
asked for, and finds the countries, the bodies an office may belong to and the
entities of a country by their lines' fields: the same entities a read of every
record finds, whatever the records' words hold."""

from __future__ import annotations

from pathlib import Path

import pytest

import graphkit
from graphkit.corpus.entity_records import EntityRecords
from graphkit.corpus.records import ENTITIES_FILE, entity_from_dict, json_line, json_records
from graphkit.resolve.roles import ROLE_TYPES
from graphkit.types import Entity

from .conftest import SEEDS

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("records") / "out"
    graphkit.build([SEEDS, DATA / "world-news.rss", DATA / "sahel-briefing.atom"], out=out)
    return out


def test_records_found_by_their_fields_are_those_a_full_read_finds(folder: Path) -> None:
    every = [entity_from_dict(r) for r in json_records(folder / ENTITIES_FILE)]
    records = EntityRecords.read(folder / ENTITIES_FILE)
    assert len(records) == len(every) and list(records) == [e.id for e in every]
    types = {e.type for e in every}
    codes = {e.country for e in every if e.country}
    assert {"Country", "Person"} <= types and len(codes) >= 3  # the data holds them
    for kinds in [*({t} for t in sorted(types)), ROLE_TYPES]:
        assert records.of_types(kinds) == [e for e in every if e.type in kinds], kinds
    for code in sorted(codes):
        assert records.in_countries({code}) == [e for e in every if e.country == code], code
    assert [records[e.id] for e in every] == every


def test_words_that_look_like_fields_are_not_taken_for_them(tmp_path: Path) -> None:
    tricky = [
        Entity("a-1", 'the "type": "Country" memo', "Concept", aliases=('"country": "MLI"',)),
        Entity("b-2", "Mali", "Country", country="MLI"),
        Entity("c-3", "Assimi Goïta", "Person", country="MLI"),
        Entity("d-4", '"type": "Country"', "Proposition"),
        Entity("e-5", "Odd", 'Odd"Type'),  # a type no build writes, escaped in the line
    ]
    path = tmp_path / ENTITIES_FILE
    path.write_text("".join(json_line(e) + "\n" for e in tricky), encoding="utf-8")
    records = EntityRecords.read(path)
    assert [e.id for e in records.of_types({"Country"})] == ["b-2"]
    assert [e.id for e in records.in_countries({"MLI"})] == ["b-2", "c-3"]
    assert records["a-1"] == tricky[0]
    assert records.of_types({'Odd"Type', "Person"}) == [tricky[2], tricky[4]]


def test_changed_records_stand_over_the_old_ones_and_new_ones_join_in_order(
    tmp_path: Path,
) -> None:
    old = [Entity("b", "Mali", "Country", country="MLI"), Entity("d", "Niger", "Country")]
    path = tmp_path / ENTITIES_FILE
    path.write_text("".join(json_line(e) + "\n" for e in old), encoding="utf-8")
    records = EntityRecords.read(path)
    moved = Entity("a", "Republic of Mali", "Country", country="MLI")
    renamed = Entity("d", "Niger", "Country", country="NER", mentions=3)
    grown = records.changed_by({"a": moved, "d": renamed})
    assert list(grown) == ["a", "b", "d"] and len(grown) == 3 and "a" in grown
    assert grown["d"] == renamed and records["d"] == old[1]  # the old ones unchanged
    assert grown.of_types({"Country"}) == [moved, old[0], renamed]
    assert grown.in_countries({"MLI"}) == [moved, old[0]]
    assert len(records) == 2 and "a" not in records
