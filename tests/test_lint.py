"""ruff and mypy run as part of the test command, so the one check CI runs covers them."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PATHS = ["archive", "crawler", "tests", "benchmarks"]


def test_ruff() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "ruff", "check", *PATHS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "archive", "crawler"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
