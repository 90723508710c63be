"""policykg: api layer."""
