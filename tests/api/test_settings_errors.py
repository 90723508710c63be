"""Settings from the environment, and the one error body."""

from __future__ import annotations

import pydantic
import pytest
from pydantic_settings import SettingsError

from api.errors import domain_status
from api.settings import Settings, settings_help
from graph import errors as graph_errors
from loaders.errors import RejectedDocument
from tests.api.helpers import assert_error


def test_defaults(monkeypatch):
    for key, _default, _help in settings_help():
        monkeypatch.delenv(key, raising=False)
    settings = Settings()
    assert (settings.host, settings.port, settings.query_timeout) == ("127.0.0.1", 8000, 10.0)
    assert settings.max_rows == 10_000 and settings.max_upload_bytes == 20_000_000
    assert settings.allow_service is False and settings.admin_token is None
    assert settings.store == "oxigraph:data/store"


def test_environment_is_read(monkeypatch):
    monkeypatch.setenv("POLICYKG_PORT", "9001")
    monkeypatch.setenv("POLICYKG_ALLOW_SERVICE", "true")
    monkeypatch.setenv("POLICYKG_CORS_ORIGINS", "http://127.0.0.1:3000, http://localhost:3000")
    monkeypatch.setenv("POLICYKG_QUERY_TIMEOUT", "2.5")
    settings = Settings()
    assert settings.port == 9001 and settings.allow_service is True
    assert settings.cors_origins == ["http://127.0.0.1:3000", "http://localhost:3000"]
    assert settings.query_timeout == 2.5


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("POLICYKG_PORT", "eighty"),
        ("POLICYKG_PORT", "70000"),
        ("POLICYKG_ALLOW_SERVICE", "maybe"),
        ("POLICYKG_QUERY_TIMEOUT", "-1"),
        ("POLICYKG_MAX_ROWS", "0"),
        ("POLICYKG_ADMIN_TOKEN", "short"),
    ],
)
def test_bad_values_name_the_key(monkeypatch, key, value):
    monkeypatch.setenv(key, value)
    with pytest.raises((SettingsError, pydantic.ValidationError)) as caught:
        Settings()
    assert key.removeprefix("POLICYKG_").lower() in str(caught.value)


def test_every_setting_has_help():
    assert all(help_line for _key, _default, help_line in settings_help())


def test_domain_errors_map_in_one_place():
    assert domain_status(graph_errors.QuerySyntaxError("error at 1:2: x"))[:2] == (
        400,
        "malformed SPARQL",
    )
    assert domain_status(graph_errors.UnknownQuery("nope"))[0] == 404
    assert domain_status(RejectedDocument("a.txt", "empty file"))[2] == "a.txt: empty file"
    status, _, detail = domain_status(graph_errors.StoreError("/secret/path broke"))
    assert status == 500 and detail is None


def test_unknown_route_uses_the_error_body(memory_store, make_client):
    client = make_client(memory_store)
    assert_error(client.get("/no/such/route"), 404)
    assert_error(client.delete("/sparql"), 405)
