"""Every id rule of graphkit in one place: slugs, content hashes, article and
assertion ids, the renaming of a clashing article id, the resolver's draft keys.

Ids come from content, never from counters, so the same input gives the same ids.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_NON_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)  # pure; the same labels come back (concepts of each article)
def slugify(text: str, max_length: int = 60) -> str:
    """ASCII slug of any text; never empty.

    >>> slugify("President Vladimir Putin's")
    'president-vladimir-putin-s'
    >>> slugify('<script>"x"</script>')
    'script-x-script'
    >>> slugify("日本")
    'x'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")[:max_length].strip("-")
    return slug or "x"


def short_hash(*parts: str, length: int = 8) -> str:
    """A stable hex digest of ``parts``: ids come from content, never from counters.

    >>> a = short_hash("person", "donald trump")
    >>> len(a), a == short_hash("person", "donald trump"), a == short_hash("person", "trump")
    (8, True, False)
    """
    # surrogatepass: a lone surrogate (from a JSON "\\ud800" escape) hashes instead of raising
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:length]


def content_id(label: str, *parts: str) -> str:
    """A readable, unique id: the label's slug plus a hash of what identifies it.

    >>> content_id("Donald Trump", "Person", "donald trump").startswith("donald-trump-")
    True
    """
    return f"{slugify(label)}-{short_hash(*parts)}"


def content_hash(text: str) -> str:
    """SHA-256 of an article's text: the article's identity for merges.

    >>> content_hash("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_id(text: str) -> str:
    """The id of an article that comes without one: a hash of its text as it will be
    read (surrounding white space stripped), so the same text given through the
    Python API, standard input or a JSON Lines record gets the same id.

    >>> article_id("Putin spoke.") == article_id("  Putin spoke.\\n")
    True
    """
    return content_hash(text.strip())[:16]


def renamed_id(identifier: str, text_hash: str) -> str:
    """The id of an article whose id is already taken by a different text.

    >>> renamed_id("a", "h2ffffffff00")
    'a-h2ffffff'
    """
    return f"{identifier}-{text_hash[:8]}"


def assertion_id(*parts: object) -> str:
    """The id of an assertion from what locates it (article, offsets, relation words).

    >>> assertion_id("doc", 0, 5, "said", None) == assertion_id("doc", 0, 5, "said", None)
    True
    """
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def draft_key(kind: str, *parts: object) -> str:
    """The resolver's key for one entity in the making: ``kind:part:part``.

    >>> draft_key("country", "RUS"), draft_key("source", "doc", 12, "official")
    ('country:RUS', 'source:doc:12:official')
    """
    return ":".join([kind, *(str(p) for p in parts)])


def source_file(path: str | None) -> str | None:
    """The file name of an input path: where it lay on one machine is no part of the
    graph or the records.

    >>> source_file("/home/me/news/a.txt"), source_file("C:\\\\news\\\\b.jsonl"), source_file(None)
    ('a.txt', 'b.jsonl', None)
    """
    return path.replace("\\", "/").rsplit("/", 1)[-1] if path else None
