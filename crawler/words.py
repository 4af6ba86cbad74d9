"""Counts in words for the command's output: "1 blog", "2 blogs"."""

from __future__ import annotations

# Nouns whose plural is not the singular and an "s".
IRREGULAR = {"pass": "passes"}


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and the noun, singular for exactly one."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {plural or IRREGULAR.get(noun, noun + 's')}"
