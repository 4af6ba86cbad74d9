"""The build's one compiled part: crawler/extract/_native.pyx, C walks over lxml's tree.

Everything else is declared in pyproject.toml. Cython and lxml (for its C API and libxml2's
headers) come from the build requirements there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml
from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPy(build_py):
    """Ships metadata.yml, kept at the repository root for `datasette -m`, inside archive/."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:  # an editable install reads the root copy
            shutil.copyfile(ROOT / "metadata.yml", Path(self.build_lib) / "archive" / "metadata.yml")


native = Extension(
    "crawler.extract._native",
    ["crawler/extract/_native.pyx"],
    include_dirs=lxml.get_include(),
)

setup(
    ext_modules=cythonize([native], compiler_directives={"language_level": "3"}),
    cmdclass={"build_py": BuildPy},
)
