"""policykg network views and browser pages.

Pure functions turn named-query rows into networkx graphs (:mod:`visualizations.views`,
:mod:`visualizations.results`), pyvis and our own templates turn those into HTML
(:mod:`visualizations.render`), and :mod:`visualizations.pages` serves them under ``/``,
``/ui`` and ``/viz``. :func:`export_view` writes one view as a standalone file.
"""

from visualizations.export import build_view, export_view

__all__ = ["build_view", "export_view"]
