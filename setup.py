"""The build's one C extension, optional: crawler/extract/_speedups.pyx, the walks of
crawler/extract/_walks.py in C against lxml's C API (crawler/extract/walks.py picks one).

Extraction is pure Python and needs no compiler: when the extension does not build (no C
compiler, no Python headers) setuptools leaves it out (optional=True) and the install runs
pure Python; LIVEBLOG_NO_EXTENSIONS=1 at build time does not try. Everything else is declared
in pyproject.toml; Cython and lxml (for its C API and libxml2's headers) come from the build
requirements there.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPy(build_py):
    """Ships metadata.yml, kept at the repository root for `datasette -m`, inside archive/."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:  # an editable install reads the root copy
            shutil.copyfile(
                ROOT / "metadata.yml", Path(self.build_lib) / "archive" / "metadata.yml"
            )


def extensions() -> list[Extension]:
    """The accelerator, unless LIVEBLOG_NO_EXTENSIONS asks for a pure-Python build."""
    if os.environ.get("LIVEBLOG_NO_EXTENSIONS", "") not in ("", "0"):
        return []
    import lxml
    from Cython.Build import cythonize

    source = Extension(
        "crawler.extract._speedups",
        ["crawler/extract/_speedups.pyx"],
        include_dirs=lxml.get_include(),
    )
    (speedups,) = cythonize([source], compiler_directives={"language_level": "3"})
    speedups.optional = True  # set on what cythonize returns: it does not copy the flag
    return [speedups]


setup(ext_modules=extensions(), cmdclass={"build_py": BuildPy})
