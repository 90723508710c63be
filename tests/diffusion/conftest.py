"""Fixtures for measure alignment and comparison: the seed corpus loaded by the real loader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.load import load_paths
from graph.store import Store
from graph.stores import open_store

JIANGSU = "su-zhengbanfa-2012-123"
ZHENJIANG = "zhen-zhengbanfa-2014-85"
JIAZE = "jia-zhengfa-2016-7"


@pytest.fixture(scope="package")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The five seed documents (data/corpus) loaded on disk, as ``policykg load`` does."""
    from tests.conftest import SEED_DIR

    spec = f"oxigraph:{tmp_path_factory.mktemp('diffusion') / 'store'}"
    store = open_store(spec)
    load_paths(store, sorted(SEED_DIR.glob("*.txt")))
    yield store
    store.close()


@pytest.fixture(scope="package")
def seed_spec(seed_store: Store) -> str:
    """The store spec of :func:`seed_store` (for the CLI)."""
    return str(seed_store.spec)  # type: ignore[attr-defined]


@pytest.fixture(scope="package")
def generated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated corpus (bench/generate.py, seed 1): chains national → town whose
    lower plans repeat higher measures word for word (known truth for ``copied``)."""
    from bench.generate import main as generate

    out = tmp_path_factory.mktemp("generated") / "corpus"
    assert generate(["--n", "40", "--seed", "1", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def client(seed_store: Store) -> Iterator[TestClient]:
    """The app (api.app.create_app) over the seed store, in-process."""
    from api.app import create_app
    from api.settings import Settings

    app = create_app(Settings(store=str(seed_store.spec)), seed_store)  # type: ignore[attr-defined]
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
