"""The newcomer's path: `pip install .` (not editable), then `liveblog demo`, run from inside
the checkout and from outside it.

The crawl runs in a child process; started from inside a checkout, a child that searched the
current folder first would import the checkout's sources instead of the installed package.
The checkout here is a copy whose sources refuse to be imported, so that mistake fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "metadata.yml", "scrapy.cfg")
POISON = 'raise ImportError("the checkout was imported instead of the installed package")\n'


def copy_checkout(to: Path) -> Path:
    """The repository's files, as a clean clone has them (no virtualenv, no build output)."""
    to.mkdir()
    for name in SOURCES:
        shutil.copy2(ROOT / name, to / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.so", "*.c", "*.egg-info", "build")
    for package in ("archive", "crawler"):
        shutil.copytree(ROOT / package, to / package, ignore=ignore)
    return to


def install(checkout: Path, venv: Path) -> Path:
    """A new virtualenv with the checkout installed, not editable; its dependencies are this
    test run's own (a .pth line), so nothing is downloaded."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            str(checkout),
        ],
        capture_output=True,
        text=True,
        env={**env, "LIVEBLOG_NO_EXTENSIONS": "1"},  # pure Python: the quick build
        timeout=600,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert not (Path(site) / "__editable__.liveblog_archive-0.1.0.pth").exists()
    return venv / "bin" / "liveblog"


def test_pip_install_then_demo_inside_and_outside_the_checkout(tmp_path: Path) -> None:
    checkout = copy_checkout(tmp_path / "checkout")
    liveblog = install(checkout, tmp_path / "venv")
    for package in ("archive", "crawler"):
        (checkout / package / "__init__.py").write_text(POISON)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    for where, cwd in (("inside", checkout), ("outside", tmp_path)):
        db = tmp_path / f"demo-{where}.db"
        out = subprocess.run(
            [str(liveblog), "demo", "--no-serve", "--db", str(db)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert out.returncode == 0, f"{where} the checkout:\n{out.stdout}{out.stderr}"
        assert "1 blog, 5 updates, 6 versions, 3 passes in the fetch log." in out.stdout, out.stdout
        assert "the checkout was imported" not in out.stdout + out.stderr
