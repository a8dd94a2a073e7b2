"""For the whole suite: the cache of checked project files (io/plaincache.py) lives in a
temporary folder, not in the user's cache folder."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _plain_cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    before = os.environ.get("TINHGON_CACHE_DIR")
    os.environ["TINHGON_CACHE_DIR"] = str(tmp_path_factory.mktemp("plain-cache"))
    yield
    if before is None:
        os.environ.pop("TINHGON_CACHE_DIR", None)
    else:
        os.environ["TINHGON_CACHE_DIR"] = before
