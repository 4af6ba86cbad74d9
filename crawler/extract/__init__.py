"""Extraction: one response's bytes and URL to a Page of updates. No Scrapy, no I/O."""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path


def check_build(package: Path) -> None:
    """Refuse a source tree that was never built, and compiled modules older than their
    source (setup.py compiles extraction).

    Python imports a module's binary in preference to its source, so in a working copy a
    binary built before the last edit of its .py or .pyx would run the old code unnoticed.
    Installed wheels carry no source beside their binaries and pass.
    """
    suffix = EXTENSION_SUFFIXES[0]  # this interpreter's own: ".cpython-311-x86_64-linux-gnu.so"
    if not (package / f"_native{suffix}").exists():
        raise ImportError(
            f"{package} is not built for this Python (its C parts are compiled at install): "
            "run `pip install -e .` in the repository, or `pip install .`"
        )
    for binary in [*package.glob(f"*{suffix}"), *package.glob(f"*/*{suffix}")]:
        stem = binary.name[: -len(suffix)]
        for source in (binary.with_name(stem + ".py"), binary.with_name(stem + ".pyx")):
            if source.exists() and source.stat().st_mtime > binary.stat().st_mtime:
                raise ImportError(
                    f"{binary.name} was built before {source.name} last changed: "
                    "rebuild with `pip install -e .`"
                )


check_build(Path(__file__).resolve().parent)

from archive.records import FIDELITY_HTML, FIDELITY_STRUCTURED, Page, Update  # noqa: E402
from crawler.extract.page import extract_page  # noqa: E402

__all__ = ["FIDELITY_HTML", "FIDELITY_STRUCTURED", "Page", "Update", "extract_page"]
