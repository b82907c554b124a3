"""Reconciliation stage: frames, relations between figures, and their findings."""
