"""What a running app holds: settings, the store, the query executor and the write lock.

One :class:`ServiceState` is made by ``create_app`` and kept on ``app.state.policykg``;
routes reach it through the :func:`service` dependency, never through module globals.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar

import anyio.to_thread
from fastapi import Depends, Request

from api.errors import ApiError
from api.executor import Answer, Executor, Job
from api.settings import Settings
from graph.store import Store

T = TypeVar("T")

#: the protection space named in ``WWW-Authenticate`` (RFC 9110 §11.5)
REALM = "policykg"


@dataclass
class ServiceState:
    """The service's settings, store and executor, shared by every route."""

    settings: Settings
    store: Store
    executor: Executor
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    owns_store: bool = False

    async def run(self, job: Job) -> Answer:
        """Run a query job under the configured time limit."""
        return await self.executor.run(job, self.settings.query_timeout)

    async def write(self, action: Callable[[], T]) -> T:
        """Run a write in a thread, one at a time, then let readers see it."""

        def locked() -> T:
            with self.write_lock:
                try:
                    return action()
                finally:
                    self.store.flush()
                    self.executor.invalidate()

        return await anyio.to_thread.run_sync(locked)

    def check_admin(self, request: Request, what: str) -> None:
        """Let a write through only with the admin token, sent as ``Authorization: Bearer``.

        - no token configured: 403 — the server is read-only and no credential can change
          that, so the client is not invited to retry with one;
        - no ``Bearer`` credential: 401 with ``WWW-Authenticate: Bearer realm="policykg"``
          (RFC 6750 §3: no error code when the request carried no credential);
        - a wrong token: 401 with ``error="invalid_token"`` (RFC 6750 §3.1).

        The one token grants every write, so a valid token is never refused (403 would be for
        a valid token without the right).
        """
        token = self.settings.admin_token
        if not token:
            raise ApiError(
                403, f"{what} is disabled", "the server has no POLICYKG_ADMIN_TOKEN configured"
            )
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise ApiError(
                401,
                f"{what} needs the admin token",
                "send Authorization: Bearer <POLICYKG_ADMIN_TOKEN>",
                headers={"WWW-Authenticate": f'Bearer realm="{REALM}"'},
            )
        if not secrets.compare_digest(given.strip().encode(), token.encode()):
            raise ApiError(
                401,
                f"{what} needs the admin token",
                "the bearer token is not the admin token",
                headers={
                    "WWW-Authenticate": f'Bearer realm="{REALM}", error="invalid_token", '
                    'error_description="the token is not the admin token"'
                },
            )

    def close(self) -> None:
        """Stop the workers; close the store if the app opened it."""
        self.executor.close()
        if self.owns_store:
            self.store.close()


def service(request: Request) -> ServiceState:
    """FastAPI dependency: the app's :class:`ServiceState`."""
    state: Any = request.app.state.policykg
    return state


#: how a route asks for the app's state: ``state: Service``.
Service = Annotated[ServiceState, Depends(service)]
