"""Figures stage: every quantity in a claim, with qualifier, interval and unit."""
