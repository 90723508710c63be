"""Doctest collection settings for api/: main.py builds the real app at import, so skip it."""

collect_ignore = ["main.py"]
