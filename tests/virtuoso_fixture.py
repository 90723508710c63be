"""Placeholder until the Virtuoso fixture lands (replaced by the infra work)."""
