"""policykg: ontology layer."""
