"""What hostile input costs against ordinary input of the same size, side by side in one run.

The tests bound this work by counting it (the diff's steps, the Nuxt reader's calls); here it
is timed, so a bound that is counted but slow shows too (a string's pattern, say, whose
backtracking no call count sees):

- a version diff: 20,000 identical paragraphs edited once, and a rewrite past the work
  budget, each beside an ordinary edit of a post as long (one paragraph among distinct ones);
- a Nuxt 2 state: scripts the reader refuses (nesting past its depth, a huge or unterminated
  string, 200,000 arguments, 40,000 statements), each beside an ordinary state of as many
  characters, read whole.

The last column is the hostile input's time over the ordinary one's. Near one or below, the
hostile input costs what a real page of its size does; the rewrite, which no ordinary edit
resembles, is held to its budget's steps instead (WORK: some 0.2 s on a laptop), and the
statements to the reader's twenty thousand.

    python benchmarks/hostile_input.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive import diff
from crawler.extract.jsliteral import nuxt_state

SAME = "The same paragraph, again and again."
WORDS = "storm gusts brought down trees across the south coast as rivers rose overnight"


def best(run: Callable[[], Any], repeat: int) -> float:
    """The fastest of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def ordinary_post(paragraphs: int, edited: int | None = None) -> str:
    """A post of distinct paragraphs, one of them edited when `edited` is given."""
    lines = [f"Paragraph {n}: {WORDS}." for n in range(paragraphs)]
    if edited is not None:
        lines[edited] = f"Paragraph {edited}: {WORDS}, and more."
    return "\n".join(lines)


def diffs() -> list[tuple[str, tuple[str, str], tuple[str, str]]]:
    """(what, hostile pair, ordinary pair of about the same length)."""
    same = "\n".join([SAME] * 20_000)
    edited = same[: 37 * 10_000] + "The same paragraph, edited once." + same[37 * 10_000 + 36 :]
    words = [f"w{i % 7}" for i in range(40_000)]
    before = "\n".join(" ".join(words[i : i + 10]) for i in range(0, len(words), 10))
    shuffled = words[3:] + words[:3]
    after = "\n".join(" ".join(shuffled[i : i + 9]) for i in range(0, len(shuffled), 9))
    per_line = len(ordinary_post(1)) + 1
    return [
        (
            "20,000 identical paragraphs edited once",
            (same, edited),
            (ordinary_post(len(same) // per_line), ordinary_post(len(same) // per_line, 10)),
        ),
        (
            "a rewrite past the budget",
            (before, after),
            (ordinary_post(len(before) // per_line), ordinary_post(len(before) // per_line, 5)),
        ),
    ]


def ordinary_state(chars: int) -> str:
    """A Nuxt 2 state of posts, as its function writes it, of about `chars` characters."""
    head, tail = "window.__NUXT__=(function(a){return {data:[", "]}}('live'));"
    posts, length, n = [], len(head) + len(tail), 0
    while length < chars:
        post = f"{{id:{n},kind:a,text:'{WORDS} {n}'}},"
        posts.append(post)
        length += len(post)
        n += 1
    return head + "".join(posts).rstrip(",") + tail


def scripts() -> list[tuple[str, str]]:
    start = "window.__NUXT__=(function(a){return {data:["
    return [
        ("nesting 100,000 deep", start + "[" * 100_000 + "]}}(1));"),
        ("an unterminated string of 1.5M characters", start + "'" + "x" * 1_500_000 + "}}(1));"),
        ("500,000 escaped quotes, unterminated", start + "{id:a,text:'un" + "\\'" * 500_000),
        ("200,000 arguments", "window.__NUXT__=(function(" + "a," * 200_000 + "b){return {}}());"),
        (
            "40,000 statements",
            "window.__NUXT__=(function(a){" + "a.b=1;" * 40_000 + "return {data:[a]}}({}));",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'input':45} {'chars':>9} {'hostile':>10} {'ordinary':>10} {'ratio':>6}")
    for what, hostile, ordinary in diffs():
        spent = best(partial(diff.compare, *hostile), args.repeat)
        usual = best(partial(diff.compare, *ordinary), args.repeat)
        chars = len(hostile[0]) + len(hostile[1])
        print(
            f"diff: {what:39} {chars:9,} {spent * 1000:8.1f}ms {usual * 1000:8.1f}ms "
            f"{spent / usual:6.2f}"
        )
    for what, script in scripts():
        state = ordinary_state(len(script))
        assert nuxt_state(script) is None and nuxt_state(state) is not None
        spent = best(partial(nuxt_state, script), args.repeat)
        usual = best(partial(nuxt_state, state), args.repeat)
        print(
            f"nuxt: {what:39} {len(script):9,} {spent * 1000:8.1f}ms {usual * 1000:8.1f}ms "
            f"{spent / usual:6.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
