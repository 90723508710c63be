"""Domain exceptions of the graph layer (the API maps them to HTTP statuses in one place)."""

from __future__ import annotations


class GraphError(Exception):
    """Base class of every error the graph layer raises on purpose."""


class StoreError(GraphError):
    """A store could not carry out a read or a write."""


class StoreSpecError(StoreError, ValueError):
    """A store spec string (``oxigraph:PATH``, ``memory:``, ``sparql:URL``) is malformed."""


class StoreUnavailable(StoreError):
    """A remote store did not answer (connection refused, timeout, 5xx)."""


class QuerySyntaxError(StoreError, ValueError):
    """A SPARQL query or update did not parse; the message is the parser's own."""


class QueryTimeout(StoreError):
    """A query ran longer than allowed."""


class UnknownQuery(GraphError, KeyError):
    """No named query has that name."""


class ParameterError(GraphError, ValueError):
    """A named query's parameter is missing, unknown or not a valid value of its type."""


class ExportFormatError(GraphError, ValueError):
    """An export format is not one of ttl, jsonld, nt, graphml, gexf, csv."""
