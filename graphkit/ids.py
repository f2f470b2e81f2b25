"""Pure naming rules shared by the stages: slugs and content-hash ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")


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
