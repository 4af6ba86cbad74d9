"""`python -m archive` is the `liveblog` command."""

from archive.cli import cli

cli(prog_name="liveblog")
