"""Myth 2: credibility of extended deterrence."""
