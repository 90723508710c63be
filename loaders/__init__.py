"""policykg: loaders layer."""
