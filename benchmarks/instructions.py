"""Extraction against the lxml parse of the same bytes, counted in CPU instructions.

benchmarks/extract.py times the two; on a shared machine, or one whose caches the larger
pages overflow, its ratios move from run to run. Instructions do not: this counts, under
valgrind's callgrind, what one `extract_page` of each of extract.py's pages costs and what one
`lxml.html.fromstring` of the same bytes does, and prints their ratio at each size, for the
adapter path and the generic path. Whether extraction grows with the page as the parse does
is read off the spread of the ratios; what the ratio at a size costs in seconds is
extract.py's question.

Each figure is the difference between two runs of a Python that reads the page, warms up
(an extraction and a parse) and then does the measured call once or not at all, so that
imports, the page's generation and the warm-up count for neither. It needs valgrind
(Debian's `apt-get install valgrind`) and takes some minutes: callgrind runs Python about
fifty times slower.

    python benchmarks/instructions.py [--updates 20,200,2000] [--backend compiled]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.extract import walks  # noqa: E402

COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")
PATHS = ("adapter", "generic")


def child(path: str, updates: int, work: str, times: int) -> None:
    """What each counted Python runs: the page, a warm-up, then `work` once or not at all."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import extract as bench  # the benchmark's own pages
    import lxml.html

    from crawler.extract import extract_page

    route = next(r for r in bench.PATHS if r.name == path)
    body = bench.generate(updates, route.markup, structured=route.structured)
    extract_page(body, route.url)
    lxml.html.fromstring(body)
    for _ in range(times):
        if work == "parse":
            lxml.html.fromstring(body)
        else:
            extract_page(body, route.url)


def counted(valgrind: str, backend: str, path: str, updates: int, work: str, times: int) -> int:
    """The instructions one child Python runs, as callgrind counts them."""
    argv = [
        valgrind,
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        "-P",
        str(Path(__file__).resolve()),
        "--child",
        f"{path},{updates},{work},{times}",
        "--backend",
        backend,
    ]
    env = dict(os.environ, PYTHONHASHSEED="0")  # the same sets, in the same order, each run
    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    found = COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        tail = "\n".join(done.stderr.strip().splitlines()[-10:])
        raise SystemExit(f"callgrind run failed ({path}, {updates}, {work}):\n{tail}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", default="20,200,2000")
    parser.add_argument("--backend", default=walks.BACKEND)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.backend not in walks.AVAILABLE:
        parser.error(
            f"backend {args.backend!r} is not available here: {', '.join(walks.AVAILABLE)}"
        )
    walks.use(args.backend)
    if args.child:
        path, updates, work, times = args.child.split(",")
        child(path, int(updates), work, int(times))
        return 0
    try:
        sizes = [int(n) for n in args.updates.split(",")]
    except ValueError:
        parser.error(f"--updates takes sizes such as 20,200,2000, not {args.updates!r}")
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 1
    print(f"instructions per call, {args.backend} walks; ratio = extract_page / lxml parse")
    print(f"{'path':9}{'updates':>8}{'parse':>12}{'extract_page':>15}{'ratio':>8}")
    for path in PATHS:
        ratios = []
        for n in sizes:
            cost = {}
            for work in ("parse", "extract"):
                once = counted(valgrind, args.backend, path, n, work, 1)
                none = counted(valgrind, args.backend, path, n, work, 0)
                cost[work] = once - none
            ratio = cost["extract"] / cost["parse"]
            ratios.append(ratio)
            print(
                f"{path:9}{n:8}{cost['parse'] / 1e6:11.1f}M{cost['extract'] / 1e6:14.1f}M"
                f"{ratio:7.2f}x",
                flush=True,
            )
        print(f"  {path} path: ratios vary by {max(ratios) / min(ratios):.2f}x across sizes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
