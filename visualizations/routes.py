"""Where ``api/app.py`` looks for the front end's router (see :mod:`visualizations.pages`)."""

from visualizations.pages import make_router

__all__ = ["make_router"]
