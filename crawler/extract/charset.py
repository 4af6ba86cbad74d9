"""The charset an HTTP Content-Type header declares, so live crawls and re-extraction agree."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def declared_charset(headers: Iterable[tuple[str, str]]) -> str | None:
    """The known charset of the Content-Type header, if any; the page's own meta tag otherwise."""
    for name, value in headers:
        if name.lower() == "content-type":
            match = _CHARSET.search(value)
            if match:
                try:
                    return codecs.lookup(match.group(1)).name
                except LookupError:
                    return None
    return None
