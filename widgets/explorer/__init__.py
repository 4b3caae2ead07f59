"""The ceasefire-line explorer (Part III): model, charts, ipywidgets app, scenario files."""
