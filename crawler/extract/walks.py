"""The walks over lxml's tree that extraction runs: compiled when the accelerator is built,
pure Python otherwise, with the same results.

crawler/extract/_walks.py is the reference; crawler/extract/_speedups.pyx repeats it in C
against lxml's C API, and an install builds it when it can (setup.py). Callers call through
this module at call time (`walks.holds(...)`), so that use() switches every caller at once.

LIVEBLOG_NO_EXTENSIONS=1 (any value but "" and "0") runs pure Python without looking for the
binary. A source checkout whose binary is missing, older than _speedups.pyx, or unloadable
(another Python, another lxml) runs pure Python too, after one RuntimeWarning that says how to
rebuild; an install built without a compiler ships no .pyx and runs pure Python silently.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import warnings
from pathlib import Path
from types import ModuleType

from crawler.extract import _walks
from crawler.extract._walks import (
    WalkRules,
    Writer,
    attribute_values,
    body_marks,
    classes_up,
    contains,
    controls,
    digit_texts,
    double_space,
    figure_parts,
    first,
    headline,
    holding,
    holds,
    link_candidates,
    linked_length,
    mark,
    marked_up,
    marked_up_tags,
    node_id,
    node_ids,
    own_texts,
    owners,
    shapes,
    short_texts,
    sibling_groups,
    survey,
    survey_gathering,
    text,
    text_length,
    walk,
)

COMPILED, PYTHON = "compiled", "python"
# What both backends define, and use() rebinds here.
FUNCTIONS = (
    "attribute_values",
    "body_marks",
    "classes_up",
    "contains",
    "controls",
    "digit_texts",
    "double_space",
    "figure_parts",
    "first",
    "headline",
    "holding",
    "holds",
    "link_candidates",
    "linked_length",
    "mark",
    "marked_up",
    "marked_up_tags",
    "node_id",
    "node_ids",
    "own_texts",
    "owners",
    "shapes",
    "short_texts",
    "sibling_groups",
    "survey",
    "survey_gathering",
    "text",
    "text_length",
    "walk",
)
__all__ = [
    "AVAILABLE",
    "BACKEND",
    "COMPILED",
    "PYTHON",
    "WalkRules",
    "Writer",
    "attribute_values",
    "body_marks",
    "classes_up",
    "contains",
    "controls",
    "digit_texts",
    "double_space",
    "figure_parts",
    "first",
    "headline",
    "holding",
    "holds",
    "link_candidates",
    "linked_length",
    "mark",
    "marked_up",
    "marked_up_tags",
    "node_id",
    "node_ids",
    "own_texts",
    "owners",
    "shapes",
    "short_texts",
    "sibling_groups",
    "survey",
    "survey_gathering",
    "text",
    "text_length",
    "use",
    "walk",
]

_SOURCE = Path(__file__).with_name("_speedups.pyx")
_REBUILD = (
    "extraction runs in pure Python (same results, slower). Build the accelerator with "
    "`pip install -e .` in a checkout (or reinstall the package), or set LIVEBLOG_NO_EXTENSIONS=1 "
    "to run pure Python without this warning"
)


def _disabled() -> bool:
    """Whether LIVEBLOG_NO_EXTENSIONS asks for pure Python."""
    return os.environ.get("LIVEBLOG_NO_EXTENSIONS", "") not in ("", "0")


def _load_compiled() -> tuple[ModuleType | None, str | None]:
    """The compiled module, or None and why it will not run (None for an install without it)."""
    if _disabled():
        return None, None
    spec = importlib.util.find_spec("crawler.extract._speedups")
    if spec is None or spec.origin is None:
        if _SOURCE.exists():
            return None, f"the extraction accelerator ({_SOURCE.name}) is not built: {_REBUILD}"
        return None, None
    binary = Path(spec.origin)
    if _SOURCE.exists() and _SOURCE.stat().st_mtime > binary.stat().st_mtime:
        return None, f"{binary} was built before {_SOURCE.name} last changed: {_REBUILD}"
    try:
        return importlib.import_module("crawler.extract._speedups"), None
    except Exception as error:  # ImportError, or lxml's C API refusing a binary built for another
        return None, f"{binary} does not load ({error}): {_REBUILD}"


_compiled, _why_not = _load_compiled()
if _why_not is not None:
    warnings.warn(_why_not, RuntimeWarning, stacklevel=1)
# The backends this process can run, the one chosen at import first.
AVAILABLE: tuple[str, ...] = (COMPILED, PYTHON) if _compiled is not None else (PYTHON,)
BACKEND = PYTHON


def use(backend: str) -> None:
    """Run every walk on `backend` ("compiled" or "python") from now on: tests run both."""
    global BACKEND
    if backend not in AVAILABLE:
        raise ValueError(f"backend {backend!r} is not available here: {', '.join(AVAILABLE)}")
    module = _compiled if backend == COMPILED else _walks
    globals().update({name: getattr(module, name) for name in FUNCTIONS})
    BACKEND = backend


use(AVAILABLE[0])
