"""The REST resources, each a named query (``graph/queries/*.rq``) underneath.

Assembles the routers of :mod:`api.routes_documents`, :mod:`api.routes_resources` and
:mod:`api.routes_queries`; :func:`named` is how every one of them asks the graph.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.jobs import NamedJob, RowsAnswer
from api.state import ServiceState

#: the paging parameters of every list route.
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]


async def named(
    state: ServiceState,
    name: str,
    *,
    limit: int | None = None,
    offset: int = 0,
    count_by: str | None = None,
    **params: Any,
) -> RowsAnswer:
    """Run the named query ``name`` in a query worker (time limit and row cap apply).

    Parameters given as ``None`` are left out (the query's optional parameters). With
    ``limit`` the worker answers only rows ``[offset, offset + limit)`` of the query's order
    and ``total``, how many rows there are in all (``counts``: how many per value of the
    column ``count_by``).
    """
    given = {k: str(v) for k, v in params.items() if v is not None and v != ""}
    job = NamedJob(
        name=name,
        params=given,
        max_rows=state.settings.max_rows,
        limit=limit,
        offset=offset,
        count_by=count_by,
    )
    answer = await state.run(job)
    assert isinstance(answer, RowsAnswer)
    return answer


def make_rest_router() -> APIRouter:
    """Every REST route."""
    from api.routes_compare import make_compare_router
    from api.routes_documents import make_documents_router
    from api.routes_queries import make_queries_router
    from api.routes_resources import make_resources_router

    router = APIRouter()
    router.include_router(make_documents_router())
    router.include_router(make_resources_router())
    router.include_router(make_queries_router())
    router.include_router(make_compare_router())
    return router
