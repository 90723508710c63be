"""Issue 17, hole 5: an upload never silently deletes another document.

A document's identity is its content and metadata (文号, title, content hash), never the file
name the client sent. Over a real server process and real HTTP (:mod:`tests.api.live`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.conftest import seed_store
from tests.api.helpers import assert_error
from tests.api.live import LiveServer

TOKEN = "upload-admin-token-1"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
JIAZE = "jia-zhengfa-2016-7"  # 嘉政发〔2016〕7号
KEPT = ("jiaze_town_2016_opinion.txt", "zhenjiang_city_2014_action_plan.txt")


@pytest.fixture
def server(seed_records: list[Any], tmp_path: Path) -> Iterator[tuple[LiveServer, list[Any]]]:
    """A server over the seed corpus minus 嘉泽镇 and 镇江 (loaded from their file paths, as
    ``policykg load`` does), and the records of those two, to upload."""
    loaded = [r for r in seed_records if Path(r.source.path).name not in KEPT]
    held = [r for r in seed_records if Path(r.source.path).name in KEPT]
    store = seed_store(loaded, f"oxigraph:{tmp_path / 'store'}")
    store.close()
    live = LiveServer(f"oxigraph:{tmp_path / 'store'}", tmp_path / "server.log", admin_token=TOKEN)
    yield live, [*loaded, *held]
    live.stop()


def upload(live: LiveServer, content: bytes, name: str, **params: str) -> Any:
    return live.client.post(
        "/documents",
        files={"file": (name, content, "text/plain")},
        headers=AUTH,
        params=params,
    )


def doc_ids(live: LiveServer) -> set[str]:
    listing = live.client.get("/documents", params={"limit": 100}).json()
    return {item["id"] for item in listing["items"]}


def _file(records: list[Any], name: str) -> Path:
    return next(Path(r.source.path) for r in records if Path(r.source.path).name == name)


def test_an_upload_named_like_a_loaded_file_keeps_that_document(server):
    live, records = server
    before = doc_ids(live)
    # The 江苏 plan was loaded from this path; the upload is the 嘉泽镇 opinion under that name.
    jiangsu_path = str(_file(records, "jiangsu_province_2012_action_plan.txt"))
    content = _file(records, "jiaze_town_2016_opinion.txt").read_bytes()
    response = upload(live, content, jiangsu_path)
    assert response.status_code == 201, response.text
    assert response.json()["replaced"] is False
    assert doc_ids(live) == before | {JIAZE}


def test_two_different_documents_with_the_same_file_name_both_stay(server):
    live, records = server
    before = doc_ids(live)
    first = upload(live, _file(records, "jiaze_town_2016_opinion.txt").read_bytes(), "通知.txt")
    second = upload(
        live, _file(records, "zhenjiang_city_2014_action_plan.txt").read_bytes(), "通知.txt"
    )
    assert first.status_code == 201 and second.status_code == 201, (first.text, second.text)
    assert first.json()["replaced"] is False and second.json()["replaced"] is False
    assert first.json()["id"] != second.json()["id"]
    assert doc_ids(live) == before | {first.json()["id"], second.json()["id"]}
    for summary in (first.json(), second.json()):
        assert live.client.get(f"/documents/{summary['id']}").status_code == 200


def test_a_new_version_of_a_document_replaces_it_only_when_asked(server):
    live, records = server
    original = _file(records, "jiaze_town_2016_opinion.txt").read_bytes()
    assert upload(live, original, "嘉泽镇.txt").status_code == 201
    corrected = original + "\n（本意见自印发之日起施行。）\n".encode()
    body = assert_error(upload(live, corrected, "嘉泽镇-修订.txt"), 409)
    assert body["detail"]["id"] == JIAZE
    assert live.client.get(f"/documents/{JIAZE}").status_code == 200
    response = upload(live, corrected, "嘉泽镇-修订.txt", replace="true")
    assert response.status_code == 201, response.text
    assert response.json()["replaced"] is True
    assert response.json()["id"] == JIAZE
    text = live.client.get(f"/documents/{JIAZE}/text").json()["text"]
    assert "本意见自印发之日起施行" in text
    # the same file again is no replacement
    again = upload(live, corrected, "嘉泽镇-修订.txt")
    assert again.status_code == 201 and again.json()["unchanged"] is True
    assert again.json()["replaced"] is False
