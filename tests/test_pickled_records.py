"""The stage records as worker processes send them back: pickled and unpickled, they
are the same records, share what they shared, and take the memory of records made
by their classes (issue 15: pickle's default gave each unpickled record a dict of
its own, twice the memory)."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from graphkit.types import (
    Argument,
    Article,
    Assertion,
    Attribution,
    Corpus,
    DocumentAnalysis,
    Entity,
    Event,
    InputProblem,
    Mention,
    Qualifier,
    Relation,
    Role,
)


def analysis(number: int) -> DocumentAnalysis:
    """One article's analysis, every record type in it, offsets distinct per article
    (ints above 256 are objects of their own, as in real offsets)."""
    base = 1000 + number * 100
    doc = f"article-{number}"
    sentence = f"Officials in Kyiv said on Monday that talks with Moscow had stalled ({number})."
    speaker = Mention(doc, "Officials", base, base + 9, "NOUN", "plural")
    place = Mention(doc, "Kyiv", base + 13, base + 17, "GPE")
    other = Mention(doc, "Moscow", base + 50, base + 56, "GPE", hint="region")
    assertion = Assertion(
        id=f"a{number}",
        doc=doc,
        sentence=sentence,
        sentence_index=number % 7,
        subject=Argument("talks", base + 40, base + 45, entity="talks-1", label="talks"),
        relation=Relation("had stalled", "stall", negated=number % 2 == 0, modality="may"),
        object=Argument("Moscow", base + 50, base + 56, "moscow", "Moscow", "City", "RUS"),
        qualifiers=(Qualifier("time", "on Monday", base + 23, base + 32, "2024-11-04"),),
        attribution=Attribution(
            "Officials in Kyiv", "officials", "Officials", "said", base, base + 17
        ),
        hedged=True,
        confidence=0.75,
        sentence_start=base,
        event=Event("REJECT", "verbal conflict", -4.0, "stalled"),
    )
    return DocumentAnalysis(
        article=Article(doc, sentence, title=f"Talks {number}", content_hash=f"{number:064x}"),
        sentences=(sentence,),
        assertions=(assertion,),
        mentions=(speaker, place, other),
        heads={(base, base + 9): speaker, (base + 50, base + 56): other},
    )


def test_every_record_type_comes_back_equal() -> None:
    one = analysis(3)
    corpus = Corpus(
        articles=(one.article,),
        assertions=one.assertions,
        entities=(Entity("moscow", "Moscow", "City", aliases=("Moskva",), country="RUS"),),
        sentences=1,
        problems=(InputProblem("in.jsonl", "bad line", line=4, warning=True, detail="x"),),
        roles=(Role("putin", "President", "russia", "article-3", "2024-11-04", "said"),),
    )
    for value in (one, corpus, *corpus.entities, *corpus.problems, *corpus.roles):
        back = pickle.loads(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        assert back == value
        assert type(back) is type(value)


def test_records_keep_their_fields_in_slots() -> None:
    """No record carries a dict of its own (in CPython 3.11 each record's values took an
    allocation of their own: the analyses of 1,000 articles, 170 MB against 149 MB),
    and a record still refuses a new attribute, as a frozen one should."""
    one = analysis(4)
    assertion = one.assertions[0]
    records = [one, one.article, *one.mentions, assertion, assertion.subject]
    records += [assertion.relation, *assertion.qualifiers, assertion.attribution]
    records += [assertion.event, Entity("kyiv", "Kyiv", "City"), Corpus((), (), ())]
    records += [Role("zelensky", "President", "ukraine", "a", None, "said")]
    records += [InputProblem("in.jsonl", "bad line")]
    assert {type(r).__name__ for r in records} >= {
        "Argument", "Article", "Assertion", "Attribution", "Corpus", "DocumentAnalysis",
        "Entity", "Event", "InputProblem", "Mention", "Qualifier", "Relation", "Role",
    }  # fmt: skip
    for record in records:
        assert not hasattr(record, "__dict__"), type(record).__name__
    with pytest.raises((AttributeError, TypeError)):
        assertion.note = "added"  # type: ignore[attr-defined]


def test_what_was_shared_is_shared_after() -> None:
    """A mention that heads an argument is the same object in ``heads`` and in
    ``mentions`` after the trip too: one copy, not two."""
    back = pickle.loads(pickle.dumps(analysis(5), pickle.HIGHEST_PROTOCOL))
    speaker = back.mentions[0]
    assert back.heads[(speaker.start, speaker.end)] is speaker
    assert back.assertions[0].attribution.start == speaker.start


# run in a fresh interpreter, so that no memory freed before is reused: the growth of
# its resident memory as it makes the records, or unpickles them from a file
_MEASURE = """
import pickle, sys
sys.path.insert(0, sys.argv[1])
from test_pickled_records import analysis

def resident():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1])

before = resident()
if sys.argv[2] == "made":
    kept = [analysis(n) for n in range(int(sys.argv[3]))]
else:
    with open(sys.argv[2], "rb") as handle:
        kept = pickle.load(handle)
print(resident() - before)
"""


def _growth(*arguments: str) -> int:
    run = [sys.executable, "-c", _MEASURE, str(Path(__file__).parent), *arguments]
    return int(subprocess.run(run, capture_output=True, text=True, check=True).stdout)


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads /proc (Linux)")
def test_unpickled_records_take_the_memory_of_made_ones(tmp_path: Path) -> None:
    count = 20_000
    pickled = tmp_path / "analyses.pickle"
    pickled.write_bytes(pickle.dumps([analysis(n) for n in range(count)], pickle.HIGHEST_PROTOCOL))
    made = _growth("made", str(count))
    unpickled = _growth(str(pickled))
    # measured: 1.4x here, against 2.3x with pickle's default of a dict per record
    assert unpickled < made * 2, (unpickled, made)


def test_assertions_hold_their_sentence_as_the_analysis_lists_it() -> None:
    """Each assertion's sentence is the analysis's own string for it (one a sentence,
    not one an assertion, in memory and in the pickle), and its offset finds it in the
    article, line breaks around it or not."""
    from graphkit.nlp import analyze_articles

    text = (
        "The ministers of Chile and Peru signed a fisheries accord in Lima.\n\n"
        "  Chile welcomed the accord and Peru praised the talks.\n"
        "Bolivia did not send a delegation."
    )
    article = Article("coast-1", text, content_hash="c" * 64)
    [found] = [a for a in analyze_articles([article]) if isinstance(a, DocumentAnalysis)]
    assert len(found.assertions) >= 3
    for assertion in found.assertions:
        listed = found.sentences[assertion.sentence_index]
        assert assertion.sentence is listed
        start = assertion.sentence_start
        assert text[start : start + len(listed)] == listed
    back = pickle.loads(pickle.dumps(found, pickle.HIGHEST_PROTOCOL))
    assert all(a.sentence is back.sentences[a.sentence_index] for a in back.assertions)
