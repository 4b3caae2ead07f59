"""The essay in brief: argument map and fact-check."""
