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
        """Refuse (403) unless an admin token is configured and sent as ``Bearer``."""
        token = self.settings.admin_token
        if not token:
            raise ApiError(
                403, f"{what} is disabled", "the server has no POLICYKG_ADMIN_TOKEN configured"
            )
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip(), token):
            raise ApiError(
                403,
                f"{what} needs the admin token",
                "send Authorization: Bearer <POLICYKG_ADMIN_TOKEN>",
                headers={"WWW-Authenticate": 'Bearer realm="policykg"'},
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
