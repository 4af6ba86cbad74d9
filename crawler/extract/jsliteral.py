"""Nuxt 2's page state, written as JavaScript rather than JSON, read without running it.

Nuxt 2 writes its state as `window.__NUXT__=(function(a,b,…){return {…}}(x,y,…))`: an object
literal in JavaScript's syntax (unquoted keys, single-quoted strings, `void 0`, `!0`, `!1`,
`Array(n)`) whose repeated values are names bound to the call's arguments (nuxt/nuxt 2.x,
through devalue's older output), or as the literal alone, `window.__NUXT__={…}`. Only that
syntax is read, within a size and a depth: a statement before the `return`, a name no argument
binds, a constructor or anything else is no state (None), not a guess.
"""

from __future__ import annotations

import re
from typing import Any

_START = re.compile(r"(?:window\.)?__NUXT__\s*=\s*")
# (A call of many thousand arguments: devalue names them "a", "b", … "aa", …, "$$a".)
_FUNCTION = re.compile(r"\(\s*function\s*\(([\w$\s,]{0,200000})\)\s*\{\s*")
_RETURN = re.compile(r"return\b\s*")
# Of the statements before the `return` (devalue's `c.name="…"`, `d[0]=…`, setting the members
# of an object or an array that several values share, bound to `{}` or `Array(n)`).
_MAX_STATEMENTS = 20_000
_NAME = re.compile(r"[A-Za-z_$][\w$]*")
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_SPACE = re.compile(r"\s*")
_STRING = {
    "'": re.compile(r"'((?:[^'\\\n]++|\\.)*+)'", re.S),
    '"': re.compile(r'"((?:[^"\\\n]++|\\.)*+)"', re.S),
}
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_WORDS = {"true": True, "false": False, "null": None, "undefined": None}
# Of a script read as a state: a megabyte of a Nuxt 2 state, thousands of posts, reads in some
# 0.6 seconds of processor time, twenty-odd times as long as json.loads reads the same values.
_MAX_CHARS = 2_000_000
_MAX_DEPTH = 64
_MAX_ARRAY = 10_000  # `Array(n)`'s holes, in all the state's arrays together
# A state read back is at most this many times its script's size, or a million characters
# (as a Nuxt 3 payload, pagestate): a long string bound to a name that thousands of values
# name reads back far larger than the script that holds it once.
_MAX_EXPANSION = 10
_MIN_EXPANDED = 1_000_000


class _UnknownError(Exception):
    """Syntax the reader does not know, or past its bounds."""


class _Name:
    """A name in the returned literal, bound later to the call's argument of its place."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


def nuxt_state(text: str) -> Any:
    """The value a Nuxt 2 script assigns to `window.__NUXT__`; None for any other script or
    syntax not read."""
    found = _START.search(text)
    if found is None or len(text) > _MAX_CHARS:
        return None
    try:
        return _Reader(text).state(found.end())
    except (_UnknownError, RecursionError):
        return None


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.holes = 0  # (of `Array(n)`s read so far: a few characters each, thousands of values)

    def state(self, start: int) -> Any:
        self.at = start
        function = _FUNCTION.match(self.text, start)
        if function is None:
            return _bind(self.value(0), {}, 0, {}, [0])  # (`window.__NUXT__={…}`: no name bound)
        names = [n.strip() for n in function.group(1).split(",") if n.strip()]
        self.at = function.end()
        statements = self.statements()
        body = self.value(0)
        self.expect("}")
        self.expect("(")
        args = []
        while not self.peek(")"):
            args.append(self.value(0))
            if not self.peek(")"):
                self.expect(",")
        self.expect(")")
        args = [_bind(arg, {}, 0, {}, [0]) for arg in args]  # (a name among them: no value)
        bound = {n: value for n, value in zip(names, args, strict=False)}
        bound |= {n: None for n in names if n not in bound}
        budget = [max(_MAX_EXPANSION * len(self.text), _MIN_EXPANDED)]
        if statements:
            _set(statements, bound, budget)
            measured: dict[int, int] = {}
            sizes = {name: _measured(value, measured, set(), 0) for name, value in bound.items()}
        else:
            sizes = {name: _size(value, 0) for name, value in bound.items()}
        return _bind(body, bound, 0, sizes, budget)

    def statements(self) -> list[tuple[str, str | int, Any]]:
        """The statements before a function's `return`, each setting a member of an object or
        an array an argument binds (`c.name="…"`, `c["a b"]=…`, `d[0]=…`); any other
        statement is syntax not read."""
        found: list[tuple[str, str | int, Any]] = []
        while True:
            self.peek("")
            done = _RETURN.match(self.text, self.at)
            if done is not None:
                self.at = done.end()
                return found
            name = _NAME.match(self.text, self.at)
            if name is None or len(found) >= _MAX_STATEMENTS:
                raise _UnknownError
            self.at = name.end()
            key: str | int
            if self.peek("."):
                member = _NAME.match(self.text, self.at + 1)
                if member is None:
                    raise _UnknownError
                key, self.at = member.group(), member.end()
            elif self.peek("["):
                self.at += 1
                self.peek("")
                char = self.text[self.at : self.at + 1]
                index = _INDEX.match(self.text, self.at)
                if char in _STRING:
                    key = self.string(char)
                elif index is not None:
                    key, self.at = int(index.group()), index.end()
                else:
                    raise _UnknownError
                self.expect("]")
            else:
                raise _UnknownError
            self.expect("=")
            found.append((name.group(), key, self.value(0)))
            self.expect(";")

    def peek(self, char: str) -> bool:
        self.at = _skip(self.text, self.at)
        return self.text.startswith(char, self.at)

    def expect(self, char: str) -> None:
        if not self.peek(char):
            raise _UnknownError
        self.at += len(char)

    def value(self, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            raise _UnknownError
        self.peek("")
        char = self.text[self.at : self.at + 1]
        if char == "{":
            return self.object(depth)
        if char == "[":
            return self.array(depth)
        if char in _STRING:
            return self.string(char)
        if char == "!" and self.text[self.at + 1 : self.at + 2] in ("0", "1"):
            self.at += 2
            return self.text[self.at - 1] == "0"
        number = _NUMBER.match(self.text, self.at)
        if number is not None:
            self.at = number.end()
            figure = number.group()
            return float(figure) if any(c in figure for c in ".eE") else int(figure)
        name = _NAME.match(self.text, self.at)
        if name is None:
            raise _UnknownError
        self.at = name.end()
        word = name.group()
        if word in _WORDS:
            return _WORDS[word]
        if word == "void":
            self.expect("0")
            return None
        if word == "Array" and self.peek("("):
            self.at += 1
            count = _NUMBER.match(self.text, _skip(self.text, self.at))
            if count is None or not count.group().isdigit():
                raise _UnknownError
            self.holes += int(count.group())
            if self.holes > _MAX_ARRAY:
                raise _UnknownError
            self.at = count.end()
            self.expect(")")
            return [None] * int(count.group())
        if self.peek("(") or self.peek("."):
            raise _UnknownError  # (a call, a constructor, a member: code, not a value)
        return _Name(word)

    def object(self, depth: int) -> dict[str, Any]:
        self.at += 1
        found: dict[str, Any] = {}
        while not self.peek("}"):
            char = self.text[self.at : self.at + 1]
            if char in _STRING:
                key = self.string(char)
            else:
                name = _NAME.match(self.text, self.at) or _NUMBER.match(self.text, self.at)
                if name is None:
                    raise _UnknownError
                key, self.at = name.group(), name.end()
            self.expect(":")
            found[key] = self.value(depth + 1)
            if not self.peek("}"):
                self.expect(",")
        self.at += 1
        return found

    def array(self, depth: int) -> list[Any]:
        self.at += 1
        found: list[Any] = []
        while not self.peek("]"):
            found.append(self.value(depth + 1))
            if not self.peek("]"):
                self.expect(",")
        self.at += 1
        return found

    def string(self, quote: str) -> str:
        found = _STRING[quote].match(self.text, self.at)
        if found is None:
            raise _UnknownError  # (unterminated)
        self.at = found.end()
        raw = found.group(1)
        if "\\" not in raw:
            return raw
        read = _ESCAPE.sub(_unescape, raw)
        if _SURROGATE.search(read) is None:
            return read
        # A pair of surrogates escaped one by one ("\\ud83d\\ude00") is one character, as
        # JavaScript reads it; a lone one reads as the replacement character.
        return read.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _skip(text: str, at: int) -> int:
    """Where the next character after spaces stands."""
    found = _SPACE.match(text, at)
    return found.end() if found is not None else at


def _unescape(found: re.Match[str]) -> str:
    code = found.group(1)
    if code.startswith("u{"):
        return chr(min(int(code[2:-1], 16), 0x10FFFF))
    if code[0] in "ux" and len(code) > 1:
        return chr(int(code[1:], 16))
    return _SIMPLE.get(code, "" if code == "\n" else code)


def _bind(
    value: Any, names: dict[str, Any], depth: int, sizes: dict[str, int], budget: list[int]
) -> Any:
    """The returned literal with each name as its argument's value; a name no parameter
    declares is syntax not read, and so are names whose values, each counted where it is
    named, spend the budget of characters."""
    if depth > _MAX_DEPTH:
        raise _UnknownError
    if isinstance(value, _Name):
        if value.name not in names:
            raise _UnknownError
        budget[0] -= sizes.get(value.name, 1)
        if budget[0] < 0:
            raise _UnknownError
        return names[value.name]
    if isinstance(value, dict):
        return {key: _bind(item, names, depth + 1, sizes, budget) for key, item in value.items()}
    if isinstance(value, list):
        return [_bind(item, names, depth + 1, sizes, budget) for item in value]
    return value


_INDEX = re.compile(r"\d{1,9}")


def _set(
    statements: list[tuple[str, str | int, Any]], bound: dict[str, Any], budget: list[int]
) -> None:
    """Each statement's member set on the object or array its name binds: a name no parameter
    declares, a member of a value of another kind or past an array's end is syntax not read."""
    for name, key, raw in statements:
        target = bound.get(name)
        value = _bind(raw, bound, 0, {}, budget)
        if isinstance(target, dict):
            target[str(key)] = value
        elif isinstance(target, list) and isinstance(key, int) and key < len(target):
            target[key] = value
        else:
            raise _UnknownError


def _measured(value: Any, measured: dict[int, int], path: set[int], depth: int) -> int:
    """About the characters a value holds, its members' counted each time they stand (as
    _size), each object measured once; a value that holds itself (`a.self=a`) or nests past
    the depth is syntax not read."""
    if isinstance(value, str):
        return len(value) + 2
    if not isinstance(value, dict | list):
        return 1
    own = id(value)
    if own in path or depth > _MAX_DEPTH:
        raise _UnknownError
    if own in measured:
        return measured[own]
    path.add(own)
    if isinstance(value, dict):
        size = 1 + sum(
            len(key) + 2 + _measured(item, measured, path, depth + 1) for key, item in value.items()
        )
    else:
        size = 1 + sum(_measured(item, measured, path, depth + 1) for item in value)
    path.discard(own)
    measured[own] = size
    return size


def _size(value: Any, depth: int) -> int:
    """About the characters an argument's value holds (its strings' and its members')."""
    if isinstance(value, str):
        return len(value) + 2
    if depth > _MAX_DEPTH:
        return 1
    if isinstance(value, dict):
        return 1 + sum(len(key) + 2 + _size(item, depth + 1) for key, item in value.items())
    if isinstance(value, list):
        return 1 + sum(_size(item, depth + 1) for item in value)
    return 1
