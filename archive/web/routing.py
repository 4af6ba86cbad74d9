"""Which database a page's address names: Datasette's links write it tilde-encoded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datasette.utils import tilde_decode

if TYPE_CHECKING:
    from datasette.app import Datasette
    from datasette.database import Database


def database_named(datasette: Datasette, route: str) -> Database | None:
    """The database an address's part names (the archive `demo.2016.db` is served at
    `/demo~2E2016`); None where none is served there."""
    try:
        return datasette.get_database(route=tilde_decode(route))
    except KeyError:
        return None
