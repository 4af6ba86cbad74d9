"""The build's compiled parts: extraction, the hot path of every crawl, runs as C.

- crawler/extract/_native.pyx: walks over lxml's tree in C, against lxml's C API;
- the extraction modules themselves, compiled by Cython from their Python source unchanged
  (annotations are not enforced: they stay Python's semantics, about a quarter faster).

Python imports a compiled module in preference to its source, so crawler/extract/__init__.py
refuses a compiled module older than its source (rebuild: `pip install -e .`). Wheels leave
the sources of compiled modules out. Everything else is declared in pyproject.toml; Cython
and lxml (for its C API and libxml2's headers) come from the build requirements there.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import lxml
from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


EXTRACT = ROOT / "crawler" / "extract"
# Every extraction module but the packages' own (they check the build) and the scorer.
COMPILED = sorted(
    path.relative_to(ROOT).with_suffix("").as_posix()
    for path in [*EXTRACT.glob("*.py"), *EXTRACT.glob("adapters/*.py")]
    if path.name not in ("__init__.py", "evaluate.py")
)


class BuildPy(build_py):
    """Ships metadata.yml, kept at the repository root for `datasette -m`, inside archive/;
    leaves out the sources of compiled modules (a wheel imports their binaries)."""

    def find_package_modules(self, package: str, package_dir: str) -> list[tuple[str, str, str]]:
        modules = super().find_package_modules(package, package_dir)
        if self.editable_mode:
            return modules
        return [m for m in modules if Path(m[2]).with_suffix("").as_posix() not in COMPILED]

    def run(self) -> None:
        super().run()
        if not self.editable_mode:  # an editable install reads the root copy
            shutil.copyfile(
                ROOT / "metadata.yml", Path(self.build_lib) / "archive" / "metadata.yml"
            )


class BuildExt(build_ext):
    """Compiles the extensions side by side, one per core, unless told otherwise (-j)."""

    def finalize_options(self) -> None:
        if not self.parallel:
            self.parallel = os.cpu_count() or 1
        super().finalize_options()


native = Extension(
    "crawler.extract._native",
    ["crawler/extract/_native.pyx"],
    include_dirs=lxml.get_include(),
)

modules = [Extension(name.replace("/", "."), [f"{name}.py"]) for name in COMPILED]

setup(
    ext_modules=cythonize(
        [native, *modules],
        compiler_directives={"language_level": "3", "annotation_typing": False},
        nthreads=os.cpu_count() or 1,
    ),
    cmdclass={"build_py": BuildPy, "build_ext": BuildExt},
)
