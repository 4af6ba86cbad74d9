"""The README documents every command and option, and CI runs the README's test command."""

from __future__ import annotations

import re

import click
import pytest

from crawler.cli import cli
from tests.helpers import LABELS, ROOT, page_folders

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[tuple[str, click.Command]]:
    assert isinstance(cli, click.Group)
    return sorted(cli.commands.items())


@pytest.mark.parametrize(("name", "command"), commands())
def test_every_command_and_option_is_in_the_readme(name: str, command: click.Command) -> None:
    assert f"### `liveblog {name}" in README
    section = README.split(f"### `liveblog {name}", 1)[1].split("\n### ", 1)[0]
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in section for opt in param.opts), f"{param.opts} of `liveblog {name}`"


def test_ci_runs_the_readme_test_command() -> None:
    blocks = re.findall(r"```bash\n(.*?)\n```", README, re.S)
    test_command = next(b for b in blocks if "pytest" in b)
    assert test_command in (ROOT / ".ci" / "run").read_text()
    assert any("liveblog demo" in b for b in blocks[:2])


def test_every_setting_the_code_reads_is_in_the_settings_table() -> None:
    settings = (ROOT / "crawler" / "settings.py").read_text()
    for name in re.findall(r"^(ARCHIVE_\w+|LIVEBLOG_\w+) =", settings, re.M):
        assert f"| `{name}` |" in README, name


def test_the_readme_shows_the_current_eval_table() -> None:
    from crawler.extract.evaluate import evaluate, format_table

    table = format_table(evaluate(page_folders(), LABELS))
    assert f"```\n{table}\n```" in README, "refresh the README's table with `liveblog eval`"
