"""The seminar kit: memo and argument-map checks, scenario tables."""
