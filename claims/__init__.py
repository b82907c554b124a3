"""claims: isolate, attribute, verify and reconcile the claims in news articles."""

__version__ = "0.1.0"
