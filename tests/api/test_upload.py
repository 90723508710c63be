"""Uploading and deleting documents: admin only, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.api.conftest import ADMIN_TOKEN, seed_store
from tests.api.helpers import assert_error

JIAZE = "jia-zhengfa-2016-7"
AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def quads(store) -> set:
    """Every quad in the store (compared as a set: the store exactly as it was)."""
    return set(store.quads())


@pytest.fixture
def four_seeds(request, seed_records, seed_dir, tmp_path):
    """A store with every seed but the 嘉泽镇 opinion, a client over it, and that file.

    In memory unless the test is parametrised indirectly with ``"oxigraph"`` (on disk).
    """
    backend = getattr(request, "param", "memory")
    spec = "memory:" if backend == "memory" else f"oxigraph:{tmp_path / 'store'}"
    jiaze = seed_dir / "jiaze_town_2016_opinion.txt"
    store = seed_store([r for r in seed_records if Path(r.source.path).name != jiaze.name], spec)
    app = create_app(Settings(store=spec, admin_token=ADMIN_TOKEN, max_upload_bytes=200_000), store)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield store, client, jiaze
    store.close()


def upload(client, path: Path, headers=None, name=None):
    return client.post(
        "/documents",
        files={"file": (name or path.name, path.read_bytes(), "text/plain")},
        headers=headers or {},
    )


@pytest.mark.parametrize("four_seeds", ["memory", "oxigraph"], indirect=True)
def test_upload_and_delete_round_trip(four_seeds):
    store, client, jiaze = four_seeds
    before = quads(store)
    assert_error(client.get(f"/documents/{JIAZE}"), 404)
    response = upload(client, jiaze, AUTH)
    assert response.status_code == 201, response.text
    summary = response.json()
    assert summary["id"] == JIAZE and summary["level"] == "town"
    assert summary["measures"] > 0 and summary["targets"] > 0
    assert response.headers["location"] == f"/documents/{JIAZE}"
    # readable at once, also by the query workers of an on-disk store
    doc = client.get(f"/documents/{JIAZE}").json()
    assert doc["title"] == "嘉泽镇2016年质量强镇工作的实施意见"
    assert client.get("/documents").json()["total"] == 5
    # the same file again changes nothing
    again = upload(client, jiaze, AUTH)
    assert again.status_code == 201 and again.json()["unchanged"] is True
    deleted = client.delete(f"/documents/{JIAZE}", headers=AUTH)
    assert deleted.status_code == 200 and deleted.json()["deleted"] is True
    assert_error(client.get(f"/documents/{JIAZE}"), 404)
    assert quads(store) == before  # the store is exactly as it was before the upload
    assert_error(client.delete(f"/documents/{JIAZE}", headers=AUTH), 404)


def test_writes_need_the_token(four_seeds):
    """RFC 6750: a missing or wrong token is 401 with a Bearer challenge, never a write."""
    store, client, jiaze = four_seeds
    before = quads(store)
    missing = upload(client, jiaze)
    assert_error(missing, 401)
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = upload(client, jiaze, {"Authorization": "Bearer wrong-token-xyz"})
    assert_error(wrong, 401)
    assert 'error="invalid_token"' in wrong.headers["www-authenticate"]
    assert_error(client.delete("/documents/su-zhengbanfa-2012-123"), 401)
    assert_error(
        client.delete("/documents/su-zhengbanfa-2012-123", headers={"Authorization": "Bearer x"}),
        401,
    )
    assert quads(store) == before


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        (b"", "empty.txt", "empty"),
        (b"not a pdf at all", "report.pdf", "pdf"),
        (b"\x89PNG\r\n\x1a\n", "picture.png", "suffix"),
    ],
)
def test_rejected_upload_leaves_the_store_as_it_was(four_seeds, content, name, reason):
    store, client, _ = four_seeds
    before = quads(store)
    response = client.post(
        "/documents", files={"file": (name, content, "application/octet-stream")}, headers=AUTH
    )
    body = assert_error(response, 422)
    assert name in body["detail"] and reason in body["detail"]
    assert quads(store) == before


def test_oversize_upload_is_413(four_seeds):
    store, client, _ = four_seeds
    before = quads(store)
    big = "质量".encode() * 40_000  # 240 kB > 200 kB
    response = client.post(
        "/documents", files={"file": ("big.txt", big, "text/plain")}, headers=AUTH
    )
    assert_error(response, 413)
    assert quads(store) == before


def test_no_token_configured_means_read_only(seed_records, seed_dir):
    store = seed_store(seed_records[:1])
    app = create_app(Settings(store="memory:"), store)
    with TestClient(app, raise_server_exceptions=False) as client:
        body = assert_error(upload(client, seed_dir / "jiaze_town_2016_opinion.txt", AUTH), 403)
        assert "POLICYKG_ADMIN_TOKEN" in body["detail"]
