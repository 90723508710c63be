"""policykg: visualizations layer."""
