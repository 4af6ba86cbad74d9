"""How fast an ordinary page answers while a hostile one is being served, beside the same page idle.

The archive is tests/test_web_hostile.py's: an update of 20,000 identical paragraphs edited
once, with its diff stored, and a twin whose diff is missing (computed on view, in a worker
thread, within its budget). A real `liveblog serve` on 127.0.0.1 answers `/archive/blogs`
idle, then again and again while other clients load the heavy version pages. Reported: the
worst and median latency of that page in both conditions, and their ratio, from one run.

    python benchmarks/web_hostile.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers import Server, serving
from tests.test_web_hostile import build_hostile_archive, update_id

LIGHT = "/archive/blogs"
IDLE_REQUESTS = 20
LOADS_PER_ROUND = 3
GIVE_UP_SECONDS = 120.0


def _timed(server: Server, path: str) -> float:
    started = time.perf_counter()
    server.get(path, timeout=GIVE_UP_SECONDS)
    return time.perf_counter() - started


def _under_load(server: Server, heavy: str, rounds: int) -> tuple[list[float], list[float]]:
    """Latencies of the light page while heavy pages load, and of the heavy pages themselves."""
    light: list[float] = []
    heavy_times: list[float] = []
    deadline = time.monotonic() + GIVE_UP_SECONDS
    for _ in range(rounds):
        loaders = [
            threading.Thread(target=lambda: heavy_times.append(_timed(server, heavy)))
            for _ in range(LOADS_PER_ROUND)
        ]
        for loader in loaders:
            loader.start()
        while any(loader.is_alive() for loader in loaders) and time.monotonic() < deadline:
            light.append(_timed(server, LIGHT))
        for loader in loaders:
            loader.join()
    return light, heavy_times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with serving(build_hostile_archive(folder), folder) as server:
            server.get(LIGHT)  # the first answer compiles the template
            idle = [_timed(server, LIGHT) for _ in range(IDLE_REQUESTS)]
            print(
                f"{LIGHT} idle: median {statistics.median(idle) * 1000:.0f} ms, "
                f"worst {max(idle) * 1000:.0f} ms"
            )
            for source_id, what in (("big", "diff stored"), ("twin", "diff computed on view")):
                heavy = f"/archive/-/update/{update_id(server, source_id)}"
                light, heavy_times = _under_load(server, heavy, args.rounds)
                print(
                    f"while loading the 20,000-paragraph edit ({what}): "
                    f"{LIGHT} median {statistics.median(light) * 1000:.0f} ms, "
                    f"worst {max(light) * 1000:.0f} ms "
                    f"({max(light) / statistics.median(idle):.1f}x the idle median); "
                    f"the heavy page median {statistics.median(heavy_times) * 1000:.0f} ms"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
