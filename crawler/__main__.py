"""`python -m crawler` is the `liveblog` command."""

from crawler.cli import cli

cli(prog_name="liveblog")
