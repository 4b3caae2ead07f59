"""The timeline and the polls (Part I)."""
