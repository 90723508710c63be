"""Running the app with uvicorn: what ``policykg serve`` calls."""

from __future__ import annotations

import uvicorn

from api.app import create_app
from api.settings import Settings


def serve(settings: Settings) -> None:
    """Serve the SPARQL endpoint, REST API and views on ``settings.host:settings.port``."""
    app = create_app(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
