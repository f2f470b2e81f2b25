"""Leaders: the country (or organisation) of a person a report names without it.

"President Yoweri Museveni" says no country; ``graphkit/data/leaders.tsv`` (heads of
state and of government since about 1980, best-known ministers, heads of international
organisations, leaders of major non-state actors; see its header) knows it is Uganda.
A person matches, first rule wins:

1. by a full name of the table, or another spelling of it ("Bill Clinton"), in any
   case, without accents, dots or hyphens;
2. by a short form the table gives for someone reports name alone ("Putin", "dos
   Santos"); plain surnames ("Major", "Brown", "Howard") are no short forms;
3. by a title and a surname ("President Bush", "Prime Minister Major"): the surname
   of table entries of one country only, one of which holds an office the title fits
   ("President" fits president and vice president; "Minister" any minister);
4. rules 1 and 3 again for a misspelling of at least :data:`MIN_FUZZY` letters: a full
   name one edit from one country's table names ("Abdelaziz Bouteflicka"), or with a
   title that fits, a surname two edits from them ("President Dos Sontas"), in both
   cases with no name of another country within one edit more.

A name two countries' entries share gives no code, and so do the commonest surnames
(:data:`COMMON_SURNAMES`: Kim, Lee, Khan, Singh, ...) alone or with a title: a wrong
code is worse than none. An alias file's entry for the person wins over the table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

MIN_FUZZY = 9
COMMON_SURNAMES = frozenset(
    "kim lee park choi li wang zhang chen liu yang huang zhao wu zhou nguyen tran le pham "
    "khan singh kumar ali ahmed ahmad mohamed mohammed muhammad mohammad hassan hussain "
    "abdullah ibrahim sharif shah aziz rahman islam smith johnson brown jones williams "
    "taylor martin garcia rodriguez hernandez lopez gonzalez perez sanchez silva santos "
    "castro fernandez ramos ortega jr ii iii iv vi".split()
)
# a title word -> the office words it fits ("premier" is a prime minister)
_TITLE_FITS = {
    "president": {"president"}, "vice": {"vice", "deputy"}, "prime": {"prime", "premier"},
    "premier": {"prime", "premier"}, "pm": {"prime", "premier"}, "chancellor": {"chancellor"},
    "minister": {"minister", "secretary"}, "secretary": {"secretary", "minister"},
    "king": {"king"}, "queen": {"queen"}, "emir": {"emir"}, "sultan": {"sultan"},
    "emperor": {"emperor"}, "taoiseach": {"taoiseach"}, "leader": {"leader"},
    "chairman": {"leader", "chairman"}, "ayatollah": {"supreme"}, "sheikh": {"emir"},
}  # fmt: skip


def name_key(name: str) -> str:
    """A name as the table is keyed: lower case, no accents, dots, hyphens or "the".

    >>> name_key("Recep Tayyip Erdoğan"), name_key("Kim Jong-un"), name_key("F. W. de Klerk")
    ('recep tayyip erdogan', 'kim jong un', 'f w de klerk')
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.sub(r"[.\-‐’'`]", lambda m: " " if m.group() in "-‐" else "", folded).split()
    return " ".join(w.lower() for w in words if w.lower() != "the")


@dataclass(frozen=True)
class Leader:
    name: str
    code: str
    office: str
    start: int
    end: int | None


@dataclass
class LeaderTable:
    """The table's names, each -> the entries that bear it."""

    full: dict[str, list[Leader]] = field(default_factory=dict)
    short: dict[str, list[Leader]] = field(default_factory=dict)
    surnames: dict[str, list[Leader]] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> LeaderTable:
        table = cls()
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cells = [*line.split("\t"), "", "", "", ""]
            name, code, office, start, end, spellings, shorts = cells[:7]
            leader = Leader(name, code, office, int(start), int(end) if end else None)
            for full in [name, *spellings.split(";")]:
                key = name_key(full)
                if not key:
                    continue
                words = key.split()
                if len(words) == 1:
                    table.short.setdefault(key, []).append(leader)
                else:
                    table.full.setdefault(key, []).append(leader)
                table.surnames.setdefault(words[-1], []).append(leader)
            for short in filter(None, shorts.split(";")):
                key = name_key(short)
                table.short.setdefault(key, []).append(leader)
                table.surnames.setdefault(key, []).append(leader)
        return table

    def code(
        self, names: Iterable[str], titles: Iterable[str] = (), full_only: bool = False
    ) -> str | None:
        """The code of the person called ``names`` (label and aliases, titles stripped),
        given the title words reports put before them; None when unknown or ambiguous.
        ``full_only``: by a full name only (rule 1), for a person typed otherwise."""
        keys = [k for k in dict.fromkeys(name_key(n) for n in names) if k]
        fits = _fits(titles)
        for key in keys:
            if key in self.full:
                return _one(self.full[key])
        if full_only:
            return None
        for key in keys:
            if key in self.short and key not in COMMON_SURNAMES:
                return _one(self.short[key] + self.surnames.get(key, []))
        for key in keys:
            if fits and key in self.surnames and key not in COMMON_SURNAMES:
                return _one(self.surnames[key], fits)
        for key in keys:
            if " " in key and (leaders := _close(key, self.full)) is not None:
                return _one(leaders)
            if fits and (leaders := _close(key, self.surnames, edits=2)) is not None:
                return _one(leaders, fits)
        return None


def _fits(titles: Iterable[str]) -> frozenset[str]:
    """Office words the title words fit ("Prime Minister" -> prime, premier, minister)."""
    words = {w for title in titles for w in name_key(title).split()}
    return frozenset(o for w in words for o in _TITLE_FITS.get(w, ()))


def _one(leaders: list[Leader], fits: frozenset[str] = frozenset()) -> str | None:
    """The code of the entries, if they are one country's (and, given title words, one
    of them holds an office the title fits)."""
    if fits and not any(fits & set(re.split(r"[ -]", e.office)) for e in leaders):
        return None
    codes = {e.code for e in leaders}
    return codes.pop() if len(codes) == 1 else None


def _close(key: str, index: dict[str, list[Leader]], edits: int = 1) -> list[Leader] | None:
    """The entries of the names of ``index`` at most ``edits`` edits from ``key``, if
    they are one code's and no name of another code is within one edit more (see the
    module's rule 4)."""
    if len(key.replace(" ", "")) < MIN_FUZZY or key in index:
        return None
    near = process.extract(
        key, list(index), scorer=Levenshtein.distance, score_cutoff=edits + 1, limit=None
    )
    if not near or min(d for _, d, _ in near) > edits:
        return None
    found = [e for name, _, _ in near for e in index[name]]
    return found if len({e.code for e in found}) == 1 else None


@lru_cache(maxsize=1)
def builtin_leaders() -> LeaderTable:
    text = (resources.files("graphkit") / "data" / "leaders.tsv").read_text(encoding="utf-8")
    return LeaderTable.parse(text)
