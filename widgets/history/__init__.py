"""Neutrality and guarantees in history (Part III)."""
