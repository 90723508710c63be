"""The service's settings, read once from the environment (prefix ``POLICYKG_``).

Every setting has a default and a help line (the ``description``); parsing is strict, so
``POLICYKG_PORT=eighty`` fails at start-up with an error naming ``port`` rather than
being coerced or ignored. Request handlers never read the environment: they get the one
:class:`Settings` object the app was made with.

>>> Settings(port=9000, cors_origins=["http://127.0.0.1:3000"]).port
9000
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """Configuration of the policykg service; one field per ``POLICYKG_*`` variable."""

    model_config = SettingsConfigDict(
        env_prefix="POLICYKG_",
        extra="forbid",
        strict=True,
        frozen=True,
        validate_default=True,
    )

    store: str = Field(
        default="oxigraph:data/store",
        description="Store spec: oxigraph:PATH (on disk), memory: or sparql:URL[;update=URL].",
    )
    host: str = Field(default="127.0.0.1", description="Interface the HTTP server binds to.")
    port: int = Field(
        default=8000, ge=1, le=65535, description="TCP port the HTTP server listens on."
    )
    admin_token: str | None = Field(
        default=None,
        min_length=8,
        description="Bearer token that allows SPARQL Update, uploads and deletes; unset = read-only.",
    )
    query_timeout: float = Field(
        default=10.0,
        gt=0,
        le=3600,
        description="Seconds a query may run before its worker is stopped.",
    )
    max_rows: int = Field(
        default=10_000,
        ge=1,
        description="Most result rows (or triples) one answer returns; more is cut.",
    )
    max_query_bytes: int = Field(
        default=100_000,
        ge=64,
        description="Largest SPARQL query or update text accepted (bytes); 413 past it.",
    )
    max_upload_bytes: int = Field(
        default=20_000_000,
        ge=1,
        description="Largest uploaded document accepted (bytes); 413 past it.",
    )
    allow_service: bool = Field(
        default=False,
        description="Allow SPARQL SERVICE and LOAD (outbound requests from the server).",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["*"],
        description="Origins allowed to read by CORS, comma-separated; '*' for any.",
    )
    query_workers: int = Field(
        default=2,
        ge=1,
        le=64,
        description="Worker processes evaluating queries on an on-disk store.",
    )

    max_query_depth: int = Field(
        default=100,
        ge=8,
        le=1000,
        description="Deepest nesting of ( { [ in a query or update accepted; 400 past it.",
    )
    light_workers: int = Field(
        default=2,
        ge=1,
        le=16,
        description="Worker processes kept for cheap queries (lookups, ASK, REST), so heavy "
        "queries cannot starve them.",
    )
    light_time_limit: float = Field(
        default=1.0,
        gt=0,
        le=60,
        description="Seconds a query may run in the cheap lane before it moves to the heavy lane.",
    )
    query_memory_mb: int = Field(
        default=2048,
        ge=64,
        description="Memory one query worker may use (MiB, address space); past it the query "
        "stops with 503.",
    )
    max_waiting_queries: int = Field(
        default=256,
        ge=1,
        description="Queries that may wait for a worker at once; past it 503 with Retry-After.",
    )

    public_base: str | None = Field(
        default=None,
        description="Public URL the server is reached at, ending in '/' (e.g. "
        "https://w3id.org/policykg/ behind its redirect, or https://host/prefix/ behind a "
        "proxy): relative IRIs in queries resolve against it + 'sparql', and pages link the "
        "project's IRIs under it. Unset: each request's own URL.",
    )

    @field_validator("public_base")
    @classmethod
    def _absolute_base(cls, value: str | None) -> str | None:
        """A public base must be an absolute http(s) URL ending in ``/``."""
        if value is None:
            return None
        if not value.startswith(("http://", "https://")) or not value.endswith("/"):
            raise ValueError("must be an absolute http(s) URL ending in '/'")
        if any(c in value for c in '<>" {}|\\^`'):
            raise ValueError("must be an IRI without spaces, quotes or angle brackets")
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        """Accept ``a,b`` from the environment as well as a list from Python."""
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value


def settings_help() -> list[tuple[str, str, str]]:
    """(environment variable, default, help line) for every setting, for ``--help`` texts.

    >>> ("POLICYKG_PORT", "8000", "TCP port the HTTP server listens on.") in settings_help()
    True
    """
    rows = []
    for name, field in Settings.model_fields.items():
        default = field.get_default(call_default_factory=True)
        rows.append((f"POLICYKG_{name.upper()}", str(default), field.description or ""))
    return rows
