"""Names kept whole, and acronyms read against their long forms.

The small recognizer cuts names at particles and hyphens: "Ursula von der" (a person)
and "Leyen" (a place), "Mohammed bin Abdulrahman" and "Al Thani", "Kim Jong" and
"-un". :func:`whole_names` gives each such piece the whole name it belongs to, read
from the article text, so that every piece is typed and keyed as that one person:

- a person's name that ends in a particle (von, der, bin, al, de, van ...) takes the
  particles and the capitalised word after it;
- a person's name followed, after one space, by another name that starts with a
  particle ("Al Thani", "al-Sudani") is one name with it;
- a person's name followed at once by a hyphen and lower-case letters ("-un") takes
  them;
- a name after particles ("von der Leyen", the recognizer tagging only "Leyen") is
  read with them when a whole name above ends so.

:func:`acronym_of` gives the initials of a long name ("International Atomic Energy
Agency" -> IAEA), and :func:`defined_acronyms` the acronyms an article defines in
brackets: "the North Atlantic Treaty Organization (NATO)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from graphkit.resolve.aliases import AliasBook
from graphkit.resolve.drafts import Draft, Drafts
from graphkit.resolve.variants import name_words, word_key
from graphkit.types import DocumentAnalysis, Mention

PARTICLES = frozenset(
    "von van der den de del della di da du le la al el ul bin ibn bint ben abu abd ould "
    "dos das ter".split()
)
_NAMED = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "PROPN", "FAC"})
_NEXT_WORD = re.compile(r"\s([\w’'-]+)")
_PARTICLES_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:von|van|der|den|de|bin|ibn|bint|al|el|ter)[ -])+$", re.IGNORECASE
)
# every character a match of _PARTICLES_BEFORE can hold (with the non-ASCII letters
# that IGNORECASE folds to i), and the newline "$" may stand before
_PARTICLE_CHARS = frozenset("vonaderbiltVONADERBILT\u0130\u0131 -\n")
_HYPHEN_TAIL = re.compile(r"-[a-z]+\b")
_FUNCTION_WORDS = frozenset("of the and for on in to at de".split())
_ACRONYM = re.compile(r"[A-Z]{2,7}")
_ORGANISATIONS = frozenset(
    {"Organization", "GovernmentBody", "MediaOrganization", "PoliticalParty"}
)
# what a one-word name may have been typed as before it joins a person
SHORT_NAME_TYPES = frozenset({"Person", "Organization", "Group", "Place", "City", "Concept"})
_REPORT_NOUNS = frozenset("report reports article story interview broadcast editorial".split())


def _first_word(text: str) -> str:
    return re.split(r"[\s-]", text.strip(), maxsplit=1)[0].lower()


def _last_word(text: str) -> str:
    return re.split(r"[\s-]", text.strip())[-1].lower()


def whole_names(mentions: Iterable[Mention], text: str) -> dict[tuple[int, int], str]:
    """(start, end) of each piece of a cut person name -> the whole name as written.

    >>> from graphkit.types import Mention
    >>> text = "President Ursula von der Leyen spoke. Later von der Leyen left."
    >>> pieces = [Mention("d", "Ursula von", 10, 20, "PERSON"),
    ...           Mention("d", "Leyen", 25, 30, "GPE"), Mention("d", "Leyen", 52, 57, "GPE")]
    >>> [whole_names(pieces, text)[(p.start, p.end)] for p in pieces]
    ['Ursula von der Leyen', 'Ursula von der Leyen', 'von der Leyen']
    """
    named = sorted(
        (m for m in mentions if m.kind in _NAMED), key=lambda m: (m.start, -m.end, m.kind)
    )
    starts: dict[int, Mention] = {}
    for mention in named:
        starts.setdefault(mention.start, mention)
    whole: dict[tuple[int, int], str] = {}
    for mention in named:
        if mention.kind == "PERSON" and (mention.start, mention.end) not in whole:
            end, parts = _extend(mention, text, starts)
            if end != mention.end:
                for part in parts:
                    whole[(part.start, part.end)] = text[mention.start : end]
    # "von der Leyen" alone: particles before a piece of a whole name read above
    names = set(whole.values())
    for mention in named:
        if (mention.start, mention.end) in whole:
            continue
        before = _PARTICLES_BEFORE.search(text, _particles_from(text, mention.start), mention.start)
        if before is not None:
            name = text[before.start() : mention.end]
            if any(n.endswith(" " + name) for n in names):
                whole[(mention.start, mention.end)] = name
    return whole


def _particles_from(text: str, end: int) -> int:
    """Where the run of characters particles are made of that ends at ``end`` begins:
    a search from there finds what a search from 0 finds (its look-behind still sees
    the text before), without reading the whole article again for every mention."""
    start = end
    while start > 0 and text[start - 1] in _PARTICLE_CHARS:
        start -= 1
    return start


def _extend(mention: Mention, text: str, starts: dict[int, Mention]) -> tuple[int, list[Mention]]:
    """Where the name that starts with the person ``mention`` ends, and the mentions
    it covers."""
    end, parts = mention.end, [mention]
    while True:
        last = _last_word(text[mention.start : end])
        after = starts.get(end + 1) if text[end : end + 1] == " " else None
        if after is not None and (last in PARTICLES or _first_word(after.text) in PARTICLES):
            parts.append(after)
            end = after.end
            continue
        word = _NEXT_WORD.match(text, end) if last in PARTICLES else None
        if word is not None and (word.group(1)[:1].isupper() or word.group(1) in PARTICLES):
            end = word.end()
            covered = starts.get(word.start(1))
            if covered is not None:
                parts.append(covered)
                end = max(end, covered.end)
            continue
        tail = _HYPHEN_TAIL.match(text, end)
        if tail is None:
            return end, parts
        end = tail.end()


# the two below are pure and asked of every organisation's name and every mention
@lru_cache(maxsize=1 << 16)
def acronym_of(name: str) -> str | None:
    """The initials of a name of three or more words, function words left out.

    >>> acronym_of("International Atomic Energy Agency"), acronym_of("Council of Europe")
    ('IAEA', None)
    >>> acronym_of("North Atlantic Treaty Organization")
    'NATO'
    """
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _FUNCTION_WORDS]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


@lru_cache(maxsize=1 << 16)
def plain_acronym(text: str) -> str | None:
    """The acronym ``text`` is, dots and a leading "the" left out, or None.

    >>> plain_acronym("the U.N."), plain_acronym("IAEA"), plain_acronym("Kyiv")
    ('UN', 'IAEA', None)
    """
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    bare = "".join(words).replace(".", "")
    return bare if len(words) == 1 and _ACRONYM.fullmatch(bare) else None


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronym -> long form, for each "Long Form Name (LFN)" of ``text`` whose
    initials the acronym is.

    >>> defined_acronyms("the North Atlantic Treaty Organization (NATO) met.")
    {'NATO': 'North Atlantic Treaty Organization'}
    """
    found = {}
    for match in re.finditer(r"\(([A-Z]{2,7})\)", text):
        acronym = match.group(1)
        before = text[: match.start()].rstrip().split()
        for size in range(len(acronym), len(acronym) * 2 + 1):
            words = before[-size:]
            if len(words) < size:
                break
            name = " ".join(words)
            if words[0][:1].isupper() and acronym_of(name) == acronym:
                found[acronym] = name
                break
    return found


def first_word_links(analysis: DocumentAnalysis, drafts: Drafts, book: AliasBook) -> None:
    """A one-word name that no longer name ends with joins the one person its article
    named before whose name it begins: "Lai" after "Lai Ching-te", "Prince Mohammed"
    after "Mohammed bin Salman" (family name first, or a title and a given name)."""
    seen: list[tuple[str, Draft]] = []  # (first word key, person) in text order
    for mention in drafts.mentions_of(analysis):
        draft = drafts.of(mention)
        if draft is None:
            continue
        words = name_words(draft.label)
        if draft.type == "Person" and len(words) > 1:
            seen.append((word_key(words[0]), draft))
            continue
        if len(words) != 1 or draft.type not in SHORT_NAME_TYPES:
            continue
        if any(m.startswith("not merged") for m in draft.merges):
            continue
        found = {p.key: p for first, p in seen if first == word_key(words[0])}
        if len(found) != 1:
            continue
        [person] = found.values()
        if book.may_merge(draft.label, person.label):
            drafts.relink(
                mention, person.key,
                f"{mention.text!r} begins the name {person.label!r} named before in its "
                "article (family name first, or a title and a given name)",
            )  # fmt: skip


def join_long_forms(analysis: DocumentAnalysis, drafts: Drafts) -> None:
    """An acronym joins the one long name of its article whose initials it is ("IAEA"
    and "International Atomic Energy Agency") or that the article defines it as
    ("... Organization (NATO)"); "a VPost report" joins VPost, its publisher."""
    mentions = [m for m in drafts.mentions_of(analysis) if m.kind != "PRON"]
    defined = defined_acronyms(analysis.article.text)
    longs: dict[str, set[str]] = {}
    media: dict[str, str] = {}
    for mention in mentions:
        draft = drafts.of(mention)
        if draft is None or draft.type not in _ORGANISATIONS:
            continue
        own = [a for a, long in defined.items() if long.lower().endswith(draft.label.lower())]
        for acronym in {acronym_of(draft.label), *own} - {None}:
            longs.setdefault(str(acronym), set()).add(draft.key)
        if draft.type == "MediaOrganization":
            media[mention.text] = draft.key
    for mention in mentions:
        draft = drafts.of(mention)
        if draft is None or draft.key.startswith("alias:"):
            continue
        acronym = plain_acronym(mention.text)
        if acronym is not None and len(longs.get(acronym, ())) == 1:
            [key] = longs[acronym]
            if key != draft.key:
                reason = f"{mention.text!r} is the acronym of {drafts[key].label!r}"
                drafts.relink(mention, key, reason)
        words = mention.text.split()
        owner = media.get(" ".join(words[:-1]))
        if mention.kind == "NOUN" and words[-1].lower() in _REPORT_NOUNS and owner is not None:
            drafts.relink(mention, owner, f"{mention.text!r}: a report speaks for its publisher")
