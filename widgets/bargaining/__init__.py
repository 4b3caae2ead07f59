"""Myth 1: the bargaining model of war."""
